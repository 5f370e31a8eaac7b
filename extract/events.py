"""Events (shipments, meetings) from places, timexes and trigger lexicons.

    extract_events(text, sentences, places, timexes, doc_date, lang, gazetteer) -> list[Event]

Per sentence: trigger words (``data/lexicon/events_<lang>.json``) open event
mentions; place mentions get roles from the prepositions before them
(:mod:`extract.events_roles`), timexes date the trigger of their clause
(:mod:`extract.events_dates`); anaphors ("das Land", "the country") and
"hier"/"here" become the country referred back to or the dateline place.
Mentions of one happening are then merged (:mod:`extract.events_merge`).
No trained model is involved.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Optional

from extract.events_dates import assign_dates, usable_timexes
from extract.events_lexicon import EventLexicon, event_lexicon
from extract.events_merge import merge, to_event
from extract.events_roles import (EventMention, actors_in, find_cargo, find_modes, find_triggers,
                                  is_planned, place_role)
from extract.events_text import Person, Token, find_organisations, find_people, tokenize
from extract.records import Event, Mention, Place, Timex

_DATELINE = re.compile(r"^\s*[A-ZÄÖÜ][\w.'/ -]{1,40}?(?:,[^\n–—-]{0,25})?\s+[–—-]\s")


def extract_events(text: str, sentences: list[tuple[int, int]], places: list[Mention],
                   timexes: list[Timex], doc_date: dt.date, lang: str, gazetteer) -> list[Event]:
    """Shipments and meetings of one document, one event per happening."""
    lex = event_lexicon(lang if lang in ("de", "en") else "en")
    places = sorted(places, key=lambda m: m.start)
    doc_tokens = tokenize(text, 0, len(text))
    people = find_people(text, doc_tokens, places, lex)
    dateline = _dateline(text, places)
    dateline_end = dateline[1] if dateline else 0
    capital = _capital_check(gazetteer)
    mentions: list[EventMention] = []
    for si, (s, e) in enumerate(sentences):
        tokens = tokenize(text, s, e)
        if not tokens:
            continue
        triggers = find_triggers(tokens, lex)
        if not triggers:
            continue
        sent_places = [m for m in places if s <= m.start < e]
        sent_places += _anaphors(text, s, e, tokens, places, people, lex, dateline)
        sent_people = [p for p in people if s <= p.start < e]
        orgs = find_organisations(text, s, e, lex)
        sent_mentions = _sentence_mentions(text, (s, e), si, tokens, triggers, sent_places,
                                           sent_people, orgs, lex, gazetteer, capital, doc_date)
        usable = usable_timexes([t for t in timexes if s <= t.start < e], tokens, lex, dateline_end)
        assign_dates(sent_mentions, usable)
        for m in sent_mentions:
            if m.date is not None and m.date[0] > doc_date:
                m.status = "planned"
        if dateline and si == 0:
            for m in sent_mentions:
                if m.type == "meeting" and not m.roles.get("location"):
                    m.roles["location"] = [dateline[0]]
        mentions += sent_mentions
    events = []
    for h in merge(mentions):
        if not any(h.places.get(r) for r in ("location", "origin", "destination")) and h.date is None:
            continue  # nothing to put on a map or a timeline
        events.append(to_event(text, h))
    return events


def _sentence_mentions(text, span, si, tokens, triggers, sent_places, people, orgs, lex,
                       gazetteer, capital, doc_date) -> list[EventMention]:
    by_start = {t.start: i for i, t in enumerate(tokens)}
    out: list[EventMention] = []
    for ti, trig in triggers:
        # one mention per type and clause: "besuchte ... und traf sich mit ..."
        if any(m.type == trig.type and m.trigger.clause == tokens[ti].clause for m in out):
            continue
        out.append(EventMention(type=trig.type, sentence=si, span=span, trigger=tokens[ti],
                                trigger_def=trig))
    if not out:
        return []
    lows = {t.low for t in tokens}
    role_places: set[int] = set()
    for pm in sent_places:
        i = by_start.get(pm.start)
        if i is None:
            i = next((k for k, t in enumerate(tokens) if t.start >= pm.start), None)
            if i is None:
                continue
        if text[pm.end:pm.end + 1] == "-":
            continue  # "US-Beamte": a modifier, not a place the event happens at
        for m in _owners(out, tokens[i], lex, tokens):
            ti = tokens.index(m.trigger)
            origin_clause = any(t.low in lex.origin_verbs for t in tokens
                                if t.clause == tokens[i].clause or i < tokens.index(t) <= i + 5)
            role = place_role(tokens, i, m.type, lex, ti, origin_clause,
                              arrival=m.trigger_def.kind == "arrival")
            if role is None and m.trigger_def.visit and m.type == "meeting" and i > ti \
                    and tokens[i].clause == m.trigger.clause and i - ti <= 8:
                role = "location"  # "besuchte ... Russland", "visited Iraq"
            if role is None and m.type == "shipment" and origin_clause:
                role = "origin"
            if role is None:
                continue
            if m.type == "meeting" and role != "location":
                continue
            m.roles.setdefault(role, []).append(pm)
            if m.type == "meeting" or pm.text.lower() in lex.anaphor_country:
                role_places.add(pm.start)
    names, roles, has_person = actors_in(text, tokens, sent_places, people, orgs, lex,
                                         gazetteer.country, capital, exclude=role_places)
    modes = find_modes(tokens, lex)
    cargo = find_cargo(text, span, tokens, lex)
    kept = []
    for m in out:
        m.actors = list(names)
        m.actor_roles = dict(roles)
        m.has_person = has_person
        if is_planned(tokens, m.trigger.clause, lex):
            m.status = "planned"
        if m.type == "shipment":
            m.modes = modes
            m.cargo = cargo
        if m.trigger_def.needs_person and not has_person:
            continue
        if m.trigger_def.kind == "arrival" and m.type == "shipment" and not cargo:
            continue
        kept.append(m)
    return kept


def _owners(mentions: list[EventMention], tok: Token, lex: EventLexicon,
            tokens: list[Token]) -> list[EventMention]:
    """The mentions a word belongs to: those of its clause, else the nearest trigger's, when
    at most two clauses away and no clause between opens with "aber"/"but" and the like."""
    same = [m for m in mentions if m.trigger.clause == tok.clause]
    if same:
        return same
    m = min(mentions, key=lambda m: (abs(m.trigger.clause - tok.clause), abs(m.trigger.start - tok.start)))
    lo, hi = sorted((m.trigger.clause, tok.clause))
    if hi - lo > 2:
        return []
    heads = {}
    for t in tokens:
        heads.setdefault(t.clause, t.low)
    if any(heads.get(c) in lex.barriers for c in range(lo + 1, hi + 1)):
        return []
    return [m]


def _dateline(text: str, places: list[Mention]) -> Optional[tuple[Mention, int]]:
    """The place of a dateline ("CAIRO, March 2 -", "Wien –") and where the dateline ends."""
    m = _DATELINE.match(text)
    if not m:
        return None
    inside = [p for p in places if p.start < m.end()]
    return (inside[0], m.end()) if inside else None


def _anaphors(text, s, e, tokens, places, people, lex: EventLexicon, dateline) -> list[Mention]:
    """Pseudo place mentions for "das Land"/"the country" (the country named last before,
    not the one the sentence's people come from) and "hier"/"here" (the dateline place)."""
    out = []
    low = text[s:e].lower()
    for phrase in lex.anaphor_country:
        for m in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", low):
            start = s + m.start()
            own = {lex.demonym(t.low) for t in tokens if t.start < start} - {None}
            antecedent = None
            for pm in reversed(places):
                if pm.start < start and pm.place.feature == "country" and pm.place.country_code not in own:
                    antecedent = pm
                    break
            if antecedent is not None:
                out.append(Mention(text[start:start + len(phrase)], start, start + len(phrase),
                                   antecedent.place, 0.6))
    if dateline:
        for phrase in lex.anaphor_here:
            for m in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", low):
                start = s + m.start()
                out.append(Mention(text[start:start + len(phrase)], start, start + len(phrase),
                                   dateline[0].place, 0.6))
    return out


def _capital_check(gazetteer):
    @lru_cache(maxsize=512)
    def is_capital(place: Place) -> bool:
        try:
            cands = gazetteer.lookup(place.name)
        except (KeyError, ValueError):
            return False
        return any(c.capital and c.place.geonameid == place.geonameid for c in cands)
    return is_capital
