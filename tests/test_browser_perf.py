"""Timings of the real page with 1,000 and 10,000 synthetic events.

Opt-in (slow): ``LAGEBILD_PERF=1 .venv/bin/python -m pytest -q -s tests/test_browser_perf.py``
(the benchmark with medians and a written report is ``python -m bench.page``).
Prints: cold and warm page-ready times (navigation -> map drawn and caption
shown), one filter change (free-text filter -> caption and map updated) and
the server's peak RSS. ``LAGEBILD_PERF_DB=PATH`` times an existing store
instead (e.g. one made by ``python -m store.synthetic --articles 100000``).
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time

import pytest

from browser_support import free_port as _free_port, wait_healthy as _wait_healthy
from browser_support import is_local
from test_browser import CHROMIUM

pytestmark = [pytest.mark.browser, pytest.mark.slow]

if os.environ.get("LAGEBILD_PERF") != "1":
    pytest.skip("timings are opt-in: set LAGEBILD_PERF=1", allow_module_level=True)
if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is missing", allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api")

from store import EventFilter, Store  # noqa: E402
from store.query import REVIEW_STATES  # noqa: E402
from store.synthetic import synthetic_documents  # noqa: E402

FRAME = "iframe[title*='st_folium']"


def _ready(page, pattern: str) -> float:
    start = time.perf_counter()
    page.wait_for_function(f"() => /{pattern}/.test(document.body.innerText)", timeout=180_000)
    frame = page.locator(FRAME).filter(visible=True).first.content_frame
    frame.locator(".leaflet-container").wait_for(timeout=180_000)
    frame.locator(".leaflet-overlay-pane canvas, .leaflet-overlay-pane path").first.wait_for(
        timeout=180_000)
    frame.locator(".leaflet-marker-icon").first.wait_for(timeout=180_000)
    return time.perf_counter() - start


GIVEN = os.environ.get("LAGEBILD_PERF_DB")


def _peak_rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        line = next(l for l in status if l.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


@pytest.mark.parametrize("n_events", [0] if GIVEN else [1000, 10000])
def test_page_timings(tmp_path, root, n_events):
    t0 = time.perf_counter()
    if GIVEN:
        db = GIVEN
        n_events = Store(db).count(EventFilter(review=REVIEW_STATES))
    else:
        db = tmp_path / "perf.sqlite3"
        Store(db).ingest_many(synthetic_documents(n_events))
    ingest_s = time.perf_counter() - t0
    port = _free_port()
    env = dict(os.environ, LAGEBILD_DB=str(db))
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(f"{url}/_stcore/health", proc)
        with playwright_api.sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
                "--no-sandbox", "--headless", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"])
            outside: list[str] = []
            times = {}
            for label in ("cold", "warm"):
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                page.route("**/*", lambda r: r.continue_() if is_local(r.request.url)
                           else (outside.append(r.request.url), r.abort()))
                t = time.perf_counter()
                page.goto(url, wait_until="commit")
                _ready(page, rf"of {n_events} events")
                times[label] = time.perf_counter() - t
                if label == "cold":
                    page.close()
            box = page.get_by_label(re.compile("Free text"))
            before = int(re.search(rf"(\d+) of {n_events} events", page.inner_text("body"))[1])
            t = time.perf_counter()
            box.fill("fuel")
            box.press("Enter")
            page.wait_for_function(   # the caption's count changed (fewer match "fuel")
                f"() => {{ const m = document.body.innerText.match(/(\\d+) of {n_events} events/);"
                f" return m && +m[1] < {before}; }}", timeout=180_000)
            # the old map frame is replaced: wait until only the new one is left
            page.wait_for_function(
                f"() => document.querySelectorAll(\"{FRAME}\").length === 1", timeout=180_000)
            _ready(page, rf"of {n_events} events")
            times["filter"] = time.perf_counter() - t
            browser.close()
        print(f"\n[perf] {n_events} events: ingest {ingest_s:.1f}s, page ready cold "
              f"{times['cold']:.1f}s, warm {times['warm']:.1f}s, one filter change "
              f"{times['filter']:.1f}s, server peak RSS {_peak_rss_mb(proc.pid):.0f} MB")
        assert outside == []
    finally:
        proc.terminate()
        proc.wait(timeout=20)
