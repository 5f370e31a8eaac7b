"""English demonyms ("Dutch", "Brazilian") by country, from the data ``countryinfo`` ships.

The event rules use them to find a shipment's sender when the text names only its
people or firms: "Dutch traders shipped sugar to Poland" -> the Netherlands.
"""
from __future__ import annotations

from functools import lru_cache

from geo.sources import _countryinfo_by_iso


@lru_cache(maxsize=1)
def english_demonyms() -> dict[str, str]:
    """Lower-cased demonym -> ISO 3166-1 alpha-2 code; a demonym several countries share
    ("Congolese") is left out, since it names none of them for sure."""
    seen: dict[str, set[str]] = {}
    for iso, info in _countryinfo_by_iso().items():
        demonym = (info.get("demonym") or "").strip()
        if demonym[:1].isupper():
            seen.setdefault(demonym.lower(), set()).add(iso)
    return {d: next(iter(isos)) for d, isos in seen.items() if len(isos) == 1}
