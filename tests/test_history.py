"""The living dataset (issue 17): created/updated of each event through ingest,
re-ingest and edits; the history of edits and re-extractions; changes since a moment;
the migration of an older store. Both backends (PostgreSQL: a throwaway server)."""
from __future__ import annotations

import copy
import datetime as dt

import pytest

import store.ingest as store_ingest
from records.errors import InputError
from store import Store, db, schema
from store.changes import since_stamp
from store.history import pipeline_changes
from test_export import DOCS, MEETING, SHIPMENT
from test_postgres import pg_url, postgres_server  # noqa: F401  (fixtures)


def T(day: int, second: int = 0) -> str:
    """The moment of step *day*: 2026-11-DD 10:00:SS UTC, as the store writes it."""
    return f"2026-11-{day:02d}T10:00:{second:02d}+00:00"


class Clock:
    """The store's clock (store.ingest._now), set by each step."""

    def __init__(self):
        self.now = T(1)

    def __call__(self) -> str:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    c = Clock()
    monkeypatch.setattr(store_ingest, "_now", c)
    return c


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def target(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "h.sqlite3")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(target):
    return Store(target)


def version(ship_changes=None, drop_ship=False, text_offsets=0):
    """DOCS[0] with the shipment changed, moved in the text, or gone."""
    doc = copy.deepcopy(DOCS[0])
    ship = doc["events"][0]
    assert ship["id"] == "ev-ship"
    ship.update(ship_changes or {})
    ship["start"] += text_offsets
    ship["end"] += text_offsets
    if drop_ship:
        doc["events"] = doc["events"][1:]
    return doc


V1 = version()
V2 = version({"cargo": "Raketen"})                 # a re-extraction changed the cargo
V3 = version(text_offsets=7)                       # only the offsets moved
V4 = version(drop_ship=True)                       # the shipment is no longer found


def play(store, clock, steps):
    """Run steps ``(day, what, arg, text)``: "ingest" a version with a text, or "edit"."""
    statuses = []
    for day, what, arg, text in steps:
        clock.now = T(day)
        if what == "ingest":
            statuses.append(store.ingest(arg, text)[1])
        else:
            store.edit("ev-ship", arg, author="ana")
    return statuses


# --- created and updated -----------------------------------------------------------

STAMP_CASES = [
    # (steps, created and updated of ev-ship, statuses of the ingests)
    ([(1, "ingest", V1, "a")], (T(1), T(1)), ["new"]),
    # an identical re-ingest writes nothing
    ([(1, "ingest", V1, "a"), (2, "ingest", V1, "a")], (T(1), T(1)), ["new", "unchanged"]),
    # a new text with the same values, or with only the offsets moved: not updated
    ([(1, "ingest", V1, "a"), (2, "ingest", V1, "b")], (T(1), T(1)), ["new", "updated"]),
    ([(1, "ingest", V1, "a"), (2, "ingest", V3, "b")], (T(1), T(1)), ["new", "updated"]),
    # the pipeline's values changed
    ([(1, "ingest", V1, "a"), (2, "ingest", V2, "b")], (T(1), T(2)), ["new", "updated"]),
    # an analyst's edit, and a re-ingest after it that changes nothing / something
    ([(1, "ingest", V1, "a"), (2, "edit", {"cargo": "Granaten"}, None)], (T(1), T(2)), ["new"]),
    ([(1, "ingest", V1, "a"), (2, "edit", {"cargo": "Granaten"}, None), (3, "ingest", V1, "b")],
     (T(1), T(2)), ["new", "updated"]),
    ([(1, "ingest", V1, "a"), (2, "edit", {"cargo": "Granaten"}, None), (3, "ingest", V2, "b")],
     (T(1), T(3)), ["new", "updated"]),
    # removed by one re-extraction, found again by the next: first stored stays
    ([(1, "ingest", V1, "a"), (2, "ingest", V4, "b"), (3, "ingest", V1, "c")], (T(1), T(3)),
     ["new", "updated", "updated"]),
]


@pytest.mark.parametrize("steps, stamps, statuses", STAMP_CASES)
def test_created_and_updated(store, clock, steps, stamps, statuses):
    assert play(store, clock, steps) == statuses
    ev = store.event("ev-ship")
    assert (ev["created"], ev["updated"]) == stamps
    # the meeting beside it never changed
    meet = store.event("ev-meet")
    assert (meet["created"], meet["updated"]) == (T(1), T(1))
    assert {e["id"]: e["updated"] for e in store.events()} == \
        {e["id"]: e["updated"] for e in store.iter_events()}


def test_a_removed_event_is_gone_and_counted(store, clock):
    tally = {}
    store.ingest(V1, "a", tally=tally)
    assert tally == {"added": 2, "changed": 0, "removed": 0}
    tally = {}
    clock.now = T(2)
    store.ingest(V4, "b", tally=tally)
    assert tally == {"added": 0, "changed": 0, "removed": 1}
    assert store.event("ev-ship") is None
    tally = {}
    store.ingest(V2, "c", tally=tally)
    assert tally == {"added": 1, "changed": 0, "removed": 0}
    tally = {}
    store.ingest(V2, "c", tally=tally)          # unchanged: nothing counted
    assert tally == {}


# --- history -----------------------------------------------------------------------

def _short(history):
    return [(h["at"], h["author"], h["kind"], h["action"], h["field"], h["old"], h["new"])
            for h in history]


def test_history_of_edits_and_re_extractions_in_time_order(store, clock):
    play(store, clock, [(1, "ingest", V1, "a"), (2, "edit", {"cargo": "Granaten"}, None),
                        (3, "ingest", V2, "b"), (4, "ingest", V4, "c"), (5, "ingest", V1, "d"),
                        (6, "edit", {"cargo": "Minen", "actors": ["Russia"]}, None)])
    assert _short(store.history("ev-ship")) == [
        (T(2), "ana", "edit", "edited", "cargo", "Munition", "Granaten"),
        (T(3), "pipeline", "pipeline", "changed", "cargo", "Munition", "Raketen"),
        (T(4), "pipeline", "pipeline", "removed", None, None, None),
        (T(5), "pipeline", "pipeline", "added", None, None, None),
        # an edit's old value is what the event showed: the earlier edit's, or the pipeline's
        (T(6), "ana", "edit", "edited", "cargo", "Granaten", "Minen"),
        (T(6), "ana", "edit", "edited", "actors", ["North Korea", "Russia"], ["Russia"]),
    ]
    # the edits survive all of it
    assert store.event("ev-ship")["cargo"] == "Minen"
    assert store.history("ev-meet") == []


HISTORY_CASES = [
    # (steps, [(field, old, new) of the entries])
    # the pipeline changed the cargo, then the analyst edits it: old is the pipeline's new
    ([(1, "ingest", V1, "a"), (2, "ingest", V2, "b"), (3, "edit", {"cargo": "Minen"}, None)],
     [("cargo", "Munition", "Raketen"), ("cargo", "Raketen", "Minen")]),
    # only offsets moved: nothing to tell
    ([(1, "ingest", V1, "a"), (2, "ingest", V3, "b")], []),
    # a rejection, then a confirmation
    ([(1, "ingest", V1, "a"), (2, "edit", {"rejected": True}, None), (3, "edit", {}, None)],
     [("rejected", False, True), ("reviewed", None, True)]),
    # several fields in one re-extraction, sorted by name
    ([(1, "ingest", V1, "a"),
      (2, "ingest", version({"cargo": "Raketen", "modes": ["air"], "date_end": None}), "b")],
     [("cargo", "Munition", "Raketen"), ("date_end", "2023-10-01", None),
      ("modes", ["sea", "rail"], ["air"])]),
]


@pytest.mark.parametrize("steps, entries", HISTORY_CASES)
def test_history_entries(store, clock, steps, entries):
    play(store, clock, steps)
    assert [(h["field"], h["old"], h["new"]) for h in store.history("ev-ship")] == entries


@pytest.mark.parametrize("steps, order", [
    # within one second, the order they happened in decides
    ([(1, "ingest", V1, "a"), (2, "edit", {"cargo": "Minen"}, None), (2, "ingest", V2, "b")],
     ["edit", "pipeline"]),
    ([(1, "ingest", V1, "a"), (2, "ingest", V2, "b"), (2, "edit", {"cargo": "Minen"}, None)],
     ["pipeline", "edit"]),
])
def test_history_order_within_one_second(store, clock, steps, order):
    play(store, clock, steps)
    assert [h["kind"] for h in store.history("ev-ship")] == order


PIPELINE_CHANGE_CASES = [
    (SHIPMENT, dict(SHIPMENT, start=99, end=120, evidence_spans=[[1, 2]]), {}),
    (SHIPMENT, dict(SHIPMENT, via=[]), {"via": [SHIPMENT["via"], None]}),
    (MEETING, dict(MEETING, modes=None, cargo=""), {}),      # empty is empty
    (MEETING, dict(MEETING, location=None), {"location": [MEETING["location"], None]}),
    (MEETING, dict(MEETING, explain={"location": {"by": "rules"}}), {}),
]


@pytest.mark.parametrize("old, new, expected", PIPELINE_CHANGE_CASES)
def test_pipeline_changes(old, new, expected):
    assert pipeline_changes(old, new) == expected


# --- changes since -----------------------------------------------------------------

@pytest.fixture
def timeline(store, clock):
    """T1 seed-de stored; T2 ev-meet edited; T3 doc-2 stored; T4 ev-ship changed by a
    re-extraction; T5 ev-ship removed by the next."""
    clock.now = T(1)
    store.ingest(V1, "a")
    clock.now = T(2)
    store.edit("ev-meet", {"type": "visit"}, author="ana")
    clock.now = T(3)
    store.ingest(DOCS[1], "doc 2")
    clock.now = T(4)
    store.ingest(V2, "b")
    return store


SINCE_CASES = [
    # (since, [(event_id, change)] ordered by the latest change)
    (T(1), [("ev-meet", "created"), ("ev-evil", "created"), ("ev-none", "created"),
            ("ev-ship", "created")]),
    (T(1, 1), [("ev-meet", "edited"), ("ev-evil", "created"), ("ev-none", "created"),
               ("ev-ship", "updated")]),
    (T(3), [("ev-evil", "created"), ("ev-none", "created"), ("ev-ship", "updated")]),
    (T(3, 1), [("ev-ship", "updated")]),
    (T(4, 1), []),
    # a date is its midnight UTC; a naive datetime is UTC; another zone is converted
    ("2026-11-04", [("ev-ship", "updated")]),
    (dt.date(2026, 11, 3), [("ev-evil", "created"), ("ev-none", "created"),
                            ("ev-ship", "updated")]),
    (dt.datetime(2026, 11, 4, 10, 0, 1), []),
    ("2026-11-04T11:00:00+01:00", [("ev-ship", "updated")]),
    ("2026-11-04T10:00:00Z", [("ev-ship", "updated")]),
]


@pytest.mark.parametrize("since, expected", SINCE_CASES)
def test_changes_since_boundaries(timeline, since, expected):
    assert [(c["event_id"], c["change"]) for c in timeline.changes_since(since)] == expected


def test_changes_since_say_what_changed(timeline, clock):
    ship = next(c for c in timeline.changes_since(T(4)) if c["event_id"] == "ev-ship")
    assert (ship["at"], ship["created"], ship["updated"]) == (T(4), T(1), T(4))
    assert [(h["field"], h["old"], h["new"]) for h in ship["history"]] == [
        ("cargo", "Munition", "Raketen")]
    assert ship["event"]["cargo"] == "Raketen" and ship["event"]["source_id"] == "seed-de"
    meet = next(c for c in timeline.changes_since(T(2)) if c["event_id"] == "ev-meet")
    assert [(h["author"], h["field"], h["new"]) for h in meet["history"]] == [
        ("ana", "type", "visit")]
    # removed: the values it had, and when it was first stored
    clock.now = T(5)
    timeline.ingest(V4, "c")
    [gone] = timeline.changes_since(T(5))
    assert (gone["event_id"], gone["change"], gone["at"], gone["created"]) == \
        ("ev-ship", "removed", T(5), T(1))
    assert gone["event"]["cargo"] == "Raketen" and gone["event"]["source_id"] == "seed-de"


@pytest.mark.parametrize("bad", ["soon", "2026-13-01", "01.11.2026", ""])
def test_changes_since_refuses_what_is_no_date(bad):
    with pytest.raises(InputError, match="is not a date"):
        since_stamp(bad)


# --- an older store migrates -------------------------------------------------------

def test_an_older_store_gets_created_and_updated(target, monkeypatch):
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:4])   # the store before
    old = Store(target)
    assert old.schema_version == 4
    with db.connection(old.path) as conn:
        conn.execute("BEGIN")
        doc = conn.execute("INSERT INTO documents (doc_id, content_hash, ingested_at) "
                           "VALUES ('d', 'h', ?) RETURNING id", (T(1),)).fetchone()[0]
        for eid in ("e1", "e2"):
            conn.execute("INSERT INTO events (event_id, document_id, type, original_json) "
                         "VALUES (?, ?, 'meeting', ?)", (eid, doc, f'{{"id": "{eid}"}}'))
        conn.execute("INSERT INTO edits (event_id, field, value, created_at, author) "
                     "VALUES ('e2', 'cargo', '\"x\"', ?, 'ana')", (T(3),))
        conn.execute("COMMIT")
    monkeypatch.undo()
    new = Store(target)
    assert new.schema_version == schema.SCHEMA_VERSION == 7
    assert {e["id"]: (e["created"], e["updated"]) for e in new.events()} == {
        "e1": (T(1), T(1)), "e2": (T(1), T(3))}
    assert [(h["field"], h["new"]) for h in new.history("e2")] == [("cargo", "x")]
    assert [c["event_id"] for c in new.changes_since(T(2))] == ["e2"]
