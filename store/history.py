"""The living dataset: when each event was first stored (``created``) and last changed
(``updated``), and what re-extractions did to it (the ``event_log`` table).

When a document is stored again with new content (:func:`store.ingest.ingest_document`,
status "updated"), its old event rows are read before they are replaced
(:func:`prior_events`) and compared with the new ones by stable id (:func:`stamp`):

* an event in both keeps its ``created``; its ``updated`` moves only when the
  pipeline's values differ (:func:`pipeline_changes`; positions in the text and the
  places' explanations do not count), and the change is logged as
  ``changed {field: [old, new]}``;
* an event only in the new extraction is logged as ``added`` (with its values), one
  only in the old as ``removed`` (with its values and ``created``, which it gets back
  should it return).

A first ingest writes no log rows: ``created`` says when. An identical re-ingest
writes nothing at all. Analyst edits stay in the ``edits`` table (they move
``updated``, see :func:`store.ingest.record_edit`); :func:`event_history` merges both.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, MutableMapping, Optional

PIPELINE = "pipeline"      # the author of re-extraction entries
# keys of an event that are no value of it: offsets, highlight spans, why a place was
# chosen, and what the store itself adds
IGNORED = frozenset(("id", "start", "end", "evidence_spans", "highlights", "explain",
                     "created", "updated", "edited_fields"))
ACTIONS = ("added", "changed", "removed")


@dataclass(frozen=True)
class Prior:
    """An event row about to be replaced by a re-ingest of its document."""
    event_id: str
    doc_id: str
    original_json: str            # the pipeline's event as stored (parsed when needed)
    created: Optional[str]
    updated: Optional[str]

    @property
    def original(self) -> dict:
        return json.loads(self.original_json)


def _plain(value: Any) -> Any:
    """Empty lists, texts and mappings are no value, like a missing key."""
    return None if value in ((), [], {}, "") else value


def pipeline_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, list]:
    """``{field: [old, new]}`` for the pipeline's values that differ between two
    versions of one event (keys in :data:`IGNORED` do not count), fields sorted."""
    out: dict[str, list] = {}
    for key in (old.keys() | new.keys()) - IGNORED:
        a, b = old.get(key), new.get(key)
        if a != b and _plain(a) != _plain(b):     # the plain comparison first: it is cheap
            out[key] = [_plain(a), _plain(b)]
    return dict(sorted(out.items()))


def prior_events(conn, document_rows: Iterable[int]) -> dict[str, Prior]:
    """The stored events of the given document rows, by event id."""
    rows = list(document_rows)
    if not rows:
        return {}
    marks = ", ".join("?" for _ in rows)
    out: dict[str, Prior] = {}
    for r in conn.execute(
            "SELECT e.event_id, e.original_json, e.created, e.updated, d.doc_id FROM events e "
            f"JOIN documents d ON d.id = e.document_id WHERE e.document_id IN ({marks}) "
            "ORDER BY e.id", rows):
        out.setdefault(r["event_id"], Prior(r["event_id"], r["doc_id"], r["original_json"],
                                            r["created"], r["updated"]))
    return out


def _returning_created(conn, event_ids: list[str]) -> dict[str, str]:
    """``created`` of events that a re-extraction removed earlier, by id (the latest removal)."""
    out: dict[str, str] = {}
    for i in range(0, len(event_ids), 500):
        part = event_ids[i:i + 500]
        marks = ", ".join("?" for _ in part)
        for r in conn.execute(f"SELECT event_id, snapshot FROM event_log WHERE action = 'removed' "
                              f"AND event_id IN ({marks}) ORDER BY id", part):
            created = json.loads(r["snapshot"] or "{}").get("created")
            if created:
                out[r["event_id"]] = created
    return out


def stamp(conn, prior: Optional[Mapping[str, Prior]], originals: list[Mapping[str, Any]],
          doc_id: str, now: str, tally: Optional[MutableMapping[str, int]] = None,
          dumped: Optional[Mapping[str, str]] = None) -> dict[str, tuple[str, str]]:
    """``(created, updated)`` for each new event of a document, by id, and the log rows
    of what changed against *prior* (None or empty: a document stored for the first
    time -- nothing is logged). *tally* counts ``added``/``changed``/``removed``;
    *dumped*: each event's JSON as it will be stored (the same text: no change)."""
    counts = dict.fromkeys(ACTIONS, 0)
    out: dict[str, tuple[str, str]] = {}
    if not prior:
        for ev in originals:
            out[str(ev["id"])] = (now, now)
        counts["added"] = len(out)
        _count(tally, counts)
        return out
    log: list[tuple] = []
    fresh = [str(ev["id"]) for ev in originals if str(ev["id"]) not in prior]
    back = _returning_created(conn, fresh) if fresh else {}
    for ev in originals:
        eid = str(ev["id"])
        old = prior.get(eid)
        if old is None:
            out[eid] = (back.get(eid, now), now)
            log.append((eid, doc_id, "added", "{}", _dumps({"event": dict(ev)}), now))
            counts["added"] += 1
            continue
        same = dumped is not None and dumped.get(eid) == old.original_json
        diff = {} if same else pipeline_changes(old.original, ev)
        created = old.created or now
        if diff:
            out[eid] = (created, now)
            log.append((eid, doc_id, "changed", _dumps(diff), None, now))
            counts["changed"] += 1
        else:
            out[eid] = (created, old.updated or created)
    for eid, old in prior.items():
        if eid not in out:
            log.append((eid, old.doc_id, "removed", "{}",
                        _dumps({"event": old.original, "created": old.created}), now))
            counts["removed"] += 1
    if log:
        after = conn.execute("SELECT COALESCE(MAX(id), 0) FROM edits").fetchone()[0]
        conn.executemany("INSERT INTO event_log (event_id, doc_id, action, changes, snapshot, at, "
                         f"author, after_edit) VALUES (?, ?, ?, ?, ?, ?, '{PIPELINE}', ?)",
                         [(*row, after) for row in log])
    _count(tally, counts)
    return out


def _count(tally: Optional[MutableMapping[str, int]], counts: Mapping[str, int]) -> None:
    if tally is not None:
        for key, n in counts.items():
            tally[key] = tally.get(key, 0) + n


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


# -- reading ---------------------------------------------------------------------------------

def _loads(text: Optional[str]) -> Any:
    return json.loads(text) if text else None


def _entry(at: str, author: Optional[str], kind: str, action: str, field: Optional[str] = None,
           old: Any = None, new: Any = None, doc_id: Optional[str] = None, **extra) -> dict:
    return {"at": at, "author": author, "kind": kind, "action": action, "field": field,
            "old": old, "new": new, "doc_id": doc_id, **extra}


def _pipeline_states(now: Optional[dict], log: list) -> list[Optional[dict]]:
    """The pipeline's version of the event before each log row (and after the last):
    walked back from *now* (None: the event is gone) by undoing each row."""
    states: list[Optional[dict]] = [None] * (len(log) + 1)
    state = now
    states[-1] = state
    for i in range(len(log) - 1, -1, -1):
        row = log[i]
        if row["action"] == "changed":
            state = dict(state or {})
            for field, (old, _new) in json.loads(row["changes"]).items():
                state[field] = old
        elif row["action"] == "added":
            state = None
        elif row["action"] == "removed":
            state = (_loads(row["snapshot"]) or {}).get("event")
        states[i] = state
    return states


def _log_first(log_row, edit_row) -> bool:
    """Whether a re-extraction came before an edit: by the latest edit it saw, else
    by time (the re-extraction first within one second)."""
    if log_row["after_edit"] is not None:
        return edit_row["id"] > log_row["after_edit"]
    return log_row["at"] <= edit_row["created_at"]


def event_history(conn, event_id: str) -> list[dict[str, Any]]:
    """What happened to *event_id*, oldest first: each analyst edit of a field and each
    change a re-extraction made, one entry per field, plus ``added`` / ``removed``
    entries of re-extractions (field None). Each entry: ``at``, ``author`` (the
    analyst, or "pipeline"), ``kind`` ("edit" or "pipeline"), ``action`` ("edited",
    "changed", "added", "removed"), ``field``, ``old``, ``new`` (values as the event
    holds them), ``doc_id``; an edit also ``value`` (its stored JSON) and ``created_at``.
    An edit's ``old`` is what the event showed just before it: the pipeline's value or
    an earlier edit's."""
    log = conn.execute("SELECT id, action, changes, snapshot, at, author, doc_id, after_edit "
                       "FROM event_log WHERE event_id = ? ORDER BY id", (event_id,)).fetchall()
    edits = conn.execute("SELECT id, field, value, created_at, author FROM edits "
                         "WHERE event_id = ? ORDER BY id", (event_id,)).fetchall()
    if not log and not edits:
        return []
    row = conn.execute("SELECT original_json FROM events WHERE event_id = ? ORDER BY id LIMIT 1",
                       (event_id,)).fetchone()
    states = _pipeline_states(json.loads(row["original_json"]) if row else None, log)
    out: list[dict[str, Any]] = []
    shown: dict[str, Any] = {}       # fields an analyst has set: their value wins
    i = j = 0
    while i < len(log) or j < len(edits):
        if j >= len(edits) or (i < len(log) and _log_first(log[i], edits[j])):
            r = log[i]
            if r["action"] == "changed":
                out += [_entry(r["at"], r["author"], "pipeline", "changed", f, old, new, r["doc_id"])
                        for f, (old, new) in json.loads(r["changes"]).items()]
            else:
                out.append(_entry(r["at"], r["author"], "pipeline", r["action"],
                                  doc_id=r["doc_id"]))
            i += 1
            continue
        e = edits[j]
        field, new = e["field"], _loads(e["value"])
        pipe = states[i] or {}
        old = shown.get(field, pipe.get(field) if field != "rejected" else False)
        shown[field] = new
        out.append(_entry(e["created_at"], e["author"], "edit", "edited", field, old, new,
                          value=e["value"], created_at=e["created_at"]))
        j += 1
    return out
