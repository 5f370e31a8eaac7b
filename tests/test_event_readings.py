"""How a sentence is read around its event words (issue 13, set 30 as dev): a name is no goods
and no event, a comparison names no end of a flow, a vehicle is no visitor, a meeting of a
series is one meeting, "now" takes no neighbour's date, and "the two sides" are two sides
further back. One table per mechanism; every sentence was written for these tests, none comes
from an evaluation article.
"""
import pytest

from reading_support import events_of, place


# -- a capitalised common word next to another capital is part of a name (English) -------------
@pytest.mark.parametrize("text", [
    "Pacific and Atlantic Shipping said on Monday it had held talks with a rival about a merger.",
    "The Danish delegation at the International Sugar Organization meeting plans to leave tomorrow.",
    "Baltic Freight Lines reported higher profits in Hamburg last year.",
])
def test_a_word_inside_a_firms_or_bodys_name_is_no_goods_and_no_shipment(pipeline, text):
    assert not [e for e in events_of(pipeline, text, "en") if e.type == "shipment"]


@pytest.mark.parametrize("text,lang,route", [
    # written small the same words still ship goods; a line in capitals and German nouns tell nothing
    ("Sugar shipments from Cuba to Russia resumed on Monday.", "en", ("cuba", "russia")),
    ("RUSSIA SHIPPED SUGAR TO CUBA ON MONDAY", "en", ("russia", "cuba")),
    ("Am Montag lieferte Russland Zucker nach Kuba.", "de", ("russia", "cuba")),
    # a sentence's first word is capitalised by its place, an acronym's plural by its letters
    ("Tanks were shipped from Russia to Cuba on Monday.", "en", ("russia", "cuba")),
    ("The SUVs were shipped from Japan to Cuba on Monday.", "en", ("japan", "cuba")),
])
def test_goods_written_small_or_in_a_capitals_line_still_ship(pipeline, text, lang, route):
    ships = [e for e in events_of(pipeline, text, lang) if e.type == "shipment"]
    assert [(place(e.origin), place(e.destination)) for e in ships] == [route]


# -- a comparison, a cause or an order: the place after "to"/"zu" is no end of a flow --------------
@pytest.mark.parametrize("text,lang", [
    ("Canada, in contrast to its rival Brazil, will export more wheat this year.", "en"),
    ("Canada will export more wheat this year compared to Brazil.", "en"),
    ("Kanada wird im Gegensatz zu Brasilien in diesem Jahr mehr Weizen exportieren.", "de"),
    ("Kanada wird im Vergleich zu Brasilien in diesem Jahr mehr Weizen exportieren.", "de"),
])
def test_a_place_of_comparison_is_no_destination(pipeline, text, lang):
    ships = [e for e in events_of(pipeline, text, lang, "2016-02-15") if e.type == "shipment"]
    assert all(e.destination is None or place(e.destination) not in ("brazil", "brasilien") for e in ships), \
        [(place(e.origin), place(e.destination)) for e in ships]


def test_a_flow_to_a_place_after_its_comparison_keeps_its_destination(pipeline):
    text = "In contrast to last year, Canada will export 2 mln tonnes of wheat to Brazil in May."
    ships = [e for e in events_of(pipeline, text, "en") if e.type == "shipment"]
    assert [place(e.destination) for e in ships] == ["brazil"]


# -- a vehicle that flies is no person of office visiting ----------------------------------------
@pytest.mark.parametrize("text,where", [
    ("He said that while the new jet may be able to fly to Tokyo from Paris non-stop, it needs a stop on the way back.",
     []),
    ("The plane flew to Tokyo from Paris in twelve hours.", []),
    ("Prime Minister Tony Blair flew to Tokyo on Monday.", ["tokyo"]),
])
def test_a_vehicle_flying_somewhere_is_no_visit(pipeline, text, where):
    meetings = [e for e in events_of(pipeline, text, "en") if e.type == "meeting"]
    assert [place(e.location) for e in meetings] == where


# -- a meeting of a series, named with its article, is one meeting -------------------------------
@pytest.mark.parametrize("text,lang,day", [
    ("It is unclear whether ministers would issue a statement at a monthly meeting of eurozone "
     "finance ministers on Monday.", "en", "2004-11-15"),
    ("Ob die Minister beim monatlichen Treffen der Finanzminister der Eurozone am Montag eine Erklärung "
     "abgeben werden, ist unklar.", "de", "2004-11-15"),
])
def test_the_setting_of_an_open_question_is_a_meeting_even_of_a_series(pipeline, text, lang, day):
    meetings = [e.to_dict() for e in events_of(pipeline, text, lang, "2004-11-12") if e.type == "meeting"]
    assert [(e["date_start"], e["modality"]) for e in meetings] == [(day, "planned")]


@pytest.mark.parametrize("text,lang", [
    ("Eurozone finance ministers meet monthly in Brussels.", "en"),
    ("The ministers hold monthly meetings in Brussels.", "en"),
    ("Die Finanzminister der Eurozone treffen sich monatlich in Brüssel.", "de"),
])
def test_a_series_told_as_such_stays_no_event(pipeline, text, lang):
    assert not [e for e in events_of(pipeline, text, lang) if e.type == "meeting"]


# -- "now" tells of the present: no date from the sentence before --------------------------------
@pytest.mark.parametrize("text,lang,dates", [
    ("Last April, Chile signed a deal to import Peruvian gas in exchange for copper. "
     "Peru will now import wine from Chile.", "en", [("2004-04-01", "2004-04-30"), (None, None)]),
    ("Im vergangenen April unterzeichnete Chile ein Abkommen, Gas aus Peru zu importieren. "
     "Peru wird nun Wein aus Chile importieren.", "de", [("2004-04-01", "2004-04-30"), (None, None)]),
])
def test_a_clause_saying_now_takes_no_date_from_the_sentence_before(pipeline, text, lang, dates):
    ships = [e.to_dict() for e in events_of(pipeline, text, lang, "2005-02-01") if e.type == "shipment"]
    assert [(e["date_start"], e["date_end"]) for e in ships] == dates


def test_a_follow_up_without_now_still_takes_the_date_before(pipeline):
    text = "Last April, Chile imported 2 mln tonnes of gas from Peru. It also imported wine from Peru."
    ships = [e.to_dict() for e in events_of(pipeline, text, "en", "2005-02-01") if e.type == "shipment"]
    assert {e["date_start"] for e in ships} == {"2004-04-01"}


# -- "the two sides" as the subject, some words before the meeting word --------------------------
@pytest.mark.parametrize("text,lang,n", [
    ("The lawsuit comes after the two sides failed to reach an agreement after six months of talks.", "en", 1),
    ("Die Klage folgt, nachdem beide Seiten sich nach sechs Monaten langer Verhandlungen nicht einigen konnten.",
     "de", 1),
    # a count of days is no pair of sides
    ("The lawsuit comes after two weeks of failed attempts to reach an agreement in talks.", "en", 0),
])
def test_two_sides_named_further_back_hold_talks(pipeline, text, lang, n):
    assert len([e for e in events_of(pipeline, text, lang) if e.type == "meeting"]) == n


# -- German puts the infinitive last: the word before "zu" is no subject of it -------------------
@pytest.mark.parametrize("text,lang,end,where", [
    ("Chile plant, im Mai 20.000 Tonnen Gas aus Peru zu importieren.", "de", "origin", "peru"),
    ("Chile plant, im Mai 20.000 Tonnen Weizen nach Peru zu exportieren.", "de", "destination", "peru"),
    ("The deal allows Chile to import gas from Peru.", "en", "origin", "peru"),
])
def test_the_place_before_a_german_zu_infinitive_keeps_its_preposition(pipeline, text, lang, end, where):
    ships = [e for e in events_of(pipeline, text, lang) if e.type == "shipment"]
    other = "destination" if end == "origin" else "origin"
    assert [place(getattr(e, end)) for e in ships] == [where]
    assert all(place(getattr(e, other)) != where for e in ships)


# -- a refusal after the fronted object it refuses; a basis delivered; "the cost of meeting" -------
@pytest.mark.parametrize("text,lang", [
    ("Den Vorschlag des Ministeriums, im Winter Hubschrauber nach Tirol zu entsenden, lehnte der Landeshauptmann ab.",
     "de"),
    ("Der Landeshauptmann lehnte es ab, im Winter Hubschrauber nach Tirol zu entsenden.", "de"),
    ("Die Studie soll eine Grundlage für eine bessere Versorgung Europas mit Strom liefern.", "de"),
    ("Die Forscher wollen einen Beitrag zur Sicherheit der Ukraine liefern.", "de"),
    ("The banks dropped their plans because of the cost of meeting rules imposed in New York.", "en"),
])
def test_a_refused_proposal_a_basis_delivered_or_requirements_met_are_no_event(pipeline, text, lang):
    assert not events_of(pipeline, text, lang, "2016-01-15")


def test_a_proposal_announced_stays_a_planned_shipment(pipeline):
    text = "Das Ministerium kündigte an, im März Hubschrauber nach Tirol zu entsenden."
    ships = [e.to_dict() for e in events_of(pipeline, text, "de", "2016-01-15") if e.type == "shipment"]
    assert [(e["destination"]["name"], e["modality"], e["date_start"]) for e in ships] == [("Tyrol", "planned", "2016-03-01")]
