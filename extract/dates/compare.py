"""The period a comparison with a year before refers to.

Reports of figures compare a period with the same period a year earlier: "a third-quarter
loss of $2.3 million, versus net income of $5.3 million a year earlier" means the third
quarter of the year before, not the whole year; "the year-ago quarter", "im
Vorjahresquartal" likewise, and "the quarter" is the one last named. A year-back expression
takes a day its sentence named before it ("for the quarter ended Sept. 30 ... a year
earlier"), else the quarter the report last named itself; a stretch in the sentence ("for
the nine months ... a year earlier"), no figure in the sentence ("He left a year ago") or no
period at all leaves the year. Which expressions compare is language data (``year_back`` in
the lexicon).
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
    ends = list(_SENTENCE_END.finditer(text, max(0, start - _SENTENCE_REACH), start + 1))  # (its lookahead)
    lo = ends[-1].end() if ends else max(0, start - _SENTENCE_REACH)
    after = _SENTENCE_END.search(text, end, end + _SENTENCE_REACH)
    hi = after.start() if after else min(len(text), end + _SENTENCE_REACH)
    if _DIGIT.search(text, lo, start) or _DIGIT.search(text, end, hi):
        return True
    numbers = grammar.lookup.get("numbers", {})  # "um fünf Prozent"
    return any(w.lower() in numbers for w in _WORD.findall(text[lo:start] + " " + text[end:hi]))


def is_comparison(text: str, start: int, end: int, grammar: Grammar) -> bool:
    """Whether the expression at ``start:end`` compares figures with a year before ("up from
    $5.3 million a year earlier"): counted from the report's period, not from the last date
    told, as "A year earlier he had left" is."""
    return grammar.year_back is not None and bool(grammar.year_back.fullmatch(text[start:end].strip())) \
        and _has_figure(text, start, end, grammar)


class ReportFocus:
    """The quarter a report speaks of as its text goes: the last quarter it named itself
    (not one a comparison or "the 1988 quarter" derived), within a year of publication."""

    def __init__(self, grammar: Grammar, doc_date: dt.date, narrative: bool):
        self.grammar, self.doc_date, self.narrative = grammar, doc_date, narrative
        self.quarter: Optional[tuple[int, int]] = None  # (year, quarter)

    def resolve(self, kind: str, groups: dict, text: str, start: int, end: int, res: Resolved,
                before: list[Timex]) -> Optional[Resolved]:
        """``res`` with the period the report speaks of: "the quarter" the one last named (None
        when there is none), a year-back comparison its period a year before."""
        if self.narrative:
            return None if kind == "reported_period" else res
        if kind == "reported_period":
            if self.quarter is None:
                return None
            year = int(groups["year"]) if groups.get("year") else self.quarter[0]  # "the 1988 quarter"
            return Resolved(f"{year:04d}-Q{self.quarter[1]}", True)
        if res.type != "DATE":
            return res
        q = _QUARTER.fullmatch(res.value)
        if kind == "quarter" and q and abs(int(q.group(1)) - self.doc_date.year) <= _FOCUS_YEARS:
            self.quarter = (int(q.group(1)), int(q.group(2)))
            return res
        if not re.fullmatch(r"\d{4}", res.value) or not is_comparison(text, start, end, self.grammar):
            return res
        value = self._compared(text, start, before)
        return Resolved(value, res.anchored) if value else res

    def _compared(self, text: str, start: int, before: list[Timex]) -> Optional[str]:
        """A day the sentence named before the comparison a year back, else the report's
        quarter a year back; None (the year) after a stretch in the sentence or with no period."""
        for t in reversed(before):
            if _SENTENCE_END.search(text, t.end, start + 1):
                break
            if t.type == "DURATION":
                return None  # "for the nine months ... a year earlier": the stretch a year before, a year
            d = _DAY.fullmatch(t.value) if t.type == "DATE" else None
            if d:
                try:
                    return dt.date(int(d.group(1)) - 1, int(d.group(2)), int(d.group(3))).isoformat()
                except ValueError:
                    return None  # 29 February
        if self.quarter is None:
            return None
        return f"{self.quarter[0] - 1:04d}-Q{self.quarter[1]}"
