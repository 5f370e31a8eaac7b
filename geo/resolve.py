"""Toponym resolution: pick one gazetteer entry per recognised name.

Each candidate is scored by its importance (population, feature, capital),
how it matched (name, alias, transliteration), the document's country context
(countries it names, and the countries of its unambiguous places), a qualifier
that follows it ("Paris, Texas"; "Najin, Nordkorea"), a nationality before it ("im
polnischen Płock"), facility words around it
("Raumfahrtzentrum Wostotschny") and its distance to the document's other
unambiguous places. A learned ranker (geo.ranker) re-orders the best of them
from those signals as features (geo.features); without its model file the
hand-tuned order decides. The margin over the runner-up gives the confidence;
every mention carries its runner-ups and the reason of the choice (geo.explain).
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Optional, Protocol, Sequence

from records.model import Mention
from geo.distance import NearIndex, place_km
from geo.explain import explanation
from geo.features import Scored, vectors
from geo.gazetteer import MATCH_ALIAS, MATCH_NAME, MATCH_TRANSLIT, Candidate, importance
from geo.ranker import DEFAULT, default_ranker
from geo.translit import fold

MATCH_BONUS = {MATCH_NAME: 0.5, MATCH_ALIAS: 0.3}
COUNTRY_CONTEXT = 4.0  # times the share of the document's unambiguous places in that country
QUALIFIER = 4.0
FACILITY = 3.0
NEAR_KM = 400.0
NEAR_BONUS = 0.7
NEAR_MAX = 2.0
UNAMBIGUOUS_RATIO = 20.0
IMPORTANT_GAP = 2.0  # orders of importance by which a namesake dwarfs the ranker's choice (important_first)
SAME_SPOT_KM = 50.0
RANKED = 10  # candidates (the hand-tuned score's best) the learned ranker re-orders


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


def resolve(spans: Sequence[Span], lang: Optional[str] = None, ranker=DEFAULT) -> list[Mention]:
    """One mention per span, with the chosen place, a confidence in 0..1 and an explanation.

    The hand-tuned scores (:func:`score_candidates`) order the candidates; the learned
    ranker (geo.ranker, ``data/ranker.json``), when there is one, re-orders the first
    :data:`RANKED` of them from their feature vectors (geo.features). Without a model --
    ``ranker=None``, or a model file missing or unreadable -- the hand-tuned order decides.
    """
    if ranker is DEFAULT:
        ranker = default_ranker()
    table = score_candidates(spans)
    ranked: dict[int, list[float]] = {}
    if ranker is not None:
        # one model call for the whole group: the vectors of every ambiguous name, end to end
        others = other_names(spans)
        todo = [k for k, rows in enumerate(table) if len(rows) > 1]
        vecs = [v for k in todo for v in span_vectors(spans[k], table[k][:RANKED], lang, others)]
        logits = ranker.logits(vecs) if vecs else []
        at = 0
        for k in todo:
            n = min(len(table[k]), RANKED)
            ranked[k], at = logits[at:at + n], at + n
    out: list[Mention] = []
    for k, (span, rows) in enumerate(zip(spans, table)):
        probs = None
        if k in ranked:
            head, logits = rows[:RANKED], ranked[k]
            by_model = sorted(range(len(head)), key=lambda i: (-logits[i], head[i].cand.id))
            order = important_first(head, by_model)
            rows = [head[i] for i in order] + rows[RANKED:]
            logits = [logits[i] for i in order]
            # (a capital put first: its margin is the importance by which it dwarfs the namesake)
            margin = logits[0] - logits[1] if order[0] == by_model[0] else rows[0].prior - rows[1].prior
            probs = [1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, x)))) for x in logits]
        else:
            margin = rows[0].hand - rows[1].hand if len(rows) > 1 else 3.0
        best = rows[0].cand
        conf = (0.55 + 0.45 * math.tanh(margin / 2.0)) * min(1.0, 0.6 + span.score / 10.0)
        if best.match not in MATCH_BONUS:
            conf *= 0.8
        qual = spans[span.qualifier].text if span.qualifier is not None else None
        why = explanation(rows, probs, qual, span.country_hint)
        out.append(Mention(span.text, span.start, span.end, best.place, round(max(0.05, min(conf, 0.99)), 3),
                           explain=why))
    return out


def important_first(rows: Sequence[Scored], order: list[int]) -> list[int]:
    """The ranker's order, but a namesake that dwarfs the chosen entry (by IMPORTANT_GAP
    orders of importance) comes first

    * when it lies at the same spot (same country, within SAME_SPOT_KM): the document's
      context speaks for both alike ("London" is London, not the City of London);
    * when it is a national capital and nothing but one other name's country speaks for
      the chosen one: "nach Paris und danach nach Rom" is Rome, not Riom (France); or
      when the document names its country too and no qualifier or hint speaks for the
      chosen one ("Dublin" beside "Ireland" in a story full of US places).

    The dev corpora hold too few such documents for the model to learn either."""
    best = rows[order[0]]
    weak = not (best.cand.capital or best.rules or best.near or best.count > 1
                or best.cand.place.feature == "country")
    for k, i in enumerate(order[1:], 1):
        r = rows[i]
        if r.prior - best.prior < IMPORTANT_GAP or r.rules:
            continue
        same_spot = r.cand.place.country_code == best.cand.place.country_code and \
            place_km(r.cand.place, best.cand.place) <= SAME_SPOT_KM
        capital = r.cand.capital and r.cand.place.feature == "city"
        if same_spot or (capital and (weak or r.count >= 1 and not best.rules)):
            return [i] + order[:k] + order[k + 1:]
    return order


def other_names(spans: Sequence[Span]) -> int:
    """How many other names a name of these spans has beside it (distinct folded texts, less one)."""
    return max(0, len({fold(s.text) for s in spans}) - 1)


def span_vectors(span: Span, rows: Sequence[Scored], lang: Optional[str], others: int) -> list[list[float]]:
    """The ranker's feature vectors (geo.features) of a span's scored candidates."""
    return vectors(rows, lang, len(span.text.split()), span.score, NEAR_KM, others)


def score_candidates(spans: Sequence[Span]) -> list[list[Scored]]:
    """Every span's candidates with the hand-tuned signals and score, best first.

    Two passes: each name is first resolved on its own (prior, qualifier,
    facility words); the countries of those first choices, from names other
    than the one being resolved, then form the document's country context.
    """
    anchors = {k: a for k, s in enumerate(spans) if (a := _anchor(s)) is not None}
    qualified_by = {s.qualifier: k for k, s in enumerate(spans) if s.qualifier is not None}
    local = [_score_local(spans, k, qualified_by) for k in range(len(spans))]
    first = [max(sc, key=lambda r: (r.local, -r.cand.id)).cand for sc in local]
    keys = [fold(s.text) for s in spans]
    # country context: all first choices, less those of the same name (a name cannot vouch for itself)
    everywhere = Counter(f.place.country_code for f in first if f.place.country_code)
    by_key: dict[str, Counter] = {}
    for key, f in zip(keys, first):
        if f.place.country_code:
            by_key.setdefault(key, Counter())[f.place.country_code] += 1
    # the places other names of the document point to: unambiguous ones (anchors), first choices
    points = {}
    for j, f in enumerate(first):
        if f.place.feature != "country":
            points[(j, f.id)] = (keys[j], f.place, [False, True, f.place.name])
    for j, a in anchors.items():
        if a.place.feature != "country":
            points.setdefault((j, a.id), (keys[j], a.place, [False, False, a.place.name]))[2][0] = True
    index = NearIndex(points.values())
    near_memo: dict[tuple[str, int], tuple] = {}
    out: list[list[Scored]] = []
    for k in range(len(spans)):
        context = everywhere - by_key.get(keys[k], Counter())
        total = sum(context.values())
        top = context.most_common(1)[0][0] if total else None
        for r in local[k]:
            cc = r.cand.place.country_code
            s = r.local
            if cc and total:
                r.count = context.get(cc, 0)
                r.share = r.count / total
                r.total = total
                r.top_country = cc == top
                s += COUNTRY_CONTEXT * r.share
            memo = (keys[k], r.cand.id)
            near = near_memo.get(memo)
            if near is None:
                near = near_memo[memo] = _near(index.within(r.cand.place, NEAR_KM, exclude=keys[k]))
            r.near, r.nearest_km, r.nearest_name, r.near_first = near
            s += min(NEAR_MAX, NEAR_BONUS * r.near)
            r.hand = s
        out.append(sorted(local[k], key=lambda r: (-r.hand, r.cand.id)))
    return out


def _near(found: list[tuple]) -> tuple[int, float, str, int]:
    """(anchors within reach, km to the nearest of them, its name, first choices within reach)
    from NearIndex.within's points, whose payload is [is anchor, is first choice, name]."""
    near, nearest, name, firsts = 0, NEAR_KM, "", 0
    for d, _, (anchor, first_choice, label) in found:
        firsts += first_choice
        if anchor:
            near += 1
            if d < nearest or not name:
                nearest, name = d, label
    return near, nearest, name, firsts


def _score_local(spans: Sequence[Span], k: int, qualified_by: dict[int, int]) -> list[Scored]:
    """Candidates of span ``k`` scored by what the name and its neighbours say."""
    span = spans[k]
    qual = spans[span.qualifier] if span.qualifier is not None else None
    inner = spans[qualified_by[k]] if k in qualified_by else None
    out = []
    names_country = any(c.place.feature == "country" for c in span.candidates)
    for c in span.candidates:
        s = prior = _prior(c)
        rules = []
        if names_country and c.place.feature == "city":
            s -= QUALIFIER  # "Egypt" is the country, not a town of that name, unless qualified
            rules.append("country_named_town")
        if qual is not None and _qualified(c, qual):
            s += QUALIFIER
            rules.append("qualified")
        if span.country_hint and c.place.country_code == span.country_hint and c.place.feature != "country":
            s += QUALIFIER  # "im polnischen Płock", "the Polish port of Gdansk": a place of that country
            rules.append("hinted")
        if inner is not None and any(_contains(c, a) for a in inner.candidates):
            s += QUALIFIER  # "Atlanta, Georgia": the state that holds Atlanta, not the country
            rules.append("holds_inner")
        if c.place.feature == "facility" and (span.facility_context or (
                c.match != MATCH_TRANSLIT and len(span.text.split()) > 1)):
            s += FACILITY  # "Schloss Bellevue", "White House": a building's own name of words,
            #                not the translation a town carries among its aliases (Casablanca)
            rules.append("facility_words")
        if c.place.feature in ("admin", "region") and span.region_context:
            s += QUALIFIER  # "die Grafschaft Cornwall", "the county of Kent": the region, not a town
            rules.append("region_words")
        out.append(Scored(c, prior, s, rules=tuple(rules)))
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
