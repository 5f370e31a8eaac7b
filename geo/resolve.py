"""Toponym resolution: pick one gazetteer entry per recognised name.

Each candidate is scored by its importance (population, feature, capital),
how it matched (name, alias, transliteration), the document's country context
(countries it names, and the countries of its unambiguous places), a qualifier
that follows it ("Paris, Texas"; "Najin, Nordkorea"), a nationality before it ("im
polnischen Płock"), facility words around it
("Raumfahrtzentrum Wostotschny") and its distance to the document's other
unambiguous places. The margin over the runner-up gives the confidence.
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Protocol, Sequence

from records.model import Mention
from geo.distance import NearIndex, place_km
from geo.gazetteer import MATCH_ALIAS, MATCH_NAME, MATCH_TRANSLIT, Candidate, importance
from geo.translit import fold

MATCH_BONUS = {MATCH_NAME: 0.5, MATCH_ALIAS: 0.3}
COUNTRY_CONTEXT = 4.0  # times the share of the document's unambiguous places in that country
QUALIFIER = 4.0
FACILITY = 3.0
NEAR_KM = 400.0
NEAR_BONUS = 0.7
NEAR_MAX = 2.0
UNAMBIGUOUS_RATIO = 20.0


class Span(Protocol):
    text: str
    start: int
    end: int
    candidates: list[Candidate]
    score: float
    facility_context: bool
    region_context: bool
    qualifier: int | None
    country_hint: str | None


def _prior(c: Candidate) -> float:
    return importance(c) + MATCH_BONUS.get(c.match, 0.0)


def _anchor(span: Span) -> Candidate | None:
    """The entry of a name that is unambiguous on its own (one candidate, or one that dwarfs the rest)."""
    cands = sorted((c for c in span.candidates if c.place.feature != "city" or c.place.population >= 1000),
                   key=_prior, reverse=True) or span.candidates
    if len(cands) == 1:
        return cands[0]
    # a country or region that dwarfs its namesakes; a big city does not ("Paris" in Illinois news)
    if cands[0].place.feature != "city" and _prior(cands[0]) - _prior(cands[1]) >= math.log10(UNAMBIGUOUS_RATIO):
        return cands[0]
    return None


def resolve(spans: Sequence[Span]) -> list[Mention]:
    """One mention per span, with the chosen place and a confidence in 0..1.

    Two passes: each name is first resolved on its own (prior, qualifier,
    facility words); the countries of those first choices, from names other
    than the one being resolved, then form the document's country context.
    """
    anchors = {k: a for k, s in enumerate(spans) if (a := _anchor(s)) is not None}
    qualified_by = {s.qualifier: k for k, s in enumerate(spans) if s.qualifier is not None}
    local = [_score_local(spans, k, qualified_by) for k in range(len(spans))]
    first = [max(sc, key=lambda t: (t[0], -t[1].id))[1] for sc in local]
    keys = [fold(s.text) for s in spans]
    # country context: all first choices, less those of the same name (a name cannot vouch for itself)
    everywhere = Counter(f.place.country_code for f in first if f.place.country_code)
    by_key: dict[str, Counter] = {}
    for key, f in zip(keys, first):
        if f.place.country_code:
            by_key.setdefault(key, Counter())[f.place.country_code] += 1
    anchor_points = NearIndex((keys[j], a.place) for j, a in anchors.items() if a.place.feature != "country")
    near_memo: dict[tuple[str, int], int] = {}
    out: list[Mention] = []
    for k, span in enumerate(spans):
        context = everywhere - by_key.get(keys[k], Counter())
        total = sum(context.values())
        scored = []
        for s, c in local[k]:
            cc = c.place.country_code
            if cc and total:
                s += COUNTRY_CONTEXT * context.get(cc, 0) / total
            memo = (keys[k], c.id)
            near = near_memo.get(memo)
            if near is None:
                near = near_memo[memo] = anchor_points.count(c.place, NEAR_KM, exclude=keys[k])
            s += min(NEAR_MAX, NEAR_BONUS * near)
            scored.append((s, c))
        scored.sort(key=lambda t: (-t[0], t[1].id))
        best_s, best = scored[0]
        margin = best_s - scored[1][0] if len(scored) > 1 else 3.0
        conf = (0.55 + 0.45 * math.tanh(margin / 2.0)) * min(1.0, 0.6 + span.score / 10.0)
        if best.match not in MATCH_BONUS:
            conf *= 0.8
        out.append(Mention(span.text, span.start, span.end, best.place, round(max(0.05, min(conf, 0.99)), 3)))
    return out


def _score_local(spans: Sequence[Span], k: int, qualified_by: dict[int, int]) -> list[tuple[float, Candidate]]:
    """Candidates of span ``k`` scored by what the name and its neighbours say."""
    span = spans[k]
    qual = spans[span.qualifier] if span.qualifier is not None else None
    inner = spans[qualified_by[k]] if k in qualified_by else None
    out = []
    names_country = any(c.place.feature == "country" for c in span.candidates)
    for c in span.candidates:
        s = _prior(c)
        if names_country and c.place.feature == "city":
            s -= QUALIFIER  # "Egypt" is the country, not a town of that name, unless qualified
        if qual is not None and _qualified(c, qual):
            s += QUALIFIER
        if span.country_hint and c.place.country_code == span.country_hint and c.place.feature != "country":
            s += QUALIFIER  # "im polnischen Płock", "the Polish port of Gdansk": a place of that country
        if inner is not None and any(_contains(c, a) for a in inner.candidates):
            s += QUALIFIER  # "Atlanta, Georgia": the state that holds Atlanta, not the country
        if c.place.feature == "facility" and (span.facility_context or (
                c.match != MATCH_TRANSLIT and len(span.text.split()) > 1)):
            s += FACILITY  # "Schloss Bellevue", "White House": a building's own name of words,
            #                not the translation a town carries among its aliases (Casablanca)
        if c.place.feature in ("admin", "region") and span.region_context:
            s += QUALIFIER  # "die Grafschaft Cornwall", "the county of Kent": the region, not a town
        out.append((s, c))
    return out


def _contains(outer: Candidate, inner: Candidate) -> bool:
    """Is ``inner`` inside the country or first-level division ``outer``?"""
    if outer.place.country_code != inner.place.country_code or outer is inner:
        return False
    if outer.place.feature == "country":
        return inner.place.feature != "country"
    return outer.place.feature == "admin" and place_km(outer.place, inner.place) <= 600


def _qualified(c: Candidate, qual: Span) -> bool:
    """Is candidate ``c`` inside the country or region named by the qualifier span?"""
    return any(_contains(q, c) for q in qual.candidates)
