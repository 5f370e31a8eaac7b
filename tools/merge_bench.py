"""Cost of cross-article merging as the store grows (issue 17): articles ingested one
by one into a fresh SQLite store, the mean time per document printed for each fifth of
the run. A merge whose cost grows with the store shows as rising figures; extraction
(~7 ms a document on the scale articles) is not included.

The articles are synthetic (store.synthetic: 3-5 events each, published over six
years at random, so the events around any day grow denser as the store fills), or,
with ``--parts``, extraction results written by ``python -m ingest --parquet-out DIR``
(e.g. of tools/scale_bench.py's corpus), ingested in the order of their ids (shorter
first, so ``bench-9`` before ``bench-10``).

    .venv/bin/python tools/merge_bench.py --articles 20000
    .venv/bin/python tools/merge_bench.py --articles 30000 --parts DIR
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Iterator, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from store import Store  # noqa: E402
from store.ingest import ingest_document  # noqa: E402
from store.synthetic import synthetic_articles  # noqa: E402


def part_articles(folder: str, n: int) -> Iterator[tuple[dict[str, Any], Optional[str]]]:
    """The first *n* documents (and texts) of the results parts in *folder*, by id."""
    import pyarrow.parquet as pq

    from store.parquet import part_files

    found = []
    for path in part_files(folder):
        for r in pq.read_table(path, columns=["document", "text"]).to_pylist():
            doc = json.loads(r["document"])
            found.append((len(doc["id"]), doc["id"], doc, r["text"]))
    found.sort(key=lambda x: x[:2])
    for _, _, doc, text in found[:n]:
        yield doc, text


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=20000)
    ap.add_argument("--steps", type=int, default=5)
    ap.add_argument("--parts", metavar="DIR", help="extraction results (Parquet parts) "
                    "instead of synthetic articles")
    args = ap.parse_args(argv)
    step = max(1, args.articles // args.steps)
    docs = list(part_articles(args.parts, args.articles)) if args.parts else \
        ((doc, None) for doc in synthetic_articles(args.articles))   # (parts read before timing)
    with tempfile.TemporaryDirectory(prefix="lagebild-merge-") as tmp:
        store = Store(Path(tmp) / "store.sqlite3")
        with store._connect() as conn:
            conn.execute("PRAGMA synchronous = OFF")  # a throwaway store: the disk is not measured
            last = time.perf_counter()
            for i, (doc, text) in enumerate(docs, 1):
                ingest_document(conn, doc, text)
                if i % step == 0:
                    now = time.perf_counter()
                    print(f"{i:>8} articles stored: {(now - last) / step * 1000:6.2f} ms per article "
                          f"over the last {step}", flush=True)
                    last = now
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
