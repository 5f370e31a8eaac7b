"""Pure writers of the "changes since" export and the words of an event's history.

Input: the change dicts of ``store.changes.changes_since`` (``event_id``, ``change``,
``at``, ``created``, ``updated``, ``event``, ``history``) and the history entries of
``store.history.event_history`` (``at``, ``author``, ``kind``, ``action``, ``field``,
``old``, ``new``). The CSV has :data:`CHANGE_COLUMNS` first, then the contract's event
columns (``records.export.event_row``), so it joins the ordinary export on
``event_id``; every cell is spreadsheet-safe (``records.export.safe_cell``).
"""
from __future__ import annotations

import csv
import io
import json
from typing import Any, Iterable, Mapping, Optional

from records.export import CSV_COLUMNS, event_row, safe_cell

CHANGE_COLUMNS: tuple[str, ...] = ("change", "changed_at", "created", "updated", "who", "what")
NONE = "(none)"
ACTION_WORDS = {"added": "added by a re-extraction", "removed": "removed by a re-extraction"}


def value_text(value: Any, limit: Optional[int] = None) -> str:
    """A stored value in words: a place by its name, lists joined, None as "(none)",
    true/false as yes/no; cut to *limit* characters (with "…") when given."""
    if value is None or value == [] or value == "":
        text = NONE
    elif isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, Mapping):
        text = str(value.get("name") or json.dumps(value, ensure_ascii=False, sort_keys=True))
    elif isinstance(value, (list, tuple)):
        text = ", ".join(value_text(v) for v in value)
    else:
        text = str(value)
    if limit is not None and len(text) > limit:
        text = text[:max(limit - 1, 0)] + "…"
    return text


def entry_text(entry: Mapping[str, Any], limit: Optional[int] = None) -> str:
    """What one history entry did: ``field: old -> new``, or "added/removed by a
    re-extraction", or ``reviewed`` for a confirmation without change."""
    if entry.get("field") is None:
        return ACTION_WORDS.get(entry.get("action"), str(entry.get("action")))
    field = entry["field"]
    if field == "reviewed" and entry.get("kind") == "edit":
        return "confirmed as it is" if entry.get("new") else "marked unreviewed"
    return (f"{field}: {value_text(entry.get('old'), limit)} -> "
            f"{value_text(entry.get('new'), limit)}")


def change_row(change: Mapping[str, Any]) -> dict[str, Any]:
    """One CSV row (raw values) for one change."""
    history = change.get("history") or []
    who = list(dict.fromkeys(str(h.get("author") or "analyst") for h in history))
    what = [entry_text(h) for h in history]
    if not what:
        what = ["first stored" if change.get("change") == "created" else change.get("change")]
    row = {"change": change.get("change"), "changed_at": change.get("at"),
           "created": change.get("created"), "updated": change.get("updated"),
           "who": "; ".join(who) or "pipeline", "what": "; ".join(str(w) for w in what)}
    row.update(event_row(change.get("event") or {"id": change.get("event_id")}))
    row["event_id"] = change.get("event_id")
    return row


def changes_csv(changes: Iterable[Mapping[str, Any]]) -> str:
    """The changes as CSV text (header, then one row per changed event)."""
    columns = list(CHANGE_COLUMNS) + [c for c in CSV_COLUMNS if c not in CHANGE_COLUMNS]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for change in changes:
        row = change_row(change)
        writer.writerow([safe_cell(row.get(c)) for c in columns])
    return out.getvalue()


def changes_json(changes: Iterable[Mapping[str, Any]], since: str) -> str:
    """``{"since": ISO, "changes": [change, ...]}`` as JSON text."""
    return json.dumps({"since": since, "changes": list(changes)}, ensure_ascii=False, indent=1,
                      default=str) + "\n"
