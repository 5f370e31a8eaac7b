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

Bad input never stops the run: an unreadable, binary, empty or oversized file,
a JSONL line that is not a JSON object, has no text, or has a field of the
wrong type (``id`` a number, ``doc_date`` not a real YYYY-MM-DD date or outside
the years 1000..8999, ``lang`` not de/en) is an error for that document alone. A document id given twice is
an error for the second one. A publication date in the future is used, with a
warning.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import json
import logging
import os
import re
import sys
import traceback
from typing import Any, Iterator, Optional, TextIO

from records.errors import InputError, LagebildError
from records.inputs import MAX_INPUT_BYTES, read_bytes

MAX_LINE_BYTES = 200 * 1024 * 1024   # a longer JSONL line is skipped (and reported)
PROGRESS_MIN_CHARS = 1_000_000       # longer documents report their progress on stderr
DATE_RANGE = (dt.date(1000, 1, 1), dt.date(8999, 12, 31))  # publication dates accepted
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ][0-9:.,+\-Z]*)?")
_SURROGATE = re.compile("[\ud800-\udfff]")


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # exit 2 with the message, as argparse does, but testable
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    ap = _Parser(prog="python -m extract", description="Places, dates and events from news articles.")
    ap.add_argument("files", nargs="*", metavar="FILE", help="UTF-8 text or HTML files; '-' reads standard input")
    ap.add_argument("--jsonl", metavar="INPUT.jsonl", help="one JSON document a line: id, text, doc_date, lang, title, url")
    ap.add_argument("--doc-date", metavar="YYYY-MM-DD", help="publication date for relative expressions")
    ap.add_argument("--lang", choices=("auto", "de", "en"), default="auto")
    ap.add_argument("--format", choices=("json", "csv", "geojson"), default="json")
    ap.add_argument("--output", metavar="PATH", help="write here instead of standard output")
    ap.add_argument("--online", action="store_true",
                    help="look up names the offline gazetteer lacks on OpenStreetMap's Nominatim "
                         "(network; at most 1 request/s; answers cached under the Lagebild cache folder; "
                         "such places carry \"source\": \"online\"). Off by default")
    return ap


def parse_date(value: Any, what: str) -> Optional[dt.date]:
    """``YYYY-MM-DD`` (a time may follow) -> date; None/"" -> None; else InputError."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError(f"{what}: date must be a string YYYY-MM-DD, not {type(value).__name__} {value!r}")
    text = value.strip()
    if not _ISO_DATE.fullmatch(text):
        raise InputError(f"{what}: bad date {_short(value)} (expected YYYY-MM-DD)")
    try:
        date = dt.date.fromisoformat(text[:10])
    except ValueError as err:
        raise InputError(f"{what}: impossible date {value!r} ({err})") from None
    if not DATE_RANGE[0] <= date <= DATE_RANGE[1]:
        # relative expressions must stay inside Python's calendar (years 1..9999)
        raise InputError(f"{what}: date {value!r} outside {DATE_RANGE[0]}..{DATE_RANGE[1]}")
    return date


def _short(value: Any, n: int = 60) -> str:
    r = repr(value)
    return r if len(r) <= n else r[:n] + "..."


# -- reading inputs -----------------------------------------------------------------------

def iter_inputs(args) -> Iterator[tuple[str, Optional[dict], Optional[str]]]:
    """(id, fields, error) per input document; fields has text and optional metadata.

    ``fields["where"]`` names the document's file (and line) for messages.
    """
    for path in args.files:
        try:
            doc = read_bytes(_read_file(path), path)
            yield path, {"text": doc.text, "doc_date": doc.doc_date, "title": doc.title,
                         "url": doc.url, "html": doc.html, "where": path}, None
        except (OSError, InputError) as err:
            yield path, None, _reason(err, path)
    if args.jsonl:
        yield from _iter_jsonl(args.jsonl)


def _read_file(path: str) -> bytes:
    if path == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    else:
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > MAX_INPUT_BYTES:
                raise InputError(f"{path}: too large ({size // (1024 * 1024)} MB; "
                                 f"at most {MAX_INPUT_BYTES // (1024 * 1024)} MB)")
            data = f.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{path}: too large (more than {MAX_INPUT_BYTES // (1024 * 1024)} MB)")
    return data


def _iter_jsonl(path: str) -> Iterator[tuple[str, Optional[dict], Optional[str]]]:
    try:
        f = open(path, "rb")
    except OSError as err:
        yield path, None, _reason(err, path)
        return
    base = os.path.basename(path)
    with f:
        lineno = 0
        while True:
            raw = f.readline(MAX_LINE_BYTES + 1)
            if not raw:
                break
            lineno += 1
            where = f"{path}:{lineno}"
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                while (rest := f.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
                yield where, None, (f"{where}: line longer than {MAX_LINE_BYTES // (1024 * 1024)} MB, "
                                    "skipped")
                continue
            if lineno == 1 and raw.startswith((b"\xff\xfe", b"\xfe\xff")):
                yield path, None, f"{path}: UTF-16 text; JSON Lines must be UTF-8"
                return
            if not raw.strip():
                continue
            line = _decode_line(raw, where, first=lineno == 1)
            try:
                obj = json.loads(line)
            except (ValueError, RecursionError) as err:
                reason = "nested too deeply" if isinstance(err, RecursionError) else str(err)
                yield where, None, f"{where}: invalid JSON ({reason})"
                continue
            try:
                fields = _jsonl_fields(obj, where)
            except InputError as err:
                doc_id = obj.get("id") if isinstance(obj, dict) else None
                yield (_clean_str(doc_id) if isinstance(doc_id, str) and doc_id.strip() else where), None, str(err)
                continue
            fields.setdefault("id", f"{base}:{lineno}")
            yield fields["id"], fields, None


def _decode_line(raw: bytes, where: str, first: bool) -> str:
    try:
        return raw.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        line = raw.decode("cp1252")
    except UnicodeDecodeError:
        line = raw.decode("latin-1")
    print(f"warning: {where}: not UTF-8; read as Windows-1252", file=sys.stderr)
    return line


def _clean_str(value: str) -> str:
    """Lone surrogates (valid in JSON, not in UTF-8 output) -> U+FFFD; the length stays."""
    return _SURROGATE.sub("\ufffd", value)


def _jsonl_fields(obj: Any, where: str) -> dict:
    """The fields of one JSONL document, checked against the contract's types."""
    if not isinstance(obj, dict):
        raise InputError(f"{where}: not a JSON object but {type(obj).__name__}")
    out: dict[str, Any] = {"where": where}
    for key in ("id", "text", "title", "url", "doc_date", "lang"):
        value = obj.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise InputError(f"{where}: {key} must be a string, not {type(value).__name__} {_short(value)}")
        out[key] = _clean_str(value)
    if "id" in out and not out["id"].strip():
        raise InputError(f"{where}: id is empty")
    if "text" not in out:
        raise InputError(f"{where}: no text (missing 'text')")
    if not out["text"].strip():
        raise InputError(f"{where}: empty document (no text)")
    lang = (out.get("lang") or "auto").strip().lower()
    if lang not in ("auto", "de", "en"):
        raise InputError(f"{where}: lang must be 'de' or 'en', not {_short(out['lang'])}")
    out["lang"] = lang
    return out


def _reason(err: Exception, path: str) -> str:
    if isinstance(err, OSError):
        return f"{path}: cannot read ({err.strerror or err})"
    return str(err)


# -- running --------------------------------------------------------------------------------

def _progress(doc_id: str):
    def report(done: int, total: int) -> None:
        print(f"{doc_id}: {100 * done // max(total, 1)}% of {total:,} characters", file=sys.stderr)
    return report


def run(argv: list[str], stdout: TextIO) -> int:
    args = build_parser().parse_args(argv)
    if not args.files and not args.jsonl:
        raise UsageError("give FILE ... or --jsonl INPUT.jsonl")
    try:
        forced_date = parse_date(args.doc_date, "--doc-date")
    except InputError as err:
        raise UsageError(str(err)) from err
    from extract.pipeline import get_pipeline

    pipeline = get_pipeline()
    if args.online:
        from extract.pipeline import Pipeline
        from geo.online import command_line_geocoder

        pipeline = Pipeline(pipeline.gazetteer, online=command_line_geocoder())
    documents, errors = [], []
    seen_ids: dict[str, str] = {}
    seen_texts: dict[str, str] = {}

    def fail(doc_id: str, reason: str) -> None:
        errors.append({"id": doc_id, "error": reason})
        print(f"error: {reason}", file=sys.stderr)

    for doc_id, fields, error in iter_inputs(args):
        if error:
            fail(doc_id, error)
            continue
        where = fields.get("where", doc_id)
        if doc_id in seen_ids:
            fail(doc_id, f"{where}: duplicate id {doc_id!r} (first at {seen_ids[doc_id]}); skipped")
            continue
        seen_ids[doc_id] = where
        try:
            documents.append(_process(pipeline, doc_id, fields, args, forced_date, seen_texts))
        except LagebildError as err:
            fail(doc_id, str(err) if str(err).startswith(where) else f"{where}: {err}")
        except Exception as err:  # a bug on hostile input must not cost the other documents
            traceback.print_exc(file=sys.stderr)
            fail(doc_id, f"{where}: internal error ({type(err).__name__}: {str(err)[:200]})")
    write_result(documents, errors, args.format, stdout)
    return 1 if errors else 0


def _process(pipeline, doc_id: str, fields: dict, args, forced_date, seen_texts: dict) -> dict:
    where = fields.get("where", doc_id)
    lang = fields.get("lang") if args.lang == "auto" else args.lang
    if lang not in ("de", "en"):
        lang = "auto"
    if forced_date:
        date, source = forced_date, "argument"
    else:
        date = parse_date(fields.get("doc_date"), f"{where}: doc_date")
        source = "document" if date else None
    if date and date > pipeline.clock():
        print(f"warning: {where}: publication date {date} is in the future; "
              "relative dates are resolved against it", file=sys.stderr)
    text = fields["text"]
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    if digest in seen_texts:
        print(f"note: {where}: same text as {seen_texts[digest]!r}", file=sys.stderr)
    seen_texts.setdefault(digest, doc_id)
    big = len(text) >= PROGRESS_MIN_CHARS
    if big:
        print(f"{doc_id}: {len(text):,} characters, processed in pieces", file=sys.stderr)
    doc = pipeline.process(text, doc_id=doc_id, doc_date=date, doc_date_source=source,
                           lang=lang, title=fields.get("title"), url=fields.get("url"),
                           progress=_progress(doc_id) if big else None)
    out = doc.to_dict()
    if fields.get("html"):
        out["text"] = text  # the reduced article text the offsets refer to
    return out


def write_result(documents: list[dict], errors: list[dict], fmt: str, out: TextIO) -> None:
    if fmt == "json":
        json.dump({"documents": documents, "errors": errors}, out, ensure_ascii=False)
        out.write("\n")
        return
    from records import export

    if fmt == "csv":
        export.write_csv(export.events_to_rows(documents), out)
    else:
        json.dump(export.to_geojson(documents), out, ensure_ascii=False)
        out.write("\n")


BATCH_OPTIONS = ("--store", "--input-dir", "--jobs", "--scheduler", "--parquet-out")


def main(argv: Optional[list[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    if any(a.split("=", 1)[0] in BATCH_OPTIONS for a in argv):
        from ingest.batch import run_batch  # streaming ingest into a store (issue 8)

        return run_batch(argv)
    try:
        args = build_parser().parse_args(argv)
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
