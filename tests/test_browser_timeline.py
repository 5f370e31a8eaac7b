"""The timeline, the undated line and play in a real browser (outside requests
blocked): the undated event is announced and drawn on the map, each timeline
mode draws, and play shows at least five windows one after the other.
Screenshots: test-artifacts/undated-notice.png, timeline-*.png."""
from __future__ import annotations

import os
import re
import time

import pytest

from browser_support import block_outside, streamlit_server, wait_idle, launch_chromium
from store import Store
from test_export import DOCS

CHROMIUM = "/usr/bin/chromium"
MAP_IFRAME = "iframe[title*='st_folium']"
CHART = "[data-testid='stVegaLiteChart']"
CHART_TITLE = re.compile(r"Timeline: .*? \((\d+) dated\) · (\d{4}-\d\d-\d\d) – (\d{4}-\d\d-\d\d)")
STEP = re.compile(r"Window (\d{4}-\d\d-\d\d) – (\d{4}-\d\d-\d\d) · step (\d+) of (\d+) · playing")

# the page's text and the charts' (SVG) text, read in one go
SNAPSHOT = f"""() => [document.body.innerText,
                     Array.from(document.querySelectorAll("{CHART}"))
                          .map(e => e.textContent).join(" | ")]"""

pytestmark = pytest.mark.browser

if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is missing (run tools/ensure_chromium.sh)", allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api",
                                     reason="python package playwright not installed")
expect = playwright_api.expect


@pytest.fixture(scope="module")
def page(tmp_path_factory, root, gazetteer):
    from test_browser import EXTRA_DOC

    db = tmp_path_factory.mktemp("timeline") / "lagebild.sqlite3"
    store = Store(db)
    for doc in [*DOCS, EXTRA_DOC]:
        store.ingest(doc, f"text of {doc['id']}")
    with streamlit_server(db, tmp_path_factory.mktemp("log"), root) as url, \
            launch_chromium(playwright_api.sync_playwright) as browser:
        context = browser.new_context(viewport={"width": 1400, "height": 1100})
        outside = block_outside(context)
        tab = context.new_page()
        tab.goto(url, wait_until="domcontentloaded")
        tab.wait_for_selector(MAP_IFRAME, timeout=60_000)
        yield tab
        assert outside == [], f"requests left 127.0.0.1: {outside}"


@pytest.fixture(scope="module")
def artifacts(root):
    path = root / "test-artifacts"
    path.mkdir(exist_ok=True)
    return path


def _map(page):
    return page.locator(MAP_IFRAME).filter(visible=True).first.content_frame


def test_undated_event_is_announced_and_drawn(page, artifacts):
    notice = page.get_by_text("1 undated — shown on the map, not on the timeline")
    notice.wait_for(timeout=60_000)
    undated = _map(page).locator("path.lagebild-undated")
    expect(undated).to_have_count(1, timeout=30_000)
    assert undated.get_attribute("stroke-dasharray") == "4 3"
    undated.hover()
    tip = _map(page).locator(".leaflet-tooltip")
    expect(tip).to_contain_text("undated — not on the timeline", timeout=10_000)
    notice.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "undated-notice.png"))


@pytest.mark.parametrize("label, mode, title", [
    ("bar per event", "bars", "one bar per event (4 dated)"),
    ("per day", "day", "events per day by type (4 dated)"),
    ("per week", "week", "events per week (from Monday) by type (4 dated)"),
    ("per month", "month", "events per month by type (4 dated)"),
])
def test_each_timeline_mode_draws(page, artifacts, label, mode, title):
    page.get_by_text(label, exact=True).click()
    chart = page.locator(CHART).filter(visible=True).first
    expect(chart).to_contain_text(title, timeout=30_000)
    wait_idle(page)
    bars = chart.locator("g.mark-rect path")
    # one bar per dated event; counts: the three bins holding the four (week and month)
    assert bars.count() == {"bars": 4, "day": 4, "week": 4, "month": 3}[mode]
    for i in range(bars.count()):             # drawn, not squeezed to a hairline
        box = bars.nth(i).bounding_box()
        assert box["height"] >= 10 and box["width"] >= 2, (mode, i, box)
    chart.scroll_into_view_if_needed()
    chart.screenshot(path=str(artifacts / f"timeline-{mode}.png"))


def _overlapping(window: tuple[str, str]) -> int:
    """Dated fixture events overlapping the window (as the store's filter counts them)."""
    from test_browser import EXTRA_DOC

    events = [e for doc in [*DOCS, EXTRA_DOC] for e in doc["events"] if e["date_start"]]
    return sum(1 for e in events if e["date_start"] <= window[1] and e["date_end"] >= window[0])


def test_play_steps_through_at_least_five_windows(page, artifacts):
    page.get_by_text("auto", exact=True).click()
    wait_idle(page)
    page.get_by_role("button", name="▶ play").click()
    seen: dict[int, str] = {}
    charted: set[int] = set()     # steps whose timeline chart was seen drawn for their window
    end = time.monotonic() + 60
    while len(charted) < 6 and time.monotonic() < end:
        text, charts = page.evaluate(SNAPSHOT)     # one moment of the page
        found = STEP.search(text)
        if found and int(found[3]) not in seen:
            step = int(found[3])
            seen[step] = found[0]
            # the window text is written after the caption, map, timeline and table:
            # when it shows a step, they show that step's window
            window = (found[1], found[2])
            shown = re.search(r"(\d+) of 5 events", text)[1]
            assert int(shown) == _overlapping(window) + 1, (found[0], shown)   # + undated
        if found and int(found[3]) not in charted:
            # the chart is drawn by vega in the browser a moment later: check it once its
            # title names this step's window (until then it may still show the step before)
            dated = CHART_TITLE.search(charts)
            if dated is not None and (dated[2], dated[3]) == (found[1], found[2]):
                assert int(dated[1]) == _overlapping((found[1], found[2])), (found[0], dated[1])
                charted.add(int(found[3]))
                page.screenshot(path=str(artifacts / f"timeline-play-{int(found[3]):02d}.png"))
        page.wait_for_timeout(100)
    page.get_by_role("button", name="‖ pause").click()
    steps = sorted(seen)
    assert len(steps) >= 5 and len(charted) >= 5, (seen, charted)
    # one step at a time from the first: nothing skipped, no jump to the end
    assert steps == list(range(1, len(steps) + 1)), seen
    total = int(STEP.search(seen[1])[4])
    assert total == 14 and steps[-1] < total
    assert len(set(seen.values())) == len(seen)
    expect(page.get_by_text(re.compile(r"step \d+ of 14 · paused"))).to_have_count(1, timeout=30_000)
    page.get_by_role("button", name="↺ reset").click()
    expect(page.get_by_text(re.compile(r"^Window 2023-\d\d-\d\d – 2023-10-02$"))).to_have_count(
        1, timeout=30_000)
