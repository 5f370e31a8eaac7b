"""Hostile documents in a real browser: no dialog opens, no payload becomes an
element, no request leaves 127.0.0.1.

The server is started as in test_browser.py (temporary store, health polled),
here filled with tests/hostile.py's documents; a hostile FILE NAME is uploaded
through the page as well. Readiness is waited for by polling, never by sleeping.
"""
from __future__ import annotations

import os

import pytest

import hostile
from store import Store
from browser_support import block_outside, is_local, streamlit_server, wait_idle
from test_browser import CHROMIUM, MAP_IFRAME, _map, browser  # noqa: F401  (browser is a fixture)

pytestmark = pytest.mark.browser

if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is missing", allow_module_level=True)
from playwright.sync_api import Error as PlaywrightError, expect  # noqa: E402

# counts dialogs in every frame, in case one is swallowed before playwright sees it
RECORD_DIALOGS = """
(() => {
  window.__dialogs = [];
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    const original = window[name];
    window[name] = function (...args) {
      window.__dialogs.push(name + ':' + String(args[0]));
      return original.apply(this, args);
    };
  }
})();
"""
# payloads that became elements anywhere in a document
INJECTED = """() => Array.from(document.querySelectorAll(
    'img[src="x"], svg[onload], [onerror], [onload]:not(body):not(iframe), ' +
    'a[href^="javascript:" i], a[href^="data:" i]')).map(e => e.outerHTML.slice(0, 120))"""


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory, root):
    db = tmp_path_factory.mktemp("hostile") / "lagebild.sqlite3"
    store = Store(db)
    for doc in hostile.DOCS:
        store.ingest(doc, f"text of {doc['id']}")
    with streamlit_server(db, tmp_path_factory.mktemp("log"), root) as url:
        yield url


def _injected(page) -> list[str]:
    found = []
    for frame in page.frames:
        try:
            found += frame.evaluate(INJECTED)
        except PlaywrightError:  # a frame that went away while streamlit reran
            continue
    return found


def _recorded_dialogs(page) -> list[str]:
    found = []
    for frame in page.frames:
        try:
            found += frame.evaluate("() => window.__dialogs || []")
        except PlaywrightError:
            continue
    return found


def test_hostile_documents_run_no_script(hostile_server, browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1400, "height": 1100})
    context.add_init_script(RECORD_DIALOGS)
    outside = block_outside(context)
    dialogs: list[str] = []
    page = context.new_page()
    page.on("dialog", lambda d: (dialogs.append(f"{d.type}: {d.message}"), d.dismiss()))
    page.on("request", lambda r: None if is_local(r.url) else outside.append(r.url))
    page.goto(hostile_server, wait_until="domcontentloaded")

    page.wait_for_selector(MAP_IFRAME, timeout=60_000)
    frame = _map(page)
    frame.locator(".leaflet-container").wait_for(timeout=60_000)
    markers = frame.locator(".awesome-marker.leaflet-interactive")
    expect(markers).to_have_count(2, timeout=30_000)  # the meeting and the odd type
    page.get_by_text("3 of 3 events").first.wait_for(timeout=30_000)

    # every popup shows the payloads as text
    shown = []
    for i in range(markers.count()):
        markers.nth(i).click(force=True)
        popup = frame.locator(".leaflet-popup-content").last
        popup.wait_for(timeout=10_000)
        shown.append(popup.inner_text())
        assert popup.locator("script, img, svg, iframe").count() == 0
        assert popup.locator("a").evaluate_all(
            "links => links.map(a => a.protocol)") in ([], ["https:"])
    # a curved line's middle need not lie on it: send the click to the path itself
    frame.locator("path.lagebild-shipment").first.dispatch_event("click")
    expect(frame.locator(".leaflet-popup-content").last).to_contain_text("HYPERLINK")
    shown.append(frame.locator(".leaflet-popup-content").last.inner_text())
    text = "\n".join(shown)
    assert hostile.SCRIPT in text and "<img src=x onerror=alert('img')>" in text
    assert "javascript:alert('url')" in text          # the bad source URL, as text
    assert "invoice[U+202E]txt.exe" in text and "\u202e" not in text

    # a hostile file name in the upload messages (once the reruns the clicks set off are over)
    wait_idle(page)
    page.get_by_text("Add articles").click()
    page.locator("input[type='file']").set_input_files(
        [{"name": hostile.FILE_NAME, "mimeType": "text/plain", "buffer": b""}])
    page.get_by_role("button", name="Extract and store").click()
    message = page.get_by_text("alert('file')").first
    message.wait_for(timeout=30_000)
    assert "<img src=x onerror=alert('file')>[x](javascript:alert(1))" in message.inner_text()

    assert _injected(page) == []
    assert dialogs == [] and _recorded_dialogs(page) == []
    assert outside == [], f"requests left 127.0.0.1: {outside}"
    context.close()
