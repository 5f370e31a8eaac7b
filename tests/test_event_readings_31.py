"""How a sentence is read around its event words, second table (issue 13, set 31 as dev): a verb
of arriving that reaches a state, an "-ing" form that describes traders, a place named as the
venue of the talks told of, and a participle of purpose after an event noun. One table per
mechanism, with the readings that must stay; every sentence was written for these tests.
"""
import pytest

from reading_support import events_of, place


def shipments(pipeline, text, lang, doc_date="2005-02-15"):
    return [(place(e.origin), place(e.destination)) for e in events_of(pipeline, text, lang, doc_date)
            if e.type == "shipment"]


# -- a verb of arriving that reaches an agreement, a state of talks or a mark reaches no place -----
@pytest.mark.parametrize("text,lang", [
    ("The failure of the ministers to reach agreement on sugar quotas in London could trigger a selloff.", "en"),
    ("Oil ministers reached a broad consensus on output in Vienna on Monday.", "en"),
    ("The talks in Geneva reached deadlock on Friday over tariffs on rice.", "en"),
    ("Die Minister haben am Montag in Wien eine Einigung über Gaslieferungen erreicht.", "de"),
    ("Die Unterhändler erreichten am Freitag in Genf einen Kompromiss über Weizenzölle.", "de"),
    ("Der Ölpreis erreichte am Montag in London ein Rekordniveau.", "de"),
])
def test_a_state_reached_is_no_arrival(pipeline, text, lang):
    assert shipments(pipeline, text, lang, "2016-02-16" if lang == "de" else "2005-02-15") == []


@pytest.mark.parametrize("text,lang,route", [
    ("The tanker reached Rotterdam on Monday with 80,000 tonnes of crude oil.", "en", (None, "rotterdam")),
    ("Am Montag erreichte der Frachter mit 30 Panzern den Hafen von Klaipeda.", "de", (None, "klaipeda")),
    # a state in a phrase of its own is not what the train reaches
    ("Nach der Einigung erreichte der Zug mit Panzern am Mittwoch Lwiw.", "de", (None, "lviv")),
])
def test_a_carrier_reaching_a_place_still_arrives(pipeline, text, lang, route):
    assert shipments(pipeline, text, lang, "2016-02-16" if lang == "de" else "2005-02-15") == [route]


# -- an "-ing" form before a noun of members or sides tells who trades, not a flow (English) ---------
@pytest.mark.parametrize("text", [
    "A special meeting between importing and exporting countries ended in London on Monday.",
    "The exporting nations met in Jakarta on Monday to discuss tin prices.",
    "Talks between the importing members and Brazil resumed in London on Monday.",
])
def test_an_ing_form_describing_traders_is_no_shipment(pipeline, text):
    evs = events_of(pipeline, text, "en")
    assert [e.type for e in evs] == ["meeting"]


@pytest.mark.parametrize("text,route", [
    ("Brazil began exporting coffee to Russia on Monday.", ("brazil", "russia")),
    ("Iran is importing 30 tanks from Russia this month.", ("russia", "iran")),
])
def test_an_ing_form_with_its_goods_still_ships(pipeline, text, route):
    assert shipments(pipeline, text, "en") == [route]


# -- "PLACE, site of the talks": the venue of the meeting told of, over the dateline -----------------
@pytest.mark.parametrize("text,lang,doc_date,where", [
    ("DETROIT, March 2 - Negotiations between the carmaker and the union ended on Saturday, a spokesman "
     "said by telephone from Milwaukee, site of the talks.", "en", "1987-03-02", "milwaukee"),
    ("Die Gespräche zwischen Serbien und dem Kosovo endeten am Montag, sagte ein Sprecher in Genf, "
     "dem Schauplatz der Gespräche.", "de", "2016-02-16", "geneva"),
])
def test_a_place_named_as_venue_of_the_talks_is_their_place(pipeline, text, lang, doc_date, where):
    meetings = [e for e in events_of(pipeline, text, lang, doc_date) if e.type == "meeting"]
    assert [place(e.location) for e in meetings] == [where]


def test_a_place_the_speaker_calls_from_is_no_venue(pipeline):
    text = ("DETROIT, March 2 - Negotiations between the carmaker and the union ended on Saturday, "
            "a spokesman said by telephone from Milwaukee.")
    meetings = [e for e in events_of(pipeline, text, "en", "1987-03-02") if e.type == "meeting"]
    assert [place(e.location) for e in meetings] != ["milwaukee"]


# -- a participle of purpose after the noun tells what the event is for, not that it is planned -------
@pytest.mark.parametrize("text,modality", [
    ("The union held talks aimed at saving the plant with the carmaker in Kenosha on Monday.", "actual"),
    # (a date after "to save the plant" could be the saving's: it opens the sentence here)
    ("On Monday the union held talks intended to save the plant with the carmaker in Kenosha.", "actual"),
    ("Talks scheduled for Monday between the union and the carmaker in Kenosha will decide the plant's fate.",
     "planned"),
])
def test_a_participle_of_purpose_is_no_plan(pipeline, text, modality):
    meetings = [e.to_dict()["modality"] for e in events_of(pipeline, text, "en") if e.type == "meeting"]
    assert meetings == [modality]


# -- "be" + "to" + a bare verb: the event is arranged, still ahead (English) -------------------------
@pytest.mark.parametrize("text", [
    "Employers and the port union are to meet again this afternoon to attempt a settlement.",
    "The World Trade Organisation is to hold membership talks with Iraq in Geneva.",
    "The French president was to visit Kabul, his office said.",
])
def test_be_to_with_a_bare_verb_is_planned(pipeline, text):
    assert [e.to_dict()["modality"] for e in events_of(pipeline, text, "en", "1987-03-03")] == ["planned"]


def test_a_past_meeting_with_a_purpose_after_it_stays_actual(pipeline):
    text = "Employers and the port union met in Rotterdam on Monday to attempt a settlement."
    assert [e.to_dict()["modality"] for e in events_of(pipeline, text, "en", "1987-03-03")] == ["actual"]


# -- talks going on about a change of owner are a firm's deal in the making, no meeting -------------
@pytest.mark.parametrize("text,lang", [
    ("Nanjing Auto is in negotiations with Rover and SAIC to take a 20% stake in the venture.", "en"),
    ("Absa said it is still in talks with UK bank Barclays over the sale of a majority stake.", "en"),
    ("The bank is negotiating the sale of Bankhaus Centrale Credit, a spokesman said on Monday.", "en"),
    ("The two carmakers are in talks about a merger, people familiar with the matter said on Monday.", "en"),
    ("Der Konzern ist in Verhandlungen mit Siemens über den Verkauf seiner Anteile, sagte ein Sprecher "
     "am Montag in Wien.", "de"),
])
def test_talks_going_on_about_a_change_of_owner_are_no_meeting(pipeline, text, lang):
    assert [e for e in events_of(pipeline, text, lang, "2016-02-16") if e.type == "meeting"] == []


@pytest.mark.parametrize("text,where", [
    # a meeting held, even about a takeover, and talks with firms about wages stay
    ("Ford held talks with Mazda in Tokyo on Monday about a takeover.", "tokyo"),
    ("The union will demand a wage increase in negotiations with the mining companies in Johannesburg "
     "on Monday.", "johannesburg"),
    # a word of a name is no business changing hands
    ("This week the US Secretary of State was visiting the West Bank to stress support for the election.",
     "west bank"),
])
def test_a_meeting_about_a_deal_or_with_firms_stays(pipeline, text, where):
    meetings = [e for e in events_of(pipeline, text, "en") if e.type == "meeting"]
    assert [place(e.location) for e in meetings] == [where]


# -- a count or a frequency of meetings tells many, none as one ---------------------------------
@pytest.mark.parametrize("text,lang", [
    ("IMF teams have visited Warsaw on fact-finding missions on at least three occasions.", "en"),
    ("The two leaders met several times in Geneva last year.", "en"),
    ("Ebbers said he frequently met Sullivan in New York to discuss the business.", "en"),
    ("Der Minister hat Syrien im vergangenen Jahr mehrmals besucht.", "de"),
    ("Die beiden Außenminister trafen sich 2015 dreimal in Wien.", "de"),
])
def test_a_count_or_frequency_of_meetings_is_no_one_meeting(pipeline, text, lang):
    assert [e for e in events_of(pipeline, text, lang, "2016-02-16") if e.type == "meeting"] == []


def test_one_meeting_with_a_number_of_its_own_stays(pipeline):
    text = "The two leaders met for three hours in Geneva on Monday."
    assert [place(e.location) for e in events_of(pipeline, text, "en") if e.type == "meeting"] == ["geneva"]


# -- a date between a verb of telling and its reported clause is the telling's ----------------------
@pytest.mark.parametrize("text", [
    "The minister said on Monday the talks in Geneva were useful.",
    "Baka told the news agency PAP on Monday the talks in Washington were a step towards fresh credits.",
])
def test_a_date_of_telling_without_that_does_not_date_the_talks(pipeline, text):
    meetings = [e for e in events_of(pipeline, text, "en", "1987-03-04") if e.type == "meeting"]
    assert [e.date_start for e in meetings] == [None]


def test_a_date_of_the_meeting_itself_stays(pipeline):
    text = "The minister met on Monday the president of Ghana in Accra."
    assert [e.date_start for e in events_of(pipeline, text, "en", "1987-03-04")] == ["1987-03-02"]


# -- the place after a meeting noun's topic preposition is what it is about, also after a verb ------
@pytest.mark.parametrize("text,lang", [
    ("Die Euro-Finanzminister kamen am Samstag zu einer Krisensitzung zu Griechenland zusammen.", "de"),
    ("Finance ministers gathered on Saturday for an emergency meeting on Greece.", "en"),
])
def test_the_topic_of_the_gathering_is_no_venue(pipeline, text, lang):
    meetings = [e for e in events_of(pipeline, text, lang, "2016-02-17") if e.type == "meeting"]
    assert len(meetings) == 1 and meetings[0].location is None


@pytest.mark.parametrize("text,lang,where", [
    ("Die Euro-Finanzminister kamen am Samstag in Brüssel zu einer Krisensitzung zu Griechenland zusammen.",
     "de", "brussels"),
    ("Finance ministers met in Brussels on Saturday for talks on Greece.", "en", "brussels"),
    ("The ministers met on Monday in Greece.", "en", "greece"),
])
def test_the_venue_beside_the_topic_stays(pipeline, text, lang, where):
    meetings = [e for e in events_of(pipeline, text, lang, "2016-02-17") if e.type == "meeting"]
    assert [place(e.location) for e in meetings] == [where]


# -- "the war in Syria": a state of affairs placed by its own locative, not the meeting -------------
@pytest.mark.parametrize("text,lang", [
    ("The ministers held talks on the war in Syria on Monday.", "en"),
    ("Leaders met in an emergency summit on the crisis in Ukraine on Monday.", "en"),
    ("Die Außenminister berieten am Montag über die Lage in der Ukraine.", "de"),
    ("Die Innenminister trafen sich am Montag zu Gesprächen über die Flüchtlingskrise in Griechenland.", "de"),
])
def test_the_place_of_a_war_or_crisis_is_no_venue(pipeline, text, lang):
    meetings = [e for e in events_of(pipeline, text, lang, "2016-03-02") if e.type == "meeting"]
    assert meetings and all(e.location is None for e in meetings), [place(e.location) for e in meetings]


@pytest.mark.parametrize("text,lang,where", [
    ("The ministers held talks on Syria in Geneva on Monday.", "en", "geneva"),
    ("The ministers held talks on trade in Geneva on Monday.", "en", "geneva"),
    ("Die Außenminister berieten am Montag in Genf über den Krieg in Syrien.", "de", "geneva"),
])
def test_a_venue_beside_a_placed_topic_stays(pipeline, text, lang, where):
    meetings = [e for e in events_of(pipeline, text, lang, "2016-03-02") if e.type == "meeting"]
    assert [place(e.location) for e in meetings] == [where]


# -- earlier ones of a kind, with no article, are none told; with an article it is one --------------
@pytest.mark.parametrize("text,lang", [
    ("Bei früheren Konferenzen in Davos sei die Sorge der Anleger vor allem China gewesen.", "de"),
    ("At previous meetings in Geneva the ministers failed to agree.", "en"),
    ("Past summits in Brussels had failed to settle the budget.", "en"),
])
def test_earlier_ones_of_a_kind_are_no_meeting(pipeline, text, lang):
    assert [e for e in events_of(pipeline, text, lang, "2016-03-09") if e.type == "meeting"] == []


@pytest.mark.parametrize("text,lang,where", [
    ("Bei einem früheren Treffen in Wien hatten die Minister am 3. März eine Einigung erzielt.", "de", "vienna"),
    ("At an earlier meeting in Geneva on March 3 the ministers failed to agree.", "en", "geneva"),
])
def test_one_earlier_meeting_stays(pipeline, text, lang, where):
    meetings = [e for e in events_of(pipeline, text, lang, "2016-03-09") if e.type == "meeting"]
    assert [place(e.location) for e in meetings] == [where]


# -- a place in the phrase of a noun after "from"/"aus" is whence, not the venue ------------------
def locations(pipeline, text, lang, doc_date):
    return [place(e.location) for e in events_of(pipeline, text, lang, doc_date) if e.type == "meeting"]


@pytest.mark.parametrize("text,lang,where", [
    ("Tony Blair flew from a holiday in Egypt to official discussions with the king.", "en", [None]),
    ("Merkel came from her holiday home in Italy to talks with Renzi in Rome.", "en", ["rome"]),
    ("Die Ministerin reiste aus dem Urlaub in Spanien zu Gesprächen mit dem König.", "de", [None]),
])
def test_a_place_someone_came_from_is_no_venue(pipeline, text, lang, where):
    assert locations(pipeline, text, lang, "2016-02-16" if lang == "de" else "2005-02-15") == where


@pytest.mark.parametrize("text,lang,where", [
    ("He returned from the talks in Geneva with Lavrov.", "en", ["geneva"]),
    ("Die Ministerin traf in Madrid den König.", "de", ["madrid"]),
])
def test_the_talks_own_place_after_from_stays(pipeline, text, lang, where):
    assert locations(pipeline, text, lang, "2016-02-16" if lang == "de" else "2005-02-15") == where
