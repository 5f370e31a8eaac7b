"""A real, throwaway PostgreSQL server for the store tests, and PostgreSQL-only tests.

``postgres_server`` (session) initdb's a cluster in a temp dir -- as the
``postgres`` user when the tests run as root -- starts it on a free port of
127.0.0.1 with its socket in that dir, waits with ``pg_isready``, and stops it
at the end. ``pg_url`` (per test) is the URL of a fresh, empty database.
Install the server with ``tools/ensure_postgres.sh``; without it, or when it
cannot start, the PostgreSQL tests skip and say why.
"""
from __future__ import annotations

import atexit
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from typing import Optional

import pytest

pytestmark = pytest.mark.postgres
READY_TIMEOUT_S = 60


def _pg_bin() -> Optional[str]:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0)
    if found:
        return os.path.dirname(found[-1])
    initdb = shutil.which("initdb")
    return os.path.dirname(os.path.realpath(initdb)) if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    """One cluster for the whole test session (started at most once per process)."""

    def __init__(self):
        self.error: Optional[str] = None
        self.url: Optional[str] = None
        self.dir: Optional[str] = None
        self._as: list[str] = []
        self._bin = _pg_bin()

    def _run(self, *cmd: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run([*self._as, *cmd], capture_output=True, text=True, timeout=120,
                              check=check)

    def start(self) -> None:
        if not self._bin:
            self.error = "PostgreSQL is not installed (run tools/ensure_postgres.sh)"
            return
        self.dir = tempfile.mkdtemp(prefix="lagebild-pg-")
        if os.geteuid() == 0:   # initdb refuses to run as root
            try:
                user = pwd.getpwnam("postgres")
            except KeyError:
                self.error = "running as root and there is no 'postgres' user to run the server"
                return
            os.chown(self.dir, user.pw_uid, user.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]
        data, port = os.path.join(self.dir, "data"), _free_port()
        try:
            self._run(f"{self._bin}/initdb", "-D", data, "-A", "trust", "-U", "postgres",
                      "-E", "UTF8", "--no-locale", "--no-sync")
            opts = (f"-p {port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
                    "-c synchronous_commit=off -c full_page_writes=off")
            self._run(f"{self._bin}/pg_ctl", "-D", data, "-l", os.path.join(self.dir, "log"),
                      "-o", opts, "-W", "start")
        except (OSError, subprocess.SubprocessError) as err:
            detail = getattr(err, "stderr", "") or ""
            self.error = f"PostgreSQL could not be started: {err} {detail.strip()[-300:]}"
            return
        deadline = time.monotonic() + READY_TIMEOUT_S
        while True:   # readiness by polling, not by a fixed sleep
            ready = self._run(f"{self._bin}/pg_isready", "-h", "127.0.0.1", "-p", str(port),
                              "-q", check=False)
            if ready.returncode == 0:
                break
            if time.monotonic() > deadline:
                self.error = f"PostgreSQL did not become ready in {READY_TIMEOUT_S} s: {self.log()}"
                self.stop()
                return
            time.sleep(0.05)
        self.url = f"postgresql://postgres@127.0.0.1:{port}/postgres"
        atexit.register(self.stop)

    def log(self) -> str:
        try:
            with open(os.path.join(self.dir, "log"), encoding="utf-8", errors="replace") as f:
                return f.read()[-500:]
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        if self.dir and os.path.isdir(os.path.join(self.dir, "data")):
            self._run(f"{self._bin}/pg_ctl", "-D", os.path.join(self.dir, "data"),
                      "-m", "immediate", "-w", "stop", check=False)
        if self.dir:
            shutil.rmtree(self.dir, ignore_errors=True)
        self.dir = None
        self.url = None

    def database(self) -> str:
        """A new empty database's URL."""
        import psycopg

        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url.rsplit("/", 1)[0] + f"/{name}"

    def drop(self, url: str) -> None:
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")


_SERVER: Optional[PgServer] = None


@pytest.fixture(scope="session")
def postgres_server():
    global _SERVER
    if _SERVER is None:
        try:
            import psycopg  # noqa: F401
        except ImportError:
            pytest.skip("psycopg is not installed (pip install -r requirements.txt)")
        _SERVER = PgServer()
        _SERVER.start()
    if _SERVER.error:
        pytest.skip(_SERVER.error)
    yield _SERVER
    _SERVER.stop()


@pytest.fixture
def pg_url(postgres_server):
    url = postgres_server.database()
    yield url
    postgres_server.drop(url)


# --- PostgreSQL-only behaviour (the shared store tests run in test_store.py) ----------

def test_server_is_real_and_private(postgres_server):
    import psycopg

    with psycopg.connect(postgres_server.url) as conn:
        assert conn.execute("SHOW listen_addresses").fetchone()[0] == "127.0.0.1"
        assert conn.execute("SELECT version()").fetchone()[0].startswith("PostgreSQL")


def test_store_from_environment_url(pg_url, monkeypatch):
    from store import Store

    monkeypatch.setenv("LAGEBILD_DB", pg_url)
    store = Store()
    assert store.backend == "postgresql" and store.is_empty()
    assert repr(store) == f"Store({pg_url!r})"


def test_password_is_hidden_in_the_label():
    from store.db import resolve_path

    url = resolve_path("postgresql://lagebild:s3cret@db.example:5432/lagebild")
    assert "s3cret" not in url.label and "s3cret" in str(url)


def test_unreachable_server_is_a_store_error():
    from records.errors import StoreError
    from store import Store

    with pytest.raises(StoreError, match=r"cannot open event store 'postgresql://nobody@127\.0\.0\.1:1/x'"):
        Store(f"postgresql://nobody@127.0.0.1:1/x", busy_timeout=1)


def test_float_columns_keep_full_precision(pg_url):
    from store import Store
    from test_export import DOCS

    store = Store(pg_url)
    store.ingest(DOCS[0], "text")
    store.ingest(DOCS[1], "text 2")
    assert {e["id"]: e["confidence"] for e in store.events()} == \
        {e["id"]: e["confidence"] for d in DOCS for e in d["events"]}


def test_batch_ingest_into_postgres_matches_sqlite(pg_url, tmp_path):
    from ingest import batch
    from store import Store
    from test_batch import short_documents, stored_events, write_jsonl

    src = write_jsonl(tmp_path / "in.jsonl", short_documents(4))
    results = []
    for target in (str(tmp_path / "s.sqlite3"), pg_url):
        store = Store(target)
        stats = batch.ingest(batch.Options(paths=[src], store=store))
        assert (stats.new, stats.failed) == (4, [])
        assert batch.ingest(batch.Options(paths=[src], store=store)).skipped == 4
        results.append(stored_events(store))
    assert results[0] == results[1] and results[0]


def test_cluster_workers_write_into_postgres(pg_url, tmp_path):
    """--workers-write on a Dask LocalCluster: the workers store into PostgreSQL
    themselves, concurrently, and the events equal the single-process SQLite run."""
    from ingest import batch
    from store import Store
    from test_batch import short_documents, stored_events, write_jsonl

    src = write_jsonl(tmp_path / "in.jsonl", short_documents(6))
    ref = Store(tmp_path / "ref.sqlite3")
    batch.ingest(batch.Options(paths=[src], store=ref))
    store = Store(pg_url)
    stats = batch.ingest(batch.Options(paths=[src], store=store, scheduler="local", jobs=2,
                                       chunk_size=1, workers_write=True))
    assert (stats.new, stats.failed) == (6, [])
    assert stored_events(store) == stored_events(ref)
