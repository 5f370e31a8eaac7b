"""python -m ingest --changes-since (CSV on standard output, JSON into a file), the
usage errors of the new options, and batch runs recorded in the store."""
from __future__ import annotations

import csv
import io
import json

import pytest

import store.ingest as store_ingest
from ingest.cli import main as ingest_main
from ingest.work import Targets, Written, write_here
from store import Store
from test_batch import short_documents, write_jsonl
from test_export import DOCS


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = str(tmp_path / "c.sqlite3")
    store = Store(path)
    monkeypatch.setattr(store_ingest, "_now", lambda: "2026-11-02T10:00:00+00:00")
    store.ingest(DOCS[0], "a")
    monkeypatch.setattr(store_ingest, "_now", lambda: "2026-11-05T10:00:00+00:00")
    store.ingest(DOCS[1], "b")
    store.edit("ev-meet", {"cargo": "Briefe"}, author="ana")
    return path


SINCE_CASES = [
    # (since, [(event_id, change)])
    ("2026-11-01", [("ev-ship", "created"), ("ev-evil", "created"), ("ev-meet", "created"),
                    ("ev-none", "created")]),
    ("2026-11-03", [("ev-evil", "created"), ("ev-meet", "edited"), ("ev-none", "created")]),
    ("2026-11-05T10:00:01", []),
]


@pytest.mark.parametrize("since, expected", SINCE_CASES)
def test_changes_since_as_csv_on_standard_output(db, capsys, since, expected):
    assert ingest_main(["--changes-since", since, "--store", db]) == 0
    out = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(out.out)))
    assert [(r["event_id"], r["change"]) for r in rows] == expected
    assert f"{len(expected)} changed event(s) since" in out.err


def test_changes_since_as_json_into_a_file(db, tmp_path, capsys):
    target = tmp_path / "changes.json"
    assert ingest_main(["--changes-since", "2026-11-03", "--store", db, "--format", "json",
                        "--output", str(target)]) == 0
    assert capsys.readouterr().out == ""
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["since"] == "2026-11-03T00:00:00+00:00"
    meet = next(c for c in data["changes"] if c["event_id"] == "ev-meet")
    assert [(h["author"], h["field"], h["old"], h["new"]) for h in meet["history"]] == [
        ("ana", "cargo", None, "Briefe")]
    assert meet["event"]["cargo"] == "Briefe"


USAGE_CASES = [
    (["--changes-since", "soon"], "is not a date"),
    (["--changes-since", "2026-11-01", "--jsonl", "x.jsonl"], "--changes-since writes"),
    (["--format", "csv"], "belong to --changes-since"),
    (["--output", "x.csv", "--jsonl", "x.jsonl"], "belong to --changes-since"),
    (["--once"], "belong to --watch"),
    (["--interval", "5", "--jsonl", "x.jsonl"], "belong to --watch"),
    (["--watch", "WATCH", "--input-dir", "WATCH"], "reads its folder"),
    (["--watch", "WATCH", "--changes-since", "2026-01-01"], "reads its folder"),
    (["--watch", "WATCH", "--jobs", "2"], "run in this process"),
    (["--watch", "WATCH", "--interval", "0.1"], "at least 0.5 seconds"),
    (["--watch", "MISSING"], "not a directory"),
    (["--changes-since", "2026-01-01", "--parquet-out", "p"], "run in this process"),
]


@pytest.mark.parametrize("argv, message", USAGE_CASES)
def test_usage_errors(tmp_path, capsys, argv, message):
    (tmp_path / "WATCH").mkdir()
    argv = [str(tmp_path / a) if a in ("WATCH", "MISSING") else a for a in argv]
    assert ingest_main(argv + ["--store", str(tmp_path / "u.sqlite3")]) == 2
    assert message in capsys.readouterr().err


def test_a_batch_run_is_recorded(tmp_path, pipeline):
    src = write_jsonl(tmp_path / "in.jsonl", short_documents(2), ['{"id": "broken"'])
    db = str(tmp_path / "b.sqlite3")
    assert ingest_main(["--jsonl", str(src), "--store", db, "--no-progress"]) == 1
    assert ingest_main(["--jsonl", str(src), "--store", db, "--no-progress"]) == 1
    again, first = Store(db).runs()
    assert (first["source"], first["files"], first["docs_new"], first["n_errors"]) == \
        ("python -m ingest", [str(src)], 2, 1)
    assert first["events_added"] == len(Store(db).events())
    assert (again["docs_new"], again["docs_unchanged"], again["events_added"]) == (0, 2, 0)


def test_workers_that_write_send_back_what_changed(tmp_path):
    db = str(tmp_path / "w.sqlite3")
    item = {"doc_id": "seed-de", "text": "a", "where": "in.jsonl:1"}
    [(_, first, _)] = write_here([(item, DOCS[0], None)], Targets(store=db))
    changed = json.loads(json.dumps(DOCS[0]))
    changed["events"] = changed["events"][:1]
    changed["events"][0]["cargo"] = "Raketen"
    [(_, second, _)] = write_here([(dict(item, text="b"), changed, None)], Targets(store=db))
    assert first == Written("new", 2, {"added": 2, "changed": 0, "removed": 0})
    assert second == Written("updated", 1, {"added": 0, "changed": 1, "removed": 1})
