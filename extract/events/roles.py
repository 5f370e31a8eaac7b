"""Event mentions in one sentence: triggers, place roles, actors, modes, cargo, status.

A *mention* is what one trigger word and its sentence say about a happening;
:mod:`extract.events.merge` joins the mentions of one happening into an event.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional

from extract.events.lexicon import EventLexicon, Trigger
from extract.events.text import phrase_before
from extract.text.document import Token
from extract.text.lemmas import lemma
from extract.text.people import Person, people_lexicon
from records.event_types import EventType, event_type
from records.model import Mention, Place

SPECIFICITY = {"facility": 5, "city": 4, "other": 3, "admin": 2, "region": 2, "country": 1}


@dataclass
class EventMention:
    type: str
    sentence: int
    span: tuple[int, int]          # evidence sentence offsets
    trigger: Token
    trigger_def: Trigger
    trigger_idx: int = 0
    roles: dict[str, list[Mention]] = field(default_factory=dict)
    actors: list[str] = field(default_factory=list)
    modes: list[str] = field(default_factory=list)
    cargo: Optional[str] = None
    status: str = "reported"
    date: Optional[tuple[dt.date, dt.date, str]] = None
    has_person: bool = False
    partner: bool = False           # a counterpart named right after the trigger ("talks with X")
    named_partner: bool = False     # that counterpart by its name ("in talks with PSA Peugeot Citroen")
    hearsay: bool = False           # talks as a source or a count ("aus Gesprächen mit Diplomaten", "40 Gespräche")
    valued: bool = False            # its goods measured in money ("exported £16.9bn worth of goods")
    named_body: bool = False        # a meeting named for its body ("EU-Gipfel", "Nato summit")
    cargo_nouns: frozenset[str] = frozenset()
    anaphoric: bool = False         # "bei dem Treffen": names an event told of before
    definite: bool = False          # "The Downing Street talks": a talk noun after "the" (no summit)
    repeated: bool = False          # "meet again", "erneut treffen": a new meeting after one told of
    amount_refs: frozenset[str] = frozenset()  # figures its clause gives its goods or its noun ("the 70 new orders")
    part: int = 0                   # the side of a contrast in its sentence (", while ..."): 0 before the first
    turn: int = 0                   # the counterpart's turn in a sequence ("traf zunächst X, danach Y"): 1, 2, ...
    ordered: frozenset[int] = frozenset()  # starts of the nouns it is told before or after: "Noch vor dem Treffen ... ein Mini-Gipfel"
    prospective: bool = False       # "der nächste Gipfel", "the upcoming summit": one still to come
    by_dateline: bool = False       # its location is the dateline's, not named in its sentence
    soft_date: bool = False         # its date is the report's day, guessed for an undated lead
    venue: bool = False             # its place is named as the venue of a meeting told of ("Milwaukee, site of the talks")
    now: bool = False               # its clause says "now" ("Venezuela will now import"): no neighbour's date
    bare_sitting: bool = False      # "die Sitzung", no body, place or counterpart: a body's own, unless it retells one
    arrival: Optional["EventMention"] = None  # the arrival joined to this departure (join_route)
    ongoing: Optional[str] = None   # "state" ("in talks with"), "going" ("talks continue"): a process
    conj: list[int] = field(default_factory=list)  # the conjunct of each token of the sentence

    @property
    def spec(self) -> EventType:
        return event_type(self.type)

    def place(self, role: str) -> Optional[Place]:
        ms = self.roles.get(role) or []
        if not ms:
            return None
        return max(ms, key=lambda m: (SPECIFICITY.get(m.place.feature, 0), m.confidence)).place


def _beyond_border(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """Whether the place at ``i`` names the other side of a border ("Grenze zu Polen", "border
    with the United States"; German compounds by their head: "Staatsgrenze zur Slowakei")."""
    k = i - 1
    if k > 0 and tokens[k].low in lex.articles:
        k -= 1
    if k < 1 or tokens[k].low not in lex.border_links or tokens[k - 1].clause != tokens[i].clause:
        return False
    return tokens[k - 1].low.endswith(lex.border_nouns)


def place_role(tokens: list[Token], i: int, etype: str, lex: EventLexicon, trig_idx: int,
               origin_clause: bool, arrival: bool = False,
               place_idx: frozenset[int] = frozenset()) -> Optional[str]:
    """The role a place at token ``i`` plays for a trigger at ``trig_idx``: the first role
    cue found walking back over transparent words and a few nouns ("zu einem Depot im
    Südwesten Russlands in der Nähe von X"). Another place stops the walk unless a
    transparent phrase links them (a locative chain); so does the trigger."""
    if _beyond_border(tokens, i, lex):
        return None  # "an der Grenze zur Ukraine", "on the border with Ukraine": the other side, not whither
    cues = lex.roles.get(etype, {})
    k = i
    if k > 1 and tokens[k - 1].text.isdigit() and len(tokens[k - 1].text) <= 4 \
            and tokens[k - 1].clause == tokens[i].clause:
        k -= 1  # a house number: "at 10 Downing Street"
    steps = plain = 0
    first_loc = None
    chained = False
    facility = False    # a singular facility noun passed ("den Hafen"): "in den" before it is whither
    while k > 0 and steps < 12:
        hit = None
        for role, phrases in cues.items():
            ph = phrase_before(tokens, k, phrases)
            if ph is not None and (hit is None or len(ph) > len(hit[1])):
                hit = (role, ph)
        tr = phrase_before(tokens, k, lex.transparent)
        if hit is not None and hit[1] == ("von",) and _facility_of(tokens, k - 2, trig_idx, lex):
            k -= 1          # "den Hafen von Alexandria": the port's town, not where the goods left
            steps += 1
            chained = True
            continue
        if hit is not None and ph_infinitive(tokens, k, hit[1], lex):
            break           # "here to attend the Geneva Auto Show": "to" of a verb, not whither
        if hit is not None and k - len(hit[1]) > 0 and tokens[k - len(hit[1]) - 1].low in lex.preposition_idioms:
            break           # "in contrast to European rival Airbus", "im Vergleich zu Frankreich": a comparison
        if hit is not None and not (tr is not None and len(tr) > len(hit[1])):
            role, ph = hit
            # "in", "im", "at": where, unless an accusative article makes it whither ("in die Türkei")
            weak = ph[0] in _WEAK and " ".join(ph[1:]) not in lex.directional_articles \
                and not (ph == ("in", "den") and (facility or k == i and tokens[i].low not in lex.plural_places))
            # ("in den Schwarzmeerhafen Constanța", "in den Libanon": into, singular; "in den USA": where)
            if role == "destination" and weak and origin_clause:
                return "origin"
            if role == "destination" and weak and arrival and ph[0] in ("in", "im"):
                if _of_a_source(tokens, k - len(ph), lex, cues.get("origin", ()), place_idx):
                    return "origin"  # "ein Zug aus der Raffinerie im polnischen Płock ist ... angekommen"
                return "destination"  # "stationieren ab Mai Kampfflugzeuge in Rumänien": not "ab Mai"
            if role == "location" or not weak:
                return role
            if role == "destination" and ph[0] in ("in", "im") and _of_a_source(
                    tokens, k - len(ph), lex, [c for c in cues.get("destination", ()) if c[0] not in _WEAK], place_idx):
                return "destination"  # "Waffenlieferungen an die Peschmerga im Nordirak": where the receivers are
            if role != "destination" or arrival:
                first_loc = first_loc or role
        if tr is not None:
            k -= len(tr)
            steps += len(tr)
            chained = True
            continue
        prev = tokens[k - 1]
        if prev.clause != tokens[i].clause or k - 1 == trig_idx:
            break
        if k - 1 in place_idx:
            if not chained:
                break
            k -= 1
            steps += 1
            chained = False
            continue
        if prev.low in lex.auxiliaries or prev.low in lex.reflexives:
            break  # "Im Juli hatten sich Iran und ...": a verb or "sich" ends the phrase; "im" is the month's
        # skip nouns and adjectives inside the phrase ("einem Versorgungsdepot im Südwesten")
        if prev.text.isalpha() and prev.low not in lex.subject_stop and plain < 3 \
                and prev.low not in lex.speech and (not lex.nouns_capitalised or prev.cap or len(prev.low) > 3):
            facility = facility or bool(lex.facility_heads) and prev.cap and prev.low.endswith(lex.facility_heads)
            k -= 1
            steps += 1
            plain += 1
            chained = False
            continue
        break
    return first_loc


def ph_infinitive(tokens: list[Token], k: int, ph: tuple[str, ...], lex: EventLexicon) -> bool:
    """Whether the cue ending before ``k`` is an infinitive marker whose verb follows: a small
    word right after it, then its object's article ("to attend the", "to open a")."""
    return ph[-1] in lex.infinitive_markers and k + 1 < len(tokens) and tokens[k].text.isalpha() \
        and tokens[k].text.islower() and tokens[k].low not in lex.determiners \
        and tokens[k + 1].low in lex.determiners


_WEAK = ("in", "im", "at", "auf", "bei", "near", "on")  # where, unless the article says whither


def _of_a_source(tokens: list[Token], j: int, lex: EventLexicon, origin_cues,
                 place_idx: frozenset[int] = frozenset()) -> bool:
    """Whether the "in"/"im" at ``j`` belongs to a noun inside a phrase of where the goods came
    from ("aus der Raffinerie im polnischen Płock", "from the refinery in Płock"), or, given
    the cues of whither, of who receives them ("an die Peschmerga im Nordirak"); a place
    before it is the source itself ("ein Zug aus Xi'an im Hafen Poti eingetroffen")."""
    k = j - 1
    if k < 0 or not tokens[k].text[:1].isupper() or tokens[k].clause != tokens[j].clause or k in place_idx:
        return False
    k -= 1
    while k >= 0 and tokens[k].clause == tokens[j].clause and (
            tokens[k].low in lex.articles or tokens[k].low.endswith(lex.inflected_endings) and tokens[k].text.islower()):
        k -= 1
    return k >= 0 and phrase_before(tokens, k + 1, origin_cues) is not None


def _facility_of(tokens: list[Token], j: int, trig_idx: int, lex: EventLexicon) -> bool:
    """Whether the word at ``j`` is a facility noun (also as a compound's head: "Güterbahnhof")
    whose "von" names the town it is in."""
    return 0 <= j != trig_idx and tokens[j].cap and tokens[j].low.rsplit("-", 1)[-1].endswith(lex.facility_heads) \
        if lex.facility_heads else False


_NP_WORDS = 10  # words of a German noun phrase's attributes after the noun: a name counted once, adjectives not
_EN_NP_WORDS = 7   # words between an English noun trigger and its place ("talks with the Indian government
#                    on Friday in Delhi"; not "talks with Ankara came despite an EU demand for Turkey")


def _before_its_noun(words: list[Token], k: int, lex: EventLexicon) -> bool:
    """Whether the lower-case word at ``k`` and any inflected ones after it lead to a noun."""
    for t in words[k:]:
        if t.cap:
            return True
        if not t.low.endswith(lex.inflected_endings):
            return False
    return False


def np_reach(tokens: list[Token], trig_idx: int, i: int, lex: EventLexicon) -> bool:
    """Whether a place at ``i`` is inside the phrase of a noun trigger ("Treffen am Freitag
    in Wien", "Gipfel in Wales"), not in the rest of the clause ("Treffen dominieren die
    Konflikte in Syrien"). German: only function words, capitalised words and numbers may
    come between; English: at most seven words."""
    if i < trig_idx:
        return trig_idx - i == 1
    between = tokens[trig_idx + 1:i]
    if any(t.clause != tokens[trig_idx].clause for t in between):
        return False
    support = sum(1 for t in between if t.low in lex.support_verbs or lemma(t.low, lex.lang) in lex.support_verbs)
    if not lex.nouns_capitalised:  # "talks with the Indian government on Friday in Delhi"
        return len(between) - support <= _EN_NP_WORDS
    modifiers = 0
    for k, t in enumerate(between):
        if t.cap or not t.text.isalpha() or t.low in lex.subject_stop \
                or (t.low,) in lex.transparent or len(t.low) <= 3 or lex.goods.is_number(t.low) \
                or t.low in lex.auxiliaries or t.low in lex.partner_words \
                or t.low in lex.support_verbs or lemma(t.low, lex.lang) in lex.support_verbs:
            continue  # "Die Gespräche fanden am Montag in Paris statt"
        if (k == 0 and (t.low in lex.possessives or t.low in lex.articles)
                or 0 < k and (len(between[k - 1].low) <= 3 or not between[k - 1].cap)) and _before_its_noun(between, k, lex):
            modifiers += 1
            continue  # a determiner or adjective before its noun: "mit dem neuen türkischen Präsidenten",
            # "Vorlage seines Berichts vor dem Rat in Genf" (not a verb after the noun: "Treffen dominieren die ...")
        return False
    names = sum(1 for a, b in zip(between, between[1:]) if a.cap and b.cap)  # "Recep Tayyip Erdogan": one
    marks = sum(1 for t in between if not t.text.isalpha())  # the digits and points of "am 18. und 19. Februar"
    return len(between) - support - names - modifiers - marks <= _NP_WORDS


_DATELINE_TAIL = re.compile(r"\s*(?:\([^)]{1,30}\)\s*)?(?:,\s*\w+\.?\s+\d{1,2}\s*)?[–—-]\s")
OFFICE_OF = ("von", "of")   # "die Außenminister von Belarus", "the foreign minister of Belarus"


def _office_of(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """A country after "von"/"of" that follows a title names whose officer it is: an actor."""
    return i >= 2 and tokens[i - 1].low in OFFICE_OF and people_lexicon(lex.lang).is_title(tokens[i - 2].low)


def actors_in(text: str, tokens: list[Token], places: list[Mention], people: list[Person],
              orgs: list[tuple[str, int]], lex: EventLexicon, country_of, capital_of,
              exclude: set[int]) -> tuple[list[str], bool]:
    """Actors of a sentence: people (with roles), organisations, and countries or
    governments (a country or capital named without a locative preposition: "Pjöngjang
    habe ... geliefert" -> North Korea; "US-Beamte" -> United States)."""
    names: list[str] = []
    has_person = False
    for p in people:
        if p.name not in names:
            names.append(p.name)
            has_person = True
    for org, _ in orgs:
        if org not in names:
            names.append(org)
    by_start = {t.start: i for i, t in enumerate(tokens)}
    for m in places:
        if m.start in exclude:
            continue
        i = by_start.get(m.start)
        prev = tokens[i - 1].low if i else ""
        compound = text[m.end:m.end + 1] == "-"
        if not compound and prev in lex.subject_stop and not _office_of(tokens, i, lex):
            continue
        if i == 0 and m.place.feature != "country" and _DATELINE_TAIL.match(text, m.end):
            continue  # "Berlin – ...", "VIENNA (AP) —": where the report is filed, not a government
        if m.place.feature == "country":
            name = m.place.name
        elif capital_of(m.place) and m.place.country_code:
            c = country_of(m.place.country_code)
            name = c.name if c else None
        else:
            name = None
        if name and name not in names:
            names.append(name)
    return names, has_person
