"""Packaged lookup tables the readers join against (loaded once, cached, read-only).

Every table lives under ``realpolitik/data/store/`` with its source in ``SOURCES.md`` there,
except the ISO 3166-1 list, which comes from ``country_converter``'s data file.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd

__all__ = [
    "fips_table",
    "cameo_country_table",
    "iso3_codes",
    "country_name_to_iso3",
    "icews_officials",
    "icews_eventtext_table",
    "code_table",
]


def _read_tsv(name: str) -> pd.DataFrame:
    text = resources.files("realpolitik.data").joinpath(f"store/{name}").read_text("utf-8")
    rows = list(csv.DictReader(text.splitlines(), delimiter="\t"))
    return pd.DataFrame(rows, dtype="string").fillna("")


@lru_cache(maxsize=1)
def fips_table() -> pd.DataFrame:
    """FIPS 10-4 → ISO3 (``fips``, ``iso3``; empty ``iso3`` for entities without an ISO code)."""
    return _read_tsv("fips_to_iso3.tsv")[["fips", "iso3"]]


@lru_cache(maxsize=1)
def _coco_frame() -> pd.DataFrame:
    import country_converter

    path = Path(country_converter.__file__).with_name("country_data.tsv")
    return pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)


@lru_cache(maxsize=1)
def iso3_codes() -> frozenset[str]:
    """Current ISO 3166-1 alpha-3 codes (from ``country_converter``), plus ``XKX`` (Kosovo)."""
    return frozenset(_coco_frame()["ISO3"].tolist()) | {"XKX"}


@lru_cache(maxsize=1)
def cameo_country_table() -> pd.DataFrame:
    """CAMEO actor country code → realpolitik code, for every accepted code.

    Returns
    -------
    pandas.DataFrame
        Columns ``cameo``, ``iso3``, ``kind``: every ISO3 code maps to itself (kind
        ``state``); CAMEO's non-ISO codes map as listed in ``cameo_country_codes.tsv``
        (e.g. ``ROM`` → ``ROU``); CAMEO regions map to themselves (kind ``region``).
    """
    extra = _read_tsv("cameo_country_codes.tsv")[["cameo", "iso3", "kind"]]
    iso = sorted(iso3_codes() - set(extra["cameo"]))
    base = pd.DataFrame({"cameo": iso, "iso3": iso, "kind": "state"}, dtype="string")
    return pd.concat([base, extra], ignore_index=True)


@lru_cache(maxsize=65536)
def country_name_to_iso3(name: str) -> str | None:
    """ISO3 code of a country name as ICEWS spells it ("North Korea", "Russian Federation").

    Exact, case-insensitive match against ``country_converter``'s short and official names
    and the ICEWS spellings of ``data/store/icews_country_aliases.tsv``. No fuzzy or regular-
    expression matching: person and group names must not become countries.

    Parameters
    ----------
    name
        A country name.

    Returns
    -------
    str or None
        The ISO3 code, or ``None`` when the name is not a listed country name.
    """
    return _exact_names().get(name.strip().lower())


@lru_cache(maxsize=1)
def _exact_names() -> dict[str, str]:
    frame = _coco_frame()
    out: dict[str, str] = {}
    for col in ("name_official", "name_short"):
        for nm, iso in zip(frame[col], frame["ISO3"], strict=True):
            if nm:
                out[nm.lower()] = iso
    aliases = _read_tsv("icews_country_aliases.tsv")
    for nm, iso in zip(aliases["name"], aliases["iso3"], strict=True):
        out[str(nm).lower()] = str(iso)
    return out


@lru_cache(maxsize=1)
def icews_officials() -> pd.DataFrame:
    """Named ICEWS persons/organisations with ISO3 and tenure (``name, iso3, kind, start, end``)."""
    t = _read_tsv("icews_actor_country_map.tsv")
    t = t[["name", "iso3", "kind", "start", "end"]].copy()
    t["start"] = pd.to_datetime(t["start"]).dt.date
    t["end"] = pd.to_datetime(t["end"]).dt.date
    return t


@lru_cache(maxsize=1)
def icews_eventtext_table() -> pd.DataFrame:
    """ICEWS event text → CAMEO code (``event_text``, ``cameo_code``)."""
    return _read_tsv("icews_eventtext_to_cameo.tsv")[["event_text", "cameo_code"]]


def code_table(codes: list[str], scheme: str = "gdelt") -> pd.DataFrame:
    """Root, Goldstein score and quad class of each distinct code, from the CAMEO tables.

    Parameters
    ----------
    codes
        Distinct code strings as found in a file (may include unknown or malformed ones).
    scheme
        Quad-class scheme (:func:`realpolitik.events.quadclass.quad_class`).

    Returns
    -------
    pandas.DataFrame
        Columns ``code, known, root, goldstein, quad_class``; unknown codes have
        ``known = False`` and nulls elsewhere.
    """
    from realpolitik.events import cameo
    from realpolitik.events.quadclass import quad_class

    rows: list[tuple[object, ...]] = []
    for c in codes:
        if c is not None and cameo.is_known(c):
            rows.append((c, True, cameo.root_of(c), cameo.goldstein(c), quad_class(c, scheme)))
        else:
            rows.append((c, False, None, None, None))
    frame = pd.DataFrame(rows, columns=["code", "known", "root", "goldstein", "quad_class"])
    frame["code"] = frame["code"].astype("string")
    frame["root"] = frame["root"].astype("string")
    frame["goldstein"] = frame["goldstein"].astype("float64")
    frame["quad_class"] = frame["quad_class"].astype("Int8")
    return frame
