"""Distances on the Earth, in one place: geopy's great circle, and a fast path.

:func:`distance_km` is :class:`geopy.distance.great_circle` -- a sphere, not
the WGS-84 ellipsoid of :class:`geopy.distance.geodesic` -- because

* every threshold that reads a distance (400 km "near" in geo.resolve, 600 km
  for a region holding a town, 50 km "same place" when merging events, 0.5 km
  "same spot" on the map) was set on a sphere; the ellipsoid differs by up to
  about 0.5 %, enough to flip names close to a threshold;
* gazetteer coordinates are centroids of towns and regions, good to a
  kilometre or so: an ellipsoid's metres buy nothing;
* geodesic costs about 13 times as much per call (78 vs 6 microseconds).

The radius is :data:`EARTH_KM` = 6371.0 km, what the project has always used,
passed explicitly: geopy's default ``EARTH_RADIUS`` is 6371.009 km, 1.4 ppm
more (0.6 m at 400 km) -- negligible, but results must not change.

:func:`place_km` is the fast path for the hot loop of toponym resolution
(every candidate against every unambiguous place of a document): the
haversine formula in plain ``math``, on :class:`records.model.Place`-like
objects, about six times cheaper than building geopy ``Point`` objects. It
agrees with :func:`distance_km` within 1 m (tests/test_distance.py).
"""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from typing import Iterable, Optional, Protocol, Sequence

from geopy.distance import great_circle

EARTH_KM = 6371.0  # mean Earth radius; geopy's EARTH_RADIUS is 6371.009

LatLon = Sequence[float]


class HasLatLon(Protocol):
    lat: float
    lon: float


def distance_km(a: LatLon, b: LatLon) -> float:
    """Great-circle distance in km between two ``(lat, lon)`` points (degrees).

    Raises ValueError (from geopy) for a latitude outside -90..90."""
    return great_circle(a, b, radius=EARTH_KM).km


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The same distance by the haversine formula in plain ``math`` (no validation)."""
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def place_km(a: HasLatLon, b: HasLatLon) -> float:
    """Distance in km between two places (anything with ``lat`` and ``lon``): the fast path."""
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


class NearIndex:
    """Named points, to count those within some km of a place quickly: the points are
    sorted by latitude, so only those in the latitude band the radius allows are
    measured (a point farther north or south than that is farther away in any case)."""

    def __init__(self, points: Iterable[tuple]):
        """``points``: (name, place) or (name, place, payload) tuples."""
        rows = sorted(((p[1].lat, p[1].lon, p[0], p[2] if len(p) > 2 else None) for p in points),
                      key=lambda r: r[:3])
        self._lats = [r[0] for r in rows]
        self._rows = rows

    def _band(self, place: HasLatLon, km: float) -> list[tuple]:
        band = math.degrees(km / EARTH_KM) + 1e-9
        lo = bisect_left(self._lats, place.lat - band)
        hi = bisect_right(self._lats, place.lat + band)
        return self._rows[lo:hi]

    def count(self, place: HasLatLon, km: float, exclude: Optional[str] = None) -> int:
        """Points within ``km`` of ``place`` whose name is not ``exclude``."""
        return sum(1 for lat, lon, key, _ in self._band(place, km)
                   if key != exclude and haversine_km(lat, lon, place.lat, place.lon) <= km)

    def within(self, place: HasLatLon, km: float, exclude: Optional[str] = None) -> list[tuple]:
        """(km, name, payload) of the points within ``km`` of ``place`` whose name is not
        ``exclude``, in latitude order."""
        out = []
        for lat, lon, key, payload in self._band(place, km):
            if key != exclude:
                d = haversine_km(lat, lon, place.lat, place.lon)
                if d <= km:
                    out.append((d, key, payload))
        return out
