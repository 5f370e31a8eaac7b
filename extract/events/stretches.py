"""A counted stretch that starts or ends on the report's day, as the dates of an event in it.

    stretch(tx, tokens, idx, lex, doc_date) -> (first day, last day, precision) or None

"will sich in den kommenden 14 Tagen mit den anderen treffen", "will meet them in the next two
weeks", "over the past three months": TIMEX3 calls these durations (P14D, P2W, P3M) and the
timex stays one. But a duration after a word that points from now has the publication date as
one end, so an event told inside it happens between the two. The words are those that make
"next week" and "letzte Woche" (``rel`` of the timex grammar, not the anaphoric "following",
"previous"), and ``stretch_back`` ("the past three months"). Years are left out: "over the
next ten years" is the term of a deal, not when it happens.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from extract.dates import calendar as cal
from extract.dates.grammar import load_grammar
from extract.events.lexicon import EventLexicon
from extract.text.document import Token
from records.model import Timex

_COUNTED = re.compile(r"P(\d+)([DWM])")


def stretch(tx: Timex, tokens: list[Token], idx: int, lex: EventLexicon,
            doc_date: Optional[dt.date]) -> Optional[tuple[dt.date, dt.date, str]]:
    """The days of a counted duration that starts or ends on ``doc_date``, or None."""
    m = _COUNTED.fullmatch(tx.value or "")
    if tx.type != "DURATION" or doc_date is None or m is None:
        return None
    count = next((k for k in range(idx, len(tokens)) if tokens[k].start < tx.end
                  and (tokens[k].text.isdigit() or lex.goods.is_number(tokens[k].low))), None)
    if count is None or count == 0:
        return None
    grammar = load_grammar(lex.lang)
    lookup, word = grammar.lookup, tokens[count - 1].low
    sign = -1 if word in grammar.lex.get("stretch_back", ()) else lookup["rel"].get(word, 0)
    if sign == 0 or word in lookup["anaphoric_rel"]:
        return None
    other = cal.add_units(doc_date, sign * int(m.group(1)), m.group(2))
    if other is None:
        return None
    return (doc_date, other, "day") if sign > 0 else (other, doc_date, "day")
