"""The offline basemap in a real browser with the network cut off: place names
readable at the first zoom (and more of them zoomed in), in the chosen
language, a scale in km, and a visible note when online tiles cannot load.
Screenshots go to test-artifacts/basemap-*.png."""
from __future__ import annotations

import os
import re

import pytest

from browser_support import block_outside, streamlit_server, wait_idle, launch_chromium
from store import Store
from test_export import DOCS

CHROMIUM = "/usr/bin/chromium"
MAP_IFRAME = "iframe[title*='st_folium']"
LABEL = ".lagebild-label"

pytestmark = pytest.mark.browser

if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is missing (run tools/ensure_chromium.sh)", allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api",
                                     reason="python package playwright not installed")
expect = playwright_api.expect


@pytest.fixture(scope="module")
def server(tmp_path_factory, root, gazetteer):
    db = tmp_path_factory.mktemp("basemap") / "lagebild.sqlite3"
    store = Store(db)
    for doc in DOCS:
        store.ingest(doc, f"text of {doc['id']}")
    with streamlit_server(db, tmp_path_factory.mktemp("log"), root) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with launch_chromium(playwright_api.sync_playwright) as b:
        yield b


@pytest.fixture
def artifacts(root):
    path = root / "test-artifacts"
    path.mkdir(exist_ok=True)
    return path


def _map(page):
    """The map's frame (a playwright Frame: it can evaluate scripts)."""
    return page.locator(MAP_IFRAME).filter(visible=True).first.element_handle(
        timeout=60_000).content_frame()


def _open(browser, server):
    context = browser.new_context(viewport={"width": 1500, "height": 1000})
    outside = block_outside(context)
    page = context.new_page()
    page.goto(server, wait_until="domcontentloaded")
    page.wait_for_selector(MAP_IFRAME, timeout=60_000)
    wait_idle(page)
    _map(page).locator(f"{LABEL}-country").first.wait_for(timeout=60_000)
    return context, page, outside


_READABLE_LABELS = """(sel) => {
    const box = document.querySelector('.leaflet-container').getBoundingClientRect();
    return [...document.querySelectorAll(sel)].filter(el => {
        const r = el.getBoundingClientRect(), s = getComputedStyle(el);
        return r.left >= box.left && r.right <= box.right && r.top >= box.top &&
               r.bottom <= box.bottom && r.width > 0 && parseFloat(s.fontSize) >= 10 &&
               s.visibility !== 'hidden' && s.opacity !== '0';
    }).map(el => el.textContent);
}"""


def _readable(frame, kind: str = "") -> list[str]:
    return frame.evaluate(_READABLE_LABELS, f"{LABEL}{'-' + kind if kind else ''}")


def _choose(page, label: str, option: str) -> None:
    """Pick *option* in the sidebar selectbox *label* the way a keyboard user does."""
    box = page.get_by_role("combobox", name=label, exact=True)
    box.click()
    page.keyboard.type(option)
    page.keyboard.press("Enter")
    expect(box).to_have_value(option)
    wait_idle(page)
    _map(page).locator(f"{LABEL}-country").first.wait_for(timeout=60_000)


def test_default_basemap_names_places_and_scale_reads_km(server, browser, artifacts):
    context, page, outside = _open(browser, server)
    frame = _map(page)
    countries = _readable(frame, "country")
    # the demo events lie in the Russian Far East and Korea: the first zoom shows Eurasia
    assert {"Russia", "China", "Japan"} <= set(countries), countries
    assert len(countries) >= 10, countries
    # the labels are decoration: not focusable, not clickable, not above the markers
    assert frame.locator(f".leaflet-lagebildLabels-pane [tabindex]").count() == 0
    assert frame.locator(".leaflet-lagebildLabels-pane .leaflet-interactive").count() == 0
    z = frame.evaluate("""() => [getComputedStyle(document.querySelector(
        '.leaflet-lagebildLabels-pane')).zIndex, getComputedStyle(document.querySelector(
        '.leaflet-marker-pane')).zIndex].map(Number)""")
    assert z[0] < z[1], z
    # the one scale line is metric
    scale = frame.locator(".leaflet-control-scale-line")
    expect(scale).to_have_count(1)
    assert re.fullmatch(r"\d+ km", scale.inner_text().strip()), scale.inner_text()
    page.screenshot(path=str(artifacts / "basemap-default.png"))

    # capitals at the first zoom (3), large cities only from zoom 4 on
    assert _readable(frame, "capital") and not _readable(frame, "city")
    for _ in range(2):
        frame.locator(".leaflet-control-zoom-in").click()
        page.wait_for_timeout(400)  # Leaflet's zoom animation (0.25 s) ends before labels move
    frame.wait_for_function(
        "() => document.querySelectorAll('.lagebild-label-city').length >= 3", timeout=10_000)
    assert len(_readable(frame, "city")) >= 3
    page.screenshot(path=str(artifacts / "basemap-zoomed.png"))
    assert outside == [], f"requests left 127.0.0.1: {outside}"
    context.close()


def test_place_names_follow_the_chosen_language(server, browser, artifacts):
    context, page, outside = _open(browser, server)
    _choose(page, "Place names on the map", "Deutsch")
    frame = _map(page)
    frame.get_by_text("Russland", exact=True).wait_for(timeout=30_000)
    countries = _readable(frame, "country")
    assert {"Russland", "China", "Japan", "Deutschland"} <= set(countries), countries
    assert "Russia" not in countries and "Germany" not in countries, countries
    page.screenshot(path=str(artifacts / "basemap-de.png"))
    assert outside == [], f"requests left 127.0.0.1: {outside}"
    context.close()


def test_online_tiles_offline_show_a_note_and_the_offline_basemap(server, browser, artifacts):
    context, page, outside = _open(browser, server)
    _choose(page, "Base map", "osm")
    frame = _map(page)
    note = frame.locator(".lagebild-tile-note")
    expect(note).to_be_visible(timeout=30_000)
    assert "could not be loaded" in note.inner_text()
    assert "Russia" in _readable(frame, "country")
    page.screenshot(path=str(artifacts / "basemap-tiles-failed.png"))
    assert outside and all("openstreetmap.org" in url for url in outside), outside
    context.close()
