"""Marked evidence in a real browser, outside requests blocked: a marker's popup quotes
the whole sentence in a scrollable box with the trigger, place, actor and date marked and
a key; the click picks the event and the page quotes the same marked sentence.
Screenshots: test-artifacts/evidence-popup.png, evidence-page.png."""
from __future__ import annotations

import os

import pytest

from browser_support import block_outside, streamlit_server, wait_idle, launch_chromium
from store import Store

CHROMIUM = "/usr/bin/chromium"
MAP_IFRAME = "iframe[title*='st_folium']"

pytestmark = pytest.mark.browser

if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is missing (run tools/ensure_chromium.sh)", allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api",
                                     reason="python package playwright not installed")

LEAD = "Im September traf Kim Jong Un in Wladiwostok den russischen Präsidenten."
MORE = (" Beide Seiten sprachen nach Angaben der Agentur über Zusammenarbeit in vielen Bereichen,"
        " über Raumfahrt, Landwirtschaft und Verkehr, und vereinbarten weitere Gespräche.") * 4
EVIDENCE = LEAD + MORE


def _at(word: str, kind: str) -> list:
    start = 1000 + LEAD.index(word)
    return [start, start + len(word), kind]


DOC = {
    "id": "doc-evidence", "lang": "de", "doc_date": "2023-09-14", "doc_date_source": "argument",
    "title": "Kim in Wladiwostok", "url": "https://example.org/kim", "places": [], "timexes": [],
    "events": [{
        "id": "ev-marked", "type": "meeting", "date_start": "2023-09-13", "date_end": "2023-09-13",
        "date_precision": "day", "actors": ["Kim Jong Un", "Kim", "UN", "Vereinte Nationen"],
        "location": {"name": "Wladiwostok", "geonameid": 2013348, "lat": 43.10562,
                     "lon": 131.87353, "country_code": "RU", "feature": "city"},
        "origin": None, "destination": None, "modes": [], "cargo": None,
        "evidence": EVIDENCE, "start": 1000, "end": 1000 + len(EVIDENCE),
        "evidence_spans": [[1000, 1000 + len(EVIDENCE)]],
        "highlights": [_at("traf", "trigger"), _at("Wladiwostok", "place"),
                       _at("Kim Jong Un", "actor"), _at("September", "date")],
        "confidence": 0.8}],
}


@pytest.fixture(scope="module")
def server(tmp_path_factory, root, gazetteer):
    db = tmp_path_factory.mktemp("evidence") / "lagebild.sqlite3"
    Store(db).ingest(DOC, "x" * 1000 + EVIDENCE)
    with streamlit_server(db, tmp_path_factory.mktemp("log"), root) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with launch_chromium(playwright_api.sync_playwright) as b:
        yield b


def test_popup_marks_the_trigger_and_the_place(server, browser, root):
    artifacts = root / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    outside = block_outside(context)
    page = context.new_page()
    page.goto(server, wait_until="domcontentloaded")
    page.wait_for_selector(MAP_IFRAME, timeout=60_000)
    frame = page.locator(MAP_IFRAME).filter(visible=True).first.content_frame
    marker = frame.locator(".awesome-marker.leaflet-interactive")
    marker.first.wait_for(timeout=60_000)
    marker.first.click()
    expect = playwright_api.expect
    popup = frame.locator(".leaflet-popup-content").last
    expect(popup.locator("blockquote mark.lb-trigger")).to_have_text("traf")
    expect(popup.locator("blockquote mark.lb-place")).to_have_text("Wladiwostok")
    expect(popup.locator("blockquote mark.lb-actor")).to_have_text("Kim Jong Un")
    expect(popup.locator("blockquote mark.lb-date")).to_have_text("September")
    expect(popup).to_contain_text("Actors" + "Kim Jong Un, UN")  # one name per actor
    quote = popup.locator("blockquote.lagebild-evidence")
    # the whole sentence, in a box that scrolls rather than cuts
    assert quote.evaluate("q => q.textContent").rstrip().endswith("weitere Gespräche.")
    assert quote.evaluate("q => q.scrollHeight > q.clientHeight + 20 && "
                          "getComputedStyle(q).overflowY === 'auto'")
    styles = {kind: popup.locator(f"blockquote mark.lb-{kind}").evaluate(
        "m => [getComputedStyle(m).backgroundColor, getComputedStyle(m).borderBottomStyle]")
        for kind in ("trigger", "place", "actor", "date")}
    assert len({s[0] for s in styles.values()}) == 4      # four colours ...
    assert len({s[1] for s in styles.values()}) >= 3      # ... and underlines apart from colour
    expect(popup.locator(".lb-key")).to_contain_text("Marked: what happened place date actor")
    # each marked word names its kind to screen readers (clipped generated text), the key's not
    assert popup.locator("blockquote mark.lb-place").evaluate(
        "m => getComputedStyle(m, '::before').content") == '"place: "'
    assert popup.locator(".lb-key mark.lb-place").evaluate(
        "m => getComputedStyle(m, '::before').content") == "none"
    # the click picks the event: the page quotes the same marked sentence
    wait_idle(page)
    expect(page.locator("mark.lb-trigger").first).to_have_text("traf", timeout=30_000)
    expect(page.locator("mark.lb-place").first).to_have_text("Wladiwostok")
    frame.locator(".leaflet-popup").evaluate("p => new Promise(r => setTimeout(r, 400))")
    page.screenshot(path=str(artifacts / "evidence-popup.png"))
    detail = page.locator(".st-key-evidence_detail").first
    detail.scroll_into_view_if_needed()
    expect(detail).to_contain_text("Marked:")
    detail.screenshot(path=str(artifacts / "evidence-page.png"))
    assert outside == [], f"requests left 127.0.0.1: {outside}"
    context.close()
