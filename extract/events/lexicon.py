"""Event cue lexicons (``data/lexicon/events_<lang>.json``), compiled once per language.

The data files hold every word list and pattern the event extractor uses:
trigger words, role prepositions, mode and cargo words, quantity patterns,
status cues, anaphors, organisations and demonyms (person titles: people_<lang>.json).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from extract.lexicon import load_json
from records import languages
from records.event_types import event_types

ROLES = ("location", "origin", "destination", "via")
MEMO_MAX = 200_000  # words in a lexicon's trigger memo; dropped and refilled beyond that (bounded memory)


@dataclass(frozen=True)
class Trigger:
    """One trigger pattern: a whole lower-cased token matched with ``re.fullmatch``."""

    type: str                 # an event type of data/event_types.json
    regex: re.Pattern
    kind: str                 # verb | noun | arrival | travel
    needs_cargo: bool = False
    needs_cue: Optional[re.Pattern] = None   # a clause token must match this
    capitalized: bool = False
    visit: bool = False       # the visited place is the (unmarked) object
    host: bool = False
    reverse: bool = False     # import/buy: the subject is the recipient
    needs_person: bool = False
    from_location: bool = False  # "return from X": X is where the visit was


@dataclass(frozen=True)
class EventLexicon:
    lang: str
    triggers: tuple[Trigger, ...]
    trigger_stop: frozenset[str]
    phrase_stop: frozenset[str]       # two-word phrases in which a trigger word is none
    roles: dict                      # type -> role -> tuple of cue phrases (lower-case, longest first)
    transparent: tuple[tuple[str, ...], ...]
    origin_verbs: frozenset[str]
    modes: tuple[tuple[str, re.Pattern], ...]
    cargo: re.Pattern
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
    barriers: frozenset[str] = frozenset()
    relative: frozenset[str] = frozenset()
    openers: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()
    inversion_openers: frozenset[str] = frozenset()
    institutions: tuple[tuple[str, str], ...] = ()
    articles: frozenset[str] = frozenset()
    city_adjective: Optional[re.Pattern] = None   # "Moskauer" -> group 1 "Moskau"
    # grammar facts from the language registry (data/languages.json)
    nouns_capitalised: bool = False  # a capitalised word inside a sentence may be a noun
    verb_second: bool = False        # the subject may follow the finite verb ("Im März lieferte Frankreich")
    verb_final: bool = False         # objects may stand before the verb ("wird Ägypten ... verkaufen")
    # word -> its triggers: news repeats its words, and every pattern would otherwise be tried
    trigger_memo: dict = field(default_factory=dict, compare=False, repr=False)
    # all trigger patterns in one: most words match none, and one test says so
    any_trigger: Optional[re.Pattern] = None

    def triggers_for(self, low: str) -> tuple[Trigger, ...]:
        """The trigger patterns that match a lower-cased token, in lexicon order (memoised)."""
        memo = self.trigger_memo
        hit = memo.get(low)
        if hit is None:
            if len(memo) > MEMO_MAX:
                memo.clear()
            if self.any_trigger is not None and not self.any_trigger.fullmatch(low):
                hit = memo[low] = ()
            else:
                hit = memo[low] = tuple(t for t in self.triggers if t.regex.fullmatch(low))
        return hit

    def demonym(self, low: str) -> Optional[str]:
        """ISO code of an inflected demonym adjective ("russischen" -> RU)."""
        for stem, iso in self.demonyms:
            if low == stem or (low.startswith(stem) and len(low) - len(stem) <= 3):
                return iso
        return None


def _alt(words) -> re.Pattern:
    return re.compile("|".join(f"(?:{w})" for w in words))


def _phrases(words) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((tuple(w.split()) for w in words), key=len, reverse=True))


@lru_cache(maxsize=None)
def event_lexicon(lang: str) -> EventLexicon:
    spec = languages.language(lang)
    raw = load_json(spec.lexicon("events").name)
    triggers = tuple(
        Trigger(type=t["type"], regex=re.compile(t["pattern"]), kind=t.get("kind", "verb"),
                needs_cargo=t.get("needs_cargo", False),
                needs_cue=re.compile(t["needs_cue"]) if t.get("needs_cue") else None,
                capitalized=t.get("capitalized", False), visit=t.get("visit", False),
                host=t.get("host", False), reverse=t.get("reverse", False),
                needs_person=t.get("needs_person", False),
                from_location=t.get("from_location", False))
        for t in raw["triggers"])
    unknown = sorted({t.type for t in triggers} - set(event_types()))
    if unknown:
        raise ValueError(f"events_{lang}.json: trigger type(s) {unknown} not in data/event_types.json")
    roles = {etype: {role: _phrases(cues) for role, cues in by_role.items()}
             for etype, by_role in raw["roles"].items()}
    planned = raw.get("planned_strict") or raw.get("planned", [])
    return EventLexicon(
        lang=lang, triggers=triggers,
        trigger_stop=frozenset(raw.get("trigger_stop", ())),
        phrase_stop=frozenset(raw.get("phrase_stop", ())),
        any_trigger=re.compile("|".join(f"(?:{t.regex.pattern})" for t in triggers)) if triggers else None,
        roles=roles,
        transparent=_phrases(raw.get("transparent", ())),
        origin_verbs=frozenset(raw.get("origin_verbs", ())),
        modes=tuple((mode, _alt(words)) for mode, words in raw.get("modes", {}).items()),
        cargo=_alt(raw.get("cargo_nouns", ())),
        quantity=re.compile(raw["quantity"]),
        planned=frozenset(planned),
        non_anchor=frozenset(raw.get("non_anchor_before", ())),
        speech=frozenset(raw.get("speech", ())),
        anaphor_country=tuple(raw.get("anaphors", {}).get("country", ())),
        anaphor_here=tuple(raw.get("anaphors", {}).get("here", ())),
        subject_stop=frozenset(raw.get("subject_stop_before", ())),
        organisations=tuple(sorted(raw.get("organisations", ()), key=len, reverse=True)),
        government_heads=frozenset(raw.get("government_heads", ())),
        demonyms=tuple(sorted(raw.get("demonyms", {}).items(), key=lambda kv: -len(kv[0]))),
        barriers=frozenset(raw.get("clause_barriers", ())),
        relative=frozenset(raw.get("relative", ())),
        openers=frozenset(raw.get("clause_openers", ())),
        auxiliaries=frozenset(raw.get("auxiliaries", ())),
        pronouns=frozenset(raw.get("person_pronouns", ())),
        inversion_openers=frozenset(raw.get("inversion_openers", ())),
        institutions=tuple(sorted(raw.get("institutions", {}).items(), key=lambda kv: -len(kv[0]))),
        articles=frozenset(raw.get("articles", ())),
        city_adjective=re.compile(raw["city_adjective"]) if raw.get("city_adjective") else None,
        nouns_capitalised=spec.nouns_capitalised, verb_second=spec.verb_second,
        verb_final=spec.verb_final,
    )
