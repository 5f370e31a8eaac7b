"""What a gathering is for and what moves (issue 13, session 33): a broadcast or a body's working
season is no meeting, a phrasal verb of withdrawal moves troops, a place is no goods. One table
per mechanism; every sentence was written for these tests, none comes from an evaluation article.
"""
import datetime as dt

import pytest

from geo.translit import fold


def events_of(pipeline, text, lang, doc_date="2016-03-23"):
    doc = pipeline.process(text, doc_id="t", doc_date=dt.date.fromisoformat(doc_date), lang=lang)
    return doc.events


def place(p):
    return fold(p.name).lower() if p else None


# -- a gathering for a broadcast, or a body's season named by its years: no meeting -----------------
@pytest.mark.parametrize("text,lang", [
    ("Am Dienstag kommen die Bewerber der Partei in Las Vegas zu ihrer letzten Fernsehdebatte zusammen.", "de"),
    ("Die Kandidaten treffen sich am Sonntag in Köln zum TV-Duell.", "de"),
    ("The candidates meet in Denver on Tuesday for a televised debate.", "en"),
    ("Das geht aus der Bilanz der Tagung 2014/15 hervor.", "de"),
    ("The assembly's 2004-05 session ends in April.", "en"),
])
def test_a_broadcast_or_a_season_is_no_meeting(pipeline, text, lang):
    assert not [e for e in events_of(pipeline, text, lang) if e.type == "meeting"]


@pytest.mark.parametrize("text,lang,where", [
    ("Am Dienstag kommen die Außenminister in Wien zu einer Konferenz zusammen.", "de", "vienna"),
    ("The ministers meet in Vienna on Tuesday for talks on the pipeline.", "en", "vienna"),
    ("Die Tagung am Montag in Genf endete ohne Ergebnis.", "de", "geneva"),
])
def test_a_gathering_for_talks_stays_a_meeting(pipeline, text, lang, where):
    assert [place(e.location) for e in events_of(pipeline, text, lang) if e.type == "meeting"] == [where]


# -- "pull out", "pull back": the phrasal verb of withdrawal ---------------------------------------
def test_pulling_troops_out_is_a_withdrawal(pipeline):
    (e,) = events_of(pipeline, "Spain pulled its troops out of Iraq in May.", "en")
    assert (e.type, place(e.origin), place(e.destination)) == ("shipment", "iraq", "spain")


@pytest.mark.parametrize("text", [
    "The company pulled out of the deal with Fiat.",
    "Investors pulled money out of the fund in Frankfurt.",
    "Spain pulled the plug on the talks in Madrid.",
])
def test_pulling_out_of_a_deal_is_no_shipment(pipeline, text):
    assert not [e for e in events_of(pipeline, text, "en") if e.type == "shipment"]


# -- a goods word inside a place name is the place's -----------------------------------------------
def test_a_place_name_is_no_goods(pipeline):
    (e,) = events_of(pipeline, "The ship carried cocoa from Ivory Coast to Rotterdam.", "en")
    assert e.cargo == "cocoa"
    (e,) = events_of(pipeline, "The ship carried ivory from Kenya to Hong Kong.", "en")
    assert e.cargo == "ivory"


# -- the items of a list after a role cue share its role --------------------------------------------
@pytest.mark.parametrize("text,lang,origins,destinations", [
    ("Egypt imported wheat from Argentina, Brazil and Uruguay last year.", "en",
     {"argentina", "brazil", "uruguay"}, {"egypt"}),
    ("Weizen wurde aus Argentinien, Brasilien und Uruguay nach Ägypten verschifft.", "de",
     {"argentina", "brazil", "uruguay"}, {"egypt"}),
    ("The soldiers were flown from Germany, Italy and the Netherlands to Kabul.", "en",
     {"germany", "italy", "the netherlands"}, {"kabul"}),
])
def test_the_items_of_a_list_of_origins_are_origins(pipeline, text, lang, origins, destinations):
    ships = [e for e in events_of(pipeline, text, lang) if e.type == "shipment"]
    assert ships and {place(e.destination) for e in ships} == destinations
    assert {place(e.origin) for e in ships} <= origins


def test_a_list_of_destinations_is_one_flow_each(pipeline):
    text = "The firm shipped grain from Odessa to Egypt, Libya and Tunisia."
    ships = events_of(pipeline, text, "en")
    assert sorted(place(e.destination) for e in ships) == ["egypt", "libya", "tunisia"]
    assert {place(e.origin) for e in ships} == {"odesa"}


# -- a verb of hosting needs a guest: a person, a title, a delegation -------------------------------
@pytest.mark.parametrize("text,lang", [
    ("The minister received money from the regime in Baghdad.", "en"),
    ("The minister welcomed the decision in Brussels on Monday.", "en"),
    ("Greece welcomed refugees on Lesbos in May.", "en"),
    ("Menschen in Ungarn und Österreich begrüßen Flüchtlinge und unterstützen sie.", "de"),
])
def test_hosting_a_thing_or_a_crowd_is_no_meeting(pipeline, text, lang):
    assert not [e for e in events_of(pipeline, text, lang) if e.type == "meeting"]


@pytest.mark.parametrize("text,lang,where", [
    ("The president received the ambassador in Paris on Monday.", "en", "paris"),
    ("Blair welcomed Chinese Premier Wen in London on Monday.", "en", "london"),
    ("The Pope received a delegation of bishops in Rome on Monday.", "en", "rome"),
    ("Tuesday's meeting in London is being hosted by the prime minister.", "en", "london"),
    ("Am Montag begrüßte die Kanzlerin den Präsidenten in Berlin.", "de", "berlin"),
])
def test_hosting_a_guest_is_a_meeting(pipeline, text, lang, where):
    assert [place(e.location) for e in events_of(pipeline, text, lang) if e.type == "meeting"] == [where]


# -- an event noun whose verb of happening is negated or unreal did not happen ----------------------
@pytest.mark.parametrize("text,lang", [
    ("The talks in Geneva did not take place.", "en"),
    ("The meeting in Paris never happened.", "en"),
    ("Talks in London would not resume on Monday.", "en"),
    ("Talks would have taken place in Geneva if the rebels had agreed.", "en"),
    ("Das Treffen in Wien kam nicht zustande.", "de"),
    ("Die Gespräche in Wien finden am Montag nicht statt.", "de"),
])
def test_a_meeting_that_did_not_take_place_is_none(pipeline, text, lang):
    assert not [e for e in events_of(pipeline, text, lang) if e.type == "meeting"]


@pytest.mark.parametrize("text,lang", [
    ("The talks in Geneva did not produce a deal.", "en"),          # an outcome negated
    ("Die Gespräche in Wien brachten keinen Durchbruch.", "de"),
    ("The talks in Geneva took place on Monday.", "en"),
    ("Das Treffen in Wien findet am Montag statt.", "de"),
    ("Dortmund will go bankrupt if rescue talks with creditors in Berlin fail.", "en"),  # the talks are there
    ("Wenn sich die Minister am Montag in Wien treffen, wird es um Syrien gehen.", "de"),  # "wenn" of time
])
def test_a_meeting_whose_outcome_is_negated_stays(pipeline, text, lang):
    assert [e.type for e in events_of(pipeline, text, lang)] == ["meeting"]


# -- an event in a clause of condition is a supposition ---------------------------------------------
@pytest.mark.parametrize("text,lang", [
    ("Falls die Waffen nach Syrien geliefert würden, drohten Sanktionen.", "de"),
    ("Wenn die Minister sich in Wien treffen würden, gäbe es eine Lösung.", "de"),
    ("If the talks in Geneva go ahead on Monday, the rebels will attend.", "en"),
    ("Troops will stay unless the UN sends peacekeepers to Darfur.", "en"),
])
def test_an_event_in_a_condition_is_none(pipeline, text, lang):
    assert not events_of(pipeline, text, lang)


def test_an_if_that_asks_sets_no_condition(pipeline):
    text = "He said he did not remember if he had approved the arms sales to Iran."
    assert [e.type for e in events_of(pipeline, text, "en", "1987-03-02")] == ["shipment"]


# -- a body's own sittings: a government's session, a numbered session of a standing body ----------
@pytest.mark.parametrize("text,lang", [
    ("Nach einer kurzen Regierungssitzung in Wien am Dienstag trat der Kanzler vor die Presse.", "de"),
    ("Die Regierung traf sich am Montag in Athen zu einer Dringlichkeitssitzung.", "de"),
    ("The government held an emergency session in Athens on Monday.", "en"),
    ("Zu Beginn der 31. Sitzung des Menschenrechtsrats in Genf sprach er am Montag.", "de"),
    ("The assembly's 59th session opened in New York on Monday.", "en"),
    ("The boards of two banks, at separate meetings in London on Monday, approved the merger.", "en"),
    ("Graz – Erstmals war die Sitzung am Dienstag von Gebärdendolmetscherinnen begleitet.", "de"),
    ("The minister spoke at a question and answer session in Inverness on Monday.", "en"),
    # a party's or a union's own MPs or executive
    ("Labour MPs' meeting at Westminster on Monday was stormy.", "en"),
    ("The union's executive was due to meet in Leeds on Friday.", "en"),
    ("The unions' executives were meeting separately in London on Wednesday.", "en"),
    ("Die SPÖ-Abgeordneten trafen sich am Montag in Wien.", "de"),
    ("During shareholder meetings in Atlanta Mr Ebbers often passed questions to his finance chief.", "en"),
    # a body named in the possessive; a central bank's council; a party's MPs by abbreviation; a firm's staff
    ("The committee's meeting in Leeds ended on Monday.", "en"),
    ("Markets await the US Federal Reserve's latest rate-setting meeting in Washington on Tuesday.", "en"),
    ("The prime minister spoke at the PLP meeting in London on Monday.", "en"),
    ("Staff at the firm met in Leeds on Friday afternoon to discuss how to react.", "en"),
])
def test_a_bodys_own_sitting_is_no_meeting(pipeline, text, lang):
    assert not [e for e in events_of(pipeline, text, lang) if e.type == "meeting"]


@pytest.mark.parametrize("text,lang", [
    ("Die Regierung traf sich am Montag in Athen mit den Gläubigern zu einer Sitzung.", "de"),
    ("The government met the unions in Athens on Monday.", "en"),
    ("Die Regierungsverhandlungen zwischen den Parteien in Wien gingen am Montag weiter.", "de"),
    ("Die Sitzung der EU-Außenminister in Brüssel am Montag endete ohne Ergebnis.", "de"),
    ("The session with the rebels in Geneva on Monday ended without a deal.", "en"),
    # a body with a counterpart named after the verb, or two sides before it
    ("The cabinet met President Bush in Ottawa on Monday.", "en"),
    ("The board met the minister in Paris on Monday.", "en"),
    ("The committee met with the unions in Leeds on Monday.", "en"),
    ("British MPs met President Assad in Damascus on Monday.", "en"),
    ("Executives of the two firms met in Tokyo on Monday.", "en"),
    ("Die Abgeordneten trafen am Montag den Präsidenten in Kiew.", "de"),
])
def test_a_sitting_of_states_or_with_a_counterpart_is_a_meeting(pipeline, text, lang):
    assert [e.type for e in events_of(pipeline, text, lang)] == ["meeting"]


# -- "kurz vor dem Besuch", "shortly before the summit": the event still lies ahead ----------------
def test_an_event_shortly_before_which_something_happened_lies_ahead(pipeline):
    text = ("Hanoi – Kurz vor dem Besuch von Präsident Obama in Vietnam ist der Priester freigelassen worden. "
            "Präsident Obama wird am Sonntag zu einem dreitägigen Besuch in Hanoi erwartet.")
    (e,) = events_of(pipeline, text, "de", "2016-05-21")
    assert (e.status, place(e.location), e.to_dict()["date_start"]) == ("planned", "hanoi", "2016-05-22")


def test_an_event_shortly_after_which_something_happened_is_told(pipeline):
    text = "Kurz nach dem Besuch von Präsident Obama in Vietnam ist der Priester freigelassen worden."
    (e,) = events_of(pipeline, text, "de", "2016-05-21")
    assert e.status != "planned"


# -- a person of office "currently in" a place is there on a visit ----------------------------------
def test_a_person_currently_in_a_place_visits_it(pipeline):
    text = "Prime Minister Blair, currently in Washington, said on Monday he backed the plan."
    assert [place(e.location) for e in events_of(pipeline, text, "en")] == ["washington"]


@pytest.mark.parametrize("text", [
    "The minister is currently in hospital in London.",
    "Sales are currently in decline in Britain.",
])
def test_currently_in_a_state_is_no_visit(pipeline, text):
    assert not events_of(pipeline, text, "en")


# -- refused, denied by its subject, negated at the end of a German clause, an unreal obligation ----
@pytest.mark.parametrize("text,lang", [
    ("Die Regierung weigerte sich, mit den Gläubigern in Klagenfurt Verhandlungen zu führen.", "de"),
    ("Die Weigerung der Regierung, mit den Gläubigern in Klagenfurt Verhandlungen zu führen, stößt auf Kritik.", "de"),
    ("The government's refusal to hold talks with creditors in Klagenfurt was criticised.", "en"),
    ("The minister refused to attend the summit in Brussels.", "en"),
    ("None of the OPEC members has asked for such a meeting in Vienna.", "en"),
    ('He was quoted as saying that "none of the OPEC members has asked for such a meeting in Vienna."', "en"),
    ("Er sagte, dass niemand die Gespräche in Wien besucht habe.", "de"),
    ("Die Regierung werde am Montag in Athen nicht über den neuen Hilfsantrag beraten.", "de"),
    ("Die Kunststoffabfälle müssten eigentlich in die Schweiz gebracht werden.", "de"),
    ("Die Regierung lehnte es ab, die Gespräche in Wien aufzunehmen.", "de"),
])
def test_a_refused_denied_or_only_owed_event_is_none(pipeline, text, lang):
    assert not events_of(pipeline, text, lang)


@pytest.mark.parametrize("text,lang", [
    ("Die Regierung beschloss, am Montag mit den Gläubigern in Klagenfurt Verhandlungen zu führen.", "de"),
    ("The unions failed to reach a deal at the talks in Geneva on Monday.", "en"),
    ("The minister travelled to Brussels for the summit on Monday.", "en"),
    ("The pressure is unlikely to ease ahead of a meeting of the G7 in London next week.", "en"),
    ("Griss hat Unterstützung ausgeschlossen, dennoch war sie bei den Neos in Wien zu einem Treffen geladen.", "de"),
])
def test_an_event_beside_a_refusal_or_a_failure_stays(pipeline, text, lang):
    assert [e.type for e in events_of(pipeline, text, lang)] == ["meeting"]


# -- an English "-s" form after a determiner or a number is a plural noun --------------------------
@pytest.mark.parametrize("text", [
    "The alliance said the 19 February meets would show the law was unworkable.",
    "More than 250 meets will be held in England.",
])
def test_a_plural_noun_of_another_sense_is_no_meeting(pipeline, text):
    assert not events_of(pipeline, text, "en")


@pytest.mark.parametrize("text", [
    "The minister meets his French counterpart in Paris on Monday.",
    "The 12 EC ministers meet in Brussels on Monday.",
    "The two unions' executives hold their meetings in London on Wednesday.",
])
def test_a_verb_after_its_subject_still_meets(pipeline, text):
    assert [e.type for e in events_of(pipeline, text, "en")] == ["meeting"]


# -- the day of an undated lead's news, told in the sentence right after it -------------------------
def test_the_next_sentence_retelling_the_lead_gives_its_day(pipeline):
    text = ("Paris – Demonstranten haben ein Treffen von Konzernführung und Betriebsrat gestürmt. "
            "Die Mitarbeiter drangen am Montagvormittag in die Zentrale ein und erzwangen einen Abbruch der Sitzung.")
    (e,) = events_of(pipeline, text, "de", "2016-01-15")
    assert (place(e.location), e.to_dict()["date_start"]) == ("paris", "2016-01-11")


def test_a_retelling_with_only_a_month_leaves_the_guess(pipeline):
    text = ("Paris – Demonstranten haben ein Treffen von Konzernführung und Betriebsrat gestürmt. "
            "Schon im Dezember hatten die Mitarbeiter gestreikt, nun erzwangen sie einen Abbruch der Sitzung.")
    (e,) = events_of(pipeline, text, "de", "2016-01-15")
    assert e.to_dict()["date_start"] == "2016-01-15"


# -- a country named right before the goods made or sends them ------------------------------------
@pytest.mark.parametrize("text,lang,origin,destination", [
    ("Egypt bought U.S. wheat last year.", "en", "united states", "egypt"),
    ("Autorama is considering importing U.S.-made cars into Japan.", "en", "united states", "japan"),
    ("Korean Air ordered four US-built jets for delivery in 1988.", "en", "united states", "south korea"),
    ("Die Lieferung von US-Waffen an die Ukraine soll im Mai beginnen.", "de", "united states", "ukraine"),
    ("The United States secretly sold Iran arms in 1985.", "en", "united states", "iran"),  # the receiver
    ("Germany supplied Ukraine tanks last year.", "en", "germany", "ukraine"),
])
def test_a_country_before_the_goods_is_their_origin(pipeline, text, lang, origin, destination):
    (e,) = [e for e in events_of(pipeline, text, lang, "1987-03-02") if e.type == "shipment"]
    assert (place(e.origin), place(e.destination)) == (origin, destination)


def test_forces_withdrawn_go_back_to_their_country(pipeline):
    (e,) = events_of(pipeline, "Der Abzug der US-Truppen aus Afghanistan soll im Mai beginnen.", "de")
    assert (place(e.origin), place(e.destination)) == ("afghanistan", "united states")


def test_a_country_owning_the_trade_is_not_the_goods_maker(pipeline):
    text = "JAKARTA, March 2 - Indonesia's wheat imports rose. The main suppliers in 1986 were Australia and Canada."
    ships = events_of(pipeline, text, "en", "1987-03-02")
    assert all(place(e.origin) != "indonesia" for e in ships)


def test_where_it_was_said_is_no_end_of_the_route(pipeline):
    text = 'He wants to see a phased withdrawal of UK troops "as soon as possible", he said in London.'
    (e,) = events_of(pipeline, text, "en", "2005-01-27")
    assert (e.origin, place(e.destination)) == (None, "united kingdom")


def test_the_nationality_of_forces_before_a_participle_sends_them(pipeline):
    text = "Mr Kennedy argued that British troops deployed in Iraq should be replaced."
    (e,) = events_of(pipeline, text, "en", "2005-01-27")
    assert (place(e.origin), place(e.destination)) == ("united kingdom", "iraq")


# -- a meeting placed only by the dateline joins the same person's meeting placed by the text -----
def test_the_place_the_text_names_beats_the_dateline(pipeline):
    text = ("Brüssel – Die Kommission lobte die Räumung des Lagers. Die Lage sei schwierig, sagte "
            "EU-Kommissar Dimitris Avramopoulos am Montag bei einem Besuch in Athen. Im Gespräch mit dem "
            "Staatspräsidenten Prokopis Pavlopoulos betonte Avramopoulos, der Pakt sei entscheidend.")
    assert [place(e.location) for e in events_of(pipeline, text, "de", "2016-05-30") if e.type == "meeting"] == ["athens"]


def test_a_dateline_meeting_of_other_people_stays_apart(pipeline):
    text = ("Brüssel – EU-Kommissar Dimitris Avramopoulos war am Montag zu einem Besuch in Athen. "
            "Am Dienstag traf sich Außenminister Frank-Walter Steinmeier mit dem Kommissionschef.")
    where = sorted(place(e.location) or "" for e in events_of(pipeline, text, "de", "2016-05-30") if e.type == "meeting")
    assert where == ["athens", "brussels"]


# -- a question about what is done at an event presupposes the event ---------------------------------
@pytest.mark.parametrize("text,lang,when", [
    ("Ob das Abkommen beim EU-Gipfel nächste Woche beschlossen wird, ist unklar.", "de", "2016-03-28"),
    ("Offen ist, ob beim Treffen in Wien am Freitag eine Einigung gelingen wird.", "de", "2016-03-25"),
])
def test_a_question_about_what_is_done_at_an_event_keeps_it(pipeline, text, lang, when):
    (e,) = events_of(pipeline, text, lang)
    assert (e.type, e.status) == ("meeting", "planned") and str(e.date_start) <= when <= str(e.date_end)


@pytest.mark.parametrize("text,lang", [
    ("Es ist unklar, ob die Gespräche in Wien nächste Woche beginnen.", "de"),
    ("The board will decide whether to begin talks in Vienna next week.", "en"),
])
def test_a_question_whether_an_event_happens_leaves_it_out(pipeline, text, lang):
    assert not events_of(pipeline, text, lang)


# -- a plan or aim as the direct object of a meeting verb is fulfilled, nobody meets -----------------
@pytest.mark.parametrize("text", [
    "He will be judged on Europe's success in meeting the Lisbon agenda by 2010.",
    "Thailand failed to meet its export quota in Europe last year.",
    "The plant in Leeds is meeting the new schedule.",
    "The firm in Leeds inflated its revenues to meet Wall Street earnings estimates.",
])
def test_an_aim_met_is_no_meeting(pipeline, text):
    assert not [e for e in events_of(pipeline, text, "en") if e.type == "meeting"]


def test_the_agenda_beside_a_meeting_is_what_it_discusses(pipeline):
    (e,) = events_of(pipeline, "The ministers met on Monday in Brussels with trade on the agenda.", "en")
    assert (e.type, place(e.location)) == ("meeting", "brussels")


# -- a sale in a market with no receiver is sales, a figure; a sale to a receiver is a flow ---------
@pytest.mark.parametrize("text,lang", [
    ("BMW sold nearly 95,000 cars in Asia last year.", "en"),
    ("Toyota sold 1.2 million vehicles in the United States in 2004.", "en"),
    ("BMW verkaufte im vergangenen Jahr in Asien 95.000 Autos.", "de"),
])
def test_a_sale_in_a_market_is_no_flow(pipeline, text, lang):
    assert not [e for e in events_of(pipeline, text, lang) if e.type == "shipment"]


@pytest.mark.parametrize("text,lang,destination", [
    ("Boeing sold 20 jets to Iran last year.", "en", "iran"),
    ("Russland verkaufte im Mai 40 Panzer nach Syrien.", "de", "syria"),
])
def test_a_sale_to_a_receiver_is_a_flow(pipeline, text, lang, destination):
    assert [place(e.destination) for e in events_of(pipeline, text, lang) if e.type == "shipment"] == [destination]


# -- goods made in one place and sold in a market go from there to it ------------------------------
@pytest.mark.parametrize("text,lang,origin,destination", [
    ("The SUVs will be built in Japan and sold mainly in the European market.", "en", "japan", "europe"),
    ("The cars are made in Mexico and sold in the United States.", "en", "mexico", "united states"),
    ("Die Autos werden in Japan gebaut und im europäischen Markt verkauft.", "de", "japan", "europe"),
    ("Die in Mexiko gebauten Autos werden in den USA verkauft.", "de", "mexico", "united states"),
])
def test_goods_made_in_a_place_and_sold_in_a_market_flow(pipeline, text, lang, origin, destination):
    (e,) = [e for e in events_of(pipeline, text, lang) if e.type == "shipment"]
    assert (place(e.origin), place(e.destination)) == (origin, destination)


@pytest.mark.parametrize("text,lang", [
    ("Toyota sold more cars in the European market last year.", "en"),   # a market by its demonym
    ("Die Firma hat im vergangenen Jahr in Asien 95.000 Autos verkauft.", "de"),   # the market before the verb
    ("The plant was built in Japan in 1990.", "en"),                     # made, not sold
])
def test_a_market_or_a_making_alone_is_no_flow(pipeline, text, lang):
    assert not [e for e in events_of(pipeline, text, lang) if e.type == "shipment"]


# -- "for X to <verb>": X is who would act — for a shipment the sender, never its destination --------
@pytest.mark.parametrize("text,origin,destination", [
    ("It will be hard for Britain to send more troops to Iraq next year.", "united kingdom", "iraq"),
    ("It is time for Japan to import more rice from Thailand.", "thailand", "japan"),
    ("Canada shipped 5,000 tonnes of wheat for Egypt to the port of Alexandria.", "canada", "alexandria"),
])
def test_the_subject_of_an_infinitive_after_for_acts(pipeline, text, origin, destination):
    (e,) = [e for e in events_of(pipeline, text, "en", "1987-03-02") if e.type == "shipment"]
    assert (place(e.origin), place(e.destination)) == (origin, destination)


def test_a_quota_for_a_country_to_keep_is_no_flow_to_it(pipeline):
    text = "It would be easy for Indonesia to stick to an export quota of 24,516 tonnes."
    assert not events_of(pipeline, text, "en", "1987-03-02")


# -- a vehicle that carries people carries no goods: a journey, no shipment -------------------------
@pytest.mark.parametrize("text,lang", [
    ("Die Flüchtlinge wurden am Montag mit Lastwagen zurück nach Griechenland gebracht.", "de"),
    ("The refugees were carried by truck back to Greece on Monday.", "en"),
])
def test_people_carried_are_no_shipment(pipeline, text, lang):
    assert not [e for e in events_of(pipeline, text, lang) if e.type == "shipment"]


def test_goods_for_people_carried_are_a_shipment(pipeline):
    text = "Die Hilfsgüter für die Flüchtlinge wurden am Montag mit Lastwagen nach Griechenland gebracht."
    assert [place(e.destination) for e in events_of(pipeline, text, "de") if e.type == "shipment"] == ["greece"]


# -- a shipment word modifying a figure, a facility or a firm; exporters named as a group ------------
@pytest.mark.parametrize("text", [
    "The strike closed banks, hospitals and transport facilities in Israel last week.",
    "Active soymeal export loadings at the Gulf pushed futures higher on Friday.",
    "Growth in Germany was driven by export sales last year.",
    "On Monday a dissident group of coffee exporters walked out of the talks in London.",
])
def test_a_modifier_or_a_group_of_traders_is_no_shipment(pipeline, text):
    assert not [e for e in events_of(pipeline, text, "en", "1987-03-02") if e.type == "shipment"]


def test_an_export_to_a_country_stays_a_shipment(pipeline):
    (e,) = events_of(pipeline, "Canada exported 5,000 tonnes of wheat to Egypt last week.", "en", "1987-03-02")
    assert (e.type, place(e.origin), place(e.destination)) == ("shipment", "canada", "egypt")


# -- a date past what moves on a market dates the market move, not the event noun before it ----------
@pytest.mark.parametrize("text,lang", [
    ("Reports of deadlocked talks in Turin sent Fiat shares down 1.2% on Tuesday.", "en"),
    ("Berichte über festgefahrene Gespräche in Turin drückten die Aktie am Dienstag um 1,2 Prozent.", "de"),
])
def test_a_market_move_does_not_date_the_event(pipeline, text, lang):
    (e,) = events_of(pipeline, text, lang, "2005-03-03")
    assert (e.type, e.date_start) == ("meeting", None)


def test_a_date_in_the_events_own_phrase_still_dates_it(pipeline):
    (e,) = events_of(pipeline, "The talks in Turin on Tuesday lifted Fiat shares by 1.2%.", "en", "2005-03-03")
    assert str(e.date_start) == "2005-03-01"


# -- a place in a noun's phrase before "and" and a new noun phrase belongs to that noun ---------------
@pytest.mark.parametrize("text,lang,location", [
    ("Der Schritt fällt in die Woche des Nato-Einsatzes gegen Schlepper in der Ägäis und eines EU-Gipfels.", "de", None),
    ("The move came in the week of the NATO mission in the Aegean and an EU summit.", "en", None),
    # a place that opens the clause stands for all of it
    ("In Paris the ministers and their aides held a meeting on Monday.", "en", "paris"),
    ("In Brüssel kamen die Minister und die Kommission zu einem Treffen zusammen.", "de", "brussels"),
])
def test_a_place_of_the_phrase_before_and_is_not_the_meetings(pipeline, text, lang, location):
    (e,) = [e for e in events_of(pipeline, text, lang, "2016-02-14") if e.type == "meeting"]
    assert place(e.location) == location


# -- a date that ends a participle phrase on another noun dates that noun, not the event ------------
@pytest.mark.parametrize("text,start", [
    ("Ministers will meet in Geneva to review the accord reached last month.", None),
    ("Ministers will meet in Geneva to review the quota set last December.", None),
    # the event's own participle, or a passive, keeps its date
    ("The meeting held last week in Paris was a success.", "1987-02-23"),
    ("Talks were held on Monday in Geneva.", "1987-03-02"),
])
def test_a_participle_phrase_on_another_noun_keeps_its_date(pipeline, text, start):
    (e,) = [e for e in events_of(pipeline, text, "en", "1987-03-02") if e.type == "meeting"]
    assert e.date_start == start


# -- a person of office "due in" a place is expected there: a planned visit --------------------------
@pytest.mark.parametrize("text,location", [
    ("President Bush is due in Brussels on Tuesday for talks with EU leaders.", "brussels"),
    ("Mr Bush is due in Europe at the end of January.", "europe"),
])
def test_a_person_due_in_a_place_visits_it(pipeline, text, location):
    (e,) = [e for e in events_of(pipeline, text, "en", "2005-01-10") if e.type == "meeting"]
    assert (place(e.location), e.to_dict()["modality"]) == (location, "planned")


@pytest.mark.parametrize("text", [
    "The shipment of grain is due in Rotterdam on Friday.",
    "The rise was due in part to higher prices in Asia.",
    "Payment is due in March.",
])
def test_due_without_a_traveller_is_no_visit(pipeline, text):
    assert not [e for e in events_of(pipeline, text, "en", "2005-01-10") if e.type == "meeting"]


# -- a body counted in states is a meeting of states; "here" after the meeting word is the dateline --
def test_a_council_of_states_meeting_here_is_at_the_dateline(pipeline):
    text = ("MANAMA, March 2 - Deputy oil ministers of the six-nation Gulf Co-operation Council ended a "
            "meeting here after discussing co-operation in the oil field.")
    (e,) = events_of(pipeline, text, "en", "1987-03-02")
    assert (e.type, place(e.location), e.date_start) == ("meeting", "manama", "1987-03-02")


def test_a_council_of_one_state_is_its_routine(pipeline):
    text = "LONDON, March 2 - Members of the city council ended a meeting here after discussing the budget."
    assert not [e for e in events_of(pipeline, text, "en", "1987-03-02") if e.type == "meeting"]


# -- going or arriving at a court is an appearance in court, no visit --------------------------------
@pytest.mark.parametrize("text,lang,kept", [
    ("As the minister arrived at Spain's High Court in Madrid on Wednesday, he said nothing.", "en", False),
    ("Der Minister kam am Montag zum Landesgericht in Graz.", "de", False),
    ("The minister arrived in Madrid on Wednesday for talks with the king.", "en", True),
])
def test_arriving_at_a_court_is_no_visit(pipeline, text, lang, kept):
    assert bool([e for e in events_of(pipeline, text, lang, "2005-03-01") if e.type == "meeting"]) == kept
