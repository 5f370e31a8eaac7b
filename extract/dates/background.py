"""Dates a history tells in passing: background that does not move the story's time
(the edge of a span, a flashback, an aside in brackets, a year that names a thing)."""
from __future__ import annotations

import re

from extract.dates.grammar import Grammar
from extract.dates.tense import as_set

_CLAUSE_WORDS = re.compile(r"[^\W\d]+|\d+")
_PASSING_REACH = 4  # words back from a date to a word that tells it in passing


def told_in_passing(text: str, start: int, grammar: Grammar, bare_year: bool) -> bool:
    """Whether a history mentions the date at ``start`` as background, which does not move
    the story's time: the edge of a span ("ab 1941", "bis zum 9. Januar 1916", "until the
    end of 1916"), a flashback ("Bereits beim Kriegsrat vom 8. Dezember 1912", "wie 1914"),
    an aside in brackets ("den Balkankriegen (1912/13)"), or a bare year naming a thing
    ("die Grenze von 1940")."""
    lex = grammar.lex
    clause = re.split(r"[.!?;:,–—]\s", text[max(0, start - 80):start])[-1]
    if clause.rfind("(") > clause.rfind(")"):
        return True
    words = _CLAUSE_WORDS.findall(clause)
    low = [w.lower() for w in words]
    articles = as_set(lex.get("passing_articles", []))  # (lower-case in the data)
    i = len(low) - 1
    while i >= 0 and low[i] in articles:
        i -= 1
    if i >= 0 and low[i] in as_set(lex.get("bound_prepositions", [])):
        return True
    if not as_set(lex.get("flashback_words", [])).isdisjoint(low[-_PASSING_REACH:]):
        return True
    if not bare_year or len(words) < 2 or not clause.endswith(words[-1] + " "):
        return False
    if words[-1][:1].isupper():
        return True  # a name's year: "vor Verdun 1916", "des Jahrgangs 1900"
    return low[-1] in as_set(lex.get("designation_prepositions", [])) and words[-2][:1].isupper() \
        and low[-2] not in articles
