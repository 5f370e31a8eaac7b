"""``python -m ingest``: many documents into the event store (and/or Parquet parts).

    python -m ingest --jsonl news.jsonl --store var/lagebild.sqlite3 --jobs 2
    python -m ingest --input-dir parts/ --store postgresql://... --scheduler local
    python -m ingest --jsonl news.jsonl --parquet-out results/ --scheduler tcp://h:8786
    python -m ingest --watch feed/ --interval 30 --store var/lagebild.sqlite3
    python -m ingest --changes-since 2026-11-01 --format csv --output changes.csv

Reads as ``python -m extract`` reads (:mod:`records.documents`), extracts with
:func:`ingest.batch.ingest`, shows a progress bar and the failures on standard
error and ends with a summary. Nothing is written to standard output (but the
``--changes-since`` export when it has no ``--output``). Each run is recorded in
the store (``store.runs``). ``--watch`` and ``--changes-since``: :mod:`ingest.commands`.

Exit status: 0 when every document was stored (or skipped), 1 when at least
one failed (each is named on standard error), 2 for a usage error, 130 when
interrupted (what was committed stays).
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import sys
import traceback
from pathlib import Path
from typing import Optional

from extract.cli import configure_logging
from ingest.batch import CHUNK_SIZE, Options, Stats, ingest
from ingest.watch import DEFAULT_INTERVAL, MIN_INTERVAL
from ingest.sources import count_documents, input_files
from records import languages
from records.documents import parse_date
from records.errors import InputError, LagebildError, UsageError


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # exit 2 with the message, as argparse does, but testable
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    ap = _Parser(prog="python -m ingest",
                 description="Extract events from many documents into the event store "
                 "(already stored documents are skipped, so a run can be repeated or resumed).",
                 epilog="One document's places, dates and events on standard output: "
                 "python -m extract --help")
    ap.add_argument("--jsonl", action="append", default=[], metavar="FILE",
                    help="JSON Lines input, one document a line (id, text, doc_date, lang, title, "
                    "url); .jsonl.gz is read decompressed, .parquet as columns; repeatable")
    ap.add_argument("--input-dir", metavar="DIR",
                    help="read every *.jsonl, *.jsonl.gz, *.ndjson, *.parquet in DIR (not recursive)")
    ap.add_argument("--store", metavar="DB", help="sqlite path, sqlite:///path or postgresql://... "
                    "(default $LAGEBILD_DB, else var/lagebild.sqlite3; none with only --parquet-out)")
    ap.add_argument("--parquet-out", metavar="DIR",
                    help="write the results as Parquet parts here (load them later with "
                    "python -m store.parquet DIR)")
    ap.add_argument("--jobs", type=int, default=1, metavar="N",
                    help="worker processes, or Dask workers of --scheduler local (default 1)")
    ap.add_argument("--scheduler", metavar="tcp://HOST:8786|local",
                    help="run on a Dask cluster ('local': a LocalCluster of --jobs workers)")
    ap.add_argument("--workers-write", action="store_true",
                    help="workers store their results themselves (a PostgreSQL store and/or "
                    "--parquet-out on storage they share) instead of sending them back")
    ap.add_argument("--chunk-size", type=int, default=CHUNK_SIZE, metavar="N",
                    help=f"documents sent to a worker at a time (default {CHUNK_SIZE})")
    ap.add_argument("--doc-date", metavar="YYYY-MM-DD",
                    help="publication date for every document (default: each document's "
                    "doc_date, else today)")
    ap.add_argument("--lang", choices=languages.choices(), default=languages.AUTO,
                    help="language of every document (default: a document's lang, else detected)")
    ap.add_argument("--no-progress", action="store_true", help="no progress bar")
    feed = ap.add_argument_group("a folder as a feed (instead of --jsonl / --input-dir)")
    feed.add_argument("--watch", metavar="DIR",
                      help="poll DIR for new or changed .jsonl, .txt and .html files and ingest "
                      "them (a text or HTML file is one document, its name the id); Ctrl-C stops")
    feed.add_argument("--interval", type=float, default=DEFAULT_INTERVAL, metavar="SECONDS",
                      help=f"seconds between two looks at DIR (default {DEFAULT_INTERVAL:g})")
    feed.add_argument("--once", action="store_true", help="look once, ingest, and stop")
    out = ap.add_argument_group("what changed (instead of ingesting)")
    out.add_argument("--changes-since", metavar="YYYY-MM-DD[THH:MM:SS]",
                     help="write the events created, updated, edited or removed since then "
                     "(UTC), with what changed, to standard output or --output")
    out.add_argument("--format", choices=("csv", "json"),
                     help="of --changes-since (default csv)")
    out.add_argument("--output", metavar="PATH", help="of --changes-since (default: standard output)")
    return ap


def _check_modes(args: argparse.Namespace) -> None:
    """The modes exclude each other; their options need them."""
    from store.changes import since_stamp

    batch_input = bool(args.jsonl or args.input_dir)
    if args.watch and (batch_input or args.changes_since):
        raise UsageError("--watch DIR reads its folder: no --jsonl, --input-dir or --changes-since")
    if args.changes_since and batch_input:
        raise UsageError("--changes-since writes what is stored: no --jsonl or --input-dir")
    if (args.format or args.output) and not args.changes_since:
        raise UsageError("--format and --output belong to --changes-since")
    if (args.once or args.interval != DEFAULT_INTERVAL) and not args.watch:
        raise UsageError("--interval and --once belong to --watch")
    if (args.watch or args.changes_since) and (args.parquet_out or args.scheduler or
                                              args.workers_write or args.jobs != 1):
        raise UsageError("--watch and --changes-since run in this process, on a store: no "
                         "--parquet-out, --scheduler, --workers-write or --jobs")
    if args.watch and not Path(args.watch).is_dir():
        raise UsageError(f"--watch {args.watch}: not a directory")
    if args.watch and args.interval < MIN_INTERVAL:
        raise UsageError(f"--interval {args.interval:g}: at least {MIN_INTERVAL:g} seconds")
    if args.changes_since:
        try:
            since_stamp(args.changes_since)
        except InputError as err:
            raise UsageError(str(err)) from err


def options_from_args(args: argparse.Namespace) -> Options:
    """The run the command line asks for; UsageError when it cannot be."""
    from store import Store

    if not args.jsonl and not args.input_dir:
        raise UsageError("give --jsonl FILE, --input-dir DIR, --watch DIR or --changes-since DATE")
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
                   lang=args.lang, workers_write=args.workers_write)


def main(argv: Optional[list[str]] = None) -> int:
    """The command line; returns the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    configure_logging()
    try:
        args = build_parser().parse_args(argv)
        _check_modes(args)
        if args.watch or args.changes_since:
            return _other_mode(args)
        opts = options_from_args(args)
    except UsageError as err:            # before LagebildError: a UsageError is one
        print(f"usage error: {err}", file=sys.stderr)
        build_parser().print_usage(sys.stderr)
        return 2
    except LagebildError as err:         # the store cannot be opened
        print(f"error: {err}", file=sys.stderr)
        return 1
    started = _now()
    stats = Stats()
    try:
        with _progress_bar(opts, enabled=not args.no_progress) as progress:
            stats = ingest(opts, progress)
    except KeyboardInterrupt:
        print("interrupted; what was stored stays, run again to resume", file=sys.stderr)
        _record(opts, started, stats, "interrupted")
        return 130
    except LagebildError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except Exception:
        traceback.print_exc(file=sys.stderr)
        return 1
    _record(opts, started, stats)
    print(stats.summary(), file=sys.stderr)
    return 1 if stats.failed else 0


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _record(opts: Options, started: str, stats: Stats, interrupted: Optional[str] = None) -> None:
    """The run into the store's ingest runs (store.runs); a failure to do so is only said."""
    if opts.store is None:
        return
    from store.runs import IngestRun

    errors = list(stats.failed) + ([("python -m ingest", interrupted)] if interrupted else [])
    run = IngestRun(started=started, finished=_now(), source="python -m ingest",
                    files=[str(p) for p in opts.paths], docs_new=stats.new,
                    docs_updated=stats.updated, docs_unchanged=stats.unchanged + stats.skipped,
                    events_added=stats.events_added, events_changed=stats.events_changed,
                    events_removed=stats.events_removed, errors=errors)
    try:
        opts.store.record_run(run)
    except LagebildError as err:
        print(f"warning: the run was not recorded: {err}", file=sys.stderr)


def _other_mode(args: argparse.Namespace) -> int:
    """--watch or --changes-since (ingest.commands), on the store of --store."""
    from ingest.commands import changes_main, watch_main
    from store import Store

    try:
        args.forced_date = parse_date(args.doc_date, "--doc-date")
    except InputError as err:
        raise UsageError(str(err)) from err
    store = Store(args.store)
    return changes_main(args, store) if args.changes_since else watch_main(args, store)


@contextlib.contextmanager
def _progress_bar(opts: Options, enabled: bool):
    """A tqdm bar on standard error, with log messages printed above it; yields
    the ``progress(n)`` callback for :func:`ingest.batch.ingest`."""
    if not enabled:
        yield None
        return
    from tqdm import tqdm
    from tqdm.contrib.logging import logging_redirect_tqdm

    with tqdm(total=count_documents(opts.paths), unit="art", file=sys.stderr, dynamic_ncols=True,
              smoothing=0.1, desc="ingest") as bar, logging_redirect_tqdm():
        yield bar.update
