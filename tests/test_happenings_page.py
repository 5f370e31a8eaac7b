"""Happenings on the page (AppTest on a temporary store): the sidebar's "Contradicted
only", the "Split from this happening" button under the correction form, and the
popup's list of a merged happening's reports (viz.popups.sources_html)."""
from __future__ import annotations

import copy

from streamlit.testing.v1 import AppTest

from store import Store
from test_app import db, run, table_ids  # noqa: F401  (db is a fixture)
from test_export import MEETING, SHIPMENT
from viz.popups import sources_html

# a second report of both events of seed-de: the meeting on a day inside its month, the
# shipment arriving two days after the first report's end (a differing date)
MEETING_2 = {**copy.deepcopy(MEETING), "id": "ev-meet-2", "date_start": "2023-09-13",
             "date_end": "2023-09-13", "date_precision": "day", "actors": ["Vladimir Putin"]}
SHIPMENT_2 = {**copy.deepcopy(SHIPMENT), "id": "ev-ship-2", "date_start": "2023-10-03",
              "date_end": "2023-10-03"}
SECOND = {"id": "second-en", "lang": "en", "doc_date": "2023-10-04",
          "doc_date_source": "document", "title": "Kim meets Putin", "url": "https://example.com/b",
          "places": [], "timexes": [], "events": [MEETING_2, SHIPMENT_2]}


def _store(db) -> Store:
    s = Store(db)
    s.ingest(SECOND, "text of second-en")
    return s


def test_second_reports_merge(db):
    s = _store(db)
    assert s.event("ev-meet")["happening_id"] == s.event("ev-meet-2")["happening_id"]
    assert s.event("ev-meet")["source_count"] == 2 and not s.event("ev-meet")["contradicted"]
    assert s.event("ev-ship-2")["contradicted"] is True


def test_contradicted_only_filter(app_file, db):
    _store(db)
    at = run(AppTest.from_file(app_file, default_timeout=90))
    assert len(table_ids(at)) > 2
    at.checkbox(key="f_contradicted").check()
    run(at)
    assert sorted(table_ids(at)) == ["ev-ship", "ev-ship-2"]


def test_split_button_takes_the_event_out(app_file, db):
    s = _store(db)
    at = run(AppTest.from_file(app_file, default_timeout=90))
    at.selectbox(key="edit_event").set_value("ev-evil")     # reported once: no button
    run(at)
    assert not [b for b in at.button if b.key == "edit_split"]
    at.selectbox(key="edit_event").set_value("ev-meet")
    run(at)
    at.button(key="edit_split").click()
    run(at)
    assert s.event("ev-meet")["source_count"] == 1
    assert s.event("ev-meet")["happening_id"] == "split-ev-meet"
    assert s.event("ev-meet-2")["source_count"] == 1


def test_popup_lists_the_reports_with_differing_values():
    event = {"contradicted": True, "happening_sources": [
        {"doc_id": "a", "doc_date": "2024-03-12", "title": "<b>Astana</b>", "date": "2024-03-12"},
        {"doc_id": "b", "doc_date": "2024-03-16", "title": None, "date": "2024-03-13"}]}
    html = sources_html(event)
    assert html.split("<br>") == ["2 reports – they disagree",
                                  "2024-03-12 · &lt;b&gt;Astana&lt;/b&gt; · date: 2024-03-12",
                                  "2024-03-16 · b · date: 2024-03-13"]
    assert sources_html({"happening_sources": event["happening_sources"][:1]}) == ""
    assert sources_html({}) == ""
