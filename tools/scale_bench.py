"""Scale benchmark: N real-looking articles through ``extract.batch`` with 1 and 2
local processes and on a local Dask cluster; articles/s, peak memory, and the
projection to 10 million articles on a 16-node cluster. Writes docs/SCALE.md.

    .venv/bin/python tools/scale_bench.py --n 100000      # the acceptance size
    .venv/bin/python tools/scale_bench.py --n 2000        # what fits a short session

Articles are the demo articles varied: sentences shuffled, place names
swapped, dates shifted -- so every text (and content hash) is different.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PLACES = ["Berlin", "Hamburg", "Duisburg", "Odessa", "Wien", "Warschau", "Kiew", "Moskau",
          "Rotterdam", "Danzig", "Minsk", "Istanbul", "Paris", "London", "Vienna",
          "Warsaw", "Kyiv", "Moscow", "Gdansk", "Brussels"]
_SENT = re.compile(r"(?<=[.!?])\s+")
_DATE = re.compile(r"\b(\d{1,2})\. ?(Januar|Februar|März|April|Mai|Juni|Juli|August|September|"
                   r"Oktober|November|Dezember)\b")


# measured by tools/dash_bench.py and written by hand: kept when this script rewrites the file
DASHBOARD_HEADING = "## Dashboard at 100,000 articles"


def make_corpus(path: Path, n: int, seed: int = 1) -> int:
    from store.loader import demo_articles

    rng = random.Random(seed)
    arts = demo_articles()
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            art = arts[i % len(arts)]
            sentences = _SENT.split(art.text.strip())
            head, rest = sentences[:1], sentences[1:]
            rng.shuffle(rest)
            text = " ".join(head + rest)
            for name in PLACES:
                if name in text and rng.random() < 0.5:
                    text = text.replace(name, rng.choice(PLACES))
            text = _DATE.sub(lambda m: f"{rng.randint(1, 28)}. {m.group(2)}", text)
            date = art.doc_date + dt.timedelta(days=rng.randint(-400, 400))
            f.write(json.dumps({"id": f"bench-{i}", "text": text, "doc_date": date.isoformat(),
                                "lang": art.lang, "title": art.title}, ensure_ascii=False) + "\n")
    return path.stat().st_size


class PeakMemory:
    """Peak of the summed RSS of this process and all its descendants (sampled)."""

    def __init__(self, every: float = 0.2):
        import psutil

        self.proc, self.every, self.peak = psutil.Process(), every, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        import psutil

        while not self._stop.is_set():
            total = 0
            for p in [self.proc, *self.proc.children(recursive=True)]:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            self._stop.wait(self.every)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def run_one(corpus: Path, label: str, jobs: int, scheduler, workdir: Path) -> dict:
    from extract import batch
    from store import Store

    store = Store(workdir / f"{label}.sqlite3")
    with PeakMemory() as mem:
        stats = batch.ingest(batch.Options(paths=[corpus], store=store, jobs=jobs,
                                           scheduler=scheduler, progress=False))
    with PeakMemory() as mem2:
        again = batch.ingest(batch.Options(paths=[corpus], store=store, jobs=jobs,
                                           scheduler=scheduler, progress=False))
    return {"label": label, "jobs": jobs, "n": stats.extracted, "failed": len(stats.failed),
            "events": stats.events, "seconds": stats.seconds, "rate": stats.rate(),
            "peak_mb": mem.peak / 2**20, "rerun_seconds": again.seconds,
            "rerun_skipped": again.skipped, "rerun_peak_mb": mem2.peak / 2**20}


def store_write_rate(workdir: Path, n_docs: int = 5000) -> float:
    """Documents/s one writer stores (synthetic documents of 5 events, no extraction)."""
    from store import Store
    from store.synthetic import synthetic_documents

    store = Store(workdir / "writer.sqlite3")
    docs = synthetic_documents(n_docs * 5, events_per_doc=5)
    t = time.perf_counter()
    for chunk in range(0, len(docs), 16):     # as the batch writes: a connection per chunk
        list(store.ingest_each((d, d["title"]) for d in docs[chunk:chunk + 16]))
    return len(docs) / (time.perf_counter() - t)


def report(results: list[dict], n: int, corpus_mb: float, writer: float, nodes: int,
           cores: int) -> str:
    one = next((r for r in results if r["label"] == "jobs1"), None)
    best = max(results, key=lambda r: r["rate"])
    # without a one-process run, the per-core rate is the best run's rate per worker
    per_core = one["rate"] if one else best["rate"] / max(1, best.get("jobs") or 1)
    eff = best["rate"] / (per_core * 2) if per_core else 0
    cluster_rate = nodes * cores * per_core * min(eff, 1.0)
    target = 10_000_000
    hours = target / cluster_rate / 3600 if cluster_rate else float("nan")
    rows = "\n".join(
        f"| {r['label']} | {r['n']:,} | {r['seconds']:.0f} s | {r['rate']:.1f} | "
        f"{r['peak_mb']:.0f} MB | {r['rerun_seconds']:.1f} s ({r['rerun_skipped']:,} skipped) |"
        for r in results)
    return f"""# Scale: batch ingest figures

Measured with `.venv/bin/python tools/scale_bench.py --n {n}` on this machine
({os.cpu_count()} cores, {platform.python_version()}, SQLite store), {dt.date.today()}.

**Size measured: {n:,} articles** ({corpus_mb:.1f} MB JSONL) per configuration, not
100,000: at the measured per-core rate 100,000 articles take
{100_000 / per_core / 60:.0f} min per run on one core, more than the session had for
three runs. The script takes `--n 100000` unchanged; memory does not depend on N
(streamed input, bounded chunks in flight -- see the re-run column, which reads
every line again).

Articles: the five demo articles varied (sentences shuffled, place names swapped,
day of month and publication date shifted), ~1 KB each.

| run | articles | time | articles/s | peak memory (all processes) | re-run (all skipped) |
| --- | ---: | ---: | ---: | ---: | ---: |
{rows}

* `jobs1`: `python -m extract.batch --jsonl FILE --store DB` (one process)
* `jobs2`: `... --jobs 2` (two worker processes, each loads the pipeline once)
* `dask2`: `... --scheduler local --jobs 2` (LocalCluster, 2 processes x 1 thread)

Times include starting the workers and loading the pipeline in each (a few
seconds), which weighs on a short run. Parallel efficiency on this 2-core machine
(best parallel rate / (2 x one process)): **{eff:.0%}** -- the main process
(reading, hashing, writing to SQLite) shares the two cores with the workers.

A single SQLite writer stores **{writer:,.0f} documents/s** (synthetic documents
of 5 events, no extraction): far above the extraction rate, so the store is not
the bottleneck at this scale.

## Projection: 10 million articles on a 16-node cluster

Assumptions: {nodes} nodes x {cores} cores, one single-threaded Dask worker per
core, the per-core rate measured here ({per_core:.1f} articles/s), the parallel
efficiency measured here ({min(eff, 1.0):.0%}), input streamed from the client.

    10,000,000 / ({nodes} x {cores} x {per_core:.1f} x {min(eff, 1.0):.2f}) = {cluster_rate:,.0f} articles/s
    -> {hours:.1f} hours

Caveats, honestly: (1) at {cluster_rate:,.0f} articles/s the results must be
written at the same rate; one SQLite writer managed {writer:,.0f} documents/s
here{' -- below that, so use PostgreSQL or `--parquet-out` and load parts in parallel' if writer < cluster_rate else ''};
(2) the client reads and ships every text (~1 KB) and receives every result
(~5-10 KB): ~{cluster_rate * 10 / 1024:,.0f} MB/s at that rate, which one client
NIC carries but is the next ceiling; (3) per-core speed of server cores differs
from this machine's; (4) real news articles are longer than these (~1 KB), and
extraction time grows about linearly with length.
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--nodes", type=int, default=16)
    ap.add_argument("--cores", type=int, default=8, help="cores per node (assumed)")
    ap.add_argument("--runs", default="jobs1,jobs2,dask2")
    ap.add_argument("--out", default=str(ROOT / "docs" / "SCALE.md"))
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="lagebild-scale-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus.jsonl"
        size = make_corpus(corpus, args.n)
        configs = {"jobs1": (1, None), "jobs2": (2, None), "dask2": (2, "local")}
        results = []
        for label in args.runs.split(","):
            jobs, scheduler = configs[label]
            results.append(run_one(corpus, label, jobs, scheduler, work))
            print(json.dumps(results[-1]), file=sys.stderr, flush=True)
        writer = store_write_rate(work)
    text = report(results, args.n, size / 2**20, writer, args.nodes, args.cores)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    old = out.read_text(encoding="utf-8") if out.exists() else ""
    kept = old[old.find(DASHBOARD_HEADING):] if DASHBOARD_HEADING in old else ""
    out.write_text(text.rstrip("\n") + ("\n\n" + kept if kept else "\n"), encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
