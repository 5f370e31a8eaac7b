"""Issue 17's corpus (tests/data/happenings; what it reports is in EXPECTED.md there):
sixteen invented German and English articles -- three happenings reported 5, 5 and 4
times, a planted date and quantity contradiction, two distractors. Here: each article's
main event as the real pipeline extracts it (the contract DOCUMENT). The store side of
the acceptance (three happenings, their sources, the contradictions, splits surviving
re-ingest) is tests/test_happenings_store.py, on the fixtures and helpers here."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from store import Store


CORPUS = Path(__file__).resolve().parent / "data" / "happenings" / "articles.jsonl"
ARTICLES = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()
            if line.strip()]
BY_ID = {a["id"]: a for a in ARTICLES}

# --- the truth (EXPECTED.md) ------------------------------------------------------------
# name: (event type, every report of it, the contradiction planted in it)
HAPPENINGS = {
    "astana": ("meeting", ("astana-1-en", "astana-2-de", "astana-3-de", "astana-4-en",
                           "astana-5-de"), "date"),
    "marder": ("shipment", ("marder-1-de", "marder-2-en", "marder-3-de", "marder-4-en",
                            "marder-5-de"), "quantity"),
    "vienna": ("meeting", ("vienna-1-de", "vienna-2-en", "vienna-3-de", "vienna-4-en"), None),
}
DISTRACTORS = ("budapest-de", "lviv-en")

# the planted contradictions: (happening, field, the one report that differs, its value,
# the value the other reports give)
PLANTED = [
    ("astana", "date", "astana-5-de", "2024-03-13", "2024-03-12"),
    ("marder", "quantity", "marder-4-en", "30", "40"),
]

# each article's main event as the article tells it:
# (id, type, the role of its place, the names the article allows there (a place or the one
#  that holds it), allowed origins (None: not checked), the dates it allows (first, last),
#  a name among the actors (None: not checked), the quantity its cargo gives (None: none))
AUGUSTDORF = {"Augustdorf", "Germany"}
PABRADE = {"Pabradė", "Lithuania"}
HOFBURG = {"Hofburg", "Vienna"}
MARCH_12, MARCH_13 = ("2024-03-12", "2024-03-12"), ("2024-03-13", "2024-03-13")
TRIP = ("2024-03-17", "2024-03-24")          # the train left on the 17th, arrived on the 20th
VISIT = ("2024-03-25", "2024-03-26")         # the state visit; the reception was on the 25th


def gap(reason: str):
    """An extraction gap measured on this corpus: strict, so a fix shows as XPASS."""
    return pytest.mark.xfail(reason=reason, strict=True)


MAIN = [
    ("astana-1-en", "meeting", "location", {"Astana"}, None, MARCH_12, "Vadim Shershnyov", None),
    ("astana-2-de", "meeting", "location", {"Astana"}, None, MARCH_12, "Wadim Scherschnjow", None),
    ("astana-3-de", "meeting", "location", {"Astana"}, None, MARCH_12, "Wadim Scherschnjow", None),
    ("astana-4-en", "meeting", "location", {"Astana"}, None, MARCH_12, "Vadim Shershnyov", None),
    pytest.param("astana-5-de", "meeting", "location", {"Astana"}, None, MARCH_13,
                 "Wadim Scherschnjow", None,
                 marks=gap("the ministers are named in the next sentence ('Wadim Scherschnjow und "
                           "Jerlan Tochtarow sprachen'); the actors are Belarus and Kazakhstan "
                           "(whose ministers), not their names"), id="astana-5-de"),
    ("marder-1-de", "shipment", "destination", PABRADE, AUGUSTDORF, TRIP, None, "40"),
    ("marder-2-en", "shipment", "destination", PABRADE, AUGUSTDORF, TRIP, None, "40"),
    pytest.param("marder-3-de", "shipment", "destination", PABRADE, None, TRIP, None, "40",
                 marks=gap("cargo 'Schützenpanzer, Panzergrenadierbataillons': '40 Marder des "
                           "Panzergrenadierbataillons 212' loses its 40"), id="marder-3-de"),
    ("marder-4-en", "shipment", "destination", PABRADE, AUGUSTDORF, TRIP, None, "30"),
    ("marder-5-de", "shipment", "destination", PABRADE, AUGUSTDORF, TRIP, None, "40"),
    ("vienna-1-de", "meeting", "location", HOFBURG, None, VISIT, "Rustam Chodschajew", None),
    ("vienna-2-en", "meeting", "location", HOFBURG, None, VISIT, "Rustam Khodzhayev", None),
    pytest.param("vienna-3-de", "meeting", "location", HOFBURG, None, VISIT, "Rustam Chodschajew",
                 None, marks=gap("'Tags zuvor war ... in der Wiener Hofburg ... begrüßt worden' is "
                                 "found (Hofburg, 25 March) but its guest is only 'der usbekische "
                                 "Präsident', named in the sentence before"), id="vienna-3-de"),
    ("vienna-4-en", "meeting", "location", HOFBURG, None, VISIT, "Rustam Khodzhayev", None),
    ("budapest-de", "meeting", "location", {"Budapest"}, None, ("2024-04-16", "2024-04-16"),
     "Wadim Scherschnjow", None),
    pytest.param("lviv-en", "shipment", "destination", {"Lviv"}, {"Nuremberg"},
                 ("2024-03-21", "2024-03-21"), None, "12",
                 marks=gap("cargo '80 diesel': of '12 power transformers and 80 diesel "
                           "generators' the first phrase and the second's noun are lost"),
                 id="lviv-en"),
]

# split one report off each happening: (happening, the report, contradictions left after it)
SPLITS = [
    ("astana", "astana-1-en", {"date"}),      # the contradicting report stays: still flagged
    ("marder", "marder-4-en", set()),         # the report that said 30 leaves: nothing left
    ("vienna", "vienna-2-en", set()),
]


# --- fixtures and helpers ------------------------------------------------------------------

@pytest.fixture(scope="module")
def documents(pipeline):
    """Each article as ``python -m extract --jsonl`` gives it (the contract DOCUMENT), by id."""
    return {a["id"]: pipeline.process(a["text"], doc_id=a["id"],
                                      doc_date=dt.date.fromisoformat(a["doc_date"]),
                                      doc_date_source="document", lang=a["lang"],
                                      title=a["title"], url=a["url"]).to_dict()
            for a in ARTICLES}


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request, tmp_path, documents):
    """A store (both backends) holding every article of the corpus."""
    if request.param == "sqlite":
        s = Store(tmp_path / "db" / "happenings.sqlite3")
    else:
        s = Store(request.getfixturevalue("pg_url"))
    ingest_all(s, documents)
    return s


def ingest_all(store: Store, documents: dict, replace: bool = False) -> None:
    """Store every article (again), as a run of the pipeline over the corpus would."""
    for a in ARTICLES:
        store.ingest(documents[a["id"]], a["text"], replace=replace)


def sources_of(h: dict) -> set[str]:
    return {s["doc_id"] for s in h["sources"]}


def happening(happenings: list[dict], key: str) -> dict:
    """The stored happening of that type that holds most of *key*'s reports."""
    etype, reports, _ = HAPPENINGS[key]
    found = [h for h in happenings if h["type"] == etype and sources_of(h) & set(reports)]
    assert found, f"no {etype} happening holds any of {reports}"
    return max(found, key=lambda h: (len(sources_of(h) & set(reports)), h["source_count"]))


def shared(happenings: list[dict]) -> list[dict]:
    return [h for h in happenings if h["source_count"] >= 2]


def events_of(store: Store, doc_id: str) -> list[dict]:
    return [e for e in store.events() if e["source_id"] == doc_id]


def name(place) -> str | None:
    return place["name"] if place else None


# --- the corpus itself ---------------------------------------------------------------------

def test_corpus_is_what_expected_md_describes():
    ids = [a["id"] for a in ARTICLES]
    told = [r for _, reports, _ in HAPPENINGS.values() for r in reports] + list(DISTRACTORS)
    assert len(ids) == len(set(ids)) == 16
    assert sorted(ids) == sorted(told)
    for a in ARTICLES:
        assert set(a) == {"id", "lang", "doc_date", "title", "url", "text"}, a["id"]
        assert re.match(r"https://[\w.-]+\.example\.(org|com|net)/", a["url"]), a["url"]
        dt.date.fromisoformat(a["doc_date"])
    for key, (_, reports, _) in HAPPENINGS.items():
        assert {BY_ID[r]["lang"] for r in reports} == {"de", "en"}, key
        assert 4 <= len(reports) <= 5, key


# --- extraction: each article's main event ----------------------------------------------------

@pytest.mark.parametrize("doc_id,etype,role,places,origins,dates,actor,quantity", MAIN)
def test_main_event_extracted(documents, doc_id, etype, role, places, origins, dates, actor,
                              quantity):
    def fits(e):
        return (e["type"] == etype
                and name(e[role]) in places
                and (origins is None or name(e["origin"]) in origins)
                and e["date_start"] is not None and e["date_end"] is not None
                and dates[0] <= e["date_start"] <= e["date_end"] <= dates[1]
                and (actor is None or actor in e["actors"])
                and (quantity is None or re.search(rf"\b{quantity}\b", e["cargo"] or "")))
    evs = documents[doc_id]["events"]
    assert any(fits(e) for e in evs), [
        (e["type"], name(e[role]), name(e["origin"]), e["date_start"], e["date_end"],
         e["actors"], e["cargo"]) for e in evs]


