"""Writing documents and analyst edits; one transaction per document or edit."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any, Iterable, Mapping, MutableMapping, Optional

from records.errors import InputError
from store import happenings
from store.db import transaction
from store.edits import check_changes
from store.explained import explained
from store.history import prior_events, stamp
from store.rows import EDITABLE_FIELDS, apply_edits, event_columns

_EVENT_COLUMNS = ("event_id", "type", "date_start", "date_end", "date_precision", "actors",
                  "location", "origin", "destination", "via", "modes", "cargo", "status",
                  "evidence", "start", "end", "confidence", "place_names", "country_codes",
                  "lat", "lon", "extra")


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def content_hash(document: Mapping[str, Any], text: Optional[str]) -> str:
    """sha256 of the input text and publication date (or of the document's JSON
    when the text is not at hand): the key that makes re-ingest idempotent."""
    if text is not None:
        basis = f"{text}\x00{document.get('doc_date') or ''}"
    else:
        basis = json.dumps(document, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()


def known_hashes(conn, digests: Iterable[str]) -> set[str]:
    """Those of *digests* (content hashes) already stored: one query per 500."""
    wanted = list(dict.fromkeys(digests))
    found: set[str] = set()
    for i in range(0, len(wanted), 500):
        part = wanted[i:i + 500]
        marks = ", ".join("?" for _ in part)
        found.update(r[0] for r in conn.execute(
            f"SELECT content_hash FROM documents WHERE content_hash IN ({marks})", part))
    return found


def _edits_for(conn, event_id: str) -> list[tuple[str, Any]]:
    return _edits_by_event(conn, [event_id]).get(event_id, [])


def _edits_by_event(conn, event_ids: list[str]) -> dict[str, list[tuple[str, Any]]]:
    """Each event's edits ``(field, value)`` in the order made: one query per 500 ids."""
    out: dict[str, list[tuple[str, Any]]] = {}
    for i in range(0, len(event_ids), 500):
        part = event_ids[i:i + 500]
        marks = ", ".join("?" for _ in part)
        for r in conn.execute(f"SELECT event_id, field, value FROM edits WHERE event_id IN "
                              f"({marks}) ORDER BY id", part):
            out.setdefault(r["event_id"], []).append(
                (r["field"], json.loads(r["value"]) if r["value"] is not None else None))
    return out


_EVENT_BATCH = 100   # events per INSERT statement (bound parameters stay far below limits)


def check_event_ids(originals: Iterable[Mapping[str, Any]]) -> None:
    for ev in originals:
        if not ev.get("id"):
            raise InputError(f"event without an id: {str(ev.get('evidence'))[:60]!r}")


def _insert_events(conn, document_row: int, originals: list[Mapping[str, Any]],
                   stamps: Mapping[str, tuple[str, str]], dumped: Mapping[str, str]
                   ) -> list[tuple[int, int, dict, bool]]:
    """The document's events (current values: stored edits replayed; *stamps*: each
    one's created and updated; *dumped*: each one's JSON) and their evidence spans, in
    a few multi-row statements instead of one per row. Returns ``(row id, document row,
    current event, rejected)`` of each (what store.happenings assigns)."""
    out: list[tuple[int, int, dict, bool]] = []
    edits = _edits_by_event(conn, [str(ev["id"]) for ev in originals])
    names = ", ".join(f'"{c}"' for c in _EVENT_COLUMNS)
    one = "(" + ", ".join("?" for _ in range(len(_EVENT_COLUMNS) + 6)) + ")"
    for i in range(0, len(originals), _EVENT_BATCH):
        part = originals[i:i + _EVENT_BATCH]
        params: list[Any] = []
        now: dict[str, tuple[dict, bool]] = {}
        for original in part:
            eid = str(original["id"])
            current, reviewed, rejected = apply_edits(original, edits.get(eid, []))
            now[eid] = (current, rejected)
            cols = event_columns(current)
            created, updated = stamps[eid]
            params += [document_row, *[cols[c] for c in _EVENT_COLUMNS],
                       dumped[eid], int(reviewed), int(rejected),
                       created, updated]
        rows = conn.execute(
            f"INSERT INTO events (document_id, {names}, original_json, reviewed, rejected, "
            "created, updated) "
            f"VALUES {', '.join([one] * len(part))} RETURNING id, event_id", params).fetchall()
        row_of = {r["event_id"]: r["id"] for r in rows}
        out += [(row_of[eid], document_row, current, rejected)
                for eid, (current, rejected) in now.items()]
        evidence = []
        for original in part:
            row = row_of[str(original["id"])]
            spans = original.get("evidence_spans") or []
            if not spans:
                evidence.append((row, original.get("start"), original.get("end"),
                                 original.get("evidence") or ""))
            evidence += [(row, span[0], span[1], None) for span in spans]
        conn.executemany('INSERT INTO evidence (event_row, start, "end", text) '
                         "VALUES (?, ?, ?, ?)", evidence)
    return out


def ingest_document(conn, document: Mapping[str, Any], text: Optional[str] = None, *,
                    replace: bool = False, tally: Optional[MutableMapping[str, int]] = None
                    ) -> tuple[int, str]:
    """Store one contract DOCUMENT (and its text). Returns ``(row id, status)``.

    status is ``"unchanged"`` when the same text and date are already stored
    (nothing written), ``"updated"`` when a document with this id or content
    is replaced (its events are rebuilt; edits are replayed by event id), or
    ``"new"``. Everything happens in one transaction. Mentions that carry their
    explanation (``Document.to_dict(explain=True)``) give it to the events that name
    their places (store.explained); the mention rows keep the contract's fields.
    Each event's ``created`` and ``updated`` are carried over a re-ingest and what the
    re-extraction changed is logged (store.history); *tally* counts the events
    ``added``, ``changed`` and ``removed``.
    """
    doc_id = document.get("id")
    if not doc_id:
        raise InputError("document without an id")
    digest = content_hash(document, text)
    document = explained(document)   # each event with why its places were chosen
    with transaction(conn):
        conn.lock(f"doc:{doc_id}", f"hash:{digest}")
        same = conn.execute("SELECT id, content_hash FROM documents "
                            "WHERE content_hash = ? OR doc_id = ?", (digest, doc_id)).fetchall()
        found = next((r for r in same if r["content_hash"] == digest), None)
        if found and not replace:
            return found["id"], "unchanged"
        status = "new"
        replaced = sorted({r["id"] for r in same})
        prior = prior_events(conn, replaced)
        touched = happenings.of_documents(conn, replaced)   # their rows leave with them
        for old in replaced:
            conn.execute("DELETE FROM documents WHERE id = ?", (old,))
            status = "updated"
        now = _now()
        row_id = conn.execute(
            "INSERT INTO documents (doc_id, content_hash, title, url, lang, doc_date, "
            "doc_date_source, text, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (doc_id, digest, document.get("title"), document.get("url"), document.get("lang"),
             document.get("doc_date"), document.get("doc_date_source"), text,
             now)).fetchone()[0]
        conn.executemany(
            "INSERT INTO place_mentions (document_id, name, geonameid, lat, lon, country_code,"
            ' feature, text, start, "end", confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
            [(row_id, p.get("name"), p.get("geonameid"), p.get("lat"), p.get("lon"),
              p.get("country_code"), p.get("feature"), p.get("text"), p.get("start"),
              p.get("end"), p.get("confidence")) for p in document.get("places") or []])
        conn.executemany(
            'INSERT INTO timexes (document_id, text, start, "end", value, anchored, type) '
            "VALUES (?,?,?,?,?,?,?)",
            [(row_id, t.get("text"), t.get("start"), t.get("end"), t.get("value"),
              int(bool(t.get("anchored"))), t.get("type")) for t in document.get("timexes") or []])
        unique: dict[str, Mapping[str, Any]] = {}
        for event in document.get("events") or []:
            # the contract promises unique ids; tolerate duplicates (the first one counts)
            unique.setdefault(str(event.get("id")), event)
        originals = list(unique.values())
        check_event_ids(originals)
        counts: dict[str, int] = {}
        dumped = {str(ev["id"]): json.dumps(ev, ensure_ascii=False) for ev in originals}
        stamps = stamp(conn, prior if status == "updated" else None, originals, str(doc_id),
                       now, counts, dumped)
        stored = _insert_events(conn, row_id, originals, stamps, dumped)
        happenings.assign_rows(conn, stored, touched, fresh=True)
    if tally is not None:          # counted once committed
        for key, n in counts.items():
            tally[key] = tally.get(key, 0) + n
    return row_id, status


def record_edit(conn, event_id: str, changes: Mapping[str, Any],
                author: Optional[str] = None) -> int:
    """Append analyst *changes* ``{field: value}`` for *event_id* and rebuild the
    event's current row. Returns how many stored events were updated.

    The changes are checked first (store.edits.check_changes): a value that
    cannot stand raises InputError and nothing is written."""
    unknown = [f for f in changes if f not in EDITABLE_FIELDS]
    if unknown:
        raise InputError(f"cannot edit field(s) {', '.join(map(repr, unknown))}; "
                         f"editable: {', '.join(EDITABLE_FIELDS)}")
    with transaction(conn):
        rows = conn.execute("SELECT id, original_json FROM events WHERE event_id = ?",
                            (event_id,)).fetchall()
        if not rows:
            raise InputError(f"no event with id {event_id!r}")
        now, _, _ = apply_edits(json.loads(rows[0]["original_json"]), _edits_for(conn, event_id))
        changes = check_changes(now, changes)
        when = _now()
        conn.executemany(
            "INSERT INTO edits (event_id, field, value, created_at, author) VALUES (?,?,?,?,?)",
            [(event_id, f, json.dumps(v, ensure_ascii=False), when, author)
             for f, v in changes.items()] or [(event_id, "reviewed", "true", when, author)])
        edits = _edits_for(conn, event_id)
        for row in rows:
            current, reviewed, rejected = apply_edits(json.loads(row["original_json"]), edits)
            cols = event_columns(current)
            sets = ", ".join(f'"{c}" = ?' for c in _EVENT_COLUMNS)
            conn.execute(f"UPDATE events SET {sets}, reviewed = ?, rejected = ?, updated = ? "
                         "WHERE id = ?", (*[cols[c] for c in _EVENT_COLUMNS], int(reviewed),
                                          int(rejected), when, row["id"]))
        happenings.reassign_event(conn, event_id)   # what it says now, or split off
    return len(rows)
