"""Quad-class schemes: CAMEO codes to verbal/material cooperation/conflict classes.

Three published schemes are registered (``schemes()`` lists them); they disagree on the
edges, which is why the scheme is a choice and never implicit:

``gdelt``
    GDELT 1.0/2.0 ``QuadClass``: 1 verbal cooperation (roots 01-05), 2 material cooperation
    (06-09), 3 verbal conflict (10-14), 4 material conflict (15-20). Public statements and
    appeals (01, 02) count as verbal cooperation; investigation (09) as material cooperation;
    protest (14) as verbal conflict.
``phoenix``
    The Phoenix / PETRARCH pipeline's quad class, which adds a neutral class 0: 0 neutral
    (01-02), 1 verbal cooperation (03-05), 2 material cooperation (06-08), 3 verbal conflict
    (09-13 and 16), 4 material conflict (14, 15, 17-20). Investigation and reducing relations
    are verbal conflict; protest is material conflict. These are also the "penta-class"
    sentence labels ConfliBERT's CAMEO classification task uses (0 statement, 1 verbal
    cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict); see
    :func:`phoenix5_label`.
``plover``
    The quad categories of PLOVER applied to each code's PLOVER event type through the
    crosswalk in :mod:`realpolitik.events.plover`: 1 verbal cooperation (AGREE, CONSULT,
    SUPPORT, CONCEDE), 2 material cooperation (COOPERATE, AID, RETREAT), 3 verbal conflict
    (REQUEST, ACCUSE, REJECT, THREATEN), 4 material conflict (PROTEST, SANCTION, MOBILIZE,
    COERCE, ASSAULT). CAMEO 01 (public statements) has no PLOVER type and gets 0. Because the
    crosswalk works below the root, codes of one root can fall in different classes (081 ->
    CONCEDE -> 1, 084 -> RETREAT -> 2).

A new scheme registers itself with :func:`register_scheme`; no list of schemes is kept by hand.

References
----------
GDELT Project (2013). *GDELT Event Record Exporter / Data Format Codebook V1.03*, field
``QuadClass`` (p. 4).
Open Event Data Alliance, ``phoenix_pipeline`` (github.com/openeventdata/phoenix_pipeline),
``postprocess.py``, ``process_cameo`` (the ``quad_conversion`` table).
Hu, Y. et al. (2022). ConfliBERT: A pre-trained language model for political conflict and
violence. NAACL 2022, sec. 4 (CAMEO "penta-class" task); data ``data/cameo_class``.
Open Event Data Alliance (2021). *PLOVER: Political Language Ontology for Verifiable Event
Records*, draft 0.7b1/0.8, ch. 2 (each category's VERBAL/MATERIAL COOPERATION/CONFLICT
heading).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from realpolitik.errors import InputError

__all__ = [
    "QuadScheme",
    "register_scheme",
    "get_scheme",
    "schemes",
    "quad_class",
    "quad_label",
    "phoenix5_label",
    "PHOENIX5_LABELS",
]


@dataclass(frozen=True)
class QuadScheme:
    """A quad-class scheme: metadata and the function that classifies a CAMEO code.

    Attributes
    ----------
    name
        Registry key (``"gdelt"``).
    labels
        Class number to label, e.g. ``{1: "verbal cooperation", ...}``.
    classify
        Function from a CAMEO code string to a class number; raises
        :class:`~realpolitik.events.cameo.UnknownCodeError` on a malformed code.
    description
        One line on what the scheme does differently.
    reference
        Where it is published.
    """

    name: str
    labels: Mapping[int, str]
    classify: Callable[[str], int] = field(repr=False)
    description: str = ""
    reference: str = ""


_REGISTRY: dict[str, QuadScheme] = {}

_FOUR = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
         4: "material conflict"}


def register_scheme(
    name: str, labels: Mapping[int, str], *, description: str, reference: str
) -> Callable[[Callable[[str], int]], Callable[[str], int]]:
    """Register a quad-class scheme; use as a decorator on its classifying function.

    Parameters
    ----------
    name
        Registry key; must be new.
    labels
        Class number to label.
    description, reference
        Metadata shown by ``schemes()`` and in the docs.

    Returns
    -------
    callable
        A decorator that registers the function and returns it unchanged.

    Raises
    ------
    ValueError
        When ``name`` is already registered.
    """

    def deco(func: Callable[[str], int]) -> Callable[[str], int]:
        if name in _REGISTRY:
            raise ValueError(f"quad-class scheme {name!r} is already registered")
        _REGISTRY[name] = QuadScheme(
            name, MappingProxyType(dict(labels)), func, description, reference
        )
        return func

    return deco


def schemes() -> dict[str, QuadScheme]:
    """All registered schemes by name.

    Returns
    -------
    dict
        Name to :class:`QuadScheme` (a copy; changing it registers nothing).
    """
    return dict(_REGISTRY)


def get_scheme(name: str) -> QuadScheme:
    """Look up a registered scheme.

    Parameters
    ----------
    name
        ``"gdelt"``, ``"phoenix"``, ``"plover"`` or any scheme registered later.

    Returns
    -------
    QuadScheme
        The scheme.

    Raises
    ------
    InputError
        When no scheme of that name is registered.
    """
    try:
        return _REGISTRY[name]
    except KeyError:
        raise InputError(
            f"unknown quad-class scheme {name!r}; expected one of {', '.join(sorted(_REGISTRY))}",
            field="scheme",
        ) from None


@lru_cache(maxsize=8192)
def quad_class(code: str, scheme: str = "gdelt") -> int:
    """Quad class of a CAMEO code under a scheme.

    Parameters
    ----------
    code
        CAMEO code string (``"163"``).
    scheme
        ``"gdelt"`` (1-4), ``"phoenix"`` (0-4, 0 neutral) or ``"plover"`` (0-4, 0 = no
        PLOVER type).

    Returns
    -------
    int
        The class number; :func:`quad_label` names it.

    Raises
    ------
    UnknownCodeError
        When ``code`` is not CAMEO-shaped.
    InputError
        When ``scheme`` is not registered.

    Examples
    --------
    >>> quad_class("14"), quad_class("14", "phoenix")
    (3, 4)
    """
    return get_scheme(scheme).classify(code)


def quad_label(quad: int, scheme: str = "gdelt") -> str:
    """Name of class number ``quad`` in ``scheme``.

    Parameters
    ----------
    quad
        Class number.
    scheme
        Registered scheme name.

    Returns
    -------
    str
        The label, e.g. ``"material conflict"``.

    Raises
    ------
    InputError
        When the scheme or the class number is unknown.
    """
    s = get_scheme(scheme)
    if quad not in s.labels:
        raise InputError(
            f"scheme {scheme!r} has no class {quad!r}; expected one of {sorted(s.labels)}",
            field="quad_class",
        )
    return s.labels[quad]


def _root_int(code: str) -> int:
    from realpolitik.events.cameo import root_of

    return int(root_of(code))


@register_scheme(
    "gdelt",
    _FOUR,
    description="roots 01-05 verbal coop, 06-09 material coop, 10-14 verbal conflict, "
    "15-20 material conflict",
    reference="GDELT Data Format Codebook V1.03, QuadClass",
)
def _gdelt(code: str) -> int:
    r = _root_int(code)
    if r <= 5:
        return 1
    if r <= 9:
        return 2
    if r <= 14:
        return 3
    return 4


_PHOENIX_BY_ROOT: dict[int, int] = {
    1: 0, 2: 0, 3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 2, 9: 3, 10: 3,
    11: 3, 12: 3, 13: 3, 14: 4, 15: 4, 16: 3, 17: 4, 18: 4, 19: 4, 20: 4,
}  # fmt: skip

#: Labels of the Phoenix classes (= ConfliBERT's penta-class sentence labels).
PHOENIX5_LABELS: Mapping[int, str] = MappingProxyType(
    {0: "statement", 1: "verbal cooperation", 2: "material cooperation",
     3: "verbal conflict", 4: "material conflict"}
)  # fmt: skip


@register_scheme(
    "phoenix",
    PHOENIX5_LABELS,
    description="0 neutral (01-02), 1 verbal coop (03-05), 2 material coop (06-08), "
    "3 verbal conflict (09-13, 16), 4 material conflict (14, 15, 17-20)",
    reference="openeventdata/phoenix_pipeline postprocess.py process_cameo; ConfliBERT "
    "cameo_class",
)
def _phoenix(code: str) -> int:
    return _PHOENIX_BY_ROOT[_root_int(code)]


def phoenix5_label(code: str) -> int:
    """Phoenix 5-class sentence label of a CAMEO code (ConfliBERT's penta-class task).

    Parameters
    ----------
    code
        CAMEO code string.

    Returns
    -------
    int
        0 statement (01-02), 1 verbal cooperation (03-05), 2 material cooperation (06-08),
        3 verbal conflict (09-13, 16), 4 material conflict (14, 15, 17-20).

    Raises
    ------
    UnknownCodeError
        When ``code`` is not CAMEO-shaped.

    References
    ----------
    phoenix_pipeline ``postprocess.process_cameo``; Hu et al. (2022), sec. 4.
    """
    return _phoenix(code)


_PLOVER_LABELS = {0: "no PLOVER category", **_FOUR}


@register_scheme(
    "plover",
    _PLOVER_LABELS,
    description="PLOVER quad category of the code's PLOVER event type (crosswalk); "
    "0 for CAMEO 01 statements, which PLOVER does not code",
    reference="PLOVER manual draft 0.7b1/0.8 (2021), ch. 2",
)
def _plover(code: str) -> int:
    from realpolitik.events.plover import cameo_to_plover, plover_quad

    ptype = cameo_to_plover(code)
    return 0 if ptype is None else plover_quad(ptype)
