"""A registry in which bargaining models register themselves, with their metadata.

Each model module decorates its entry function with :func:`register_model`; nothing keeps a
hand-written list. The CLI and the scenario runner ask the registry which models exist.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from realpolitik.errors import InputError

__all__ = ["ModelInfo", "register_model", "get_model", "available_models"]


@dataclass(frozen=True)
class ModelInfo:
    """Declarative metadata of one bargaining model.

    Attributes
    ----------
    name
        Short name used on the command line (``mean``, ``median``, ``nash``, ``bdm``).
    title
        Human-readable title.
    reference
        The publication the implementation follows, pinned to equation/table/page.
    func
        ``func(problem, **options) -> result``; the result has ``forecast``, ``to_dict()`` and
        ``to_frame()``.
    needs_status_quo
        Whether the model needs the issue's status quo.
    """

    name: str
    title: str
    reference: str
    func: Callable[..., Any]
    needs_status_quo: bool = False


_REGISTRY: dict[str, ModelInfo] = {}


def register_model(
    name: str, *, title: str, reference: str, needs_status_quo: bool = False
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator: register a model's entry function under ``name``.

    Parameters
    ----------
    name, title, reference, needs_status_quo
        See :class:`ModelInfo`.

    Returns
    -------
    callable
        The decorator; it returns the function unchanged.
    """

    def deco(func: Callable[..., Any]) -> Callable[..., Any]:
        if name in _REGISTRY and _REGISTRY[name].func is not func:
            raise ValueError(f"bargaining model {name!r} is registered twice")
        _REGISTRY[name] = ModelInfo(name, title, reference, func, needs_status_quo)
        return func

    return deco


def _load_all() -> None:
    # Importing the package imports every model module, which registers it.
    import realpolitik.bargaining  # noqa: F401


def available_models() -> dict[str, ModelInfo]:
    """Every registered model, by name, in registration order."""
    _load_all()
    return dict(_REGISTRY)


def get_model(name: str) -> ModelInfo:
    """The registered model called ``name``.

    Raises
    ------
    InputError
        If no model has that name.
    """
    models = available_models()
    if name not in models:
        raise InputError(f"unknown model {name!r}; expected one of {', '.join(models)}",
                         field="model")
    return models[name]
