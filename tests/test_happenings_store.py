"""Issue 17's acceptance in the store: the sixteen corpus articles (tests/data/happenings,
EXPECTED.md) through the real pipeline into a store (SQLite and PostgreSQL) make three
happenings with more than one source, with the planted date and quantity contradictions
flagged; a split survives re-ingest; two ingest orders give the same happenings; the
happenings' CSV and GeoJSON read back. Then the merge's predicates (store.matching) and
the name key (records.name_key), valid and invalid cases in separate tables."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from records.errors import InputError
from records.name_key import name_key, same_name
from store import EventFilter, Store, db, happenings as merging, matching, schema
from test_happenings_corpus import (ARTICLES, DISTRACTORS, HAPPENINGS, PLANTED, SPLITS,
                                    documents, happening, ingest_all, shared, sources_of,
                                    store)  # noqa: F401  (fixtures)
from test_postgres import pg_url, postgres_server  # noqa: F401  (fixtures)
from viz.table import happenings_csv_text, happenings_geojson_text, read_export_csv

# What the extraction gives today (tests/test_happenings_corpus.py, strict xfails):
# marder-3-de's cargo comes out as 'mehr als 1200 Kilo' (its '40 Marder' is lost), so
# its event differs from the others in both quantity and cargo and stays alone -- the
# merge is not loosened for it. Its happening has 4 sources, not 5, and 40 is told by 3.
# astana-5-de's actors are the countries, not the ministers; its event still joins
# (Astana, one day off, Kazakhstan named by astana-4-en). vienna-3-de's Hofburg event
# names only Leitner, who is named by the others: it joins.
SOURCE_COUNTS = {"astana": 5, "marder": 4, "vienna": 4}
MISSING = {"marder": {"marder-3-de"}}
PLANTED_SUPPORT = {"astana": (4, 1), "marder": (3, 1)}


def by_name(happenings: list[dict]) -> dict[str, dict]:
    return {key: happening(happenings, key) for key in HAPPENINGS}


def partition(store: Store) -> set[frozenset]:
    return {frozenset(h["event_ids"]) for h in store.happenings()}


# --- the corpus ---------------------------------------------------------------------------

def test_three_happenings_with_more_than_one_source(store):
    hs = store.happenings()
    assert len(shared(hs)) == 3
    found = by_name(hs)
    for key, (_, reports, _) in HAPPENINGS.items():
        h = found[key]
        assert h["source_count"] == SOURCE_COUNTS[key] == len(h["sources"]), key
        assert sources_of(h) == set(reports) - MISSING.get(key, set()), key
        assert len(h["event_ids"]) == h["source_count"]


def test_distractors_stay_alone(store):
    hs = store.happenings()
    for doc_id in DISTRACTORS:
        mine = [h for h in hs if doc_id in sources_of(h)]
        assert mine and all(h["source_count"] == 1 for h in mine), doc_id


@pytest.mark.parametrize("key,field,odd_report,odd_value,value", PLANTED)
def test_planted_contradictions_are_flagged(store, key, field, odd_report, odd_value, value):
    h = by_name(store.happenings())[key]
    assert h["contradicted"] is True
    assert set(h["contradictions"]) == {field}
    best, odd = h["contradictions"][field]
    assert (str(best["value"]), str(odd["value"])) == (value, odd_value)
    assert (len(best["sources"]), len(odd["sources"])) == PLANTED_SUPPORT[key]
    assert odd["sources"] == [odd_report]
    # every source says what it gave for the differing field
    given = {s["doc_id"]: str(s[field]) for s in h["sources"]}
    assert given[odd_report] == odd_value
    assert {v for d, v in given.items() if d != odd_report} == {value}


def test_compatible_values_are_no_contradiction(store):
    found = by_name(store.happenings())
    assert found["vienna"]["contradicted"] is False and found["vienna"]["contradictions"] == {}
    # marder: Lithuania / Pabradė, Germany / Augustdorf, the week and the day, cargo in
    # two languages -- only the quantity differs
    assert set(found["marder"]["contradictions"]) == {"quantity"}
    # the representative shows the most supported values
    assert found["astana"]["date_start"] == "2024-03-12"
    assert "40" in found["marder"]["cargo"]


def test_events_carry_their_happening(store):
    found = by_name(store.happenings())
    events = {e["id"]: e for e in store.events()}
    for key, h in found.items():
        for eid in h["event_ids"]:
            e = events[eid]
            assert (e["happening_id"], e["source_count"], e["contradicted"]) == \
                (h["happening_id"], h["source_count"], h["contradicted"])
    flagged = store.events(EventFilter(contradicted=True))
    assert {e["happening_id"] for e in flagged} == {found["astana"]["happening_id"],
                                                   found["marder"]["happening_id"]}
    assert store.count(EventFilter(contradicted=True)) == len(flagged) == 9
    assert store.count(EventFilter(contradicted=False)) == store.count() - 9
    assert {h["happening_id"] for h in store.happenings(EventFilter(contradicted=True))} == \
        {found["astana"]["happening_id"], found["marder"]["happening_id"]}


@pytest.mark.parametrize("key,report,left", SPLITS)
def test_a_split_survives_reingest(store, documents, key, report, left):
    h = by_name(store.happenings())[key]
    [eid] = [s["event_id"] for s in h["sources"] if s["doc_id"] == report]
    store.edit(eid, {"happening": "split"}, author="ana")
    after = by_name(store.happenings())[key]
    assert after["happening_id"] == h["happening_id"]
    assert after["source_count"] == h["source_count"] - 1
    assert set(after["contradictions"]) == left
    alone = next(x for x in store.happenings() if eid in x["event_ids"])
    assert alone["source_count"] == 1 and alone["happening_id"] == f"split-{eid}"
    before = partition(store)
    ingest_all(store, documents, replace=True)        # every document stored again
    assert partition(store) == before
    again = by_name(store.happenings())[key]
    assert (again["happening_id"], again["source_count"]) == \
        (h["happening_id"], h["source_count"] - 1)
    assert store.event(eid)["source_count"] == 1
    store.edit(eid, {"happening": None})               # undone: it merges again
    assert by_name(store.happenings())[key]["source_count"] == h["source_count"]


def test_reingesting_one_document_keeps_the_happenings(store, documents):
    before = partition(store)
    art = next(a for a in ARTICLES if a["id"] == "astana-1-en")   # the happening's first report
    store.ingest(documents[art["id"]], art["text"], replace=True)
    assert partition(store) == before
    assert by_name(store.happenings())["astana"]["source_count"] == 5


def test_a_split_needs_a_known_value(store):
    eid = store.events()[0]["id"]
    with pytest.raises(InputError, match="happening: 'merge'"):
        store.edit(eid, {"happening": "merge"})


@pytest.mark.parametrize("order", ["reversed", "interleaved"])
def test_incremental_equals_batch(tmp_path, documents, order):
    """Ingesting in another order gives the same happenings (as sets of events)."""
    def fill(path, articles):
        s = Store(path)
        for a in articles:
            s.ingest(documents[a["id"]], a["text"])
        return s
    one = fill(tmp_path / "a.sqlite3", ARTICLES)
    arts = ARTICLES[::-1] if order == "reversed" else ARTICLES[::2] + ARTICLES[1::2]
    other = fill(tmp_path / "b.sqlite3", arts)
    assert partition(one) == partition(other)
    assert {frozenset(h["contradictions"]) for h in one.happenings()} == \
        {frozenset(h["contradictions"]) for h in other.happenings()}


def test_a_store_of_schema_5_assigns_its_events_once(tmp_path, documents, monkeypatch):
    path = tmp_path / "old.sqlite3"
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:5])
    old = Store(path)
    assert old.schema_version == 5
    with db.connection(old.path) as conn:    # what an ingest without merging wrote
        monkeypatch.setattr(merging, "assign_rows", lambda *a, **k: set())
        from store.ingest import ingest_document
        for a in ARTICLES:
            ingest_document(conn, documents[a["id"]], a["text"])
    monkeypatch.undo()
    new = Store(path)
    assert new.schema_version == schema.SCHEMA_VERSION
    assert len(shared(new.happenings())) == 3
    with db.connection(new.path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM happening_members").fetchone()[0] == \
            conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        assert conn.execute("SELECT 1 FROM store_meta WHERE key = 'happenings_pending'"
                            ).fetchone() is None


def test_a_store_of_schema_6_fills_its_key_days_once(tmp_path, documents):
    """Migration 7 adds status and days to the key rows; a store made before it (the
    new columns at their defaults) gets them from the profiles when next opened."""
    path = tmp_path / "keys.sqlite3"
    ingest_all(Store(path), documents)
    query = "SELECT * FROM happening_keys ORDER BY happening_id, country, week"
    with db.connection(path) as conn:
        made = [tuple(r) for r in conn.execute(query)]
        assert made and all(r["last_day"] >= r["first_day"] > 0 for r in conn.execute(query))
        with db.transaction(conn):
            conn.execute("UPDATE happening_keys SET status = '', first_day = 0, last_day = 0")
            conn.execute("INSERT INTO store_meta VALUES ('happening_keys_pending', 1)")
    Store(path)
    with db.connection(path) as conn:
        assert [tuple(r) for r in conn.execute(query)] == made
        assert conn.execute("SELECT 1 FROM store_meta WHERE key = 'happening_keys_pending'"
                            ).fetchone() is None


# --- exports of the happenings read back ----------------------------------------------------

def test_happenings_csv_round_trip(store):
    hs = store.happenings()
    text = happenings_csv_text(hs, extracted=dt.datetime(2024, 4, 1, tzinfo=dt.timezone.utc))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(hs)
    by_id = {r["happening_id"]: r for r in rows}
    for h in hs:
        row = by_id[h["happening_id"]]
        assert int(row["source_count"]) == h["source_count"]
        assert row["contradicted"] == str(h["contradicted"])
        assert set(row["source_id"].split("; ")) == sources_of(h)
    frame = read_export_csv(io.StringIO(text))
    assert sorted(frame["source_count"].tolist()) == sorted(h["source_count"] for h in hs)
    assert frame["contradicted"].sum() == 2


def test_happenings_geojson_round_trip(store, tmp_path):
    hs = store.happenings()
    text = happenings_geojson_text(hs)
    fc = json.loads(text)
    assert len(fc["features"]) == len(hs)
    props = {f["id"]: f["properties"] for f in fc["features"]}
    for h in hs:
        p = props[h["happening_id"]]
        assert (p["source_count"], p["contradicted"]) == (h["source_count"], h["contradicted"])
    flagged = [p for p in props.values() if p["contradicted"]]
    assert len(flagged) == 2
    assert all(json.loads(p["contradictions"]) for p in flagged)
    gpd = pytest.importorskip("geopandas")
    path = tmp_path / "h.geojson"
    path.write_text(text, encoding="utf-8")
    frame = gpd.read_file(path)
    assert len(frame) == len(fc["features"])
    assert {"source_count", "contradicted", "happening_id"} <= set(frame.columns)
    assert sorted(frame["source_count"].tolist())[-3:] == [4, 4, 5]


# --- the name key ---------------------------------------------------------------------------

SAME_NAMES = [
    # German and English transliterations of Russian-alphabet names
    ("Sergej Lawrow", "Sergei Lavrov"),
    ("Wadim Scherschnjow", "Vadim Shershnyov"),
    ("Rustam Chodschajew", "Rustam Khodzhayev"),
    ("Jerlan Tochtarow", "Yerlan Tokhtarov"),
    ("Wolodymyr Selenskyj", "Volodymyr Zelensky"),
    ("Dmitri Peskow", "Dmitry Peskov"),
    ("Alexander Lukaschenko", "Alexander Lukashenko"),
    # accents, case, spacing
    ("Gábor Szalontai", "GABOR  SZALONTAI"),
    # a surname alone
    ("Lawrow", "Sergei Lavrov"),
]
OTHER_NAMES = [
    ("Sergej Lawrow", "Sergei Shoigu"),
    ("Vadim Shershnyov", "Yerlan Tokhtarov"),
    ("Rustam Khodzhayev", "Johannes Leitner"),
    ("Belarus", "Kazakhstan"),
    ("Sergei", "Sergei Lavrov"),          # a first name alone is no surname
    ("", "Sergei Lavrov"),
    ("42", "42"),                          # no letters: no key
]


@pytest.mark.parametrize("a,b", SAME_NAMES)
def test_same_name(a, b):
    assert same_name(a, b) and same_name(b, a)


@pytest.mark.parametrize("a,b", OTHER_NAMES)
def test_other_name(a, b):
    assert not same_name(a, b) and not same_name(b, a)


def test_name_key_is_words_folded():
    assert name_key("Wadim Scherschnjow") == name_key("Vadim Shershnyov") == "VadIm XerXnIoV"
    assert name_key("  ") == name_key("42") == ""


# --- the predicates -------------------------------------------------------------------------

def P(name, lat, lon, cc, feature="city", gid=None):
    return {"name": name, "lat": lat, "lon": lon, "country_code": cc, "feature": feature,
            "geonameid": gid}


PABRADE, LITHUANIA = P("Pabradė", 54.98, 25.76, "LT"), P("Lithuania", 55.42, 24.0, "LT", "country")
VILNIUS, KAUNAS = P("Vilnius", 54.69, 25.28, "LT"), P("Kaunas", 54.90, 23.90, "LT")
HOFBURG, VIENNA = P("Hofburg", 48.2066, 16.3656, "AT", "facility"), P("Vienna", 48.2085, 16.3721, "AT")
AUSTRIA = P("Austria", 47.33, 13.33, "AT", "country")
AUGUSTDORF, GERMANY = P("Augustdorf", 51.91, 8.73, "DE"), P("Germany", 51.5, 10.5, "DE", "country")
NUREMBERG, LVIV = P("Nuremberg", 49.45, 11.08, "DE"), P("Lviv", 49.84, 24.03, "UA")
ASTANA, BUDAPEST = P("Astana", 51.18, 71.45, "KZ"), P("Budapest", 47.50, 19.04, "HU")
BAD = P("Astana", 451.18, 71.45, "KZ")

COMPATIBLE_PLACES = [
    (PABRADE, LITHUANIA),        # a country holding the town
    (HOFBURG, VIENNA),           # a palace in its city (near)
    (HOFBURG, AUSTRIA),
    (AUGUSTDORF, GERMANY),
    (PABRADE, VILNIUS),          # <= 50 km
    (ASTANA, BAD),               # a bad coordinate: the same name still tells
]
INCOMPATIBLE_PLACES = [
    (NUREMBERG, AUGUSTDORF),     # one country, far apart
    (VILNIUS, KAUNAS),           # ~90 km
    (LVIV, LITHUANIA),
    (ASTANA, BUDAPEST),
    (PABRADE, None),
]


@pytest.mark.parametrize("a,b", COMPATIBLE_PLACES)
def test_compatible_places(a, b):
    assert matching.places_compatible(a, b) and matching.places_compatible(b, a)


@pytest.mark.parametrize("a,b", INCOMPATIBLE_PLACES)
def test_incompatible_places(a, b):
    assert not matching.places_compatible(a, b) and not matching.places_compatible(b, a)


def D(a, b=None):
    return dt.date.fromisoformat(a), dt.date.fromisoformat(b or a)


COMPATIBLE_DATES = [
    (D("2024-03-20"), D("2024-03-18", "2024-03-24")),     # a day inside a week
    (D("2024-03-25"), D("2024-03-25", "2024-03-26")),     # a reception inside the visit
    (D("2024-03-12"), D("2024-03-12")),
]
INCOMPATIBLE_DATES = [
    (D("2024-03-12"), D("2024-03-13")),                   # the planted contradiction
    (D("2024-03-17", "2024-03-20"), D("2024-03-19", "2024-03-24")),   # overlap, no containment
    (D("2024-03-12"), D("2024-04-16")),
]


@pytest.mark.parametrize("a,b", COMPATIBLE_DATES)
def test_compatible_dates(a, b):
    assert matching.dates_compatible(a, b) and matching.dates_compatible(b, a)
    assert matching.date_gap(a, b) == 0


@pytest.mark.parametrize("a,b", INCOMPATIBLE_DATES)
def test_incompatible_dates(a, b):
    assert not matching.dates_compatible(a, b) and not matching.dates_compatible(b, a)


def test_date_gap():
    assert matching.date_gap(D("2024-03-12"), D("2024-03-13")) == 1
    assert matching.date_gap(D("2024-04-16"), D("2024-03-12")) == 35


COMPATIBLE_CARGO = [
    ("40 Schützenpanzer", "40 Marder infantry fighting vehicles"),   # a goods class, both languages
    ("40 Schützenpanzer", "30 Marder 1A5 infantry fighting vehicles"),  # (the quantity is its own field)
    ("12 power transformers", "zwölf Transformatoren"),
    ("40 Schützenpanzer", "40 Fahrzeuge"),                            # the same quantity
    ("40 Schützenpanzer", None),                                      # one says nothing
]
INCOMPATIBLE_CARGO = [
    ("40 Schützenpanzer", "mehr als 1200 Kilo"),
    ("12 power transformers", "80 diesel generators"),
    ("about 4,800 troops", "about 40 tanks"),                         # filler words are no goods
]


@pytest.mark.parametrize("a,b", COMPATIBLE_CARGO)
def test_compatible_cargo(a, b):
    assert matching.cargo_compatible(a, b) and matching.cargo_compatible(b, a)


@pytest.mark.parametrize("a,b", INCOMPATIBLE_CARGO)
def test_incompatible_cargo(a, b):
    assert not matching.cargo_compatible(a, b) and not matching.cargo_compatible(b, a)


@pytest.mark.parametrize("cargo,n", [("40 Schützenpanzer", 40), ("about 4,800 troops", 4800),
                                     ("1.200 Tonnen", 1200), ("Marder 1A5", None), (None, None)])
def test_quantity(cargo, n):
    assert matching.quantity(cargo) == n


def E(**kw):
    base = {"type": "meeting", "status": "reported", "date_start": "2024-03-12",
            "date_end": "2024-03-12", "location": ASTANA, "origin": None, "destination": None,
            "actors": ["Vadim Shershnyov"], "cargo": None}
    return {**base, **kw}


ASTANA_MEETING = matching.Profile.of(E())
FITS = [
    (E(actors=["Wadim Scherschnjow"]), ()),                         # same day, place, person
    (E(date_start="2024-03-13", date_end="2024-03-13", actors=["Wadim Scherschnjow"]), ("date",)),
    (E(actors=[]), ()),                                             # nobody named: no veto
]
MISFITS = [
    E(type="visit"),
    E(status="planned"),
    E(location=BUDAPEST),
    E(date_start="2024-03-17", date_end="2024-03-17"),              # five days off
    E(date_start="2024-03-13", date_end="2024-03-13", actors=["Belarus"]),   # off, nobody shared
    E(actors=["Gábor Szalontai"]),                                  # others met there that day
    E(date_start="2024-01-01", date_end="2024-12-31"),              # a year: too vague
    E(location=None),
]


@pytest.mark.parametrize("event,differing", FITS)
def test_fits(event, differing):
    found = matching.fit(event, ASTANA_MEETING)
    assert found is not None and found[1] == differing


@pytest.mark.parametrize("event", MISFITS)
def test_misfits(event):
    assert matching.fit(event, ASTANA_MEETING) is None


def test_profile_round_trips_as_json():
    p = matching.Profile.of(E(cargo="40 Schützenpanzer"))
    assert matching.Profile.from_json(p.to_json()) == p


def _keys_of(doc):
    """(type, country, week +-1) of each event of a synthetic document: where merging looks."""
    out = set()
    for e in doc["events"]:
        a = dt.date.fromisoformat(e["date_start"]).toordinal() // 7
        b = dt.date.fromisoformat(e["date_end"]).toordinal() // 7
        for p in (e.get("location"), e.get("origin"), e.get("destination")):
            if p:
                out |= {(e["type"], p["country_code"], w) for w in range(a - 1, b + 2)}
    return out


def test_one_document_growing_two_happenings_does_not_absorb_one_into_the_other(tmp_path):
    # synthetic article 13228 (seed 11) has two events that join two happenings, and growing the
    # first made it absorb the second, which the second event then joined: a foreign-key error
    # lost the whole ingest. The 160 earlier articles that share its merge keys reproduce it.
    from store.ingest import ingest_document
    from store.synthetic import synthetic_articles
    docs = list(synthetic_articles(13229))
    keys = _keys_of(docs[-1])
    subset = [d for d in docs[:-1] if _keys_of(d) & keys] + [docs[-1]]
    store = Store(tmp_path / "s.sqlite3")
    with store._connect() as conn:
        for doc in subset:
            ingest_document(conn, doc)
    groups = store.happenings(EventFilter())
    assert sum(h["source_count"] for h in groups) == sum(len(d["events"]) for d in subset)
