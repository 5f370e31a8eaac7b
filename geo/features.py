"""The feature vector of a (mention, candidate) pair, for the learned ranker (geo.ranker).

One pure function, :func:`vectors`, shared by inference (geo.resolve) and training
(bench.train_ranker): the signals that the hand-tuned resolver weighs -- importance,
match kind, qualifier, nationality hint, facility and region words, the document's
country context, nearness to its unambiguous places -- as numbers, plus that hand-tuned
score itself and the candidate's ranks within its span. :data:`FEATURES` names the
columns; a model file lists the names it was trained on, and is refused when they differ.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional, Sequence

from geo.gazetteer import MATCH_ALIAS, MATCH_NAME, MATCH_TRANSLIT, Candidate

KINDS = ("country", "admin", "region", "city", "facility", "other")
HOME = {"de": frozenset({"DE", "AT", "CH"})}   # the countries a language's news is most about
NEAR_CAP = 5
CONTEXT_WEIGHT = 4.0   # geo.resolve.COUNTRY_CONTEXT (the hand-tuned weight of the context share)
CONTEXT_PSEUDO = 2     # names of no country added to the context when shrinking its share
RULES = ("qualified", "hinted", "holds_inner", "facility_words", "region_words", "country_named_town")
FEATURES = (
    "log_pop", *(f"is_{k}" for k in KINDS), "capital",
    "match_name", "match_alias", "match_translit", "log_candidates",
    "prior", "prior_gap", "prior_rank", "hand", "hand_gap", "hand_top", "local_gap",
    "context_share", "context_count", "has_context", "top_country", "context_total", "context_shrunk",
    "hand_shrunk_gap",
    "near", "near_any", "nearest_close", "near_first", "near_first_share",
    "qualified", "hinted", "holds_inner", "facility_words", "region_words", "country_named_town",
    "lang_de", "home_country", "words", "span_score",
)
INDEX = {name: i for i, name in enumerate(FEATURES)}


@dataclass(slots=True)
class Scored:
    """One candidate of a span with the hand-tuned resolver's signals and its score."""

    cand: Candidate
    prior: float            # importance + match bonus
    local: float            # prior + what the name and its neighbours say
    hand: float = 0.0       # local + country context + nearness: the hand-tuned score
    rules: tuple = ()       # names of the local rules that fired (qualified, hinted, ...)
    share: float = 0.0      # share of the document's other first choices in this country
    count: int = 0          # how many of them
    total: int = 0          # first choices of other names in the document
    top_country: bool = False
    near: int = 0           # unambiguous places of the document within NEAR_KM
    nearest_km: float = 0.0
    nearest_name: str = ""  # the nearest of them ("" when none within NEAR_KM)
    near_first: int = 0     # other names' first choices within NEAR_KM (ambiguous ones too)


def _one_hot(names: Sequence[str]) -> dict:
    return {name: tuple(1.0 if name == other else 0.0 for other in names) for name in names}


_KIND = _one_hot(KINDS)
_MATCH = _one_hot((MATCH_NAME, MATCH_ALIAS, MATCH_TRANSLIT))
_NO_RULES = (0.0,) * len(RULES)


def _rules(fired: tuple) -> tuple:
    return tuple(1.0 if name in fired else 0.0 for name in RULES) if fired else _NO_RULES


def vectors(rows: Sequence[Scored], lang: Optional[str], span_words: int, span_score: float,
            near_km: float, spans_total: int) -> list[list[float]]:
    """One feature vector per row (rows of one span, any order); ``spans_total``: how many
    other names the document has."""
    best_prior = max(r.prior for r in rows)
    best_hand = max(r.hand for r in rows)
    best_local = max(r.local for r in rows)
    by_prior = sorted(range(len(rows)), key=lambda i: (-rows[i].prior, rows[i].cand.id))
    prior_rank = [0] * len(rows)
    for rank, i in enumerate(by_prior):
        prior_rank[i] = min(rank, 9)
    home = HOME.get(lang or "", frozenset())
    lang_de = 1.0 if lang == "de" else 0.0
    log_n, words, score = math.log2(len(rows)), min(span_words, 4), span_score / 10.0
    per_first = 1.0 / spans_total if spans_total else 0.0
    hand_first = min(range(len(rows)), key=lambda i: (-rows[i].hand, rows[i].cand.id))
    # the context share shrunk by how much context there is (CONTEXT_PSEUDO names of no country
    # added), and the hand-tuned score with it: one other French name is weak evidence, ten strong
    shares = [r.count / (r.total + CONTEXT_PSEUDO) for r in rows]
    shrunk = [r.hand - CONTEXT_WEIGHT * (r.share - sh) for r, sh in zip(rows, shares)]
    best_shrunk = max(shrunk)
    out = []
    for i, r in enumerate(rows):
        c, p = r.cand, r.cand.place
        near = r.near
        out.append([math.log10(max(p.population or 0, 0) + 1), *_KIND.get(p.feature, _KIND["other"]),
                    1.0 if c.capital else 0.0, *_MATCH[c.match], log_n,
                    r.prior, best_prior - r.prior, prior_rank[i], r.hand, best_hand - r.hand,
                    1.0 if i == hand_first else 0.0, best_local - r.local,
                    r.share, min(r.count, 10), 1.0 if r.total else 0.0, 1.0 if r.top_country else 0.0,
                    min(r.total, 10), shares[i], best_shrunk - shrunk[i],
                    min(near, NEAR_CAP), 1.0 if near else 0.0, (1.0 - r.nearest_km / near_km) if near else 0.0,
                    min(r.near_first, 10), r.near_first * per_first, *_rules(r.rules),
                    lang_de, 1.0 if p.country_code in home else 0.0, words, score])
    return out
