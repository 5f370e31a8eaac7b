"""Opening the SQLite file: where it lives, its permissions, WAL, migrations."""
from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import Iterator, Optional, Union

from geo.errors import StoreError
from store.schema import SCHEMA_VERSION, migrate

ENV_VAR = "LAGEBILD_DB"
DEFAULT_PATH = Path("var") / "lagebild.sqlite3"


def resolve_path(path: Union[str, os.PathLike, None] = None) -> Path:
    """The database file: *path*, else ``$LAGEBILD_DB``, else ``./var/lagebild.sqlite3``."""
    chosen = path or os.environ.get(ENV_VAR) or DEFAULT_PATH
    return Path(chosen).expanduser()


def _create_private(path: Path) -> None:
    """Create the folder (0700 when new) and an empty file with mode 0600."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    os.chmod(path, 0o600)


def open_connection(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode (we issue BEGIN/COMMIT ourselves)."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=30,
                           check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 30000")
    return conn


def initialise(path: Path) -> int:
    """Create the file if needed, switch on WAL, migrate. Returns the schema version."""
    try:
        _create_private(path)
        conn = open_connection(path)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            version = migrate(conn)
        finally:
            conn.close()
    except (OSError, sqlite3.Error) as err:
        raise StoreError(f"cannot open event store {str(path)!r}: {err}") from err
    if version > SCHEMA_VERSION:
        raise StoreError(f"event store {str(path)!r} has schema {version}, newer than "
                         f"this program's {SCHEMA_VERSION}")
    return version


@contextlib.contextmanager
def connection(path: Path) -> Iterator[sqlite3.Connection]:
    try:
        conn = open_connection(path)
    except sqlite3.Error as err:
        raise StoreError(f"cannot open event store {str(path)!r}: {err}") from err
    try:
        yield conn
    finally:
        conn.close()


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``; any error rolls back and becomes StoreError."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except sqlite3.Error as err:
        conn.execute("ROLLBACK")
        raise StoreError(f"event store write failed: {err}") from err
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("UPDATE store_meta SET value = value + 1 WHERE key = 'revision'")
        conn.execute("COMMIT")


def file_mode(path: Optional[Path]) -> int:
    return os.stat(path).st_mode & 0o777 if path else 0
