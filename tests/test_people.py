"""The people layer (extract.text.people): found once, read by places and events."""
import datetime as dt

import pytest

from extract.pipeline import get_pipeline
from extract.text.people import people_lexicon


@pytest.fixture(scope="module")
def pipeline():
    return get_pipeline()


def people_of(pipeline, text, lang):
    tdoc = pipeline.read(text, lang, dt.date(2024, 3, 8))
    return [(text[p.start:p.end], p.name) for p in tdoc.people.mentions], tdoc


# (sentence, language, expected (written, full name) mentions, in text order)
CASES = [
    # a title or honorific before the name
    ("Präsident Macron sprach in Paris.", "de", [("Macron", "Macron")]),
    ("Sen. Warren spoke in Boston.", "en", [("Warren", "Warren")]),
    # a title as the head of a closed compound, and inflected
    ("Verteidigungsminister Sergej Schoigu reiste nach Minsk.", "de",
     [("Sergej Schoigu", "Sergej Schoigu")]),
    ("Außenministerin Annalena Baerbock traf Kollegen.", "de",
     [("Annalena Baerbock", "Annalena Baerbock")]),
    # a given name starts a name; a later surname is the same person
    ("John Kirby sagte, Kirby habe nichts gesehen.", "de",
     [("John Kirby", "John Kirby"), ("Kirby", "John Kirby")]),
    # an honorific and a genitive resolve to the full name written before
    ("Kim Jong Un kam an. Herr Kim lachte. Kims Regime schwieg.", "de",
     [("Kim Jong Un", "Kim Jong Un"), ("Kim", "Kim Jong Un"), ("Kims", "Kim Jong Un")]),
    # hyphenated names and particles stay one name
    ("UN chief Ban Ki-moon met President Ursula von der Leyen.", "en",
     [("Ban Ki-moon", "Ban Ki-moon"), ("Ursula von der Leyen", "Ursula von der Leyen")]),
    # a name stops at a country name
    ("Präsident Wladimir Putin Russland", "de", [("Wladimir Putin", "Wladimir Putin")]),
    # a surname spelt one letter apart is the same person; a common word one letter from a name is
    # a word ("Schutz" is no "Schulz"), and so is a short one ("Busch" is no "Bush")
    ("Secretary of State George Shultz arrived. Schultz is visiting Peking.", "en",
     [("George Shultz", "George Shultz"), ("Schultz", "George Shultz")]),
    ("Parlamentspräsident Martin Schulz sprach über den Schutz der Grenzen.", "de",
     [("Martin Schulz", "Martin Schulz")]),
    ("President George Bush spoke. Busch Gardens opened.", "en", [("George Bush", "George Bush")]),
    # a country right after a title is no name ("statten die Minister Rumänien einen Besuch ab")
    ("Am Montag statten die Minister Rumänien einen Besuch ab.", "de", []),
]


@pytest.mark.parametrize("text,lang,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_people_are_found_once_with_full_names(pipeline, text, lang, expected):
    found, _ = people_of(pipeline, text, lang)
    assert found == expected


# (sentence, language, a word that must be no place because it names a person)
NOT_PLACES = [
    ("Präsident Kim traf in Wladiwostok ein.", "de", "Kim"),
    ("Mr. Lawton said the plan works.", "en", "Lawton"),
    ("General Steuben drilled the troops at Valley Forge.", "en", "Steuben"),
]


@pytest.mark.parametrize("text,lang,word", NOT_PLACES, ids=[c[2] for c in NOT_PLACES])
def test_places_read_the_people_layer(pipeline, text, lang, word):
    _, tdoc = people_of(pipeline, text, lang)
    assert word not in [m.text for m in tdoc.places]


TITLES = [
    ("de", "präsident", True), ("de", "präsidenten", True), ("de", "außenministerin", True),
    ("de", "verteidigungsminister", True), ("de", "herrn", True), ("de", "haus", False),
    ("en", "sen.", True), ("en", "president", True), ("en", "presidents", True), ("en", "ministers", True), ("en", "bus", False),
    # offices of a state's regions and of parties (Austrian "Landeshauptmann", "Klubobmann"), envoys
    ("de", "landeshauptmann", True), ("de", "landeshauptfrau", True), ("de", "landesrätin", True),
    ("de", "klubobmann", True), ("de", "eu-kommissarin", True), ("de", "diplomaten", True), ("de", "mann", False),
    ("en", "commissioner", True), ("en", "diplomats", True), ("en", "negotiators", True), ("en", "mep", True),
]


@pytest.mark.parametrize("lang,word,expected", TITLES)
def test_title_words_by_family(lang, word, expected):
    assert people_lexicon(lang).is_title(word) is expected
