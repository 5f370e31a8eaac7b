"""A correction in a real browser: the analyst gives a shipment another destination
through the form (gazetteer search), and the route's popup on the map follows.

A real Streamlit server (tests/browser_support.py) on a temporary store, Debian's
chromium through playwright, every request that would leave 127.0.0.1 aborted
and reported. Screenshots: test-artifacts/correction-*.png.
"""
from __future__ import annotations

import os
import re

import pytest

from browser_support import block_outside, streamlit_server, wait_idle, launch_chromium
from store import Store
from test_export import DOCS

CHROMIUM = "/usr/bin/chromium"
MAP_IFRAME = "iframe[title*='st_folium']"

pytestmark = pytest.mark.browser

if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is missing (run tools/ensure_chromium.sh)", allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api",
                                     reason="python package playwright not installed")
expect = playwright_api.expect


@pytest.fixture(scope="module")
def served(tmp_path_factory, root, gazetteer):
    """(URL, store path); the gazetteer fixture has built the index cache the page loads."""
    db = tmp_path_factory.mktemp("browser-corrections") / "lagebild.sqlite3"
    store = Store(db)
    for doc in DOCS:
        store.ingest(doc, f"text of {doc['id']}")
    with streamlit_server(db, tmp_path_factory.mktemp("log"), root) as url:
        yield url, db


def _route_popup(page) -> str:
    """Click the middle of the shipment's line on the map; the popup's text."""
    holder = page.locator(MAP_IFRAME).filter(visible=True).first
    frame = holder.content_frame
    line = frame.locator("path.lagebild-shipment").first
    line.wait_for(timeout=60_000)
    holder.scroll_into_view_if_needed()
    x, y = line.evaluate("""p => {
        const pt = p.getPointAtLength(p.getTotalLength() / 2), m = p.getScreenCTM();
        return [pt.x * m.a + pt.y * m.c + m.e, pt.x * m.b + pt.y * m.d + m.f]; }""")
    box = holder.bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    popup = frame.locator(".leaflet-popup-content").first
    popup.wait_for(timeout=30_000)
    return popup.inner_text()


def _choose(page, key: str, typed: str, option: re.Pattern, attempts: int = 4) -> None:
    """Pick in a select box the way an analyst does: type into it, click the option.

    A rerun that lands while the list is open (a map pick redraws the page a moment
    after the app looked idle) closes the list; the analyst then opens it again, and
    so does this helper, up to *attempts* times."""
    box = page.locator(f".st-key-{key} [role='combobox']")
    shown: list[str] = []
    for _ in range(attempts):
        box.click()
        box.fill(typed)
        choice = page.get_by_role("option", name=option).first
        try:
            choice.click(timeout=8_000)
        except playwright_api.Error:
            shown = page.get_by_role("option").all_inner_texts()
            box.press("Escape")
            wait_idle(page)
            continue
        wait_idle(page)
        return
    raise AssertionError(f"no option {option.pattern!r} after {attempts} tries; the list "
                         f"last showed {shown}")


def test_a_shipment_gets_another_destination_through_the_form(served, browser_ctx, root):
    url, db = served
    artifacts = root / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    page, outside = browser_ctx
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector(MAP_IFRAME, timeout=60_000)
    wait_idle(page)
    before = _route_popup(page)
    assert "Rajin → Vostochny Cosmodrome" in before and "Vostochny Cosmodrome → Tikhoretsk" in before, before
    wait_idle(page)
    page.screenshot(path=str(artifacts / "correction-before.png"))

    form = page.locator(".st-key-edit_open")
    if not form.locator("[data-testid='stExpanderDetails']").is_visible():
        form.locator("summary").click()
        wait_idle(page)
    _choose(page, "edit_event", "shipment", re.compile(r"shipment · Rajin \(KP\)"))
    page.locator(".st-key-edit_places_ev-ship label").first.click()
    wait_idle(page)
    search = page.locator(".st-key-edit_destination_q_ev-ship input")
    search.fill("Wien")
    search.press("Enter")
    wait_idle(page)
    _choose(page, "edit_destination_ev-ship", "Vienna", re.compile(r"^search: Vienna \(AT, city, pop\."))
    form.screenshot(path=str(artifacts / "correction-form.png"))
    page.locator(".st-key-edit_save button").click()
    saved = page.get_by_text("Saved the correction of ev-ship: destination.")
    saved.wait_for(timeout=60_000)
    wait_idle(page)
    form.screenshot(path=str(artifacts / "correction-saved.png"))

    # the form stays on the event; the picker now names the new route end
    box = page.locator(".st-key-edit_event [role='combobox']")
    expect(box).to_have_value(re.compile(r"^2023-09-07 · shipment · .* → Vienna \(AT\) · "))

    assert Store(db).event("ev-ship")["destination"]["name"] == "Vienna"
    # the map is drawn again from the store: the route's popup ends in Vienna
    after = _route_popup(page)
    assert "Vostochny Cosmodrome → Vienna" in after and "Tikhoretsk" not in after, after
    wait_idle(page)
    # the pick by the click narrows the table to the route, which reads the same
    expect(page.get_by_text("Picked on the map: 1 event(s) at Rajin (KP) → Vostochny "
                            "Cosmodrome (RU) → Vienna (AT)")).to_be_visible()
    page.screenshot(path=str(artifacts / "correction-route.png"))
    assert outside == [], f"requests left 127.0.0.1: {outside}"


@pytest.fixture
def browser_ctx():
    with launch_chromium(playwright_api.sync_playwright) as browser:
        context = browser.new_context(viewport={"width": 1400, "height": 1100})
        outside = block_outside(context)
        yield context.new_page(), outside
        context.close()
