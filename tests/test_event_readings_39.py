"""How a sentence is read around its event words, third table (issue 13, silver review 39 and
the dev sets): a German "wenn" clause without a date is a condition or a habit. One table per
mechanism, with the readings that must stay; every sentence was written for these tests.
"""
import pytest

from reading_support import events_of, place


# -- a "wenn" clause with no date of its own is a condition or a habit, no event (German) ---------
@pytest.mark.parametrize("text", [
    "Die Kritiker fürchten Nachteile, wenn die EU und die USA ihr Abkommen in Brüssel ausverhandeln.",
    "Wenn Lehrer Vertreter der Parteien in die Schule einladen, müssen sie für Ausgewogenheit sorgen.",
    "Wenn Panzer nach Polen geliefert werden, steigen die Kosten.",
    "Wenn die Minister sich in Brüssel treffen würden, könnten sie eine Lösung finden.",
])
def test_an_undated_wenn_clause_is_no_event(pipeline, text):
    assert events_of(pipeline, text, "de") == []


@pytest.mark.parametrize("text,where", [
    # dated in its own clause: a "wenn" of time
    ("Wenn sich die Minister am Donnerstag in Brüssel treffen, wollen sie über Flüchtlinge beraten.", "brussels"),
    # the event in the main clause, the condition after it
    ("Die Minister wollen sich in Brüssel treffen, wenn die Einigung steht.", "brussels"),
    ("Die Ministerin traf sich am Montag in Wien mit den Gewerkschaften, wenn auch nur kurz.", "vienna"),
])
def test_a_dated_wenn_or_a_main_clause_event_stays(pipeline, text, where):
    assert [place(e.location) for e in events_of(pipeline, text, "de") if e.type == "meeting"] == [where]


# -- a German sentence that opens with its verb and goes on with the main clause's verb is a
#    condition without a conjunction: neither it nor its consequence happened ----------------------
@pytest.mark.parametrize("text", [
    "Werden etwa Tomaten aus Marokko nach Schweden eingeführt, kommt das einem Wasserimport gleich.",
    "Würden alle Abfälle auf Züge geladen, reichte der Zug von Linz bis Paris.",
    "Werden die Panzer im März nach Polen geliefert, beginnt die Ausbildung im April.",
    "Hat Russland im März Waffen nach Syrien geliefert, so wäre das ein Bruch des Abkommens.",
])
def test_a_verb_first_condition_tells_no_event(pipeline, text):
    assert events_of(pipeline, text, "de") == []


@pytest.mark.parametrize("text,route", [
    # a relative clause after the comma: the verb-first sentence is a report after all
    ("Wurden am Montag 30 Panzer nach Polen geliefert, die Polen bestellt hatte.", (None, "poland")),
    ("Am Montag wurden 30 Panzer nach Polen geliefert, teilte das Ministerium mit.", (None, "poland")),
])
def test_a_verb_first_report_stays(pipeline, text, route):
    assert [(place(e.origin), place(e.destination)) for e in events_of(pipeline, text, "de")
            if e.type == "shipment"] == [route]


# -- a focus particle before a fronted date leaves it the date of the clause that follows ---------
@pytest.mark.parametrize("text,lang,doc_date,day", [
    ("Bereits Anfang der Woche – anlässlich eines Treffens von Fico mit Bundespräsident Fischer – gab es Gerüchte.",
     "de", "2015-08-14", "2015-08-10"),
    ("Schon am Montag, bei einem Treffen mit dem Bundespräsidenten in Wien, sprach Fico von Gerüchten.",
     "de", "2015-08-14", "2015-08-10"),
    ("Already on Monday, during talks with Fischer in Vienna, Fico spoke of rumours.", "en", "2015-08-14", "2015-08-10"),
])
def test_a_focus_particle_keeps_a_fronted_date(pipeline, text, lang, doc_date, day):
    assert [str(e.date_start) for e in events_of(pipeline, text, lang, doc_date)] == [day]


# -- the day of a sentence carries over to the next that goes on about its person -----------------
@pytest.mark.parametrize("text,lang,doc_date,day", [
    ("Am Montag hat die Kommissarin Cecilia Malmström in Österreich um Vertrauen geworben. "
     "Die Schwedin traf sich in Wien mit Vertretern der Gewerkschaften.", "de", "2016-02-24", "2016-02-22"),
    ("On Tuesday the minister John Smith spoke at a rally in Accra. He met President Mahama at the palace.",
     "en", "2016-02-19", "2016-02-16"),
])
def test_a_back_reference_takes_the_day_before(pipeline, text, lang, doc_date, day):
    assert [str(e.date_start) for e in events_of(pipeline, text, lang, doc_date) if e.type == "meeting"] == [day]


@pytest.mark.parametrize("text,lang,doc_date", [
    # a bound is no day of the story; a person named anew starts afresh; a plan keeps its own time
    ("Seit Montag wirbt die Kommissarin Cecilia Malmström in Österreich um Vertrauen. "
     "Die Schwedin traf sich in Wien mit Vertretern der Gewerkschaften.", "de", "2016-02-24"),
    ("On Tuesday the minister John Smith spoke in parliament. Ghana's president Mahama met Nigeria's leader in Abuja.",
     "en", "2016-02-19"),
    ("On Tuesday the minister John Smith spoke in parliament. He will meet President Mahama in Accra.",
     "en", "2016-02-19"),
])
def test_no_day_is_carried_without_a_back_reference_to_a_dated_story(pipeline, text, lang, doc_date):
    meetings = [e for e in events_of(pipeline, text, lang, doc_date) if e.type == "meeting"]
    assert meetings and all(e.date_start is None or str(e.date_start) > doc_date for e in meetings)


# -- a gerund of sequence has no tense of its own: it takes the plan of the verb it hangs on ------
def modalities(pipeline, text, lang="en", doc_date="2005-01-10"):
    return [(place(e.location), e.to_dict()["modality"]) for e in events_of(pipeline, text, lang, doc_date)
            if e.type == "meeting"]


@pytest.mark.parametrize("text,expected", [
    ("He will visit an orphanage in Tanzania and a school in Mozambique before chairing a meeting in Cape Town.",
     [("tanzania", "planned"), ("mozambique", "planned"), ("cape town", "planned")]),
    ("The minister will fly to Kenya after meeting Tony Blair in London.",
     [("kenya", "planned"), ("london", "planned")]),
    ("The envoy is due to arrive in Colombo before holding talks with the rebels.", [("colombo", "planned")]),
])
def test_a_gerund_after_a_plan_is_planned(pipeline, text, expected):
    assert modalities(pipeline, text) == expected


@pytest.mark.parametrize("text,expected", [
    # a verb of announcing plans the thing it announces, not what came in sequence
    ("He announced the package before chairing a meeting in Cape Town.", [("cape town", "actual")]),
    ("The minister flew to Kenya after meeting Tony Blair in London.", [("kenya", "actual"), ("london", "actual")]),
])
def test_a_gerund_after_a_past_verb_is_actual(pipeline, text, expected):
    assert modalities(pipeline, text) == expected
