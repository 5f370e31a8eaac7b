"""Organisations that send or receive goods, with their home country
(``data/organisations.csv``; see ``data/ORGANISATIONS.md``)."""
from __future__ import annotations

import re
from functools import lru_cache

from records.actors import organisation_names, organisation_rows

ORG_CONFIDENCE = 0.45  # marks a pseudo place mention that stands for an organisation's home country


@lru_cache(maxsize=1)
def _table() -> tuple[re.Pattern, dict[str, str]]:
    names: dict[str, str] = {}
    for row in organisation_rows():
        home = row["country_code"].strip().upper() or (row.get("seat") or "").strip()
        for name in organisation_names(row):
            names[name] = home
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + alternation + r")(?![\w-])"), names


def home_countries(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, home) of every known organisation named in ``text[start:end]``: home is
    the ISO code of its country, or for a bloc of states the city of its seat ("Brussels")."""
    regex, names = _table()
    return [(m.start(), m.end(), names[m.group()]) for m in regex.finditer(text, start, end)]


@lru_cache(maxsize=1)
def makers() -> frozenset[str]:
    """The first words of the names of manufacturers ("Boeing", "Airbus", "McDonnell"): a model
    number after one is goods ("The Boeing 767s", "Airbus A320")."""
    return frozenset(name.split()[0] for row in organisation_rows() if row.get("kind", "").strip() == "manufacturer"
                     for name in organisation_names(row))
