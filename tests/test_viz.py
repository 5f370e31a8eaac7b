"""viz: build_map rendered to HTML without a browser; assets; timeline."""
import math
import re

import folium
import pytest

import hostile

from store.synthetic import synthetic_documents
from test_export import HOSTILE, MADRID, MEETING, SHIPMENT, UNPLACED
from viz import CoordinateError, build_map, coordinate_problems, map_bounds, validate_point
from viz.assets import (LOCAL_ASSETS, UnvendoredAssetError, local_url, missing_vendor_files,
                        remote_asset_urls)
from viz.geometry import arrowhead, great_circle, route_line
from viz.popups import esc, popup_fields, safe_href
from viz.timeline import timeline_chart, timeline_frame

EVENTS = [SHIPMENT, MEETING, HOSTILE, UNPLACED]


def render(m):
    return m.get_root().render()


# --- offline ----------------------------------------------------------------

def test_every_cdn_asset_is_vendored():
    assert missing_vendor_files() == []


@pytest.mark.parametrize("basemap", ["offline", "osm"])
def test_rendered_map_loads_no_remote_script_or_css(basemap):
    html = render(build_map(EVENTS, places=[MADRID], basemap=basemap))
    assert remote_asset_urls(html) == []
    assert "/app/static/vendor/leaflet@1.9.3/leaflet.js" in html
    assert "leaflet.awesome-markers@2.0.4" in html


def test_offline_map_has_no_tiles_at_all():
    html = render(build_map(EVENTS))
    assert "tile.openstreetmap.org" not in html and "cartocdn" not in html
    assert "L.tileLayer" not in html
    assert "Country outlines (offline)" in html


def test_online_basemap_is_opt_in():
    html = render(build_map(EVENTS, basemap="carto"))
    assert "cartocdn" in html


def test_global_folium_defaults_untouched():
    build_map(EVENTS)
    assert folium.Map.default_js[0][1].startswith("https://")
    fresh = render(folium.Map())
    assert "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js" in fresh


def test_unknown_remote_asset_is_named():
    with pytest.raises(UnvendoredAssetError, match="https://cdn.example/x.js"):
        local_url("https://cdn.example/x.js")
    assert local_url("/app/static/x.js") == "/app/static/x.js"


def test_mapping_covers_folium_defaults():
    urls = [u for _, u in folium.Map.default_js + folium.Map.default_css]
    assert set(urls) <= set(LOCAL_ASSETS)


# --- content ----------------------------------------------------------------

def test_bounds_fit_all_events():
    (south, west), (north, east) = map_bounds(build_map(EVENTS))
    assert south == pytest.approx(40.4165) and west == pytest.approx(-3.70256)
    assert north >= 51.884 and east == pytest.approx(130.28308)


def test_highlight_fits_that_event():
    m = build_map(EVENTS, highlight_id="ev-meet")
    assert map_bounds(m) == [[51.884, 128.334], [51.884, 128.334]]
    assert "#ffd400" in render(m)


def test_shipment_is_directed_line_with_arrow_and_via():
    html = render(build_map([SHIPMENT]))
    # two legs (Vostochny is inland: no sea leg), each a line and an arrowhead
    assert html.count("lagebild-shipment lagebild-leg-rail") == 2
    assert html.count("lagebild-arrow lagebild-leg-rail") == 2
    assert '"LineString"' in html and '"Polygon"' in html
    assert '"dashArray": "4 4"' in html  # rail style
    assert "via: " in html


def test_meetings_are_icon_markers():
    html = render(build_map([MEETING]))
    assert "L.AwesomeMarkers" in html and '"icon": "handshake"' in html


def test_shipment_with_one_end_is_a_truck_marker():
    html = render(build_map([dict(SHIPMENT, origin=None, via=[])]))
    assert '"icon": "truck"' in html and "lagebild-shipment" not in html


def test_places_layer_is_toggleable():
    html = render(build_map([MEETING], places=[MADRID, MADRID]))
    assert "Mentioned places" in html and "mentioned 2×" in html


def test_all_text_is_escaped():
    evil = dict(MEETING, actors=["<script>alert(1)</script>"], cargo="`${x}`",
                evidence="<img src=x onerror=alert(2)>", source_title="<b>t</b>",
                source_url="javascript:alert(3)")
    html = render(build_map([evil]))
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    # a javascript: address is shown as text, never as a link
    assert 'href="javascript' not in html and "href=\\\"javascript" not in html
    assert hostile.html_problems(html) == []
    # escaped once for HTML, then JSON-encoded into the script by folium
    assert "\\u0026lt;script\\u0026gt;alert(1)\\u0026lt;/script\\u0026gt;" in html


def test_popup_content():
    fields = popup_fields(dict(SHIPMENT, source_title="T", source_url="https://e.org/a?b=1&c=2"))
    assert fields["w"] == "Rajin (KP) → Vostochny Cosmodrome (RU) → Tikhoretsk (RU)"
    assert fields["d"] == "2023-09-07 – 2023-10-01 (day)"
    assert fields["u"] == "https://e.org/a?b=1&amp;c=2" and fields["s"] == "T"
    assert fields["m"] == "sea, rail" and "p" not in fields  # empty values left out


def test_popup_fields_are_all_escaped():
    evil = dict(MEETING, type="<b>", actors=["\"'><svg onload=x>"], evidence="a" * 900,
                source_url="javascript:x", cargo="`${1}`")
    fields = popup_fields(evil)
    assert all("<" not in v and '"' not in v and "'" not in v and "`" not in v
               for v in fields.values())
    assert "u" not in fields and fields["e"] == "a" * 900  # the whole sentence, no cut


@pytest.mark.parametrize("url, ok", [
    ("https://x.org/a", True), ("http://x.org", True),
    ("javascript:alert(1)", False), ("//x.org", False), ("ftp://x", False), (None, False),
])
def test_safe_href(url, ok):
    assert (safe_href(url) is not None) is ok


def test_esc_neutralises_template_literals():
    assert esc("`${a}`<") == "&#96;&#36;{a}&#96;&lt;"
    # a JS escape in a place name must not turn into markup inside the tooltip literal
    assert esc("\\u003cimg\u202e") == "&#92;u003cimg[U+202E]"


def test_place_tooltip_with_js_escape_stays_text():
    place = dict(MADRID, name=hostile.BACKSLASH)
    html = render(build_map([], places=[place]))
    assert hostile.html_problems(html) == []


# --- coordinate validation --------------------------------------------------

@pytest.mark.parametrize("lat, lon", [(0, 0), (-90, 180), ("45.5", "-3"), (89.9, -179.9)])
def test_valid_points(lat, lon):
    assert validate_point(lat, lon) == (float(lat), float(lon))


@pytest.mark.parametrize("lat, lon, message", [
    (91, 0, "latitude 91 is outside"),
    (0, -180.5, "longitude -180.5 is outside"),
    (None, 0, "latitude None is not a number"),
    ("north", 0, "latitude 'north' is not a number"),
    (math.nan, 0, "latitude nan is not finite"),
    (0, True, "longitude True is not a number"),
])
def test_invalid_points(lat, lon, message):
    with pytest.raises(CoordinateError, match=re.escape(message)):
        validate_point(lat, lon)


def test_bad_event_named_strict_or_skipped():
    bad = dict(MEETING, id="bad", location=dict(MADRID, lat=123.0))
    with pytest.raises(CoordinateError, match=r"event bad location 'Madrid': latitude 123.0"):
        build_map([bad, MEETING])
    m = build_map([bad, MEETING], strict=False)
    assert map_bounds(m) == [[51.884, 128.334], [51.884, 128.334]]
    assert coordinate_problems([bad, MEETING]) == [
        "event bad location 'Madrid': latitude 123.0 is outside -90..90"]


# --- geometry ---------------------------------------------------------------

def test_great_circle_ends_and_antimeridian():
    line = great_circle((60.0, 170.0), (60.0, -170.0))
    assert line[0] == (60.0, 170.0)
    assert line[-1][1] == pytest.approx(190.0)  # unwrapped, continuous
    assert all(abs(b[1] - a[1]) < 10 for a, b in zip(line, line[1:]))


def test_route_passes_via_and_arrow_at_end():
    line = route_line([(42.0, 130.0), (51.0, 128.0), (45.0, 40.0)])
    assert (51.0, 128.0) in [(round(a, 6), round(b, 6)) for a, b in line]
    tip, *_ = arrowhead(line)
    assert tip == pytest.approx(line[-1])


# --- scale and timeline -----------------------------------------------------

@pytest.mark.slow  # ~3.7 s
def test_five_thousand_events_cluster_and_render():
    events = [e for d in synthetic_documents(5000) for e in d["events"]]
    html = render(build_map(events))
    assert "L.markerClusterGroup" in html
    assert '"maxZoom": 18' in html  # MarkerCluster refuses a map without one
    assert len(html) < 8_000_000
    assert remote_asset_urls(html) == []


def test_timeline_frame_and_chart():
    frame = timeline_frame(EVENTS)
    assert list(frame["id"]) == ["ev-ship", "ev-meet", "ev-none"]  # undated left out
    assert str(frame.loc[0, "end"].date()) == "2023-10-02"  # end exclusive
    spec = timeline_chart(EVENTS, highlight_id="ev-meet").to_dict()
    assert spec["mark"]["type"] == "bar" and spec["encoding"]["x2"]["field"] == "end"
