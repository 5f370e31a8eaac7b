"""Which timex dates an event mention.

A timex dates the trigger whose clause it is in; failing that, the nearest trigger
of its sentence. Timexes that cannot anchor the happening are skipped: those in a
reporting clause ("Auf einer Pressekonferenz am Freitag sagte ..."), those after
"seit"/"since"/"bis"/"until", those in a dateline ("TOKYO, March 2 -"), and values
that are no calendar interval (PAST_REF, durations). Never the publication date.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from extract.events_lexicon import EventLexicon
from extract.events_text import Token
from extract.records import Timex
from extract.timex import timex_interval

_PRECISION = {"day": "day", "week": "day", "range": "day", "month": "month", "quarter": "month",
              "season": "month", "year": "year", "half": "month", "decade": "year"}


def interval(value: str) -> Optional[tuple[dt.date, dt.date, str]]:
    """(first day, last day, contract precision) of a timex value, or None."""
    iv = timex_interval(value)
    if iv is None:
        return None
    a, b, prec = iv
    if prec == "range":
        parts = [p for p in value.split("/")]
        precs = [timex_interval(p) for p in parts]
        coarse = [p[2] for p in precs if p]
        prec = "year" if "year" in coarse else "month" if "month" in coarse else "day"
    return a, b, _PRECISION.get(prec, "day")


def usable_timexes(timexes: list[Timex], tokens: list[Token], lex: EventLexicon,
                   dateline_end: int) -> list[tuple[Timex, int, tuple]]:
    """(timex, clause, interval) for the timexes of a sentence that may anchor an event."""
    out = []
    speech_clauses = {t.clause for t in tokens if t.low in lex.speech}
    for tx in timexes:
        if tx.start < dateline_end:
            continue
        iv = interval(tx.value)
        if iv is None:
            continue
        idx = next((i for i, t in enumerate(tokens) if t.end > tx.start), None)
        if idx is None:
            continue
        clause = tokens[idx].clause
        before = [t.low for t in tokens[max(0, idx - 3):idx] if t.clause == clause]
        clause_head = [t.low for t in tokens if t.clause == clause][:1]
        if any(w in lex.non_anchor for w in before[-2:]) or any(w in lex.non_anchor for w in clause_head):
            continue
        out.append((tx, clause, iv, idx, clause in speech_clauses))
    return out


def assign_dates(mentions, usable) -> None:
    """Give each mention of a sentence the timex of its clause, else the nearest free one."""
    if not mentions or not usable:
        return
    trigger_clauses = {m.trigger.clause for m in mentions}
    for m in mentions:
        best = None
        for tx, clause, iv, idx, in_speech in usable:
            if clause == m.trigger.clause:
                key = (0, abs(tx.start - m.trigger.start))
            elif in_speech or clause in trigger_clauses:
                continue
            else:
                # the nearest trigger of the sentence claims a timex outside trigger clauses
                nearest = min(mentions, key=lambda o: (abs(o.trigger.clause - clause),
                                                       abs(o.trigger.start - tx.start)))
                if nearest.trigger.clause != m.trigger.clause:
                    continue
                key = (1, abs(tx.start - m.trigger.start))
            if best is None or key < best[0]:
                best = (key, iv)
        if best is not None:
            m.date = best[1]
