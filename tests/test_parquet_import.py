"""Loading Parquet result parts into the store (python -m store.parquet, and
uploads on the page): good parts load, a bad file or row is reported by name
and the rest still loads."""
import io
import json
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from ingest.parts import ParquetSink
from store import Store
from store.ingest import content_hash
from store.parquet import import_part, import_parts, schema
from store.synthetic import synthetic_documents

ROOT = Path(__file__).resolve().parent.parent


def _pairs(docs):
    return [({"text": d["title"], "digest": content_hash(d, d["title"])}, d) for d in docs]


@pytest.fixture
def docs():
    return synthetic_documents(40, events_per_doc=4)     # 10 documents, 40 events


@pytest.fixture
def good_part(tmp_path, docs):
    return ParquetSink(tmp_path / "parts").write(_pairs(docs))


def _table_bytes(columns: dict) -> bytes:
    buf = io.BytesIO()
    pq.write_table(pa.table(columns), buf)
    return buf.getvalue()


def test_a_part_loads_and_loading_again_changes_nothing(tmp_path, good_part, docs):
    store = Store(tmp_path / "s.sqlite3")
    report = import_part(store, good_part)
    assert (report["new"], report.errors) == (10, [])
    assert store.count() == 40
    assert import_part(store, good_part)["unchanged"] == 10


def test_an_upload_is_a_file_object(tmp_path, good_part):
    store = Store(tmp_path / "s.sqlite3")
    report = import_part(store, io.BytesIO(good_part.read_bytes()), "mine.parquet")
    assert (report["new"], report.errors) == (10, [])


BAD_FILES = [
    # (what, bytes, message)
    ("not parquet at all", b"id,text\n1,hello\n", "not a Parquet file"),
    ("empty file", b"", "not a Parquet file"),
    ("parquet of something else", _table_bytes({"a": [1, 2]}), "not a Lagebild results part"),
    ("cut short", None, "not a Parquet file"),
]


@pytest.mark.parametrize("what, data, message", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_a_bad_file_is_named_with_the_reason(tmp_path, good_part, what, data, message):
    if data is None:
        data = good_part.read_bytes()[: len(good_part.read_bytes()) // 2]
    store = Store(tmp_path / "s.sqlite3")
    report = import_part(store, io.BytesIO(data), "upload.parquet")
    assert report.counts == {"new": 0, "updated": 0, "unchanged": 0}
    assert len(report.errors) == 1
    assert report.errors[0].startswith("upload.parquet: ") and message in report.errors[0]


def test_a_bad_row_is_named_and_the_other_rows_load(tmp_path, docs):
    rows = {name: [] for name in schema().names}
    for i, doc in enumerate(docs[:3]):
        rows["doc_id"].append(doc["id"])
        rows["content_hash"].append(str(i))
        for col in ("doc_date", "lang", "title", "url"):
            rows[col].append(doc.get(col))
        rows["text"].append(doc["title"])
        rows["n_events"].append(len(doc["events"]))
        rows["document"].append({0: "{not json", 1: "[1, 2]"}.get(i, json.dumps(doc)))
    buf = io.BytesIO()
    pq.write_table(pa.table(rows, schema=schema()), buf)
    store = Store(tmp_path / "s.sqlite3")
    report = import_part(store, io.BytesIO(buf.getvalue()), "p.parquet")
    assert report["new"] == 1
    assert [e.split(":")[:2] for e in report.errors] == [["p.parquet", " row 1"],
                                                          ["p.parquet", " row 2"]]


def test_a_folder_with_a_bad_part_loads_the_good_ones(tmp_path, good_part):
    (good_part.parent / "part-broken.parquet").write_bytes(b"garbage")
    store = Store(tmp_path / "s.sqlite3")
    report = import_parts(store, good_part.parent)
    assert report["new"] == 10
    assert len(report.errors) == 1 and "part-broken.parquet: not a Parquet file" in report.errors[0]


def test_an_empty_or_missing_folder_says_so(tmp_path):
    store = Store(tmp_path / "s.sqlite3")
    missing, empty = tmp_path / "missing", tmp_path / "empty"
    empty.mkdir()
    assert import_parts(store, missing).errors == [f"{missing}: no such folder"]
    assert import_parts(store, empty).errors == [f"{empty}: no part-*.parquet files"]


def test_command_line_exit_status(tmp_path, good_part):
    db = tmp_path / "cli.sqlite3"
    cmd = [sys.executable, "-m", "store.parquet", str(good_part.parent), "--store", str(db)]
    ok = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0 and "10 new" in ok.stderr
    (good_part.parent / "part-zz.parquet").write_bytes(b"x")
    bad = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1 and "part-zz.parquet: not a Parquet file" in bad.stderr
    assert "10 unchanged" in bad.stderr
