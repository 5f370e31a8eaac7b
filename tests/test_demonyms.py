"""Demonyms as an optional mention kind (extract/places/demonyms.py, ``--demonyms``), and the
bench report's second row for the corpora that count them (bench/report.py)."""
import datetime as dt
import io
import json

import pytest

from bench import report
from extract.cli import run

DATE = dt.date(2023, 10, 13)


@pytest.fixture(scope="module")
def demonyms(pipeline):
    """demonyms(text, lang) -> {surface: (place name, country, kind)} with demonyms on."""
    def found(text, lang="en"):
        doc = pipeline.process(text, doc_id="t", doc_date=DATE, lang=lang, demonyms=True)
        for m in doc.places:
            assert text[m.start:m.end] == m.text
        return {m.text: (m.place.name, m.place.country_code, m.kind) for m in doc.places}
    return found


# --- (text, surface, place name, country): a demonym names its country or region ---
FOUND = [
    ("Russian troops crossed the river.", "Russian", "Russia", "RU"),
    ("Palestinians marched in the street.", "Palestinians", "Palestinian Territory", "PS"),
    ("The Israeli cabinet met on Sunday.", "Israeli", "Israel", "IL"),
    ("North Korean hackers stole the files.", "North Korean", "North Korea", "KP"),
    ("Middle Eastern markets fell.", "Middle Eastern", "Middle East", None),
    ("Latin American exports to China grew.", "Latin American", "Latin America", None),
    ("Georgian forces left the town.", "Georgian", "Georgia", "GE"),
]


@pytest.mark.parametrize("text,surface,name,cc", FOUND)
def test_demonym_found(demonyms, text, surface, name, cc):
    assert demonyms(text)[surface] == (name, cc, "demonym")


# --- (text, surface): no demonym mention there ---
NOT_FOUND = [
    ("British Columbia and American Samoa voted.", "British"),     # part of a place name
    ("British Columbia and American Samoa voted.", "American"),
    ("Frank Russian said he would stay.", "Russian"),              # a person's name
    ("The weather was fine on Monday.", "Monday"),
]


@pytest.mark.parametrize("text,surface", NOT_FOUND)
def test_no_demonym(demonyms, text, surface):
    assert demonyms(text).get(surface, (None, None, None))[2] != "demonym"


def test_place_names_keep_their_kind(demonyms):
    found = demonyms("British Columbia and American Samoa voted.")
    assert found["British Columbia"][2] is None and found["American Samoa"][2] is None


def test_off_by_default_and_events_unchanged(pipeline):
    text = "Russian officials said the ship sailed from Rostov to Latakia on Friday."
    plain = pipeline.process(text, doc_id="t", doc_date=DATE, lang="en")
    both = pipeline.process(text, doc_id="t", doc_date=DATE, lang="en", demonyms=True)
    assert not any(m.kind for m in plain.places) and "kind" not in json.dumps(plain.to_dict()["places"])
    assert [m.text for m in both.places if m.kind == "demonym"] == ["Russian"]
    assert [m for m in both.places if m.kind is None] == plain.places
    assert [e.to_dict() for e in both.events] == [e.to_dict() for e in plain.events]


@pytest.mark.parametrize("argv,kinds", [([], set()), (["--demonyms"], {"demonym"})])
def test_cli_option(tmp_path, argv, kinds):
    f = tmp_path / "a.txt"
    f.write_text("Egyptian police met Sudanese officials in Cairo.\n", encoding="utf-8")
    out = io.StringIO()
    assert run([str(f), "--doc-date", "2023-10-13", "--lang", "en", *argv], out) == 0
    places = json.loads(out.getvalue())["documents"][0]["places"]
    assert {p["kind"] for p in places if "kind" in p} == kinds
    assert "Cairo" in {p["text"] for p in places}


def _summary(f1, acc):
    counts = {"gold_places": 10, "pred_places": 10, "tp_places": 8, "gold_resolvable": 8, "resolved": 6,
              "gold_timex": 0, "gold_events": 0, "docs": 2, "missing_docs": 0}
    return {"documents": 2, "place_precision": 0.8, "place_recall": 0.8, "place_f1": f1, "acc161": acc,
            "geoparse_f1": 0.6, "contract_problems": 0, "counts": counts}


@pytest.mark.parametrize("with_demonyms,rows", [(False, 0), (True, 1)])
def test_report_second_row(with_demonyms, rows):
    lgl = {"kind": "places", "lang": "en", "bench": True, "summary": _summary(0.77, 0.78)}
    if with_demonyms:
        lgl["with_demonyms"] = {"summary": _summary(0.80, 0.79)}
    corpora = {"lgl_en": lgl}
    table = report.peer_table(corpora, {})
    assert "| **Lagebild** (this run) | 0.77 | 0.78 | – | – |" in table  # the default row as it was
    assert table.count("demonyms counted") == rows
    if with_demonyms:
        assert "| **Lagebild**, demonyms counted (`--demonyms`, this run) | 0.80 | 0.79 | – | – |" in table
        assert report.demonym_summary(corpora, "lgl_en")["place_f1"] == 0.80
    else:
        assert report.demonym_summary(corpora, "lgl_en") is None


# --- an adjective before a title or a body the people layer reads as a name ---
@pytest.mark.parametrize("text,surface,cc", [
    ("The Sri Lankan government said so.", "Sri Lankan", "LK"),
    ("According to the Georgian Interior Ministry, it was calm.", "Georgian", "GE"),
])
def test_demonym_before_a_name(demonyms, text, surface, cc):
    assert demonyms(text)[surface][1:] == (cc, "demonym")
