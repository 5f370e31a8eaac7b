"""Event mentions in one sentence: triggers, place roles, actors, modes, cargo, status.

A *mention* is what one trigger word and its sentence say about a happening;
:mod:`extract.events.merge` joins the mentions of one happening into an event.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

from extract.events.lexicon import EventLexicon, Trigger
from extract.events.text import phrase_before
from extract.text.document import Token
from extract.text.lemmas import lemma
from extract.text.people import people_lexicon
from extract.text.people import Person
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
    cargo_nouns: frozenset[str] = frozenset()
    anaphoric: bool = False         # "bei dem Treffen": names an event told of before
    conj: list[int] = field(default_factory=list)  # the conjunct of each token of the sentence

    @property
    def spec(self) -> EventType:
        return event_type(self.type)

    def place(self, role: str) -> Optional[Place]:
        ms = self.roles.get(role) or []
        if not ms:
            return None
        return max(ms, key=lambda m: (SPECIFICITY.get(m.place.feature, 0), m.confidence)).place


def find_triggers(tokens: list[Token], lex: EventLexicon,
                  person_starts: frozenset[int] = frozenset()) -> list[tuple[int, Trigger]]:
    """(token index, trigger) for every trigger word in a sentence, first pattern wins.

    A verb whose particle ends its clause is read with it ("kam ... an" -> "ankommen"); a
    trigger that needs goods finds them as cargo or as a carrier ("Frachter", "convoy"); a
    noun that is what others talk about ("um über Lieferungen zu sprechen") is no event."""
    out = []
    lows_by_clause: dict[int, list[str]] = {}
    for t in tokens:
        lows_by_clause.setdefault(t.clause, []).append(t.low)
    particles = _clause_particles(tokens, lex) if lex.separable else {}
    sent_low = None
    goods = None
    for i, t in enumerate(tokens):
        trigs = lex.triggers_for(t.low)
        particle = particles.get(t.clause)
        if particle is not None:
            split = lex.separable_triggers(t.low, particle)
            if split:
                trigs = tuple(x for x in lex.triggers if x in set(trigs) | set(split))
        if not trigs or t.low in lex.trigger_stop or not t.text[:1].isalpha():
            continue
        nxt = f"{t.low} {tokens[i + 1].low}" if i + 1 < len(tokens) else t.low
        prev = f"{tokens[i - 1].low} {t.low}" if i else t.low
        if nxt in lex.phrase_stop or prev in lex.phrase_stop:
            continue
        for trig in trigs:
            if trig.capitalized and not t.cap:
                continue
            if lex.nouns_capitalised and (trig.regex is None or not trig.regex.fullmatch(t.low)) \
                    and (trig.kind == "noun") != (t.cap and (i > 0 or trig.kind == "noun")):
                continue  # by lemma, German nouns are capitalised and verbs are not ("Land" is no "landen")
            if lex.verb_markers and trig.kind != "noun" and trig.regex is None \
                    and lemma(t.low, lex.lang) == t.low and not (i and tokens[i - 1].low in lex.verb_markers):
                continue  # English "ship", "land", "station": a verb only inflected or after "to", "will"
            if trig.needs_cue is not None:
                clause = lows_by_clause.get(t.clause, [])
                if not any(trig.needs_cue.fullmatch(w) for w in clause if w != t.low):
                    continue
            if trig.needs_cargo and goods is None:
                sent_low = " ".join(t.low for t in tokens)
                cargo = bool(lex.cargo.search(sent_low) and _has_cargo(tokens, lex))
                goods = cargo or has_carrier(tokens, lex, freight_only=not cargo)
            if trig.needs_cargo and not goods:
                continue
            if trig.needs_cargo and _motion(trig, t) and not moves_goods(tokens, i, lex, person_starts):
                continue
            if is_topic(tokens, i, lex):
                continue
            if not event_type(trig.type).route and trig.kind != "noun" and _abstract_object(tokens, i, lex):
                continue
            if negated(tokens, i, trig, lex) or (trig.kind == "noun" and _interview(tokens, i, lex)):
                continue
            out.append((i, trig))
            break
    return out


def negated(tokens: list[Token], i: int, trig: Trigger, lex: EventLexicon) -> bool:
    """An event the text says did not or will not happen: a negator just before the
    trigger ("kein Treffen", "did not meet", "never visited") or, where the verb comes
    second, just after it ("trafen sich nicht"); a verb that calls it off or refuses it
    near it in its clause ("verweigert Verhandlungen", "refused to meet", "Das Treffen wurde
    abgesagt")."""
    clause = tokens[i].clause

    def near(a: int, b: int):
        return (k for k in range(max(0, a), min(len(tokens), b)) if k != i and tokens[k].clause == clause)

    def negator(k: int) -> bool:  # "nicht nur", "not only" negate nothing
        return tokens[k].low in lex.negators and not (k + 1 < len(tokens) and tokens[k + 1].low in lex.restrictives)

    reach = 2 if trig.kind == "noun" else 3
    if any(negator(k) for k in near(i - reach, i)):
        return True
    if lex.verb_second and trig.kind != "noun" and any(negator(k) for k in near(i + 1, i + 4)):
        return True
    after = 6 if lex.verb_final else 1
    return any(lemma(tokens[k].low, lex.lang) in lex.refusals or tokens[k].low in lex.refusals
               for k in near(i - 4, i + after))


def _interview(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """"im Gespräch mit dem STANDARD": a talk with the press is an interview."""
    for k in range(i + 1, min(len(tokens), i + 3)):
        if tokens[k].low in lex.comitatives:
            return any(t.low in lex.media_words or (t.text.isupper() and len(t.text) >= 3)
                       for t in tokens[k + 1:k + 4] if t.clause == tokens[i].clause)
    return False


def _abstract_object(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """A meeting verb with an abstract object near it in its clause is another verb: "can
    meet demand", "received a proposal", "eine Entscheidung getroffen"."""
    lo, hi = max(0, i - 4), min(len(tokens), i + 4)
    return any(tokens[k].low in lex.abstract_objects for k in range(lo, hi)
               if k != i and tokens[k].clause == tokens[i].clause)


def _clause_particles(tokens: list[Token], lex: EventLexicon) -> dict[int, str]:
    """clause -> the verb particle that ends it ("Der Zug kam am Montag in Duisburg an.")."""
    out: dict[int, str] = {}
    for k, t in enumerate(tokens):
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if t.low in lex.separable and (nxt is None or nxt.clause != t.clause or not nxt.text[:1].isalnum()):
            out[t.clause] = t.low
    return out


def has_carrier(tokens: list[Token], lex: EventLexicon, freight_only: bool = False) -> bool:
    """A carrier in the sentence (only a freight carrier when ``freight_only``)."""
    return any((t.cap or not lex.nouns_capitalised)
               and lex.carrier(t.low) in (("freight",) if freight_only else ("freight", "vehicle"))
               for t in tokens)


def _motion(trig: Trigger, t: Token) -> bool:
    """A verb of motion (leave, reach, fly ...), whose mover decides whether goods move."""
    return trig.kind in ("departure", "arrival") or (
        trig.kind == "verb" and bool(trig.lemmas) and (trig.regex is None or not trig.regex.fullmatch(t.low)))


def moves_goods(tokens: list[Token], i: int, lex: EventLexicon, person_starts: frozenset[int]) -> bool:
    """Whether the motion verb at ``i`` moves goods, not people (the sentence names goods:
    the trigger needs them): no person is its mover -- the last person or goods word
    before it in its part of the clause, or in the part before when they share a subject
    ("he left the party", "a delegation will leave for Washington" are journeys; "ein
    Güterzug hat Polen verlassen", "a flight carrying vaccines flew" shipments)."""
    clause = tokens[i].clause
    lo = i
    while lo > 0 and tokens[lo - 1].clause == clause and tokens[lo - 1].low not in lex.coordinators:
        lo -= 1
    sentence_cargo = _has_cargo(tokens, lex)

    def goods(t: Token) -> bool:
        if lex.nouns_capitalised and not t.cap:
            return False
        kind = lex.carrier(t.low)
        return kind == "freight" or is_cargo(t.low, lex) or (kind == "vehicle" and sentence_cargo)

    def mover_in(a: int, b: int) -> Optional[str]:
        """The last person or goods word in tokens[a:b]."""
        found = None
        for k in range(a, b):
            t = tokens[k]
            if t.start in person_starts or t.low in lex.person_subjects or t.low in lex.person_groups \
                    or lemma(t.low, lex.lang) in lex.person_groups or people_lexicon(lex.lang).is_title(t.low):
                found = "person"
            elif goods(t):
                found = "goods"
        return found

    mover = mover_in(lo, i)
    if mover is None and lo > 0 and tokens[lo - 1].clause == clause:
        # "... left Bucharest and reached Chisinau": the conjuncts share their subject
        start = lo - 1
        while start > 0 and tokens[start - 1].clause == clause:
            start -= 1
        mover = mover_in(start, lo - 1)
    return mover != "person"


def is_topic(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """Whether the noun at ``i`` is the topic of talk in its clause: a verb of talking
    governs it ("to discuss further deliveries") or a topic preposition introduces it
    while such a verb stands in the clause ("um über weitere Lieferungen zu sprechen",
    "es ging um Lieferungen")."""
    if not lex.topic_frames:
        return False
    clause = [k for k, t in enumerate(tokens) if t.clause == tokens[i].clause]
    lemmas = {lemma(tokens[k].low, lex.lang) for k in clause} | {tokens[k].low for k in clause}
    frames = [f for f in lex.topic_frames if f <= lemmas]
    if not frames:
        return False
    heads = {w for f in frames for w in f}
    for k in clause:
        if k >= i:
            break
        low = tokens[k].low
        if i - k <= 4 and (lemma(low, lex.lang) in heads or low in heads):
            return True  # the verb of talking and its object
        if i - k <= 3 and low in lex.topic_prepositions:
            return True
    return False


def _has_cargo(tokens: list[Token], lex: EventLexicon) -> bool:
    return any(is_cargo(t.low, lex) and (t.cap or not lex.nouns_capitalised) for t in tokens)


def place_role(tokens: list[Token], i: int, etype: str, lex: EventLexicon, trig_idx: int,
               origin_clause: bool, arrival: bool = False,
               place_idx: frozenset[int] = frozenset()) -> Optional[str]:
    """The role a place at token ``i`` plays for a trigger at ``trig_idx``: the first role
    cue found walking back over transparent words and a few nouns ("zu einem Depot im
    Südwesten Russlands in der Nähe von X"). Another place stops the walk unless a
    transparent phrase links them (a locative chain); so does the trigger."""
    cues = lex.roles.get(etype, {})
    k = i
    steps = plain = 0
    first_loc = None
    chained = False
    while k > 0 and steps < 12:
        hit = None
        for role, phrases in cues.items():
            ph = phrase_before(tokens, k, phrases)
            if ph is not None and (hit is None or len(ph) > len(hit[1])):
                hit = (role, ph)
        tr = phrase_before(tokens, k, lex.transparent)
        if hit is not None and not (tr is not None and len(tr) > len(hit[1])):
            role, ph = hit
            weak = ph[0] in ("in", "im", "at", "auf", "bei", "near", "on")
            if role == "destination" and weak and origin_clause:
                return "origin"
            if role == "location" or not weak:
                return role
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
        # skip nouns and adjectives inside the phrase ("einem Versorgungsdepot im Südwesten")
        if prev.text.isalpha() and prev.low not in lex.subject_stop and plain < 3 \
                and prev.low not in lex.speech and (not lex.nouns_capitalised or prev.cap or len(prev.low) > 3):
            k -= 1
            steps += 1
            plain += 1
            chained = False
            continue
        break
    return first_loc


def np_reach(tokens: list[Token], trig_idx: int, i: int, lex: EventLexicon) -> bool:
    """Whether a place at ``i`` is inside the phrase of a noun trigger ("Treffen am Freitag
    in Wien", "Gipfel in Wales"), not in the rest of the clause ("Treffen dominieren die
    Konflikte in Syrien"). German: only function words, capitalised words and numbers may
    come between; English: at most four words."""
    if i < trig_idx:
        return trig_idx - i == 1
    between = tokens[trig_idx + 1:i]
    if not lex.nouns_capitalised:
        return len(between) <= 6
    for t in between:
        if t.cap or not t.text.isalpha() or t.low in lex.subject_stop \
                or (t.low,) in lex.transparent or len(t.low) <= 3:
            continue
        return False
    return len(between) <= 8


def find_modes(tokens: list[Token], lex: EventLexicon) -> list[str]:
    """The transport modes a sentence names: mode words, and a carrier by its compound's
    head where compounds are closed ("Containerzug" -> rail)."""
    carriers = [t.low for t in tokens if lex.cargo_heads and lex.is_carrier(t.low)]
    out = []
    for mode, rx in lex.modes:
        if mode in out:
            continue
        if any(rx.fullmatch(t.low) for t in tokens) or \
                any(rx.fullmatch(c[k:]) for c in carriers for k in range(1, len(c) - 2)):
            out.append(mode)
    return out


def is_cargo(word: str, lex: EventLexicon) -> bool:
    """A cargo noun, also as the head of a hyphenated compound ("F-22-Kampfflugzeuge",
    "Leopard-2-Panzer", "Patriot-Raketen"): the last part names what it is."""
    return bool(lex.cargo.fullmatch(word)
                or ("-" in word and lex.cargo.fullmatch(word.rsplit("-", 1)[1])))


def find_cargo(text: str, span: tuple[int, int], tokens: list[Token], lex: EventLexicon) -> Optional[str]:
    """A quantity phrase with a cargo noun ("bis zu 1.000 Container mit Ausrüstung und Munition"),
    else the cargo nouns of the sentence."""
    sent = text[span[0]:span[1]]
    for m in lex.quantity.finditer(sent):
        phrase = m.group().strip(" ,„“\"")
        words = [w.strip("„“\"").lower() for w in phrase.split()]
        if any(is_cargo(w, lex) for w in words) and any(c.isdigit() for c in phrase) or \
                any(is_cargo(w, lex) for w in words[1:]):
            return " ".join(w.strip("„“\"") for w in phrase.split()).rstrip(" ,.")
    nouns = []
    for t in tokens:
        if lex.nouns_capitalised and not t.cap:
            continue  # German nouns are capitalised ("waren" is a verb, "Waren" goods)
        if is_cargo(t.low, lex) and t.text not in nouns:
            nouns.append(t.text)
    return ", ".join(nouns[:3]) if nouns else None


def cargo_nouns(tokens: list[Token], lex: EventLexicon) -> frozenset[str]:
    """The cargo nouns of a sentence, lower-cased, without the compound's first parts."""
    return frozenset(t.low.rsplit("-", 1)[-1] for t in tokens if is_cargo(t.low, lex)
                     and (t.cap or not lex.nouns_capitalised) and t.low not in ("container", "containern"))


def is_planned(tokens: list[Token], clause: int, lex: EventLexicon,
               conj: Optional[list[int]] = None, part: int = 0) -> bool:
    """A cue of intent or plan in the trigger's clause (and conjunct: "hat Odessa verlassen
    und soll Istanbul erreichen" plans only the arrival)."""
    return any(t.low in lex.planned for k, t in enumerate(tokens)
               if t.clause == clause and (conj is None or conj[k] == part))


def conjuncts(tokens: list[Token], verbs: list[int], lex: EventLexicon) -> list[int]:
    """A conjunct number per token: a coordinator ("und", "and") that stands between two
    event verbs of one clause starts a new conjunct; elsewhere (nouns: "Weizen und Mais")
    it joins nothing."""
    cuts = set()
    verbs = sorted(verbs)
    for a, b in zip(verbs, verbs[1:]):
        if tokens[a].clause != tokens[b].clause:
            continue
        for k in range(a + 1, b):
            if tokens[k].low in lex.coordinators:
                cuts.add(k)
                break
    out, part = [], 0
    for k in range(len(tokens)):
        if k in cuts:
            part += 1
        out.append(part)
    return out


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
        if not compound and prev in lex.subject_stop:
            continue
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
