"""A crash during ingest leaves a consistent store, and a re-run ingests the rest once.

An ingest of many documents runs in a subprocess; once the database shows progress
it is killed with SIGKILL (no clean-up, no atexit, possibly mid-transaction).
"""
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store import Store
from store.synthetic import synthetic_documents

N_EVENTS = 20_000          # 2,000 documents of 10 events: seconds of work, killed long before the end
KILL_AFTER_DOCUMENTS = 100

INGEST = """
import sys
from store import Store
sys.path.insert(0, {tests!r})
from test_store_crash import documents_and_texts
store = Store({db!r})
for doc, text in documents_and_texts():
    store.ingest(doc, text)
"""


def documents_and_texts():
    """The corpus, each document with a timex and its text (deterministic)."""
    for doc in synthetic_documents(N_EVENTS):
        text = " ".join(e["evidence"] for e in doc["events"]) + " Am 3. Oktober 2023."
        doc = dict(doc, timexes=[{"text": "3. Oktober 2023", "start": len(text) - 16, "end": len(text) - 1,
                                  "value": "2023-10-03", "anchored": False, "type": "DATE"}])
        yield doc, text


def _count_documents(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # not created yet
        return 0


def _ingest_and_kill(db: Path, root: Path) -> int:
    code = INGEST.format(tests=str(root / "tests"), db=str(db))
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=root, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    try:
        while _count_documents(db) < KILL_AFTER_DOCUMENTS:
            assert proc.poll() is None, f"ingest ended early: {proc.stderr.read().decode()[-2000:]}"
            assert time.monotonic() < deadline, "no progress in the database"
            time.sleep(0.005)  # polling interval, not a wait for readiness
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    return _count_documents(db)


def _assert_consistent(db: Path, expected: dict) -> list[str]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        rows = conn.execute(
            "SELECT d.doc_id, (SELECT COUNT(*) FROM events WHERE document_id = d.id) AS events, "
            "(SELECT COUNT(*) FROM place_mentions WHERE document_id = d.id) AS place_mentions, "
            "(SELECT COUNT(*) FROM timexes WHERE document_id = d.id) AS timexes "
            "FROM documents d ORDER BY d.id").fetchall()
        for r in rows:  # no half-written document
            doc = expected[r["doc_id"]]
            assert (r["events"], r["place_mentions"], r["timexes"]) == \
                (len(doc["events"]), len(doc["places"]), len(doc["timexes"])), dict(r)
        stored = [r["doc_id"] for r in rows]
        orphans = conn.execute("SELECT COUNT(*) FROM events e WHERE NOT EXISTS "
                               "(SELECT 1 FROM evidence v WHERE v.event_row = e.id)").fetchone()[0]
        assert orphans == 0, "every stored event has its evidence"
        return stored
    finally:
        conn.close()


@pytest.mark.slow  # ~55 s: an ingest of 2,000 documents killed, then run again
def test_sigkill_mid_ingest_leaves_a_consistent_store_and_rerun_completes(tmp_path, root):
    db = tmp_path / "crash.sqlite3"
    corpus = list(documents_and_texts())
    expected = {doc["id"]: doc for doc, _ in corpus}
    Store(db)  # created and migrated before the ingest starts

    seen = _ingest_and_kill(db, root)
    assert KILL_AFTER_DOCUMENTS <= seen < len(corpus)

    store = Store(db)  # reopening recovers the WAL
    stored = _assert_consistent(db, expected)
    # documents are written in order, each in one transaction: a prefix survives
    assert stored == [doc["id"] for doc, _ in corpus[:len(stored)]]

    statuses = [store.ingest(doc, text)[1] for doc, text in corpus]
    assert statuses[:len(stored)] == ["unchanged"] * len(stored)
    assert statuses[len(stored):] == ["new"] * (len(corpus) - len(stored))
    assert len(_assert_consistent(db, expected)) == len(corpus)
    assert store.count() == sum(len(doc["events"]) for doc, _ in corpus)

    # and once more: nothing changes
    assert {store.ingest(doc, text)[1] for doc, text in corpus[:200]} == {"unchanged"}
