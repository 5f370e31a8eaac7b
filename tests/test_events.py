"""Event extraction through the real pipeline path, on our own sentences (table-driven)."""
from __future__ import annotations

import datetime as dt

import pytest

DOC_DATE = dt.date(2023, 10, 13)


@pytest.fixture(scope="module")
def events(pipeline):
    """events(text, lang, doc_date=DOC_DATE) -> the events' contract dicts."""
    def found(text: str, lang: str, doc_date: dt.date = DOC_DATE):
        return [e.to_dict() for e in pipeline.process(text, doc_id="t", doc_date=doc_date, lang=lang).events]
    return found


def name(place):
    return place["name"] if place else None


def of_type(evs, etype):
    return [e for e in evs if e["type"] == etype]


# --- shipments: (lang, text, origin, destination, date_start, date_end, modes) ----------
SHIPMENTS = [
    # German active: the sender is the inverted subject, the recipient follows "an"
    ("de", "Im März 2023 lieferte Frankreich 40 Panzer an Polen.",
     "France", "Poland", "2023-03-01", "2023-03-31", []),
    # German passive with route and mode
    ("de", "Die Munition wurde am 3. Mai 2023 per Schiff von Hamburg nach Danzig geliefert.",
     "Hamburg", "Gdańsk", "2023-05-03", "2023-05-03", ["sea"]),
    # German: destination inside a locative chain ("zu einem Depot in der Nähe von X")
    ("de", "Die Granaten seien per Bahn zu einem Lager in der Nähe von Rostow exportiert worden.",
     None, "Rostov-on-Don", None, None, ["rail"]),
    # a hyphenated compound with a model name is cargo by its last part: "F-22-Kampfflugzeuge"
    ("de", "Im April 2023 haben die US-Streitkräfte zwei F-22-Kampfflugzeuge nach Rumänien entsandt.",
     "United States", "Romania", "2023-04-01", "2023-04-30", []),
    ("de", "Im Januar 2023 verkaufte Spanien zehn Leopard-2-Panzer an Polen.",
     "Spain", "Poland", "2023-01-01", "2023-01-31", []),
    # English active with via and mode
    ("en", "On 4 June 2023 Germany sent 300 containers of ammunition from Rostock to Kyiv via Warsaw by rail.",
     "Rostock", "Kyiv", "2023-06-04", "2023-06-04", ["rail"]),
    # English passive
    ("en", "In August 2023, 20,000 tons of grain were shipped from Odesa to Istanbul.",
     "Odesa", "Istanbul", "2023-08-01", "2023-08-31", []),
    # arrival of goods
    ("en", "The tanks arrived in Gdansk on 2 October 2023, officials said.",
     None, "Gdańsk", "2023-10-02", "2023-10-02", []),
    # export noun with a country modifier as sender
    ("en", "Brazilian officials said U.S. wheat exports to Egypt rose in 2022.",
     "United States", "Egypt", "2022-01-01", "2022-12-31", []),
]


@pytest.mark.parametrize("lang,text,origin,dest,start,end,modes", SHIPMENTS)
def test_shipment_roles_and_dates(events, lang, text, origin, dest, start, end, modes):
    evs = of_type(events(text, lang), "shipment")
    assert len(evs) == 1, evs
    ev = evs[0]
    if origin is not None:
        assert name(ev["origin"]) == origin
    assert name(ev["destination"]) == dest
    assert (ev["date_start"], ev["date_end"]) == (start, end)
    for m in modes:
        assert m in ev["modes"]


def test_via_and_cargo_quantity(events):
    ev = of_type(events("On 4 June 2023 Germany sent 300 containers of ammunition from Rostock "
                        "to Kyiv via Warsaw by rail.", "en"), "shipment")[0]
    assert [p["name"] for p in ev["via"]] == ["Warsaw"]
    assert "300 containers" in ev["cargo"]


# --- meetings: (lang, text, location, date_start, date_end, precision, actor) -----------
MEETINGS = [
    ("de", "Am 5. Oktober 2023 traf sich Bundeskanzler Olaf Scholz mit Emmanuel Macron in Paris.",
     "Paris", "2023-10-05", "2023-10-05", "day", "Olaf Scholz"),
    ("de", "Im Juni 2023 empfing Präsident Erdogan den ungarischen Premier Viktor Orban in Ankara.",
     "Ankara", "2023-06-01", "2023-06-30", "month", "Viktor Orban"),
    ("de", "Das Gipfeltreffen in Vilnius fand im Juli 2023 statt.",
     "Vilnius", "2023-07-01", "2023-07-31", "month", None),
    ("en", "President Joe Biden met with Prime Minister Rishi Sunak in London on 10 July 2023.",
     "London", "2023-07-10", "2023-07-10", "day", "Rishi Sunak"),
    ("en", "In May 2023 the Chinese foreign minister Wang Yi visited Germany.",
     "Germany", "2023-05-01", "2023-05-31", "month", "Wang Yi"),
    # a datelined story: a meeting told without a place happens at the dateline city,
    # also when the headline before it ends in a capitalised noun
    ("de", "Lob für die Entwicklungshilfe. Wien – Im Mai 2023 traf sich Bundeskanzler Karl "
           "Nehammer mit Olaf Scholz.", "Vienna", "2023-05-01", "2023-05-31", "month", "Olaf Scholz"),
    ("en", "TALKS ON TRADE\nGENEVA, March 2 - Trade ministers will meet on March 11, officials said.",
     "Geneva", "2024-03-11", "2024-03-11", "day", None),   # "will meet": the next March 11
    # a meeting without a stated date stays undated (never the publication date)
    ("en", "Chancellor Olaf Scholz held talks with President Emmanuel Macron in Berlin.",
     "Berlin", None, None, None, "Olaf Scholz"),
]


@pytest.mark.parametrize("lang,text,loc,start,end,precision,actor", MEETINGS)
def test_meeting_location_date_actors(events, lang, text, loc, start, end, precision, actor):
    evs = of_type(events(text, lang), "meeting")
    assert len(evs) == 1, evs
    ev = evs[0]
    assert name(ev["location"]) == loc
    assert (ev["date_start"], ev["date_end"], ev["date_precision"]) == (start, end, precision)
    if actor:
        assert actor in ev["actors"]


# --- status ----------------------------------------------------------------------------
PLANNED = [
    ("en", "Prime Minister Fumio Kishida will meet President Yoon Suk Yeol in Seoul next month.", "meeting"),
    ("de", "Kanzler Olaf Scholz wird nächste Woche in Rom mit Giorgia Meloni zusammentreffen.", "meeting"),
    ("de", "Die Regierung plant, im Dezember 2023 weitere Panzer an die Ukraine zu liefern.", "shipment"),
]


@pytest.mark.parametrize("lang,text,etype", PLANNED)
def test_announced_events_are_planned(events, lang, text, etype):
    evs = of_type(events(text, lang), etype)
    assert evs and all(e["status"] == "planned" for e in evs), evs


# --- anaphors and metonymy -------------------------------------------------------------
def test_the_country_refers_back_to_the_country_named_before(events):
    text = ("Nordkorea hat neue Raketen getestet. Im Juli 2023 besuchte der russische "
            "Verteidigungsminister Sergej Schoigu das Land.")
    ev = of_type(events(text, "de"), "meeting")[0]
    assert name(ev["location"]) == "North Korea"
    assert ev["date_start"] == "2023-07-01"


def test_capital_as_government_is_the_sender_country(events):
    ev = of_type(events("Moskau habe im September 2023 Munition an Syrien geliefert.", "de"), "shipment")[0]
    assert name(ev["origin"]) == "Russia"
    assert "Russia" in ev["actors"]


# --- several sentences, one happening; one sentence, two events; none ---------------------
def test_one_happening_told_over_several_sentences_is_one_event(events):
    text = ("Nach Angaben der Regierung hat Belarus Munition an Russland geliefert. "
            "Die Lieferungen fanden zwischen dem 3. und dem 20. September 2023 statt. "
            "Die Munition sei per Bahn nach Brjansk transportiert worden.")
    evs = of_type(events(text, "de"), "shipment")
    assert len(evs) == 1, evs
    ev = evs[0]
    assert name(ev["destination"]) == "Bryansk"
    assert (ev["date_start"], ev["date_end"]) == ("2023-09-03", "2023-09-20")
    assert len(ev["evidence_spans"]) == 3
    assert "rail" in ev["modes"]


def test_two_events_in_one_sentence(events):
    text = ("On 2 March 2023 Antony Blinken met Sergey Lavrov in Geneva, "
            "while Russia shipped 300 tanks to Syria.")
    evs = events(text, "en")
    assert {e["type"] for e in evs} == {"meeting", "shipment"}
    assert name(of_type(evs, "meeting")[0]["location"]) == "Geneva"
    assert name(of_type(evs, "shipment")[0]["destination"]) == "Syria"


@pytest.mark.parametrize("lang,text", [
    ("de", "In Berlin regnete es am Montag, während in München am 3. Mai 2023 die Sonne schien."),
    ("en", "Prices in London rose sharply in March 2023, the report from Paris said."),
])
def test_sentences_with_places_and_dates_but_no_event(events, lang, text):
    assert events(text, lang) == []


# --- contract ----------------------------------------------------------------------------
def test_ids_are_stable_and_evidence_offsets_hold(events):
    text = "Am 5. Oktober 2023 traf sich Olaf Scholz mit Emmanuel Macron in Paris."
    a, b = events(text, "de"), events(text, "de")
    assert [e["id"] for e in a] == [e["id"] for e in b]
    for e in a:
        assert text[e["start"]:e["end"]].strip() == e["evidence"].split("  ")[0].strip() or e["evidence"]
        for s, t in e["evidence_spans"]:
            assert text[s:t].strip() in e["evidence"]
        assert 0.0 <= e["confidence"] <= 1.0
