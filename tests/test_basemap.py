"""The offline basemap rendered to HTML without a browser: place names in the
label language, a bounded label set, a metric scale, and the tile-error note
only where online tiles are chosen."""
import json
import re

import pytest

from test_export import MEETING, SHIPMENT
from viz import build_map
from viz import labels as lb
from viz.basemap import TILE_ERROR_NOTE

EVENTS = [SHIPMENT, MEETING]


def render(**kwargs):
    return build_map(EVENTS, **kwargs).get_root().render()


def label_rows(html: str) -> list[list]:
    """The label array the page script places (parsed back from the HTML)."""
    match = re.search(r"var data = (\[\[.*?\]\]);", html)
    assert match, "no label array in the page"
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def pages():
    return {lang: render(label_lang=lang) for lang in ("en", "de")}


# --- names in the label language --------------------------------------------

@pytest.mark.parametrize("lang, present, absent", [
    ("en", ["Germany", "Russia", "North Korea", "United States", "Vienna", "Moscow"],
     ["Deutschland", "Russland", "Wien", "Moskau"]),
    ("de", ["Deutschland", "Russland", "Nordkorea", "USA", "Wien", "Moskau", "Tschechien"],
     ["Germany", "Russia", "Vienna", "Moscow", "Czech Republic"]),
])
def test_place_names_are_in_the_label_language(pages, lang, present, absent):
    texts = {row[2] for row in label_rows(pages[lang])}
    assert set(present) <= texts, set(present) - texts
    assert not set(absent) & texts, set(absent) & texts


def test_default_label_language_is_english():
    assert label_rows(render()) == label_rows(render(label_lang="en"))


@pytest.mark.parametrize("lang", ["fr", "", "EN"])
def test_unknown_label_language_is_named(lang):
    with pytest.raises(ValueError, match=repr(lang)):
        render(label_lang=lang)


# --- where and when labels show ------------------------------------------------

@pytest.mark.parametrize("name, lat_range, lon_range", [
    # the label sits inside the country's largest polygon, not at a centroid in the sea
    ("Germany", (47.3, 55.0), (5.9, 15.0)),
    ("Norway", (58.0, 71.0), (4.5, 31.0)),
    ("Indonesia", (-8.0, 6.0), (95.0, 141.0)),
    ("United States", (25.0, 49.0), (-125.0, -67.0)),   # the lower 48, not Alaska
    ("Croatia", (42.4, 46.6), (13.5, 19.5)),
])
def test_country_label_lies_inside_its_main_outline(name, lat_range, lon_range):
    (lat, lon, *_), = [r for r in (x.row() for x in lb.place_labels("en"))
                       if r[2] == name and r[4] == lb.COUNTRY]
    assert lat_range[0] <= lat <= lat_range[1] and lon_range[0] <= lon <= lon_range[1]


@pytest.mark.parametrize("name, kind, min_zoom", [
    ("Russia", lb.COUNTRY, 2),        # large countries at the first zooms
    ("Germany", lb.COUNTRY, 3),
    ("Luxembourg", lb.COUNTRY, 5),
    ("Berlin", lb.CAPITAL, 3),         # capitals with their country, from zoom 3
    ("Andorra la Vella", lb.CAPITAL, 5),
    ("Shanghai", lb.CITY, 4),          # 5 million and more
    ("Hamburg", lb.CITY, 5),           # 1 million and more
    ("Leipzig", lb.CITY, 6),           # 300,000 and more
])
def test_labels_appear_by_zoom(name, kind, min_zoom):
    rows = [r for r in (x.row() for x in lb.place_labels("en")) if r[2] == name and r[4] == kind]
    assert [r[3] for r in rows] == [min_zoom]


def test_label_count_and_page_share_are_bounded(pages):
    rows = label_rows(pages["en"])
    kinds = [r[4] for r in rows]
    assert 200 <= kinds.count(lb.COUNTRY) <= 260
    assert 150 <= kinds.count(lb.CAPITAL) <= 260
    assert 1000 <= kinds.count(lb.CITY) <= lb.CITY_LIMIT
    assert len(lb.labels_json("en").encode()) < 80_000
    # coordinates rounded; every row [lat, lon, text, zoom, kind]
    assert all(round(r[0], lb.NDIGITS) == r[0] and round(r[1], lb.NDIGITS) == r[1] for r in rows)
    assert all(isinstance(r[2], str) and r[2] and 2 <= r[3] <= 6 for r in rows)


def test_labels_are_ordered_by_zoom_then_kind():
    keys = [(r[3], r[4]) for r in (x.row() for x in lb.place_labels("en"))]
    assert keys == sorted(keys)


def test_capital_is_not_repeated_as_a_city():
    rows = [r for r in (x.row() for x in lb.place_labels("en")) if r[2] in ("Berlin", "Tokyo")]
    assert sorted(r[4] for r in rows) == [lb.CAPITAL, lb.CAPITAL]


def test_labels_are_unfocusable_and_below_the_markers(pages):
    html = pages["en"]
    assert "interactive: false, keyboard: false" in html
    assert lb.LABEL_PANE_Z < 400  # Leaflet's overlay pane (event lines); markers are at 600
    assert "pane.style.pointerEvents = 'none'" in html


def test_label_text_cannot_break_out_of_the_script(monkeypatch):
    lb.labels_json.cache_clear()
    lb.place_labels.cache_clear()
    monkeypatch.setitem(lb._overrides()["countries"]["en"], "DE", "</script><b>x&")
    try:
        text = lb.labels_json("en")
        assert "</script>" not in text and "<b>" not in text
        assert "\\u003c/script\\u003e\\u003cb\\u003ex\\u0026" in text
        assert "</script><b>x&" in [r[2] for r in json.loads(text)]
    finally:
        lb.labels_json.cache_clear()
        lb.place_labels.cache_clear()


# --- scale and tiles -----------------------------------------------------------

@pytest.mark.parametrize("basemap", ["offline", "osm", "carto"])
def test_scale_is_metric_only(basemap):
    html = render(basemap=basemap)
    assert re.findall(r"L\.control\.scale\(([^)]*)\)", html) == [
        "{metric: true, imperial: false, position: 'bottomright'}"]


@pytest.mark.parametrize("basemap, has_note", [
    ("offline", False),
    ("osm", True),
    ("carto", True),
])
def test_tile_error_note_only_with_online_tiles(basemap, has_note):
    html = render(basemap=basemap)
    assert ("'tileerror'" in html) is has_note
    assert (json.dumps(TILE_ERROR_NOTE) in html) is has_note
    # the offline basemap is always there, below the tile pane
    assert '"pane": "lagebildBase"' in html
    assert re.search(r'createPane\(\s*"lagebildBase"\);\s*\S+\.style\.zIndex = 150;', html)
    assert label_rows(html)
