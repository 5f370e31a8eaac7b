"""One event per stop and per flow: a meeting with places a coordinator or a word of
sequence separates is one event per place; a shipment to destinations in different
countries that a coordinator joins is one flow each."""
from __future__ import annotations

import copy

from extract.events.lexicon import EventLexicon
from extract.events.roles import EventMention
from extract.text.document import Token
from extract.text.people import people_lexicon


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
            out += _split_counterparts(m, tokens, lex, text)
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


_TURN_REACH = 4  # words after a word of sequence that may hold the next counterpart ("danach Präsident Sisi")


def _split_counterparts(m: EventMention, tokens: list[Token], lex: EventLexicon, text: str) -> list[EventMention]:
    """One meeting per counterpart that a word of sequence after a coordinator or comma sets
    apart ("traf in Kairo zunächst seinen Amtskollegen, danach Präsident Sisi", "first met
    Foreign Minister Shoukry and then President Sisi"): the conventions count a visitor who
    meets a minister and then the president twice. Each copy keeps the place and the date and
    takes the actors on its side; the subject before the trigger stays in both."""
    ti = m.trigger_idx
    if m.spec.route or m.trigger_def.kind == "noun" or not text:
        return [m]
    titles = people_lexicon(lex.lang)
    actor_words = {w for a in m.actors for w in a.split()}

    def counterpart(lo: int, hi: int) -> bool:  # a name or a title among tokens[lo:hi]
        return any(tokens[k].cap and not lex.nouns_capitalised or titles.is_title(tokens[k].low)
                   or tokens[k].text in actor_words for k in range(lo, min(hi, len(tokens))))

    turn = next((k for k in range(ti + 2, len(tokens)) if tokens[k].low in lex.sequence_words
                 and tokens[k].low not in lex.subordinators  # ("nachdem dieser ...": a clause of its own)
                 and (tokens[k - 1].low in lex.coordinators or text[tokens[k - 1].end:tokens[k].start].strip() == ",")), None)
    if turn is None or any(tokens[k].low in lex.sequence_words for k in range(turn + 1, len(tokens))) \
            or not counterpart(ti + 1, turn) or not counterpart(turn + 1, turn + 1 + _TURN_REACH) \
            or any(lex.triggers_for(tokens[k].low) for k in range(turn + 1, min(len(tokens), turn + 1 + _TURN_REACH))):
        return [m]  # (another event word after it tells its own meeting: "and then flew to Rome")
    cut = tokens[turn].start

    def side(first: bool) -> list[str]:
        kept = []
        for a in m.actors:
            at = text.find(a, m.span[0], m.span[1])
            if at < 0 or at < m.trigger.start or (at < cut) == first:
                kept.append(a)
        return kept
    out = []
    for n, first in enumerate((True, False), 1):
        part = copy.copy(m)
        part.actors, part.turn = side(first), n
        out.append(part)
    return out


def stop_dates(mentions: list[EventMention], usable) -> None:
    """The stops of one meeting word that each have their own date ("held talks in Kabul last
    week and is in Islamabad this week", "on Monday in Paris and on Tuesday in Berlin") take
    the date told with their place: after it, or before it when the sentence tells dates first.
    ``usable``: (timex, clause, interval, token index, ...) of the sentence (events.dates)."""
    by_trigger: dict[int, list[EventMention]] = {}
    for m in mentions:
        if not m.spec.route and len(m.roles.get("location", [])) == 1:
            by_trigger.setdefault(m.trigger_idx, []).append(m)
    for stops in by_trigger.values():
        if len(stops) < 2:
            continue
        stops.sort(key=lambda m: m.roles["location"][0].start)
        starts = [m.roles["location"][0].start for m in stops]
        dates = [(u[0].start, u[2]) for u in usable]
        if len({iv for _, iv in dates}) < 2:
            continue
        first = min(at for at, _ in dates) < starts[0]  # dates told before their places
        ends = [-1] + starts if first else starts + [10 ** 9]
        own = []
        for k in range(len(stops)):
            lo, hi = ends[k], ends[k + 1]  # the stretch of text between one place and the next
            inside = [iv for at, iv in dates if lo < at < hi]
            own.append(inside[0] if len(inside) == 1 else None)
        if sum(1 for iv in own if iv is not None) < 2:
            continue  # one date for the whole journey: the stops share it
        for m, iv in zip(stops, own):
            if iv is not None:
                m.date = iv
