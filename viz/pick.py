"""Which drawn events a click on the map meant (pure, no folium).

The map reports only where it was clicked. A marker click reports the
marker's own position; a click on a route line reports a point on the line.
So the events picked are those whose drawn geometry -- marker, route stop or
route line, as :func:`viz.mapping.build_map` draws them -- lies nearest to
that point; events drawn at the same spot (several meetings in one city)
come back together.
"""
from __future__ import annotations

import math
from typing import Any, Iterable, Mapping

from geo.distance import EARTH_KM, distance_km
from viz.geometry import CoordinateError, LatLon, event_points, mercator_segment
from viz.legs import event_legs

MAX_KM = 50.0          # a click farther than this from every event picks nothing
SAME_SPOT_KM = 0.5     # events this close to the nearest one are picked with it


def _local_xy(click: LatLon, p: LatLon) -> tuple[float, float]:
    """*p* in km on a plane touching the globe at *click* (fine at click range)."""
    dlon = (p[1] - click[1] + 180.0) % 360.0 - 180.0
    km = math.pi * EARTH_KM / 180.0
    return dlon * km * math.cos(math.radians(click[0])), (p[0] - click[0]) * km


def distance_to_line_km(click: LatLon, line: list[LatLon]) -> float:
    """Distance from *click* to the polyline *line* (to a point when it has one)."""
    if len(line) == 1:
        return distance_km(click, line[0])
    best = math.inf
    xy = [_local_xy(click, p) for p in line]
    for (ax, ay), (bx, by) in zip(xy, xy[1:]):
        dx, dy = bx - ax, by - ay
        seg = dx * dx + dy * dy
        t = 0.0 if seg == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / seg))
        best = min(best, math.hypot(ax + t * dx, ay + t * dy))
    return best


def drawn_points(event: Mapping[str, Any]) -> list[LatLon]:
    """What the map draws for *event*: its legs' vertices for a shipment with
    both ends (long segments filled in along the straight line Leaflet draws),
    else its one marker; [] when nothing is drawn."""
    try:
        pts = event_points(event)
    except CoordinateError:
        return []
    if pts["origin"] and pts["destination"]:
        line: list[LatLon] = []
        for leg in event_legs(event, pts):
            for a, b in zip(leg.points, leg.points[1:]):
                line.extend(mercator_segment(a, b)[:-1])
            line.append(leg.points[-1])
        return line
    point = pts["location"] or pts["destination"] or pts["origin"]
    return [point] if point else []


def events_at(events: Iterable[Mapping[str, Any]], lat: float, lon: float,
              max_km: float = MAX_KM) -> list[str]:
    """Ids of the events drawn nearest to (*lat*, *lon*), nearest first; [] when
    none is within *max_km*."""
    click = (float(lat), float(lon))
    scored = []
    for event in events:
        points = drawn_points(event)
        if points and event.get("id") is not None:
            scored.append((distance_to_line_km(click, points), str(event["id"])))
    if not scored:
        return []
    nearest = min(d for d, _ in scored)
    if nearest > max_km:
        return []
    return [eid for d, eid in sorted(scored) if d <= nearest + SAME_SPOT_KM]
