"""Inputs of a batch run, read as a stream: JSON Lines files (plain or gzip) and
Parquet files, by :mod:`records.documents` -- the reader and checks of
``python -m extract`` -- and made into :class:`Item` s keyed by content hash.

Nothing here holds more than one line (JSONL) or one record batch (Parquet)
of input at a time, so memory stays flat whatever the size of the input.
"""
from __future__ import annotations

import datetime as dt
import gzip
import itertools
import zlib
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, TypeVar

from records import languages
from records.documents import DOCUMENT_SUFFIXES, Record, iter_documents, iter_files, parse_date
from records.inputs import HTML_SUFFIXES
from records.errors import InputError
from store.ingest import content_hash

T = TypeVar("T")
TEXT_SUFFIXES = (".txt",) + HTML_SUFFIXES     # one document a file


@dataclass
class Item:
    """One input document, checked, with the content hash the store keys on."""

    doc_id: str
    text: str
    doc_date: str               # ISO date the pipeline resolves relative dates against
    doc_date_source: str        # "document", "argument" or "default" (today)
    lang: str = "auto"
    title: Optional[str] = None
    url: Optional[str] = None
    where: str = ""
    digest: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def input_files(jsonl: Iterable[str] = (), input_dir: Optional[str] = None) -> list[Path]:
    """The files to read: each ``--jsonl`` FILE, then DIR's ``*.jsonl``, ``*.jsonl.gz``,
    ``*.ndjson`` and ``*.parquet`` (sorted, not recursive). A missing path is an
    InputError naming it."""
    out = [Path(p) for p in jsonl]
    for path in out:
        if not path.is_file():
            raise InputError(f"{path}: no such file")
    if input_dir:
        folder = Path(input_dir)
        if not folder.is_dir():
            raise InputError(f"{folder}: not a directory")
        out += sorted(p for p in folder.iterdir()
                      if p.is_file() and p.name.endswith(DOCUMENT_SUFFIXES))
    return out


def count_documents(paths: Iterable[Path]) -> int:
    """Documents in *paths*, for the progress bar's ETA: lines of JSONL (one fast
    pass over the bytes; blank lines too, so an upper bound), rows of Parquet
    (from the footer). A file that cannot be read counts what could be; reading
    it reports the error."""
    total = 0
    for path in paths:
        try:
            if path.suffix == ".parquet":
                import pyarrow.parquet as pq

                total += pq.ParquetFile(path).metadata.num_rows
                continue
            opener = gzip.open if path.name.endswith(".gz") else open
            with opener(path, "rb") as f:
                last = b"\n"
                while block := f.read(1 << 20):
                    total += block.count(b"\n")
                    last = block[-1:]
                total += last != b"\n"
        except (OSError, EOFError, ValueError, zlib.error):
            continue
    return total


def iter_records(paths: Iterable[Path]) -> Iterator[Record]:
    """``(id, fields, error)`` per input document of *paths*, read and checked as
    ``python -m extract`` reads them: JSON Lines and Parquet by
    :func:`records.documents.iter_documents`; a text or HTML file (:data:`TEXT_SUFFIXES`)
    is one document by :func:`records.documents.iter_files`, its file name the id (and
    the title, unless the HTML names one)."""
    for path in paths:
        if str(path).lower().endswith(TEXT_SUFFIXES):
            for _, fields, error in iter_files([str(path)]):
                name = Path(path).name
                if fields is not None:
                    fields = {k: v for k, v in fields.items() if v is not None and k != "html"}
                    fields.setdefault("title", name)
                yield name, fields, error
        else:
            yield from iter_documents(path)


def make_item(doc_id: str, fields: dict, *, forced_date: Optional[dt.date] = None,
              lang: str = "auto", today: Optional[dt.date] = None) -> Item:
    """An :class:`Item` from one record; its date is fixed *before* extraction
    (the document's, else *forced_date*, else *today*) so that the content hash
    -- sha256 of text and date -- can be checked against the store first."""
    where = fields.get("where", doc_id)
    if forced_date:
        date, source = forced_date, "argument"
    else:
        date = parse_date(fields.get("doc_date"), f"{where}: doc_date")
        source = "document"
        if date is None:
            date, source = today or dt.date.today(), "default"
    chosen = fields.get("lang") if lang == "auto" else lang
    item = Item(doc_id=doc_id, text=fields["text"], doc_date=date.isoformat(),
                doc_date_source=source, lang=chosen if languages.supported(chosen) else languages.AUTO,
                title=fields.get("title"), url=fields.get("url"), where=where)
    item.digest = content_hash({"doc_date": item.doc_date}, item.text)
    return item


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of at most *size* consecutive items (the last may be shorter)."""
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk

