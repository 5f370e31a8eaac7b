"""Scale benchmark: N real-looking articles through ``ingest.batch`` with 1 and 2
local processes and on a local Dask cluster; articles/s, peak memory, the store's
write rates, and the projection to 10 million articles on a 16-node cluster.
Keeps the figures in bench/scale.json (by run, so runs may be made one at a time)
and writes docs/SCALE.md and the scale section of bench/RESULTS.md from them.

    .venv/bin/python tools/scale_bench.py --n 100000                 # acceptance size, ~40 min
    .venv/bin/python tools/scale_bench.py --n 100000 --runs jobs2    # one configuration
    .venv/bin/python tools/scale_bench.py --runs '' --writers --pg postgresql://...

Articles are the demo articles varied: sentences shuffled, place names
swapped, dates shifted -- so every text (and content hash) is different.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
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


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def _machine() -> str:
    import psutil

    return (f"{os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GB, "
            f"Python {platform.python_version()}, {platform.system()}")


def _commit() -> str:
    import subprocess

    out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                         capture_output=True, text=True)
    return out.stdout.strip() or "?"


def _settle(timeout: float = 60.0) -> None:
    """Wait until the workers of an earlier run have exited, so that their memory
    is not counted in this run's peak."""
    import psutil

    psutil.wait_procs(psutil.Process().children(recursive=True), timeout=timeout)


def warm_gazetteer() -> None:
    """Build the gazetteer cache in a throwaway process first: otherwise the first
    run pays (and counts in its peak memory) the one-time build."""
    import subprocess

    subprocess.run([sys.executable, "-c", "from geo.gazetteer import default_gazetteer; "
                    "default_gazetteer()"], cwd=ROOT, check=True)


def run_one(corpus: Path, n_input: int, label: str, jobs: int, scheduler, workdir: Path,
            pg_url: str | None = None) -> dict:
    from ingest import batch
    from store import Store

    if pg_url:                       # workers write into PostgreSQL themselves
        store = Store(pg_url)
        _drop_all(pg_url)
    else:
        store = Store(workdir / f"{label}.sqlite3")
    opts = dict(paths=[corpus], store=store, jobs=jobs, scheduler=scheduler,
                workers_write=bool(pg_url))
    _settle()
    load_before = _load()
    with PeakMemory() as mem:
        stats = batch.ingest(batch.Options(**opts))
    load_after = _load()
    with PeakMemory() as mem2:
        again = batch.ingest(batch.Options(**opts))
    return {"label": label, "jobs": jobs, "input": n_input, "n": stats.extracted,
            "failed": len(stats.failed), "events": stats.events, "seconds": stats.seconds,
            "rate": stats.rate(), "peak_mb": mem.peak / 2**20, "rerun_seconds": again.seconds,
            "rerun_skipped": again.skipped, "rerun_peak_mb": mem2.peak / 2**20,
            "load_before": load_before, "load_after": load_after,
            "date": dt.date.today().isoformat(), "commit": _commit(), "machine": _machine()}


def _write_share(target: str, docs: list) -> None:
    from store import Store

    with Store(target).writer() as w:
        for outcome in w.ingest_each((d, d["title"]) for d in docs):
            if not isinstance(outcome, str):
                raise outcome


def store_write_rate(target: str, writers: int = 1, n_docs: int = 5000) -> float:
    """Documents/s that *writers* processes store together (synthetic documents of
    5 events, no extraction), each over one connection as the batch writes."""
    from store import Store
    from store.synthetic import synthetic_documents

    Store(target)                                   # create and migrate first
    docs = synthetic_documents(n_docs * 5, events_per_doc=5)
    shares = [docs[i::writers] for i in range(writers)]
    t = time.perf_counter()
    if writers == 1:
        _write_share(target, docs)
    else:
        ctx = multiprocessing.get_context("forkserver")
        with ctx.Pool(writers) as pool:
            pool.starmap(_write_share, [(target, share) for share in shares])
    return len(docs) / (time.perf_counter() - t)


def measure_writers(workdir: Path, pg_url: str | None) -> dict[str, dict]:
    out = {"sqlite-1": {"backend": "sqlite", "writers": 1,
                        "docs_s": store_write_rate(str(workdir / "writer.sqlite3"))}}
    if pg_url:
        from store import Store

        for k in (1, 2):
            Store(pg_url)
            _drop_all(pg_url)
            out[f"postgresql-{k}"] = {"backend": "postgresql", "writers": k,
                                      "docs_s": store_write_rate(pg_url, k)}
        _drop_all(pg_url)
    for k, v in out.items():
        print(f"writer {k}: {v['docs_s']:,.0f} documents/s", file=sys.stderr, flush=True)
    return out


def _drop_all(pg_url: str) -> None:
    from store import db

    with db.connection(db.resolve_path(pg_url)) as conn:
        conn.execute("DELETE FROM documents")


def render(data: dict, nodes: int, cores: int, out: Path) -> str:
    from bench import scale_report

    text = "\n".join(["# Scale: batch ingest figures", "",
                      "Issue 8. Written by `tools/scale_bench.py` from `bench/scale.json` "
                      "(the same section is in `bench/RESULTS.md`).", "",
                      "## Ingest", ""] + scale_report.ingest_md(data, nodes, cores))
    old = out.read_text(encoding="utf-8") if out.exists() else ""
    kept = old[old.find(DASHBOARD_HEADING):] if DASHBOARD_HEADING in old else ""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text.rstrip("\n") + ("\n\n" + kept if kept else "\n"), encoding="utf-8")
    return text


def rerender_results() -> None:
    """bench/RESULTS.md again from bench/results.json (now with the scale section)."""
    from bench import report

    results = ROOT / "bench" / "results.json"
    if results.exists():
        r = json.loads(results.read_text(encoding="utf-8"))
        (ROOT / "bench" / "RESULTS.md").write_text(report.results_md(r), encoding="utf-8")


def main(argv=None) -> int:
    from bench import scale_report

    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000, help="generated articles (acceptance: 100000)")
    ap.add_argument("--nodes", type=int, default=16)
    ap.add_argument("--cores", type=int, default=8, help="cores per node (assumed)")
    ap.add_argument("--runs", default="jobs1,jobs2,dask2", help="comma-separated; '' for none")
    ap.add_argument("--writers", action="store_true", help="also measure the store's write rates")
    ap.add_argument("--pg", metavar="URL", help="a PostgreSQL database for --writers and the "
                    "dask2-pg run (its documents are deleted)")
    ap.add_argument("--json", default=str(scale_report.SCALE_JSON))
    ap.add_argument("--out", default=str(ROOT / "docs" / "SCALE.md"))
    args = ap.parse_args(argv)
    configs = {"jobs1": (1, None), "jobs2": (2, None), "dask2": (2, "local"),
               "dask2-pg": (2, "local")}
    labels = [x for x in args.runs.split(",") if x]
    unknown = [x for x in labels if x not in configs]
    if unknown:
        ap.error(f"unknown run(s) {unknown}; choose from {sorted(configs)}")
    results, writers = [], {}
    with tempfile.TemporaryDirectory(prefix="lagebild-scale-") as tmp:
        work = Path(tmp)
        if labels:
            corpus = work / "corpus.jsonl"
            make_corpus(corpus, args.n)
            warm_gazetteer()
        for label in labels:
            jobs, scheduler = configs[label]
            pg = args.pg if label.endswith("-pg") else None
            if label.endswith("-pg") and not pg:
                ap.error(f"{label} needs --pg URL")
            results.append(run_one(corpus, args.n, label, jobs, scheduler, work, pg))
            print(json.dumps(results[-1]), file=sys.stderr, flush=True)
        if args.writers:
            writers = measure_writers(work, args.pg)
    path = Path(args.json)
    data = scale_report.merge(scale_report.load(path), results, writers)
    scale_report.save(data, path)
    print(render(data, args.nodes, args.cores, Path(args.out)))
    if path == scale_report.SCALE_JSON:
        rerender_results()
    return 0


if __name__ == "__main__":
    sys.exit(main())
