"""The words that made an event, as (start, end, kind) offsets into the text: each
mention's trigger, its role places, the actors' names (any of an organisation's names,
records.actors) and the timexes that date it. The page marks them in the evidence."""
from __future__ import annotations

import re
from typing import Iterable

from extract.dates.calendar import interval_of
from records.actors import aliases

KINDS = ("trigger", "actor", "place", "date")


def mention_highlights(text: str, mentions: Iterable, actors: Iterable[str],
                       spans: Iterable[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Triggers and role places of *mentions* (extract.events.roles.EventMention), and every
    whole-word occurrence of an actor's names inside the evidence *spans*."""
    out: set[tuple[int, int, str]] = set()
    for m in mentions:
        out.add((m.trigger.start, m.trigger.end, "trigger"))
        for places in m.roles.values():
            out.update((p.start, p.end, "place") for p in places)
    names = sorted({n for a in actors for n in aliases(a) if n.strip()}, key=len, reverse=True)
    if names:
        regex = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")
        for s, e in spans:
            out.update((x.start(), x.end(), "actor") for x in regex.finditer(text, s, e))
    return sorted(out)


def date_highlights(event, timexes: Iterable) -> list[tuple[int, int, str]]:
    """The timexes (records.model.Timex) inside *event*'s evidence sentences whose calendar
    span meets the event's dates (the words that dated it, not every date told there)."""
    if not event.date_start:
        return []
    first, last = event.date_start, event.date_end or event.date_start
    spans = event.evidence_spans or [(event.start, event.end)]
    out = []
    for t in timexes:
        if not any(s <= t.start and t.end <= e for s, e in spans):
            continue
        a, _, b = t.value.partition("/")
        lo, hi = interval_of(a), interval_of(b or a)
        if lo and hi and lo[0].isoformat() <= last and first <= hi[1].isoformat():
            out.append((t.start, t.end, "date"))
    return out
