"""One name per actor: the names an organisation goes by (``data/organisations.csv`` with
its ``alt_names``, and the events lexicons' ``organisation_names``, in every language)
form one group; a short form of a person listed in full ("Putin" beside "Wladimir
Putin") is that person."""
from __future__ import annotations

import csv
import json
import re
from functools import lru_cache
from typing import Iterable

from records.paths import DATA_DIR, LEXICON_DIR


@lru_cache(maxsize=1)
def organisation_rows() -> tuple[dict[str, str], ...]:
    """The rows of ``data/organisations.csv`` (see data/ORGANISATIONS.md), read once."""
    with open(DATA_DIR / "organisations.csv", encoding="utf-8", newline="") as f:
        return tuple(csv.DictReader(f))


def organisation_names(row: dict[str, str]) -> list[str]:
    """A row's name and its ``alt_names``, stripped."""
    return [row["name"].strip(), *(a.strip() for a in (row.get("alt_names") or "").split("|") if a.strip())]


@lru_cache(maxsize=1)
def _groups() -> dict[str, int]:
    """name -> number of its group (names of one organisation share a number)."""
    pairs: list[list[str]] = [organisation_names(row) for row in organisation_rows()]
    for path in sorted(LEXICON_DIR.glob("events_*.json")):
        names = json.loads(path.read_text(encoding="utf-8")).get("organisation_names") or {}
        pairs += [[k, v] for k, v in names.items()]
    group: dict[str, int] = {}
    for names in pairs:      # union: a name seen in two lists joins both groups
        known = sorted({group[n] for n in names if n in group})
        number = known[0] if known else len(group)
        for n, g in list(group.items()):
            if g in known:
                group[n] = number
        for n in names:
            group[n] = number
    return group


@lru_cache(maxsize=1)
def _multiword_names() -> re.Pattern:
    """The names of several words of the companies and agencies in ``organisations.csv``
    ("McDonnell Douglas"), longest first (not the lexicons' names: "Weißes Haus" is a venue)."""
    names = [n for row in organisation_rows() for n in organisation_names(row) if " " in n]
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + alternation + r")(?![\w-])")


def organisation_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every listed organisation's name of several words in ``text``: the words
    inside it name the organisation, not a place ("McDonnell Douglas" holds no town Douglas)."""
    return [(m.start(), m.end()) for m in _multiword_names().finditer(text)]


def aliases(name: str) -> list[str]:
    """Every name of the organisation *name* is one of, longest first (itself alone when unknown)."""
    groups = _groups()
    if name not in groups:
        return [name]
    return sorted((n for n, g in groups.items() if g == groups[name]), key=lambda n: (-len(n), n))


def _short_form(short: str, full: str) -> bool:
    """``short``'s words open or close the longer name ``full`` ("Putin" / "Wladimir Putin")."""
    a, b = short.split(), full.split()
    return len(a) < len(b) and (b[-len(a):] == a or b[:len(a)] == a)


def one_name_per_actor(actors: Iterable[str]) -> list[str]:
    """*actors* with every alias of an organisation listed before dropped (the first name
    told stays) and every short form of a longer listed name dropped (the full name stays)."""
    groups = _groups()
    names = [str(a) for a in actors if str(a).strip()]
    out: list[str] = []
    seen_groups: set[int] = set()
    for name in names:
        g = groups.get(name)
        if g is not None and g in seen_groups or name in out:
            continue
        if any(_short_form(name, other) and (g is None or groups.get(other) != g) for other in names):
            continue
        if g is not None:
            seen_groups.add(g)
        out.append(name)
    return out
