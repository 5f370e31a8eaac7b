"""Table-driven tests of the temporal tagger (offline, no shared files needed)."""
import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from extract.dates.tagger import tag_timexes, timex_interval

FRI = dt.date(2023, 10, 13)   # the seed article's publication day, a Friday
JAN5 = dt.date(2024, 1, 5)    # year boundary, a Friday
WED = dt.date(2015, 12, 2)    # a Wednesday
MON = dt.date(1987, 3, 2)     # a Monday


def values(text, doc_date, lang):
    """(text, value) pairs the tagger finds."""
    return [(t.text, t.value) for t in tag_timexes(text, doc_date, lang)]


def only(text, doc_date, lang):
    """The single timex of a sentence (fails when there is not exactly one)."""
    found = tag_timexes(text, doc_date, lang)
    assert len(found) == 1, found
    return found[0]


VALID = [
    # --- German absolute dates
    ("Am 7. September 2023 begann es.", FRI, "de", "7. September 2023", "2023-09-07"),
    ("Das war am 07.09.2023 in Kiew.", FRI, "de", "07.09.2023", "2023-09-07"),
    ("Stand: 2023-09-07.", FRI, "de", "2023-09-07", "2023-09-07"),
    ("Seit Russland im Februar 2022 angriff.", FRI, "de", "Februar 2022", "2022-02"),
    ("Das geschah 2022 zum ersten Mal.", FRI, "de", "2022", "2022"),
    ("Er kam am 7. Sept. an.", FRI, "de", "7. Sept.", "2023-09-07"),
    ("(APA, 28.4.2016)", FRI, "de", "28.4.2016", "2016-04-28"),
    ("Die Frist endet am 1. Jänner.", WED, "de", "1. Jänner", "2016-01-01"),
    ("Mitte September fiel die Entscheidung.", FRI, "de", "Mitte September", "2023-09"),
    ("Anfang September war es ruhig.", FRI, "de", "Anfang September", "2023-09"),
    ("Ende 1980 zogen sie ab.", FRI, "de", "Ende 1980", "1980"),
    ("Im Sommer 1945 endete der Krieg.", FRI, "de", "Sommer 1945", "1945-SU"),
    ("in den 1990er-Jahren", FRI, "de", "1990er-Jahren", "199"),
    ("zu Beginn des 20. Jahrhunderts", FRI, "de", "20. Jahrhunderts", "19"),
    ("Etwa 460 v. Chr. siedelten sie dort.", FRI, "de", "Etwa 460 v. Chr.", "BC0460"),
    ("Anfang des 8. Jh. v. Chr. gründeten sie die Stadt.", FRI, "de", "8. Jh. v. Chr.", "BC07"),
    ("Im 4. Jahrhundert vor Christus zerfiel das Reich.", FRI, "de", "4. Jahrhundert vor Christus", "BC03"),
    # --- German ranges
    ("zwischen dem 7. September und dem 1. Oktober", FRI, "de", "7. September und dem 1. Oktober", "2023-09-07/2023-10-01"),
    ("vom 7. bis 9. September", FRI, "de", "7. bis 9. September", "2023-09-07/2023-09-09"),
    ("am 7.–9. September", FRI, "de", "7.–9. September", "2023-09-07/2023-09-09"),
    ("vom 28. Dezember bis 2. Januar 2023", FRI, "de", "28. Dezember bis 2. Januar 2023", "2022-12-28/2023-01-02"),
    # two full dates stay two expressions (TIMEX2/WikiWarsDE convention)
    ("vom 28. Dezember 2022 bis 2. Januar 2023", FRI, "de", "28. Dezember 2022", "2022-12-28"),
    # --- German relative, past
    ("Im vergangenen Monat besuchte Kim Russland.", FRI, "de", "vergangenen Monat", "2023-09"),
    ("Letzten Monat war es anders.", FRI, "de", "Letzten Monat", "2023-09"),
    ("Auf einer Pressekonferenz am Freitag sagte Kirby", FRI, "de", "Freitag", "2023-10-13"),
    ("Am Dienstag hatte er gesprochen.", FRI, "de", "Dienstag", "2023-10-10"),
    ("Gestern wurde gewählt.", FRI, "de", "Gestern", "2023-10-12"),
    ("Das war vorgestern.", FRI, "de", "vorgestern", "2023-10-11"),
    ("Heute tagt der Rat.", FRI, "de", "Heute", "2023-10-13"),
    ("Das geschah vor zwei Wochen.", FRI, "de", "vor zwei Wochen", "2023-W39"),
    ("Er kam vor drei Jahren.", FRI, "de", "vor drei Jahren", "2020"),
    ("Biden sagte Anfang dieser Woche, dass", FRI, "de", "Anfang dieser Woche", "2023-W41"),
    ("Im Juli besuchte Schoigu das Land.", FRI, "de", "Juli", "2023-07"),
    ("Und im September traf sich Kim mit Putin.", FRI, "de", "September", "2023-09"),
    ("Im Dezember fiel viel Schnee.", JAN5, "de", "Dezember", "2023-12"),
    ("Im vergangenen Jahr gab es Proteste.", JAN5, "de", "vergangenen Jahr", "2023"),
    ("Heuer werde Indonesien mehr fördern.", WED, "de", "Heuer", "2015"),
    ("Er war am Montagabend in Prag.", dt.date(2015, 6, 2), "de", "Montagabend", "2015-06-01TEV"),
    ("Das Abkommen soll Ende des Jahres stehen.", WED, "de", "Ende des Jahres", "2015"),
    # --- German future
    ("Der Minister will am kommenden Montag reisen.", FRI, "de", "kommenden Montag", "2023-10-16"),
    ("Nächste Woche wird verhandelt.", FRI, "de", "Nächste Woche", "2023-W42"),
    ("Das Treffen soll am Freitag stattfinden.", WED, "de", "Freitag", "2015-12-04"),
    ("Die Wahl wird im März stattfinden.", FRI, "de", "März", "2024-03"),
    ("Im nächsten Monat wird gewählt.", JAN5, "de", "nächsten Monat", "2024-02"),
    # --- German vague
    ("General Milley sagte kürzlich, er sei skeptisch.", FRI, "de", "kürzlich", "PAST_REF"),
    ("Derzeit ist die Lage ruhig.", FRI, "de", "Derzeit", "PRESENT_REF"),
    ("Das wird sich in Zukunft ändern.", FRI, "de", "in Zukunft", "FUTURE_REF"),
    # --- German durations and sets
    ("Der Krieg dauerte drei Jahre.", FRI, "de", "drei Jahre", "P3Y"),
    ("Nach 40 Minuten war es vorbei.", FRI, "de", "Nach 40 Minuten", "PT40M"),
    ("Die Züge fahren täglich.", FRI, "de", "täglich", "P1D"),
    ("Sie treffen sich jede Woche.", FRI, "de", "jede Woche", "P1W"),
    # --- English absolute dates
    ("It began on September 7th, 2023.", FRI, "en", "September 7th, 2023", "2023-09-07"),
    ("It began on 7 September 2023.", FRI, "en", "7 September 2023", "2023-09-07"),
    ("It was signed in July 2023.", FRI, "en", "July 2023", "2023-07"),
    ("the election on 9 January", dt.date(2004, 12, 22), "en", "9 January", "2005-01-09"),
    ("TOKYO, March 2 - Japanese importers bought", MON, "en", "March 2", "1987-03-02"),
    ("Prices fell in late September.", FRI, "en", "late September", "2023-09"),
    ("Talks resumed in mid-September.", FRI, "en", "mid-September", "2023-09"),
    ("It happened early September.", FRI, "en", "early September", "2023-09"),
    ("stocks built up near the end of 1986", MON, "en", "the end of 1986", "1986-12"),
    ("exports in the current fiscal year rose", MON, "en", "current fiscal year", str(MON.year)),
    ("Wages rose several years ago.", MON, "en", "several years ago", "PAST_REF"),
    ("the mid-1990s", MON, "en", "the mid-1990s", "199"),
    ("Athens grew in the 5th century BC.", MON, "en", "the 5th century BC", "BC04"),
    ("Rome fell in the 5th century.", MON, "en", "the 5th century", "04"),
    ("sales in the third quarter rose", dt.date(1989, 10, 26), "en", "the third quarter", "1989-Q3"),
    # --- English ranges
    ("from 7 to 9 September", FRI, "en", "7 to 9 September", "2023-09-07/2023-09-09"),
    ("between September 7 and October 1", FRI, "en", "September 7 and October 1", "2023-09-07/2023-10-01"),
    ("for May to September shipment", MON, "en", "May to September", "1987-05/1987-09"),
    ("for the November to April shipment", MON, "en", "November to April", "1986-11/1987-04"),
    # --- English relative, past
    ("Yesterday the rebels withdrew.", FRI, "en", "Yesterday", "2023-10-12"),
    ("He resigned last Friday.", FRI, "en", "last Friday", "2023-10-06"),
    ("Exports fell last month.", FRI, "en", "last month", "2023-09"),
    ("Exports fell last month.", JAN5, "en", "last month", "2023-12"),
    ("It happened two weeks ago.", FRI, "en", "two weeks ago", "2023-W39"),
    ("Biden said earlier this week that", FRI, "en", "earlier this week", "2023-W41"),
    ("The pact was signed in July.", FRI, "en", "July", "2023-07"),
    ("The storm hit in December.", JAN5, "en", "December", "2023-12"),
    ("Blair also made a surprise trip to Iraq this week.", dt.date(2004, 12, 22), "en", "this week", "2004-W52"),
    ("the agreement signed last July", MON, "en", "last July", "1986-07"),
    ("The deal was struck last year.", MON, "en", "last year", "1986"),
    ("Troops arrived on Friday morning.", FRI, "en", "Friday morning", "2023-10-13TMO"),
    # --- English future
    ("Ministers will meet in March.", FRI, "en", "March", "2024-03"),
    ("The poll is scheduled for next month.", dt.date(2004, 12, 22), "en", "next month", "2005-01"),
    ("A mission will leave next week for Washington.", MON, "en", "next week", "1987-W11"),
    ("They will meet next Monday.", FRI, "en", "next Monday", "2023-10-16"),
    ("The summit will be held on Tuesday.", FRI, "en", "Tuesday", "2023-10-17"),
    ("Talks will start tomorrow.", FRI, "en", "tomorrow", "2023-10-14"),
    ("Next year the plant will close.", FRI, "en", "Next year", "2024"),
    # --- English vague, durations, sets
    ("Officials recently said so.", FRI, "en", "recently", "PAST_REF"),
    ("The talks are now stalled.", FRI, "en", "now", "PRESENT_REF"),
    ("Prices may rise in the future.", FRI, "en", "the future", "FUTURE_REF"),
    ("The war lasted three years.", FRI, "en", "three years", "P3Y"),
    ("a five year low", FRI, "en", "five year", "P5Y"),
    ("a two-week crisis", FRI, "en", "two-week", "P2W"),
    ("Inspections happen each week.", FRI, "en", "each week", "P1W"),
    ("The paper is published daily.", FRI, "en", "daily", "P1D"),
    # --- a season's word family (genitive, compounds) and a year's part with its year
    ("Im Verlauf des Frühjahres 2024 soll es fertig sein.", FRI, "de", "Frühjahres 2024", "2024-SP"),
    ("Bis zum Ende des Frühsommers 2022 lief die Arbeit.", FRI, "de", "Frühsommers 2022", "2022-SU"),
    ("Im Spätherbst 2021 kam die Wende.", FRI, "de", "Spätherbst 2021", "2021-FA"),
    ("Zum Jahresende 2021 war alles vorbei.", FRI, "de", "Jahresende 2021", "2021"),
    ("Seit Jahresbeginn 2022 gilt das Gesetz.", FRI, "de", "Jahresbeginn 2022", "2022"),
    ("By midsummer 2022 the work was done.", FRI, "en", "midsummer 2022", "2022-SU"),
    # a year and the next joined by a dash are one split year (a season, a fiscal year); other years so
    # joined are dates of their own
    ("The beans exported during 2003-04 earned $1bn.", FRI, "en", "2003-04", "2003/2004"),
    ("Die Ernte 2015–16 war schwach.", FRI, "de", "2015–16", "2015/2016"),
    ("The war of 1939-45 changed Europe.", FRI, "en", "1939", "1939"),
    # a duration as a one-word adjective; an age is none
    ("Nach der siebentägigen Schlacht kam die Ruhe.", FRI, "de", "siebentägigen", "P7D"),
    ("Es folgte ein 154-tägiger Streik.", FRI, "de", "154-tägiger", "P154D"),
    ("Nach monatelangen Gesprächen kam die Einigung.", FRI, "de", "monatelangen", "PXM"),
    ("Die mehrjährigen Verhandlungen endeten.", FRI, "de", "mehrjährigen", "PXY"),
    # a clock time on the day the text is at
    ("Die Sitzung begann um 14.30 Uhr.", FRI, "de", "14.30 Uhr", "2023-10-13T14:30"),
    ("Um 4 Uhr 45 fiel der erste Schuss.", FRI, "de", "4 Uhr 45", "2023-10-13T04:45"),
    ("Talks resumed on Monday at 10 a.m. in Geneva.", FRI, "en", "10 a.m.", "2023-10-09T10:00"),
    ("Brent rose at 1430 GMT.", FRI, "en", "1430 GMT", "2023-10-13T14:30"),
    # an era's name is no season; its year stays a date
    ("Die Proteste des Arabischen Frühlings 2011 änderten alles.", FRI, "de", "2011", "2011"),
    ("Since the Arab Spring of 2011 it changed.", FRI, "en", "2011", "2011"),
    # the dates of a list are dates of their own (as TimeML annotates them), the first taking the
    # month and year of the one after it
    ("Die Konferenz findet am 3. und 4. Juni 2024 statt.", FRI, "de", "3.", "2024-06-03"),
    ("Die Konferenz findet am 3. und 4. Juni 2024 statt.", FRI, "de", "4. Juni 2024", "2024-06-04"),
    ("Die Wallfahrt beginnt am 21. oder 22. September 2024.", FRI, "de", "21.", "2024-09-21"),
    ("The conference will be held on June 3 and 4, 2024.", FRI, "en", "June 3", "2024-06-03"),
    ("The conference will be held on June 3 and 4, 2024.", FRI, "en", "4, 2024", "2024-06-04"),
    ("The talks are set for 3 and 4 June 2024.", FRI, "en", "3", "2024-06-03"),
    ("Talks were held in June and September 2022.", FRI, "en", "June", "2022-06"),
    ("Im Juli und August 2022 war Urlaub.", FRI, "de", "Juli", "2022-07"),
    ("The votes were on Feb 13 and March 24, 2022.", FRI, "en", "Feb 13", "2022-02-13"),
    ("Die Wahlen waren am 3. Mai und am 9. Juni 2015.", FRI, "de", "3. Mai", "2015-05-03"),
    # a weekday of a named week: that week's day, not the nearest of that name
    ("Das Grenzmanagement gilt ab Donnerstag nächster Woche.", FRI, "de", "Donnerstag nächster Woche", "2023-10-19"),
    ("The new rules start on Thursday next week.", FRI, "en", "Thursday next week", "2023-10-19"),
    ("They met on Monday of last week.", FRI, "en", "Monday of last week", "2023-10-02"),
    # the week of a named day is that day's ISO week (TimeML gives the week)
    ("Die nächste Runde startet in der Woche vom 25. April in Washington.", FRI, "de", "Woche vom 25. April",
     "2024-W17"),
    ("The next round starts in the week of April 25 in Washington.", FRI, "en", "the week of April 25", "2024-W17"),
    ("Talks resume the week of 2 May.", FRI, "en", "the week of 2 May", "2024-W18"),
    # a month before a figure in a table is the figure's month; a decimal after it is no day
    ("Wheat prev 39.9, Feb 48.7, March 13.2, total 111.8.", FRI, "en", "Feb", "2023-02"),
    ("Soybean May 20.0, total 20.0 (nil).", FRI, "en", "May", "2023-05"),
    # "ahead of" sets the time ahead
    ("Voters can still register ahead of February's deadline.", FRI, "en", "February", "2024-02"),
]

NO_MATCH = [
    ("Der Prager Frühling endete mit dem Einmarsch.", "de"),
    ("Der 35-jährige Minister und der 78-Jährige sprachen.", "de"),
    ("Nach dem Arabischen Frühling kam der Krieg.", "de"),
    ("The Arab Spring changed the region.", "en"),
    # --- German function words and homographs
    ("Herr Kirby machte keine Angaben zur Art der Munition.", "de"),
    ("Die Lieferungen, die mit Schiffen kamen.", "de"),
    ("Er sprach mit der Presse über die Lage.", "de"),
    ("Bis zu 1.000 Container wurden geliefert.", "de"),
    ("Sie zahlten 2000 Euro.", "de"),
    ("August Bebel war Politiker.", "de"),
    ("Das Gebäude hat 12 Stockwerke.", "de"),
    # --- English function words and homographs
    ("Protesters may march on the capital.", "en"),
    ("They march in protest.", "en"),
    ("It may rain.", "en"),
    ("He said it was a matter of principle.", "en"),
    ("The company employs 2000 people.", "en"),
    ("A sum of 1999 dollars was paid.", "en"),
    # a season word in another sense ("the fall of" a person or a wall: a downfall)
    ("They discussed the politics after the fall of Hu Yaobang.", "en"),
    # a deictic word capitalised inside a sentence is a programme's name
    ('"We will win," he told Today.', "en"),
    ("Er sagte in der Sendung Heute, er komme.", "de"),
    # --- impossible dates
    ("Am 30. Februar 2023 geschah nichts.", "de"),
    ("On February 30, 2023 nothing happened.", "en"),
    # --- empty and whitespace
    ("", "de"),
    ("   \n\t ", "en"),
]

# the seed article's required dates (publication 2023-10-13), quoted sentence by sentence
SEED = [
    ("Im vergangenen Monat besuchte der nordkoreanische Führer Kim Jong Un Russland, um eine mögliche "
     "militärische Zusammenarbeit zu besprechen.", "2023-09"),
    ("US-Geheimdienste verfolgten die Lieferungen, die nach offiziellen Angaben zwischen dem 7. September "
     "und dem 1. Oktober stattfanden.", "2023-09-07/2023-10-01"),
    ("Auf einer Pressekonferenz am Freitag sagte Herr Kirby, die Ausrüstung sei per See- und Schienenweg "
     "zu einem Versorgungsdepot im Südwesten Russlands in der Nähe von Tichorezk, etwa 290 Kilometer von "
     "der ukrainischen Grenze entfernt, exportiert worden.", "2023-10-13"),
    ("Seit Russland im Februar 2022 mit der Invasion der Ukraine begonnen hat, haben US-Beamte immer wieder "
     "Bedenken geäußert, dass Nordkorea Munition an Russland geliefert hat.", "2022-02"),
    ("Im Juli besuchte der russische Verteidigungsminister Sergej Schoigu das Land mit einer "
     "Militärdelegation und traf sich mit Herrn Kim.", "2023-07"),
    ("Und im September traf sich Herr Kim mit dem russischen Präsidenten Wladimir Putin im "
     "Raumfahrtzentrum Wostotschny im Fernen Osten Russlands.", "2023-09"),
    ("Präsident Biden sagte Anfang dieser Woche, dass die vorübergehende Vereinbarung ihn dazu zwingen "
     "könnte, alternative Wege zu finden.", "2023-W41"),
]

INTERVALS = [
    ("2023-09-07", (dt.date(2023, 9, 7), dt.date(2023, 9, 7), "day")),
    ("2023-09", (dt.date(2023, 9, 1), dt.date(2023, 9, 30), "month")),
    ("2024-02", (dt.date(2024, 2, 1), dt.date(2024, 2, 29), "month")),
    ("2023", (dt.date(2023, 1, 1), dt.date(2023, 12, 31), "year")),
    ("2023-W41", (dt.date(2023, 10, 9), dt.date(2023, 10, 15), "week")),
    ("2023-Q3", (dt.date(2023, 7, 1), dt.date(2023, 9, 30), "quarter")),
    ("2023-09-07/2023-10-01", (dt.date(2023, 9, 7), dt.date(2023, 10, 1), "range")),
    ("2023-10-13TMO", (dt.date(2023, 10, 13), dt.date(2023, 10, 13), "day")),
    ("199", (dt.date(1990, 1, 1), dt.date(1999, 12, 31), "decade")),
]

NO_INTERVAL = ["PAST_REF", "PRESENT_REF", "FUTURE_REF", "P3Y", "P1W", "", "2023-13", "2023-02-30", "garbage", "BC0460"]


@pytest.mark.parametrize("text,doc_date,lang,span,value", VALID)
def test_valid(text, doc_date, lang, span, value):
    assert (span, value) in values(text, doc_date, lang)


@pytest.mark.parametrize("text,lang", NO_MATCH)
def test_no_match(text, lang):
    assert tag_timexes(text, FRI, lang) == []


@pytest.mark.parametrize("sentence,value", SEED)
def test_seed_required(sentence, value):
    assert value in [t.value for t in tag_timexes(sentence, FRI, "de")]


@pytest.mark.parametrize("value,expected", INTERVALS)
def test_interval(value, expected):
    assert timex_interval(value) == expected


@pytest.mark.parametrize("value", NO_INTERVAL)
def test_no_interval(value):
    assert timex_interval(value) is None


def test_anchored_flag():
    assert only("am 7. September 2023", FRI, "de").anchored is False
    assert only("am Freitag", FRI, "de").anchored is True


def test_sorted_non_overlapping_offsets():
    text = "Am 7. September 2023 und gestern sowie im Juli kam es vor zwei Wochen zu Kämpfen."
    found = tag_timexes(text, FRI, "de")
    assert [t.start for t in found] == sorted(t.start for t in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert all(text[t.start:t.end] == t.text for t in found)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200), lang=st.sampled_from(["de", "en", "fr"]),
       doc_date=st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_never_raises_and_offsets_slice(text, lang, doc_date):
    for t in tag_timexes(text, doc_date, lang):
        assert text[t.start:t.end] == t.text
