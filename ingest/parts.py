"""Writing batch results as Parquet parts (schema in :mod:`store.parquet`)."""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, Iterable

from store.parquet import part_files, schema


class ParquetSink:
    """Parts in *folder*, each named by the hash of its documents' content hashes
    (a re-run of the same chunk rewrites the same file; written atomically).

    With *remember*, the content hashes already in *folder* are read once so
    that a run without a store can still skip what it has done.
    """

    def __init__(self, folder: str | os.PathLike, remember: bool = False):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._seen: set[str] = set()
        if remember:
            import pyarrow.parquet as pq

            for path in part_files(self.folder):
                self._seen.update(pq.read_table(path, columns=["content_hash"])
                                  .column("content_hash").to_pylist())

    def known(self, digests: Iterable[str]) -> set[str]:
        return {d for d in digests if d in self._seen}

    def write(self, results: list[tuple[dict[str, Any], dict[str, Any]]]) -> Path:
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = {name: [] for name in schema().names}
        for item, document in results:
            rows["doc_id"].append(document["id"])
            rows["content_hash"].append(item["digest"])
            rows["doc_date"].append(document.get("doc_date"))
            rows["lang"].append(document.get("lang"))
            rows["title"].append(document.get("title"))
            rows["url"].append(document.get("url"))
            rows["text"].append(item["text"])
            rows["n_events"].append(len(document.get("events") or []))
            rows["document"].append(json.dumps(document, ensure_ascii=False))
        name = hashlib.sha256("".join(rows["content_hash"]).encode()).hexdigest()[:20]
        path = self.folder / f"part-{name}.parquet"
        tmp = path.with_suffix(".parquet.tmp")
        pq.write_table(pa.table(rows, schema=schema()), tmp, compression="zstd")
        os.replace(tmp, path)
        self._seen.update(rows["content_hash"])
        return path
