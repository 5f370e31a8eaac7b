"""Dashboard timings on a big store, server side, through streamlit's AppTest.

    .venv/bin/python -m store.synthetic --articles 100000 --db /tmp/lb/100k.sqlite3
    .venv/bin/python tools/dash_bench.py --db /tmp/lb/100k.sqlite3 [--profile]

Each measurement runs in a fresh process (cold caches) and prints: page ready
(first ``AppTest.run``), one filter change (free text ``fuel``), one narrowed
date window (the last 30 days of data), and the peak RSS of that process.
"""
from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import os
import pstats
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def measure(db: str, profile: bool) -> dict[str, float]:
    os.environ["LAGEBILD_DB"] = db
    from streamlit.testing.v1 import AppTest

    prof = cProfile.Profile() if profile else None
    out: dict[str, float] = {}
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=900)
    t = time.perf_counter()
    if prof:
        prof.enable()
    at.run()
    out["page_ready_s"] = time.perf_counter() - t
    assert not at.exception, [e.value for e in at.exception]
    out["caption"] = at.caption[0].value
    out["window"] = " .. ".join(str(d) for d in at.slider(key="window").value)
    out["notice"] = " | ".join(i.value for i in at.info)
    at.text_input(key="f_text").set_value("fuel")
    t = time.perf_counter()
    at.run()
    out["filter_text_s"] = time.perf_counter() - t
    assert not at.exception, [e.value for e in at.exception]
    out["caption_text"] = at.caption[0].value
    at.text_input(key="f_text").set_value("")
    hi = at.slider(key="window").value[1]
    at.slider(key="window").set_value((hi - dt.timedelta(days=30), hi))   # narrowed
    t = time.perf_counter()
    at.run()
    out["filter_window_s"] = time.perf_counter() - t
    assert not at.exception, [e.value for e in at.exception]
    out["caption_window"] = at.caption[0].value
    if prof:
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(35)
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    result = measure(args.db, args.profile)
    for key, value in result.items():
        print(f"{key}: {value:.2f}" if isinstance(value, float) else f"{key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
