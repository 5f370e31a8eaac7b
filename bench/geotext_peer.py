"""``geotext`` (pip) as the fast offline peer, scored by the same scorer.

geotext returns names only (``.cities``, ``.countries``, each in text order) —
no offsets, no coordinates. We give each returned name the span of its next
unused occurrence in the text (whole-word match), and resolve it with the same
simple population heuristic for everyone: the most populous candidate of
``geo.gazetteer.default_gazetteer().lookup(name)``. A name the gazetteer lacks
stays a recognised mention without coordinates (it counts for P/R/F1, never for
acc@161km).
"""
from __future__ import annotations

import re
import time
from typing import Callable, Optional


def spans_for_names(text: str, names: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, name) for each name in order, at its next whole-word occurrence."""
    cursor: dict[str, int] = {}
    out = []
    for name in names:
        pos = cursor.get(name, 0)
        m = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)").search(text, pos)
        if not m:
            continue
        cursor[name] = m.end()
        out.append((m.start(), m.end(), name))
    out.sort()
    # a city and a country on the same characters ("Georgia") count once
    dedup, last_end = [], -1
    for s, e, n in out:
        if s >= last_end:
            dedup.append((s, e, n))
            last_end = e
    return dedup


def most_populous(candidates) -> Optional[object]:
    """The candidate whose place has the largest population (ties: first)."""
    best = None
    for c in candidates:
        if best is None or (c.place.population or 0) > (best.place.population or 0):
            best = c
    return best


def mention(text: str, start: int, end: int, place) -> dict:
    """A contract PLACE_MENTION for a geotext name (place may be None)."""
    base = {"name": text[start:end], "geonameid": None, "lat": None, "lon": None,
            "country_code": None, "feature": "other"}
    if place is not None:
        base = place.to_dict()
    base.update(text=text[start:end], start=start, end=end, confidence=1.0)
    return base


def run(docs: list[dict], lookup: Callable) -> dict:
    """geotext over ``docs``: a CLI-shaped result plus timings (names only, and with resolution)."""
    t0 = time.perf_counter()
    from geotext import GeoText  # builds its index at import

    import_s = time.perf_counter() - t0
    found, t_names = [], 0.0
    for d in docs:
        t = time.perf_counter()
        g = GeoText(d["text"])
        t_names += time.perf_counter() - t
        found.append(g.countries + g.cities)
    t_res = time.perf_counter()
    out = []
    for d, names in zip(docs, found):
        text = d["text"]
        places = []
        for s, e, name in spans_for_names(text, names):
            best = most_populous(lookup(name))
            places.append(mention(text, s, e, best.place if best else None))
        out.append({"id": d["id"], "lang": d.get("lang") or "en", "doc_date": d.get("doc_date") or "",
                    "places": places, "timexes": [], "events": []})
    t_res = time.perf_counter() - t_res
    return {"result": {"documents": out, "errors": []}, "import_s": import_s,
            "names_s": t_names, "resolve_s": t_res}
