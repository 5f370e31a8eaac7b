"""Store write cost of the living dataset (issue 17, created/updated and history):
synthetic articles (store.synthetic, no extraction) written into a fresh SQLite store,
then all written again with one event in four changed (the re-extraction path), and
optionally real articles through ``ingest.batch`` (extraction included).

    .venv/bin/python tools/history_bench.py --articles 3000 --repeat 3
    .venv/bin/python tools/history_bench.py --articles 3000 --pipeline 1000

Run it on two checkouts (before / after) in turns: this machine's timings vary by
a third from run to run, so compare interleaved runs, not one each.
"""
from __future__ import annotations

import argparse
import copy
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _changed(doc: dict, k: int) -> dict:
    """*doc* with every fourth event's cargo or actors changed, and one event dropped
    from every tenth document: what a re-extraction after a pipeline change does."""
    out = copy.deepcopy(doc)
    for i, ev in enumerate(out["events"]):
        if (i + k) % 4 == 0:
            ev["actors"] = sorted(set(ev["actors"]) | {"Changed Actor"})
    if k % 10 == 0 and len(out["events"]) > 1:
        out["events"].pop()
    return out


def write_rate(n: int, folder: Path) -> tuple[float, float]:
    """(documents/s first write, documents/s rewrite with changes) on a fresh store."""
    from store import Store
    from store.synthetic import synthetic_articles

    docs = list(synthetic_articles(n))
    store = Store(folder / f"w{time.monotonic_ns()}.sqlite3")
    with store.writer() as w:
        t = time.perf_counter()
        for outcome in w.ingest_each((d, d["title"]) for d in docs):
            if not isinstance(outcome, str):
                raise outcome
        first = n / (time.perf_counter() - t)
        again = [_changed(d, k) for k, d in enumerate(docs)]
        t = time.perf_counter()
        for outcome in w.ingest_each((d, d["title"] + " v2") for d in again):
            if not isinstance(outcome, str):
                raise outcome
        second = n / (time.perf_counter() - t)
    return first, second


def pipeline_rate(n: int, folder: Path) -> float:
    """Articles/s of ``ingest.batch`` (one process, extraction and writing) on *n*
    articles of tools/scale_bench.make_corpus."""
    from ingest import batch
    from store import Store

    sys.path.insert(0, str(ROOT / "tools"))
    from scale_bench import make_corpus

    corpus = folder / "corpus.jsonl"
    make_corpus(corpus, n)
    store = Store(folder / f"p{time.monotonic_ns()}.sqlite3")
    stats = batch.ingest(batch.Options(paths=[corpus], store=store))
    return stats.rate()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--pipeline", type=int, default=0, metavar="N",
                    help="also N real articles through ingest.batch (extraction included)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        firsts, seconds = [], []
        for _ in range(args.repeat):
            a, b = write_rate(args.articles, Path(tmp))
            firsts.append(a)
            seconds.append(b)
        print(f"first write: {statistics.median(firsts):,.0f} docs/s "
              f"(runs {', '.join(f'{x:,.0f}' for x in firsts)})")
        print(f"rewrite with changes: {statistics.median(seconds):,.0f} docs/s "
              f"(runs {', '.join(f'{x:,.0f}' for x in seconds)})")
        if args.pipeline:
            print(f"ingest.batch with extraction: {pipeline_rate(args.pipeline, Path(tmp)):.1f} "
                  "articles/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
