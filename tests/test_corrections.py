"""The correction form, field by field, through streamlit's AppTest on a temporary
store (widgets driven by key; then the store is read), and the pure helpers
under it: store.edits (what an edit may say) and geo.choices (gazetteer choices)."""
from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from geo.choices import as_place, label, same_name, search
from records.errors import InputError
from store import Store
from store.edits import changes_between, check_changes, known_modes
from test_export import DOCS, RAJIN, VOSTOCHNY

D = dt.date.fromisoformat
SAVE = "edit_save"

BREST_FR = {"name": "Brest", "geonameid": 3030300, "lat": 48.39029, "lon": -4.48628,
            "country_code": "FR", "feature": "city"}
FRANKFURT = {"name": "Frankfurt am Main", "geonameid": 2925533, "lat": 50.11552,
             "lon": 8.68417, "country_code": "DE", "feature": "city"}
WARSAW = {"name": "Warsaw", "geonameid": 756135, "lat": 52.22977, "lon": 21.01178,
          "country_code": "PL", "feature": "city"}
RAIL_TEXT = "Ein Güterzug fuhr von Brest über Warschau nach Frankfurt."


def _mention(place: dict, word: str) -> dict:
    start = RAIL_TEXT.index(word)
    return dict(place, text=word, start=start, end=start + len(word), confidence=0.6)


# a rail shipment whose origin and destination were resolved to the wrong namesakes
RAIL_DOC = {
    "id": "doc-rail", "lang": "de", "doc_date": "2023-09-20", "doc_date_source": "argument",
    "title": "Zug nach Frankfurt", "url": "https://example.org/rail",
    "places": [_mention(BREST_FR, "Brest"), _mention(WARSAW, "Warschau"),
               _mention(FRANKFURT, "Frankfurt")],
    "timexes": [],
    "events": [{"id": "ev-rail", "type": "shipment", "date_start": "2023-09-18",
                "date_end": "2023-09-18", "date_precision": "day", "actors": ["Belarus"],
                "location": None, "origin": BREST_FR, "destination": FRANKFURT,
                "via": [WARSAW], "modes": ["rail"], "cargo": "Ersatzteile",
                "evidence": RAIL_TEXT, "start": 0, "end": len(RAIL_TEXT), "confidence": 0.7}],
}
ALL_DOCS = [*DOCS, RAIL_DOC]


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "app.sqlite3"
    store = Store(path)
    for doc in ALL_DOCS:
        store.ingest(doc, f"text of {doc['id']}")
    monkeypatch.setenv("LAGEBILD_DB", str(path))
    return path


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_on(app_file: str, event_id: str, places: bool = False) -> AppTest:
    """The page with the correction form on *event_id* (its place pickers shown if asked)."""
    at = run(AppTest.from_file(app_file, default_timeout=90))
    at.selectbox(key="edit_event").set_value(event_id)
    run(at)
    if places:
        at.toggle(key=f"edit_places_{event_id}").set_value(True)
        run(at)
    return at


def save(at: AppTest) -> AppTest:
    at.button(key=SAVE).click()
    return run(at)


def reingested(db) -> Store:
    """The store after the pipeline has stored every document again."""
    store = Store(db)
    for doc in ALL_DOCS:
        store.ingest(doc, f"text of {doc['id']}", replace=True)
    return store


def plain(markdown: str) -> str:
    """A message as the page shows it (md_text escapes markdown with backslashes)."""
    return markdown.replace("\\", "")


def option(at: AppTest, key: str, prefix: str) -> str:
    options = at.selectbox(key=key).options
    found = [o for o in options if o.startswith(prefix)]
    assert found, f"no option {prefix!r} in {options}"
    return found[0]


# --- the fields without places: one widget, one stored value ------------------

@pytest.mark.parametrize("event_id, kind, key, value, field, expected", [
    ("ev-meet", "selectbox", "edit_type", "shipment", "type", "shipment"),
    ("ev-meet", "date_input", "edit_start", D("2023-09-13"), "date_start", "2023-09-13"),
    ("ev-meet", "date_input", "edit_end", D("2023-09-14"), "date_end", "2023-09-14"),
    ("ev-meet", "date_input", "edit_end", None, "date_end", None),
    ("ev-meet", "selectbox", "edit_prec", "day", "date_precision", "day"),
    ("ev-ship", "multiselect", "edit_modes", ["rail", "road"], "modes", ["rail", "road"]),
    ("ev-ship", "multiselect", "edit_modes", [], "modes", []),
    ("ev-ship", "text_input", "edit_cargo", "Artilleriegranaten", "cargo", "Artilleriegranaten"),
    ("ev-ship", "text_input", "edit_cargo", "", "cargo", None),
    ("ev-ship", "text_input", "edit_actors", "Russia; Wagner", "actors", ["Russia", "Wagner"]),
    ("ev-ship", "checkbox", "edit_reject", True, "review_status", "rejected"),
])
def test_each_field_is_saved_and_survives_reingest(app_file, db, event_id, kind, key, value,
                                                   field, expected):
    at = open_on(app_file, event_id)
    getattr(at, kind)(key=f"{key}_{event_id}").set_value(value)
    save(at)
    assert not at.error, [e.value for e in at.error]
    name = {"date_start": "start", "date_end": "end", "date_precision": "precision",
            "review_status": "rejected"}.get(field, field)
    assert any(name in s.value for s in at.success), [s.value for s in at.success]
    assert Store(db).event(event_id)[field] == expected
    assert reingested(db).event(event_id)[field] == expected


def test_type_is_chosen_from_the_event_types(app_file, db):
    at = open_on(app_file, "ev-meet")
    assert at.selectbox(key="edit_type_ev-meet").options == ["meeting", "shipment"]
    # a type the file does not know (an older edit) is kept on offer, not lost
    Store(db).edit("ev-none", {"type": "visit"})
    at = open_on(app_file, "ev-none")
    assert at.selectbox(key="edit_type_ev-none").options == ["meeting", "shipment", "visit"]


def test_an_end_before_the_start_is_refused_with_a_message(app_file, db):
    at = open_on(app_file, "ev-meet")
    at.date_input(key="edit_end_ev-meet").set_value(D("2023-08-01"))
    save(at)
    assert [plain(e.value) for e in at.error] == [
        "Not saved: the end (2023-08-01) is before the start (2023-09-01)"]
    assert Store(db).event("ev-meet")["date_end"] == "2023-09-30"
    assert Store(db).history("ev-meet") == []
    # the form is still there with the analyst's values
    assert at.date_input(key="edit_end_ev-meet").value == D("2023-08-01")


def test_the_form_stays_on_the_event_after_saving(app_file, db):
    at = open_on(app_file, "ev-ship")
    labels = at.selectbox(key="edit_event").options
    # the picker names date, type and place (the route for a shipment)
    assert "2023-09-07 · shipment · Rajin (KP) → Vostochny Cosmodrome (RU) → Tikhoretsk (RU) · " \
           "North Korea, Russia" in labels
    assert any(lb.startswith("2023-09-01 · meeting · Vostochny Cosmodrome (RU) · ") for lb in labels)
    at.text_input(key="edit_cargo_ev-ship").set_value("Raketen")
    save(at)
    assert at.selectbox(key="edit_event").value == "ev-ship"
    assert at.session_state["edit_open"] is True
    assert [plain(s.value) for s in at.success] == ["Saved the correction of ev-ship: cargo."]
    assert at.text_input(key="edit_cargo_ev-ship").value == "Raketen"
    run(at)  # the next rerun keeps the event, drops the message
    assert at.selectbox(key="edit_event").value == "ev-ship" and not at.success


# --- places: search, runner-ups, the article's places, clear ------------------

@pytest.mark.parametrize("event_id, role, query, pick, expected", [
    # gazetteer search
    ("ev-meet", "location", "Wien", "search: Vienna (AT, city, pop.", ("Vienna", "AT")),
    ("ev-ship", "origin", "Tikhor", "search: Tikhoretsk (RU", ("Tikhoretsk", "RU")),
    ("ev-ship", "destination", "Wien", "search: Vienna (AT", ("Vienna", "AT")),
    # the other places of the same name (the article said "Brest", "Frankfurt")
    ("ev-rail", "origin", "", "same name: Brest (BY, city, pop.", ("Brest", "BY")),
    ("ev-rail", "destination", "", "same name: Frankfurt (Oder) (DE", ("Frankfurt (Oder)", "DE")),
    # a place of the article
    ("ev-rail", "destination", "", "in the article: Warsaw (PL", ("Warsaw", "PL")),
])
def test_a_place_role_is_set(app_file, db, event_id, role, query, pick, expected):
    at = open_on(app_file, event_id, places=True)
    if query:
        at.text_input(key=f"edit_{role}_q_{event_id}").input(query)
        run(at)
    key = f"edit_{role}_{event_id}"
    at.selectbox(key=key).set_value(option(at, key, pick))
    save(at)
    assert any(role in s.value for s in at.success)
    for store in (Store(db), reingested(db)):
        place = store.event(event_id)[role]
        assert (place["name"], place["country_code"]) == expected
        assert set(place) == {"name", "geonameid", "lat", "lon", "country_code", "feature"}


def test_a_shipment_offers_its_roles_and_a_place_is_cleared(app_file, db):
    at = open_on(app_file, "ev-ship", places=True)
    keys = {w.key for w in at.selectbox}
    assert {"edit_origin_ev-ship", "edit_destination_ev-ship"} <= keys
    assert "edit_location_ev-ship" not in keys          # a shipment has no location role
    at.selectbox(key="edit_origin_ev-ship").set_value("(clear)")
    save(at)
    assert Store(db).event("ev-ship")["origin"] is None
    assert reingested(db).event("ev-ship")["origin"] is None


def test_unknown_name_says_so(app_file, db):
    at = open_on(app_file, "ev-meet", places=True)
    at.text_input(key="edit_location_q_ev-meet").input("Xqzzyville")
    run(at)
    assert any("No gazetteer entry named Xqzzyville" in c.value for c in at.caption)


def test_via_places_are_added_and_removed_in_order(app_file, db):
    at = open_on(app_file, "ev-ship", places=True)
    at.text_input(key="edit_via_q_ev-ship").input("Irkutsk")
    run(at)
    at.selectbox(key="edit_via_pick_ev-ship").set_value(
        option(at, "edit_via_pick_ev-ship", "search: Irkutsk (RU"))
    at.selectbox(key="edit_via_at_ev-ship").set_value(1)          # before Vostochny
    at.button(key="edit_via_add_ev-ship").click()
    run(at)
    at.selectbox(key="edit_via_pick_ev-ship").set_value(
        option(at, "edit_via_pick_ev-ship", "in the article: Rajin"))
    at.button(key="edit_via_add_ev-ship").click()                  # at the end by default
    run(at)
    at.button(key="edit_via_remove_ev-ship_1").click()             # Vostochny out
    run(at)
    save(at)
    assert any("via" in s.value for s in at.success)
    for store in (Store(db), reingested(db)):
        assert [p["name"] for p in store.event("ev-ship")["via"]] == ["Irkutsk", "Rajin"]


def test_saving_without_a_change_confirms_the_event(app_file, db):
    at = open_on(app_file, "ev-ship")
    save(at)
    assert [plain(s.value) for s in at.success] == [
        "Saved the correction of ev-ship: confirmed as it is."]
    assert Store(db).event("ev-ship")["review_status"] == "reviewed"


# --- store.edits: what an edit may say ---------------------------------------

MEETING_NOW = {"type": "meeting", "date_start": "2023-09-01", "date_end": "2023-09-30",
               "review_status": "unreviewed", "location": VOSTOCHNY, "via": [], "modes": []}


@pytest.mark.parametrize("changes, message", [
    ({"type": "visit"}, "not an event type"),
    ({"type": "  "}, "not a non-empty text"),
    ({"date_end": "2023-08-31"}, r"end \(2023-08-31\) is before the start \(2023-09-01\)"),
    ({"date_start": "2023-10-01"}, "before the start"),
    ({"date_start": "13.09.2023"}, "not a date"),
    ({"date_precision": "week"}, "not one of day, month, year"),
    ({"location": {"name": "Nowhere"}}, "'Nowhere' has no coordinates"),
    ({"origin": {"name": "X", "lat": 95, "lon": 0}}, "off the globe"),
    ({"destination": "Vienna"}, "not a place"),
    ({"via": RAJIN}, "not a list of places"),
    ({"via": [RAJIN, None]}, "an empty place"),
    ({"modes": ["sea", "sea"]}, "appears twice"),
    ({"modes": ["teleport"]}, "not a known transport mode"),
    ({"actors": "Kim Jong Un"}, "not a list"),
    ({"rejected": "yes"}, "not true or false"),
])
def test_edits_that_cannot_stand(changes, message):
    with pytest.raises(InputError, match=message):
        check_changes(MEETING_NOW, changes, types=["meeting", "shipment"], modes=known_modes())


@pytest.mark.parametrize("changes, expected", [
    ({"cargo": "  Munition "}, {"cargo": "Munition"}),
    ({"cargo": ""}, {"cargo": None}),
    ({"type": "visit"}, {"type": "visit"}),       # the store alone accepts any type name
    ({"date_start": None, "date_end": None}, {"date_start": None, "date_end": None}),
    ({"location": dict(RAJIN, population=66224)}, {"location": RAJIN}),
    ({"via": [VOSTOCHNY]}, {"via": [dict(VOSTOCHNY, feature="facility")]}),
])
def test_edits_are_normalised(changes, expected):
    assert check_changes(MEETING_NOW, changes) == expected


@pytest.mark.parametrize("proposed, expected", [
    ({"type": "meeting", "location": dict(VOSTOCHNY, population=0)}, {}),
    ({"rejected": False, "modes": [], "cargo": None}, {}),
    ({"rejected": True}, {"rejected": True}),
    ({"location": RAJIN, "via": []}, {"location": RAJIN}),
    ({"via": [RAJIN]}, {"via": [RAJIN]}),
])
def test_only_what_differs_is_stored(proposed, expected):
    assert changes_between(MEETING_NOW, proposed) == expected


def test_known_modes_come_from_the_lexicons():
    assert set(known_modes()) >= {"sea", "rail", "road", "air"}


# --- geo.choices: places to choose from --------------------------------------

def test_search_finds_names_aliases_and_beginnings(gazetteer):
    assert (search(gazetteer, "Wien")[0]["name"], search(gazetteer, "Wien")[0]["country_code"]) \
        == ("Vienna", "AT")
    assert search(gazetteer, "Tikhor")[0]["name"] == "Tikhoretsk"   # begins so
    # below MIN_PREFIX characters only whole names count
    assert [p["name"] for p in search(gazetteer, "Ti")] == [p["name"] for p in _exact(gazetteer, "Ti")]
    assert search(gazetteer, "  ") == []
    assert len(search(gazetteer, "Paris", limit=3)) == 3


def _exact(gazetteer, name):
    return [c.place for c in gazetteer.lookup(name)]


def test_same_name_offers_the_runner_ups_without_the_current(gazetteer):
    found = same_name(gazetteer, ["Brest"], BREST_FR)
    assert found[0]["country_code"] == "BY"
    assert all(p["geonameid"] != BREST_FR["geonameid"] for p in found)
    assert same_name(gazetteer, ["Frankfurt am Main", "Frankfurt"], FRANKFURT)[0]["name"] == \
        "Frankfurt (Oder)"


@pytest.mark.parametrize("place, expected", [
    ({"name": "Vienna", "country_code": "AT", "feature": "city", "population": 1691468},
     "Vienna (AT, city, pop. 1,691,468)"),
    (VOSTOCHNY, "Vostochny Cosmodrome (RU, facility)"),
    ({"name": "Somewhere", "country_code": None, "feature": None}, "Somewhere (?, ?)"),
])
def test_labels(place, expected):
    assert label(place) == expected


def test_a_choice_is_stored_in_the_contracts_place_shape():
    assert as_place(dict(RAJIN, population=5)) == RAJIN
    assert as_place(dict(RAJIN, source="online"))["source"] == "online"
