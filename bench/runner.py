"""Run the extractor as ``python -m extract --jsonl`` does, in worker processes.

Each worker is a fresh (spawned) interpreter that loads the pipeline once in its
initializer and then waits at a barrier, so the clock starts only when every
worker is ready. A task is a list of documents; the worker writes them to a
temporary JSONL file and calls the CLI's own ``extract.cli.run`` on it, so the
output is exactly what the command prints.
"""
from __future__ import annotations

import io
import json
import math
import multiprocessing as mp
import os
import resource
import sys
import tempfile
import threading
import time

BARRIER_TIMEOUT = 600


def _init(barrier) -> None:
    from bench.corpora import ROOT

    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from extract.pipeline import get_pipeline

    try:
        warm_up(get_pipeline())
    except BaseException:
        barrier.abort()  # the bench stops with this traceback instead of waiting for ever
        raise
    barrier.wait(BARRIER_TIMEOUT)


WARM_UP = (("de", "Am Freitag traf Kanzler Scholz in Paris Präsident Macron; Munition wurde per Bahn aus Rostock "
                  "nach Odessa geliefert."),
           ("en", "On Friday the minister met President Macron in Paris; ammunition was shipped by rail from "
                  "Rostock to Odessa last month."))


def warm_up(pipeline) -> None:
    """One short document a language, so lazily loaded lexicons are not charged to the first corpus."""
    import datetime as dt

    for lang, text in WARM_UP:
        pipeline.process(text, doc_id=f"warm-up-{lang}", doc_date=dt.date(2023, 10, 13), lang=lang)


def peak_rss_mb() -> float:
    """This process's peak resident set size (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def run_cli(docs: list[dict], options: tuple[str, ...] = ()) -> dict:
    """``python -m extract --jsonl`` over ``docs`` inside this process (with the command-line
    ``options``, e.g. ``("--demonyms",)``); the parsed JSON result."""
    from extract.cli import run

    fd, path = tempfile.mkstemp(suffix=".jsonl", prefix="lagebild-bench-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
        buf = io.StringIO()
        stderr, sys.stderr = sys.stderr, io.StringIO()  # per-document messages stay out of the bench log
        try:
            run(["--jsonl", path, "--format", "json", *options], buf)
        finally:
            sys.stderr = stderr
        return json.loads(buf.getvalue())
    finally:
        os.unlink(path)


def _task(docs: list[dict], options: tuple[str, ...] = ()) -> dict:
    cpu0, t0 = time.process_time(), time.perf_counter()
    result = run_cli(docs, options)
    return {"result": result, "wall": time.perf_counter() - t0, "cpu": time.process_time() - cpu0,
            "pid": os.getpid(), "rss_mb": peak_rss_mb()}


# where the time goes: (file, function) whose cumulative time is the stage's
STAGES = {
    "spaCy tokenizer + sentencizer": ("spacy/language.py", "__call__"),
    "place recognition": ("extract/places/recognize.py", "recognize"),
    "place resolution": ("geo/resolve.py", "resolve"),
    "timexes": ("extract/dates/tagger.py", "tag_timexes"),
    "events": ("extract/events/extract.py", "extract_events"),
    "JSON output": ("extract/cli.py", "write_result"),
}


def _profile_task(docs: list[dict], top: int) -> dict:
    import cProfile
    import pstats

    prof = cProfile.Profile(time.process_time)  # CPU time: other work on the machine does not inflate it
    t0 = time.perf_counter()
    prof.enable()
    run_cli(docs)
    prof.disable()
    wall = time.perf_counter() - t0
    stats = pstats.Stats(prof)
    rows = []
    for (file, line, func), (cc, nc, tt, ct, _callers) in stats.stats.items():
        if file.endswith(("cProfile.py", "bench/runner.py")) or "disable' of '_lsprof" in func:
            continue
        rows.append({"func": format_func(file, line, func), "ncalls": nc, "tottime": tt, "cumtime": ct})
    total = max((r["cumtime"] for r in rows), default=0.0) or stats.total_tt
    stages = {label: sum(r["cumtime"] for r in rows if r["func"].startswith(f"{path}:")
                         and r["func"].endswith(f"({func})"))
              for label, (path, func) in STAGES.items()}
    by_own = sorted(rows, key=lambda r: -r["tottime"])[:top]
    by_cum = sorted(rows, key=lambda r: -r["cumtime"])[:top * 2]
    return {"wall": wall, "total": total, "by_own": by_own, "by_cum": by_cum, "stages": stages}


def format_func(file: str, line: int, func: str) -> str:
    """A short, stable name for a profiled function: path from the project or site-packages."""
    if file == "~":
        return func  # built-in
    norm = file.replace("\\", "/")
    for marker in ("/site-packages/", "/lib/python3"):
        if marker in norm:
            norm = norm.split(marker, 1)[1]
            if marker == "/lib/python3":
                norm = "stdlib/" + norm.split("/", 1)[-1]
            break
    else:
        from bench.corpora import ROOT

        root = str(ROOT).replace("\\", "/") + "/"
        if norm.startswith(root):
            norm = norm[len(root):]
    return f"{norm}:{line}({func})"


def chunks(items: list, n_chunks: int) -> list[list]:
    """``items`` cut into at most ``n_chunks`` contiguous, nearly equal, non-empty pieces."""
    if not items:
        return []
    n_chunks = max(1, min(n_chunks, len(items)))
    size = math.ceil(len(items) / n_chunks)
    return [items[i:i + size] for i in range(0, len(items), size)]


def merge_results(parts: list[dict]) -> dict:
    """CLI results of consecutive chunks -> one result, in input order."""
    return {"documents": [d for p in parts for d in p["result"]["documents"]],
            "errors": [e for p in parts for e in p["result"]["errors"]]}


class Workers:
    """A pool of ``n`` ready pipelines (spawned, loaded, synchronised)."""

    def __init__(self, n: int):
        ctx = mp.get_context("spawn")
        self.n = n
        barrier = ctx.Barrier(n + 1)
        t0 = time.perf_counter()
        self.pool = ctx.Pool(n, initializer=_init, initargs=(barrier,))
        try:
            barrier.wait(BARRIER_TIMEOUT)
        except threading.BrokenBarrierError:
            self.pool.terminate()
            self.pool.join()
            raise RuntimeError("a worker could not load or run the pipeline (traceback above)") from None
        self.ready_s = time.perf_counter() - t0

    def run(self, docs: list[dict], chunks_per_worker: int = 6, options: tuple[str, ...] = ()) -> dict:
        """Extract ``docs`` over the pool (CLI ``options``); wall time measured here, from
        dispatch to last result."""
        pieces = chunks(docs, self.n * chunks_per_worker if self.n > 1 else 1)
        t0 = time.perf_counter()
        parts = self.pool.starmap(_task, [(p, tuple(options)) for p in pieces], chunksize=1)
        wall = time.perf_counter() - t0
        return {"result": merge_results(parts), "wall": wall, "cpu": sum(p["cpu"] for p in parts),
                "rss_mb": max(p["rss_mb"] for p in parts) if parts else 0.0,
                "pids": sorted({p["pid"] for p in parts}), "chunks": len(pieces)}

    def profile(self, docs: list[dict], top: int = 20) -> dict:
        return self.pool.apply(_profile_task, (docs, top))

    def close(self) -> None:
        self.pool.close()
        self.pool.join()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if exc[0] is None:
            self.close()
        else:
            self.pool.terminate()
            self.pool.join()
