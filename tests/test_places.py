"""Place recognition and resolution on the bundled gazetteer (extract/places.py, geo/resolve.py).

Gold cases in both languages: what must be found and where it must resolve,
and the traps that must not be taken for places.
"""
import datetime as dt

import pytest

DATE = dt.date(2023, 10, 13)


# --- found and resolved: (lang, text, surface, expected name, country code, feature) ---
RESOLVED = [
    # an office "of" a country or a city keeps the place
    ("en", "The Ministry of Defence of Ukraine said the drones were shot down.", "Ukraine", "Ukraine", "UA", "country"),
    ("en", "The Mayor of London opened the bridge.", "London", "London", "GB", "city"),
    # German exonyms and inflection
    ("de", "Beamte veröffentlichten Fotos von Containern in Najin, Nordkorea.", "Najin", "Rajin", "KP", "city"),
    ("de", "Beamte veröffentlichten Fotos von Containern in Najin, Nordkorea.", "Nordkorea", "North Korea", "KP", "country"),
    ("de", "Das Depot liegt in der Nähe von Tichorezk.", "Tichorezk", "Tikhoretsk", "RU", "city"),
    ("de", "Pjöngjang habe Container geliefert.", "Pjöngjang", "Pyongyang", "KP", "city"),
    ("de", "Die Hilfe an Kiew wurde zurückgestellt.", "Kiew", "Kyiv", "UA", "city"),
    ("de", "Die USA haben Moskau beschuldigt.", "Moskau", "Moscow", "RU", "city"),
    ("de", "Die USA haben Moskau beschuldigt.", "USA", "United States", "US", "country"),
    ("de", "Der Krieg Russlands dauert an.", "Russlands", "Russia", "RU", "country"),
    ("de", "Die Lieferungen Nordkoreas verstoßen gegen Resolutionen.", "Nordkoreas", "North Korea", "KP", "country"),
    ("de", "Moskaus Armee verbraucht Munition.", "Moskaus", "Moscow", "RU", "city"),
    ("de", "Die Front bei Charkiw hält.", "Charkiw", "Kharkiv", "UA", "city"),
    ("de", "Das Kraftwerk bei Saporischschja ist abgeschaltet.", "Saporischschja", "Zaporizhzhya", "UA", "city"),
    ("de", "Sie reisten nach Wladiwostok.", "Wladiwostok", "Vladivostok", "RU", "city"),
    # English
    ("en", "Containers were assembled in Rajin, North Korea.", "North Korea", "North Korea", "KP", "country"),
    ("en", "The depot is near Tikhoretsk in southern Russia.", "Tikhoretsk", "Tikhoretsk", "RU", "city"),
    ("en", "Officials in Pyongyang denied the report.", "Pyongyang", "Pyongyang", "KP", "city"),
    ("en", "The minister flew to Kyiv on Monday.", "Kyiv", "Kyiv", "UA", "city"),
    ("en", "Russia's war in Ukraine goes on.", "Russia", "Russia", "RU", "country"),
    # context picks the entry
    ("en", "The festival moved from Paris, Texas to Dallas and Tyler.", "Paris", "Paris", "US", "city"),
    ("en", "The summit took place in Paris, the French capital.", "Paris", "Paris", "FR", "city"),
    ("de", "Die Delegation reiste nach Paris und Lyon.", "Paris", "Paris", "FR", "city"),
    # a place right before a person's name that opens with its given name is no part of that name
    ("de", "Der Papst hatte in Havanna Fidel Castro getroffen.", "Havanna", "Havana", "CU", "city"),
    ("en", "The minister met in Lisbon Maria Silva, the opposition leader.", "Lisbon", "Lisbon", "PT", "city"),
]


@pytest.mark.parametrize("lang,text,surface,name,cc,feature", RESOLVED)
def test_resolved(places, lang, text, surface, name, cc, feature):
    found = places(text, lang)
    assert surface in found, f"{surface!r} not found in {sorted(found)}"
    p = found[surface]
    assert (p.name, p.country_code, p.feature) == (name, cc, feature)


# --- not places here: (lang, text, surface) ---
TRAPS = [
    ("de", "Nordkorea hat große Mengen militärischer Ausrüstung geliefert.", "Mengen"),
    ("de", "Er machte keine Angaben zur Art der Munition.", "Art"),
    ("de", "Die Lieferungen spielen eine entscheidende Rolle in dem Konflikt.", "Rolle"),
    ("de", "Militärhilfe in Höhe von 6 Milliarden US-Dollar.", "Höhe"),
    ("de", "Seit Russland die Ukraine angriff, wächst die Sorge.", "Seit"),
    ("de", "Im Juli besuchte der Minister das Land.", "Juli"),
    ("de", "Das sagte John Kirby, Sprecher des Sicherheitsrats.", "Kirby"),
    ("de", "Auf einer Pressekonferenz sagte Herr Kirby, die Lage sei ernst.", "Kirby"),
    ("de", "Der Führer Kim Jong Un besuchte Russland.", "Kim"),
    ("de", "Der Führer Kim Jong Un besuchte Russland.", "Un"),
    ("de", "Und General Mark Milley sagte kürzlich, er sei skeptisch.", "Mark"),
    ("de", "Herr Kim traf Wladimir Putin.", "Wladimir"),
    ("de", "Er zeigte die Interkontinentalrakete (ICBM) Hwasong.", "Hwasong"),
    ("de", "Präsident Biden sagte Anfang dieser Woche nichts.", "Biden"),
    ("de", "Ein Leitartikel in der Washington Post forderte Härte.", "Washington"),
    ("en", "Spokesman John Kirby said the shipments were large.", "Kirby"),
    ("en", "General Mark Milley said he was sceptical.", "Mark"),
    ("en", "President Biden spoke on Friday.", "Biden"),
    ("en", "An editorial in the Washington Post demanded action.", "Washington"),
    ("en", "The regime showed its Hwasong missile.", "Hwasong"),
    ("en", "He said the island was reading the news.", "Reading"),
    # an acronym is no small town ("ICO" is not Icó); an airline is no country
    ("en", "Coffee traders expect a selloff after the ICO talks failed.", "ICO"),
    ("de", "Im Streit um einen Sparplan bei der Air France stürmten Demonstranten ein Treffen.", "France"),
    # an office's field after "of" is no small town of that name (Commerce, CA; Justice, IL)
    ("en", "According to the Ministry of Commerce, exports rose by 5% in May.", "Commerce"),
    ("en", "The Department of Justice said it would appeal.", "Justice"),
    ("en", "The chamber of commerce said sales rose.", "commerce"),
    # a place word inside a listed company's name of several words is the company's
    ("en", "McDonnell Douglas Corp said Korean Air signed formal orders for four jets.", "Douglas"),
    ("en", "The order from Air Canada covers ten aircraft.", "Canada"),
]


def test_a_short_all_caps_name_is_a_place_as_a_large_city(places):
    assert "ROME" in places("ROME, March 2 - Italy's exports rose sharply.", "en")


@pytest.mark.parametrize("lang,text,surface", TRAPS)
def test_not_a_place(places, lang, text, surface):
    assert surface not in places(text, lang)


def test_countries_resolve_to_the_country_entry(places):
    found = places("Die Ukraine, Russland und die USA verhandeln.", "de")
    assert {p.feature for p in found.values()} == {"country"}
    assert {p.country_code for p in found.values()} == {"UA", "RU", "US"}


def test_country_used_as_modifier_counts(places):
    assert places("US-Beamte haben Nordkorea beschuldigt.", "de")["US"].country_code == "US"


def test_german_only_name_is_not_matched_in_english(places):
    # "Island" is Iceland in German only
    assert "Island" not in places("The Island was quiet.", "en")
    assert places("Der Minister reiste nach Island.", "de")["Island"].country_code == "IS"


def test_qualifier_picks_the_state_that_holds_the_city(places):
    found = places("The company moved its headquarters to Atlanta, Georgia last year.", "en")
    assert (found["Atlanta"].country_code, found["Georgia"].country_code) == ("US", "US")
    assert found["Georgia"].feature == "admin"
    assert places("Die Delegation reiste nach Tiflis in Georgien.", "de")["Georgien"].feature == "country"


# --- document context: (lang, text, surface, expected country code) ---
CONTEXT = [
    ("en", "Police in Paris, Illinois said the Illinois State Police and Illinois officials would help.", "Paris", "US"),
    ("en", "U.S. wheat exports to Egypt rose in 2022.", "Egypt", "EG"),
    ("en", "Fire crews from Dublin, Ohio and Columbus, Ohio responded.", "Dublin", "US"),
    ("en", "Ministers from Ireland met in Dublin on Monday.", "Dublin", "IE"),
    # a region word before the name: the region, not the country or a town of that name
    ("en", "The governor toured the state of Georgia on Monday.", "Georgia", "US"),
    ("en", "Xi paid a state visit to Georgia.", "Georgia", "GE"),
]


@pytest.mark.parametrize("lang,text,surface,cc", CONTEXT)
def test_document_context(places, lang, text, surface, cc):
    assert places(text, lang)[surface].country_code == cc


def test_given_name_that_begins_a_place_name_is_no_person(places):
    found = places("Exports went to Uganda, Sierra Leone and Hong Kong. A Taiwan mission arrived.", "en")
    assert {"Sierra Leone", "Hong Kong", "Taiwan"} <= set(found)
