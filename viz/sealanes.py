"""Sea lanes between two points, computed offline by the ``searoute`` package.

searoute ships its marine network (``searoute/data/marnet_dict.py``) and finds
the shortest path on it with networkx; nothing is fetched. Results are cached
per process on the ends rounded to 0.01° (about 1 km), so a page with 1,000
shipments between a few dozen ports routes each pair once; the lanes are
simplified to :data:`TOLERANCE_DEG` (harbour wiggles out, the page smaller).

When searoute finds no path, raises, or has to snap an end more than
:data:`SNAP_KM` to reach its network, :func:`sea_lane` returns no lane and a
reason; the caller draws a straight line and says so.
"""
from __future__ import annotations

import functools
import warnings
from typing import Optional

from geo.distance import haversine_km
from viz.geometry import simplify

LatLon = tuple[float, float]

SNAP_KM = 300.0   # an end farther than this from the sea-lane network has no lane
TOLERANCE_DEG = 0.02  # lane vertices closer than this (about 2 km) to the line are dropped
_ROUND = 2        # cache key: ends rounded to this many decimals of a degree


def _unwrap(points: list[LatLon], start_lon: float) -> list[LatLon]:
    """Longitudes made continuous (no jump of 360° at the antimeridian),
    starting near *start_lon*, so Leaflet draws one line."""
    out: list[LatLon] = []
    prev = start_lon
    for lat, lon in points:
        while lon - prev > 180:
            lon -= 360
        while lon - prev < -180:
            lon += 360
        out.append((lat, lon))
        prev = lon
    return out


@functools.lru_cache(maxsize=8192)
def _route(a: LatLon, b: LatLon) -> tuple[tuple[LatLon, ...], Optional[str]]:
    import searoute  # ships its network; imported on first use (about 0.3 s)

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "no path found" is a warning there
            feature = searoute.searoute([a[1], a[0]], [b[1], b[0]])
        coords = feature["geometry"]["coordinates"]
    except Exception as err:  # a third-party search; any failure means: draw it straight
        return (), f"no sea lane ({type(err).__name__})"
    lane = [(float(lat), float(lon)) for lon, lat in coords]
    if len(lane) < 2:
        return (), "no sea lane between these ports"
    gaps = haversine_km(*a, *lane[0]), haversine_km(*b, *lane[-1])
    if max(gaps) > SNAP_KM:
        return (), f"no sea lane within {SNAP_KM:.0f} km"
    return tuple(simplify(lane, TOLERANCE_DEG)), None


def sea_lane(a: LatLon, b: LatLon) -> tuple[list[LatLon], Optional[str]]:
    """``(points, None)``: the sea route from *a* to *b*, starting exactly at *a*
    and ending exactly at *b* (the lane network's nearest nodes in between);
    ``([], reason)`` when there is none."""
    key = (round(a[0], _ROUND), round(a[1], _ROUND)), (round(b[0], _ROUND), round(b[1], _ROUND))
    lane, reason = _route(*key)
    if reason is not None:
        return [], reason
    points = _unwrap([a, *lane, b], a[1])
    # drop lane nodes that coincide with the given ends
    cleaned = [points[0]]
    for p in points[1:]:
        if abs(p[0] - cleaned[-1][0]) > 1e-6 or abs(p[1] - cleaned[-1][1]) > 1e-6:
            cleaned.append(p)
    if len(cleaned) < 2:
        cleaned.append(points[-1])
    return cleaned, None


def cache_clear() -> None:
    """Forget cached routes (for measurements)."""
    _route.cache_clear()
