"""Batch ingest: JSON Lines / Parquet -> extraction -> event store and/or Parquet.

    python -m ingest.batch --jsonl news.jsonl --store var/lagebild.sqlite3 --jobs 2
    python -m ingest.batch --input-dir parts/ --store postgresql://... --scheduler local
    python -m ingest.batch --jsonl news.jsonl --parquet-out results/ --scheduler tcp://h:8786

The input is streamed: read line by line (Parquet: batch by batch), cut into
chunks, and at most a few chunks per worker are in flight, so memory stays
flat whatever the input size. Before anything is extracted, each document's
content hash (text + publication date) is looked up in the store: what is
already stored is skipped, so an interrupted run resumes where it stopped and
a repeated run is fast. Every document is committed in its own transaction.

Exit status: 0 when every document was stored (or skipped), 1 when at least
one failed (each is named on standard error), 2 for a usage error, 130 when
interrupted (what was committed stays).
"""
from __future__ import annotations

import argparse
import concurrent.futures as cf
import contextlib
import datetime as dt
import functools
import itertools
import multiprocessing
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

from records.errors import InputError, LagebildError
from ingest.sources import Item, chunked, count_documents, input_files, iter_records, make_item
from ingest.work import Results, Targets, Written, extract_chunk, load_pipeline

CHUNK_SIZE = 16          # documents per task
IN_FLIGHT_PER_WORKER = 2  # chunks queued per worker (bounds memory)


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    ap = _Parser(prog="python -m ingest.batch",
                 description="Extract events from many documents into the event store.")
    ap.add_argument("--jsonl", action="append", default=[], metavar="FILE",
                    help="JSON Lines input (id, text, doc_date, lang, title, url); repeatable")
    ap.add_argument("--input-dir", metavar="DIR", help="read every *.jsonl, *.jsonl.gz, *.parquet in DIR")
    ap.add_argument("--store", metavar="DB", help="sqlite path, sqlite:///path or postgresql://... "
                    "(default $LAGEBILD_DB)")
    ap.add_argument("--parquet-out", metavar="DIR", help="also write results as Parquet parts here")
    ap.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")
    ap.add_argument("--scheduler", metavar="tcp://HOST:8786|local",
                    help="run on a Dask cluster ('local': a LocalCluster of --jobs workers)")
    ap.add_argument("--workers-write", action="store_true",
                    help="workers store their results themselves (a PostgreSQL store and/or "
                    "--parquet-out on storage they share) instead of sending them back")
    ap.add_argument("--chunk-size", type=int, default=CHUNK_SIZE, metavar="N")
    ap.add_argument("--doc-date", metavar="YYYY-MM-DD", help="publication date for every document")
    ap.add_argument("--lang", choices=("auto", "de", "en"), default="auto")
    ap.add_argument("--no-progress", action="store_true", help="no progress bar")
    return ap


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
    seconds: float = 0.0

    def rate(self) -> float:
        return self.extracted / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        return (f"{self.read} read, {self.skipped} already stored, {self.extracted} extracted "
                f"({self.new} new, {self.updated} updated, {self.unchanged} unchanged, "
                f"{self.events} events), {len(self.failed)} failed in {self.seconds:.1f} s "
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
    progress: bool = True
    workers_write: bool = False       # workers store results themselves (see batch_work)

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


def _items(opts: Options, writer, sink, stats: Stats, bar,
           say: Callable[[str], None]) -> Iterator[list[dict]]:
    """Chunks of items still to extract; stored ones are counted and skipped."""
    today = dt.date.today()

    def checked() -> Iterator[Item]:
        for doc_id, fields, error in iter_records(opts.paths):
            stats.read += 1
            if error:
                stats.failed.append((doc_id, error))
                say(f"error: {error}")
                bar.update(1)
                continue
            try:
                yield make_item(doc_id, fields, forced_date=opts.forced_date, lang=opts.lang,
                                today=today)
            except InputError as err:
                stats.failed.append((doc_id, str(err)))
                say(f"error: {err}")
                bar.update(1)

    for block in chunked(checked(), max(opts.chunk_size * 8, 64)):
        digests = [i.digest for i in block]
        known = (writer.known_hashes(digests) if writer is not None
                 else sink.known(digests) if sink is not None else set())
        todo = [i.to_dict() for i in block if i.digest not in known]
        skipped = len(block) - len(todo)
        if skipped:
            stats.skipped += skipped
            bar.update(skipped)
        yield from chunked(todo, opts.chunk_size)


def _write(writer, sink, results: Results, stats: Stats, say) -> None:
    """Store one chunk's results (one transaction per document)."""
    good = []
    for item, document, error in results:
        if error:
            stats.failed.append((item["doc_id"], error))
            say(f"error: {error}")
            continue
        stats.extracted += 1
        if isinstance(document, Written):        # the worker has stored it
            stats.events += document.events
            if document.status != "parquet":
                setattr(stats, document.status, getattr(stats, document.status) + 1)
            continue
        stats.events += len(document.get("events") or [])
        good.append((item, document))
    if writer is not None:
        outcomes = writer.ingest_each((document, item["text"]) for item, document in good)
        for (item, _), outcome in zip(good, outcomes):
            if isinstance(outcome, LagebildError):
                stats.failed.append((item["doc_id"], f"{item['where']}: {outcome}"))
                say(f"error: {item['where']}: {outcome}")
            else:
                setattr(stats, outcome, getattr(stats, outcome) + 1)
    if sink is not None and good:
        sink.write(good)


def ingest(opts: Options, say: Callable[[str], None] = lambda m: print(m, file=sys.stderr)) -> Stats:
    """Run the batch described by *opts*; returns the counts."""
    from tqdm import tqdm

    stats = Stats()
    total = count_documents(opts.paths) if opts.progress else None
    bar = tqdm(total=total, unit="art", file=sys.stderr, disable=not opts.progress,
               dynamic_ncols=True, smoothing=0.1, desc="ingest")
    if opts.progress:
        say = lambda message: bar.write(message, file=sys.stderr)
    started = time.perf_counter()
    sink = None
    if opts.parquet_out:
        from ingest.parts import ParquetSink
        sink = ParquetSink(opts.parquet_out, remember=opts.store is None)
    try:
        with contextlib.ExitStack() as stack:
            writer = stack.enter_context(opts.store.writer()) if opts.store is not None else None
            _run(opts, writer, sink, stats, bar, say)
    finally:
        stats.seconds = time.perf_counter() - started
        bar.close()
    return stats


def _run(opts: Options, writer, sink, stats: Stats, bar, say) -> None:
    chunks = _items(opts, writer, sink, stats, bar, say)
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
        _write(writer, sink, chunk_results, stats, say)
        bar.update(len(chunk_results))


def options_from_args(args: argparse.Namespace) -> Options:
    from extract.cli import parse_date
    from store import Store

    if not args.jsonl and not args.input_dir:
        raise UsageError("give --jsonl FILE or --input-dir DIR")
    if args.jobs < 1 or args.chunk_size < 1:
        raise UsageError("--jobs and --chunk-size must be at least 1")
    try:
        forced = parse_date(args.doc_date, "--doc-date")
        paths = input_files(args.jsonl, args.input_dir)
    except InputError as err:
        raise UsageError(str(err)) from err
    store = Store(args.store) if args.store or not args.parquet_out else None
    remote = bool(args.scheduler) and args.scheduler != "local"
    if args.workers_write and remote and store is not None and store.backend == "sqlite":
        raise UsageError("--workers-write on a remote cluster needs a PostgreSQL store "
                         "(workers cannot reach this machine's SQLite file); or use --parquet-out")
    return Options(paths=paths, store=store, parquet_out=args.parquet_out, jobs=args.jobs,
                   scheduler=args.scheduler, chunk_size=args.chunk_size, forced_date=forced,
                   lang=args.lang, progress=not args.no_progress,
                   workers_write=args.workers_write)


def run_batch(argv: list[str]) -> int:
    """The command line; returns the exit status."""
    try:
        opts = options_from_args(build_parser().parse_args(argv))
    except UsageError as err:
        print(f"usage error: {err}", file=sys.stderr)
        build_parser().print_usage(sys.stderr)
        return 2
    except LagebildError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    try:
        stats = ingest(opts)
    except KeyboardInterrupt:
        print("interrupted; what was stored stays, run again to resume", file=sys.stderr)
        return 130
    except LagebildError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except Exception:
        traceback.print_exc(file=sys.stderr)
        return 1
    print(stats.summary(), file=sys.stderr)
    return 1 if stats.failed else 0


def main() -> None:
    sys.exit(run_batch(sys.argv[1:]))


if __name__ == "__main__":
    main()
