"""The scenarios shipped inside the package (``realpolitik/data/scenarios``)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from realpolitik.errors import InputError
from realpolitik.scenario.schema import Scenario

__all__ = ["bundled_scenario_path", "bundled_scenario", "bundled_scenario_names"]


def bundled_scenario_names() -> list[str]:
    """Names (file stems) of the bundled scenarios."""
    root = files("realpolitik.data") / "scenarios"
    return sorted(p.name[:-5] for p in root.iterdir() if p.name.endswith(".yaml"))


def bundled_scenario_path(name: str = "korea-2017") -> Path:
    """Filesystem path of a bundled scenario by name."""
    p = Path(str(files("realpolitik.data") / "scenarios" / f"{name}.yaml"))
    if not p.is_file():
        raise InputError(
            f"no bundled scenario {name!r}; have {', '.join(bundled_scenario_names())}"
        )
    return p


def bundled_scenario(name: str = "korea-2017") -> Scenario:
    """Load a bundled scenario by name."""
    from realpolitik.scenario.validate import load_scenario

    return load_scenario(bundled_scenario_path(name))
