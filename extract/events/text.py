"""Phrases and organisations in the event step's clause tokens (extract.text.document)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from extract.events.lexicon import EventLexicon
from extract.text.document import Token


def in_name(tokens: list[Token], k: int, lex: EventLexicon) -> bool:
    """An English common word written capitalised next to another capitalised word inside the
    sentence is part of a name ("British and Commonwealth Shipping", "the International Coffee
    Organization"), not the goods or the event it would name written small. German capitalises
    every noun, and a sentence's first word or a line in capitals tells nothing."""
    t = tokens[k]
    if lex.nouns_capitalised or k == 0 or not t.cap or t.text.isupper() or t.text[:-1].isupper():
        return False  # (nor an acronym's plural: "The SUVs")
    return k > 1 and tokens[k - 1].cap and tokens[k - 1].text.isalpha() \
        or k + 1 < len(tokens) and tokens[k + 1].cap and tokens[k + 1].text.isalpha()


def past_modifiers(tokens: list[Token], i: int, lex: EventLexicon, reach: int = 2) -> int:
    """The index before the written-small modifiers (at most ``reach``) right before the noun at
    ``i``: its article in "at a monthly meeting", "beim nächsten Gipfel"."""
    k = i - 1
    while k >= max(0, i - reach) and tokens[k].text.isalpha() and tokens[k].text.islower() \
            and tokens[k].clause == tokens[i].clause and tokens[k].low not in lex.articles and tokens[k].low not in lex.pp_openers \
            and tokens[k].low not in lex.genitive_articles and tokens[k].low not in lex.plan_prepositions:  # ("the cost of meeting")
        k -= 1
    return k


def after_conjunction(tokens: list[Token], lo: int, i: int, lex: EventLexicon) -> int:
    """The first index from ``lo`` that lies in the subordinate clause holding ``i``: after the
    last conjunction between them ("the council delayed the vote because the ministers meet":
    "the vote" is not what they meet). English clauses often lack the comma German writes; German
    sets one before every subordinate clause, so a conjunction's word inside a clause is no
    conjunction there ("nach mehr als sechsstündigen Beratungen", "bis zum Abend")."""
    if lex.verb_final:
        return lo
    return max([lo] + [j + 1 for j in range(lo, i) if tokens[j].low in lex.subordinators])


def phrase_before(tokens: list[Token], i: int, phrases) -> Optional[tuple[str, ...]]:
    """The longest cue phrase that ends right before token ``i`` in the same clause."""
    for ph in phrases:
        n = len(ph)
        if i - n < 0:
            continue
        window = tokens[i - n:i]
        if all(t.clause == tokens[i].clause for t in window) and tuple(t.low for t in window) == ph:
            return ph
    return None


def find_organisations(text: str, start: int, end: int, lex: EventLexicon) -> list[tuple[str, int]]:
    """Known organisations named in ``text[start:end]`` (as written, with offsets)."""
    out = []
    sent = text[start:end]
    for org, regex in _org_patterns(lex.organisations):
        if org not in sent:
            continue
        for m in regex.finditer(sent):
            if not any(s <= start + m.start() < s + len(o) for o, s in out):
                out.append((org, start + m.start()))
    # one name per actor: "UN" and "Vereinten Nationen" are one (the offsets keep the spans)
    out = [(lex.organisation_names.get(o, o), s) for o, s in out]
    return sorted(out, key=lambda x: x[1])


@lru_cache(maxsize=8)
def _org_patterns(orgs: tuple[str, ...]) -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((org, re.compile(r"(?<![\w])" + re.escape(org) + r"(?![\w])")) for org in orgs)
