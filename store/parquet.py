"""Results as Parquet parts: one file per chunk of documents, one row per document.

Written by ``python -m extract.batch --parquet-out DIR`` (workers on a cluster
need no database); loaded into any store -- SQLite or PostgreSQL -- with

    python -m store.parquet DIR [--store DB]

or ``import_parts(Store(...), DIR)``, after which the dashboard shows them.
The import is idempotent (content hashes), streamed part by part.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Iterator, Optional

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


def iter_parts(folder: str | Path, batch_rows: int = 256) -> Iterator[tuple[dict[str, Any], str]]:
    """``(document dict, text)`` for every row of every part, one batch in memory."""
    import pyarrow.parquet as pq

    for path in part_files(folder):
        for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_rows,
                                                       columns=["document", "text"]):
            for row in batch.to_pylist():
                yield json.loads(row["document"]), row["text"]


def import_parts(store: Any, folder: str | Path) -> dict[str, int]:
    """Ingest every stored part into *store*; counts by status."""
    counts = {"new": 0, "updated": 0, "unchanged": 0}
    for document, text in iter_parts(folder):
        counts[store.ingest(document, text)[1]] += 1
    return counts


def main(argv: Optional[list[str]] = None) -> int:
    from geo.errors import LagebildError
    from store import Store

    ap = argparse.ArgumentParser(prog="python -m store.parquet",
                                 description="Load Parquet result parts into the event store.")
    ap.add_argument("folder")
    ap.add_argument("--store", metavar="DB", help="default $LAGEBILD_DB")
    args = ap.parse_args(argv)
    try:
        counts = import_parts(Store(args.store), args.folder)
    except LagebildError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(", ".join(f"{n} {k}" for k, n in counts.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
