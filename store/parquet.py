"""Results as Parquet parts: one file per chunk of documents, one row per document.

Written by ``python -m ingest --parquet-out DIR`` (workers on a cluster
need no database); loaded into any store -- SQLite or PostgreSQL -- with

    python -m store.parquet DIR [--store DB]

or ``import_parts(Store(...), DIR)`` -- or uploaded on the dashboard's page --
after which the dashboard shows them. The import is idempotent (content
hashes), streamed part by part; a bad part or row is reported by name and the
others are loaded.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Optional

from records.errors import InputError, LagebildError

COLUMNS = ("doc_id", "content_hash", "doc_date", "lang", "title", "url", "text",
           "n_events", "document")   # document: the contract DOCUMENT as JSON


def schema():
    import pyarrow as pa

    return pa.schema([("doc_id", pa.string()), ("content_hash", pa.string()),
                      ("doc_date", pa.string()), ("lang", pa.string()),
                      ("title", pa.string()), ("url", pa.string()), ("text", pa.string()),
                      ("n_events", pa.int32()), ("document", pa.string())])


def part_files(folder: str | Path) -> list[Path]:
    return sorted(Path(folder).glob("part-*.parquet"))


@dataclass
class ImportReport:
    """What loading parts did: counts by status, and each problem by file (and row)."""
    counts: dict[str, int] = field(default_factory=lambda: {"new": 0, "updated": 0,
                                                             "unchanged": 0})
    errors: list[str] = field(default_factory=list)

    def __getitem__(self, status: str) -> int:
        return self.counts[status]

    def summary(self) -> str:
        return (", ".join(f"{n} {k}" for k, n in self.counts.items())
                + (f", {len(self.errors)} failed" if self.errors else ""))


def _rows(source: Any, name: str, batch_rows: int) -> Iterator[tuple[int, Any, Any]]:
    """``(row number, document JSON, text)`` of one part; InputError when *source*
    is not a Parquet file or not a results part."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        part = pq.ParquetFile(source)
    except (pa.ArrowException, OSError) as err:
        raise InputError(f"{name}: not a Parquet file ({err})") from err
    missing = [c for c in ("document", "text") if c not in part.schema_arrow.names]
    if missing:
        raise InputError(f"{name}: not a Lagebild results part (no column "
                         f"{', '.join(missing)}; written by python -m ingest --parquet-out)")
    row = 0
    try:
        for batch in part.iter_batches(batch_size=batch_rows, columns=["document", "text"]):
            for record in batch.to_pylist():
                row += 1
                yield row, record["document"], record["text"]
    except (pa.ArrowException, OSError) as err:
        raise InputError(f"{name}: unreadable after row {row} ({err})") from err


def import_part(store: Any, source: Any, name: Optional[str] = None,
                report: Optional[ImportReport] = None, batch_rows: int = 256) -> ImportReport:
    """Ingest one part -- a path or a binary file object (an upload) -- into *store*.

    A row whose document is not valid is reported as ``name: row N: reason`` and
    the others go on; a file that is not a results part is reported by name.
    Idempotent: what is stored already is left unchanged.
    """
    report = report if report is not None else ImportReport()
    name = name or str(source)
    try:
        with store.writer() as writer:
            for row, raw, text in _rows(source, name, batch_rows):
                try:
                    document = json.loads(raw) if isinstance(raw, str) else None
                    if not isinstance(document, dict):
                        raise InputError("the document column holds no JSON object")
                    outcome = next(writer.ingest_each([(document, text)]))
                    if isinstance(outcome, LagebildError):
                        raise outcome
                    report.counts[outcome] += 1
                except (ValueError, LagebildError) as err:
                    report.errors.append(f"{name}: row {row}: {err}")
    except LagebildError as err:
        report.errors.append(str(err) if str(err).startswith(name) else f"{name}: {err}")
    return report


def import_parts(store: Any, folder: str | Path) -> ImportReport:
    """Ingest every part in *folder* into *store*, part by part (one batch of rows
    in memory); a bad part or row is reported and the others are loaded."""
    report = ImportReport()
    parts = part_files(folder)
    if not Path(folder).is_dir():
        report.errors.append(f"{folder}: no such folder")
    elif not parts:
        report.errors.append(f"{folder}: no part-*.parquet files")
    for path in parts:
        import_part(store, path, str(path), report)
    return report


def main(argv: Optional[list[str]] = None) -> int:
    from store import Store

    ap = argparse.ArgumentParser(prog="python -m store.parquet",
                                 description="Load Parquet result parts into the event store.")
    ap.add_argument("folder")
    ap.add_argument("--store", metavar="DB", help="default $LAGEBILD_DB")
    args = ap.parse_args(argv)
    try:
        report = import_parts(Store(args.store), args.folder)
    except LagebildError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    for error in report.errors:
        print(f"error: {error}", file=sys.stderr)
    print(report.summary(), file=sys.stderr)
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
