"""Precision on the map in a real browser, outside requests blocked: a country-level
meeting has a large shaded, dashed circle that takes no clicks, a town-level one has
none; the legend says what the circle means; the popup says "in September 2023 (month)"
and both ACLED codes. Screenshot: test-artifacts/precision.png."""
from __future__ import annotations

import os

import pytest

from browser_support import block_outside, launch_chromium, streamlit_server, wait_idle
from export_cases import LITHUANIA, MEETING, VILNIUS
from store import Store
from viz.approximate import AREA_CLASS, AREA_STYLE, LEGEND_LABEL

CHROMIUM = "/usr/bin/chromium"
MAP_IFRAME = "iframe[title*='st_folium']"

pytestmark = pytest.mark.browser

if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is missing (run tools/ensure_chromium.sh)", allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api",
                                     reason="python package playwright not installed")

COUNTRY_NAME = "meeting, 2023-09-01 – 2023-09-30 (month), Lithuania (LT)"
DOC = {"id": "doc-prec", "lang": "en", "doc_date": "2023-10-13", "doc_date_source": "argument",
       "title": "Two meetings", "url": "https://example.org/prec", "places": [], "timexes": [],
       "events": [dict(MEETING, id="ev-country", location=LITHUANIA),
                  dict(MEETING, id="ev-town", location=VILNIUS, date_start="2023-09-12",
                       date_end="2023-09-12", date_precision="day")]}


@pytest.fixture(scope="module")
def server(tmp_path_factory, root, gazetteer):
    db = tmp_path_factory.mktemp("precision") / "lagebild.sqlite3"
    Store(db).ingest(DOC, "text of doc-prec")
    with streamlit_server(db, tmp_path_factory.mktemp("log"), root) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with launch_chromium(playwright_api.sync_playwright) as b:
        yield b


def test_country_level_meeting_is_drawn_as_an_area(server, browser, root):
    artifacts = root / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    outside = block_outside(context)
    page = context.new_page()
    page.goto(server, wait_until="domcontentloaded")
    page.wait_for_selector(MAP_IFRAME, timeout=60_000)
    frame = page.locator(MAP_IFRAME).filter(visible=True).first.content_frame
    expect = playwright_api.expect
    rings = frame.locator(f"path.{AREA_CLASS}")
    rings.first.wait_for(timeout=60_000)
    expect(rings).to_have_count(1)  # the country, not the town
    ring = rings.first
    assert ring.get_attribute("stroke-dasharray") == AREA_STYLE["dashArray"]
    assert float(ring.get_attribute("fill-opacity")) == pytest.approx(AREA_STYLE["fillOpacity"])
    assert "leaflet-interactive" not in (ring.get_attribute("class") or "")  # takes no clicks
    box = ring.bounding_box()
    assert box and box["width"] >= 2 * AREA_STYLE["radius"] - 2
    expect(frame.locator(".lagebild-legend")).to_contain_text(LEGEND_LABEL)

    # the marker at its centre still opens the popup, which says the precision
    frame.locator(f"[aria-label='{COUNTRY_NAME}']").click()
    popup = frame.locator(".leaflet-popup-content").last
    expect(popup).to_contain_text("in September 2023 (month)")
    expect(popup).to_contain_text("place: region or country (3) · date: month or longer (3)")
    wait_idle(page)
    page.screenshot(path=str(artifacts / "precision.png"))
    assert not outside, outside
    context.close()
