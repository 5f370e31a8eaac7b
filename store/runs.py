"""Ingest runs and watched folders, as the store remembers them.

* :class:`IngestRun` -- one run of ``python -m ingest``, one poll of ``--watch`` that
  found something, one submission of the page's "Add articles": when, from where,
  which files, documents new / updated / unchanged, events added / changed / removed,
  and the errors. :func:`record_run` stores it, :func:`last_run` reads the latest
  (the page header shows it).
* The files a watched folder held when last read, by name with their modification
  time and size (:func:`seen_files`, :func:`mark_seen`), so an unchanged file is not
  read again, even after a restart.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable, Optional

from store.db import transaction

MAX_ERRORS = 100     # errors kept per run (all are counted)
COUNTS = ("docs_new", "docs_updated", "docs_unchanged", "events_added", "events_changed",
          "events_removed")


@dataclass
class IngestRun:
    started: str                         # ISO-8601 UTC seconds
    finished: str
    source: str                          # "python -m ingest", "watch DIR", "page", ...
    files: list[str] = field(default_factory=list)
    docs_new: int = 0
    docs_updated: int = 0
    docs_unchanged: int = 0
    events_added: int = 0
    events_changed: int = 0
    events_removed: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)   # (name, reason)
    n_errors: Optional[int] = None       # None: len(errors)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["n_errors"] = len(self.errors) if self.n_errors is None else self.n_errors
        return out


def record_run(conn, run: IngestRun) -> int:
    """Store *run* (the first :data:`MAX_ERRORS` errors, all counted); returns its id."""
    d = run.to_dict()
    with transaction(conn):
        return conn.execute(
            "INSERT INTO ingest_runs (started, finished, source, files, docs_new, docs_updated, "
            "docs_unchanged, events_added, events_changed, events_removed, n_errors, errors) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (d["started"], d["finished"], d["source"], json.dumps(d["files"], ensure_ascii=False),
             *[int(d[c]) for c in COUNTS], d["n_errors"],
             json.dumps([list(e) for e in d["errors"][:MAX_ERRORS]], ensure_ascii=False))
        ).fetchone()[0]


def _run(row) -> dict[str, Any]:
    out = {k: row[k] for k in ("id", "started", "finished", "source", *COUNTS, "n_errors")}
    out["files"] = json.loads(row["files"] or "[]")
    out["errors"] = [tuple(e) for e in json.loads(row["errors"] or "[]")]
    return out


def runs(conn, limit: int = 20) -> list[dict[str, Any]]:
    """The latest *limit* runs, newest first."""
    return [_run(r) for r in conn.execute("SELECT * FROM ingest_runs ORDER BY id DESC LIMIT ?",
                                          (int(limit),))]


def last_run(conn) -> Optional[dict[str, Any]]:
    found = runs(conn, 1)
    return found[0] if found else None


# -- watched folders -------------------------------------------------------------------------

def seen_files(conn, folder: str) -> dict[str, tuple[int, int, str]]:
    """``{name: (mtime_ns, size, first_seen)}`` of the files of *folder* read before."""
    return {r["name"]: (r["mtime_ns"], r["size"], r["first_seen"]) for r in conn.execute(
        "SELECT name, mtime_ns, size, first_seen FROM watch_files WHERE folder = ?", (folder,))}


def mark_seen(conn, folder: str, files: Iterable[tuple[str, int, int, str]],
              gone: Iterable[str] = ()) -> None:
    """Remember *files* ``(name, mtime_ns, size, first_seen)`` of *folder* as read, and
    forget those *gone* from it; one transaction."""
    files, gone = list(files), list(gone)
    if not files and not gone:
        return
    with transaction(conn):
        conn.executemany("DELETE FROM watch_files WHERE folder = ? AND name = ?",
                         [(folder, name) for name in gone + [f[0] for f in files]])
        conn.executemany("INSERT INTO watch_files (folder, name, mtime_ns, size, first_seen) "
                         "VALUES (?, ?, ?, ?, ?)", [(folder, *f) for f in files])
