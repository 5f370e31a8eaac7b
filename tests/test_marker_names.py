"""Markers named for screen readers (viz.marker_names): the name of each event point
(type, date, place) and the hook in the rendered map, without a browser (the
browser test tests/test_browser_layout.py checks the names on the elements)."""
from __future__ import annotations

import html as htmllib
import json
import re

import pytest

import hostile
from test_export import HOSTILE, MADRID, MEETING, SHIPMENT, UNPLACED
from viz import build_map
from viz.mapping import UNDATED_DATE
from viz.marker_names import NAME_KEY, marker_name

ONE_END = dict(SHIPMENT, id="ev-one-end", origin=None)  # a route with one end: a marker there

NAMES = [
    # (event, date shown instead of its own, name)
    (MEETING, None, "meeting, 2023-09-01 – 2023-09-30 (month), Vostochny Cosmodrome (RU)"),
    (ONE_END, None, "shipment, 2023-09-07 – 2023-10-01 (day), Tikhoretsk (RU)"),
    (HOSTILE, UNDATED_DATE, f"meeting, {UNDATED_DATE}, Madrid (ES)"),
    (UNPLACED, None, "meeting, 2023-07-01 – 2023-07-31 (month)"),
    (dict(MEETING, type=None), None,
     "event, 2023-09-01 – 2023-09-30 (month), Vostochny Cosmodrome (RU)"),
    # bidi controls are shown, not obeyed
    (dict(MEETING, location=dict(MADRID, name="Ma\u202edrid")), None,
     "meeting, 2023-09-01 – 2023-09-30 (month), Ma[U+202E]drid (ES)"),
]


@pytest.mark.parametrize("event, date, name", NAMES)
def test_marker_name(event, date, name):
    spec_label = marker_name(event, date)
    assert spec_label.lower() == name.lower()


def _names(html: str) -> list[str]:
    """The ``nm`` properties of the rendered GeoJSON features, unescaped as the hook does."""
    found = re.findall(rf'"{NAME_KEY}": "((?:[^"\\]|\\.)*)"', html)
    return sorted(htmllib.unescape(json.loads(f'"{m}"')) for m in found)


def test_every_event_point_carries_its_name():
    html = build_map([SHIPMENT, MEETING, HOSTILE, ONE_END]).get_root().render()
    assert _names(html) == sorted([marker_name(MEETING), marker_name(ONE_END),
                                   marker_name(HOSTILE, UNDATED_DATE)])
    # the hook is registered once, before the first event layer is made
    assert html.count("L.Marker.addInitHook") == 1
    assert html.index("L.Marker.addInitHook") < html.index("_pointToLayer")
    assert "setAttribute('aria-label', name)" in html and "DOMParser" in html


def test_names_survive_clustering():
    events = [dict(MEETING, id=f"m{i}") for i in range(5)]
    html = build_map(events, cluster_threshold=2).get_root().render()
    assert "L.markerClusterGroup" in html and "getChildCount()" in html
    assert len(_names(html)) == 5


def test_a_hostile_place_name_is_no_markup():
    evil = dict(MEETING, location=dict(MADRID, name="<img src=x onerror=alert(1)>"))
    html = build_map([evil]).get_root().render()
    assert "<img src=x" not in html and hostile.html_problems(html) == []
    assert _names(html) == ["meeting, 2023-09-01 – 2023-09-30 (month), "
                            "<img src=x onerror=alert(1)> (ES)"]  # text again in the hook
