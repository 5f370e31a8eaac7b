"""Routes as they ran: legs, a mode per leg, sea lanes, arrows, popups (viz.legs,
viz.sealanes, viz.coast and the shipment part of viz.mapping), without a browser."""
import json
import math
import re
import subprocess
import sys

import pytest
from hypothesis import given, strategies as st

import hostile
from test_export import RAJIN, SHIPMENT, TIKHORETSK, VOSTOCHNY
from viz import build_map
from viz import sealanes
from viz.coast import is_coastal
from viz.geometry import event_points, mercator_segment, simplify
from viz.legs import MODES, event_legs, leg_line, leg_modes, unused_modes
from viz.mapping import _legend_entries
from viz.popups import esc

T, F = True, False

# --- the mode rule (pure) -----------------------------------------------------

# (what, event modes, coastal flag per stop, expected mode per leg)
MODE_CASES = [
    # no mode stated
    ("no modes", [], [T, T, F], [None, None]),
    ("only unknown mode names", ["pipeline"], [T, F], [None]),
    # one mode: every leg
    ("one land mode, every leg", ["rail"], [T, F, F], ["rail", "rail"]),
    ("one mode twice counts once", ["rail", "rail"], [F, F, F], ["rail", "rail"]),
    ("sea alone between ports", ["sea"], [T, T, T], ["sea", "sea"]),
    ("sea alone with an inland end: unknown", ["sea"], [T, F], [None]),
    ("air alone", ["air"], [F, T], ["air"]),
    # as many modes as legs: in order
    ("modes = legs, in order", ["sea", "rail"], [T, T, F], ["sea", "rail"]),
    ("modes = legs, land only", ["road", "air"], [F, F, F], ["road", "air"]),
    ("modes = legs but sea would end inland: coastal rule", ["rail", "sea"], [T, T, F],
     ["sea", "rail"]),
    # more legs than modes: sea between coastal ends, stated land modes for the rest
    ("more legs: coastal legs sea, rest land", ["sea", "rail"], [T, T, T, F],
     ["sea", "sea", "rail"]),
    ("more legs: land modes in order, last repeated", ["sea", "rail", "road"],
     [T, T, F, F, F], ["sea", "rail", "road", "road"]),
    ("more legs: land first, then sea", ["rail", "sea"], [F, T, T, T],
     ["rail", "sea", "sea"]),
    ("more legs, no coastal leg", ["sea", "road"], [F, T, F, T], ["road", "road", "road"]),
    # fewer legs than modes
    ("the seed: sea and rail, one leg to an inland depot", ["sea", "rail"], [T, F], ["rail"]),
    ("sea and rail, one leg between ports", ["sea", "rail"], [T, T], ["sea"]),
    ("no legs", ["sea"], [T], []),
]


@pytest.mark.parametrize("what, modes, coastal, expected", MODE_CASES,
                         ids=[c[0] for c in MODE_CASES])
def test_leg_modes(what, modes, coastal, expected):
    assert leg_modes(modes, coastal) == expected


@given(st.lists(st.sampled_from([*MODES, "pipeline"]), max_size=4),
       st.lists(st.booleans(), min_size=2, max_size=7))
def test_leg_modes_never_sea_with_an_inland_end(modes, coastal):
    out = leg_modes(modes, coastal)
    assert len(out) == len(coastal) - 1
    for i, mode in enumerate(out):
        assert mode is None or mode in modes
        if mode == "sea":
            assert coastal[i] and coastal[i + 1]
    if any(m in MODES for m in modes) and "sea" not in modes:
        assert None not in out  # a stated land mode always applies


# --- coastal or not (countryinfo outlines + searoute's lanes) -------------------

# (place, lat, lon, coastal)
COASTAL_CASES = [
    ("Rajin", 42.25559, 130.28308, T),
    ("Vladivostok", 43.1056, 131.8735, T),
    ("Chongjin", 41.7956, 129.7758, T),
    ("Odesa", 46.4775, 30.7326, T),
    ("Istanbul", 41.0138, 28.9497, T),
    ("Hamburg (up the Elbe)", 53.5507, 9.993, T),
    ("Novorossiysk", 44.7239, 37.7708, T),
    ("Tikhoretsk", 45.85307, 40.11874, F),
    ("Vostochny Cosmodrome", 51.884, 128.334, F),
    ("Vienna (a river port)", 48.2085, 16.3721, F),
    ("Duisburg (a river port)", 51.4344, 6.7623, F),
    ("Budapest (no outline in the data)", 47.4979, 19.0402, F),
    ("Moscow", 55.7522, 37.6156, F),
    ("Chongqing", 29.5628, 106.5528, F),
]


@pytest.mark.parametrize("name, lat, lon, coastal", COASTAL_CASES,
                         ids=[c[0] for c in COASTAL_CASES])
def test_is_coastal(name, lat, lon, coastal):
    assert is_coastal(lat, lon) is coastal


# --- legs of an event -----------------------------------------------------------

def place(name, lat, lon, cc="RU"):
    return {"name": name, "lat": lat, "lon": lon, "country_code": cc}


VLADIVOSTOK = place("Wladiwostok", 43.1056, 131.8735)
ODESA, ISTANBUL = place("Odesa", 46.4775, 30.7326, "UA"), place("Istanbul", 41.0138, 28.9497, "TR")
NOVOROSSIYSK = place("Novorossiysk", 44.7239, 37.7708)
MULTI = dict(SHIPMENT, id="ev-legs", via=[VLADIVOSTOK])   # Rajin -> Wladiwostok -> Tikhoretsk


def _legs(event, coastal=None):
    return event_legs(event, event_points(event), **({"coastal": coastal} if coastal else {}))


# (what, via, modes, coastal stops or None for the real test, expected labels)
LEG_CASES = [
    ("the seed as it ran", [VLADIVOSTOK], ["sea", "rail"], None,
     ["1. Rajin → Wladiwostok · sea", "2. Wladiwostok → Tikhoretsk · rail"]),
    ("the seed without a transit place", [], ["sea", "rail"], None,
     ["1. Rajin → Tikhoretsk · rail"]),
    ("an inland transit place", [VOSTOCHNY], ["sea", "rail"], None,
     ["1. Rajin → Vostochny Cosmodrome · rail", "2. Vostochny Cosmodrome → Tikhoretsk · rail"]),
    ("no modes", [VLADIVOSTOK], [], None,
     ["1. Rajin → Wladiwostok · unknown mode", "2. Wladiwostok → Tikhoretsk · unknown mode"]),
    ("a transit place without coordinates", [{"name": "Wladiwostok"}], ["rail"], None,
     ["1. Rajin → Tikhoretsk · rail (via Wladiwostok: not on the map)"]),
    ("an empty transit entry", [None], ["road"], None, ["1. Rajin → Tikhoretsk · road"]),
    ("the coastal test is passed in", [VLADIVOSTOK], ["sea", "rail"], lambda lat, lon: False,
     ["1. Rajin → Wladiwostok · rail", "2. Wladiwostok → Tikhoretsk · rail"]),
]


@pytest.mark.parametrize("what, via, modes, coastal, labels", LEG_CASES,
                         ids=[c[0] for c in LEG_CASES])
def test_event_legs(what, via, modes, coastal, labels):
    legs = _legs(dict(SHIPMENT, via=via, modes=modes), coastal)
    assert [leg.label() for leg in legs] == labels
    # legs join up: each starts where the one before it ended
    assert legs[0].points[0] == (RAJIN["lat"], RAJIN["lon"])
    assert legs[-1].points[-1] == (TIKHORETSK["lat"], TIKHORETSK["lon"])
    for a, b in zip(legs, legs[1:]):
        assert a.points[-1] == b.points[0]


# (what, modes, via, modes stated but on no leg)
UNUSED_CASES = [
    ("the seed without a transit place: sea on no leg", ["sea", "rail"], [], ["sea"]),
    ("every mode on a leg", ["sea", "rail"], [VLADIVOSTOK], []),
    ("unknown names are not modes", ["pipeline", "rail"], [], []),
]


@pytest.mark.parametrize("what, modes, via, unused", UNUSED_CASES, ids=[c[0] for c in UNUSED_CASES])
def test_unused_modes(what, modes, via, unused):
    event = dict(SHIPMENT, modes=modes, via=via)
    assert unused_modes(event, _legs(event)) == unused


def test_popup_says_which_stated_mode_no_leg_has():
    seed = dict(SHIPMENT, via=[])
    line = next(f for f in _features(build_map([seed])) if "lagebild-shipment" in _class(f))
    assert line["properties"]["l"] == ["1. Rajin → Tikhoretsk · rail",
                                       "also stated: sea (on no leg drawn)"]


def test_land_and_air_legs_are_straight_and_great_circle():
    a, b = (RAJIN["lat"], RAJIN["lon"]), (TIKHORETSK["lat"], TIKHORETSK["lon"])
    assert leg_line(a, b, "rail") == ([a, b], None)
    assert leg_line(a, b, None) == ([a, b], None)
    air, note = leg_line(a, b, "air")
    assert note is None and len(air) > 10 and max(p[0] for p in air) > 50  # arcs north of both ends


def test_a_leg_that_starts_where_it_ends_is_not_routed():
    a = (RAJIN["lat"], RAJIN["lon"])
    assert leg_line(a, (a[0] + 0.001, a[1]), "sea") == ([a, (a[0] + 0.001, a[1])], None)


# (what, points, tolerance, expected)
SIMPLIFY_CASES = [
    ("two points stay", [(0, 0), (1, 1)], 0.1, [(0, 0), (1, 1)]),
    ("a point on the line goes", [(0, 0), (0, 1), (0, 2)], 0.01, [(0, 0), (0, 2)]),
    ("a small wiggle goes", [(0, 0), (0.005, 1), (0, 2)], 0.01, [(0, 0), (0, 2)]),
    ("a corner stays", [(0, 0), (1, 1), (0, 2)], 0.01, [(0, 0), (1, 1), (0, 2)]),
    ("ends always stay", [(5, 5), (5, 5)], 1.0, [(5, 5), (5, 5)]),
]


@pytest.mark.parametrize("what, points, tolerance, expected", SIMPLIFY_CASES,
                         ids=[c[0] for c in SIMPLIFY_CASES])
def test_simplify(what, points, tolerance, expected):
    assert simplify(points, tolerance) == expected


# --- sea lanes (searoute, offline) ------------------------------------------------

def _on_drawn_line(points):
    """The lane as Leaflet draws it: its segments filled in every ~0.2 degrees."""
    out = []
    for a, b in zip(points, points[1:]):
        out.extend(mercator_segment(a, b, max_deg=0.2))
    return out


# (what, from, to, (south, west, north, east) of land the lane must keep off)
LANE_CASES = [
    ("Rajin -> Vladivostok", RAJIN, VLADIVOSTOK, (42.6, 130.75, 43.3, 131.2)),  # Khasan coast
    ("Odesa -> Istanbul", ODESA, ISTANBUL, (42.7, 27.0, 44.0, 27.8)),            # Bulgaria
    ("Novorossiysk -> Odesa around Crimea", NOVOROSSIYSK, ODESA, (44.8, 33.2, 45.9, 35.3)),
]


@pytest.mark.parametrize("what, a, b, land", LANE_CASES, ids=[c[0] for c in LANE_CASES])
def test_sea_lane_follows_the_sea(what, a, b, land):
    start, end = (a["lat"], a["lon"]), (b["lat"], b["lon"])
    lane, reason = sealanes.sea_lane(start, end)
    assert reason is None
    assert len(lane) > 2
    assert lane[0] == start and lane[-1] == end
    south, west, north, east = land
    inside = [p for p in _on_drawn_line(lane) if south < p[0] < north and west < p[1] < east]
    assert inside == [], f"{what} crosses land at {inside[:3]}"


def test_the_straight_line_would_have_crossed_that_land():
    """The land boxes above are ones a straight line does cross (so the test can fail)."""
    line = _on_drawn_line([(NOVOROSSIYSK["lat"], NOVOROSSIYSK["lon"]), (ODESA["lat"], ODESA["lon"])])
    assert any(44.8 < lat < 45.9 and 33.2 < lon < 35.3 for lat, lon in line)


def test_sea_lane_across_the_pacific_is_one_continuous_line():
    lane, reason = sealanes.sea_lane((35.68, 139.69), (37.77, -122.42))
    assert reason is None
    assert all(abs(b[1] - a[1]) < 180 for a, b in zip(lane, lane[1:]))
    assert lane[-1][1] == pytest.approx(-122.42 + 360)


@pytest.fixture
def no_searoute(monkeypatch):
    """searoute failing for every pair (its cache emptied before and after)."""
    import searoute

    def fail(*_a, **_k):
        raise RuntimeError("boom")

    sealanes.cache_clear()
    monkeypatch.setattr(searoute, "searoute", fail)
    yield
    sealanes.cache_clear()


def test_a_failed_sea_lane_is_straight_and_says_so(no_searoute):
    legs = _legs(MULTI)
    assert legs[0].mode == "sea" and len(legs[0].points) == 2
    assert legs[0].label() == ("1. Rajin → Wladiwostok · sea "
                               "(straight line: no sea lane (RuntimeError))")
    html = build_map([MULTI]).get_root().render()
    assert "straight line: no sea lane (RuntimeError)" in html


NO_NETWORK = r"""
import socket
class Blocked(socket.socket):
    def connect(self, *a): raise OSError("network blocked")
    def connect_ex(self, *a): raise OSError("network blocked")
def refuse(*a, **k): raise OSError("network blocked")
socket.socket = Blocked
socket.create_connection = refuse
socket.getaddrinfo = refuse
from viz.sealanes import sea_lane
lane, reason = sea_lane((42.25559, 130.28308), (43.1056, 131.8735))
print(len(lane), reason)
"""


def test_sea_lanes_need_no_network(root):
    """A fresh process with every socket refused loads searoute's network and routes."""
    out = subprocess.run([sys.executable, "-c", NO_NETWORK], cwd=root, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    count, reason = out.stdout.split()
    assert int(count) > 2 and reason == "None"


# --- the rendered map -------------------------------------------------------------

def _features(m):
    """Every GeoJSON feature the map's shipment layers hold."""
    found = []

    def walk(node):
        data = getattr(node, "data", None)
        if isinstance(data, dict) and data.get("type") == "FeatureCollection":
            found.extend(data["features"])
        for child in node._children.values():
            walk(child)
    walk(m)
    return found


def _class(feature):
    return ((feature["properties"].get("style") or {}).get("className") or "")


def test_one_line_and_one_arrow_per_leg():
    features = _features(build_map([MULTI]))
    lines = [f for f in features if "lagebild-shipment" in _class(f)]
    arrows = [f for f in features if "lagebild-arrow" in _class(f)]
    assert [_class(f) for f in lines] == ["lagebild-shipment lagebild-leg-sea",
                                         "lagebild-shipment lagebild-leg-rail"]
    assert [_class(f) for f in arrows] == ["lagebild-arrow lagebild-leg-sea",
                                          "lagebild-arrow lagebild-leg-rail"]
    sea, rail = lines
    assert len(sea["geometry"]["coordinates"]) > 2 and len(rail["geometry"]["coordinates"]) == 2
    assert sea["properties"]["style"]["dashArray"] == "10 6"   # MODE_STYLES["sea"]
    assert rail["properties"]["style"]["dashArray"] == "4 4"   # MODE_STYLES["rail"]
    # each arrow points at its leg's end, in its leg's colour
    for line, arrow in zip(lines, arrows):
        assert arrow["geometry"]["coordinates"][0][0] == line["geometry"]["coordinates"][-1]
        assert arrow["properties"]["style"]["color"] == line["properties"]["style"]["color"]
    # both legs carry the popup with the list of legs and their own number
    assert [f["properties"]["n"] for f in lines] == [1, 2]
    assert sea["properties"]["l"] == ["1. Rajin → Wladiwostok · sea",
                                      "2. Wladiwostok → Tikhoretsk · rail"]
    assert "w" not in sea["properties"]  # the legs say the route


def test_popup_legs_are_escaped():
    evil = dict(MULTI, via=[dict(VLADIVOSTOK, name=hostile.SCRIPT)])
    html = build_map([evil]).get_root().render()
    assert hostile.SCRIPT not in html
    assert hostile.html_problems(html) == []
    line = next(f for f in _features(build_map([evil])) if "lagebild-shipment" in _class(f))
    assert line["properties"]["l"][0] == esc(f"1. Rajin → {hostile.SCRIPT} · sea")


def test_bind_script_lists_the_legs_between_fixed_tags():
    html = build_map([MULTI]).get_root().render()
    assert "['Legs', legs]" in html and "join('<br>')" in html


# (what, events, legend rows for shipments)
LEGEND_CASES = [
    ("sea and rail legs", [MULTI], ["shipment by sea →", "shipment by rail →"]),
    ("rail legs only", [SHIPMENT], ["shipment by rail →"]),
    ("unknown mode", [dict(MULTI, modes=[])], ["shipment, mode unknown →"]),
    ("no shipment", [], []),
]


@pytest.mark.parametrize("what, events, rows", LEGEND_CASES, ids=[c[0] for c in LEGEND_CASES])
def test_legend_shows_the_leg_modes_in_use(what, events, rows):
    html = build_map(events).get_root().render()
    legend = re.search(r'class="lagebild-legend".*?</div>', html, re.S).group(0)
    shown = [label for label in ("shipment by sea →", "shipment by rail →", "shipment by road →",
                                 "shipment by air →", "shipment, mode unknown →")
             if esc(label) in legend]
    assert shown == rows


def test_legend_entries_in_mode_order():
    labels = [label for _, label in _legend_entries(["rail", None, "sea", "rail"])]
    assert [x for x in labels if x.endswith("→")] == [
        "shipment by sea →", "shipment by rail →", "shipment, mode unknown →"]
