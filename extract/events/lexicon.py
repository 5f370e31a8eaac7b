"""Event cue lexicons (``data/lexicon/events_<lang>.json``), compiled once per language.

The data files hold every word list and pattern the event extractor uses:
trigger words, role prepositions, mode and cargo words, quantity patterns,
status cues, anaphors, organisations and demonyms (person titles: people_<lang>.json).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Optional

from extract.events.goods_words import MEMO_MAX, GoodsWords, alternation as _alt
from extract.events.sense_words import SenseWords
from extract.events.trigger_def import Trigger
from extract.lexicon import load_json
from extract.text.lemmas import lemma
from geo.demonyms import english_demonyms
from records import languages
from records.event_types import event_types

ROLES = ("location", "origin", "destination", "via")


@dataclass(frozen=True)
class EventLexicon(SenseWords):
    lang: str
    triggers: tuple[Trigger, ...]
    trigger_stop: frozenset[str]
    phrase_stop: frozenset[str]       # two-word phrases in which a trigger word is none
    roles: dict                      # type -> role -> tuple of cue phrases (lower-case, longest first)
    transparent: tuple[tuple[str, ...], ...]
    origin_verbs: frozenset[str]
    modes: tuple[tuple[str, re.Pattern], ...]
    goods: "GoodsWords"
    quantity: re.Pattern
    planned: frozenset[str]
    non_anchor: frozenset[str]
    speech: frozenset[str]
    anaphor_country: tuple[str, ...]
    anaphor_here: tuple[str, ...]
    subject_stop: frozenset[str]
    organisations: tuple[str, ...]
    government_heads: frozenset[str]
    demonyms: tuple[tuple[str, str], ...]   # (lower-case stem, ISO code), longest first
    region_demonyms: tuple[tuple[str, str], ...] = ()  # ("latin american", "Latin America"): a region's adjective
    barriers: frozenset[str] = frozenset()
    relative: frozenset[str] = frozenset()
    openers: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()
    inversion_openers: frozenset[str] = frozenset()
    institutions: tuple[tuple[str, str], ...] = ()
    articles: frozenset[str] = frozenset()
    city_adjective: Optional[re.Pattern] = None   # "Moskauer" -> group 1 "Moskau"
    agreement_nouns: Optional[re.Pattern] = None  # 'Abkommen', 'accord': what is negotiated, signed, named for a city
    # grammar facts from the language registry (data/languages.json)
    nouns_capitalised: bool = False  # a capitalised word inside a sentence may be a noun
    verb_second: bool = False        # the subject may follow the finite verb ("Im März lieferte Frankreich")
    verb_final: bool = False         # objects may stand before the verb ("wird Ägypten ... verkaufen")
    # word -> its triggers: news repeats its words, and every pattern would otherwise be tried
    trigger_memo: dict = field(default_factory=dict, compare=False, repr=False)
    may_memo: dict = field(default_factory=dict, compare=False, repr=False)
    may_yes: set = field(default_factory=set, compare=False, repr=False)  # the words may_memo says may
    # all trigger patterns in one: most words match none, and one test says so
    any_trigger: Optional[re.Pattern] = None
    by_lemma: dict = field(default_factory=dict)       # lemma -> triggers with it, lexicon order
    separable: tuple[str, ...] = ()                    # verb particles that may stand apart ("an", "aus")
    sense_particles: tuple[str, ...] = ()              # particles that keep a motion verb's sense ("ausgeliefert")
    separable_bases: frozenset[str] = frozenset()      # lemmas that, with a particle, are a trigger
    freight: frozenset[str] = frozenset()              # vehicles that carry goods by what they are (lemmas)
    vehicles: frozenset[str] = frozenset()             # vehicles that carry goods when goods are named
    carrier_heads: tuple[str, ...] = ()                # freight carriers as a compound's head ("Getreidefrachter")
    cargo_heads: bool = False                          # a cargo noun may be a compound's head
    topic_frames: tuple[frozenset[str], ...] = ()      # lemmas that make a noun a topic ("über ... sprechen")
    topic_prepositions: frozenset[str] = frozenset()   # "über", "um", "about"
    anaphoric: frozenset[str] = frozenset()            # determiners of a mention of an event named before
    definite_articles: frozenset[str] = frozenset()    # "the", "die": a meeting noun after one was told of before
    ongoing_spans: frozenset[str] = frozenset()        # "seit", "for" before a span of time: talks that go on
    speech_openers: frozenset[str] = frozenset()       # "said": a bare place right after it is the reported clause's subject
    coordinators: frozenset[str] = frozenset()         # "und", "and": may join two event clauses
    person_groups: frozenset[str] = frozenset()        # "Delegation", "passengers": people on the move
    delegations: frozenset[str] = frozenset()          # "Delegation", "officials": people who meet
    verb_markers: frozenset[str] = frozenset()         # "to", "will": a bare form after them is a verb
    person_subjects: frozenset[str] = frozenset()      # pronouns only people are ("er", "he")
    abstract_objects: frozenset[str] = frozenset()     # "demand", "Entscheidung": a meeting verb in another sense
    negators: frozenset[str] = frozenset()             # "kein", "not": a negated event is none
    refusals: frozenset[str] = frozenset()             # lemmas that refuse an event or say it failed
    court_nouns: frozenset[str] = frozenset()          # "Verhandlung", "hearing": a trial where a court is named
    court_words: tuple[str, ...] = ()                  # "Gericht", "judge": compound heads of courts and their people
    founding_words: frozenset[str] = frozenset()       # "gegründet", "founded": a meeting noun names an institution
    demands: frozenset[str] = frozenset()              # lemmas that ask for or offer talks ("called for talks")
    cancellations: frozenset[str] = frozenset()        # lemmas that call an event off ("absagen", "cancel")
    denials: frozenset[str] = frozenset()              # lemmas that deny it ("dementieren", "deny")
    verb_only_refusals: frozenset[str] = frozenset()   # refuse only before "to" + verb ("fail")
    infinitive_markers: frozenset[str] = frozenset()   # "to", "zu"
    invitation_stems: tuple[str, ...] = ()             # "invit", "lud", "eingeladen": asked to come, or to act
    firm_words: frozenset[str] = frozenset()           # "company", "Konzern": a firm's agreements are business
    goods_modifier_heads: frozenset[str] = frozenset() # "Russian oil firm", "grain board": goods as a modifier
    agent_prepositions: frozenset[str] = frozenset()   # "by": a passive's agent sends ("supplied by Iran")
    quota_heads: frozenset[str] = frozenset()          # "export quota of 20,000 tonnes": an allowed flow
    directional_articles: frozenset[str] = frozenset()  # "in die": an accusative article makes whither of where
    venue_prepositions: frozenset[str] = frozenset()   # "Konferenz von St. Petersburg": the meeting's place
    agreement_prepositions: frozenset[str] = frozenset()  # "sich auf X einigen": X is the topic
    baseline_markers: frozenset[str] = frozenset()     # "compared with ... last year": a figure's baseline date
    baseline_adjacent: frozenset[str] = frozenset()    # "from a year earlier", "up from ... in 1985"
    baseline_directions: frozenset[str] = frozenset()  # "up", "down" before "from"
    adjective_endings: tuple[str, ...] = ()            # "a possible offer": the word after is a noun
    participle_endings: tuple[str, ...] = ()           # "visiting U.S. envoy": an adjective
    attribute_participles: tuple[str, ...] = ()        # '(für das Treffen) eingerichteten': closes an attribute
    border_nouns: tuple[str, ...] = ()                 # 'Grenze', 'border' (also as a compound's head)
    border_links: frozenset[str] = frozenset()         # 'zu', 'with': the other side follows
    plural_places: frozenset[str] = frozenset()        # 'USA', 'Niederlanden': 'in den' before them is where
    present_words: frozenset[str] = frozenset()        # 'currently', 'derzeit': going on on the report's day
    dative_articles: frozenset[str] = frozenset()      # "auf dem Gipfel": a place, not a topic
    media_words: frozenset[str] = frozenset()          # a talk with these is an interview
    institution_heads: tuple[str, ...] = ()            # "Kongress", "parliament": a state's institutions
    comitatives: frozenset[str] = frozenset()          # "mit", "with"
    capital_nouns: frozenset[str] = frozenset()        # "Hauptstadt", "capital"
    sequence_words: frozenset[str] = frozenset()       # "danach", "then": separate stops
    encounter_words: frozenset[str] = frozenset()      # "traf auf": an encounter, not a meeting
    restrictives: frozenset[str] = frozenset()         # "nur", "only" ("not only")
    planned_lemmas: frozenset[str] = frozenset()       # verbs of intent and approval, by lemma
    discussion_articles: frozenset[str] = frozenset()  # 'im' (Gespräch) without a partner: under discussion
    discussion_nouns: frozenset[str] = frozenset()     # 'Gespräch'
    meeting_topic_prepositions: frozenset[str] = frozenset()  # 'zu', 'on' after a meeting noun
    locatives: frozenset[str] = frozenset()            # 'in', 'at': where, not what
    pp_openers: frozenset[str] = frozenset()           # prepositions that open a phrase
    active_auxiliaries: frozenset[str] = frozenset()   # "hat", "has": a noun before them is the subject
    trade_totals: tuple[str, ...] = ()                 # "exports", "Ölimporte": the plural of a country's trade
    passive_auxiliaries: frozenset[str] = frozenset()  # 'wurde', 'was': passive voice
    percent_words: frozenset[str] = frozenset()        # '%', 'pct', 'Prozent'
    address_verbs: frozenset[str] = frozenset()        # 'told (a meeting)': a gathering spoken to
    guest_participles: frozenset[str] = frozenset()    # 'visiting (U.S. envoy)': a guest at the story's place
    progressive_auxiliaries: frozenset[str] = frozenset()  # 'is (visiting)': the participle is the verb
    time_relatives: frozenset[str] = frozenset()       # 'when', 'als': a clause dated by the date before it
    organisation_names: dict = field(default_factory=dict)  # 'UN' -> 'United Nations': one name per actor
    trade_modifier_heads: frozenset[str] = frozenset()  # 'export quotas': a modifier, no flow
    wishes: frozenset[str] = frozenset()               # 'would like to meet': a wish, no event
    disjunctions: frozenset[str] = frozenset()         # 'or': alternative flows
    partner_words: frozenset[str] = frozenset()        # 'with', 'between': a counterpart follows
    approximators: frozenset[str] = frozenset()        # 'some', 'rund' before a number
    list_joiners: frozenset[str] = frozenset()         # 'und', 'sowie', 'and': close a list of names
    money_modifiers: tuple[str, ...] = ()              # 'capital', 'Kapital': a trade noun of money
    genitive_articles: frozenset[str] = frozenset()    # 'der', 'des' after a trade noun: its trader follows
    plan_nouns: frozenset[str] = frozenset()           # 'plans', 'Pläne': "no plans for a meeting"
    repetitions: frozenset[str] = frozenset()          # 'again', 'erneut': a new meeting after one told of
    national_company_heads: frozenset[str] = frozenset()  # 'Airlines' in "Japan Airlines": a company of its country
    possessives: frozenset[str] = frozenset()          # 'their', 'ihre' before a trade noun: the countries before
    person_possessives: frozenset[str] = frozenset()   # 'his', 'sein' before a visit noun: a person travels
    ongoing_prepositions: frozenset[str] = frozenset()  # 'in' before talks: "in talks with" goes on
    refusal_prepositions: frozenset[str] = frozenset()  # 'ban on', 'Embargo für': between a refusal noun and the event
    descriptor_heads: tuple[str, ...] = ()             # 'airline', 'konzern': "Budget airline Ryanair", "Der US-Konzern Boeing"
    seller_prepositions: frozenset[str] = frozenset()  # 'bei': "bei Airbus bestellt", the seller of a purchase
    agreement_objects: frozenset[str] = frozenset()    # 'to', 'über': "a deal to acquire", "Abkommen über die Lieferung"
    aside_openers: frozenset[str] = frozenset()        # 'also', 'namely': an aside between commas, the clause goes on after it
    discourse_nouns: tuple[str, ...] = ()              # 'decision', 'Debatte': an event noun after them and 'on'/'über' is a topic
    possibility_adjectives: frozenset[str] = frozenset()  # 'mögliche', 'possible' before an event noun: a chance
    question_openers: frozenset[str] = frozenset()     # 'whether', 'ob': an open question, the event is undecided
    international_bodies: frozenset[str] = frozenset()  # 'ICO', 'NATO' before 'council': a session of states
    nonmaterial_objects: frozenset[str] = frozenset()  # 'warning', 'Angaben': delivered, they are no goods
    habitual_words: frozenset[str] = frozenset()       # 'annually', 'regelmäßig': a meeting held by custom
    generic_determiners: frozenset[str] = frozenset()  # 'any', 'jede' before an event noun: none told
    sequence_prepositions: frozenset[str] = frozenset()  # 'after', 'nach' before a trigger: its event is before or after the clause's
    locative_relatives: frozenset[str] = frozenset()    # 'wo', 'where': the clause is at the place before it
    visit_support_verbs: frozenset[str] = frozenset()   # 'abstatten', 'pay' (lemmas): their object is the place visited
    audience_prepositions: frozenset[str] = frozenset() # 'vor', 'to': between a speech and its gathering
    condition_openers: frozenset[str] = frozenset()     # 'if', 'ob': a clause of its own after the trigger
    adverb_endings: tuple[str, ...] = ()                # '-ly': one such word before a comma opens the sentence
    subordinators: frozenset[str] = frozenset()        # 'when', 'nachdem': a clause of its own follows
    purpose_openers: frozenset[str] = frozenset()      # 'um' (... zu): a purpose clause, which may tell the venue
    knowledge_sources: frozenset[str] = frozenset()    # 'from', 'aus' before a talk noun: where knowledge comes from
    series_words: frozenset[str] = frozenset()         # 'numerous', 'zahlreiche' before a talk noun: many talks
    possibility_modals: frozenset[str] = frozenset()   # 'may', 'könnte': a chance, not an event
    possibility_adverbs: frozenset[str] = frozenset()  # 'perhaps', 'womöglich': a chance, not an event
    modal_gap: frozenset[str] = frozenset()            # 'be', 'soon' between a modal and its verb ("may well import")
    ownership_nouns: frozenset[str] = frozenset()      # 'stake', 'Firma': bought or sold, a business changes hands
    facility_heads: tuple[str, ...] = ()               # 'hafen', 'bahnhof': "den Hafen von X" names X, no origin
    audience_bodies: tuple[str, ...] = ()               # 'parlament', 'council': gatherings spoken to (compound heads)
    ongoing_words: frozenset[str] = frozenset()         # 'continue', 'andauern' (lemmas and forms): talks going on
    office_pronouns: frozenset[str] = frozenset()      # 'he', 'his': the office holder named just before
    counterfactual_auxiliaries: frozenset[str] = frozenset()  # 'hätte', 'would': the unreal ...
    determiners: frozenset[str] = frozenset()          # 'a', 'his' before a word that is a noun or a verb
    focus_particles: frozenset[str] = frozenset()      # 'bereits', 'already' before a date: it still fronts its clause
    during: frozenset[str] = frozenset()               # 'during', 'bei': "said during a visit to X"
    prospective: frozenset[str] = frozenset()          # 'nächste', 'upcoming' before a meeting noun: planned
    inflected_endings: tuple[str, ...] = ()            # German determiner and adjective endings
    counterfactual_partners: frozenset[str] = frozenset()     # ... with 'wollen', 'have': no event
    figure_nouns: frozenset[str] = frozenset()         # 'figures', 'Zahlen': what a publication date dates
    publication_verbs: frozenset[str] = frozenset()    # 'release', 'veröffentlichen' (lemmas) next to them
    perfect_auxiliaries: frozenset[str] = frozenset()  # 'haben', 'have' after a participle: "soll ... getroffen haben"
    plan_prepositions: frozenset[str] = frozenset()    # 'for', 'für' after a plan noun
    reflexives: frozenset[str] = frozenset()           # 'liefern sich': an idiom
    impersonal: frozenset[str] = frozenset()           # 'es', 'it': no traveller
    domestic_bodies: tuple[str, ...] = ()              # 'cabinet', 'Nationalrat': routine sessions of one body
    travel_idioms: tuple[str, ...] = ()                # 'kam ums Leben', 'came to an end': no journey
    noun_idioms: frozenset[str] = frozenset()          # 'in Empfang nehmen': no reception
    summit_nouns: tuple[str, ...] = ()                 # 'summit', 'Gipfel': between states, never one body's sitting
    press_prefixes: tuple[str, ...] = ()               # 'Medien-', 'press': talks with the press
    non_anchor_heads: frozenset[str] = frozenset()     # 'seit', 'since': a clause they open dates no event
    support_verbs: frozenset[str] = frozenset()        # 'take place', 'stattfinden': a noun's clause verbs (lemmas)

    def triggers_for(self, low: str) -> tuple[Trigger, ...]:
        """The triggers of a lower-cased token, by pattern or by lemma, in lexicon order
        (memoised)."""
        memo = self.trigger_memo
        hit = memo.get(low)
        if hit is None:
            if len(memo) > MEMO_MAX:
                memo.clear()
            by_pattern = () if self.any_trigger is None or not self.any_trigger.fullmatch(low) else \
                tuple(t for t in self.triggers if t.regex is not None and t.regex.fullmatch(low))
            # the word itself may be the lemma: lower-cased German nouns lemmatise as verbs
            # ("ausfuhr" -> "ausfahren")
            by_lemma = (self.by_lemma.get(low, ()) or self.by_lemma.get(lemma(low, self.lang), ())) \
                if self.by_lemma else ()
            if by_lemma:
                matched = set(by_pattern) | set(by_lemma)
                by_pattern = tuple(t for t in self.triggers if t in matched)
            if not by_pattern and self.sense_particles:
                by_pattern = self._particle_verb(low)
            if not by_pattern and "-" in low and len(low.rsplit("-", 1)[1]) >= 4:
                # a hyphenated compound is what its head is ("China-Visite", "Nahost-Reise", "G-7-Gipfel")
                by_pattern = tuple(t for t in self.triggers_for(low.rsplit("-", 1)[1]) if t.kind == "noun")
            hit = memo[low] = by_pattern
        return hit

    def _particle_verb(self, low: str) -> tuple[Trigger, ...]:
        """A particle verb the lexicon does not list, read as its base verb when the particle
        keeps the sense ("ausgeliefert" -> "geliefert", "zurückgebracht" -> "gebracht")."""
        for particle in self.sense_particles:
            rest = low[len(particle):]
            if low.startswith(particle) and len(rest) >= 5:
                base = tuple(t for t in self.triggers_for(rest) if t.kind not in ("noun", "agent"))
                if base:
                    return base
        return ()

    def separable_triggers(self, low: str, particle: str) -> tuple[Trigger, ...]:
        """The triggers of a verb whose particle stands at its clause's end ("kam ... an")."""
        base = lemma(low, self.lang)
        if base not in self.separable_bases:
            return ()
        return self.by_lemma.get(particle + base, ())

    def may_trigger(self, word: str) -> bool:
        """Whether a word can open an event at all (memoised by the word as written; for
        skipping sentences)."""
        memo = self.may_memo
        hit = memo.get(word)
        if hit is None:
            if len(memo) > MEMO_MAX:
                memo.clear()
                self.may_yes.clear()
            low = word.lower()
            hit = memo[word] = bool(self.triggers_for(low)) or lemma(low, self.lang) in self.separable_bases
            if hit:
                self.may_yes.add(word)
        return hit

    def may_any(self, words) -> bool:
        """Whether any of ``words`` may open an event (:meth:`may_trigger`, by set operations:
        a sentence's words are mostly known)."""
        ws = set(words)
        return not self.may_yes.isdisjoint(ws) or any(self.may_trigger(w) for w in ws.difference(self.may_memo))

    def carrier(self, low: str) -> Optional[str]:
        """"freight" for a vehicle that carries goods by what it is ("Frachter", "Güterzügen",
        "convoy"), "vehicle" for one that may carry goods or people ("Zug", "flight"), else None."""
        memo = self.trigger_memo
        key = ("\0carrier", low)
        if key not in memo:
            base = lemma(low, self.lang)
            memo[key] = "freight" if base in self.freight or low in self.freight or bool(
                self.carrier_heads and (base.endswith(self.carrier_heads) or low.endswith(self.carrier_heads))) \
                else "vehicle" if base in self.vehicles or low in self.vehicles else None
        return memo[key]

    def is_carrier(self, low: str) -> bool:
        return self.carrier(low) is not None

    def region_demonym(self, words: str) -> Optional[str]:
        """The world region a (two-word English, inflected German) adjective names, or None."""
        return self._by_stem("\0region", words, self.region_demonyms)

    def demonym(self, low: str) -> Optional[str]:
        """ISO code of an inflected demonym adjective ("russischen" -> RU)."""
        return self._by_stem("\0demonym", low, self.demonyms)

    def _by_stem(self, tag: str, word: str, table: tuple[tuple[str, str], ...]) -> Optional[str]:
        """The value of the first stem of ``table`` that ``word`` is or inflects (at most three
        letters more), memoised under ``tag``."""
        key = (tag, word)
        memo = self.trigger_memo
        if key not in memo:
            memo[key] = next((value for stem, value in table
                              if word == stem or (word.startswith(stem) and len(word) - len(stem) <= 3)), None)
        return memo[key]


def _demonyms(raw: dict) -> dict[str, str]:
    """The lexicon's demonym stems, plus the gazetteer data's when the lexicon names a source
    (English: countryinfo's demonyms); the lexicon's own entries win."""
    out = {}
    if raw.get("demonym_source") == "countryinfo":
        out.update(english_demonyms())
    out.update(raw.get("demonyms", {}))
    return out


def _by_lemma(triggers: tuple[Trigger, ...]) -> dict[str, tuple[Trigger, ...]]:
    out: dict[str, list[Trigger]] = {}
    for t in triggers:
        for lem in sorted(t.lemmas):
            out.setdefault(lem, []).append(t)
    return {k: tuple(v) for k, v in out.items()}


def _phrases(words) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((tuple(w.split()) for w in words), key=len, reverse=True))


_BUILT = frozenset(['agreement_nouns', 'anaphor_country', 'anaphor_here', 'any_trigger', 'by_lemma', 'cargo_heads', 'carrier_heads', 'city_adjective', 'demonyms', 'region_demonyms', 'freight', 'goods', 'institutions', 'lang', 'modes', 'nouns_capitalised', 'organisation_names', 'organisations', 'planned', 'quantity', 'roles', 'separable_bases', 'topic_frames', 'transparent', 'vehicles', 'verb_final'])  # fields the loader builds itself
# data keys of the plain word lists whose name differs from their field's
_DATA_KEYS = {'anaphoric': 'anaphoric_determiners', 'barriers': 'clause_barriers', 'non_anchor': 'non_anchor_before', 'openers': 'clause_openers', 'person_subjects': 'person_subject_pronouns', 'pronouns': 'person_pronouns', 'separable': 'separable_particles', 'subject_stop': 'subject_stop_before'}


def _word_lists(raw: dict) -> dict:
    """Every plain word-list field (``frozenset[str]``, ``tuple[str, ...]``) not built by hand
    below, read from its data key: adding a list is a field and an entry in the data file."""
    built = _BUILT
    out = {}
    for f in fields(EventLexicon):
        if f.name in built or f.type not in ("frozenset[str]", "tuple[str, ...]"):
            continue
        words = raw.get(_DATA_KEYS.get(f.name, f.name), ())
        out[f.name] = frozenset(words) if f.type == "frozenset[str]" else tuple(words)
    return out


@lru_cache(maxsize=None)
def event_lexicon(lang: str) -> EventLexicon:
    spec = languages.language(lang)
    raw = load_json(spec.lexicon("events").name)
    triggers = tuple(
        Trigger(type=t["type"], regex=re.compile(t["pattern"]) if t.get("pattern") else None,
                kind=t.get("kind", "verb"), lemmas=frozenset(t.get("lemmas", ())),
                needs_cue=re.compile(t["needs_cue"]) if t.get("needs_cue") else None,
                **{f.name: bool(t.get(f.name, False)) for f in fields(Trigger) if f.type == "bool"})
        for t in raw["triggers"])
    unknown = sorted({t.type for t in triggers} - set(event_types()))
    if unknown:
        raise ValueError(f"events_{lang}.json: trigger type(s) {unknown} not in data/event_types.json")
    roles = {etype: {role: _phrases(cues) for role, cues in by_role.items()}
             for etype, by_role in raw["roles"].items()}
    planned = raw.get("planned_strict") or raw.get("planned", [])
    return EventLexicon(
        **_word_lists(raw),
        lang=lang, triggers=triggers,
        any_trigger=re.compile("|".join(f"(?:{t.regex.pattern})" for t in triggers if t.regex is not None))
        if any(t.regex is not None for t in triggers) else None,
        by_lemma=_by_lemma(triggers),
        separable_bases=frozenset(lem[len(p):] for t in triggers if t.kind != "noun" for lem in t.lemmas
                                  for p in raw.get("separable_particles", ())
                                  if lem.startswith(p) and len(lem) > len(p) + 2),
        freight=frozenset(raw.get("carriers", {}).get("freight", ())),
        vehicles=frozenset(raw.get("carriers", {}).get("vehicles", ())),
        carrier_heads=tuple(raw.get("carriers", {}).get("heads", ())),
        cargo_heads=spec.closed_compounds,
        topic_frames=tuple(frozenset(f) for f in raw.get("topic_frames", ())),
        roles=roles,
        transparent=_phrases(raw.get("transparent", ())),
        modes=tuple((mode, _alt(words)) for mode, words in raw.get("modes", {}).items()),
        goods=GoodsWords.from_data(raw["goods"], compounds=spec.closed_compounds),
        quantity=re.compile(raw["quantity"]),
        planned=frozenset(planned),
        organisation_names=dict(raw.get("organisation_names", {})),
        anaphor_country=tuple(raw.get("anaphors", {}).get("country", ())),
        anaphor_here=tuple(raw.get("anaphors", {}).get("here", ())),
        organisations=tuple(sorted(raw.get("organisations", ()), key=len, reverse=True)),
        demonyms=tuple(sorted(_demonyms(raw).items(), key=lambda kv: -len(kv[0]))),
        region_demonyms=tuple(raw.get("region_demonyms", {}).items()),
        institutions=tuple(sorted(raw.get("institutions", {}).items(), key=lambda kv: -len(kv[0]))),
        city_adjective=re.compile(raw["city_adjective"]) if raw.get("city_adjective") else None,
        agreement_nouns=re.compile(raw["agreement_nouns"]) if raw.get("agreement_nouns") else None,
        nouns_capitalised=spec.nouns_capitalised, verb_second=spec.verb_second,
        verb_final=spec.verb_final,
    )
