"""What changed in the store since a moment: events created, updated by a
re-extraction, edited by an analyst, or removed by a re-extraction
(:func:`changes_since`, behind ``Store.changes_since`` and ``python -m ingest
--changes-since``)."""
from __future__ import annotations

import datetime as dt
import json
from typing import Any, Union

from records.errors import InputError
from store.history import event_history
from store.rows import row_to_event

When = Union[str, dt.date, dt.datetime]

_SELECT = ("SELECT e.*, d.doc_id, d.title, d.url, d.doc_date FROM events e "
           "JOIN documents d ON d.id = e.document_id")


def since_stamp(when: When) -> str:
    """*when* as the store writes moments (ISO-8601 UTC seconds, ``+00:00``): a date is
    its midnight UTC, a datetime without zone is taken as UTC. A text that is neither
    is an InputError naming it."""
    if isinstance(when, str):
        text = when.strip()
        try:
            when = (dt.date.fromisoformat(text) if len(text) == 10
                    else dt.datetime.fromisoformat(text.replace("Z", "+00:00")))
        except ValueError:
            raise InputError(f"changes since: {when!r} is not a date (YYYY-MM-DD) or an "
                             "ISO date and time") from None
    if not isinstance(when, dt.datetime):
        when = dt.datetime.combine(when, dt.time(0))
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return when.astimezone(dt.timezone.utc).isoformat(timespec="seconds")


def _touched(conn, since: str) -> set[str]:
    """Ids of events with a log entry or an edit since *since*."""
    # no DISTINCT: SQLite would walk the event_id index through the whole table for it
    ids = {r[0] for r in conn.execute("SELECT event_id FROM event_log WHERE at >= ?", (since,))}
    return ids | {r[0] for r in conn.execute(
        "SELECT event_id FROM edits WHERE created_at >= ?", (since,))}


def _removed_event(conn, event_id: str) -> dict[str, Any]:
    """The event as a re-extraction last removed it, with ``created`` and source id."""
    row = conn.execute("SELECT snapshot, doc_id FROM event_log WHERE event_id = ? AND "
                       "action = 'removed' ORDER BY id DESC LIMIT 1", (event_id,)).fetchone()
    snap = json.loads(row["snapshot"] or "{}") if row else {}
    event = dict(snap.get("event") or {"id": event_id})
    event.update(id=event_id, created=snap.get("created"), updated=None,
                 source_id=row["doc_id"] if row else None)
    return event


def changes_since(conn, when: When) -> list[dict[str, Any]]:
    """One dict per event that changed at or after *when*, ordered by its latest change:
    ``event_id``, ``change`` ("created" -- first stored then --, "updated" -- by a
    re-extraction --, "edited" -- by an analyst only --, or "removed"), ``at`` (the
    latest change), ``created``, ``updated``, ``event`` (its current values; for a
    removed one the values it had) and ``history``: the entries of
    :func:`store.history.event_history` since *when* (none for an event only created)."""
    since = since_stamp(when)
    current: dict[str, dict[str, Any]] = {}
    for row in conn.execute(f"{_SELECT} WHERE e.updated >= ? ORDER BY e.updated, e.id",
                            (since,)):
        current.setdefault(row["event_id"], row_to_event(row))
    touched = _touched(conn, since)
    for event_id in sorted(touched - set(current)):     # edited, or changed and removed again
        row = conn.execute(f"{_SELECT} WHERE e.event_id = ? ORDER BY e.id LIMIT 1",
                           (event_id,)).fetchone()
        if row is not None:
            current[event_id] = row_to_event(row)
    out = []
    for event_id, event in current.items():
        history = ([h for h in event_history(conn, event_id) if h["at"] >= since]
                   if event_id in touched else [])
        if (event.get("created") or "") >= since:
            change = "created"
        elif any(h["kind"] == "pipeline" for h in history):
            change = "updated"
        elif history:
            change = "edited"
        else:
            change = "updated"
        at = max([event.get("updated") or "", *(h["at"] for h in history)])
        out.append(_change(event_id, change, at, event, history))
    for event_id in sorted(touched - set(current)):
        history = [h for h in event_history(conn, event_id) if h["at"] >= since]
        event = _removed_event(conn, event_id)
        out.append(_change(event_id, "removed", max(h["at"] for h in history), event, history))
    out.sort(key=lambda c: (c["at"], c["event_id"]))
    return out


def _change(event_id: str, change: str, at: str, event: dict, history: list) -> dict[str, Any]:
    return {"event_id": event_id, "change": change, "at": at, "created": event.get("created"),
            "updated": event.get("updated"), "event": event, "history": history}
