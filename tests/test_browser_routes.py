"""A multi-leg route in a real browser, outside requests blocked: its legs are
drawn one path each (sea along the lane, rail straight) with an arrow each,
and the popup lists the legs. Screenshot: test-artifacts/route-legs.png."""
from __future__ import annotations

import os

import pytest

from browser_support import block_outside, streamlit_server, wait_idle, launch_chromium
from store import Store
from test_export import RAJIN, TIKHORETSK

CHROMIUM = "/usr/bin/chromium"
MAP_IFRAME = "iframe[title*='st_folium']"

pytestmark = pytest.mark.browser

if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is missing (run tools/ensure_chromium.sh)", allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api",
                                     reason="python package playwright not installed")

VLADIVOSTOK = {"name": "Wladiwostok", "geonameid": 2013348, "lat": 43.10562, "lon": 131.87353,
               "country_code": "RU", "feature": "city"}
ROUTE_DOC = {
    "id": "doc-route", "lang": "de", "doc_date": "2023-10-13", "doc_date_source": "argument",
    "title": "Per See- und Schienenweg", "url": "https://example.org/route", "places": [],
    "timexes": [],
    "events": [{
        "id": "ev-legs", "type": "shipment", "date_start": "2023-09-07",
        "date_end": "2023-10-01", "date_precision": "day", "actors": ["North Korea"],
        "location": None, "origin": RAJIN, "via": [VLADIVOSTOK], "destination": TIKHORETSK,
        "modes": ["sea", "rail"], "cargo": "Munition",
        "evidence": "Die Ausrüstung sei per See- und Schienenweg über Wladiwostok nach "
                    "Tichorezk exportiert worden.", "start": 0, "end": 90, "confidence": 0.8}],
}


@pytest.fixture(scope="module")
def server(tmp_path_factory, root, gazetteer):
    db = tmp_path_factory.mktemp("routes") / "lagebild.sqlite3"
    Store(db).ingest(ROUTE_DOC, "text of doc-route")
    with streamlit_server(db, tmp_path_factory.mktemp("log"), root) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with launch_chromium(playwright_api.sync_playwright) as b:
        yield b


def _faded_in(page, selector: str) -> None:
    """Wait until Leaflet's fade-in of *selector* in the map frame is over."""
    frame = page.locator(MAP_IFRAME).filter(visible=True).first.element_handle().content_frame()
    frame.wait_for_function(
        "s => { const e = document.querySelector(s); "
        "return e && getComputedStyle(e).opacity === '1'; }", arg=selector, timeout=10_000)


def test_multi_leg_route_shows_its_legs(server, browser, root):
    artifacts = root / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    outside = block_outside(context)
    page = context.new_page()
    page.goto(server, wait_until="domcontentloaded")
    page.wait_for_selector(MAP_IFRAME, timeout=60_000)
    frame = page.locator(MAP_IFRAME).filter(visible=True).first.content_frame
    legs = frame.locator("path.lagebild-shipment")
    legs.first.wait_for(timeout=60_000)
    expect = playwright_api.expect
    expect(legs).to_have_count(2, timeout=30_000)
    expect(frame.locator("path.lagebild-arrow")).to_have_count(2)
    sea, rail = (frame.locator(f"path.lagebild-shipment.lagebild-leg-{m}")
                 for m in ("sea", "rail"))
    expect(sea).to_have_count(1)
    expect(rail).to_have_count(1)
    # the sea leg follows the lane: its SVG path has more than two vertices
    assert sea.get_attribute("d").count("L") > 1
    assert rail.get_attribute("d").count("L") == 1
    assert sea.get_attribute("stroke-dasharray") == "10 6"
    legend = frame.locator(".lagebild-legend")
    expect(legend).to_contain_text("shipment by sea →")
    expect(legend).to_contain_text("shipment by rail →")

    # the popup of the rail leg lists both legs, the clicked one in bold (a straight
    # leg's box centre lies on it, where playwright clicks)
    wait_idle(page)  # (a click during a rerun of the page is lost: on a loaded machine the popup never came)
    rail.click()
    popup = frame.locator(".leaflet-popup-content").last
    expect(popup).to_contain_text("1. Rajin → Wladiwostok · sea", timeout=15_000)
    expect(popup).to_contain_text("2. Wladiwostok → Tikhoretsk · rail")
    assert popup.locator("b").inner_text() == "2. Wladiwostok → Tikhoretsk · rail"
    wait_idle(page)  # the click also picks the event on the page (a rerun)
    _faded_in(page, ".leaflet-popup")
    page.screenshot(path=str(artifacts / "route-legs.png"))

    # zoomed on the sea leg: it runs along the coast, with its own arrow
    frame.locator(".leaflet-popup-close-button").click()
    expect(frame.locator(".leaflet-popup")).to_have_count(0)
    frame.locator(".leaflet-container").evaluate("""() => {
        const name = Object.keys(window).find(k => k.startsWith('map_') && window[k] instanceof L.Map);
        window[name].fitBounds([[41.6, 129.6], [43.7, 132.7]], {animate: false});
    }""")
    expect(frame.locator("path.lagebild-arrow.lagebild-leg-sea")).to_be_visible()
    box = frame.locator("path.lagebild-arrow.lagebild-leg-sea").bounding_box()
    assert box["width"] > 5 and box["height"] > 5  # an arrow one can see at this zoom
    page.screenshot(path=str(artifacts / "route-legs-sea.png"))
    assert outside == [], f"requests left 127.0.0.1: {outside}"
    context.close()
