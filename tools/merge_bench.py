"""Cost of cross-article merging as the store grows (issue 17): synthetic articles
(store.synthetic, no extraction) ingested one by one into a fresh SQLite store, the mean
time per document printed for each fifth of the run. A merge whose cost grows with the
store shows as rising figures; extraction (~11 ms a document here) is not included.

    .venv/bin/python tools/merge_bench.py --articles 20000
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from store import Store  # noqa: E402
from store.ingest import ingest_document  # noqa: E402
from store.synthetic import synthetic_articles  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=20000)
    ap.add_argument("--steps", type=int, default=5)
    args = ap.parse_args(argv)
    step = max(1, args.articles // args.steps)
    with tempfile.TemporaryDirectory(prefix="lagebild-merge-") as tmp:
        store = Store(Path(tmp) / "store.sqlite3")
        with store._connect() as conn:
            conn.execute("PRAGMA synchronous = OFF")  # a throwaway store: the disk is not measured
            last = time.perf_counter()
            for i, doc in enumerate(synthetic_articles(args.articles), 1):
                ingest_document(conn, doc)
                if i % step == 0:
                    now = time.perf_counter()
                    print(f"{i:>8} articles stored: {(now - last) / step * 1000:6.2f} ms per article "
                          f"over the last {step}", flush=True)
                    last = now
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
