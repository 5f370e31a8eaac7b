"""Places an analyst may choose when correcting an event: gazetteer entries found
by a typed name, the other entries a mentioned name may denote (the runner-ups
of its resolution), labelled "Name (CC, feature, pop. N)".

A choice is a PLACE dict (the contract's keys) plus ``population``;
:func:`as_place` drops what the contract does not hold before it is stored.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping, Optional

from geo.gazetteer import Candidate, Gazetteer, importance

PLACE_KEYS = ("name", "geonameid", "lat", "lon", "country_code", "feature")
MIN_PREFIX = 3       # characters typed before names that only begin so are offered


def _choice(c: Candidate) -> dict[str, Any]:
    out = c.place.to_dict()
    out["population"] = int(c.place.population or 0)
    return out


def _ranked(cands: Iterable[Candidate], limit: int) -> list[dict[str, Any]]:
    unique = {c.id: c for c in cands}
    best = sorted(unique.values(), key=lambda c: (-importance(c), c.place.name, c.id))
    return [_choice(c) for c in best[:limit]]


def search(gazetteer: Gazetteer, query: str, limit: int = 15) -> list[dict[str, Any]]:
    """Entries named *query* (names, aliases, transliterations), most important first;
    then, from MIN_PREFIX characters on, entries whose name begins with it."""
    query = (query or "").strip()
    if not query:
        return []
    found = _ranked(gazetteer.lookup(query), limit)
    if len(found) < limit and len(query) >= MIN_PREFIX:
        seen = {(p["geonameid"], p["name"], p["lat"]) for p in found}
        more = [c for key in gazetteer.names_starting(query, limit=200)
                for c in gazetteer.lookup(key, translit=False)]
        found += [p for p in _ranked(more, limit)
                  if (p["geonameid"], p["name"], p["lat"]) not in seen][:limit - len(found)]
    return found


def same_name(gazetteer: Gazetteer, names: Iterable[str],
              current: Optional[Mapping[str, Any]] = None, limit: int = 10) -> list[dict[str, Any]]:
    """The entries the *names* (a place's canonical name and the words the article
    used for it) may denote, *current* left out: the runner-up readings."""
    cands = [c for n in dict.fromkeys(n for n in names if n) for c in gazetteer.lookup(n)]
    return [p for p in _ranked(cands, limit + 1) if not same_place(p, current)][:limit]


def same_place(a: Optional[Mapping[str, Any]], b: Optional[Mapping[str, Any]]) -> bool:
    """Whether two PLACE dicts (or None) denote the same entry: the same GeoNames id,
    else the same name at the same coordinates (to 3 decimals)."""
    if not a or not b:
        return not a and not b
    if a.get("geonameid") and b.get("geonameid"):
        return a["geonameid"] == b["geonameid"]
    return (a.get("name"), round(float(a["lat"]), 3), round(float(a["lon"]), 3)) == \
        (b.get("name"), round(float(b["lat"]), 3), round(float(b["lon"]), 3))


def label(place: Mapping[str, Any]) -> str:
    """ "Vienna (AT, city, pop. 1,691,468)"; the population only when known."""
    parts = [place.get("country_code") or "?", place.get("feature") or "?"]
    if place.get("population"):
        parts.append(f"pop. {int(place['population']):,}")
    return f"{place.get('name')} ({', '.join(parts)})"


def as_place(choice: Mapping[str, Any]) -> dict[str, Any]:
    """The PLACE dict of a choice (an online entry keeps its ``source``)."""
    out = {k: choice.get(k) for k in PLACE_KEYS}
    if choice.get("source") is not None:
        out["source"] = choice["source"]
    return out
