"""``python -m extract``: the command-line contract (shared/contract/CONTRACT.md).

Exit status 0 when every document was processed, 1 when at least one failed
(the others are still printed; failures are listed under ``errors`` with the
file -- or file:line for JSONL -- and a one-line reason), 2 for a usage error.
Standard output carries only the result (UTF-8); messages, warnings and the
progress of long documents go to standard error.

Offsets refer to the text as given: a file's decoded text (without its BOM),
standard input likewise, a JSONL document's ``text``. An HTML page is reduced
to its article text first; offsets refer to that, and the document carries it
as ``text`` so they can be checked.

Bad input never stops the run (the checks are :mod:`records.documents`'s): an
unreadable, binary, empty or oversized file, a JSONL line that is not a JSON
object, has no text, or has a field of the wrong type (``id`` a number,
``doc_date`` not a real YYYY-MM-DD date or outside the years 1000..8999,
``lang`` not de/en) is an error for that document alone. A document id given
twice is an error for the second one. A publication date in the future is
used, with a warning.

``--jobs N`` extracts in N worker processes (each loads the pipeline once);
inputs are read, checked and de-duplicated here, in order, and sent in chunks,
so the output is byte for byte the single-process output.
"""
from __future__ import annotations

import argparse
import collections
import concurrent.futures as cf
import datetime as dt
import hashlib
import io
import itertools
import json
import logging
import multiprocessing
import sys
import traceback
from typing import Any, Iterable, Iterator, Optional, TextIO

from records import languages
from records.documents import Record, iter_documents, iter_files, parse_date
from records.errors import LagebildError, UsageError

PROGRESS_MIN_CHARS = 1_000_000       # longer documents report their progress on stderr
CHUNK_SIZE = 8                       # inputs per task of --jobs
IN_FLIGHT_PER_WORKER = 2             # tasks queued per worker (bounds memory)
# options of python -m ingest, refused here with an example of that command
INGEST_ONLY = {"--store": "--jsonl FILE --store DB", "--input-dir": "--input-dir DIR --store DB",
               "--scheduler": "--jsonl FILE --store DB --scheduler local",
               "--parquet-out": "--jsonl FILE --parquet-out DIR",
               "--workers-write": "--jsonl FILE --store postgresql://... --scheduler local --workers-write"}


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # exit 2 with the message, as argparse does, but testable
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    ap = _Parser(prog="python -m extract", description="Places, dates and events from news articles.",
                 epilog="Batch ingest into the event store: python -m ingest --help")
    ap.add_argument("files", nargs="*", metavar="FILE", help="UTF-8 text or HTML files; '-' reads standard input")
    ap.add_argument("--jsonl", metavar="INPUT.jsonl", help="one JSON document a line: id, text, doc_date, "
                    "lang, title, url (.jsonl.gz and .parquet with these columns are read too)")
    ap.add_argument("--doc-date", metavar="YYYY-MM-DD", help="publication date for relative expressions")
    ap.add_argument("--lang", choices=languages.choices(), default=languages.AUTO,
                    help="language of every document (default: a JSONL document's lang, else detected)")
    ap.add_argument("--format", choices=("json", "csv", "geojson"), default="json",
                    help="json: the contract's documents (default); csv, geojson: the events")
    ap.add_argument("--output", metavar="PATH", help="write here instead of standard output")
    ap.add_argument("--jobs", type=int, default=1, metavar="N",
                    help="worker processes (default 1); the output is the same for any N")
    ap.add_argument("--explain", action="store_true",
                    help="json: each place mention also carries \"explain\": its top candidates "
                         "(name, country, feature, population, score) and the reason of the choice")
    ap.add_argument("--online", action="store_true",
                    help="look up names the offline gazetteer lacks on OpenStreetMap's Nominatim "
                         "(network; at most 1 request/s, so one process; answers cached under the "
                         "Lagebild cache folder; such places carry \"source\": \"online\"). Off by default")
    ap.add_argument("--demonyms", action="store_true",
                    help="also demonyms (\"Russian\", \"Palestinians\") as place mentions with "
                         "\"kind\": \"demonym\", placed at their country or region. Off by default")
    return ap


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The options of *argv*; UsageError for a wrong command line, also for the
    options of ``python -m ingest``, with a message naming that command."""
    for arg in argv:
        if arg == "--":
            break
        option = arg.split("=", 1)[0]
        if option in INGEST_ONLY:
            raise UsageError(f"{option} belongs to the ingest command: "
                             f"python -m ingest {INGEST_ONLY[option]}")
    args = build_parser().parse_args(argv)
    if not args.files and not args.jsonl:
        raise UsageError("give FILE ... or --jsonl INPUT.jsonl")
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.online and args.jobs > 1:
        raise UsageError("--online runs in one process (Nominatim allows one request a second); "
                         "leave out --jobs")
    return args


def iter_inputs(args: argparse.Namespace) -> Iterator[Record]:
    """``(id, fields, error)`` per input document: the FILEs, then the --jsonl file's
    documents (:mod:`records.documents`)."""
    yield from iter_files(args.files)
    if args.jsonl:
        yield from iter_documents(args.jsonl)


# -- running --------------------------------------------------------------------------------
# An input becomes a *slot*: ("error", id, reason), or ("task", task) to extract; extracting
# a task gives ("doc", DOCUMENT) or ("error", id, reason). Slots are made here, in input
# order; whoever extracts them -- this process or --jobs workers -- keeps that order.

def run(argv: list[str], stdout: TextIO) -> int:
    """The command line *argv*, its result written to *stdout*; the exit status."""
    args = parse_args(argv)
    try:
        forced_date = parse_date(args.doc_date, "--doc-date")
    except LagebildError as err:
        raise UsageError(str(err)) from err
    documents, errors = [], []
    slots = _slots(iter_inputs(args), args.lang, forced_date, args.demonyms, args.explain)
    outcomes = _extract_serial(slots, args.online) if args.jobs == 1 else _extract_parallel(slots, args.jobs)
    for outcome in outcomes:
        if outcome[0] == "doc":
            documents.append(outcome[1])
        else:
            errors.append({"id": outcome[1], "error": outcome[2]})
            print(f"error: {outcome[2]}", file=sys.stderr)
    write_result(documents, errors, args.format, stdout)
    return 1 if errors else 0


def _slots(inputs: Iterable[Record], lang: str, forced_date: Optional[dt.date],
           demonyms: bool = False, explain: bool = False) -> Iterator[tuple]:
    """The slot of each input: bad inputs and repeated ids are errors; each other
    document's language and publication date are settled here."""
    seen_ids: dict[str, str] = {}
    seen_texts: dict[str, str] = {}
    for doc_id, fields, error in inputs:
        if error:
            yield ("error", doc_id, error)
            continue
        where = fields.get("where", doc_id)
        if doc_id in seen_ids:
            yield ("error", doc_id, f"{where}: duplicate id {doc_id!r} (first at {seen_ids[doc_id]}); skipped")
            continue
        seen_ids[doc_id] = where
        try:
            yield ("task", {**_task(doc_id, fields, lang, forced_date, seen_texts), "demonyms": demonyms,
                            "explain": explain})
        except LagebildError as err:
            yield ("error", doc_id, _named(err, where))


def _task(doc_id: str, fields: dict, lang: str, forced_date: Optional[dt.date], seen_texts: dict) -> dict:
    where = fields.get("where", doc_id)
    lang = fields.get("lang") if lang == "auto" else lang
    if forced_date:
        date, source = forced_date, "argument"
    else:
        date = parse_date(fields.get("doc_date"), f"{where}: doc_date")
        source = "document" if date else None
    text = fields["text"]
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    if digest in seen_texts:
        print(f"note: {where}: same text as {seen_texts[digest]!r}", file=sys.stderr)
    seen_texts.setdefault(digest, doc_id)
    return {"id": doc_id, "where": where, "text": text, "doc_date": date, "doc_date_source": source,
            "lang": lang if languages.supported(lang) else languages.AUTO, "title": fields.get("title"),
            "url": fields.get("url"), "html": bool(fields.get("html"))}


def _named(err: Exception, where: str) -> str:
    return str(err) if str(err).startswith(where) else f"{where}: {err}"


def _extract(pipeline, task: dict) -> tuple:
    """("doc", DOCUMENT) for one task, or ("error", id, reason)."""
    doc_id, where, text, date = task["id"], task["where"], task["text"], task["doc_date"]
    try:
        if date and date > pipeline.clock():
            print(f"warning: {where}: publication date {date} is in the future; "
                  "relative dates are resolved against it", file=sys.stderr)
        big = len(text) >= PROGRESS_MIN_CHARS
        if big:
            print(f"{doc_id}: {len(text):,} characters, processed in pieces", file=sys.stderr)
        doc = pipeline.process(text, doc_id=doc_id, doc_date=date, doc_date_source=task["doc_date_source"],
                               lang=task["lang"], title=task["title"], url=task["url"],
                               progress=_progress(doc_id) if big else None,
                               demonyms=task.get("demonyms", False))
        out = doc.to_dict(explain=task.get("explain", False))
        if task["html"]:
            out["text"] = text  # the reduced article text the offsets refer to
        return ("doc", out)
    except LagebildError as err:
        return ("error", doc_id, _named(err, where))
    except Exception as err:  # a bug on hostile input must not cost the other documents
        traceback.print_exc(file=sys.stderr)
        return ("error", doc_id, f"{where}: internal error ({type(err).__name__}: {str(err)[:200]})")


def _progress(doc_id: str):
    def report(done: int, total: int) -> None:
        print(f"{doc_id}: {100 * done // max(total, 1)}% of {total:,} characters", file=sys.stderr)
    return report


def _extract_serial(slots: Iterable[tuple], online: bool = False) -> Iterator[tuple]:
    from extract.pipeline import Pipeline, get_pipeline

    pipeline = get_pipeline()
    if online:
        from geo.online import command_line_geocoder

        pipeline = Pipeline(pipeline.gazetteer, online=command_line_geocoder())
    for slot in slots:
        yield _extract(pipeline, slot[1]) if slot[0] == "task" else slot


def extract_chunk(slots: list[tuple]) -> list[tuple]:
    """The outcomes of a chunk of slots, in order (run in a --jobs worker)."""
    from extract.pipeline import get_pipeline

    pipeline = get_pipeline()
    return [_extract(pipeline, slot[1]) if slot[0] == "task" else slot for slot in slots]


def _start_worker() -> None:
    from extract.pipeline import get_pipeline

    configure_logging()
    get_pipeline()


def _extract_parallel(slots: Iterable[tuple], jobs: int) -> Iterator[tuple]:
    """The outcomes of *slots* in their order, extracted by *jobs* processes, with at
    most a few chunks per worker in flight. Chunks without a task are not sent; the
    workers start with the first chunk that has one."""
    pool: Optional[cf.ProcessPoolExecutor] = None
    pending: collections.deque = collections.deque()   # futures, or outcomes already known
    slots = iter(slots)
    try:
        while chunk := list(itertools.islice(slots, CHUNK_SIZE)):
            if not any(slot[0] == "task" for slot in chunk):
                pending.append(chunk)
            else:
                if pool is None:
                    pool = cf.ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("forkserver"),
                                                  initializer=_start_worker)
                pending.append(pool.submit(extract_chunk, chunk))
            while len(pending) > jobs * IN_FLIGHT_PER_WORKER or (pending and isinstance(pending[0], list)):
                yield from _outcomes(pending.popleft())
        while pending:
            yield from _outcomes(pending.popleft())
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _outcomes(item: Any) -> list[tuple]:
    return item.result() if isinstance(item, cf.Future) else item


def write_result(documents: list[dict], errors: list[dict], fmt: str, out: TextIO) -> None:
    if fmt == "json":
        json.dump({"documents": documents, "errors": errors}, out, ensure_ascii=False)
        out.write("\n")
        return
    from geo.regions import REGIONS
    from records import acled, export, geojson

    extracted = now()  # the ACLED-style timestamp of rows without an edit history
    if fmt == "csv":
        export.write_csv(acled.export_rows(documents, regions=REGIONS, extracted=extracted), out,
                         acled.EXTRA_COLUMNS)
    else:
        json.dump(geojson.to_geojson(documents, regions=REGIONS, extracted=extracted), out,
                  ensure_ascii=False, allow_nan=False)
        out.write("\n")


def now() -> dt.datetime:
    """The time of this run, UTC, to the second (the seam the tests replace)."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def configure_logging() -> None:
    """The command lines' logging: the "lagebild" loggers' records on standard error,
    warnings and errors prefixed "warning: " / "error: "."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter("%(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler])


class _Formatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        message = super().format(record)
        return f"{record.levelname.lower()}: {message}" if record.levelno >= logging.WARNING else message


def main(argv: Optional[list[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    configure_logging()
    try:
        args = parse_args(argv)
        buf = io.StringIO()
        code = run(argv, buf)
        data = buf.getvalue().encode("utf-8", "replace")
        if args.output:
            with open(args.output, "wb") as f:
                f.write(data)
        elif hasattr(sys.stdout, "buffer"):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(data.decode("utf-8"))
        return code
    except UsageError as err:
        print(f"usage error: {err}", file=sys.stderr)
        build_parser().print_usage(sys.stderr)
        return 2
    except OSError as err:
        print(f"error: cannot write output: {err}", file=sys.stderr)
        return 1
