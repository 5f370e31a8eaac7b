"""Coordinate checks and the small geometry the map needs (pure, no folium)."""
from __future__ import annotations

import math
from typing import Any, Iterable, Mapping, Optional, Sequence

from records.errors import CoordinateError  # noqa: F401 (raised here, importable from here)

LatLon = tuple[float, float]




def validate_point(lat: Any, lon: Any, what: str = "point") -> LatLon:
    """``(lat, lon)`` as floats, or :class:`CoordinateError` naming the bad value.

    Mirrors folium's ``validate_location``: numbers only, finite, lat within
    -90..90, lon within -180..180.
    """
    out = []
    for name, value, limit in (("latitude", lat, 90.0), ("longitude", lon, 180.0)):
        if isinstance(value, bool) or value is None:
            raise CoordinateError(f"{what}: {name} {value!r} is not a number")
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise CoordinateError(f"{what}: {name} {value!r} is not a number") from None
        if not math.isfinite(number):
            raise CoordinateError(f"{what}: {name} {value!r} is not finite")
        if not -limit <= number <= limit:
            raise CoordinateError(f"{what}: {name} {value!r} is outside -{limit:g}..{limit:g}")
        out.append(number)
    return out[0], out[1]


def place_point(place: Optional[Mapping[str, Any]], what: str) -> Optional[LatLon]:
    """Validated ``(lat, lon)`` of a contract PLACE, None when there is no place."""
    if not place:
        return None
    name = place.get("name")
    return validate_point(place.get("lat"), place.get("lon"),
                          f"{what} {name!r}" if name else what)


def _unplaced(place: Optional[Mapping[str, Any]]) -> bool:
    """A transit place named without any coordinate (drawn past, not at)."""
    return not place or (place.get("lat") is None and place.get("lon") is None)


def event_points(event: Mapping[str, Any]) -> dict[str, Any]:
    """The validated points of *event*: location, origin, via list, destination.
    A via place without coordinates is None in the via list (one with a bad
    coordinate raises, as every other place does)."""
    eid = event.get("id")
    return {
        "location": place_point(event.get("location"), f"event {eid} location"),
        "origin": place_point(event.get("origin"), f"event {eid} origin"),
        "via": [None if _unplaced(p) else place_point(p, f"event {eid} via")
                for p in event.get("via") or []],
        "destination": place_point(event.get("destination"), f"event {eid} destination"),
    }


def coordinate_problems(events: Iterable[Mapping[str, Any]]) -> list[str]:
    """One message per event whose coordinates cannot be drawn."""
    problems = []
    for event in events:
        try:
            event_points(event)
        except CoordinateError as err:
            problems.append(str(err))
    return problems


def _to_vec(p: LatLon) -> tuple[float, float, float]:
    lat, lon = math.radians(p[0]), math.radians(p[1])
    return (math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat))


def great_circle(a: LatLon, b: LatLon, steps: int = 24) -> list[LatLon]:
    """Points along the great circle from *a* to *b* (both ends included):
    at most *steps* segments, about one per 4 degrees of arc.

    Longitudes are unwrapped so a route across the antimeridian stays one
    continuous line on a Leaflet map (values may leave -180..180).
    """
    va, vb = _to_vec(a), _to_vec(b)
    dot = max(-1.0, min(1.0, sum(x * y for x, y in zip(va, vb))))
    omega = math.acos(dot)
    if omega < 1e-9 or abs(omega - math.pi) < 1e-9:
        return [a, b]
    steps = max(2, min(steps, int(math.degrees(omega) / 4) + 1))
    out: list[LatLon] = []
    prev_lon = None
    for i in range(steps + 1):
        t = i / steps
        s1, s2 = math.sin((1 - t) * omega), math.sin(t * omega)
        v = [(s1 * x + s2 * y) / math.sin(omega) for x, y in zip(va, vb)]
        lat = math.degrees(math.atan2(v[2], math.hypot(v[0], v[1])))
        lon = math.degrees(math.atan2(v[1], v[0]))
        if prev_lon is not None:
            while lon - prev_lon > 180:
                lon -= 360
            while lon - prev_lon < -180:
                lon += 360
        prev_lon = lon
        out.append((lat, lon))
    out[0] = a
    return out


def route_line(points: Sequence[LatLon], steps: int = 24) -> list[LatLon]:
    """A geodesic-ish polyline through *points* in order."""
    line: list[LatLon] = []
    for a, b in zip(points, points[1:]):
        seg = great_circle(a, b, steps)
        if line:
            # keep the unwrapped longitude continuous across legs
            shift = line[-1][1] - seg[0][1]
            seg = [(lat, lon + shift) for lat, lon in seg]
            seg = seg[1:]
        line.extend(seg)
    return line


def simplify(points: Sequence[LatLon], tolerance: float) -> list[LatLon]:
    """*points* without the vertices that lie within *tolerance* degrees of the
    line through their neighbours (Douglas-Peucker; both ends kept)."""
    pts = list(points)
    if len(pts) < 3:
        return pts
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        i, j = stack.pop()
        (ay, ax), (by, bx) = pts[i], pts[j]
        dx, dy = bx - ax, by - ay
        seg = dx * dx + dy * dy
        best, best_k = -1.0, -1
        for k in range(i + 1, j):
            py, px = pts[k]
            t = 0.0 if seg == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / seg))
            d = math.hypot(px - ax - t * dx, py - ay - t * dy)
            if d > best:
                best, best_k = d, k
        if best > tolerance:
            keep[best_k] = True
            stack += [(i, best_k), (best_k, j)]
    return [p for p, k in zip(pts, keep) if k]


def _merc_y(lat: float) -> float:
    lat = max(-85.0, min(85.0, lat))
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def mercator_segment(a: LatLon, b: LatLon, max_deg: float = 2.0) -> list[LatLon]:
    """Points on the straight line from *a* to *b* as a Web-Mercator map (Leaflet)
    draws it, about one per *max_deg* degrees, both ends included."""
    steps = max(1, int(max(abs(b[0] - a[0]), abs(b[1] - a[1])) / max_deg))
    ya, yb = _merc_y(a[0]), _merc_y(b[0])
    out = [a]
    for i in range(1, steps):
        t = i / steps
        lat = math.degrees(2 * math.atan(math.exp(ya + t * (yb - ya))) - math.pi / 2)
        out.append((lat, a[1] + t * (b[1] - a[1])))
    out.append(b)
    return out


def arrowhead(line: Sequence[LatLon], size: float = 0.04) -> list[LatLon]:
    """A triangle at the end of *line* pointing along its last segment.

    *size* is relative to the whole line's extent (with a floor/ceiling in
    degrees) so short and long routes both get a visible head.
    """
    if len(line) < 2:
        return []
    (lat1, lon1), (lat2, lon2) = line[-2], line[-1]
    lats = [p[0] for p in line]
    lons = [p[1] for p in line]
    extent = max(max(lats) - min(lats), max(lons) - min(lons))
    length = min(max(extent * size, 0.15), 2.5)
    coslat = max(math.cos(math.radians(lat2)), 0.2)
    dx, dy = (lon2 - lon1) * coslat, lat2 - lat1
    norm = math.hypot(dx, dy) or 1.0
    ux, uy = dx / norm, dy / norm
    back_x, back_y = -ux * length, -uy * length
    side_x, side_y = -uy * length * 0.5, ux * length * 0.5
    left = (lat2 + back_y + side_y, lon2 + (back_x + side_x) / coslat)
    right = (lat2 + back_y - side_y, lon2 + (back_x - side_x) / coslat)
    return [(lat2, lon2), left, right]


def bounds(points: Iterable[LatLon]) -> Optional[list[list[float]]]:
    """``[[south, west], [north, east]]`` of *points*, None when there are none."""
    pts = list(points)
    if not pts:
        return None
    lats = [p[0] for p in pts]
    lons = [p[1] for p in pts]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]
