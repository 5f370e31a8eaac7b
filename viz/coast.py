"""Is a place on the sea? (pure, offline; decides which legs may be sea legs)

A place counts as *coastal* when either

* open water lies within :data:`COAST_KM` of it: the place itself or one of
  the points sampled on rings around it falls outside every country outline
  (countryinfo's bundled polygons, the ones the offline basemap draws), or
* searoute's marine network (the sea lanes ships take, rivers such as the
  Elbe included) passes within :data:`LANE_KM` of it: Hamburg is 100 km up
  the Elbe and still a seaport.

Vienna, Duisburg or Tikhoretsk are neither; Rajin, Odesa, Vladivostok are.
The outlines are coarse (about 10,000 vertices for the world), so the rule
is meant for "port or not", not for metres.
"""
from __future__ import annotations

import functools
import json
import math
from pathlib import Path
from typing import Iterator

from geo.distance import haversine_km

COAST_KM = 50.0   # open water this close makes a place coastal
LANE_KM = 40.0    # ... and so does a sea lane this close
WATER_LANE_KM = 150.0  # a gap in the outlines farther than this from every lane is no sea
_PATCH_KM = 8.0  # a gap must be this wide every way to count as water
_RING_STEPS = 16  # bearings sampled per ring

Ring = list[tuple[float, float]]  # (lon, lat) vertices


@functools.lru_cache(maxsize=1)
def _land() -> list[tuple[tuple[float, float, float, float], list[Ring]]]:
    """Every country polygon as (bbox lon/lat min/max, [outer ring, holes...])."""
    import countryinfo  # its data files ship with the package

    polygons = []
    for path in sorted((Path(countryinfo.__file__).resolve().parent / "data").glob("*.json")):
        try:
            geo = json.loads(path.read_text(encoding="utf-8")).get("geoJSON") or {}
        except (OSError, ValueError):
            continue
        for feature in geo.get("features", []):
            geom = feature.get("geometry") or {}
            parts = {"Polygon": [geom.get("coordinates")],
                     "MultiPolygon": geom.get("coordinates")}.get(geom.get("type")) or []
            for rings in parts:
                rings = [[(float(x), float(y)) for x, y, *_ in ring] for ring in rings if ring]
                if not rings:
                    continue
                xs = [x for x, _ in rings[0]]
                ys = [y for _, y in rings[0]]
                polygons.append(((min(xs), min(ys), max(xs), max(ys)), rings))
    return polygons


def _in_ring(x: float, y: float, ring: Ring) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def on_land(lat: float, lon: float) -> bool:
    """True when ``(lat, lon)`` lies inside a country outline."""
    lon = (lon + 180.0) % 360.0 - 180.0
    for (x0, y0, x1, y1), rings in _land():
        if x0 <= lon <= x1 and y0 <= lat <= y1 and _in_ring(lon, lat, rings[0]) \
                and not any(_in_ring(lon, lat, hole) for hole in rings[1:]):
            return True
    return False


def _ring_points(lat: float, lon: float, km: float) -> Iterator[tuple[float, float]]:
    dlat = km / 111.195
    dlon = dlat / max(math.cos(math.radians(lat)), 0.05)
    for k in range(_RING_STEPS):
        bearing = 2 * math.pi * k / _RING_STEPS
        yield max(-90.0, min(90.0, lat + dlat * math.cos(bearing))), lon + dlon * math.sin(bearing)


@functools.lru_cache(maxsize=1)
def _lane_grid() -> dict[tuple[int, int], list[tuple[float, float]]]:
    """searoute's marine-network nodes as (lat, lon), bucketed by whole degree."""
    from searoute.data.marnet_dict import node_list

    grid: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for lon, lat in node_list:
        grid.setdefault((math.floor(lat), math.floor(lon)), []).append((lat, lon))
    return grid


def lane_distance_km(lat: float, lon: float, within_km: float = 120.0) -> float:
    """Distance to the nearest sea-lane node, looked for up to about *within_km*
    away (inf when there is none that close)."""
    grid = _lane_grid()
    ci, cj = math.floor(lat), math.floor((lon + 180.0) % 360.0 - 180.0)
    reach_lat = int(within_km / 111.195) + 1
    reach_lon = min(180, int(within_km / (111.195 * max(math.cos(math.radians(lat)), 0.05))) + 1)
    best = math.inf
    for di in range(-reach_lat, reach_lat + 1):
        for dj in range(-reach_lon, reach_lon + 1):
            for node in grid.get((ci + di, (cj + dj + 180) % 360 - 180), ()):
                best = min(best, haversine_km(lat, lon, *node))
    return best


def is_water(lat: float, lon: float) -> bool:
    """Open water at ``(lat, lon)``: outside every outline there and a patch
    around it (slivers between neighbours' coarse outlines are not water), and
    a sea lane within :data:`WATER_LANE_KM` (a country the data lacks, such as
    Hungary, is no sea)."""
    if on_land(lat, lon):
        return False
    dlat = _PATCH_KM / 111.195
    dlon = dlat / max(math.cos(math.radians(lat)), 0.05)
    if any(on_land(lat + a, lon + b) for a, b in ((dlat, 0), (-dlat, 0), (0, dlon), (0, -dlon))):
        return False
    return lane_distance_km(lat, lon, WATER_LANE_KM) <= WATER_LANE_KM


@functools.lru_cache(maxsize=4096)
def _coastal(lat: float, lon: float) -> bool:
    if lane_distance_km(lat, lon, LANE_KM) <= LANE_KM:
        return True
    return any(is_water(*p) for km in (0.0, COAST_KM / 2, COAST_KM)
               for p in ([(lat, lon)] if km == 0 else _ring_points(lat, lon, km)))


def is_coastal(lat: float, lon: float) -> bool:
    """True when a ship can plausibly load or unload at ``(lat, lon)`` (see module doc).
    Cached on the point rounded to 0.01° (about 1 km)."""
    return _coastal(round(lat, 2), round(lon, 2))
