"""Schema of the event store as numbered migrations (applied in order, once)."""
from __future__ import annotations

import datetime as dt
import re
import sqlite3

MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "initial", """
    CREATE TABLE documents (
        id              INTEGER PRIMARY KEY,
        doc_id          TEXT NOT NULL UNIQUE,      -- the contract's document id
        content_hash    TEXT NOT NULL UNIQUE,      -- sha256 of text + publication date
        title           TEXT,
        url             TEXT,
        lang            TEXT,
        doc_date        TEXT,
        doc_date_source TEXT,
        text            TEXT,
        ingested_at     TEXT NOT NULL
    );
    CREATE TABLE place_mentions (
        id           INTEGER PRIMARY KEY,
        document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        name TEXT NOT NULL, geonameid INTEGER, lat REAL, lon REAL,
        country_code TEXT, feature TEXT,
        text TEXT, start INTEGER, "end" INTEGER, confidence REAL
    );
    CREATE INDEX place_mentions_doc ON place_mentions(document_id);
    CREATE TABLE timexes (
        id           INTEGER PRIMARY KEY,
        document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        text TEXT, start INTEGER, "end" INTEGER, value TEXT, anchored INTEGER, type TEXT
    );
    CREATE INDEX timexes_doc ON timexes(document_id);
    -- One row per extracted event holding its *current* values: what the
    -- pipeline said with the analyst's edits replayed on top. The pipeline's
    -- own version is kept in original_json.
    CREATE TABLE events (
        id             INTEGER PRIMARY KEY,
        event_id       TEXT NOT NULL,              -- the contract's stable id
        document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        type           TEXT NOT NULL,
        date_start     TEXT,
        date_end       TEXT,
        date_precision TEXT,
        actors         TEXT NOT NULL DEFAULT '[]', -- JSON list
        location       TEXT,                       -- JSON PLACE or NULL
        origin         TEXT,
        destination    TEXT,
        via            TEXT NOT NULL DEFAULT '[]',
        modes          TEXT NOT NULL DEFAULT '[]',
        cargo          TEXT,
        status         TEXT,
        evidence       TEXT NOT NULL DEFAULT '',
        start          INTEGER,
        "end"          INTEGER,
        confidence     REAL NOT NULL DEFAULT 0,
        place_names    TEXT NOT NULL DEFAULT '[]', -- JSON list, for filtering
        country_codes  TEXT NOT NULL DEFAULT '[]', -- JSON list, for filtering
        lat REAL, lon REAL,                        -- the map point
        extra          TEXT NOT NULL DEFAULT '{}', -- fields beyond the contract
        original_json  TEXT NOT NULL,
        reviewed       INTEGER NOT NULL DEFAULT 0,
        rejected       INTEGER NOT NULL DEFAULT 0,
        UNIQUE (document_id, event_id)
    );
    CREATE INDEX events_dates ON events(date_start, date_end);
    CREATE INDEX events_type ON events(type);
    CREATE INDEX events_event_id ON events(event_id);
    CREATE TABLE evidence (
        id         INTEGER PRIMARY KEY,
        event_row  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        start INTEGER, "end" INTEGER, text TEXT
    );
    CREATE INDEX evidence_event ON evidence(event_row);
    -- Analyst corrections, append-only, keyed by the event's stable id (no
    -- foreign key) so they outlive a re-ingest of the document.
    CREATE TABLE edits (
        id         INTEGER PRIMARY KEY,
        event_id   TEXT NOT NULL,
        field      TEXT NOT NULL,
        value      TEXT,                            -- JSON
        created_at TEXT NOT NULL,
        author     TEXT
    );
    CREATE INDEX edits_event ON edits(event_id, field, id);
    """),
    (2, "revision counter", """
    -- bumped by every write transaction; readers use it as a cache key
    CREATE TABLE store_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
    INSERT INTO store_meta VALUES ('revision', 0);
    """),
    (3, "indexes for filtering at scale", """
    -- the date window compares COALESCE(start, end) / COALESCE(end, start)
    CREATE INDEX events_when ON events ((COALESCE(date_start, date_end)));
    CREATE INDEX events_until ON events ((COALESCE(date_end, date_start)));
    CREATE INDEX events_confidence ON events (confidence);
    CREATE INDEX documents_date ON documents (doc_date, doc_id);
    """),
    (4, "geocode cache", """
    -- answers of the optional online geocoder (geo.online via store.geocache), found and
    -- not found, by query key; not event data, so writes do not bump the revision
    CREATE TABLE geocode_cache (
        key        TEXT PRIMARY KEY,   -- service|language|filter|name (geo.online.OnlineGeocoder.key)
        value      TEXT NOT NULL,      -- JSON {"place": PLACE or null}
        created_at TEXT NOT NULL
    );
    """),
    (5, "event history", """
    -- when each event row was first stored and when its values last changed (ISO-8601
    -- UTC seconds): carried over when its document is re-ingested (store.history)
    ALTER TABLE events ADD COLUMN created TEXT;
    ALTER TABLE events ADD COLUMN updated TEXT;
    UPDATE events SET created = (SELECT d.ingested_at FROM documents d
                                 WHERE d.id = events.document_id);
    UPDATE events SET updated = COALESCE(
        (SELECT MAX(x.created_at) FROM edits x
         WHERE x.event_id = events.event_id AND x.created_at > events.created), created);
    CREATE INDEX events_updated ON events (updated);
    -- what re-extractions did to events, keyed by the stable id (no foreign key, like
    -- edits): "changed" {field: [old, new]}, "added", "removed" (snapshot: the event
    -- as it was, and its created). Analyst edits stay in the edits table.
    CREATE TABLE event_log (
        id         INTEGER PRIMARY KEY,
        event_id   TEXT NOT NULL,
        doc_id     TEXT,
        action     TEXT NOT NULL,
        changes    TEXT NOT NULL DEFAULT '{}',
        snapshot   TEXT,
        at         TEXT NOT NULL,
        author     TEXT NOT NULL DEFAULT 'pipeline',
        after_edit INTEGER              -- edits.id of the latest edit then: orders the two
    );
    CREATE INDEX event_log_event ON event_log (event_id, id);
    CREATE INDEX event_log_at ON event_log (at);
    CREATE INDEX edits_at ON edits (created_at);
    -- one row per ingest run (python -m ingest, --watch polls, the page's uploads)
    CREATE TABLE ingest_runs (
        id             INTEGER PRIMARY KEY,
        started        TEXT NOT NULL,
        finished       TEXT NOT NULL,
        source         TEXT NOT NULL,
        files          TEXT NOT NULL DEFAULT '[]',     -- JSON list of names
        docs_new       INTEGER NOT NULL DEFAULT 0,
        docs_updated   INTEGER NOT NULL DEFAULT 0,
        docs_unchanged INTEGER NOT NULL DEFAULT 0,
        events_added   INTEGER NOT NULL DEFAULT 0,
        events_changed INTEGER NOT NULL DEFAULT 0,
        events_removed INTEGER NOT NULL DEFAULT 0,
        n_errors       INTEGER NOT NULL DEFAULT 0,
        errors         TEXT NOT NULL DEFAULT '[]'      -- JSON [[name, reason], ...], the first 100
    );
    -- files a watched folder held when last read (python -m ingest --watch), so that
    -- an unchanged file is not read again; first_seen dates a document that has no date
    CREATE TABLE watch_files (
        folder     TEXT NOT NULL,
        name       TEXT NOT NULL,
        mtime_ns   BIGINT NOT NULL,
        size       BIGINT NOT NULL,
        first_seen TEXT NOT NULL,
        PRIMARY KEY (folder, name)
    );
    """),
    (6, "happenings", """
    -- cross-article merging (store.happenings): reports of one happening in many
    -- documents. A happening's profile is what new reports are matched against (its
    -- first report's type, status, dates and places; all its reports' actors and cargo
    -- words, JSON: store.matching.Profile); its summary (source_count, contradicted,
    -- contradictions, from the tally of its members' values: store.contradictions) is
    -- kept up to date as members come and go. split = 1: an analyst took its one event
    -- out of another happening.
    CREATE TABLE happenings (
        happening_id   TEXT PRIMARY KEY,
        type           TEXT NOT NULL,
        profile        TEXT NOT NULL,
        split          INTEGER NOT NULL DEFAULT 0,
        source_count   INTEGER NOT NULL DEFAULT 1,
        contradicted   INTEGER NOT NULL DEFAULT 0,
        contradictions TEXT NOT NULL DEFAULT '{}',  -- {field: [{value, count}]}
        tally          TEXT NOT NULL DEFAULT '{}'   -- {field: {value: [value, obj, width, n]}}
    ) WITHOUT ROWID;
    -- each stored event row in exactly one happening; gone with its row
    CREATE TABLE happening_members (
        event_row    INTEGER NOT NULL PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
        happening_id TEXT NOT NULL REFERENCES happenings(happening_id) ON DELETE CASCADE
    );
    CREATE INDEX happening_members_happening ON happening_members (happening_id);
    -- where candidates are found: one row per week of the profile's dates and country
    -- of its places (week: datetime.date.toordinal() // 7)
    CREATE TABLE happening_keys (
        happening_id TEXT NOT NULL REFERENCES happenings(happening_id) ON DELETE CASCADE,
        type         TEXT NOT NULL,
        country      TEXT NOT NULL,
        week         INTEGER NOT NULL,
        PRIMARY KEY (type, country, week, happening_id)
    ) WITHOUT ROWID;
    CREATE INDEX happening_keys_happening ON happening_keys (happening_id);
    -- a store upgraded with events in it assigns them once, when next opened (Store())
    INSERT INTO store_meta SELECT 'happenings_pending', 1 WHERE EXISTS (SELECT 1 FROM events);
    """),
    (7, "happening_key_days", """
    -- what of a happening's profile never changes and the merge tests first, on each of
    -- its key rows, so that candidates are filtered in SQL before their profiles are
    -- read (store.happening_keys): status ('' for none), first and last day of its span
    -- (datetime.date.toordinal()). Rows of an older store are filled from the profiles
    -- once, when it is next opened (Store()).
    ALTER TABLE happening_keys ADD COLUMN status TEXT NOT NULL DEFAULT '';
    ALTER TABLE happening_keys ADD COLUMN first_day INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE happening_keys ADD COLUMN last_day INTEGER NOT NULL DEFAULT 0;
    INSERT INTO store_meta SELECT 'happening_keys_pending', 1
        WHERE EXISTS (SELECT 1 FROM happening_keys);
    """),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]


def _statements(sql: str) -> list[str]:
    """Split a script into statements with SQLite's own tokenizer (comments may hold ';')."""
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip() and not all(l.strip().startswith("--") or not l.strip()
                               for l in buf.splitlines()):
        raise ValueError(f"incomplete SQL statement in migration: {buf.strip()[:60]!r}")
    return out


def for_dialect(sql: str, dialect: str) -> str:
    """The migration's SQL (written for SQLite) for *dialect*: on PostgreSQL,
    identity keys and 8-byte floats; no ``WITHOUT ROWID`` (a SQLite table layout)."""
    if dialect != "postgresql":
        return sql
    sql = sql.replace(") WITHOUT ROWID;", ");")
    sql = sql.replace("INTEGER PRIMARY KEY", "INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")
    return re.sub(r"\bREAL\b", "DOUBLE PRECISION", sql)


def current_version(conn) -> int:
    conn.execute("""CREATE TABLE IF NOT EXISTS schema_migrations (
                        version INTEGER PRIMARY KEY, name TEXT NOT NULL,
                        applied_at TEXT NOT NULL)""")
    row = conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
    return row[0] or 0


def _applied(conn) -> int:
    row = conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
    return row[0] or 0


def migrate(conn) -> int:
    """Apply pending migrations, each in its own transaction. Returns the version.

    Safe when several processes open a new store at once: each migration
    re-reads the version inside its (write-locked) transaction.
    """
    dialect = getattr(conn, "dialect", "sqlite")
    begin = "BEGIN" if dialect == "postgresql" else "BEGIN IMMEDIATE"
    if dialect == "postgresql":
        conn.execute("BEGIN")
        conn.execute("SELECT pg_advisory_xact_lock(7415)")   # CREATE TABLE IF NOT EXISTS races
        version = current_version(conn)
        conn.execute("COMMIT")
    else:
        version = current_version(conn)
    for number, name, sql in MIGRATIONS:
        if number <= version:
            continue
        conn.execute(begin)
        try:
            if dialect == "postgresql":
                conn.execute("SELECT pg_advisory_xact_lock(7415)")
            if _applied(conn) >= number:      # another process was first
                conn.execute("ROLLBACK")
                version = number
                continue
            for statement in _statements(for_dialect(sql, dialect)):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                         (number, name, dt.datetime.now(dt.timezone.utc).isoformat()))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        version = number
    return version
