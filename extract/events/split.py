"""One event per stop and per flow: a meeting with places a coordinator or a word of
sequence separates is one event per place; a shipment to destinations in different
countries that a coordinator joins is one flow each."""
from __future__ import annotations

import copy

from extract.events.lexicon import EventLexicon
from extract.events.roles import EventMention
from extract.text.document import Token


def split_stops(mentions: list[EventMention], tokens: list[Token], lex: EventLexicon,
                 text: str = "") -> list[EventMention]:
    """One meeting per stop: a meeting with places that a coordinator or a word of
    sequence separates ("met the French president in Paris and later the German
    chancellor in Berlin", "a port in Ghana and a farm in Togo before a summit in Abuja",
    "visit Britain, France and Italy") is one event per place. Places one inside the other ("in Wien, Österreich") stay one."""
    out: list[EventMention] = []
    for m in mentions:
        if m.spec.route:
            out += _split_flows(m, tokens, lex, text)
            continue
        places = sorted({pm.start: pm for pm in m.roles.get("location", [])}.values(), key=lambda pm: pm.start)
        if len(places) < 2 or len({pm.place.name for pm in places}) < 2:
            out.append(m)
            continue
        separated = all("," in text[a.end:b.start] or any(t.low in lex.coordinators or t.low in lex.sequence_words
                                                          for t in tokens if a.end <= t.start < b.start)
                        for a, b in zip(places, places[1:]))
        if not separated or any(a.place.country_code == b.place.country_code and "country" in
                                (a.place.feature, b.place.feature) for a, b in zip(places, places[1:])):
            out.append(m)
            continue
        for pm in places:
            stop = copy.copy(m)
            stop.roles = {**m.roles, "location": [pm]}
            out.append(stop)
    return out


def _split_flows(m: EventMention, tokens: list[Token], lex: EventLexicon, text: str) -> list[EventMention]:
    """One shipment per origin-destination flow: destinations in different countries that a
    coordinator joins ("sent back to Germany or Japan", "to Germany, France and Italy") are
    separate flows; a city and its country, or an aside in brackets ("China (and Hong Kong)"),
    stay one."""
    dests = sorted({pm.start: pm for pm in m.roles.get("destination", [])}.values(), key=lambda pm: pm.start)
    if len({pm.place.country_code or pm.place.name for pm in dests}) < 2:
        return [m]  # (a region has no country: "to Europe, Latin America and the Middle East")
    joined = False
    for a, b in zip(dests, dests[1:]):
        between = [t.low for t in tokens if a.end <= t.start < b.start]
        coordinated = any(w in lex.coordinators or w in lex.disjunctions for w in between)
        if "(" in text[a.end:b.start] or not (coordinated or "," in text[a.end:b.start]) \
                or a.place.country_code and a.place.country_code == b.place.country_code and "country" in (
                    a.place.feature, b.place.feature):
            return [m]
        joined = joined or coordinated
    if not joined:
        return [m]  # "to Vienna, Austria": a place and what holds it, one end
    out = []
    for pm in dests:
        flow = copy.copy(m)
        flow.roles = {**m.roles, "destination": [pm]}
        out.append(flow)
    return out
