"""First contact in a real browser, outside requests blocked: the layout at
1280x720 and 800 px (map inside the viewport, header line visible, the sidebar's
own collapse control, the map re-fitting), markers named for screen readers
(clusters too) and the skip link past the map by keyboard.
Screenshots: test-artifacts/layout-1280.png, layout-800.png."""
from __future__ import annotations

import os
import re

import pytest

from browser_support import block_outside, is_local, streamlit_server, wait_idle, launch_chromium
from store import Store
from test_export import DOCS, MEETING

CHROMIUM = "/usr/bin/chromium"
MAP_IFRAME = "iframe[title*='st_folium']"
HEADER = ".st-key-page_header"
N_STACKED = 305  # meetings in one city: more than viz.mapping.CLUSTER_THRESHOLD

pytestmark = pytest.mark.browser

if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is missing (run tools/ensure_chromium.sh)", allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api",
                                     reason="python package playwright not installed")
expect = playwright_api.expect

VIENNA = {"name": "Vienna", "geonameid": 2761369, "lat": 48.20849, "lon": 16.37208,
          "country_code": "AT", "feature": "city"}
STACKED_DOC = {
    "id": "doc-vienna", "lang": "en", "doc_date": "2024-03-08", "doc_date_source": "argument",
    "title": "Talks in Vienna", "url": "https://news.example.net/vienna", "places": [],
    "timexes": [], "events": [
        dict(MEETING, id=f"ev-vienna-{i}", location=VIENNA, date_start=f"2024-03-{1 + i % 28:02d}",
             date_end=f"2024-03-{1 + i % 28:02d}", date_precision="day")
        for i in range(N_STACKED)]}
PYONGYANG_NAME = "meeting, 2023-07-19 (day), Pyongyang (KP)"


@pytest.fixture(scope="module")
def server(tmp_path_factory, root, gazetteer):
    from test_browser import EXTRA_DOC  # a dated meeting in Pyongyang

    db = tmp_path_factory.mktemp("layout") / "lagebild.sqlite3"
    store = Store(db)
    for doc in [*DOCS, EXTRA_DOC, STACKED_DOC]:
        store.ingest(doc, f"text of {doc['id']}")
    with streamlit_server(db, tmp_path_factory.mktemp("log"), root) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with launch_chromium(playwright_api.sync_playwright) as b:
        yield b


@pytest.fixture
def open_page(server, browser):
    """A page at a viewport size, the map drawn; fails the test on any outside request."""
    contexts, outside = [], []

    def _open(width: int, height: int):
        context = browser.new_context(viewport={"width": width, "height": height})
        blocked = block_outside(context)
        contexts.append((context, blocked))
        page = context.new_page()
        page.on("request", lambda r: None if is_local(r.url) else outside.append(r.url))
        page.goto(server, wait_until="domcontentloaded")
        page.wait_for_selector(MAP_IFRAME, timeout=60_000)
        frame = _map(page)
        frame.locator(".leaflet-marker-icon").first.wait_for(timeout=60_000)
        wait_idle(page)
        return page

    yield _open
    for context, blocked in contexts:
        context.close()
        assert blocked == []
    assert outside == []


def _map(page):
    return page.locator(MAP_IFRAME).filter(visible=True).first.content_frame


def _box(page, selector: str) -> dict:
    return page.locator(selector).filter(visible=True).first.bounding_box()


def _leaflet_width(page) -> float:
    return _map(page).locator(".leaflet-container").evaluate("e => e.clientWidth")


def _active(page) -> dict:
    return page.evaluate("""() => { const a = document.activeElement;
        return {tag: a.tagName, id: a.id, text: (a.innerText || '').trim(),
                label: a.getAttribute('aria-label') || ''}; }""")


def _tab_to(page, text: str, presses: int) -> int:
    """Press Tab until the focused element reads *text*; the number of presses."""
    for n in range(1, presses + 1):
        page.keyboard.press("Tab")
        if _active(page)["text"] == text:
            return n
    raise AssertionError(f"{text!r} not reached in {presses} Tab presses; at {_active(page)}")


def _after_map(page) -> bool:
    """The focused element comes after the map's frame in the page (and is not in it)."""
    return page.evaluate(f"""() => {{
        const map = document.querySelector("{MAP_IFRAME}");
        const a = document.activeElement;
        return a !== map && !!(map.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING);
    }}""")


# --- layout ------------------------------------------------------------------

@pytest.mark.parametrize("width, height", [(1280, 720), (800, 900)])
def test_map_and_header_fit_the_viewport(open_page, root, width, height):
    page = open_page(width, height)
    artifacts = root / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    page.screenshot(path=str(artifacts / f"layout-{width}.png"))
    iframe = _box(page, MAP_IFRAME)
    assert 0 <= iframe["x"] and iframe["x"] + iframe["width"] <= width  # nothing cut off
    assert abs(_leaflet_width(page) - iframe["width"]) <= 2             # the map fills its frame
    header = page.locator(HEADER)
    expect(header).to_be_visible()
    expect(header).to_contain_text("News-to-map events: shipments and meetings")
    expect(header).to_contain_text("4 articles from 2 sources (1 without a web address)")
    expect(header).to_contain_text(re.compile(r"events in view: 2023-07-01 – 2024-03-28"))
    box = header.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= height and box["x"] + box["width"] <= width
    # "Add articles" is in the first screen, above the map
    add = _box(page, "[data-testid='stExpander'] summary")
    assert add["y"] + add["height"] <= min(height, iframe["y"])


def test_sidebar_collapses_and_the_map_refits(open_page):
    page = open_page(800, 900)   # above Streamlit's 768 px "auto" limit: the sidebar is open
    sidebar = page.locator("[data-testid='stSidebar']")
    assert sidebar.bounding_box()["width"] > 0
    before = _box(page, MAP_IFRAME)["width"]
    sidebar.hover()  # Streamlit shows its collapse control while the pointer is on the sidebar
    page.get_by_role("button", name="Collapse sidebar").click()
    expect(page.locator("[data-testid='stExpandSidebarButton']")).to_be_visible()
    # the map's frame widens and Leaflet follows it (the frame is same-origin)
    page.wait_for_function(f"""before => {{
        const f = document.querySelector("{MAP_IFRAME}"), w = f.getBoundingClientRect().width;
        const c = f.contentDocument && f.contentDocument.querySelector('.leaflet-container');
        return w > before + 100 && !!c && Math.abs(c.clientWidth - w) <= 2;
    }}""", arg=before)
    wider = _box(page, MAP_IFRAME)
    assert wider["x"] >= 0 and wider["x"] + wider["width"] <= 800
    # the sidebar's own control opens it again, its filters usable
    page.locator("[data-testid='stExpandSidebarButton']").click()
    expect(page.get_by_text("Date window (events overlapping it)")).to_be_visible()


def test_sidebar_starts_collapsed_on_a_narrow_screen(open_page):
    page = open_page(760, 900)
    expect(page.locator("[data-testid='stExpandSidebarButton']")).to_be_visible()
    assert page.locator("[data-testid='stSidebar']").bounding_box()["width"] == 0
    # its hidden filters are out of the tab order: the map's skip link comes soon
    assert _tab_to(page, "Skip the map", 6) <= 6
    page.locator("[data-testid='stExpandSidebarButton']").click()
    expect(page.get_by_text("Date window (events overlapping it)")).to_be_visible()


# --- keyboard and screen readers ---------------------------------------------

def test_skip_links_move_focus_past_the_map(open_page):
    page = open_page(1280, 720)
    # the sidebar comes first in the page: its first stop jumps past filters and map
    assert _tab_to(page, "Skip the filters and the map", 3) <= 3
    page.keyboard.press("Enter")
    assert _active(page)["id"] == "after-map" and _after_map(page)
    page.keyboard.press("Tab")
    assert _after_map(page)                            # Tab goes on with the timeline/table

    # from the top again, by Streamlit's "Skip to main content" to the map's own link
    page.evaluate("() => { document.activeElement.blur(); window.scrollTo(0, 0); }")
    page.goto(page.url.split("#")[0], wait_until="domcontentloaded")
    _map(page).locator(".leaflet-marker-icon").first.wait_for(timeout=60_000)
    wait_idle(page)
    _tab_to(page, "Skip to main content", 1)
    page.keyboard.press("Enter")
    assert _tab_to(page, "Skip the map", 4) <= 4
    page.keyboard.press("Enter")
    assert _active(page)["id"] == "after-map" and _after_map(page)


def test_markers_are_named_and_clusters_kept(open_page):
    page = open_page(1280, 720)
    frame = _map(page)
    frame.locator(".awesome-marker.leaflet-interactive").first.wait_for(timeout=30_000)
    # every keyboard stop among the markers (Leaflet makes each a role=button) has a name
    stops = frame.locator(".leaflet-marker-pane [role='button']")
    names = stops.evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    assert all(names) and PYONGYANG_NAME in names, names
    # the 305 stacked meetings stay one cluster bubble, named by its count: a few stops, not 300
    cluster = frame.locator(".marker-cluster")
    expect(cluster).to_have_count(1)
    assert cluster.get_attribute("aria-label") == f"{N_STACKED} events here, zoom in to list them"
    assert len(names) < 10
