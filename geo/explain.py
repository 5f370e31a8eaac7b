"""Why a name was resolved to its entry: the runner-ups and the reason in a few words.

:func:`explanation` turns the ranked rows of one span (geo.features.Scored, best
first) into the ``explain`` extension of a place mention (``python -m extract
--explain``)::

    {"by": "ranker" | "rules", "reason": "capital; 3 other places in UA; 7 km from Kyiv",
     "candidates": [{"name", "country_code", "feature", "population", "geonameid",
                     "lat", "lon", "score"}, ...]}

``score`` is the ranker's probability that the entry is the one meant (``by:
"ranker"``), or the hand-tuned score (``by: "rules"``, a log scale).
"""
from __future__ import annotations

from typing import Optional, Sequence

from geo.features import Scored

TOP = 3  # candidates listed


def explanation(rows: Sequence[Scored], probs: Optional[Sequence[float]], qualifier: Optional[str],
                hint: Optional[str]) -> dict:
    """The explain dict of a span whose candidates are ``rows``, best first; ``probs``: the
    ranker's probabilities of the first rows (None: the hand-tuned order decided)."""
    cands = []
    for k, r in enumerate(rows[:TOP]):
        p = r.cand.place
        score = probs[k] if probs is not None and k < len(probs) else r.hand
        cands.append({"name": p.name, "country_code": p.country_code, "feature": p.feature,
                      "population": int(p.population or 0), "geonameid": p.geonameid,
                      "lat": round(float(p.lat), 5), "lon": round(float(p.lon), 5),
                      "score": round(float(score), 3)})
    return {"by": "rules" if probs is None else "ranker", "reason": reason(rows, qualifier, hint),
            "candidates": cands}


def reason(rows: Sequence[Scored], qualifier: Optional[str] = None, hint: Optional[str] = None) -> str:
    """The chosen row's (``rows[0]``) signals in words, strongest first."""
    best = rows[0]
    c, p = best.cand, best.cand.place
    words = []
    if "qualified" in best.rules and qualifier:
        words.append(f"qualified by {qualifier}")
    if "holds_inner" in best.rules:
        words.append("holds the place named before it")
    if "hinted" in best.rules and hint:
        words.append(f"named as a place of {hint}")
    if "facility_words" in best.rules:
        words.append("a building's name")
    if "region_words" in best.rules:
        words.append("called a region")
    if p.feature == "country":
        words.append("country")
    elif c.capital:
        words.append("capital")
    if len(rows) == 1:
        words.append("the only place so named")
    elif all(best.prior >= r.prior for r in rows):
        words.append(f"most prominent of {len(rows)} so named" if p.feature != "city"
                     else f"most populous of {len(rows)} so named")
    else:
        words.append(f"{len(rows) - 1} other places so named")
    if best.count:
        other = "other place" if best.count == 1 else "other places"
        words.append(f"{best.count} {other} in {p.country_code}")
    if best.near and best.nearest_name and p.feature != "country":
        words.append(f"{best.nearest_km:.0f} km from {best.nearest_name}")
    if c.match == "translit":
        words.append("spelling matched by transliteration")
    return "; ".join(words)
