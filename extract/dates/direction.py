"""Which way a date without a year points, all cues together: the prepositions before it and
the tense of its clause (:mod:`extract.dates.tense`).

    date_direction(text, start, end, grammar, narrative) -> (tense, nearest)

``tense`` is +1 (ahead), -1 (back) or 0 (no cue); ``nearest`` asks for the nearest such
date either way (a time set ahead of a past act).
"""
from __future__ import annotations

import re
from typing import Callable, Sequence

from extract.dates.grammar import Grammar, norm
from extract.dates.tense import clause_bounds, clause_tense, planned_in_the_past, set_in_the_past, word_before_in
from extract.text.lemmas import lemma

_WORD = re.compile(r"\w+")


def date_direction(text: str, start: int, end: int, grammar: Grammar, narrative: bool) -> tuple[int, bool]:
    """The direction of the date at ``text[start:end]``: "seit"/"since" point back; "für"/"for"
    ahead (the nearest one in a past-perfect clause); "until"/"bis" ahead unless the clause is
    past or the preposition ends a period of figures; the new date of a postponed thing
    ahead ("was postponed until Friday"); else the clause's tense."""
    if rescheduled(_WORD.findall(text, max(0, start - 30), start),
                   lambda: _WORD.findall(text, *clause_bounds(text, start, end, grammar)), grammar):
        return 1, False
    if word_before_in(text, start, grammar, "past_prepositions"):
        return -1, False  # "seit Ende September", "since May": a start that has passed
    ahead = word_before_in(text, start, grammar, "ahead_prepositions") \
        and not _figure_before(text, start, grammar)  # "figures for November": a period told
    tense = clause_tense(text, start, end, grammar)
    if ahead:  # "für Dienstag hatten sich ... verabredet": set ahead of a past act; "sind für Dienstag angesetzt": ahead
        return (0, True) if tense < 0 and set_in_the_past(text, start, end, grammar) else (1, False)
    if tense > 0 and planned_in_the_past(text, start, end, grammar):
        return 0, True  # "who had been due to welcome delegates on Friday": a plan of the past, either way
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


_ARTICLES_BEFORE_DATE = 1  # "auf den 9. Juni", "to the 9th": one word may stand between


def rescheduled(before: Sequence[str], clause: Callable[[], Sequence[str]], grammar: Grammar) -> bool:
    """Whether a date is the new date of a postponed thing: one of the lexicon's
    ``postpone_prepositions`` right before it (``before``: the words before the date, an
    article between allowed) and a verb of ``postpone_verbs`` (lemmas, or "lemma particle"
    for a phrasal verb) among the clause's words (``clause()``, asked for only after such a
    preposition): "postponed until Friday", "put off to next week", "auf den 9. Juni vertagt"."""
    verbs, preps = grammar.lex.get("postpone_verbs"), grammar.lex.get("postpone_prepositions")
    if not verbs or not preps or not before:
        return False
    last = [w.lower() for w in before[-1 - _ARTICLES_BEFORE_DATE:]]
    if last[-1] not in preps and not (len(last) > 1 and last[-2] in preps
                                      and last[-1] in grammar.lex.get("attributive_determiners", ())):
        return False
    found = clause()
    lemmas = [lemma(w.lower(), grammar.lang) for w in found]
    words = set(lemmas)
    words.update(f"{a} {b.lower()}" for a, b in zip(lemmas, found[1:]))
    return any(v in words for v in verbs)
