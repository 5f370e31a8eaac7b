"""The values a resolver works with: the match's groups, the language's maps, the
:class:`Context` of the candidate and the :class:`Resolved` value, and the readers of
numbers, years and months every resolver shares."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from extract.dates.grammar import norm

Groups = dict[str, Optional[str]]
Maps = dict[str, dict]


@dataclass(frozen=True)
class Context:
    """What a resolver may depend on besides the match itself."""

    doc_date: dt.date
    anchor: dt.date  # the publication date, or in a narrative the last date mentioned
    narrative: bool
    tense: int  # -1 past, +1 future, 0 unknown (cues in the clause around the candidate)
    nearest: bool = False  # a time set ahead of a past act ("had arranged for Tuesday"): the nearest one


@dataclass(frozen=True)
class Resolved:
    """A value with its TIMEX3 type; ``anchored`` when the anchor date mattered."""

    value: str
    anchored: bool
    type: str = "DATE"


def number(word: Optional[str], maps: Maps) -> Optional[float]:
    """'3', '2,5', 'three', 'twenty four' -> a number; None when unknown."""
    if word is None:
        return None
    key = norm(word)
    if key in maps["numbers"]:
        return maps["numbers"][key]
    digits = key.replace(",", ".")
    if re.fullmatch(r"\d+(\.\d+)?", digits):
        return float(digits) if "." in digits else int(digits)
    total = 0
    for part in re.split(r"[-\s]+", key):
        if part not in maps["numbers"]:
            return None
        total += maps["numbers"][part]
    return total


def year_of(text: Optional[str], ctx: Optional["Context"] = None) -> Optional[int]:
    """A four-digit year, or a two-digit one read as the latest 19xx/20xx up to ten
    years after the publication date (2000 when no context is given)."""
    if not text:
        return None
    y = int(text)
    if len(text) == 2:
        limit = (ctx.doc_date.year if ctx else 2000) + 10
        return 2000 + y if 2000 + y <= limit else 1900 + y
    return y


def spelled_year(text: Optional[str], maps: Maps) -> Optional[int]:
    """'nineteen ninety-six' -> 1996, 'nineteen oh five' -> 1905, 'two thousand and one' -> 2001."""
    if not text:
        return None
    words = " ".join(text.lower().replace("-", " ").split())
    for head, base in sorted(maps["spelled_years"].items(), key=lambda kv: -len(kv[0])):
        if words == head or words.startswith(head + " "):
            rest = [w for w in words[len(head):].split() if w not in maps["spelled_year_fillers"]]
            total = sum(maps["numbers"].get(w, 0) for w in rest)
            if all(w in maps["numbers"] for w in rest) and total < 100 and (rest or not base % 1000):
                return base + int(total)
    return None


def month_of(g: Groups, maps: Maps, suffix: str = "") -> Optional[int]:
    """The month of group ``month<suffix>`` (a name) or ``monthnum<suffix>`` (a number)."""
    name = g.get("month" + suffix)
    if name:
        key = norm(name).rstrip(".")
        return maps["months"].get(key) or maps["month_abbrevs"].get(key)
    num = g.get("monthnum" + suffix)
    return int(num) if num else None
