"""Why a place was chosen, on the page: the store gives each event its places'
explanations (store.explained), the popup and the table show them (viz.why, HTML
rendered without a browser), the correction form offers the runner-ups first and one
click stores one as an analyst edit that survives re-ingest (AppTest); a store written
before explanations existed still loads and shows none."""
from __future__ import annotations

import copy
import datetime as dt
import json

import pytest
from streamlit.testing.v1 import AppTest

from store import Store
from store.explained import event_explanation, explained
from store.loader import Article, extract_and_store
from test_export import DOCS
from viz.mapping import build_map
from viz.popups import popup_fields
from viz.table import events_frame
from viz.why import main_reason, why_html

PLACE_KEYS = {"name", "geonameid", "lat", "lon", "country_code", "feature"}


def _cand(name, cc, gid, lat, lon, pop, score):
    return {"name": name, "country_code": cc, "feature": "city", "population": pop,
            "geonameid": gid, "lat": lat, "lon": lon, "score": score}


BREST_FR = _cand("Brest", "FR", 3030300, 48.39029, -4.48628, 144899, 0.61)
BREST_BY = _cand("Brest", "BY", 629634, 52.10894, 23.71749, 347138, 0.38)
BREST_CZ = _cand("Břest", "CZ", 3078761, 49.35107, 17.44072, 954, 0.01)
WARSAW = _cand("Warsaw", "PL", 756135, 52.22977, 21.01178, 1702139, 0.97)
WARSAW_US = _cand("Warsaw", "US", 4927510, 41.2381, -85.85305, 13559, 0.02)
FRANKFURT = _cand("Frankfurt am Main", "DE", 2925533, 50.11552, 8.68417, 650000, 0.7)
FRANKFURT_ODER = _cand("Frankfurt (Oder)", "DE", 2925535, 52.34714, 14.55062, 57107, 0.3)
TEXT = "Ein Güterzug fuhr von Brest über Warschau nach Frankfurt. Später wieder nach Brest."


def _place(c: dict) -> dict:
    return {k: c[k] for k in PLACE_KEYS}


def _mention(cands: list[dict], word: str, reason: str, nth: int = 0) -> dict:
    start = TEXT.index(word)
    for _ in range(nth):
        start = TEXT.index(word, start + 1)
    return dict(_place(cands[0]), text=word, start=start, end=start + len(word), confidence=0.6,
                explain={"by": "ranker", "reason": reason, "candidates": cands})


FIRST = TEXT.index(".") + 1
# as Document.to_dict(explain=True) gives it: origin and destination the wrong namesakes
RAIL_DOC = {
    "id": "doc-rail", "lang": "de", "doc_date": "2023-09-20", "doc_date_source": "argument",
    "title": "Zug nach Frankfurt", "url": "https://example.org/rail",
    "places": [_mention([BREST_FR, BREST_BY, BREST_CZ], "Brest", "most populous of 3 so named"),
               _mention([WARSAW, WARSAW_US], "Warschau", "capital; most populous of 2 so named"),
               _mention([FRANKFURT, FRANKFURT_ODER], "Frankfurt", "most populous of 2 so named"),
               _mention([BREST_FR], "Brest", "a later mention", nth=1)],
    "timexes": [],
    "events": [{"id": "ev-rail", "type": "shipment", "date_start": "2023-09-18",
                "date_end": "2023-09-18", "date_precision": "day", "actors": ["Belarus"],
                "location": None, "origin": _place(BREST_FR), "destination": _place(FRANKFURT),
                "via": [_place(WARSAW)], "modes": ["rail"], "cargo": "Ersatzteile",
                "evidence": TEXT[:FIRST], "evidence_spans": [[0, FIRST]],
                "highlights": [[22, 27, "place"]], "start": 0, "end": FIRST, "confidence": 0.7}],
}


def _ingest_all(store: Store, replace: bool = False) -> None:
    for doc in [*DOCS, RAIL_DOC]:
        store.ingest(copy.deepcopy(doc), f"text of {doc['id']}", replace=replace)


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "app.sqlite3"
    _ingest_all(Store(path))
    monkeypatch.setenv("LAGEBILD_DB", str(path))
    return path


def reingested(db) -> Store:
    store = Store(db)
    _ingest_all(store, replace=True)
    return store


# --- the store: each role's explaining mention ---------------------------------------

def test_the_store_gives_each_place_role_its_explanation(db):
    ev = Store(db).event("ev-rail")
    why = ev["explain"]
    assert set(why) == {"origin", "destination", "via"}
    # of the two mentions of Brest FR the one the event marks as its place word explains it
    assert why["origin"]["text"] == "Brest" and why["origin"]["reason"] == "most populous of 3 so named"
    assert [c["country_code"] for c in why["origin"]["candidates"]] == ["FR", "BY", "CZ"]
    assert [v["reason"] for v in why["via"]] == ["capital; most populous of 2 so named"]
    # the mention rows keep the contract's fields; the contract fields of the event are as given
    assert all("explain" not in m for m in Store(db).places(["doc-rail"]))
    assert ev["origin"] == _place(BREST_FR)


@pytest.mark.parametrize("event, expected", [
    # the mention the event marks wins over a nearer one outside its evidence
    ({"origin": _place(BREST_FR), "highlights": [[22, 27, "place"]], "start": 0, "end": FIRST,
      "evidence_spans": [[0, FIRST]]}, {"origin": "most populous of 3 so named"}),
    ({"origin": _place(BREST_FR), "highlights": [], "start": FIRST, "end": len(TEXT),
      "evidence_spans": [[FIRST, len(TEXT)]]}, {"origin": "a later mention"}),
    # a place no mention explains (the event step found it itself) has no entry
    ({"location": {"name": "Nowhere", "geonameid": 1, "lat": 0.0, "lon": 0.0}}, None),
    ({"destination": _place(FRANKFURT), "via": [{"name": "X", "lat": 1.0, "lon": 1.0},
                                                _place(WARSAW)]},
     {"destination": "most populous of 2 so named",
      "via": [None, "capital; most populous of 2 so named"]}),
])
def test_which_mention_explains_a_place(event, expected):
    got = event_explanation(event, RAIL_DOC["places"])
    if expected is None:
        assert got is None
        return
    shown = {k: ([w and w["reason"] for w in v] if k == "via" else v["reason"]) for k, v in got.items()}
    assert shown == expected


def test_a_document_without_explanations_is_kept_as_it_is():
    plain = copy.deepcopy(DOCS[0])
    assert explained(plain) == plain
    twice = explained(explained(copy.deepcopy(RAIL_DOC)))
    assert twice == explained(copy.deepcopy(RAIL_DOC))     # idempotent: the store may see it again


def test_ingest_through_the_pipeline_explains_without_any_flag(tmp_path, pipeline):
    store = Store(tmp_path / "p.sqlite3")
    text = "Am Montag trafen sich Lukaschenko und Putin in Brest."
    report = extract_and_store(store, pipeline, [Article(name="a.txt", text=text, lang="de",
                                                         doc_date=dt.date(2023, 9, 20))])
    assert report.failed == [] and report.stored[0][2] == 1
    (ev,) = store.events()
    why = ev["explain"]["location"]
    assert why["text"] == "Brest" and why["reason"]
    assert why["candidates"][0]["geonameid"] == ev["location"]["geonameid"]
    assert len(why["candidates"]) >= 2               # the runner-ups the form offers
    assert main_reason(ev) == why["reason"]


# --- the popup and the table ----------------------------------------------------------

def test_popup_says_why_and_folds_the_runner_ups(db):
    ev = Store(db).event("ev-rail")
    y = popup_fields(ev)["y"]
    assert y.count("<div class=lb-why>") == 3
    assert "Brest (origin): <i>why:</i> most populous of 3 so named" in y
    assert ("<details><summary>runner-ups (2)</summary><ul style=margin:0;padding-left:16px>"
            "<li>Brest (BY, city, pop. 347,138)</li><li>Břest (CZ, city, pop. 954)</li></ul>"
            "</details>") in y
    assert "Warsaw (via): <i>why:</i> capital; most populous of 2 so named" in y
    page = build_map([ev]).get_root().render()
    assert "['Why', p.y]" in page and json.dumps("runner-ups (2)") [1:-1] in page


def test_table_has_the_reason_of_the_main_place(db):
    frame = events_frame(Store(db).events()).set_index("id")
    assert list(frame.columns).index("why") == list(frame.columns).index("where") + 1
    # a shipment's main place is its destination
    assert frame.loc["ev-rail", "why"] == "most populous of 2 so named"
    assert frame.loc["ev-ship", "why"] == ""            # stored without explanations


def test_every_text_of_an_explanation_is_escaped():
    evil = "<img src=x onerror=alert(1)>`${x}`\u202e"
    cands = [dict(BREST_FR, name=evil), dict(BREST_BY, name=evil, country_code="<b>")]
    ev = {"id": "e", "type": "meeting", "location": _place(cands[0]),
          "explain": {"location": {"reason": evil, "candidates": cands}}}
    y = popup_fields(ev)["y"]
    tags = {"<div class=lb-why>", "</div>", "<i>", "</i>", "<details>", "</details>", "<summary>",
            "</summary>", "<ul style=margin:0;padding-left:16px>", "</ul>", "<li>", "</li>"}
    bare = y
    for tag in tags:
        bare = bare.replace(tag, "")
    assert not set(bare) & set("<>\"'`\\") and "\u202e" not in bare
    assert "&lt;img src=x onerror=alert(1)&gt;&#96;&#36;{x}&#96;[U+202E]" in bare
    assert "\u202e" not in events_frame([ev]).loc[0, "why"]


@pytest.mark.parametrize("change, origin_why, runner_ups", [
    ({}, "most populous of 3 so named", 2),
    ({"edited_fields": ["origin"]}, "set by an analyst", 0),
    # an explanation naming another entry than the place does not speak for it
    ({"origin": _place(BREST_BY)}, None, 0),
])
def test_an_explanation_speaks_only_for_the_entry_it_chose(change, origin_why, runner_ups):
    ev = {**explained(copy.deepcopy(RAIL_DOC))["events"][0], **change}
    y = why_html(ev)
    line = next((part for part in y.split("<div class=lb-why>") if part.startswith("Brest (origin)")), None)
    assert (line is None) == (origin_why is None)
    if line:
        assert f"<i>why:</i> {origin_why}" in line and line.count("<li>") == runner_ups


# --- the correction form: runner-ups first, one click ---------------------------------

def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_on(app_file: str, event_id: str) -> AppTest:
    at = run(AppTest.from_file(app_file, default_timeout=90))
    at.selectbox(key="edit_event").set_value(event_id)
    return run(at)


def test_one_click_on_a_runner_up_stores_it_and_it_survives_reingest(app_file, db):
    at = open_on(app_file, "ev-rail")
    assert any("why: most populous of 3 so named" in c.value.replace("\\", "") for c in at.caption)
    labels = {b.key: b.label.replace("\\", "") for b in at.button if b.key.startswith("edit_ru_")}
    assert labels == {"edit_ru_origin_0_ev-rail": "Brest (BY, city, pop. 347,138)",
                      "edit_ru_origin_1_ev-rail": "Břest (CZ, city, pop. 954)",
                      "edit_ru_via_0_0_ev-rail": "Warsaw (US, city, pop. 13,559)",
                      "edit_ru_destination_0_ev-rail": "Frankfurt (Oder) (DE, city, pop. 57,107)"}
    at.button(key="edit_ru_origin_0_ev-rail").click()
    run(at)
    assert [s.value.replace("\\", "") for s in at.success] == [
        "Saved the correction of ev-rail: origin."]
    assert [(h["field"], json.loads(h["value"])) for h in Store(db).history("ev-rail")] == [
        ("origin", _place(BREST_BY))]
    for store in (Store(db), reingested(db)):
        ev = store.event("ev-rail")
        assert ev["origin"] == _place(BREST_BY) and ev["destination"] == _place(FRANKFURT)
        assert ev["review_status"] == "reviewed"
        assert "Brest (origin): <i>why:</i> set by an analyst" in popup_fields(ev)["y"]
    # the form now offers the pipeline's own choice back, beside the other runner-up
    keys = {b.key for b in at.button if b.key.startswith("edit_ru_origin")}
    assert keys == {"edit_ru_origin_0_ev-rail", "edit_ru_origin_1_ev-rail"}
    assert at.button(key="edit_ru_origin_0_ev-rail").label.replace("\\", "").startswith("Brest (FR")


def test_one_click_on_a_transit_runner_up_replaces_that_stop(app_file, db):
    at = open_on(app_file, "ev-rail")
    at.button(key="edit_ru_via_0_0_ev-rail").click()
    run(at)
    for store in (Store(db), reingested(db)):
        assert store.event("ev-rail")["via"] == [_place(WARSAW_US)]


def test_the_place_picker_lists_the_runner_ups_first(app_file, db):
    at = open_on(app_file, "ev-rail")
    at.toggle(key="edit_places_ev-rail").set_value(True)
    run(at)
    options = at.selectbox(key="edit_origin_ev-rail").options
    assert options[:4] == ["(keep)", "(clear)", "runner-up: Brest (BY, city, pop. 347,138)",
                           "runner-up: Břest (CZ, city, pop. 954)"]
    assert any(o.startswith("same name: ") for o in options[4:])   # then the other namesakes
    at.text_input(key="edit_origin_q_ev-rail").input("Wien")
    run(at)
    options = at.selectbox(key="edit_origin_ev-rail").options
    assert options[2].startswith("runner-up: ") and options[4].startswith("search: Vienna (AT")
    at.selectbox(key="edit_origin_ev-rail").set_value(options[2])
    at.button(key="edit_save").click()
    run(at)
    assert reingested(db).event("ev-rail")["origin"] == _place(BREST_BY)


# --- a store written before explanations existed ---------------------------------------

@pytest.fixture
def old_db(tmp_path, monkeypatch):
    """Events as an older version stored them: no ``explain`` in their extra column."""
    path = tmp_path / "old.sqlite3"
    store = Store(path)
    _ingest_all(store)
    with store._connect() as conn:
        rows = conn.execute("SELECT id, extra, original_json FROM events").fetchall()
        for r in rows:
            extra = {k: v for k, v in json.loads(r["extra"]).items() if k != "explain"}
            original = {k: v for k, v in json.loads(r["original_json"]).items() if k != "explain"}
            conn.execute("UPDATE events SET extra = ?, original_json = ? WHERE id = ?",
                         (json.dumps(extra), json.dumps(original), r["id"]))
        conn.commit()
    monkeypatch.setenv("LAGEBILD_DB", str(path))
    return path


def test_an_old_store_without_explanations_loads(app_file, old_db):
    events = Store(old_db).events()
    assert len(events) == 5 and not any("explain" in e for e in events)
    assert not any("y" in popup_fields(e) for e in events)
    assert set(events_frame(events)["why"]) == {""}
    build_map(events).get_root().render()
    at = open_on(app_file, "ev-rail")
    assert not [b for b in at.button if b.key.startswith("edit_ru_")]
    at.toggle(key="edit_places_ev-rail").set_value(True)
    run(at)
    options = at.selectbox(key="edit_origin_ev-rail").options
    assert not any(o.startswith("runner-up: ") for o in options)
    assert any(o.startswith("same name: Brest (BY") for o in options)   # the gazetteer's still
