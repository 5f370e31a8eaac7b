"""Batch ingest (python -m ingest, ingest.batch): streaming, --jobs, resume, Parquet parts."""
import concurrent.futures as cf
import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest

from ingest import batch
from ingest.cli import build_parser, main as ingest_main
from ingest.sources import count_documents, iter_records, make_item
from store import Store
from store.loader import demo_articles
from store.parquet import import_parts

ROOT = Path(__file__).resolve().parent.parent


def short_documents(n: int = 12) -> list[dict]:
    """*n* short documents: the demo articles' first lines, a few variants each."""
    out = []
    for round_no in itertools.count():
        for art in demo_articles():
            if len(out) == n:
                return out
            lines = [l for l in art.text.splitlines() if l.strip()]
            text = "\n".join(lines[round_no % len(lines):][:3] or lines[:3])
            out.append({"id": f"{art.doc_id}-v{round_no}", "text": text,
                        "doc_date": art.doc_date.isoformat(), "lang": art.lang,
                        "title": art.title})
    return out


def write_jsonl(path: Path, docs, extra_lines=()) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for doc in docs:
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
        for line in extra_lines:
            f.write(line + "\n")
    return path


def stored_events(store: Store) -> list[dict]:
    """The store's events without the moments of writing (created, updated): what two
    runs over the same input must agree on."""
    return sorted(({k: v for k, v in e.items() if k not in ("created", "updated")}
                   for e in store.events()), key=lambda e: (e["source_id"], e["id"]))


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("batch")
    return write_jsonl(folder / "news.jsonl", short_documents())


@pytest.fixture(scope="session")
def reference(corpus, tmp_path_factory):
    """The single-process result: the store's events, for the other runs to match."""
    store = Store(tmp_path_factory.mktemp("ref") / "ref.sqlite3")
    stats = batch.ingest(batch.Options(paths=[corpus], store=store))
    assert stats.new == 12 and not stats.failed
    return stored_events(store)


# --- reading ------------------------------------------------------------------

def test_counting_and_reading_stream(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", short_documents(3), ["", "[1]", '{"text": ""}'])
    assert count_documents([path]) == 6   # blank lines are counted too: an upper bound
    records = list(iter_records([path]))
    assert [r[2] is None for r in records] == [True, True, True, False, False]


def test_item_hash_matches_the_store(tmp_path):
    """The hash computed before extraction is the one the store keys on."""
    store = Store(tmp_path / "s.sqlite3")
    doc = short_documents(1)[0]
    item = make_item(doc["id"], dict(doc))
    document = {"id": doc["id"], "doc_date": item.doc_date, "events": []}
    store.ingest(document, doc["text"])
    assert store.known_hashes([item.digest, "0" * 64]) == {item.digest}


def test_undated_documents_use_today_and_say_so():
    item = make_item("x", {"text": "Berlin."})
    assert item.doc_date_source == "default"


# --- bounded work ---------------------------------------------------------------

def test_bounded_submits_at_most_the_window():
    pulled = itertools.count()

    def endless():
        while True:
            next(pulled)
            yield [1]

    with cf.ThreadPoolExecutor(2) as pool:
        results = batch.bounded(pool, len, endless(), window=4)
        assert [next(results) for _ in range(10)] == [1] * 10
        results.close()
    assert next(pulled) <= 10 + 4 + 1


# --- runs ---------------------------------------------------------------------

def test_two_processes_match_one(corpus, reference, tmp_path):
    store = Store(tmp_path / "two.sqlite3")
    stats = batch.ingest(batch.Options(paths=[corpus], store=store, jobs=2, chunk_size=2))
    assert (stats.new, stats.failed) == (12, [])
    assert stored_events(store) == reference


def test_workers_write_into_the_store_and_parts(corpus, reference, tmp_path):
    """--workers-write: each worker stores its own results (here two processes on
    one SQLite file and a shared folder of parts); the result is the same."""
    store = Store(tmp_path / "w.sqlite3")
    parts = tmp_path / "parts"
    stats = batch.ingest(batch.Options(paths=[corpus], store=store, parquet_out=str(parts),
                                       jobs=2, chunk_size=3, workers_write=True))
    assert (stats.new, stats.extracted, stats.failed) == (12, 12, [])
    assert stats.events == len(reference)
    assert stored_events(store) == reference
    assert len(list(parts.glob("part-*.parquet"))) == 4
    assert batch.ingest(batch.Options(paths=[corpus], store=store, jobs=2, workers_write=True)).skipped == 12


def test_a_writing_worker_sends_back_no_text_or_document(corpus, tmp_path):
    from ingest.work import Targets, Written, extract_chunk

    items = [make_item(d["id"], d, today=None).to_dict() for d in short_documents(2)]
    out = extract_chunk(items, Targets(store=str(tmp_path / "x.sqlite3")))
    assert [type(doc) for _, doc, _ in out] == [Written, Written]
    assert [doc.status for _, doc, _ in out] == ["new", "new"]
    assert all("text" not in item and error is None for item, _, error in out)
    # a store the worker cannot open: every document fails, by name, nothing is lost silently
    (tmp_path / "a-file").write_text("")
    bad = extract_chunk(items, Targets(store=str(tmp_path / "a-file" / "x.sqlite3")))
    assert all(doc is None and error.startswith(item["where"]) for item, doc, error in bad)


def test_rerun_skips_before_extraction(corpus, reference, tmp_path, monkeypatch):
    store = Store(tmp_path / "r.sqlite3")
    docs = short_documents()
    half = write_jsonl(tmp_path / "half.jsonl", docs[:5])
    batch.ingest(batch.Options(paths=[half], store=store))  # "interrupted"
    calls = []
    real = batch.extract_chunk
    monkeypatch.setattr(batch, "extract_chunk", lambda items: calls.append(len(items)) or real(items))
    stats = batch.ingest(batch.Options(paths=[corpus], store=store))
    assert (stats.skipped, stats.extracted, sum(calls)) == (5, 7, 7)
    assert stored_events(store) == reference
    calls.clear()
    again = batch.ingest(batch.Options(paths=[corpus], store=store))
    assert (again.skipped, again.extracted, calls) == (12, 0, [])


def test_parquet_parts_load_into_a_store(corpus, reference, tmp_path):
    out = tmp_path / "parts"
    stats = batch.ingest(batch.Options(paths=[corpus], parquet_out=str(out), chunk_size=5))
    assert stats.extracted == 12 and len(list(out.glob("part-*.parquet"))) == 3
    # without a store, the parts themselves say what is done
    assert batch.ingest(batch.Options(paths=[corpus], parquet_out=str(out))).skipped == 12
    store = Store(tmp_path / "from-parquet.sqlite3")
    assert import_parts(store, out)["new"] == 12
    assert stored_events(store) == reference


def test_command_line_end_to_end(tmp_path):
    docs = short_documents(2)
    src = write_jsonl(tmp_path / "in.jsonl", docs, ["not json"])
    db = tmp_path / "cli.sqlite3"
    cmd = [sys.executable, "-m", "ingest", "--jsonl", str(src), "--store", str(db)]
    run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run.stderr          # one bad line
    assert f"{src}:3: invalid JSON" in run.stderr
    assert "art/s" in run.stderr and "2 extracted" in run.stderr   # progress bar + summary
    assert run.stdout == ""
    again = subprocess.run(cmd[:-4] + ["--jsonl", str(write_jsonl(tmp_path / "ok.jsonl", docs)),
                                       "--store", str(db), "--no-progress"],
                           cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0 and "2 already stored" in again.stderr


@pytest.mark.parametrize("argv, message", [
    ([], "give --jsonl"),
    (["--jsonl", "/nonexistent.jsonl"], "no such file"),
    (["--jsonl", __file__, "--jobs", "0"], "at least 1"),
    (["--jsonl", __file__, "--doc-date", "2023-13-01"], "impossible date"),
    (["--jsonl", __file__, "--store", "{tmp}/x.sqlite3", "--scheduler", "tcp://h:8786",
      "--workers-write"], "needs a PostgreSQL store"),
])
def test_usage_errors(argv, message, capsys, tmp_path):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    assert ingest_main(argv) == 2
    assert message in capsys.readouterr().err


def test_help_describes_every_option(capsys):
    with pytest.raises(SystemExit) as exited:
        ingest_main(["--help"])
    assert exited.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith("usage: python -m ingest")
    for action in build_parser()._actions:
        assert action.help, action.option_strings
        for option in action.option_strings:
            assert option in text
