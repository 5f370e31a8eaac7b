"""The day a report's sentence carries over to the next one that goes on about its people
(issue 13, mechanism 5: "a date from the neighbouring sentence"): "Am Montag hat EU-Kommissarin
Malmström in Österreich einen neuen Anlauf unternommen. Die Schwedin traf sich in Wien mit
Vertretern ...", "On Tuesday the minister flew to Accra. He met President Mahama ...".

    carry_dates(mentions, spans, timexes, people, lex, text, doc_date, dateline)

A meeting told as done, with no date of its own, takes the day of the sentence right before
its own when its sentence opens with a back-reference to a person (a pronoun, or an article
and a noun that is no name), has no date and no word of plans, and the sentence before names
a person and holds one past date that anchors it (no "seit"/"since" before it). Nothing else
moves: a sentence that names its people anew, or a date told as a bound, gives nothing on.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from extract.events.dates import interval
from extract.events.lexicon import EventLexicon
from extract.events.roles import EventMention

_OPENING = re.compile(r"\W*(\w+)(?:\s+(\w+))?")
_WORDS = re.compile(r"\w+")
_BOUND_REACH = 12  # characters before a date where a word of ``non_anchor`` makes it a bound


def _back_reference(text: str, span: tuple[int, int], people, lex: EventLexicon) -> bool:
    """Whether the sentence opens with a pronoun of a person ("Er", "She") or an article and a
    noun that is no name ("Die Schwedin", "The minister"); a named person opens none."""
    m = _OPENING.match(text, span[0], span[1])
    if m is None:
        return False
    first = m.group(1).lower()
    if first in lex.pronouns or first in lex.person_subjects:
        return True
    if first not in lex.definite_articles or m.group(2) is None:
        return False
    noun_start = m.start(2)
    if any(p.start <= noun_start < p.end for p in people):
        return False  # "Der Bundeskanzler Werner Faymann": the name is told anew
    return m.group(2)[:1].isupper() if lex.nouns_capitalised else m.group(2).islower()


def _sentence_day(text: str, span: tuple[int, int], timexes, lex: EventLexicon, doc_date: dt.date,
                  dateline: tuple[int, int]) -> Optional[tuple]:
    """The one past day or week a sentence holds as an anchor, or None."""
    days = set()
    for t in timexes:
        if not span[0] <= t.start < span[1] or dateline[0] <= t.start < dateline[1]:
            continue
        before = text[max(span[0], t.start - _BOUND_REACH):t.start].lower().split()
        if before and before[-1] in lex.non_anchor:
            return None  # "seit Montag", "since Tuesday": a bound, no day of the story
        iv = interval(t.value)
        if iv is None or iv[2] != "day" or (iv[1] - iv[0]).days > 6 or iv[0] > doc_date:
            return None
        days.add(iv)
    return days.pop() if len(days) == 1 else None


def carry_dates(mentions: list[EventMention], spans: list[tuple[int, int]], timexes, people,
                lex: EventLexicon, text: str, doc_date: dt.date, dateline: tuple[int, int]) -> None:
    """Give an undated meeting told as done the day of the sentence before its own (see the module)."""
    for m in mentions:
        si = m.sentence
        if m.date is not None or m.type != "meeting" or m.status != "reported" or si == 0 or m.now:
            continue
        before = spans[si - 1]
        if not any(before[0] <= p.start < before[1] for p in people):
            continue
        own = [p for p in people if m.span[0] <= p.start < m.span[1]]
        if not _back_reference(text, m.span, own, lex) or any(m.span[0] <= t.start < m.span[1] for t in timexes) \
                or not lex.planned.isdisjoint(_WORDS.findall(text[m.span[0]:m.span[1]].lower())):
            continue  # its own sentence has a time of its own ("He arrived on Sunday after flying from
            #           the United States, where ..."), or a plan ("He will visit ...")
        day = _sentence_day(text, before, timexes, lex, doc_date, dateline)
        if day is not None:
            m.date = day
