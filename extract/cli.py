"""``python -m extract``: the command-line contract (shared/contract/CONTRACT.md).

Exit status 0 when every document was processed, 1 when at least one failed
(the others are still printed; failures are listed under ``errors``), 2 for a
usage error. Standard output carries only the result.
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import sys
from typing import Iterator, Optional, TextIO

from geo.errors import InputError, LagebildError
from extract.textio import read_bytes


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
    return ap


def parse_date(value: Optional[str], what: str) -> Optional[dt.date]:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError as err:
        raise InputError(f"{what}: bad date {value!r} (expected YYYY-MM-DD)") from err


def iter_inputs(args) -> Iterator[tuple[str, Optional[dict], Optional[str]]]:
    """(id, fields, error) per input document; fields has text and optional metadata."""
    for path in args.files:
        try:
            if path == "-":
                data = sys.stdin.buffer.read()
            else:
                with open(path, "rb") as f:
                    data = f.read()
            doc = read_bytes(data, path)
            yield path, {"text": doc.text, "doc_date": doc.doc_date, "title": doc.title, "url": doc.url}, None
        except (OSError, InputError) as err:
            yield path, None, _reason(err, path)
    if args.jsonl:
        try:
            f = open(args.jsonl, encoding="utf-8", errors="replace")
        except OSError as err:
            yield args.jsonl, None, _reason(err, args.jsonl)
            return
        with f:
            for lineno, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                    if not isinstance(obj, dict):
                        raise ValueError("not a JSON object")
                except ValueError as err:
                    yield f"{args.jsonl}:{lineno}", None, f"line {lineno}: invalid JSON ({err})"
                    continue
                doc_id = str(obj.get("id") or f"{os.path.basename(args.jsonl)}:{lineno}")
                text = obj.get("text")
                if not isinstance(text, str) or not text.strip():
                    yield doc_id, None, "empty document (no text)"
                    continue
                yield doc_id, obj, None


def _reason(err: Exception, path: str) -> str:
    if isinstance(err, OSError):
        return f"{path}: cannot read ({err.strerror or err})"
    return str(err)


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
    documents, errors = [], []
    for doc_id, fields, error in iter_inputs(args):
        if error:
            errors.append({"id": doc_id, "error": error})
            print(f"error: {doc_id}: {error}", file=sys.stderr)
            continue
        try:
            lang = fields.get("lang") if args.lang == "auto" else args.lang
            if lang not in ("de", "en"):
                lang = "auto"
            if forced_date:
                date, source = forced_date, "argument"
            else:
                date = parse_date(fields.get("doc_date"), f"{doc_id}: doc_date")
                source = "document" if date else None
            doc = pipeline.process(fields["text"], doc_id=doc_id, doc_date=date, doc_date_source=source,
                                   lang=lang, title=fields.get("title"), url=fields.get("url"))
            documents.append(doc.to_dict())
        except LagebildError as err:
            errors.append({"id": doc_id, "error": str(err)})
            print(f"error: {doc_id}: {err}", file=sys.stderr)
    write_result(documents, errors, args.format, stdout)
    return 1 if errors else 0


def write_result(documents: list[dict], errors: list[dict], fmt: str, out: TextIO) -> None:
    if fmt == "json":
        json.dump({"documents": documents, "errors": errors}, out, ensure_ascii=False)
        out.write("\n")
        return
    from extract import export

    if fmt == "csv":
        export.write_csv(export.events_to_rows(documents), out)
    else:
        json.dump(export.to_geojson(documents), out, ensure_ascii=False)
        out.write("\n")


def main(argv: Optional[list[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        if "--output" in argv or any(a.startswith("--output=") for a in argv):
            args = build_parser().parse_args(argv)
            buf = io.StringIO()
            code = run(argv, buf)
            with open(args.output, "w", encoding="utf-8", newline="") as f:
                f.write(buf.getvalue())
            return code
        return run(argv, sys.stdout)
    except UsageError as err:
        print(f"usage error: {err}", file=sys.stderr)
        build_parser().print_usage(sys.stderr)
        return 2
    except OSError as err:
        print(f"error: cannot write output: {err}", file=sys.stderr)
        return 1
