"""Store at scale and under contention: indexes, concurrent writers, locked and
read-only files, migration of an older store."""
import multiprocessing
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import datetime as dt
import pytest

from records.errors import StoreError
from store import EventFilter, Store, db
from store.query import where_clause
from store.schema import MIGRATIONS, SCHEMA_VERSION, _statements
from store.synthetic import synthetic_documents
from test_export import DOCS

ROOT = Path(__file__).resolve().parent.parent
D = dt.date.fromisoformat


# --- filtering uses indexes -----------------------------------------------------------

def _plan(store: Store, f: EventFilter) -> str:
    where, params = where_clause(f)
    with sqlite3.connect(store.path) as conn:
        rows = conn.execute("EXPLAIN QUERY PLAN SELECT e.id FROM events e JOIN documents d "
                            f"ON d.id = e.document_id WHERE {where}", params).fetchall()
    return " | ".join(r[-1] for r in rows)


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("big") / "big.sqlite3")
    store.ingest_many(synthetic_documents(3000))
    with sqlite3.connect(store.path) as conn:
        conn.execute("ANALYZE")
    return store


@pytest.mark.parametrize("flt, index", [
    (EventFilter(date_from=D("2022-03-01"), date_to=D("2022-03-07")), "events_"),
    (EventFilter(date_from=D("2022-03-01"), date_to=D("2022-03-07"), types=("meeting",)), "events_"),
    (EventFilter(sources=("syn-doc-7",)), "doc_id"),
])
def test_main_filters_use_an_index(big, flt, index):
    plan = _plan(big, flt)
    assert "USING INDEX" in plan and index in plan, plan
    assert "SCAN e" not in plan.replace("SCAN e USING", "")


def test_date_window_on_many_events_is_answered(big):
    f = EventFilter(date_from=D("2022-03-01"), date_to=D("2022-03-07"))
    assert 0 < big.count(f) < big.count()


# --- concurrent writers ---------------------------------------------------------------

def _ingest_range(path: str, first: int, n: int) -> None:
    store = Store(path)
    for doc in synthetic_documents(400, events_per_doc=2, seed=first)[:n]:
        doc = dict(doc, id=f"w{first}-{doc['id']}",
                   events=[dict(e, id=f"w{first}-{e['id']}") for e in doc["events"]])
        store.ingest(doc, f"text {doc['id']}")


def test_two_processes_ingest_into_one_file_and_lose_nothing(tmp_path):
    path = str(tmp_path / "shared.sqlite3")   # neither process finds the file made
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_ingest_range, args=(path, seed, 150)) for seed in (1, 2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
        assert w.exitcode == 0
    store = Store(path)
    assert store.facets()["n_documents"] == 300 and store.count() == 600


def _open_new_store(path: str, barrier) -> None:
    barrier.wait()
    Store(path, busy_timeout=10)


def test_many_processes_opening_one_new_store_at_once_all_succeed(tmp_path):
    """Switching a new file to WAL answers 'locked' without the busy handler
    while another process is switching it; opening must wait, not fail."""
    ctx = multiprocessing.get_context("fork")
    failed = 0
    for trial in range(8):
        path = str(tmp_path / f"new{trial}.sqlite3")
        barrier = ctx.Barrier(5)
        workers = [ctx.Process(target=_open_new_store, args=(path, barrier)) for _ in range(5)]
        for w in workers:
            w.start()
        for w in workers:
            w.join(60)
        failed += sum(w.exitcode != 0 for w in workers)
        assert Store(path).schema_version == SCHEMA_VERSION
    assert failed == 0


def test_busy_timeout_is_set(tmp_path):
    store = Store(tmp_path / "t.sqlite3", busy_timeout=2.5)
    with store._connect() as conn:
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 2500


# --- locked and read-only files ------------------------------------------------------------

def test_locked_store_is_a_clear_store_error(tmp_path):
    path = tmp_path / "locked.sqlite3"
    store = Store(path, busy_timeout=0.2)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError) as caught:
            store.ingest(DOCS[0], "text")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    message = str(caught.value)
    assert str(path) in message and "locked by another process" in message
    assert store.ingest(DOCS[0], "text")[1] == "new"   # and fine once released


def test_not_a_database_is_a_clear_store_error(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"these are my notes, not a database" * 200)
    os.chmod(path, 0o600)
    with pytest.raises(StoreError, match=rf"{path}.*not a Lagebild database"):
        Store(path)


_READONLY_PROBE = """
import sys
from records.errors import StoreError
from store import Store
try:
    Store(sys.argv[1]).ingest({"id": "x", "events": []}, "text")
except StoreError as err:
    print(err)
    sys.exit(3)
"""


def test_read_only_store_is_a_clear_store_error(tmp_path):
    """Root writes anyway, so as root the probe runs without the capabilities
    that override file permissions."""
    folder = Path(tempfile.mkdtemp(prefix="lagebild-ro-"))
    try:
        path = folder / "ro.sqlite3"
        Store(path).ingest(DOCS[0], "text")
        os.chmod(path, 0o444)
        os.chmod(folder, 0o555)
        cmd = [sys.executable, "-c", _READONLY_PROBE, str(path)]
        if os.geteuid() == 0:
            if not shutil.which("setpriv"):
                pytest.skip("running as root without setpriv to drop CAP_DAC_OVERRIDE")
            cmd = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner",
                   "--", *cmd]
        run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert run.returncode == 3, run.stdout + run.stderr
        assert str(path) in run.stdout and "read-only" in run.stdout, run.stdout
    finally:
        os.chmod(folder, 0o700)
        shutil.rmtree(folder)


def test_existing_file_mode_is_never_widened(tmp_path):
    path = tmp_path / "s.sqlite3"
    Store(path)
    os.chmod(path, 0o644)
    Store(path)
    assert db.file_mode(path) == 0o600


# --- migrations ----------------------------------------------------------------------------

def test_older_store_is_migrated_with_its_data(tmp_path):
    path = tmp_path / "v2.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, "
                 "name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    for number, name, sql in MIGRATIONS[:2]:
        for statement in _statements(sql):
            conn.execute(statement)
        conn.execute("INSERT INTO schema_migrations VALUES (?, ?, 'then')", (number, name))
    conn.close()
    store = Store(path)
    assert store.schema_version == SCHEMA_VERSION
    store.ingest(DOCS[0], "text")
    with sqlite3.connect(path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"events_when", "events_until"} <= names


@pytest.mark.parametrize("value, expected", [
    ("sqlite:////abs/x.sqlite3", Path("/abs/x.sqlite3")),
    ("sqlite:///rel/x.sqlite3", Path("rel/x.sqlite3")),
    ("plain/x.sqlite3", Path("plain/x.sqlite3")),
    ("postgresql://u@h/db", "postgresql://u@h/db"),
    ("postgres://u@h/db", "postgres://u@h/db"),
])
def test_store_urls(value, expected):
    assert db.resolve_path(value) == expected


def test_unsupported_url_is_refused():
    with pytest.raises(StoreError, match="unsupported store URL mysql://"):
        db.resolve_path("mysql://u@h/db")
