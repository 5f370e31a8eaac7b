"""Dates that tell when figures stand, not when an event happened: the baseline a figure is
compared with ("up from 17,359 tonnes in 1985") and the day figures came out ("Figures
released earlier this year showed ...")."""
from __future__ import annotations

from extract.events.lexicon import EventLexicon
from extract.text.document import Token
from extract.text.lemmas import lemma


_BASELINE_REACH = 5  # words back from a date to a word of comparison ("up from 17,359 tonnes in 1985")


def is_baseline(tokens: list[Token], idx: int, clause: int, lex: EventLexicon) -> bool:
    """Whether the date at token ``idx`` is what a figure is compared with."""
    for k in range(max(0, idx - _BASELINE_REACH), idx):
        t = tokens[k]
        if t.clause != clause:
            continue
        if t.low in lex.baseline_markers:
            return True
        if t.low in lex.baseline_adjacent and k and tokens[k - 1].low in lex.baseline_directions:
            return True  # "up from 17,359 in 1985"
        if t.low in lex.baseline_adjacent and k == idx - 1 and any(
                tokens[j].text[:1].isdigit() or tokens[j].low in lex.percent_words
                for j in range(k) if tokens[j].clause == clause):
            return True  # "rose 14.6 pct from a year earlier"; not "deliveries from 2009", a start
    return False


def is_publication_date(tokens: list[Token], idx: int, clause: int, lex: EventLexicon) -> bool:
    """Whether the date at token ``idx`` tells when figures came out ("Figures released earlier
    this year showed exports at a high in 2004", "die am Montag veröffentlichten Zahlen"): a
    noun of figures and a verb of publishing (lemma) next to each other just before or after it."""
    if not lex.figure_nouns or not lex.publication_verbs:
        return False
    near = [k for k in range(max(0, idx - 4), min(len(tokens), idx + 4)) if tokens[k].clause == clause]
    for k in near:
        if lemma(tokens[k].low, lex.lang) in lex.publication_verbs:
            if any(j in near and tokens[j].low in lex.figure_nouns for j in (k - 1, k + 1, k + 2)):
                return True
    return False
