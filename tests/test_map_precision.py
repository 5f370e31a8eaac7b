"""The map by precision (viz.approximate, viz.popups): a region- or country-level place is
a large shaded, dashed circle with a legend row, a town is not; the popup says the date's
precision in words and both ACLED codes. Rendered HTML, no browser."""
import json
import re

import pytest

from export_cases import LITHUANIA, MEETING, RAJIN, SHIPMENT, TIKHORETSK, VILNIUS
from viz.approximate import AREA_CLASS, AREA_STYLE, LEGEND_LABEL
from viz.escape import html_text as esc
from viz.mapping import build_map
from viz.popups import popup_fields, precision_label, when_label

TOWN = dict(MEETING, id="m-town", location=VILNIUS)
COUNTRY = dict(MEETING, id="m-country", location=LITHUANIA)
UNDATED_COUNTRY = dict(COUNTRY, id="m-undated", date_start=None, date_end=None, date_precision=None)
TO_COUNTRY = dict(SHIPMENT, id="s-country", via=[], destination=LITHUANIA)
FROM_COUNTRY = dict(SHIPMENT, id="s-from", via=[], origin=LITHUANIA, destination=TIKHORETSK)


def _rings(html):
    """[lon, lat] of every circle feature drawn for an approximate place."""
    out = []
    for data in re.findall(r"_add\((\{.*?\})\);", html):
        for feature in json.loads(data)["features"]:
            if feature["properties"].get("style", {}).get("dashArray") == AREA_STYLE["dashArray"]:
                out.append(feature["geometry"]["coordinates"])
    return out


def _legend(html):
    return re.search(r'class="lagebild-legend".*?</div>', html, re.S).group(0)


# (what, events, rings drawn at [lon, lat])
CASES = [
    ("a town is a marker only", [TOWN], []),
    ("a country gets a circle", [COUNTRY], [[24.0, 55.4167]]),
    ("an undated country too", [UNDATED_COUNTRY], [[24.0, 55.4167]]),
    ("a route to a country: at its end", [TO_COUNTRY], [[24.0, 55.4167]]),
    ("a route from a country: at its start", [FROM_COUNTRY], [[24.0, 55.4167]]),
    ("a route between towns: none", [dict(SHIPMENT, via=[])], []),
    ("one of each", [TOWN, COUNTRY], [[24.0, 55.4167]]),
]


@pytest.mark.parametrize("what, events, rings", CASES, ids=[c[0] for c in CASES])
def test_region_or_country_places_are_drawn_as_areas(what, events, rings):
    html = build_map(events).get_root().render()
    assert _rings(html) == rings
    shown = esc(LEGEND_LABEL) in _legend(html)
    assert shown == bool(rings)
    assert (f'"className": "{AREA_CLASS}"' in html) == bool(rings)


def test_the_circles_take_no_clicks():
    html = build_map([COUNTRY]).get_root().render()
    opts = re.search(r'var opts = (\{[^}]*"className": "' + AREA_CLASS + r'"[^}]*\})', html, re.S)
    assert opts and '"interactive": false' in opts.group(1)


# --- the popup -----------------------------------------------------------------------------
WHEN = [
    ({"date_start": "2023-03-01", "date_end": "2023-03-31", "date_precision": "month"}, "in March 2023 (month)"),
    ({"date_start": "2023-03-01", "date_end": "2023-05-31", "date_precision": "month"}, "March – May 2023 (month)"),
    ({"date_start": "2023-12-01", "date_end": "2024-02-29", "date_precision": "month"},
     "December 2023 – February 2024 (month)"),
    ({"date_start": "2023-01-01", "date_end": "2023-12-31", "date_precision": "year"}, "in 2023 (year)"),
    ({"date_start": "2022-01-01", "date_end": "2023-12-31", "date_precision": "year"}, "2022 – 2023 (year)"),
    ({"date_start": "2023-09-04", "date_end": "2023-09-10", "date_precision": "day"}, "2023-09-04 – 2023-09-10 (week)"),
    ({"date_start": "2023-09-07", "date_end": "2023-09-07", "date_precision": "day"}, "2023-09-07 (day)"),
    ({"date_start": "2023-09-07", "date_end": "2023-10-01", "date_precision": "day"}, "2023-09-07 – 2023-10-01 (day)"),
    # a month-precision span that is not whole months: the dates as they are
    ({"date_start": "2023-03-10", "date_end": "2023-03-31", "date_precision": "month"}, "2023-03-10 – 2023-03-31 (month)"),
    ({"date_start": None, "date_end": None, "date_precision": None}, "date unknown"),
]


@pytest.mark.parametrize("event, label", WHEN)
def test_popup_date_says_its_precision(event, label):
    assert when_label(event) == label


@pytest.mark.parametrize("event, label", [
    (COUNTRY, "place: region or country (3) · date: month or longer (3)"),
    (dict(TOWN, date_start="2023-09-07", date_end="2023-09-07", date_precision="day"),
     "place: town or facility (1) · date: day (1)"),
    (dict(TOWN, location=None, date_start=None, date_end=None), ""),
    (dict(SHIPMENT, destination=RAJIN), "place: town or facility (1) · date: day (1)"),
])
def test_popup_precision_row(event, label):
    assert precision_label(event) == label
    assert popup_fields(event).get("q", "") == esc(label)


def test_popup_rows_name_the_precision():
    html = build_map([COUNTRY]).get_root().render()
    assert "['Precision', p.q]" in html
    assert esc("in September 2023 (month)") in html
