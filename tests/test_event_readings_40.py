"""How a sentence is read around its event words, fourth table (issue 13, dev sets 21-33 and the
silver review of the session): the stretch of a counted duration from the report's day dates the
event inside it. One table per mechanism, with the readings that must stay; every sentence was
written for these tests.
"""
import pytest

from reading_support import TUESDAY, events_of, place

# TUESDAY is 2005-02-15


# -- a counted duration after a word that points from now is a stretch that starts or ends on the
#    report's day: the event told inside it falls between the two --------------------------------
@pytest.mark.parametrize("text,lang,dates", [
    ("Der Parteichef will sich in den kommenden 14 Tagen mit den anderen Parteien in Graz treffen.", "de",
     ("2005-02-15", "2005-03-01")),
    ("In den vergangenen zehn Tagen wurden 300 Panzer aus Polen in die Ukraine geliefert.", "de",
     ("2005-02-05", "2005-02-15")),
    ("Die Hilfsgüter sollen in den nächsten drei Wochen per Schiff nach Beirut gebracht werden.", "de",
     ("2005-02-15", "2005-03-08")),
    ("The ministers will meet in Paris in the next two weeks.", "en", ("2005-02-15", "2005-03-01")),
    ("Over the past three months Russia shipped 40 tanks to Syria.", "en", ("2004-11-15", "2005-02-15")),
    ("The envoy is expected to visit Kabul within the coming ten days.", "en", ("2005-02-15", "2005-02-25")),
])
def test_a_stretch_from_the_reports_day_dates_its_event(pipeline, text, lang, dates):
    assert [(e.date_start, e.date_end) for e in events_of(pipeline, text, lang)] == [dates]


@pytest.mark.parametrize("text,lang", [
    # counted from another event ("following", "folgenden"), or the term of a deal in years: no dates
    ("Two weeks after the summit, in the following ten days, the ministers met in Paris.", "en"),
    ("The firm will supply gas to China over the next ten years.", "en"),
    ("Nach dem Gipfel trafen sich die Minister in den folgenden zehn Tagen in Paris.", "de"),
    # a stretch without a count is no calendar stretch
    ("The ministers will meet in Paris in the coming weeks.", "en"),
])
def test_no_stretch_without_a_count_from_now(pipeline, text, lang):
    assert [(e.date_start, e.date_end) for e in events_of(pipeline, text, lang)] in ([(None, None)], [])


# -- a body named before a conjunction is the subject of another clause: the verb after it has a
#    subject of its own, so it is no sitting of that body ----------------------------------------
@pytest.mark.parametrize("text,lang,dates", [
    ("After talks with the board the hospital waits until health chiefs meet in Cardiff in March.", "en",
     [(None, None), ("2005-03-01", "2005-03-31")]),
    ("The council delayed the vote because the two ministers meet in Rome on Friday.", "en",
     [("2005-02-18", "2005-02-18")]),
])
def test_a_body_before_a_conjunction_is_another_clauses(pipeline, text, lang, dates):
    assert [(e.date_start, e.date_end) for e in events_of(pipeline, text, lang) if e.type == "meeting"] == dates


@pytest.mark.parametrize("text", [
    "The Treasury committee meets on Tuesday.",
    "The board will meet in London on Friday.",
    "The council of the city is due to meet in Leeds on Monday.",
])
def test_a_bodys_own_sitting_stays_no_event(pipeline, text):
    assert events_of(pipeline, text, "en") == []


# -- a guest of a host at a place is a visit: "zu Gast" after its place, "as a guest of" -----------
@pytest.mark.parametrize("text,lang,where", [
    ("Der Minister war am Montag in Graz zu Gast bei Landeshauptmann Schützenhöfer.", "de", "graz"),
    ("Die Kanzlerin ist am Freitag in Prag zu Gast.", "de", "prague"),
    ("The minister was in Lisbon on Monday as a guest of the prime minister.", "en", "lisbon"),
    ("The oil minister was in Caracas as a guest of the state oil company.", "en", "caracas"),
    ("The Queen will be the guest of President Chirac in Paris next week.", "en", "paris"),
])
def test_a_guest_at_a_place_is_a_visit(pipeline, text, lang, where):
    assert [place(e.location) for e in events_of(pipeline, text, lang) if e.type == "meeting"] == [where]


@pytest.mark.parametrize("text,lang", [
    ("The hotel in Paris had 300 guests of the festival.", "en"),
    ("Guests of the show in London included the actor Hugh Grant.", "en"),
    ("He was a guest of honour.", "en"),
    # an infinitive between the place and the trigger still parts them
    ("The firm signed an agreement to distribute computers in Japan.", "en"),
])
def test_no_visit_without_a_guest_at_a_place(pipeline, text, lang):
    assert [e for e in events_of(pipeline, text, lang) if e.type == "meeting"] == []


def test_a_german_comparative_als_is_no_conjunction(pipeline):
    # the jury's deliberations stay its own sitting: "als" inside a clause compares
    text = ("Der Richter verkündete am Freitag in Graz die Entscheidung der Geschworenen, die sich nach "
            "mehr als sechsstündigen Beratungen nicht einigen konnten.")
    assert [e for e in events_of(pipeline, text, "de") if e.type == "meeting"] == []


# -- one meeting per counterpart that a word of sequence after a coordinator or comma sets apart ---
@pytest.mark.parametrize("text,lang,actors", [
    ("Der Minister traf am Montag in Kairo zunächst Außenminister Schukri und anschließend Präsident Sisi.", "de",
     [["Schukri"], ["Sisi"]]),
    ("In Cairo the minister first met Foreign Minister Shoukry and then President Sisi.", "en",
     [["Shoukry"], ["Sisi"]]),
    ("Die Kanzlerin empfing in Berlin zuerst Premier Rutte, danach Präsident Macron.", "de", [["Rutte"], ["Macron"]]),
])
def test_one_meeting_per_counterpart_in_sequence(pipeline, text, lang, actors):
    events = [e for e in events_of(pipeline, text, lang) if e.type == "meeting"]
    assert [[a.split()[-1] for a in e.actors if a.split()[-1] in text] for e in events] == actors
    assert len({(e.location.name, e.date_start) for e in events}) == 1


@pytest.mark.parametrize("text,lang", [
    ("The minister met Shoukry and Sisi in Cairo on Monday.", "en"),
    ("Der Premier zitierte am Montag in Jerusalem den Minister Jaalon zu sich, nachdem dieser General Golan verteidigt hatte.", "de"),
])
def test_counterparts_without_a_sequence_share_one_meeting(pipeline, text, lang):
    assert len([e for e in events_of(pipeline, text, lang) if e.type == "meeting"]) == 1


# -- an office of a state's region or a party is a title: its holder is a person who hosts -------
@pytest.mark.parametrize("text,lang,where", [
    ("Am Nachmittag empfing Landeshauptmann Pühringer die Grünen in Linz.", "de", "linz"),
    ("Am Montag empfing Landesrätin Huber die Bürgermeister in Bregenz.", "de", "bregenz"),
    ("Commissioner Hogan received the delegates in Brussels on Monday.", "en", "brussels"),
])
def test_a_regional_or_party_office_is_a_title(pipeline, text, lang, where):
    assert [place(e.location) for e in events_of(pipeline, text, lang) if e.type == "meeting"] == [where]


# -- a German place in a later "zu" infinitive clause is where that act would be, not the venue ------
@pytest.mark.parametrize("text,where", [
    ("Die Männer sollen im März einen Agenten getroffen haben, der ihnen anbot, sich den Milizen in Syrien anzuschließen.", None),
    ("Der Minister traf am Montag den Botschafter, der ihn einlud, nach Rom zu reisen.", None),
    # a purpose clause with "um" tells where they meet
    ("Die Minister trafen sich am Montag, um in Brüssel über die Krise zu verhandeln.", "brussels"),
])
def test_a_zu_infinitive_clause_places_its_own_act(pipeline, text, where):
    assert [place(e.location) for e in events_of(pipeline, text, "de") if e.type == "meeting"] == [where]


# -- a date that owns the event noun ("Monday's summit") dates it, also after "after"/"nach" -------
@pytest.mark.parametrize("text,lang,day", [
    ("Speaking after Monday's summit in Brussels, he said the deal was done.", "en", "2005-02-14"),
    ("After Friday's talks in Geneva, the envoys flew home.", "en", "2005-02-11"),
])
def test_a_date_that_owns_the_noun_dates_it(pipeline, text, lang, day):
    assert [e.date_start for e in events_of(pipeline, text, lang) if e.type == "meeting"] == [day]


def test_a_possessive_month_that_owns_no_event_noun_dates_nothing(pipeline):
    # "May's chairman": the company May; the talks are undated
    text = "Negotiations between the two retailers sped up after May's chairman resigned."
    assert [e.date_start for e in events_of(pipeline, text, "en") if e.type == "meeting"] in ([None], [])


# -- two titles joined as the subject are two sides: a verb of talks needs no "mit" then ----------
@pytest.mark.parametrize("text,lang,where", [
    ("Ministerin und Landeshauptleute verhandelten am Montag drei Stunden in Graz.", "de", "graz"),
    ("Kanzler und Vizekanzler berieten am Dienstag in Wien.", "de", "vienna"),
])
def test_two_titles_joined_are_two_sides(pipeline, text, lang, where):
    assert [place(e.location) for e in events_of(pipeline, text, lang) if e.type == "meeting"] == [where]


@pytest.mark.parametrize("text", [
    "Der Kanzler verhandelte am Montag in Wien.",
    "Waffen und Munition verhandelten am Montag in Wien.",
])
def test_one_side_alone_does_not_negotiate(pipeline, text):
    assert [e for e in events_of(pipeline, text, "de") if e.type == "meeting"] == []


# -- talks as the source of what one knows, or as a count of many, are no one meeting -------------
@pytest.mark.parametrize("text,lang", [
    ("I know from my discussions with council leaders that they want change.", "en"),
    ("She held numerous discussions with teachers about the plan.", "en"),
    ("Aus Gesprächen mit Diplomaten weiß man, dass die Lage ernst ist.", "de"),
    ("Für die Studie wurden 40 Gespräche mit Lehrern geführt.", "de"),
])
def test_talks_as_a_source_or_a_count_are_no_meeting(pipeline, text, lang):
    assert [e for e in events_of(pipeline, text, lang) if e.type == "meeting"] == []


@pytest.mark.parametrize("text,lang,where", [
    # placed, they are a meeting after all: the talks the journey comes from
    ("He returned from talks with Bush in Washington on Monday.", "en", "washington"),
    ("Der Minister kehrte am Montag aus den Gesprächen in Brüssel zurück.", "de", "brussels"),
])
def test_placed_talks_after_from_stay(pipeline, text, lang, where):
    assert [place(e.location) for e in events_of(pipeline, text, lang) if e.type == "meeting"] == [where]


# -- stops of one meeting word that each have a date take the date told with their place ----------
@pytest.mark.parametrize("text,lang,dates", [
    ("The minister held talks in Kabul last week and is in Islamabad this week.", "en",
     {"kabul": "2005-02-07", "islamabad": "2005-02-14"}),
    ("The minister met Karzai in Kabul on Monday and Musharraf in Islamabad on Wednesday.", "en",
     {"kabul": "2005-02-14", "islamabad": "2005-02-09"}),
    ("On Monday the minister met Karzai in Kabul and on Wednesday Musharraf in Islamabad.", "en",
     {"kabul": "2005-02-14", "islamabad": "2005-02-09"}),
])
def test_each_stop_takes_its_own_date(pipeline, text, lang, dates):
    assert {place(e.location): e.date_start for e in events_of(pipeline, text, lang) if e.type == "meeting"} == dates


def test_stops_without_dates_of_their_own_share_the_journeys(pipeline):
    text = "The minister will visit Paris, Berlin and Rome next week."
    assert {e.date_start for e in events_of(pipeline, text, "en") if e.type == "meeting"} == {"2005-02-21"}
