"""Which way a date without a year points: the clause's tense (issue 14, mechanism 1).

Own sentences; the publication date is Monday 21 September 2015 unless given.
"""
import datetime as dt

import pytest

from extract.dates.tagger import tag_timexes

MONDAY = dt.date(2015, 9, 21)

# (sentence, lang, the value of its one date)
DIRECTION = [
    # a verb of plans in the present tense: ahead
    ("Am Dienstag fliegt der Minister nach Rom.", "de", "2015-09-22"),
    ("Der Kanzler trifft am Freitag den Präsidenten.", "de", "2015-09-25"),
    ("Die Außenminister treffen sich am Donnerstag in Wien.", "de", "2015-09-24"),
    ("On Tuesday the minister flies to Rome.", "en", "2015-09-22"),
    ("Talks begin on Wednesday in Geneva.", "en", "2015-09-23"),
    # the verb of plans nearer the date than the past one
    ("The minister told reporters the plan will help when talks reopen in Oslo on Tuesday.", "en", "2015-09-22"),
    # the preterite and the perfect: back
    ("Am Dienstag flog der Minister nach Rom.", "de", "2015-09-15"),
    ("Der Kanzler hat am Freitag den Präsidenten getroffen.", "de", "2015-09-18"),
    ("The minister flew to Rome on Tuesday.", "en", "2015-09-15"),
    # the noun, not the verb: no plan by itself
    ("Das Treffen am Dienstag war kurz.", "de", "2015-09-15"),
    ("The visit on Tuesday was a success.", "en", "2015-09-15"),
    ("On Friday the president met the king on his first official visit to Amman.", "en", "2015-09-18"),
    # a day and month within a month of the publication is that one, whatever the tense
    ("Der Präsident gab ihnen den 23. September als Termin.", "de", "2015-09-23"),
    ("The vote in Lima would be held on 2 October.", "en", "2015-10-02"),
    # an irregular preterite
    ("Im Oktober fand die Wahl in Wien statt.", "de", "2014-10"),
    # a time set ahead: "für", "for"
    ("Die Liga kündigte für Dienstag ein Treffen in Kairo an.", "de", "2015-09-22"),
    ("The vote was set for Tuesday.", "en", "2015-09-22"),
    # "wie schon": as before
    ("Das Treffen soll wie schon im August im Zeichen der Krise stehen.", "de", "2015-08"),
    # no tense: a month up to two months ahead is the coming one, else the past one
    ("Nächster Versuch: im November.", "de", "2015-11"),
    ("Die Bilanz: im Juli.", "de", "2015-07"),
    # an irregular past form after "be"/"will" is a participle of the future
    ("The summit will be held on Thursday.", "en", "2015-09-24"),
]


@pytest.mark.parametrize("text,lang,value", DIRECTION, ids=[c[0][:40] for c in DIRECTION])
def test_tense_points_the_date(text, lang, value):
    assert [t.value for t in tag_timexes(text, MONDAY, lang)] == [value]


# -- a history told in order: bounds do not move its "now"; "des neuen Jahres" is the next year ------
def test_a_bound_does_not_move_a_narrative():
    text = ("Im Juni 1944 landeten die Alliierten. 1940 begann der Krieg im Westen, 1941 im Osten, "
            "1942 in Afrika. Der Plan fußte auf ab 1939 ausgearbeiteten Studien. Am 6. Juni gingen sie an Land.")
    values = {t.text: t.value for t in tag_timexes(text, dt.date(2010, 5, 1), "de")}
    assert values.get("6. Juni", "").startswith("1942-06-06"), values


def test_the_new_year_follows_the_one_told():
    text = ("Im Dezember 1941 stand die Front. 1939, 1940 und 1941 waren Kriegsjahre. "
            "In den Schlachten des neuen Jahres fiel am 28. Mai die Stadt.")
    values = {t.text: t.value for t in tag_timexes(text, dt.date(2010, 5, 1), "de")}
    assert values.get("28. Mai") == "1942-05-28", values


# -- the weekend, and present participles of plans ---------------------------------------------------
FRIDAY = dt.date(2016, 3, 11)


@pytest.mark.parametrize("text,lang,value", [
    ("Am Wochenende statten die Minister Bulgarien einen Besuch ab.", "de", "2016-W10-WE"),
    ("Am Wochenende trafen sie sich in Wien.", "de", "2016-W09-WE"),
    ("Am kommenden Wochenende treffen sie sich.", "de", "2016-W10-WE"),
    ("The talks will take place at the weekend.", "en", "2016-W10-WE"),
    ("They met over the weekend.", "en", "2016-W09-WE"),
    ("Rund um das ab Donnerstag stattfindende Treffen laufen die Vorbereitungen an.", "de", "2016-03-17"),
])
def test_weekends_and_participles(text, lang, value):
    assert [t.value for t in tag_timexes(text, FRIDAY, lang)] == [value]
