"""Input documents, read and checked once for every command and the page.

Every reader yields one :data:`Record` per input document,
``(id, fields, error)``: *fields* is the checked document (``text`` and the
optional ``title``, ``url``, ``doc_date``, ``lang``, plus ``where``, the file --
and line or row -- for messages) and *error* is None; or *fields* is None and
*error* a one-line reason that names the file (and line). Bad input never
stops a reader: each bad document is a Record of its own and the rest is read.

* :func:`iter_files` -- text or HTML files (``-`` reads standard input), each
  one document, decoded by :func:`records.inputs.read_bytes`.
* :func:`iter_documents` -- a file of many documents, by name: JSON Lines
  (``.jsonl``/``.ndjson``, gzip-compressed when the name ends in ``.gz``) or
  Parquet (``.parquet``, the JSONL fields as columns). Both kinds of JSON Lines
  go through the same lines reader (:func:`iter_jsonl`), Parquet rows through
  the same field checks (:func:`check_fields`).
* :func:`parse_date` -- the one publication-date parser.

Streams are read a line (Parquet: a record batch) at a time, so memory stays
flat whatever the size of the input.
"""
from __future__ import annotations

import datetime as dt
import gzip
import json
import logging
import os
import re
import sys
import zlib
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator, Optional, Union

from records import languages
from records import inputs
from records.errors import InputError

MAX_LINE_BYTES = 200 * 1024 * 1024   # a longer JSONL line is skipped (and reported)
DATE_RANGE = (dt.date(1000, 1, 1), dt.date(8999, 12, 31))  # publication dates accepted
FIELDS = ("id", "text", "title", "url", "doc_date", "lang")  # all strings; text required
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz")
DOCUMENT_SUFFIXES = JSONL_SUFFIXES + (".parquet",)
PARQUET_BATCH_ROWS = 512

# (id, fields, error): fields is None exactly when error is not
Record = tuple[str, Optional[dict], Optional[str]]

log = logging.getLogger("lagebild.records")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ][0-9:.,+\-Z]*)?")
_SURROGATE = re.compile("[\ud800-\udfff]")


# -- checks -------------------------------------------------------------------------------

def parse_date(value: Any, what: str) -> Optional[dt.date]:
    """``YYYY-MM-DD`` (a time may follow) -> date; None or "" -> None.

    Anything else is an InputError starting with *what*: not a string, another
    format, an impossible day, or a year outside :data:`DATE_RANGE` (relative
    expressions must stay inside Python's calendar, years 1..9999).
    """
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError(f"{what}: date must be a string YYYY-MM-DD, not {type(value).__name__} {value!r}")
    text = value.strip()
    if not _ISO_DATE.fullmatch(text):
        raise InputError(f"{what}: bad date {short(value)} (expected YYYY-MM-DD)")
    try:
        date = dt.date.fromisoformat(text[:10])
    except ValueError as err:
        raise InputError(f"{what}: impossible date {value!r} ({err})") from None
    if not DATE_RANGE[0] <= date <= DATE_RANGE[1]:
        raise InputError(f"{what}: date {value!r} outside {DATE_RANGE[0]}..{DATE_RANGE[1]}")
    return date


def check_fields(obj: Any, where: str) -> dict:
    """The fields of one JSONL object (or Parquet row), checked against the contract.

    Returns ``{"where": where, "text": ..., "lang": "auto"|"de"|"en", ...}`` with the
    :data:`FIELDS` present (lone surrogates replaced, see :func:`clean_str`); an
    InputError starting with *where* when *obj* is not an object, a field is not a
    string, the id is empty, the text missing or blank, or the lang not de/en. The
    doc_date is checked by whoever uses it (:func:`parse_date`), so that a bad one
    fails the document where it is processed.
    """
    if not isinstance(obj, dict):
        raise InputError(f"{where}: not a JSON object but {type(obj).__name__}")
    out: dict[str, Any] = {"where": where}
    for key in FIELDS:
        value = obj.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise InputError(f"{where}: {key} must be a string, not {type(value).__name__} {short(value)}")
        out[key] = clean_str(value)
    if "id" in out and not out["id"].strip():
        raise InputError(f"{where}: id is empty")
    if "text" not in out:
        raise InputError(f"{where}: no text (missing 'text')")
    if not out["text"].strip():
        raise InputError(f"{where}: empty document (no text)")
    lang = (out.get("lang") or "auto").strip().lower()
    if lang not in languages.choices():
        raise InputError(f"{where}: lang must be {' or '.join(map(repr, languages.codes()))}, "
                         f"not {short(out['lang'])}")
    out["lang"] = lang
    return out


def clean_str(value: str) -> str:
    """Lone surrogates (valid in JSON, not in UTF-8 output) -> U+FFFD; the length stays."""
    return _SURROGATE.sub("\ufffd", value)


def short(value: Any, n: int = 60) -> str:
    """``repr(value)``, cut to *n* characters for a message."""
    r = repr(value)
    return r if len(r) <= n else r[:n] + "..."


def read_error(err: OSError, path: Any) -> str:
    """The one-line reason for a file that cannot be read."""
    return f"{path}: cannot read ({err.strerror or err})"


def _checked(obj: Any, where: str, default_id: str) -> Record:
    """The Record of one parsed object: its fields, or the reason it is refused
    (under its own id when it has a usable one, else under *where*)."""
    try:
        fields = check_fields(obj, where)
    except InputError as err:
        doc_id = obj.get("id") if isinstance(obj, dict) else None
        return (clean_str(doc_id) if isinstance(doc_id, str) and doc_id.strip() else where), None, str(err)
    fields.setdefault("id", default_id)
    return fields["id"], fields, None


# -- single files -------------------------------------------------------------------------

def read_file(path: str) -> bytes:
    """The bytes of *path* (``-``: standard input); an InputError when there are
    more than ``records.inputs.MAX_INPUT_BYTES``, refused before reading when the
    size is known. OSError when it cannot be read."""
    limit = inputs.MAX_INPUT_BYTES
    if path == "-":
        data = sys.stdin.buffer.read(limit + 1)
    else:
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > limit:
                raise InputError(f"{path}: too large ({size // (1024 * 1024)} MB; "
                                 f"at most {limit // (1024 * 1024)} MB)")
            data = f.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"{path}: too large (more than {limit // (1024 * 1024)} MB)")
    return data


def iter_files(paths: Iterable[str]) -> Iterator[Record]:
    """One Record per text or HTML file, its path as id. HTML is reduced to its
    article text (``fields["html"]`` is then true) and its metadata -- title,
    publication date, canonical URL -- fills the fields."""
    for path in paths:
        try:
            doc = inputs.read_bytes(read_file(path), path)
        except OSError as err:
            yield path, None, read_error(err, path)
            continue
        except InputError as err:
            yield path, None, str(err)
            continue
        yield path, {"text": doc.text, "doc_date": doc.doc_date, "title": doc.title,
                     "url": doc.url, "html": doc.html, "where": path}, None


# -- files of many documents --------------------------------------------------------------

def iter_documents(path: Union[str, Path]) -> Iterator[Record]:
    """The Records of one file of documents, its kind by name: ``*.parquet`` is
    Parquet, anything else JSON Lines (gzip-compressed when it ends in ``.gz``)."""
    name = str(path)
    if name.endswith(".parquet"):
        return iter_parquet(path)
    return iter_jsonl(path)


def iter_jsonl(path: Union[str, Path]) -> Iterator[Record]:
    """One Record per non-blank line of a JSON Lines file (``.gz``: gzip-compressed).

    A line is a document's JSON object (:func:`check_fields`); without an id it
    is ``NAME:LINE``. Bad lines are Records of their own, named ``PATH:LINE``:
    invalid JSON (also nested too deeply), longer than :data:`MAX_LINE_BYTES`
    (skipped without being held), not an object, a bad field. A line that is not
    UTF-8 is read as Windows-1252 with a warning; a UTF-16 file is refused as a
    whole. A file that cannot be opened or read (a broken gzip stream) ends with
    a Record for the file.
    """
    gz = str(path).endswith(".gz")
    try:
        f = gzip.open(path, "rb") if gz else open(path, "rb")
    except OSError as err:
        yield str(path), None, read_error(err, path)
        return
    with f:
        try:
            yield from _read_lines(f, str(path), os.path.basename(path))
        except (OSError, EOFError, zlib.error) as err:   # EOFError: a truncated gzip stream
            reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
            yield str(path), None, f"{path}: cannot read ({reason or type(err).__name__})"


def _read_lines(f: BinaryIO, path: str, base: str) -> Iterator[Record]:
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
            yield where, None, f"{where}: line longer than {MAX_LINE_BYTES // (1024 * 1024)} MB, skipped"
            continue
        if lineno == 1 and raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            yield path, None, f"{path}: UTF-16 text; JSON Lines must be UTF-8"
            return
        if not raw.strip():
            continue
        line = decode_line(raw, where, first=lineno == 1)
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError) as err:
            reason = "nested too deeply" if isinstance(err, RecursionError) else str(err)
            yield where, None, f"{where}: invalid JSON ({reason})"
            continue
        yield _checked(obj, where, f"{base}:{lineno}")


def decode_line(raw: bytes, where: str, first: bool = False) -> str:
    """One JSONL line as text: UTF-8 (the first line may start with a BOM), else
    Windows-1252 (latin-1 for its five undefined bytes), with a logged warning."""
    try:
        return raw.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        line = raw.decode("cp1252")
    except UnicodeDecodeError:
        line = raw.decode("latin-1")
    log.warning("%s: not UTF-8; read as Windows-1252", where)
    return line


def iter_parquet(path: Union[str, Path]) -> Iterator[Record]:
    """One Record per row of a Parquet file whose columns are the JSONL fields
    (``text`` required; a date column becomes YYYY-MM-DD). Rows are named
    ``PATH#ROW``; the checks are :func:`check_fields`'s."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    name = Path(path).name
    try:
        pf = pq.ParquetFile(path)
    except (OSError, ValueError, pa.ArrowException) as err:
        yield str(path), None, f"{path}: cannot read Parquet ({err})"
        return
    wanted = [c for c in FIELDS if c in pf.schema_arrow.names]
    row = 0
    try:
        for batch in pf.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=wanted):
            for record in batch.to_pylist():
                row += 1
                value = record.get("doc_date")
                if isinstance(value, (dt.date, dt.datetime)):
                    record["doc_date"] = value.isoformat()
                yield _checked(record, f"{path}#{row}", f"{name}#{row}")
    except (OSError, ValueError, pa.ArrowException) as err:
        yield str(path), None, f"{path}: unreadable after row {row} ({err})"
