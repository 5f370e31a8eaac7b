"""Which way a date without a year points, all cues together: the prepositions before it and
the tense of its clause (:mod:`extract.dates.tense`).

    date_direction(text, start, end, grammar, narrative) -> (tense, nearest)

``tense`` is +1 (ahead), -1 (back) or 0 (no cue); ``nearest`` asks for the nearest such
date either way (a time set ahead of a past act).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Callable, Sequence

from extract.dates.grammar import Grammar, norm
from records import languages
from records.model import Timex
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
    partner = _range_end_after(text, end, grammar) if word_before_in(text, start, grammar, "range_openers") else None
    if partner is not None:
        return date_direction(text, *partner, grammar, narrative)  # "Von Mittwoch 8.00 Uhr bis Sonntag": its end's way
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


_RANGE_REACH = 30  # characters from a range's first date to its closing word ("Mittwoch 8.00 Uhr bis")


def _range_end_after(text: str, end: int, grammar: Grammar) -> tuple[int, int] | None:
    """The span of the word after a range's closing word (``range_closers``: "bis", "to") that
    follows the date ending at ``end`` within a few words, or None: the range's other end."""
    closers = grammar.lex.get("range_closers")
    if not closers:
        return None
    for m in _WORD.finditer(text, end, min(len(text), end + _RANGE_REACH)):
        if m.group().lower() in closers:
            nxt = _WORD.search(text, m.end())
            return (nxt.start(), nxt.end()) if nxt else None
        if not (m.group().isdigit() or m.group().lower() in grammar.lex.get("range_fillers", ())):
            return None  # only a clock time may stand between ("von Mittwoch 8.00 Uhr bis")
    return None


_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def ordered_ranges(text: str, timexes: list[Timex], grammar: Grammar) -> list[Timex]:
    """A range of weekdays starts on or before its end: a start resolved after it ("Vom Montag
    bis Freitag hatte es geregnet" read Montag as yesterday) moves back a week, with the clock
    times of its day that follow it ("Von Mittwoch 8.00 Uhr bis ...")."""
    out = list(timexes)
    weekdays = grammar.lookup.get("weekdays", {})
    for i, t in enumerate(out):
        if t.type != "DATE" or not _DAY.fullmatch(t.value) or norm(t.text) not in weekdays \
                or not word_before_in(text, t.start, grammar, "range_openers"):
            continue
        partner = _range_end_after(text, t.end, grammar)
        j = next((k for k in range(i + 1, len(out)) if partner and out[k].start == partner[0]), None)
        if j is None or not _DAY.match(out[j].value) or out[j].value[:10] >= t.value:
            continue
        day = t.value
        earlier = (dt.date.fromisoformat(day) - dt.timedelta(days=7)).isoformat()
        for k in range(i, j):
            if out[k].value.startswith(day):
                out[k] = dataclasses.replace(out[k], value=earlier + out[k].value[10:])
    return out


_MIN_COMPOUND_HEAD = 6  # a noun of figures this long may end a compound ("Migrationszahlen"; not "daten": "Soldaten")
_FIGURE_REACH = 6  # words back from the preposition: "Figures from the Commerce Department for November"


def _figure_before(text: str, start: int, grammar: Grammar) -> bool:
    """Whether a noun of figures stands in the words before the preposition before ``start``,
    in its sentence ("exports for January", "die Zahlen für November"); where compounds are
    closed, also as a compound's head ("Die Migrationszahlen liegen erst für April bis Juni vor")."""
    nouns = grammar.lex.get("period_nouns")
    if not nouns:
        return False
    head = re.split(r"[.!?;:]\s", text[max(0, start - 80):start])[-1]
    words = [w.lower() for w in _WORD.findall(head)[-_FIGURE_REACH - 1:-1]]
    if languages.language(grammar.lang).closed_compounds:
        heads = tuple(n for n in nouns if len(n) >= _MIN_COMPOUND_HEAD)
        return any(w in nouns or w.endswith(heads) for w in words)
    return any(w in nouns for w in words)


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
