"""Inputs of a batch run, read as a stream: JSON Lines files and Parquet files.

Nothing here holds more than one line (JSONL) or one record batch (Parquet)
of input at a time, so memory stays flat whatever the size of the input.
"""
from __future__ import annotations

import datetime as dt
import gzip
import itertools
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, TypeVar

from records.errors import InputError
from store.ingest import content_hash

INPUT_SUFFIXES = (".jsonl", ".ndjson", ".parquet")
PARQUET_BATCH_ROWS = 512
T = TypeVar("T")


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
    """The files to read: each ``--jsonl`` FILE, then DIR's ``*.jsonl``/``*.parquet``
    (sorted, not recursive). A missing path is an InputError naming it."""
    out = [Path(p) for p in jsonl]
    for path in out:
        if not path.is_file():
            raise InputError(f"{path}: no such file")
    if input_dir:
        folder = Path(input_dir)
        if not folder.is_dir():
            raise InputError(f"{folder}: not a directory")
        out += sorted(p for p in folder.iterdir()
                      if p.is_file() and p.name.endswith(INPUT_SUFFIXES + (".jsonl.gz",)))
    return out


def count_documents(paths: Iterable[Path]) -> int:
    """Documents in *paths*: non-blank lines of JSONL (one fast pass over the
    bytes), rows of Parquet (from the footer). For the progress bar's ETA."""
    total = 0
    for path in paths:
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
    return total


def iter_records(paths: Iterable[Path]) -> Iterator[tuple[str, Optional[dict], Optional[str]]]:
    """``(id, fields, error)`` per input document, as ``extract.cli`` reads them."""
    from extract.cli import _iter_jsonl

    for path in paths:
        if path.suffix == ".parquet":
            yield from _iter_parquet(path)
        elif path.name.endswith(".gz"):
            yield from _iter_gz(path)
        else:
            yield from _iter_jsonl(str(path))


def _iter_gz(path: Path) -> Iterator[tuple[str, Optional[dict], Optional[str]]]:
    import json

    from extract.cli import _jsonl_fields

    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
        for lineno, line in enumerate(f, 1):
            where = f"{path}:{lineno}"
            if not line.strip():
                continue
            try:
                fields = _jsonl_fields(json.loads(line), where)
            except (ValueError, RecursionError) as err:
                yield where, None, str(err) if isinstance(err, InputError) else \
                    f"{where}: invalid JSON ({err})"
                continue
            fields.setdefault("id", f"{path.name}:{lineno}")
            yield fields["id"], fields, None


def _iter_parquet(path: Path) -> Iterator[tuple[str, Optional[dict], Optional[str]]]:
    """Rows of a Parquet file with the JSONL fields as columns (``text`` required)."""
    import pyarrow.parquet as pq

    from extract.cli import _jsonl_fields

    try:
        pf = pq.ParquetFile(path)
    except (OSError, ValueError) as err:
        yield str(path), None, f"{path}: cannot read Parquet ({err})"
        return
    wanted = [c for c in ("id", "text", "title", "url", "doc_date", "lang")
              if c in pf.schema_arrow.names]
    row = 0
    for batch in pf.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=wanted):
        for record in batch.to_pylist():
            row += 1
            where = f"{path}#{row}"
            value = record.get("doc_date")
            if isinstance(value, (dt.date, dt.datetime)):
                record["doc_date"] = value.isoformat()
            record = {k: v for k, v in record.items() if v is not None}
            try:
                fields = _jsonl_fields(record, where)
            except InputError as err:
                yield str(record.get("id") or where), None, str(err)
                continue
            fields.setdefault("id", f"{path.name}#{row}")
            yield fields["id"], fields, None


def make_item(doc_id: str, fields: dict, *, forced_date: Optional[dt.date] = None,
              lang: str = "auto", today: Optional[dt.date] = None) -> Item:
    """An :class:`Item` from one record; its date is fixed *before* extraction
    (the document's, else *forced_date*, else *today*) so that the content hash
    -- sha256 of text and date -- can be checked against the store first."""
    from extract.cli import parse_date

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
                doc_date_source=source, lang=chosen if chosen in ("de", "en") else "auto",
                title=fields.get("title"), url=fields.get("url"), where=where)
    item.digest = content_hash({"doc_date": item.doc_date}, item.text)
    return item


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of at most *size* consecutive items (the last may be shorter)."""
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def file_size(paths: Iterable[Path]) -> int:
    return sum(os.path.getsize(p) for p in paths)
