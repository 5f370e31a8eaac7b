"""Event dict <-> events-table row, and applying analyst edits to an event."""
from __future__ import annotations

import json
import sqlite3
from typing import Any, Iterable, Mapping, Optional

from records.export import map_point
from records.errors import InputError
from records import precision
from records.model import EVENT_DERIVED_KEYS, EVENT_KEYS, MODALITY

# fields an analyst may correct, and "rejected"/"reviewed" flags
EDITABLE_FIELDS = ("type", "date_start", "date_end", "date_precision", "location",
                   "origin", "via", "destination", "actors", "cargo", "modes", "rejected",
                   "reviewed", "note", "happening")
# event keys with a column of their own; every other key (evidence_spans, highlights, ...)
# goes into the "extra" JSON column
_CONTRACT_KEYS = tuple(k for k in EVENT_KEYS
                       if k not in ("evidence_spans", "highlights") and k not in EVENT_DERIVED_KEYS)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _places(event: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    found = [event.get("location"), event.get("origin"), *(event.get("via") or []),
             event.get("destination")]
    return [p for p in found if p]


def apply_edits(original: Mapping[str, Any],
                edits: Iterable[tuple[str, Any]]) -> tuple[dict[str, Any], bool, bool]:
    """*original* with *edits* ``(field, value)`` applied in order.

    Returns ``(event, reviewed, rejected)``; any edit marks the event reviewed.
    """
    event = dict(original)
    reviewed = rejected = False
    edited: list[str] = []
    for field, value in edits:
        reviewed = True
        if field == "rejected":
            rejected = bool(value)
        elif field == "reviewed":
            reviewed = bool(value) or reviewed
        elif field in EDITABLE_FIELDS:
            event[field] = value
            if field not in edited:
                edited.append(field)
    if edited:
        event["edited_fields"] = edited
    return event, reviewed, rejected


def event_columns(event: Mapping[str, Any]) -> dict[str, Any]:
    """Column values of the events table for a (current) event dict."""
    if not event.get("id"):
        raise InputError("event without an id")
    point = map_point(event) or {}
    places = _places(event)
    extra = {k: v for k, v in event.items() if k not in _CONTRACT_KEYS and k not in EVENT_DERIVED_KEYS}
    return {
        "event_id": str(event["id"]),
        "type": str(event.get("type") or "event"),
        "date_start": event.get("date_start"),
        "date_end": event.get("date_end"),
        "date_precision": event.get("date_precision"),
        "actors": _dumps(list(event.get("actors") or [])),
        "location": _dumps(event["location"]) if event.get("location") else None,
        "origin": _dumps(event["origin"]) if event.get("origin") else None,
        "destination": _dumps(event["destination"]) if event.get("destination") else None,
        "via": _dumps(list(event.get("via") or [])),
        "modes": _dumps(list(event.get("modes") or [])),
        "cargo": event.get("cargo"),
        "status": event.get("status"),
        "evidence": event.get("evidence") or "",
        "start": event.get("start"),
        "end": event.get("end"),
        "confidence": float(event.get("confidence") or 0.0),
        "place_names": _dumps(sorted({str(p.get("name")) for p in places if p.get("name")})),
        "country_codes": _dumps(sorted({p["country_code"] for p in places
                                        if p.get("country_code")})),
        "lat": point.get("lat"),
        "lon": point.get("lon"),
        "extra": _dumps(extra),
    }


def _loads(text: Optional[str], default: Any) -> Any:
    return json.loads(text) if text else default


def row_to_event(row: sqlite3.Row) -> dict[str, Any]:
    """A contract EVENT dict (current values) plus source, review and history fields."""
    event: dict[str, Any] = {
        "id": row["event_id"],
        "type": row["type"],
        "date_start": row["date_start"],
        "date_end": row["date_end"],
        "date_precision": row["date_precision"],
        "actors": _loads(row["actors"], []),
        "location": _loads(row["location"], None),
        "origin": _loads(row["origin"], None),
        "destination": _loads(row["destination"], None),
        "via": _loads(row["via"], []),
        "modes": _loads(row["modes"], []),
        "cargo": row["cargo"],
        "status": row["status"],
        "evidence": row["evidence"],
        "start": row["start"],
        "end": row["end"],
        "confidence": row["confidence"],
    }
    event["modality"] = MODALITY.get(event["status"], event["status"])
    event.update(precision.codes(event))  # computed on read: an edited place or date counts at once
    for key, value in _loads(row["extra"], {}).items():
        event.setdefault(key, value)
    event["source_id"] = row["doc_id"]
    event["source_title"] = row["title"]
    event["source_url"] = row["url"]
    event["doc_date"] = row["doc_date"]
    event["review_status"] = ("rejected" if row["rejected"] else
                              "reviewed" if row["reviewed"] else "unreviewed")
    event["created"] = row["created"]      # first stored / last changed (store.history)
    event["updated"] = row["updated"]
    keys = row.keys()
    if "happening_id" in keys:             # the happening it is in (store.happenings)
        event["happening_id"] = row["happening_id"]
    if "source_count" in keys:
        event["source_count"] = int(row["source_count"] or 1)
        event["contradicted"] = bool(row["contradicted"])
    return event
