"""What looks like a date but is none here: a relative word as an adjective or a programme's
name, a year that ends a name, a season that names an era, two years joined by a dash that are each a date.

    not_a_date_here(text, candidate, grammar), named_season(text, candidate),
    span_of_years(text, candidate) -> bool

The candidates are the tagger's pattern matches (:class:`extract.dates.tagger.Candidate`:
``start``, ``end``, ``kind``, ``groups``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from extract.dates.grammar import Grammar
from extract.dates.tense import in_name


_NEXT_WORD = re.compile(r"\s*([\w-]+)")


_WORD_BEFORE = re.compile(r"([\w-]+)\s+$")


def not_a_date_here(text: str, c, grammar: Grammar) -> bool:
    """A relative word as an adjective ("the year-long quota period", "a day-long strike") or as
    a programme's title ("the BBC's Today programme", "he told Today:"), or a year that ends a
    name (``year_name_heads``: "Global 2000", "Agenda 2010", "Expo 2000"): no date."""
    if c.kind == "date" and re.fullmatch(r"\d{4}", text[c.start:c.end]):
        m = _WORD_BEFORE.search(text, max(0, c.start - 30), c.start)
        return bool(m) and m.group(1) in grammar.lex.get("year_name_heads", ())
    if c.kind not in ("deictic", "rel", "duration"):
        return False
    if text[c.end:c.end + 1] == "-" and text[c.end + 1:c.end + 2].isalpha():
        return True
    if c.kind == "deictic" and text[c.start:c.end].lower() in _small_deictics(grammar) and in_name(text, c.start):
        return True  # "he told Today:", "in der Sendung Heute": a word written small, capitalised inside a sentence, names a programme
    m = _NEXT_WORD.match(text, c.end)
    return bool(m) and m.group(1).lower() in grammar.lex.get("title_heads", ()) and text[c.start].isupper()


@lru_cache(maxsize=None)
def _small_deictics_of(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w for w in words if w.islower() and " " not in w)


def _small_deictics(grammar: Grammar) -> frozenset[str]:
    """The one-word deictic words the lexicon writes small ("today", "heute"; not "Vorjahr")."""
    return _small_deictics_of(tuple(grammar.lex["deictic"]))


_WORD_BEFORE = re.compile(r"(\w+)\s+$")
_NAME_ENDINGS = ("er", "en", "es", "e")  # "Prager Frühling", "des Arabischen Frühlings", "Heißer Herbst"


_OF_WHAT = re.compile(r"\s+(\w+)\s+(\w+)")


def season_homograph(text: str, c, grammar: Grammar) -> bool:
    """A season word that is also a noun of another sense, in that sense: "the fall of Hu
    Yaobang", "the fall of the Berlin Wall" (a downfall); "the fall of 1987" stays a season."""
    season = c.groups.get("season") or ""
    words = grammar.lex.get("season_homographs", {})
    if season.lower() not in words:
        return False
    m = _OF_WHAT.match(text, c.end)
    return bool(m) and m.group(1).lower() in words[season.lower()] and not m.group(2).isdigit()


def named_season(text: str, c) -> bool:
    """A season after a capitalised adjective or name is an era's name, not a date ("des
    Arabischen Frühlings 2011", "the Arab Spring", "Prager Frühling")."""
    season = c.groups["season"]
    at = text.find(season, c.start, c.end)
    m = _WORD_BEFORE.search(text, max(0, at - 30), at) if at >= 0 else None
    if not m or not m.group(1)[:1].isupper() or not text[at].isupper():
        return False
    before = text[:m.start(1)].rstrip()
    if not before or before[-1] in ".!?:\n\"„“":
        return False  # the sentence's first word: "Im Sommer", "Late Spring"
    return m.group(1).lower().endswith(_NAME_ENDINGS) or not season[:1].islower() and season.istitle() and m.group(1).istitle()


def span_of_years(text: str, c) -> bool:
    """"1939-45", "1914–1918": two years joined by a dash, each a date of its own; only a
    year and the next one so joined are one split year ("2003-04", "1987-88": a season, a
    fiscal year), like any two with a slash ("1987/92")."""
    if c.kind != "split_year" or "/" in text[c.start:c.end]:
        return False
    y1, tail = int(c.groups["year"]), c.groups["year2"]
    return int(tail) % 100 != (y1 + 1) % 100
