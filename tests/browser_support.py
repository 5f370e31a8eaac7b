"""A real Streamlit server for the browser tests: started on a free port with a
given store, ready when its health endpoint answers (polled, never slept on),
stopped afterwards with its log printed."""
from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen, deadline_s: float = 90.0) -> None:
    """Poll the health endpoint until it answers ok (no fixed sleep)."""
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}")
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(url, timeout=1) as resp:
                if resp.status == 200 and resp.read().strip() == b"ok":
                    return
        time.sleep(0.1)  # polling interval, not a readiness guess
    raise TimeoutError(f"{url} not healthy within {deadline_s}s")


@contextlib.contextmanager
def streamlit_server(db: Path, log_dir: Path, root: Path) -> Iterator[str]:
    """The page served from ``root/app.py`` on 127.0.0.1 with ``LAGEBILD_DB=db``; yields its URL."""
    port = free_port()
    env = dict(os.environ, LAGEBILD_DB=str(db), PYTHONUNBUFFERED="1")
    env.pop("LAGEBILD_SERVE_TEAM", None)
    log = open(log_dir / "streamlit.log", "w+")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true",
         "--browser.gatherUsageStats", "false"],
        cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_healthy(f"http://127.0.0.1:{port}/_stcore/health", proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.seek(0)
        print(log.read()[-3000:])
        log.close()


def is_local(url: str) -> bool:
    """A request that stays on this machine (or never leaves the page)."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "chrome-extension"):
        return True
    return parts.hostname in ("127.0.0.1", "localhost")


def block_outside(context) -> list[str]:
    """Abort every request of a playwright browser context that would leave the machine;
    returns the list the blocked URLs are recorded in."""
    outside: list[str] = []

    def guard(route):
        if is_local(route.request.url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    return outside


RUNNING = ("[data-testid='stStatusWidgetRunningIcon'], "
           "[data-testid='stStatusWidgetRunningManIcon']")


def wait_idle(page, settled_s: float = 1.0, deadline_s: float = 60.0) -> None:
    """Wait until the app has shown no "running" indicator for *settled_s* seconds:
    reruns that a click set off (a map pick redraws the map, which may rerun once
    more) are over before the test goes on."""
    import time

    end = time.monotonic() + deadline_s
    quiet_since = None
    while time.monotonic() < end:
        if page.locator(RUNNING).count():
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since >= settled_s:
            return
        page.wait_for_timeout(100)
    raise TimeoutError(f"the app was still rerunning after {deadline_s:.0f} s")


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@contextlib.contextmanager
def launch_chromium(sync_playwright) -> Iterator:
    """Debian's chromium, headless and quiet (no background network, updates or sync),
    driven by playwright's ``sync_playwright``; closed afterwards."""
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()

