"""store: file, schema, idempotent ingest, edits surviving re-ingest, filters."""
import datetime as dt
import json
import os
import sqlite3
import stat

import pytest

from records.errors import InputError, StoreError
from records.export import map_point
from store import EventFilter, Store
from store.schema import SCHEMA_VERSION
from store.synthetic import synthetic_documents
from test_export import DOCS, MEETING, SHIPMENT
from test_postgres import pg_url, postgres_server  # noqa: F401  (fixtures)

D = dt.date.fromisoformat


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request, tmp_path):
    """Each store test runs on both backends (PostgreSQL: a real, throwaway server)."""
    if request.param == "sqlite":
        return Store(tmp_path / "db" / "t.sqlite3")
    return Store(request.getfixturevalue("pg_url"))


@pytest.fixture
def sqlite_store(tmp_path):
    return Store(tmp_path / "db" / "t.sqlite3")


@pytest.fixture
def filled(store):
    for doc in DOCS:
        store.ingest(doc, text=f"text of {doc['id']}")
    return store


def ids(events):
    return sorted(e["id"] for e in events)


# --- the file ---------------------------------------------------------------

def test_file_is_private_wal_and_versioned(sqlite_store):
    store = sqlite_store
    assert stat.S_IMODE(os.stat(store.path).st_mode) == 0o600
    conn = sqlite3.connect(store.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0] == SCHEMA_VERSION
    conn.close()
    # reopening does not re-run migrations
    assert Store(store.path).schema_version == SCHEMA_VERSION


def test_path_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("LAGEBILD_DB", str(tmp_path / "env.sqlite3"))
    assert Store().path == tmp_path / "env.sqlite3"
    # an explicit argument wins over the environment
    assert Store(tmp_path / "arg.sqlite3").path == tmp_path / "arg.sqlite3"


def test_unopenable_path_is_a_store_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot open event store"):
        Store(blocker / "sub" / "db.sqlite3")


# --- ingest -----------------------------------------------------------------

def test_reingest_is_idempotent(store):
    assert store.ingest(DOCS[0], "same text")[1] == "new"
    assert store.ingest(DOCS[0], "same text")[1] == "unchanged"
    assert store.count() == 2
    assert len(store.documents()) == 1
    assert len(store.places()) == 0


def test_same_id_new_content_replaces(store):
    store.ingest(DOCS[0], "v1")
    changed = dict(DOCS[0], events=[MEETING])
    assert store.ingest(changed, "v2")[1] == "updated"
    assert ids(store.events()) == ["ev-meet"]


def test_events_come_back_contract_shaped(filled):
    ev = filled.event("ev-ship")
    for key in ("id", "type", "date_start", "date_end", "date_precision", "actors",
                "location", "origin", "destination", "modes", "cargo", "evidence",
                "start", "end", "confidence"):
        assert ev[key] == SHIPMENT[key]
    assert ev["source_id"] == "seed-de" and ev["source_title"] == "Nordkorea liefert"
    assert ev["review_status"] == "unreviewed"


def test_failed_document_leaves_nothing_behind(store):
    bad = dict(DOCS[0], id="bad", events=[MEETING, {"type": "meeting"}])  # 2nd lacks id
    with pytest.raises(InputError):
        store.ingest(bad, "bad text")
    assert store.is_empty() and store.count() == 0


# --- edits ------------------------------------------------------------------

def test_edit_applies_and_survives_reingest(filled):
    filled.edit("ev-meet", {"type": "visit", "actors": ["Kim Jong Un"],
                            "date_start": "2023-09-13", "date_end": "2023-09-13",
                            "date_precision": "day"})
    ev = filled.event("ev-meet")
    assert (ev["type"], ev["actors"], ev["date_start"]) == ("visit", ["Kim Jong Un"], "2023-09-13")
    assert ev["review_status"] == "reviewed" and "type" in ev["edited_fields"]
    # the pipeline runs again on the same document: edits are replayed
    filled.ingest(DOCS[0], "text of seed-de", replace=True)
    ev = filled.event("ev-meet")
    assert ev["type"] == "visit" and ev["review_status"] == "reviewed"
    assert [h["field"] for h in filled.history("ev-meet")][:2] == ["type", "actors"]


def test_reject_hides_event_unless_asked(filled):
    filled.edit("ev-ship", {"rejected": True})
    assert "ev-ship" not in ids(filled.events())
    assert ids(filled.events(EventFilter(review=("rejected",)))) == ["ev-ship"]


def test_edit_place_moves_event_and_country(filled):
    berlin = {"name": "Berlin", "geonameid": 2950159, "lat": 52.52, "lon": 13.405,
              "country_code": "DE", "feature": "city"}
    filled.edit("ev-meet", {"location": berlin})
    assert ids(filled.events(EventFilter(countries=("de",)))) == ["ev-meet"]


VIENNA = {"name": "Vienna", "geonameid": 2761369, "lat": 48.20849, "lon": 16.37208,
          "country_code": "AT", "feature": "city"}
IRKUTSK = {"name": "Irkutsk", "geonameid": 2023469, "lat": 52.29566, "lon": 104.29076,
           "country_code": "RU", "feature": "city"}


@pytest.mark.parametrize("event_id, changes, expected", [
    ("ev-meet", {"type": "shipment"}, {"type": "shipment"}),
    ("ev-meet", {"date_start": "2023-09-13", "date_end": "2023-09-13", "date_precision": "day"},
     {"date_start": "2023-09-13", "date_end": "2023-09-13", "date_precision": "day"}),
    ("ev-meet", {"date_start": None, "date_end": None, "date_precision": None},
     {"date_start": None, "date_end": None, "date_precision": None}),
    ("ev-meet", {"location": VIENNA}, {"location": VIENNA}),
    ("ev-meet", {"location": None}, {"location": None}),
    ("ev-ship", {"origin": VIENNA}, {"origin": VIENNA}),
    ("ev-ship", {"destination": VIENNA}, {"destination": VIENNA}),
    ("ev-ship", {"via": [IRKUTSK, VIENNA]}, {"via": [IRKUTSK, VIENNA]}),
    ("ev-ship", {"via": []}, {"via": []}),
    ("ev-ship", {"modes": ["rail", "road"]}, {"modes": ["rail", "road"]}),
    ("ev-ship", {"cargo": "Granaten"}, {"cargo": "Granaten"}),
    ("ev-ship", {"cargo": None}, {"cargo": None}),
    ("ev-ship", {"actors": ["Russia"]}, {"actors": ["Russia"]}),
    ("ev-ship", {"rejected": True}, {"review_status": "rejected"}),
])
def test_each_field_edit_survives_reingest(filled, event_id, changes, expected):
    filled.edit(event_id, changes)
    for when in ("edited", "re-ingested"):
        if when == "re-ingested":
            for doc in DOCS:
                filled.ingest(doc, f"text of {doc['id']}", replace=True)
        ev = filled.event(event_id)
        assert {k: ev[k] for k in expected} == expected, when
        assert set(changes) - {"rejected"} <= set(ev.get("edited_fields") or []), when


def test_a_destination_edit_moves_the_route_end(filled):
    filled.edit("ev-ship", {"destination": VIENNA, "via": []})
    ev = filled.event("ev-ship")
    assert (map_point(ev)["lat"], map_point(ev)["lon"]) == (VIENNA["lat"], VIENNA["lon"])
    assert ids(filled.events(EventFilter(countries=("AT",)))) == ["ev-ship"]
    assert ids(filled.events(EventFilter(places=("Vienna",)))) == ["ev-ship"]


def test_edits_stored_before_via_was_editable_still_replay(sqlite_store):
    """The stored format is unchanged (one row per field, the value as JSON): rows
    written by an older version, checks or not, replay on re-ingest."""
    filled = sqlite_store
    for doc in DOCS:
        filled.ingest(doc, f"text of {doc['id']}")
    conn = sqlite3.connect(filled.path)
    conn.executemany("INSERT INTO edits (event_id, field, value, created_at) VALUES (?,?,?,?)",
                     [("ev-meet", "type", '"visit"', "2024-01-01T00:00:00+00:00"),
                      ("ev-meet", "location", json.dumps(VIENNA), "2024-01-01T00:00:00+00:00")])
    conn.commit()
    conn.close()
    filled.ingest(DOCS[0], "text of seed-de", replace=True)
    ev = filled.event("ev-meet")
    assert (ev["type"], ev["location"]["name"]) == ("visit", "Vienna")


@pytest.mark.parametrize("event_id, changes, message", [
    ("ev-meet", {"colour": "red"}, "cannot edit"),
    ("no-such", {"type": "x"}, "no event"),
    ("ev-meet", {"date_end": "2023-08-01"}, r"end \(2023-08-01\) is before the start"),
    ("ev-meet", {"date_start": "2023-10-01"}, "before the start"),   # against the stored end
    ("ev-meet", {"date_start": "soon"}, "not a date"),
    ("ev-meet", {"date_precision": "week"}, "not one of day, month, year"),
    ("ev-meet", {"location": {"name": "Nowhere"}}, "has no coordinates"),
    ("ev-ship", {"via": ["Vienna"]}, "not a place"),
    ("ev-ship", {"modes": "sea"}, "not a list"),
    ("ev-ship", {"rejected": "no"}, "not true or false"),
])
def test_invalid_edits(filled, event_id, changes, message):
    with pytest.raises(InputError, match=message):
        filled.edit(event_id, changes)
    if event_id != "no-such":
        assert filled.history(event_id) == []     # nothing written


# --- filters ----------------------------------------------------------------

@pytest.mark.parametrize("flt, expected", [
    # interval overlap: the shipment runs 2023-09-07..2023-10-01
    (EventFilter(date_from=D("2023-10-01"), date_to=D("2023-12-31")), ["ev-ship"]),
    (EventFilter(date_from=D("2023-09-30"), date_to=D("2023-09-30")), ["ev-meet", "ev-ship"]),
    (EventFilter(date_from=D("2023-09-15"), date_to=D("2023-09-15")), ["ev-meet", "ev-ship"]),
    (EventFilter(date_from=D("2023-10-02")), []),
    (EventFilter(date_to=D("2023-07-31")), ["ev-none"]),
    (EventFilter(date_to=D("2023-06-30"), include_undated=True), ["ev-evil"]),
    (EventFilter(types=("shipment",)), ["ev-ship"]),
    (EventFilter(actors=("kim jong un",)), ["ev-meet"]),
    (EventFilter(countries=("RU",)), ["ev-meet", "ev-ship"]),
    (EventFilter(countries=("KP",)), ["ev-ship"]),  # origin counts
    (EventFilter(places=("Madrid",)), ["ev-evil"]),
    (EventFilter(text="MUNITION"), ["ev-ship"]),
    (EventFilter(text="100%"), []),
    (EventFilter(text="nordkorea liefert"), ["ev-meet", "ev-ship"]),  # source title
    (EventFilter(min_confidence=0.85), ["ev-meet"]),
    (EventFilter(sources=("doc-2",)), ["ev-evil", "ev-none"]),
    (EventFilter(), ["ev-evil", "ev-meet", "ev-none", "ev-ship"]),
])
def test_filters(filled, flt, expected):
    assert ids(filled.events(flt)) == expected
    assert filled.count(flt) == len(expected)


def test_review_filter(filled):
    filled.edit("ev-none", {})  # confirming without changes marks reviewed
    assert ids(filled.events(EventFilter(review=("reviewed",)))) == ["ev-none"]
    assert "ev-none" not in ids(filled.events(EventFilter(review=("unreviewed",))))


def test_newest_events_are_the_latest_dated_in_the_usual_order(filled):
    assert [e["id"] for e in filled.events(EventFilter(limit=2, newest=True))] == \
        ["ev-meet", "ev-ship"]
    assert [e["id"] for e in filled.events(EventFilter(limit=4, newest=True))] == \
        [e["id"] for e in filled.events()]          # undated last, as without a limit


def test_facets(filled):
    f = filled.facets()
    assert f["types"] == ["meeting", "shipment"]
    assert "Kim Jong Un" in f["actors"] and set(f["countries"]) >= {"RU", "KP", "ES"}
    assert f["date_min"] == "2023-07-01" and f["date_max"] == "2023-10-01"
    assert f["n_events"] == 4 and f["n_documents"] == 2


# where the documents came from: URL hosts, counted in SQL (store.query.provenance)
URL_SOURCES = [
    # (the documents' URLs, distinct sources, documents without an address)
    (["https://example.org/a", "https://example.org/b"], 1, 0),
    (["https://www.Example.org/a", "http://example.org:8080/b?x", "https://example.org#f"], 1, 0),
    (["https://a.example.org/x", "https://b.example.org/y", "https://b.example.org"], 2, 0),
    (["https://example.org/a", None, "not a url", ""], 1, 3),
    ([None], 0, 1),
]


@pytest.mark.parametrize("urls, n_sources, n_unlinked", URL_SOURCES)
def test_sources_are_url_hosts(store, urls, n_sources, n_unlinked):
    for i, url in enumerate(urls):
        store.ingest({"id": f"d{i}", "lang": "en", "doc_date": "2024-01-01", "url": url,
                      "places": [], "timexes": [], "events": []}, text=f"text {i}")
    f = store.facets()
    assert (f["n_sources"], f["n_unlinked"]) == (n_sources, n_unlinked)
    assert f["n_documents"] == len(urls)


def test_last_ingest_is_the_latest_write(store):
    assert store.facets()["last_ingest"] is None
    store.ingest(DOCS[0], text="one")
    first = store.facets()["last_ingest"]
    store.ingest(DOCS[1], text="two")
    last = store.facets()["last_ingest"]
    assert first <= last and dt.datetime.fromisoformat(last).tzinfo is not None


# the date span of the events a filter matches (store.query.date_span)
SPANS = [
    # (filter, first date, last date, undated count)
    (EventFilter(), "2023-07-01", "2023-10-01", 1),
    (EventFilter(types=("shipment",)), "2023-09-07", "2023-10-01", 0),
    (EventFilter(date_from=D("2023-09-15"), date_to=D("2023-12-31")), "2023-09-01",
     "2023-10-01", 0),
    (EventFilter(date_from=D("2023-09-15"), include_undated=True), "2023-09-01",
     "2023-10-01", 1),
    (EventFilter(text="Kim"), "2023-09-01", "2023-09-30", 0),
    (EventFilter(types=("nothing",)), None, None, 0),
]


@pytest.mark.parametrize("flt, first, last, undated", SPANS)
def test_date_span_of_the_filtered_events(filled, flt, first, last, undated):
    assert filled.date_span(flt) == {"first": first, "last": last, "undated": undated}


def test_bulk_synthetic(store):
    docs = synthetic_documents(1000)
    counts = store.ingest_many(docs)
    assert counts["new"] == 100
    assert store.count() == 1000
    assert store.ingest_many(docs)["unchanged"] == 100
