"""Batch ingest: JSON Lines / Parquet -> extraction -> event store and/or Parquet.

The library behind ``python -m ingest`` (:mod:`ingest.cli`):
``ingest(Options(paths=[...], store=Store(...), jobs=2))`` returns the counts.

The input is streamed: read line by line (Parquet: batch by batch), cut into
chunks, and at most a few chunks per worker are in flight, so memory stays
flat whatever the input size. Before anything is extracted, each document's
content hash (text + publication date) is looked up in the store: what is
already stored is skipped, so an interrupted run resumes where it stopped and
a repeated run is fast. Every document is committed in its own transaction.
A document that fails is counted in ``Stats.failed`` and logged (logger
``lagebild.ingest``); the others go on.
"""
from __future__ import annotations

import concurrent.futures as cf
import contextlib
import datetime as dt
import functools
import itertools
import logging
import multiprocessing
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

from records.errors import InputError, LagebildError
from ingest.sources import Item, chunked, iter_records, make_item
from ingest.work import Results, Targets, Written, extract_chunk, load_pipeline

CHUNK_SIZE = 16          # documents per task
IN_FLIGHT_PER_WORKER = 2  # chunks queued per worker (bounds memory)

log = logging.getLogger("lagebild.ingest")
Progress = Callable[[int], None]   # called with the number of documents just finished


@dataclass
class Stats:
    read: int = 0
    skipped: int = 0            # already stored (content hash) -- not extracted
    extracted: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    events: int = 0
    events_added: int = 0       # by what the store did (store.history): new events,
    events_changed: int = 0     # events whose values a re-extraction changed,
    events_removed: int = 0     # and events a re-extraction no longer found
    seconds: float = 0.0

    def count_events(self, changes) -> None:
        """Add a document's ``{"added": n, "changed": n, "removed": n}``."""
        for key in ("added", "changed", "removed"):
            name = f"events_{key}"
            setattr(self, name, getattr(self, name) + int(changes.get(key, 0)))

    def rate(self) -> float:
        return self.extracted / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        return (f"{self.read} read, {self.skipped} already stored, {self.extracted} extracted "
                f"({self.new} new, {self.updated} updated, {self.unchanged} unchanged, "
                f"{self.events} events; stored events {self.events_added} added, "
                f"{self.events_changed} changed, {self.events_removed} removed), "
                f"{len(self.failed)} failed in {self.seconds:.1f} s "
                f"({self.rate():.1f} articles/s)")


# -- executors: all yield the results of chunks, at most `window` chunks in flight ---------

def run_serial(chunks: Iterable[list[dict]], work: Callable) -> Iterator[Results]:
    for chunk in chunks:
        yield work(chunk)


def bounded(pool: cf.Executor, fn: Callable, chunks: Iterable, window: int) -> Iterator:
    """``fn(chunk)`` on *pool* for each chunk, results as they complete, with at
    most *window* chunks submitted and not yet consumed (memory stays flat)."""
    pending: set[cf.Future] = set()
    try:
        for chunk in chunks:
            pending.add(pool.submit(fn, chunk))
            while len(pending) >= window:
                done, pending = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
                for fut in done:
                    yield fut.result()
        while pending:
            done, pending = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
            for fut in done:
                yield fut.result()
    finally:
        for fut in pending:
            fut.cancel()


def run_processes(chunks: Iterable[list[dict]], jobs: int, work: Callable) -> Iterator[Results]:
    """*jobs* local worker processes, each loading the pipeline once."""
    chunks = iter(chunks)
    first = next(chunks, None)
    if first is None:          # nothing to extract: start no workers
        return
    ctx = multiprocessing.get_context("forkserver")
    with cf.ProcessPoolExecutor(jobs, mp_context=ctx, initializer=load_pipeline) as pool:
        yield from bounded(pool, work, itertools.chain([first], chunks),
                           jobs * IN_FLIGHT_PER_WORKER)


# -- the run ---------------------------------------------------------------------------

@dataclass
class Options:
    paths: list
    store: Any = None                 # a store.Store, or None
    parquet_out: Optional[str] = None
    jobs: int = 1
    scheduler: Optional[str] = None
    chunk_size: int = CHUNK_SIZE
    forced_date: Optional[dt.date] = None
    lang: str = "auto"
    workers_write: bool = False       # workers store results themselves (see ingest.work)
    today: Optional[dt.date] = None   # the date of a document without one (default: today)

    def targets(self) -> Optional[Targets]:
        """Where the workers write, or None when the client writes."""
        if not self.workers_write:
            return None
        store = None
        if self.store is not None:
            store = str(self.store.path.resolve() if self.store.backend == "sqlite"
                        else self.store.path)
        parquet = str(Path(self.parquet_out).resolve()) if self.parquet_out else None
        return Targets(store=store, parquet=parquet)


def _fail(stats: Stats, doc_id: str, reason: str) -> None:
    stats.failed.append((doc_id, reason))
    log.error("%s", reason)


def _items(opts: Options, writer, sink, stats: Stats, progress: Progress) -> Iterator[list[dict]]:
    """Chunks of items still to extract; stored ones are counted and skipped."""
    today = opts.today or dt.date.today()

    def checked() -> Iterator[Item]:
        for doc_id, fields, error in iter_records(opts.paths):
            stats.read += 1
            if error:
                _fail(stats, doc_id, error)
                progress(1)
                continue
            try:
                yield make_item(doc_id, fields, forced_date=opts.forced_date, lang=opts.lang,
                                today=today)
            except InputError as err:
                _fail(stats, doc_id, str(err))
                progress(1)

    for block in chunked(checked(), max(opts.chunk_size * 8, 64)):
        digests = [i.digest for i in block]
        known = (writer.known_hashes(digests) if writer is not None
                 else sink.known(digests) if sink is not None else set())
        todo = [i.to_dict() for i in block if i.digest not in known]
        skipped = len(block) - len(todo)
        if skipped:
            stats.skipped += skipped
            progress(skipped)
        yield from chunked(todo, opts.chunk_size)


def _write(writer, sink, results: Results, stats: Stats) -> None:
    """Store one chunk's results (one transaction per document)."""
    good = []
    for item, document, error in results:
        if error:
            _fail(stats, item["doc_id"], error)
            continue
        stats.extracted += 1
        if isinstance(document, Written):        # the worker has stored it
            stats.events += document.events
            stats.count_events(document.changes)
            if document.status != "parquet":
                setattr(stats, document.status, getattr(stats, document.status) + 1)
            continue
        stats.events += len(document.get("events") or [])
        good.append((item, document))
    if writer is not None:
        outcomes = writer.ingest_each((document, item["text"]) for item, document in good)
        for (item, _), outcome in zip(good, outcomes):
            if isinstance(outcome, LagebildError):
                _fail(stats, item["doc_id"], f"{item['where']}: {outcome}")
            else:
                setattr(stats, outcome, getattr(stats, outcome) + 1)
                stats.count_events(writer.last)
    if sink is not None and good:
        sink.write(good)


def ingest(opts: Options, progress: Optional[Progress] = None) -> Stats:
    """Run the batch described by *opts*; returns the counts. *progress(n)* is
    called as documents are done (failed, skipped or extracted)."""
    progress = progress or (lambda n: None)
    stats = Stats()
    started = time.perf_counter()
    sink = None
    if opts.parquet_out:
        from ingest.parts import ParquetSink
        sink = ParquetSink(opts.parquet_out, remember=opts.store is None)
    try:
        with contextlib.ExitStack() as stack:
            writer = stack.enter_context(opts.store.writer()) if opts.store is not None else None
            _run(opts, writer, sink, stats, progress)
    finally:
        stats.seconds = time.perf_counter() - started
    return stats


def _run(opts: Options, writer, sink, stats: Stats, progress: Progress) -> None:
    chunks = _items(opts, writer, sink, stats, progress)
    targets = opts.targets()
    work = functools.partial(extract_chunk, targets=targets) if targets else extract_chunk
    if opts.scheduler:
        from ingest.cluster import run_dask
        results = run_dask(chunks, opts.scheduler, opts.jobs, work)
    elif opts.jobs > 1:
        results = run_processes(chunks, opts.jobs, work)
    else:
        results = run_serial(chunks, work)
    for chunk_results in results:
        _write(writer, sink, chunk_results, stats)
        progress(len(chunk_results))
