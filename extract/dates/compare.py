"""The period a comparison with a year before refers to.

Reports of figures compare a period with the same period a year earlier: "a third-quarter
loss of $2.3 million, versus net income of $5.3 million a year earlier" means the third
quarter of the year before, not the whole year; "the year-ago quarter", "im
Vorjahresquartal" likewise, and "the quarter" is the one last named. A year-back expression takes, in this order, the period the
same sentence last named before it (a quarter, a day: "for the quarter ended Sept. 30 ...
a year earlier"), else the quarter the text last reported on; a stretch in the sentence
("for the nine months ... a year earlier"), no figure in the sentence ("He left a year
ago") or no period at all leaves the year. Which expressions compare is language data
(``year_back`` in the lexicon).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from extract.dates.grammar import Grammar
from extract.dates.values import Resolved
from records.model import Timex

_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"'(])|\n\s*\n")
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"\w+")
_SENTENCE_REACH = 300  # characters each way
_FOCUS_YEARS = 1  # a reported quarter at most this many years from the publication year


def _has_figure(text: str, start: int, end: int, grammar: Grammar) -> bool:
    """Whether the sentence around ``start:end`` gives a figure (a number outside the span):
    a comparison of results, not a story ("He left a year ago"); a number word counts ("um fünf Prozent")."""
    ends = list(_SENTENCE_END.finditer(text, max(0, start - _SENTENCE_REACH), start))
    lo = ends[-1].end() if ends else max(0, start - _SENTENCE_REACH)
    after = _SENTENCE_END.search(text, end, end + _SENTENCE_REACH)
    hi = after.start() if after else min(len(text), end + _SENTENCE_REACH)
    if _DIGIT.search(text, lo, start) or _DIGIT.search(text, end, hi):
        return True
    numbers = grammar.lookup.get("numbers", {})  # "um fünf Prozent"
    return any(w.lower() in numbers for w in _WORD.findall(text[lo:start] + " " + text[end:hi]))


def compared_period(text: str, start: int, end: int, value: str, before: list[Timex],
                    grammar: Grammar, doc_date: dt.date) -> Optional[str]:
    """The value of the period a year-back expression at ``start:end`` compares with, or
    None to keep ``value`` (the year)."""
    if grammar.year_back is None or not grammar.year_back.fullmatch(text[start:end].strip()):
        return None
    if not re.fullmatch(r"\d{4}", value) or not _has_figure(text, start, end, grammar):
        return None
    in_sentence = True
    for t in reversed(before):
        if in_sentence and _SENTENCE_END.search(text, t.end, start):
            in_sentence = False
        if grammar.year_back.fullmatch(t.text.strip()):
            continue  # an earlier comparison is no period reported on
        if in_sentence and t.type == "DURATION":
            return None  # "for the nine months ... a year earlier": the stretch a year before, a year
        if t.type != "DATE":
            continue
        q = _QUARTER.fullmatch(t.value)
        if q and abs(int(q.group(1)) - doc_date.year) <= _FOCUS_YEARS:
            return f"{int(q.group(1)) - 1:04d}-Q{q.group(2)}"
        d = _DAY.fullmatch(t.value)
        if in_sentence and d:
            try:
                return dt.date(int(d.group(1)) - 1, int(d.group(2)), int(d.group(3))).isoformat()
            except ValueError:
                return None  # 29 February
    return None


def reported_quarter(before: list[Timex], grammar: Grammar, doc_date: dt.date) -> Optional[str]:
    """The quarter "the quarter" refers back to: the last one the text named within a year
    of the publication (not a comparison's year-back quarter), or None."""
    for t in reversed(before):
        if t.type != "DATE" or grammar.year_back is not None and grammar.year_back.fullmatch(t.text.strip()):
            continue
        q = _QUARTER.fullmatch(t.value)
        if q and abs(int(q.group(1)) - doc_date.year) <= _FOCUS_YEARS:
            return t.value
    return None


def period_of_report(kind: str, groups: dict, text: str, start: int, end: int, res: Resolved, before: list[Timex],
                     grammar: Grammar, doc_date: dt.date, narrative: bool) -> Optional[Resolved]:
    """``res`` with the period a report speaks of: "the quarter" the one last named (None
    when there is none), a year-back comparison its period a year before."""
    if kind == "reported_period":
        value = None if narrative else reported_quarter(before, grammar, doc_date)
        if value and groups.get("year"):
            value = f"{groups['year']}-{value[5:]}"  # "the 1988 quarter": that quarter in 1988
        return Resolved(value, True) if value else None
    if res.type != "DATE" or narrative:
        return res
    value = compared_period(text, start, end, res.value, before, grammar, doc_date)
    return Resolved(value, res.anchored) if value else res
