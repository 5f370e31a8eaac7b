"""Which way a date without a year points, all cues together: the prepositions before it and
the tense of its clause (:mod:`extract.dates.tense`).

    date_direction(text, start, end, grammar, narrative) -> (tense, nearest)

``tense`` is +1 (ahead), -1 (back) or 0 (no cue); ``nearest`` asks for the nearest such
date either way (a time set ahead of a past act).
"""
from __future__ import annotations

import re

from extract.dates.grammar import Grammar, norm
from extract.dates.tense import clause_tense, set_in_the_past, word_before_in

_WORD = re.compile(r"\w+")


def date_direction(text: str, start: int, end: int, grammar: Grammar, narrative: bool) -> tuple[int, bool]:
    """The direction of the date at ``text[start:end]``: "seit"/"since" point back; "für"/"for"
    ahead (the nearest one in a past-perfect clause); "until"/"bis" ahead unless the clause is
    past or the preposition ends a period of figures; else the clause's tense."""
    if word_before_in(text, start, grammar, "past_prepositions"):
        return -1, False  # "seit Ende September", "since May": a start that has passed
    ahead = word_before_in(text, start, grammar, "ahead_prepositions") \
        and not _figure_before(text, start, grammar)  # "figures for November": a period told
    tense = clause_tense(text, start, end, grammar)
    if ahead:  # "für Dienstag hatten sich ... verabredet": set ahead of a past act; "sind für Dienstag angesetzt": ahead
        return (0, True) if tense < 0 and set_in_the_past(text, start, end, grammar) else (1, False)
    if not narrative and tense >= 0 and word_before_in(text, start, grammar, "term_prepositions") \
            and not _period_before(text, start, grammar) and not _figure_before(text, start, grammar):
        return 1, False  # "has extended loans through January", "gilt bis März": a term that runs on
    return tense, False


_FIGURE_REACH = 6  # words back from the preposition: "Figures from the Commerce Department for November"


def _figure_before(text: str, start: int, grammar: Grammar) -> bool:
    """Whether a noun of figures stands in the words before the preposition before ``start``,
    in its sentence ("exports for January", "die Zahlen für November")."""
    nouns = grammar.lex.get("period_nouns")
    if not nouns:
        return False
    head = re.split(r"[.!?;:]\s", text[max(0, start - 80):start])[-1]
    return any(w.lower() in nouns for w in _WORD.findall(head)[-_FIGURE_REACH - 1:-1])


def _period_before(text: str, start: int, grammar: Grammar) -> bool:
    """Whether the preposition before ``start`` follows a unit of time: a reported period that
    ends at the date ("in the 12 months through June", "the year to March"), not a term set."""
    words = _WORD.findall(text, max(0, start - 40), start)
    return len(words) >= 2 and norm(words[-2]) in grammar.lookup["units"]
