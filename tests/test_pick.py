"""Which events a map click picks (viz.pick): markers, co-located markers, route
lines, clicks far from everything, undrawable events."""
import math

import pytest

from viz.pick import distance_km, distance_to_line_km, events_at


def place(name, lat, lon):
    return {"name": name, "lat": lat, "lon": lon}


MOSCOW, BERLIN, NAJIN = place("Moskau", 55.75, 37.62), place("Berlin", 52.52, 13.40), \
    place("Najin", 42.24, 130.30)
EVENTS = [
    {"id": "m1", "type": "meeting", "location": MOSCOW},
    {"id": "m2", "type": "meeting", "location": MOSCOW},
    {"id": "m3", "type": "meeting", "location": BERLIN},
    {"id": "s1", "type": "shipment", "origin": NAJIN,
     "destination": place("Tichorezk", 45.85, 40.13)},
    {"id": "s2", "type": "shipment", "destination": BERLIN},        # one end: a marker
    {"id": "bad", "type": "meeting", "location": place("Nowhere", 123, 0)},
    {"id": "none", "type": "meeting"},
]

CASES = [
    # (what, click lat, click lon, expected ids)
    ("a marker shared by two meetings", 55.75, 37.62, ["m1", "m2"]),
    ("a marker and a one-ended shipment at one place", 52.52, 13.40, ["m3", "s2"]),
    ("near, not on, a marker", 52.60, 13.50, ["m3", "s2"]),
    ("the start of a route", 42.24, 130.30, ["s1"]),
    ("the middle of a long route, between its vertices", None, None, ["s1"]),
    ("open sea far from everything", -40.0, -30.0, []),
]


@pytest.mark.parametrize("what, lat, lon, expected", CASES, ids=[c[0] for c in CASES])
def test_events_at(what, lat, lon, expected):
    if lat is None:
        # s1 states no mode: one straight leg Najin -> Tichorezk, straight as
        # Leaflet draws it (in Web Mercator); its midpoint is 45 degrees from a vertex
        y = [math.log(math.tan(math.pi / 4 + math.radians(v) / 2)) for v in (42.24, 45.85)]
        lat = math.degrees(2 * math.atan(math.exp(sum(y) / 2)) - math.pi / 2)
        lon = (130.30 + 40.13) / 2
    assert events_at(EVENTS, lat, lon) == expected


def test_nothing_drawn_nothing_picked():
    assert events_at([], 0, 0) == []
    assert events_at([EVENTS[-1], EVENTS[-2]], 0, 0) == []


@pytest.mark.parametrize("a, b, km", [
    ((52.52, 13.40), (48.14, 11.58), 504),    # Berlin - Munich
    ((0.0, 179.9), (0.0, -179.9), 22),        # across the antimeridian
    ((10.0, 10.0), (10.0, 10.0), 0),
])
def test_distance_km(a, b, km):
    assert distance_km(a, b) == pytest.approx(km, abs=2)


def test_distance_to_line_across_the_antimeridian():
    assert distance_to_line_km((0.5, 180.0), [(0.0, 179.0), (0.0, -179.0)]) == \
        pytest.approx(55.6, abs=1)
