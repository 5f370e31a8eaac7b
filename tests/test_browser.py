"""The page in a real browser on a real server, with the network cut off.

Starts ``streamlit run app.py`` on a free port with a temporary store filled
with fixture events, waits for /_stcore/health, drives Debian's chromium with
playwright, and fails on any request that leaves 127.0.0.1.
Run ``tools/ensure_chromium.sh`` first; without /usr/bin/chromium this skips.
"""
from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from browser_support import block_outside, is_local, streamlit_server, launch_chromium
from store import Store
from test_export import DOCS
from viz.table import parse_csv

CHROMIUM = "/usr/bin/chromium"
MAP_IFRAME = "iframe[title*='st_folium']"

pytestmark = pytest.mark.browser

if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is missing (run tools/ensure_chromium.sh)", allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api",
                                     reason="python package playwright not installed")

EXTRA_DOC = {
    "id": "doc-3", "lang": "en", "doc_date": "2023-07-20", "doc_date_source": "argument",
    "title": "July talks", "url": "https://example.org/july", "places": [], "timexes": [],
    "events": [{
        "id": "ev-july", "type": "meeting", "date_start": "2023-07-19", "date_end": "2023-07-19",
        "date_precision": "day", "actors": ["Sergej Schoigu", "Kim Jong Un"],
        "location": {"name": "Pyongyang", "geonameid": 1871859, "lat": 39.03385,
                     "lon": 125.75432, "country_code": "KP", "feature": "city"},
        "origin": None, "destination": None, "modes": [], "cargo": None,
        "evidence": "Im Juli besuchte Schoigu Pjöngjang.", "start": 0, "end": 30,
        "confidence": 0.8}],
}


@pytest.fixture(scope="module")
def server(tmp_path_factory, root, gazetteer):
    db = tmp_path_factory.mktemp("browser") / "lagebild.sqlite3"
    # the gazetteer fixture has built the index cache, not the page's first run
    store = Store(db)
    for doc in [*DOCS, EXTRA_DOC]:
        store.ingest(doc, f"text of {doc['id']}")
    with streamlit_server(db, tmp_path_factory.mktemp("log"), root) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with launch_chromium(playwright_api.sync_playwright) as b:
        yield b


def _map(page):
    """The map's frame; while Streamlit reruns, a stale hidden copy may linger."""
    return page.locator(MAP_IFRAME).filter(visible=True).first.content_frame


def _wait_assets(page, deadline_s: float = 90.0) -> None:
    """Wait until the map frame has fetched its marker sprite and icon font.

    Streamlit may replace the map's iframe while it reruns; a frame that goes
    away is looked up again instead of being waited on forever."""
    end = time.monotonic() + deadline_s
    while True:
        try:
            frame = page.locator(MAP_IFRAME).filter(visible=True).first.element_handle(
                timeout=5_000).content_frame()
            frame.wait_for_function(
                """() => document.fonts.status === 'loaded' &&
                         performance.getEntriesByType('resource').some(
                             e => e.name.includes('markers-soft') && e.responseEnd > 0)""",
                timeout=5_000)
            return
        except playwright_api.Error:
            if time.monotonic() > end:
                raise


def _caption_count(page) -> tuple[int, int]:
    text = page.get_by_text(re.compile(r"\d+ of \d+ events")).first.inner_text()
    shown, total = re.search(r"(\d+) of (\d+) events", text).groups()
    return int(shown), int(total)


def test_page_offline_map_window_and_csv(server, browser, root):
    artifacts = root / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1100})
    outside = block_outside(context)
    page = context.new_page()
    page.on("request", lambda r: None if is_local(r.url) else outside.append(r.url))
    page.goto(server, wait_until="domcontentloaded")

    # the map renders inside the streamlit-folium component frame
    page.wait_for_selector(MAP_IFRAME, timeout=60_000)
    frame = _map(page)
    frame.locator(".leaflet-container").wait_for(timeout=60_000)
    frame.locator("path.lagebild-shipment").first.wait_for(timeout=30_000)
    assert frame.locator("path.lagebild-shipment").count() == 2  # its two legs
    frame.locator(".awesome-marker.leaflet-interactive").first.wait_for(timeout=30_000)
    markers_before = frame.locator(".awesome-marker.leaflet-interactive").count()
    assert markers_before == 2  # Vostochny and Pyongyang (Madrid is undated: a hollow circle)
    assert frame.locator("path.lagebild-undated").count() == 1
    frame.locator(".leaflet-lagebildBase-pane path").first.wait_for()  # country outlines
    shown, total = _caption_count(page)
    assert (shown, total) == (5, 5)  # the undated event is shown by default
    _wait_assets(page)
    page.screenshot(path=str(artifacts / "browser-map.png"), full_page=False)

    # narrow the window: move its start past July with the keyboard
    thumb = page.locator("[data-testid='stSlider'] input[type='range']").first
    thumb.focus()
    for _ in range(75):
        page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "() => /\\b3 of 5 events/.test(document.body.innerText)", timeout=30_000)
    frame.locator(".leaflet-container").wait_for()
    playwright_api.expect(frame.locator(".awesome-marker.leaflet-interactive")).to_have_count(1, timeout=30_000)
    playwright_api.expect(frame.locator("path.lagebild-shipment")).to_have_count(2)
    _wait_assets(page)
    page.screenshot(path=str(artifacts / "browser-map-narrowed.png"))

    # the CSV download holds exactly the filtered rows
    with page.expect_download(timeout=30_000) as info:
        page.get_by_role("button", name="Download CSV").click()
    download = info.value
    assert re.fullmatch(r"lagebild-events_2023-09-\d\d_2023-10-02\.csv", download.suggested_filename)
    text = Path(download.path()).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip()]
    assert lines[0].startswith("event_id,event_type,date_start")
    # (the undated row's evidence holds a newline: read it as CSV, not as lines)
    assert sorted(r["event_id"] for r in parse_csv(text)) == ["ev-evil", "ev-meet", "ev-ship"]

    assert outside == [], f"requests left 127.0.0.1: {outside}"
    context.close()


def test_clicking_a_marker_picks_its_event(server, browser):
    """A click on a map marker picks the event(s) drawn there: the page says so,
    the table shows only them, and "Show all" brings the rest back."""
    context = browser.new_context(viewport={"width": 1400, "height": 1100})
    outside = block_outside(context)
    page = context.new_page()
    page.goto(server, wait_until="domcontentloaded")
    page.wait_for_selector(MAP_IFRAME, timeout=60_000)
    marker = _map(page).locator(".awesome-marker.leaflet-interactive")
    marker.first.wait_for(timeout=60_000)
    playwright_api.expect(marker).to_have_count(2, timeout=30_000)
    marker.first.click()
    picked = page.get_by_text(re.compile(r"Picked on the map: 1 event\(s\) at (Vostochny|Pyongyang)"))
    picked.wait_for(timeout=30_000)
    # the map is not redrawn by the pick: the marker's popup is still open on it
    playwright_api.expect(_map(page).locator(".leaflet-popup-content")).to_have_count(1)
    page.get_by_role("button", name="Show all").click()
    playwright_api.expect(picked).to_have_count(0, timeout=30_000)
    assert outside == [], f"requests left 127.0.0.1: {outside}"
    context.close()
