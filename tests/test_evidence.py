"""Readable evidence: the words that made an event marked in its sentence (viz.evidence),
kept by the store, shown in popups and on the page; one name per actor (records.actors)."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

import hostile
from records.actors import aliases, one_name_per_actor
from store import Store
from test_app import run
from viz import build_map
from viz.evidence import evidence_html, evidence_runs, key_html, mark_css, md_inline, runs_html
from viz.popups import event_tooltip, popup_fields
from viz.table import events_frame

MD = MarkdownIt("commonmark", {"html": True})
SENTENCE = "Kim traf Putin in Wladiwostok."   # document offsets 100..130


def _event(highlights, evidence=SENTENCE, spans=((100, 130),), **more):
    return {"id": "ev", "type": "meeting", "evidence": evidence,
            "evidence_spans": [list(s) for s in spans], "highlights": highlights,
            "start": spans[0][0], "end": spans[0][1], **more}


# --- highlight spans -> runs ----------------------------------------------------

RUNS = [
    # no highlights: the plain sentence
    ([], [(SENTENCE, None)]),
    # one trigger, one place
    ([[104, 108, "trigger"], [118, 129, "place"]],
     [("Kim ", None), ("traf", "trigger"), (" Putin in ", None), ("Wladiwostok", "place"), (".", None)]),
    # overlapping: the kind listed first in data/evidence_marks.json wins where they meet
    ([[100, 114, "actor"], [104, 108, "trigger"]],
     [("Kim ", "actor"), ("traf", "trigger"), (" Putin", "actor"), (" in Wladiwostok.", None)]),
    ([[109, 129, "date"], [118, 129, "place"]],
     [("Kim traf ", None), ("Putin in ", "date"), ("Wladiwostok", "place"), (".", None)]),
    # outside the sentence: ignored; crossing its end: cut there
    ([[0, 50, "place"], [130, 140, "date"], [125, 160, "date"]],
     [("Kim traf Putin in Wladiwo", None), ("stok.", "date")]),
    # an unknown kind, an empty span, malformed entries: ignored
    ([[100, 103, "weapon"], [104, 104, "trigger"], [1, 2], None, ["a", "b", "place"]],
     [(SENTENCE, None)]),
]


@pytest.mark.parametrize("highlights, runs", RUNS)
def test_evidence_runs(highlights, runs):
    assert evidence_runs(_event(highlights)) == runs
    assert "".join(t for t, _ in runs) == SENTENCE


def test_runs_of_two_sentences_joined_with_a_space():
    ev = _event([[4, 7, "trigger"], [203, 210, "place"]], evidence="Sie trafen sich. In Genf.",
                spans=((0, 16), (200, 208)))
    assert evidence_runs(ev) == [("Sie ", None), ("tra", "trigger"), ("fen sich. In ", None),
                                 ("Genf.", "place")]


@pytest.mark.parametrize("evidence, spans", [
    ("Kim traf Putin.", ((100, 130),)),          # edited: the lengths no longer add up
    (SENTENCE, ((100, 120), (125, 135))),        # two sentences that are not this one
])
def test_no_marks_when_the_sentence_cannot_be_placed(evidence, spans):
    assert evidence_runs(_event([[104, 108, "trigger"]], evidence, spans)) == [(evidence, None)]


# --- runs -> HTML pieces, escaped ------------------------------------------------

HTML = [
    ([("a<b", None)], "a&lt;b"),
    ([("x", "trigger"), (" & ", None), ("y", "place")],
     "<mark class=lb-trigger>x</mark> &amp; <mark class=lb-place>y</mark>"),
    ([(hostile.SCRIPT, "actor")], "<mark class=lb-actor>&lt;script&gt;alert(&#x27;script&#x27;)"
                                  "&lt;/script&gt;</mark>"),
    ([(hostile.RTL, "date")], "<mark class=lb-date>invoice[U+202E]txt.exe</mark>"),
    ([(hostile.TEMPLATE, None)], "&#96;&#36;{alert(&#x27;template&#x27;)}&#96;"),
    # a kind that is not in the data never becomes a class
    ([("t", "\"><img src=x>")], "t"),
]


@pytest.mark.parametrize("runs, html", HTML)
def test_runs_html(runs, html):
    assert runs_html(runs) == html


@pytest.mark.parametrize("payload", hostile.PAYLOADS)
def test_marked_payloads_stay_text(payload):
    ev = _event([[100, 100 + len(payload) // 2, "trigger"], [100 + len(payload) // 3, 100 + len(payload), "place"]],
                evidence=payload, spans=((100, 100 + len(payload)),))
    html = evidence_html(ev)
    assert hostile.html_problems(f"<div>{html}</div>") == []
    assert not set(re.sub(r"<mark class=lb-(trigger|place)>|</mark>", "", html)) & set("<>\"'`$\\")
    page = MD.render(evidence_html(ev, md_inline))
    assert hostile.html_problems(page) == []
    assert not re.findall(r"<(?!/?mark\b|/?p>)", page)


@pytest.mark.parametrize("piece, shown", [
    (" sagte", " sagte"),                 # the space before a word stays (md_text drops indentation)
    ("a\nb", "a b"),                      # one line: no paragraph break inside the sentence
    ("*x* [l](javascript:y)", r"\*x\* \[l\]\(javascript\:y\)"),
])
def test_md_inline(piece, shown):
    assert md_inline(piece) == shown


def test_key_and_css_name_every_kind():
    for kind in ("trigger", "place", "date", "actor"):
        assert f"<mark class=lb-{kind}>" in key_html()
        assert f"mark.lb-{kind}{{" in mark_css() and f"mark.lb-{kind}::before" in mark_css()
    assert key_html(["place"]).count("<mark") == 1


# --- one name per actor ----------------------------------------------------------

@pytest.mark.parametrize("actors, shown", [
    (["UN", "Vereinte Nationen", "Russia"], ["UN", "Russia"]),
    (["Vereinten Nationen", "United Nations"], ["Vereinten Nationen"]),
    (["EU", "Europäische Union", "European Union"], ["EU"]),
    (["Airbus", "Airbus Defence and Space"], ["Airbus"]),
    (["Wladimir Putin", "Putin", "Kim Jong Un", "Kim"], ["Wladimir Putin", "Kim Jong Un"]),
    (["Putin", "Wladimir Putin"], ["Wladimir Putin"]),
    # different names stay: no shared words at an end, different organisations
    (["Kim Jong Un", "Kim Yo Jong"], ["Kim Jong Un", "Kim Yo Jong"]),
    (["Boeing", "Airbus", "Boeing"], ["Boeing", "Airbus"]),
    ([], []),
])
def test_one_name_per_actor(actors, shown):
    assert one_name_per_actor(actors) == shown


def test_aliases_join_the_csv_and_the_lexicons():
    assert {"UN", "Vereinte Nationen", "United Nations", "UNO"} <= set(aliases("UN"))
    assert aliases("Nobody Known") == ["Nobody Known"]


def test_popup_tooltip_and_table_show_one_name_per_actor():
    ev = _event([], actors=["UN", "Vereinten Nationen", "Kim"], date_start=None)
    assert popup_fields(ev)["a"] == "UN, Kim"
    assert "Vereinten" not in event_tooltip(ev)
    assert events_frame([ev]).loc[0, "actors"] == "UN, Kim"


# --- extraction fills the highlights -------------------------------------------------

def test_pipeline_marks_trigger_place_date_and_actor(pipeline):
    text = "Foreign ministers of Austria met in Vienna on Thursday. Nothing else happened."
    doc = pipeline.process(text, doc_id="t", doc_date=dt.date(2023, 9, 9), lang="en")
    ev = next(e for e in doc.events if e.type == "meeting")
    marked = {(text[s:e], k) for s, e, k in ev.highlights}
    assert {("met", "trigger"), ("Vienna", "place"), ("Thursday", "date")} <= marked
    runs = evidence_runs(ev.to_dict())
    assert ("met", "trigger") in runs and ("Vienna", "place") in runs
    # the contract's required fields are unchanged; highlights is an extension
    from records.model import EVENT_CONTRACT_KEYS
    assert "highlights" not in EVENT_CONTRACT_KEYS and "highlights" in ev.to_dict()


def test_offsets_follow_a_cleaned_text(pipeline):
    """Offsets into the text as given, also when the analysis read a cleaned copy."""
    text = "Foreign\u00ad ministers met\u200b in Vienna on Thursday."
    doc = pipeline.process(text, doc_id="t2", doc_date=dt.date(2023, 9, 9), lang="en")
    ev = next(e for e in doc.events if e.type == "meeting")
    assert ("Vienna", "place") in {(text[s:e], k) for s, e, k in ev.highlights}


# --- the store keeps them ------------------------------------------------------------

def _doc(events):
    return {"id": "d-ev", "lang": "de", "doc_date": "2023-09-14", "doc_date_source": "argument",
            "title": "t", "places": [], "timexes": [], "events": events}


def test_highlights_survive_ingest_and_reread(tmp_path):
    marks = [[100, 103, "actor"], [104, 108, "trigger"], [118, 129, "place"]]
    ev = dict(_event(marks), date_start="2023-09-13", date_end="2023-09-13", date_precision="day",
              actors=["Kim"], confidence=0.8,
              location={"name": "Wladiwostok", "geonameid": 2013348, "lat": 43.1, "lon": 131.9,
                        "country_code": "RU", "feature": "city"})
    old = dict(ev, id="ev-old")
    old.pop("highlights")          # a row stored before the field existed
    path = tmp_path / "s.sqlite3"
    Store(path).ingest(_doc([ev, old]), "x" * 100 + SENTENCE)
    by_id = {e["id"]: e for e in Store(path).events()}   # a fresh handle: read back from disk
    assert by_id["ev"]["highlights"] == marks
    assert "highlights" not in by_id["ev-old"]
    assert evidence_runs(by_id["ev"])[2] == ("traf", "trigger")
    assert evidence_runs(by_id["ev-old"]) == [(SENTENCE, None)]
    # an edit of the event keeps them
    store = Store(path)
    store.edit("ev", {"cargo": "Munition"})
    assert {e["id"]: e for e in store.events()}["ev"]["highlights"] == marks


# --- map and page ----------------------------------------------------------------------

def test_map_popup_carries_the_marked_whole_sentence():
    long = SENTENCE + " " + "Weiter. " * 150
    ev = dict(_event([[104, 108, "trigger"], [118, 129, "place"]], evidence=long.strip(),
                     spans=((100, 100 + len(long.strip())),)),
              date_start="2023-09-13", date_end="2023-09-13",
              location={"name": "Wladiwostok", "lat": 43.1, "lon": 131.9, "country_code": "RU"})
    page = build_map([ev]).get_root().render()
    values = hostile.popup_values(page)
    marked = next(v for v in values if "lb-trigger" in v)
    assert "<mark class=lb-trigger>traf</mark>" in marked
    assert "<mark class=lb-place>Wladiwostok</mark>" in marked
    assert marked.endswith("Weiter.")      # the whole sentence, no cut
    assert "mark.lb-trigger{" in page and "lb-key" in page and "max-height:11em" in page


def test_page_quotes_the_picked_events_marked_evidence(app_file, tmp_path, monkeypatch):
    path = tmp_path / "page.sqlite3"
    ev = dict(_event([[104, 108, "trigger"], [118, 129, "place"], [100, 103, "actor"]],
                     evidence="Kim traf Putin in Wladiwostok.", actors=["Kim", "UN", "Vereinte Nationen"]),
              date_start="2023-09-13", date_end="2023-09-13", date_precision="day", confidence=0.8,
              location={"name": "Wladiwostok", "geonameid": 2013348, "lat": 43.1, "lon": 131.9,
                        "country_code": "RU", "feature": "city"})
    Store(path).ingest(_doc([ev]), "x" * 100 + SENTENCE)
    monkeypatch.setenv("LAGEBILD_DB", str(path))
    at = run(AppTest.from_file(app_file, default_timeout=60))
    at.session_state["map_pick"] = ["ev"]
    run(at)
    bodies = [m.value for m in at.markdown]
    quote = next(b for b in bodies if "lb-trigger" in b and "Wladiwostok" in b and "Marked" not in b)
    rendered = MD.render(quote)
    assert "<mark class=lb-trigger>traf</mark>" in rendered
    assert "<mark class=lb-place>Wladiwostok</mark>" in rendered
    assert any(b.startswith("<style>mark.lb-trigger") for b in bodies)
    assert any("Marked:" in b for b in bodies)
    assert at.dataframe[0].value["actors"].tolist() == ["Kim, UN"]
