"""Lagebild's event store: one SQLite file (WAL, mode 0600) or a PostgreSQL
database, migrations, idempotent ingest, analyst edits that survive re-ingest,
filtered queries (filtering happens in the database).

>>> s = Store(tmp_path / "x.sqlite3")            # doctest: +SKIP
>>> s.ingest(document_dict, text)                # doctest: +SKIP
>>> s.events(EventFilter(types=("meeting",)))    # doctest: +SKIP

Each call opens its own short-lived connection, so one ``Store`` may be
shared between threads (Streamlit sessions).
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Optional, Union

from records.errors import LagebildError

from store import changes, contradictions, db, happening_keys, happenings, history, query, runs
from store.ingest import content_hash, ingest_document, known_hashes, record_edit
from store.query import EventFilter
from store.runs import IngestRun

__all__ = ["EventFilter", "IngestRun", "Store", "Writer", "content_hash"]


class Writer:
    """Writes over one connection held open for a whole batch run (see
    :meth:`Store.writer`): saves opening and closing -- and, on SQLite, the
    checkpoint at every close -- per chunk. Still one transaction per document.

    :attr:`tally` counts the events ``added``, ``changed`` and ``removed`` by all
    documents written so far, :attr:`last` those of the latest one."""

    def __init__(self, conn):
        self._conn = conn
        self.tally: dict[str, int] = {"added": 0, "changed": 0, "removed": 0}
        self.last: dict[str, int] = {}

    def ingest_each(self, pairs: Iterable[tuple[Mapping[str, Any], Optional[str]]]
                    ) -> Iterator[Union[str, LagebildError]]:
        """Ingest ``(document, text)`` pairs (one transaction each); yields each
        one's status, or the LagebildError that refused it."""
        for document, text in pairs:
            self.last = {}
            try:
                status = ingest_document(self._conn, document, text, tally=self.last)[1]
            except LagebildError as err:
                self.last = {}
                yield err
                continue
            for key, n in self.last.items():
                self.tally[key] = self.tally.get(key, 0) + n
            yield status

    def known_hashes(self, digests: Iterable[str]) -> set[str]:
        return known_hashes(self._conn, digests)


class Store:
    """The event store at *path* (else ``$LAGEBILD_DB``, else ``./var/lagebild.sqlite3``).

    *path* is a file path, ``sqlite:///path`` or ``postgresql://...``.
    *busy_timeout* is how long (seconds) a write waits for another writer's
    lock before it fails with a StoreError saying the store is locked.
    """

    def __init__(self, path: Union[str, os.PathLike, None] = None, *,
                 busy_timeout: float = db.BUSY_TIMEOUT_S):
        self.path: Union[Path, db.DatabaseURL] = db.resolve_path(path)
        self.timeout = busy_timeout
        self.schema_version = db.initialise(self.path, busy_timeout)
        with self._connect() as conn:      # a store upgraded to schema 6 or 7: once
            pending = {r[0] for r in conn.execute(
                "SELECT key FROM store_meta WHERE key IN "
                "('happening_keys_pending', 'happenings_pending')")}
            if "happening_keys_pending" in pending:
                happening_keys.fill_pending(conn)
            if "happenings_pending" in pending:
                happenings.assign_pending(conn)

    @property
    def backend(self) -> str:
        return "postgresql" if isinstance(self.path, db.DatabaseURL) else "sqlite"

    @property
    def label(self) -> str:
        """Where the store is, fit to show (a password in the URL is hidden)."""
        return db.label(self.path)

    def __repr__(self) -> str:
        return f"Store({self.label!r})"

    def _connect(self):
        return db.connection(self.path, self.timeout)

    # -- writing -------------------------------------------------------
    def ingest(self, document: Mapping[str, Any], text: Optional[str] = None,
               *, replace: bool = False, tally: Optional[dict[str, int]] = None
               ) -> tuple[int, str]:
        """Store one contract DOCUMENT; see :func:`store.ingest.ingest_document`."""
        with self._connect() as conn:
            return ingest_document(conn, document, text, replace=replace, tally=tally)

    def ingest_many(self, documents: Iterable[Mapping[str, Any]]) -> dict[str, int]:
        """Ingest several documents (one transaction each); counts by status."""
        counts: dict[str, int] = {"new": 0, "updated": 0, "unchanged": 0}
        with self._connect() as conn:
            for doc in documents:
                _, status = ingest_document(conn, doc, doc.get("text"))
                counts[status] += 1
        return counts

    def ingest_each(self, pairs: Iterable[tuple[Mapping[str, Any], Optional[str]]]
                    ) -> Iterator[Union[str, LagebildError]]:
        """Ingest ``(document, text)`` pairs over one connection (one transaction
        each); yields each one's status, or the LagebildError that refused it."""
        with self.writer() as writer:
            yield from writer.ingest_each(pairs)

    @contextlib.contextmanager
    def writer(self) -> Iterator[Writer]:
        """A :class:`Writer` on one connection, closed when the block ends."""
        with self._connect() as conn:
            yield Writer(conn)

    def has_content(self, document: Mapping[str, Any], text: Optional[str]) -> bool:
        digest = content_hash(document, text)
        with self._connect() as conn:
            return conn.execute("SELECT 1 FROM documents WHERE content_hash = ?",
                                [digest]).fetchone() is not None

    def known_hashes(self, digests: Iterable[str]) -> set[str]:
        """Those of *digests* (content hashes) already stored: one query per 500."""
        with self._connect() as conn:
            return known_hashes(conn, digests)

    def edit(self, event_id: str, changes: Mapping[str, Any],
             author: Optional[str] = None) -> int:
        """Record an analyst correction; see :func:`store.ingest.record_edit`."""
        with self._connect() as conn:
            return record_edit(conn, event_id, changes, author)

    # -- reading -------------------------------------------------------
    def events(self, f: EventFilter = EventFilter()) -> list[dict[str, Any]]:
        with self._connect() as conn:
            return query.query_events(conn, f)

    def happenings(self, f: EventFilter = EventFilter()) -> list[dict[str, Any]]:
        """One dict per happening with an event matching *f* (all its reports, not only
        the matching ones): its representative event's fields, ``happening_id``,
        ``event_ids``, ``source_count``, ``contradicted``, ``contradictions`` and
        ``sources`` (store.happenings, store.contradictions)."""
        with self._connect() as conn:
            return happenings.happening_dicts(conn, query.query_events(conn, f))

    def happening_sources(self, happening_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
        """Each happening's sources (doc_id, doc_date, title, url, lang, event_id and the
        values of the fields its reports disagree on), by happening id."""
        with self._connect() as conn:
            return {hid: contradictions.happening(hid, evs)["sources"]
                    for hid, evs in happenings.members(conn, happening_ids).items() if evs}

    def iter_events(self, f: EventFilter = EventFilter()) -> Iterator[dict[str, Any]]:
        """All events matching *f*, oldest first, read in batches (for downloads)."""
        with self._connect() as conn:
            yield from query.iter_events(conn, f)

    def count(self, f: EventFilter = EventFilter()) -> int:
        with self._connect() as conn:
            return query.count_events(conn, f)

    def event(self, event_id: str) -> Optional[dict[str, Any]]:
        with self._connect() as conn:
            return query.get_event(conn, event_id)

    def facets(self) -> dict[str, Any]:
        with self._connect() as conn:
            return query.facets(conn)

    def date_span(self, f: EventFilter = EventFilter()) -> dict[str, Any]:
        """First and last date, and the undated count, of the events matching *f*."""
        with self._connect() as conn:
            return query.date_span(conn, f)

    def sources(self, doc_ids: Iterable[str]) -> list[dict[str, Any]]:
        with self._connect() as conn:
            return query.sources(conn, list(doc_ids))

    def place_options(self, limit: int = 1000) -> list[dict[str, Any]]:
        with self._connect() as conn:
            return query.place_options(conn, limit)

    def places(self, doc_ids: Iterable[str] = ()) -> list[dict[str, Any]]:
        with self._connect() as conn:
            return query.place_mentions(conn, list(doc_ids))

    def documents(self) -> list[dict[str, Any]]:
        with self._connect() as conn:
            return query.documents(conn)

    def history(self, event_id: str) -> list[dict[str, Any]]:
        """Analyst edits and re-extractions of *event_id*, oldest first
        (:func:`store.history.event_history`)."""
        with self._connect() as conn:
            return history.event_history(conn, event_id)

    def changes_since(self, when: changes.When) -> list[dict[str, Any]]:
        """Events created, updated, edited or removed at or after *when* (a date, a
        datetime or ISO text; see :func:`store.changes.changes_since`)."""
        with self._connect() as conn:
            return changes.changes_since(conn, when)

    # -- ingest runs and watched folders ---------------------------------
    def record_run(self, run: IngestRun) -> int:
        with self._connect() as conn:
            return runs.record_run(conn, run)

    def runs(self, limit: int = 20) -> list[dict[str, Any]]:
        with self._connect() as conn:
            return runs.runs(conn, limit)

    def last_run(self) -> Optional[dict[str, Any]]:
        """The latest ingest run (:class:`store.runs.IngestRun` as a dict), or None."""
        with self._connect() as conn:
            return runs.last_run(conn)

    def seen_files(self, folder: str) -> dict[str, tuple[int, int, str]]:
        with self._connect() as conn:
            return runs.seen_files(conn, folder)

    def mark_seen(self, folder: str, files: Iterable[tuple[str, int, int, str]],
                  gone: Iterable[str] = ()) -> None:
        with self._connect() as conn:
            runs.mark_seen(conn, folder, files, gone)

    def revision(self) -> int:
        """A number that changes whenever anything is written (a cache key)."""
        with self._connect() as conn:
            return conn.execute("SELECT value FROM store_meta WHERE key = 'revision'").fetchone()[0]

    def is_empty(self) -> bool:
        with self._connect() as conn:
            return conn.execute("SELECT NOT EXISTS (SELECT 1 FROM documents)").fetchone()[0] == 1
