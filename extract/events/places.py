"""Places an event can have beyond the place mentions: anaphors, datelines, institutions,
city adjectives; sentence clean-up (headlines); subject/object position of a bare place."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from extract.events.orgs import ORG_CONFIDENCE, home_countries
from extract.events.lexicon import EventLexicon
from extract.text.document import Token
from geo.continents import continent_name, continent_of
from records.model import Mention, Place

# starts a line or follows a sentence end: "... Entwicklungshilfe. Wien – " is Wien's
_DATELINE = re.compile(r"(?:^|(?<=\n)|(?<=[.!?\"“] ))"
                       r"([A-ZÄÖÜ][\w.'-]+(?:[ /][A-ZÄÖÜ][\w.'-]+){0,3})"
                       r"(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s+[–—-]\s")


def _title_line(line: str, next_char: str) -> bool:
    """The first line of a story is its headline when it ends without a sentence mark and the
    next line starts anew ("Kesselwagenzug mit Diesel aus Płock erreicht Lwiw\nLwiw – Ein Zug
    ..."): the headline is a sentence of its own, not the subject of the dateline's sentence."""
    return len(line) <= 200 and line[-1] not in ".!?:;,-–—" and (next_char.isupper() or next_char in "\"“„'")


def refine_sentences(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences split further at blank lines and after all-caps headline lines."""
    out = []
    for s, e in sentences:
        start = s
        for m in re.finditer(r"\n", text[s:e]):
            cut = s + m.start()
            line = text[start:cut].strip()
            blank = text[cut + 1:cut + 2] == "\n" or not line
            headline = line and (line.upper() == line and any(c.isalpha() for c in line)
                                 or start == s == 0 and _title_line(line, text[cut + 1:cut + 2]))
            if blank or headline:
                if line:
                    out.append((start, cut))
                start = cut + 1
        if text[start:e].strip():
            out.append((start, e))
    return out


def dateline(text: str, places: list[Mention]) -> Optional[tuple[Mention, int]]:
    """The first place of a dateline ("CAIRO, March 2 -", "Warschau/Moskau –") near the
    start of a story, and where the dateline ends."""
    for m in _DATELINE.finditer(text[:400]):
        if m.start() and text[m.start() - 1] not in "\n. ":
            continue
        if m.start() > 1 and text[m.start() - 1] == " " and text[m.start() - 2] not in ".!?\"“":
            continue
        inside = [p for p in places if m.start() <= p.start < m.end(1)]
        if inside:
            return inside[0], m.end()
    return None


_DESCRIPTOR_MODIFIERS = 2  # words before a descriptor's head: "US planemaker", "Irish budget airline"


def _past_descriptor(tokens: list[Token], i: int, k: int, lex: EventLexicon) -> int:
    """The word before a descriptor right before the name at ``i`` ("Budget airline Ryanair",
    "Der US-Konzern Boeing"), past its capitalised or hyphenated modifiers and article; else ``k``."""
    if k != i - 1 or k < 0 or tokens[k].clause != tokens[i].clause \
            or not tokens[k].low.rsplit("-", 1)[-1].endswith(lex.descriptor_heads):
        return k
    j = k - 1
    while j >= 0 and k - j <= _DESCRIPTOR_MODIFIERS and tokens[j].clause == tokens[i].clause \
            and tokens[j].low not in lex.articles and (tokens[j].cap or "-" in tokens[j].low) \
            and tokens[j].text.replace("-", "").isalpha():
        j -= 1
    while j >= 0 and tokens[j].clause == tokens[i].clause and tokens[j].low in lex.articles:
        j -= 1
    return j


def unmarked_role(tokens: list[Token], i: int, lex: EventLexicon, trig_idx: int = -1) -> Optional[str]:
    """"subject" for a bare place that opens its clause (after conjunctions and articles, or
    right after a German verb: "lieferte Frankreich"), "object" for another bare place,
    None when a preposition marks it."""
    k = i - 1
    if k > 0 and tokens[k].low == "von" and lex.facility_heads and tokens[k - 1].cap \
            and tokens[k - 1].low.rsplit("-", 1)[-1].endswith(lex.facility_heads):
        k -= 2  # "erreichten den Güterbahnhof von Kaunas": the facility's phrase is the place's
        while k >= 0 and tokens[k].clause == tokens[i].clause and tokens[k].low.endswith(lex.inflected_endings) \
                and not tokens[k].cap and tokens[k].low not in lex.subject_stop:
            k -= 1  # its adjectives ("den westukrainischen Hafen von ...")
    while k >= 0 and tokens[k].clause == tokens[i].clause and tokens[k].low in lex.articles:
        k -= 1
    k = _past_descriptor(tokens, i, k, lex)
    if k + 1 < i and tokens[k + 1].low in lex.relative and (k < 0 or tokens[k].clause != tokens[i].clause):
        return "subject"  # "..., den China 1998 der Ukraine abgekauft hatte": after the relative pronoun
    if k >= 0 and tokens[k].clause == tokens[i].clause and tokens[k].low in lex.subject_stop:
        return None
    if k >= 0 and tokens[k].low in lex.speech_openers and k < trig_idx:
        return "subject"  # "Boeing said Korean Air ordered four jets": the reported clause's subject
    if lex.verb_second and k >= 0 and (k == trig_idx or tokens[k].low in lex.auxiliaries) \
            and _inverted(tokens, k, lex):
        return "subject"  # German inversion: "Im März lieferte Frankreich", "Danach hat Belarus ..."
    while k >= 0 and tokens[k].clause == tokens[i].clause and tokens[k].low in lex.openers:
        k -= 1
    if k < 0:
        return "subject"
    if tokens[k].clause != tokens[i].clause:
        if lex.adverb_endings and tokens[0].clause == tokens[k].clause:
            opener = [t for t in tokens if t.clause == tokens[k].clause and t.text[:1].isalnum()]
            if len(opener) == 1 and opener[0].low.endswith(lex.adverb_endings):
                return "subject"  # "Recently, India's first low-cost airline ordered ...": an adverb opens
        # a list split at commas ("in Russia, India and elsewhere") continues the marked phrase
        if tokens[k].text[:1].isupper() and tokens[k].low not in lex.speech:
            return None
        return "subject"
    if tokens[i].low.endswith(("'s", "’s")) and i + 1 < len(tokens) and tokens[i + 1].text.islower():
        return None  # "arms sales to Iran and China's political situation": whose, no object
    return "object"


def _inverted(tokens: list[Token], verb: int, lex: EventLexicon) -> bool:
    """A German clause with something other than the subject before its verb: it opens with
    a preposition or an adverb ("Im März lieferte ...", "Danach hat ...")."""
    first = next(k for k in range(verb, -1, -1) if k == 0 or tokens[k - 1].clause != tokens[verb].clause)
    if first == verb:
        return False
    w = tokens[first].low
    return w in lex.subject_stop or w in lex.inversion_openers or w in ("im", "am", "beim", "vom", "zum")


def extra_places(text: str, s: int, e: int, tokens: list[Token], places: list[Mention],
                 lex: EventLexicon, dline, gazetteer) -> list[Mention]:
    """Pseudo place mentions for a sentence (confidence <= 0.6 marks them):
    "das Land"/"the country" (the country named last before, not the home country of the
    sentence's people), "hier"/"here" (the dateline place), institutions ("das Weiße Haus"
    -> Washington) and German city adjectives ("das Moskauer Außenministerium")."""
    out = []
    low = text[s:e].lower()
    taken = {(m.start, m.end) for m in places}
    for phrase in lex.anaphor_country:
        for m in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", low):
            start = s + m.start()
            own = {lex.demonym(t.low) for t in tokens if t.start < start} - {None}
            antecedent = next((pm for pm in reversed(places) if pm.start < start
                               and pm.place.feature == "country" and pm.place.country_code not in own), None)
            if antecedent is not None:
                out.append(Mention(text[start:start + len(phrase)], start, start + len(phrase),
                                   antecedent.place, 0.6))
    if dline:
        for phrase in lex.anaphor_here:
            for m in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", low):
                start = s + m.start()
                out.append(Mention(text[start:start + len(phrase)], start, start + len(phrase),
                                   dline[0].place, 0.6))
    # "in der tschechischen Hauptstadt", "the Russian capital": the country's capital
    for k, t in enumerate(tokens[1:], start=1):
        if t.low in lex.capital_nouns:
            iso = lex.demonym(tokens[k - 1].low)
            capital = gazetteer.capital(iso) if iso else None
            span = (tokens[k - 1].start, t.end)
            if capital is not None and not any(a < span[1] and span[0] < b for a, b in taken):
                out.append(Mention(text[span[0]:span[1]], span[0], span[1], capital, 0.6))
    for name, city in lex.institutions:
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text[s:e]):
            place = _city(gazetteer, city, lex.lang)
            start = s + m.start()
            if place and not any(a <= start < b for a, b in taken):
                out.append(Mention(m.group(), start, start + len(name), place, 0.55))
    # an organisation that sends or receives goods stands for its home country (shipments only):
    # a listed one, or one named for its country ("Japan Airlines", "British Airways")
    for a, b, iso in home_countries(text, s, e) + national_companies(tokens, lex, gazetteer):
        country = gazetteer.country(iso) if len(iso) == 2 else _bloc_region(gazetteer, iso, lex.lang)
        if country is not None and not any(x < b and a < y for x, y in taken):
            out.append(Mention(text[a:b], a, b, country, ORG_CONFIDENCE))
    orgs = [(pm.start, pm.end) for pm in out if pm.confidence == ORG_CONFIDENCE]
    if lex.city_adjective is not None:
        for m in lex.city_adjective.finditer(text, s, e):
            if any(a <= m.start() < b for a, b in list(taken) + orgs):  # "Embraer" is a firm, not "Embra"'s
                continue
            place = _city(gazetteer, m.group(1), lex.lang, min_population=100_000)
            if place is not None:
                out.append(Mention(m.group(), m.start(), m.end(), place, ADJECTIVE_CONFIDENCE))
    return out


def national_companies(tokens: list[Token], lex: EventLexicon, gazetteer) -> list[tuple[int, int, str]]:
    """(start, end, ISO code) of companies named for their country: a country's name or
    adjective before a company word ("Japan Airlines", "British Airways", "Korean Air",
    "Indian Oil"; the words are data: ``national_company_heads``)."""
    out = []
    for k in range(1, len(tokens)):
        t, prev = tokens[k], tokens[k - 1]
        if t.low not in lex.national_company_heads or not t.cap or not prev.cap or prev.clause != t.clause:
            continue
        iso = lex.demonym(prev.low)
        if iso is None:
            iso = next((c.place.country_code for c in gazetteer.lookup(prev.text, translit=False)
                        if c.place.feature == "country"), None)
        if iso:
            out.append((prev.start, t.end, iso))
    return out


ADJECTIVE_CONFIDENCE = 0.5  # marks a city named by its adjective ("beim Wiener Treffen")


@lru_cache(maxsize=256)
def _bloc_region(gazetteer, seat: str, lang: str) -> Optional[Place]:
    """A bloc of states as a shipment's end: the continent of its seat ("the EC" imports: Europe,
    as a region), else the seat itself (looked up once per gazetteer and seat)."""
    city = _city(gazetteer, seat, lang, 100_000)
    name = continent_name(continent_of(city.country_code)) if city is not None else None
    if name:
        region = next((c.place for c in gazetteer.lookup(name, translit=False) if c.place.feature == "region"), None)
        if region is not None:
            return region
    return city


def _city(gazetteer, name: str, lang: str, min_population: int = 0) -> Optional[Place]:
    return _city_cached(gazetteer, name, lang, min_population)


@lru_cache(maxsize=2048)
def _city_cached(gazetteer, name: str, lang: str, min_population: int) -> Optional[Place]:
    try:
        cands = gazetteer.lookup(name, translit=False, lang=lang)
    except (KeyError, ValueError):
        return None
    cities = [c for c in cands if c.place.feature == "city" and c.place.population >= min_population]
    if not cities:
        return None
    return max(cities, key=lambda c: (c.capital, c.place.population)).place


def region_place(gazetteer, name: str) -> Optional[Place]:
    """A world region of the gazetteer by its name ("Latin America")."""
    return next((c.place for c in gazetteer.lookup(name, translit=False) if c.place.feature == "region"), None)


def capital_check(gazetteer):
    """A cached test: is this place a national capital (for metonymy, "Moskau" -> Russia)?"""
    @lru_cache(maxsize=512)
    def is_capital(place: Place) -> bool:
        try:
            cands = gazetteer.lookup(place.name)
        except (KeyError, ValueError):
            return False
        return any(c.capital and c.place.geonameid == place.geonameid for c in cands)
    return is_capital
