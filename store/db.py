"""Opening the store: SQLite file (WAL, mode 0600) or PostgreSQL server, migrations.

A store is named by a *database URL*: a plain path or ``sqlite:///path`` for
SQLite, ``postgresql://user@host:port/db`` (or ``postgres://``) for
PostgreSQL; else ``$LAGEBILD_DB``, else ``./var/lagebild.sqlite3``.

Both backends are reached through one small connection interface -- the
sqlite3 one: ``execute(sql, params)`` with ``?`` placeholders, rows indexable
by position and by name -- so ingest and queries are written once; the few
places where the SQL dialects differ ask ``conn.dialect``.
"""
from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import time
from pathlib import Path
from typing import Any, Iterator, Optional, Union
from urllib.parse import urlsplit, urlunsplit

from records.errors import StoreError
from store.schema import SCHEMA_VERSION, migrate

ENV_VAR = "LAGEBILD_DB"
DEFAULT_PATH = Path("var") / "lagebild.sqlite3"
BUSY_TIMEOUT_S = 30.0


class DatabaseURL(str):
    """A PostgreSQL URL (``str()`` is the full URL; :attr:`label` hides the password)."""

    @property
    def label(self) -> str:
        parts = urlsplit(self)
        if parts.password:
            netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
            return urlunsplit(parts._replace(netloc=netloc))
        return str(self)


def is_postgres(target: Any) -> bool:
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


def resolve_path(path: Union[str, os.PathLike, None] = None) -> Union[Path, DatabaseURL]:
    """The store: *path*, else ``$LAGEBILD_DB``, else ``./var/lagebild.sqlite3``.

    A SQLite store is returned as a Path, a PostgreSQL one as a DatabaseURL;
    ``str()`` of either gives it back to ``Store``.
    """
    chosen = path or os.environ.get(ENV_VAR) or DEFAULT_PATH
    if isinstance(chosen, str):
        if is_postgres(chosen):
            return DatabaseURL(chosen)
        if chosen.startswith("sqlite:///"):
            chosen = chosen[len("sqlite:///"):]   # sqlite:////abs, sqlite:///relative
        elif re.match(r"^[a-z][a-z0-9+]*://", chosen):
            raise StoreError(f"unsupported store URL {chosen.split('://')[0]}://...; "
                             "use a path, sqlite:///path or postgresql://...")
    return Path(chosen).expanduser()


def label(target: Union[Path, DatabaseURL]) -> str:
    return target.label if isinstance(target, DatabaseURL) else str(target)


# -- SQLite ---------------------------------------------------------------------------------

class SqliteConnection(sqlite3.Connection):
    dialect = "sqlite"
    errors: tuple = (sqlite3.Error,)
    begin_sql = "BEGIN IMMEDIATE"   # take the write lock at once: no upgrade deadlocks

    def lock(self, *keys: str) -> None:
        """Serialise writers on *keys*; BEGIN IMMEDIATE already serialises all writers."""


def _create_private(path: Path) -> None:
    """Create the folder (0700 when new) and an empty file with mode 0600; an
    existing file loses group/other bits but is never made writable."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    mode = os.stat(path).st_mode & 0o777
    if mode & 0o077:
        os.chmod(path, mode & 0o700)


def _sqlite_connect(path: Path, timeout: float) -> SqliteConnection:
    """A connection in autocommit mode (we issue BEGIN/COMMIT ourselves)."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=timeout,
                           check_same_thread=False, factory=SqliteConnection)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")   # per connection; with WAL: consistent, fast
    conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    return conn


def sqlite_reason(err: BaseException, path: Any, timeout: float = BUSY_TIMEOUT_S) -> str:
    """What went wrong, in words: read-only, locked, not a database, ..."""
    text = str(err)
    low = text.lower()
    if "readonly" in low or "read-only" in low:
        return f"the file (or its folder) is read-only: {text}"
    if "locked" in low or "busy" in low:
        return (f"the database is locked by another process or connection "
                f"(waited {timeout:g} s): {text}")
    if "not a database" in low or "malformed" in low:
        return f"the file is not a Lagebild database or is damaged: {text}"
    if isinstance(err, PermissionError):
        return f"permission denied: {err.strerror or text}"
    return text


# -- PostgreSQL ------------------------------------------------------------------------------

class _PgRow(tuple):
    """A row indexable by position and by column name, like ``sqlite3.Row``."""

    _index: dict[str, int] = {}

    def __getitem__(self, key):
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


def _pg_row_factory(cursor):
    names = [c.name for c in cursor.description or []]
    row_class = type("Row", (_PgRow,), {"_index": {n: i for i, n in enumerate(names)}})
    return lambda values: row_class(values)


class PgConnection:
    """psycopg 3 behind the sqlite3 interface: ``?`` placeholders, named rows."""

    dialect = "postgresql"
    begin_sql = "BEGIN"

    def __init__(self, raw):
        import psycopg

        self.raw = raw
        self.errors = (psycopg.Error,)

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def execute(self, sql: str, params=()):
        return self.raw.execute(self._sql(sql), tuple(params) if params else None)

    def executemany(self, sql: str, seq):
        seq = list(seq)
        cur = self.raw.cursor()
        if seq:
            cur.executemany(self._sql(sql), seq)
        return cur

    def lock(self, *keys: str) -> None:
        """Transaction-scoped advisory locks, so concurrent writers of one document queue."""
        for key in sorted(set(keys)):
            self.execute("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", (key,))

    def close(self) -> None:
        self.raw.close()


def _pg_connect(url: str, timeout: float) -> PgConnection:
    import psycopg

    raw = psycopg.connect(url, autocommit=True, row_factory=_pg_row_factory,
                          connect_timeout=max(1, int(timeout)))
    raw.execute(f"SET lock_timeout = '{int(timeout * 1000)}ms'")
    return PgConnection(raw)


# -- both ------------------------------------------------------------------------------------

def _errors() -> tuple:
    out: tuple = (sqlite3.Error, OSError)
    try:
        import psycopg
    except ImportError:
        return out
    return out + (psycopg.Error,)


def open_connection(target, timeout: float = BUSY_TIMEOUT_S):
    if isinstance(target, DatabaseURL):
        return _pg_connect(target, timeout)
    return _sqlite_connect(target, timeout)


def _switch_to_wal(conn, timeout: float) -> None:
    """``PRAGMA journal_mode = WAL``, retried until *timeout*.

    Changing the journal mode needs the file to itself, and SQLite answers
    "database is locked" at once, without its busy handler, when another
    process has the new file open at that moment (several workers opening
    one new store). So wait here as the busy timeout would elsewhere.
    """
    deadline = time.monotonic() + timeout
    pause = 0.005
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as err:
            low = str(err).lower()
            if ("locked" not in low and "busy" not in low) or time.monotonic() >= deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.2)


def initialise(target, timeout: float = BUSY_TIMEOUT_S) -> int:
    """Create the file if needed, switch on WAL, migrate. Returns the schema version."""
    try:
        if not isinstance(target, DatabaseURL):
            _create_private(target)
        conn = open_connection(target, timeout)
        try:
            if conn.dialect == "sqlite":
                _switch_to_wal(conn, timeout)
            version = migrate(conn)
        finally:
            conn.close()
    except _errors() as err:
        raise StoreError(f"cannot open event store {label(target)!r}: "
                         f"{sqlite_reason(err, target, timeout)}") from err
    if version > SCHEMA_VERSION:
        raise StoreError(f"event store {label(target)!r} has schema {version}, newer than "
                         f"this program's {SCHEMA_VERSION}")
    return version


@contextlib.contextmanager
def connection(target, timeout: float = BUSY_TIMEOUT_S) -> Iterator[Any]:
    """A connection for one call; database errors become StoreError naming the store."""
    try:
        conn = open_connection(target, timeout)
    except _errors() as err:
        raise StoreError(f"cannot open event store {label(target)!r}: "
                         f"{sqlite_reason(err, target, timeout)}") from err
    conn.target = target
    conn.timeout = timeout
    try:
        yield conn
    except StoreError:
        raise
    except _errors() as err:
        raise StoreError(f"event store {label(target)!r}: "
                         f"{sqlite_reason(err, target, timeout)}") from err
    finally:
        conn.close()


@contextlib.contextmanager
def transaction(conn) -> Iterator[Any]:
    """``BEGIN [IMMEDIATE]`` ... ``COMMIT``; any error rolls back, database errors
    become a StoreError naming the store and the reason."""
    where = label(getattr(conn, "target", "?"))
    try:
        conn.execute(conn.begin_sql)
    except conn.errors as err:
        raise StoreError(f"cannot write to event store {where!r}: "
                         f"{sqlite_reason(err, where, getattr(conn, 'timeout', BUSY_TIMEOUT_S))}") from err
    try:
        yield conn
        conn.execute("UPDATE store_meta SET value = value + 1 WHERE key = 'revision'")
        conn.execute("COMMIT")
    except conn.errors as err:
        _rollback(conn)
        raise StoreError(f"event store write failed ({where!r}): "
                         f"{sqlite_reason(err, where, getattr(conn, 'timeout', BUSY_TIMEOUT_S))}") from err
    except BaseException:
        _rollback(conn)
        raise


def _rollback(conn) -> None:
    try:
        conn.execute("ROLLBACK")
    except conn.errors:
        pass  # the transaction is already gone (e.g. the failed COMMIT ended it)


def file_mode(path: Optional[Path]) -> int:
    return os.stat(path).st_mode & 0o777 if path else 0
