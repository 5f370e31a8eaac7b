"""Counties, state abbreviations and states/provinces worldwide (geo/admin_units.py,
data/us_state_abbreviations.csv, extract/places/abbreviations.py), on the bundled data.

Own sentences in English and German: what must be found and where it must resolve, and
the traps (a person, a colour, a church service) that must stay no place.
"""
import datetime as dt

import pytest

from geo import admin_units
from geo.distance import haversine_km as km

DATE = dt.date(2023, 10, 13)


# --- the gazetteer has them, with a point inside the unit: (name, country, lat, lon) ---
UNITS = [
    ("Kanawha County", "US", 38.34, -81.53),      # West Virginia
    ("Rapides Parish", "US", 31.20, -92.53),      # Louisiana
    ("Licking County", "US", 40.09, -82.48),      # Ohio
    ("Tamil Nadu", "IN", 11.0, 78.4),
    ("Western Cape", "ZA", -33.2, 21.0),
    ("Helmand", "AF", 31.0, 64.0),
    ("Bayern", "DE", 48.9, 11.4),                 # the hand-kept row: ISO's own name
    ("Niederösterreich", "AT", 48.3, 15.8),
    # British and Irish counties, named bare by news (ADMIN2_COUNTRIES)
    ("Cornwall", "GB", 50.4, -4.9),
    ("County Cork", "IE", 51.95, -8.6),
]


@pytest.mark.parametrize("name,cc,lat,lon", UNITS)
def test_unit_in_gazetteer(gazetteer, name, cc, lat, lon):
    admins = [c.place for c in gazetteer.lookup(name, translit=False)
              if c.place.feature == "admin" and c.place.country_code == cc]
    assert admins, f"no admin entry for {name!r}"
    assert km(admins[0].lat, admins[0].lon, lat, lon) < 161


# --- names a division must not take (left to a town, too common, a given name) ---
NOT_ADMIN = ["Kanawha", "Orange", "Jackson", "Salzburg", "Lagos", "Basra", "Münster", "Central",
             "Region", "Süd", "Lara"]


@pytest.mark.parametrize("name", NOT_ADMIN)
def test_no_generated_division(gazetteer, name):
    assert not [c for c in gazetteer.lookup(name, translit=False)
                if c.place.feature == "admin" and c.place.geonameid is None and c.place.country_code != "US"
                or admin_units.is_county_name(c.place.name)], name


# --- found in text and resolved: (lang, text, surface, name, country, feature) ---
RESOLVED = [
    ("de", "Bei einem Besuch in der Grafschaft Cornwall sprach der Premier mit Fischern.", "Cornwall",
     "Cornwall", "GB", "admin"),
    ("en", "Deputies in Kanawha County searched the creek.", "Kanawha County", "Kanawha County", "US", "admin"),
    ("en", "The Kanawha County Commission met on Monday.", "Kanawha County", "Kanawha County", "US", "admin"),
    ("en", "Both the sheriff and Rapides Parish Fire District 2 investigated.", "Rapides Parish",
     "Rapides Parish", "US", "admin"),
    ("en", "SOUTH CHARLESTON, W.Va. -- Photographs of artifacts were shown.", "W.Va.", "West Virginia", "US", "admin"),
    ("en", "She grew up in Columbia, S.C., and moved on.", "S.C.", "South Carolina", "US", "admin"),
    ("en", "He lives in Fresno, Calif., with his family.", "Calif.", "California", "US", "admin"),
    ("en", "The firm moved from Boston, Mass. to Texas.", "Mass.", "Massachusetts", "US", "admin"),
    ("en", "Sen. Lindsey Graham, R-S.C., said no.", "S.C.", "South Carolina", "US", "admin"),
    ("en", "The factory in Pittsburgh, Pa., closed.", "Pa.", "Pennsylvania", "US", "admin"),
    ("en", "Floods hit Tamil Nadu and the Western Cape.", "Tamil Nadu", "Tamil Nadu", "IN", "admin"),
    ("en", "Floods hit Tamil Nadu and the Western Cape.", "Western Cape", "Western Cape", "ZA", "admin"),
    ("de", "Die Polizei in Bayern und in Niederösterreich sucht den Mann.", "Bayern", "Bavaria", "DE", "admin"),
    ("de", "Die Polizei in Bayern und in Niederösterreich sucht den Mann.", "Niederösterreich",
     "Lower Austria", "AT", "admin"),
    ("de", "Soldaten kämpften in der Provinz Helmand.", "Helmand", "Helmand", "AF", "admin"),
]


@pytest.mark.parametrize("lang,text,surface,name,cc,feature", RESOLVED)
def test_resolved(places, lang, text, surface, name, cc, feature):
    found = places(text, lang)
    assert surface in found, f"{surface!r} not found in {sorted(found)}"
    p = found[surface]
    assert (p.name, p.country_code, p.feature) == (name, cc, feature)


def test_city_qualified_by_abbreviation(places):
    p = places("SOUTH CHARLESTON, W.Va. -- A crowd gathered in Charleston, W.Va., on Monday.", "en")["Charleston"]
    assert p.country_code == "US" and km(p.lat, p.lon, 38.35, -81.63) < 50


# --- no place, or not a county or state: (lang, text, surface) ---
NEGATIVE = [
    ("en", "Washington told reporters he would run again.", "Washington County"),
    ("en", "She painted the door orange and the fence Orange.", "Orange"),
    ("en", "Jackson said the team would win; Michael Jackson sang.", "Jackson"),
    ("en", "They attended Mass. Then they went home.", "Mass."),
    ("en", "Miss. Daisy was not a state.", "Miss."),
    ("en", "The Pa. of the family spoke first.", "Pa."),
    ("en", "Ind. candidates did well in the vote.", "Ind."),
    ("de", "Die Region im Süd-Westen ist bekannt.", "Region"),
    ("de", "Lara Croft kämpft wieder.", "Lara"),
]


@pytest.mark.parametrize("lang,text,surface", NEGATIVE)
def test_not_a_unit(places, lang, text, surface):
    found = places(text, lang)
    hit = found.get(surface)
    assert hit is None or hit.feature != "admin", f"{surface!r} became {hit}"
    assert not any(admin_units.is_county_name(p.name) for p in found.values()), found


# --- bare names read as counties only in a list before "counties"/"parishes" ---
# (text, {surface: (county name, lat, lon)} the list gives, surfaces that stay no county)
COUNTY_LISTS = [
    ("School boards in Barrow, Jackson and Madison counties met. Jackson said no.",
     {"Barrow": ("Barrow County", 34.0, -83.7), "Jackson": ("Jackson County", 34.1, -83.6),
      "Madison": ("Madison County", 34.1, -83.2)}, ()),
    ("Storms hit Caddo and Bossier parishes.",
     {"Caddo": ("Caddo Parish", 32.6, -93.9), "Bossier": ("Bossier Parish", 32.6, -93.6)}, ()),
    ("Two Northeast Georgia counties grew; the four metro Athens counties too.", {}, ("Georgia", "Athens")),
]


@pytest.mark.parametrize("text,counties,others", COUNTY_LISTS)
def test_county_lists(pipeline, text, counties, others):
    doc = pipeline.process(text, doc_id="t", doc_date=DATE, lang="en")
    got = {}
    for m in doc.places:
        got.setdefault(m.text, m.place)  # the first mention of a surface
    for surface, (name, lat, lon) in counties.items():
        assert got[surface].name == name and km(got[surface].lat, got[surface].lon, lat, lon) < 100, got[surface]
    for surface in others:
        assert not admin_units.is_county_name(got[surface].name)
    later = [m.place for m in doc.places if m.text == "Jackson"][1:]
    assert all(not admin_units.is_county_name(p.name) for p in later)  # "Jackson said no."


# --- German closed compounds: a division or region as a modifier is no place; a country is ---
@pytest.mark.parametrize("text,surface,kept", [
    ("Der Bayern-Vorstand traf sich in München.", "Bayern", False),
    ("Sie gehört zu den Volta-Kongo-Sprachen.", "Volta", False),
    ("US-Beamte veröffentlichten Fotos.", "US", True),
    ("Die Wahl in Bayern war knapp.", "Bayern", True),
])
def test_compound_modifier(places, text, surface, kept):
    assert (surface in places(text, "de")) is kept
