"""The page through streamlit's AppTest, on a temporary store (LAGEBILD_DB)."""
from __future__ import annotations

import datetime as dt

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import app_test as app_test_module

from store import Store
from test_export import DOCS
from viz.table import parse_csv

D = dt.date.fromisoformat
SUBMIT_INGEST = "FormSubmitter:ingest_form-Extract and store"
SUBMIT_EDIT = "edit_save"


class _KeepingStorage(MemoryMediaFileStorage):
    """Media storage that remembers what download buttons would serve."""

    served: dict[str, bytes] = {}

    def load_and_get_id(self, path_or_data, mimetype, kind, filename=None):
        file_id = super().load_and_get_id(path_or_data, mimetype, kind, filename)
        self.served[file_id] = path_or_data
        return file_id


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "app.sqlite3"
    store = Store(path)
    for doc in DOCS:
        store.ingest(doc, f"text of {doc['id']}")
    monkeypatch.setenv("LAGEBILD_DB", str(path))
    monkeypatch.setattr(app_test_module, "MemoryMediaFileStorage", _KeepingStorage)
    return path


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def table_ids(at: AppTest) -> list[str]:
    return list(at.dataframe[0].value["id"])


def csv_rows(at: AppTest) -> list[dict]:
    button = next(b for b in at.get("download_button") if b.proto.label == "Download CSV")
    file_id = button.proto.url.rsplit("/", 1)[-1].split(".")[0]
    return parse_csv(_KeepingStorage.served[file_id].decode("utf-8"))


def test_page_loads(app_file, db):
    at = run(AppTest.from_file(app_file, default_timeout=60))
    assert at.title[0].value == "Lagebild"
    assert "4 of 4 events" in at.caption[0].value  # the undated one is shown by default
    assert sorted(table_ids(at)) == ["ev-evil", "ev-meet", "ev-none", "ev-ship"]


def test_date_window_changes_table_and_csv(app_file, db):
    at = run(AppTest.from_file(app_file, default_timeout=60))
    before = csv_rows(at)
    assert sorted(r["event_id"] for r in before) == ["ev-evil", "ev-meet", "ev-none", "ev-ship"]
    at.slider(key="window").set_value((D("2023-09-10"), D("2023-10-02")))
    run(at)
    # the undated one stays (any window; "Include undated events" is ticked)
    assert sorted(table_ids(at)) == ["ev-evil", "ev-meet", "ev-ship"]
    rows = csv_rows(at)
    assert sorted(r["event_id"] for r in rows) == ["ev-evil", "ev-meet", "ev-ship"]
    assert rows[0]["review_status"] == "unreviewed"
    name = next(b for b in at.get("download_button") if b.proto.label == "Download CSV")
    assert name.proto.url.endswith(".csv")


@pytest.mark.parametrize("key, value, expected", [
    ("f_types", ["shipment"], ["ev-ship"]),
    ("f_actors", ["Kim Jong Un"], ["ev-meet"]),
    ("f_countries", ["KP"], ["ev-ship"]),
])
def test_filters_change_rows(app_file, db, key, value, expected):
    at = run(AppTest.from_file(app_file, default_timeout=60))
    at.multiselect(key=key).set_value(value)
    run(at)
    assert table_ids(at) == expected
    assert [r["event_id"] for r in csv_rows(at)] == expected


def test_free_text_and_undated(app_file, db):
    at = run(AppTest.from_file(app_file, default_timeout=60))
    at.checkbox(key="f_undated").check()
    run(at)
    assert "ev-evil" in table_ids(at)
    at.text_input(key="f_text").input("hyperlink")
    run(at)
    assert table_ids(at) == ["ev-evil"]
    # the CSV cell is neutralised for spreadsheets
    assert csv_rows(at)[0]["actors"].startswith("'=HYPERLINK")


def test_correction_persists_across_reload(app_file, db):
    at = run(AppTest.from_file(app_file, default_timeout=60))
    at.selectbox(key="edit_event").set_value("ev-meet")
    run(at)
    at.selectbox(key="edit_type_ev-meet").set_value("shipment")
    at.text_input(key="edit_actors_ev-meet").input("Kim Jong Un")
    at.button(key=SUBMIT_EDIT).click()
    run(at)
    fresh = run(AppTest.from_file(app_file, default_timeout=60))
    frame = fresh.dataframe[0].value.set_index("id")
    assert frame.loc["ev-meet", "type"] == "shipment"
    assert frame.loc["ev-meet", "actors"] == "Kim Jong Un"
    assert frame.loc["ev-meet", "review"] == "reviewed"
    assert Store(db).event("ev-meet")["review_status"] == "reviewed"


def test_reject_moves_event_to_rejected_view(app_file, db):
    at = run(AppTest.from_file(app_file, default_timeout=60))
    at.selectbox(key="edit_event").set_value("ev-ship")
    run(at)
    at.checkbox(key="edit_reject_ev-ship").check()
    at.button(key=SUBMIT_EDIT).click()
    run(at)
    assert "ev-ship" not in table_ids(at)
    at.radio(key="f_review").set_value("rejected")
    run(at)
    assert table_ids(at) == ["ev-ship"]


def test_input_without_date_is_refused(app_file, db):
    at = run(AppTest.from_file(app_file, default_timeout=60))
    at.text_area(key="in_text").input("Am Freitag traf sich der Minister in Berlin.")
    at.button(key=SUBMIT_INGEST).click()
    run(at)
    assert any("no publication date" in e.value for e in at.error)
    assert Store(db).count() == 4


def test_pasting_an_article_adds_events(app_file, db):
    at = run(AppTest.from_file(app_file, default_timeout=120))
    text = ("Am Freitag traf sich der russische Präsident Wladimir Putin mit dem "
            "nordkoreanischen Machthaber Kim Jong Un in Wladiwostok.")
    at.text_area(key="in_text").input(text)
    at.text_input(key="in_title").input("Gipfel in Wladiwostok")
    at.date_input(key="in_date").set_value(D("2023-09-15"))
    at.button(key=SUBMIT_INGEST).click()
    run(at)
    assert any("pasted text" in s.value for s in at.success), [e.value for e in at.error]
    docs = {d["title"]: d for d in Store(db).documents()}
    assert docs["Gipfel in Wladiwostok"]["doc_date"] == "2023-09-15"
    assert docs["Gipfel in Wladiwostok"]["n_events"] >= 1
    titles = set(at.dataframe[0].value["source"])
    assert "Gipfel in Wladiwostok" in titles


def test_map_pick_narrows_the_table_and_opens_the_correction(app_file, db):
    """What a click on a marker leads to (the click itself: tests/test_browser.py)."""
    at = run(AppTest.from_file(app_file, default_timeout=60))
    at.session_state["_map_click"] = {"lat": 51.884, "lng": 128.334}
    at.session_state["map_pick"] = ["ev-meet"]
    run(at)
    assert any("Picked on the map: 1 event(s) at Vostochny Cosmodrome" in i.value.replace("\\", "")
               for i in at.info)
    assert table_ids(at) == ["ev-meet"]
    assert at.selectbox(key="edit_event").value == "ev-meet"
    at.button(key="map_pick_clear").click()
    run(at)
    assert table_ids(at) == ["ev-none", "ev-meet", "ev-ship", "ev-evil"]   # undated last
    assert not any("Picked" in i.value for i in at.info)


def test_uploaded_results_part_loads_and_a_bad_one_is_named(app_file, db, tmp_path):
    """A .parquet result part of a batch run is loaded as it is (no extraction);
    a broken one is named with the reason and the good one still loads."""
    from test_parquet_import import _pairs
    from ingest.parts import ParquetSink
    from store.synthetic import synthetic_documents

    part = ParquetSink(tmp_path / "parts").write(_pairs(synthetic_documents(12, events_per_doc=4)))
    at = run(AppTest.from_file(app_file, default_timeout=60))
    at.file_uploader(key="in_files").set_value([
        ("batch.parquet", part.read_bytes(), "application/octet-stream"),
        ("broken.parquet", b"not parquet", "application/octet-stream")])
    at.button(key=SUBMIT_INGEST).click()
    run(at)
    success = [s.value.replace("\\", "") for s in at.success]   # shown markdown-escaped
    errors = [e.value.replace("\\", "") for e in at.error]
    assert success == ["batch.parquet: results part loaded, 3 new, 0 updated, 0 unchanged"]
    assert len(errors) == 1 and errors[0].startswith("broken.parquet: not a Parquet file")
    assert Store(db).count() == 4 + 12


@pytest.mark.slow  # ~3 s: a store above PAGE_LIMIT
def test_big_store_opens_on_recent_weeks_and_caps_rows(app_file, tmp_path, monkeypatch):
    """Above the page limit: the window opens on the last 90 days, at most
    PAGE_LIMIT rows (the newest) are shown, and the page says so."""
    from store.synthetic import fill_store

    path = tmp_path / "big.sqlite3"
    store = Store(path)
    fill_store(store, 1500)                      # ~6,000 events over six years
    monkeypatch.setenv("LAGEBILD_DB", str(path))
    at = run(AppTest.from_file(app_file, default_timeout=120))
    lo, hi = at.slider(key="window").value
    assert lo == D(store.facets()["date_last_start"]) - dt.timedelta(days=90)
    total = int(at.caption[0].value.split(" of ")[0])
    assert 0 < total < store.count()
    first = D(store.facets()["date_min"]) - dt.timedelta(days=1)
    at.slider(key="window").set_value((first, hi))   # all of it
    run(at)
    assert int(at.caption[0].value.split(" of ")[0]) == store.count() > 5000
    assert len(table_ids(at)) == 5000
    assert any("Showing the newest 5000 of" in i.value for i in at.info)
    newest = max(e["date_start"] for e in store.events())
    shown = list(at.dataframe[0].value["date_start"])
    assert shown == sorted(shown) and shown[-1] == newest


def test_online_geocoding_is_offered_and_off_by_default(app_file, db):
    at = run(AppTest.from_file(app_file, default_timeout=60))
    box = at.checkbox(key="in_online")
    assert box.value is False and "Nominatim" in box.label


# --- timeline: the undated line, the modes, play --------------------------------

def _texts(at: AppTest) -> list[str]:
    return [m.value.replace("\\", "") for m in at.markdown]


def _chart_title(at: AppTest) -> str:
    import json

    return json.loads(at.get("vega_lite_chart")[0].proto.spec)["title"]


@pytest.mark.parametrize("widget, key, value, notice", [
    (None, None, None, "1 undated — shown on the map, not on the timeline"),
    ("checkbox", "f_undated", False,
     "1 undated — hidden by the filter “Include undated events”; not on the timeline"),
    ("multiselect", "f_types", ["meeting"], "1 undated — shown on the map, not on the timeline"),
    ("multiselect", "f_types", ["shipment"], None),
    ("text_input", "f_text", "hyperlink", "1 undated — shown on the map, not on the timeline"),
    ("text_input", "f_text", "Munition", None),
])
def test_undated_notice_counts_the_filters_undated_events(app_file, db, widget, key, value,
                                                          notice):
    at = run(AppTest.from_file(app_file, default_timeout=60))
    if widget:
        getattr(at, widget)(key=key).set_value(value)
        run(at)
    lines = [t for t in _texts(at) if "undated" in t]
    assert lines == ([f":grey-background[{notice}]"] if notice else [])
    assert ("ev-evil" in table_ids(at)) == bool(notice and "shown" in notice)


@pytest.mark.parametrize("mode, title", [
    ("auto", "Timeline: one bar per event (3 dated)"),     # 3 events: bars
    ("bars", "Timeline: one bar per event (3 dated)"),
    ("day", "Timeline: events per day by type (3 dated)"),
    ("week", "Timeline: events per week (from Monday) by type (3 dated)"),
    ("month", "Timeline: events per month by type (3 dated)"),
])
def test_timeline_modes(app_file, db, mode, title):
    at = run(AppTest.from_file(app_file, default_timeout=60))
    at.radio(key="timeline_mode").set_value(mode)
    run(at)
    assert _chart_title(at) == f"{title} · 2023-06-30 – 2023-10-02"   # the whole span


def test_timeline_counts_many_events_per_week(app_file, tmp_path, monkeypatch):
    """Many events over five months: stacked counts per week; in a window of
    60 days, per day."""
    from store.synthetic import synthetic_documents

    path = tmp_path / "many.sqlite3"
    store = Store(path)
    for doc in synthetic_documents(200, start=D("2023-01-01"), days=150):
        store.ingest(doc, "text")
    monkeypatch.setenv("LAGEBILD_DB", str(path))
    at = run(AppTest.from_file(app_file, default_timeout=60))
    n = store.count()                    # the store merges a few of the 200
    assert _chart_title(at).startswith(
        f"Timeline: events per week (from Monday) by type ({n} dated) · ")
    assert not [t for t in _texts(at) if "undated" in t]
    lo, _ = at.slider(key="window").value
    at.slider(key="window").set_value((lo, lo + dt.timedelta(days=59)))
    run(at)
    title = _chart_title(at)
    assert title.startswith("Timeline: events per day by type (")
    assert int(title.split("(")[1].split()[0]) == len(table_ids(at)) > 40


def _window(at: AppTest) -> str:
    return next(t for t in _texts(at) if t.startswith("**Window"))


def test_play_steps_map_table_and_timeline_together(app_file, db):
    """Play shows one fixed window per step; a due tick moves it on (the real
    ticking: tests/test_browser_timeline.py); pause, step and reset."""
    at = run(AppTest.from_file(app_file, default_timeout=60))
    assert _window(at) == "**Window 2023-06-30 – 2023-10-02**"
    assert at.selectbox(key="play_width").value == 7
    at.button(key="play_toggle").click()
    run(at)
    assert _window(at) == "**Window 2023-06-30 – 2023-07-06 · step 1 of 14 · playing**"
    assert sorted(table_ids(at)) == ["ev-evil", "ev-none"]     # July, and the undated one
    assert _chart_title(at).endswith("(1 dated) · 2023-06-30 – 2023-07-06")
    for step in range(2, 11):                                   # ticks that are due
        at.session_state["_play_at"] = 0.0
        run(at)
    assert _window(at) == "**Window 2023-09-01 – 2023-09-07 · step 10 of 14 · playing**"
    assert sorted(table_ids(at)) == ["ev-evil", "ev-meet", "ev-ship"]
    assert _chart_title(at).endswith("(2 dated) · 2023-09-01 – 2023-09-07")
    run(at)                                    # a rerun that is not a due tick: no step
    assert "step 10 of 14" in _window(at)
    at.button(key="play_toggle").click()       # pause
    run(at)
    assert _window(at).endswith("step 10 of 14 · paused**")
    at.button(key="step_fwd").click()          # steps the play window while paused
    run(at)
    assert _window(at) == "**Window 2023-09-08 – 2023-09-14 · step 11 of 14 · paused**"
    at.button(key="play_reset").click()
    run(at)
    assert _window(at) == "**Window 2023-06-30 – 2023-10-02**"
    assert len(table_ids(at)) == 4


def test_play_stops_at_the_end(app_file, db):
    at = run(AppTest.from_file(app_file, default_timeout=60))
    at.button(key="play_toggle").click()
    run(at)
    for _ in range(14):
        at.session_state["_play_at"] = 0.0
        run(at)
    assert _window(at).endswith("step 14 of 14 · paused**")
    at.button(key="play_toggle").click()       # play again: from the start
    run(at)
    assert "step 1 of 14 · playing" in _window(at)
