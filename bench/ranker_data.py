"""Training rows for the candidate ranker: the recogniser's place-name spans of the dev
corpora that overlap a gold toponym with coordinates, each with its candidates' feature
vectors (geo.features) and labels (the candidate is the gold place: within 161 km, or the
same country where the gold place is a country -- ``shared/tools/score.py``'s own test).

Spans are the pipeline's own (``Pipeline.place_spans`` on the cleaned text, resolved in
the same groups), so the model learns on what it will see at run time; a gold toponym
that the recogniser misses has no candidates to rank and is left out (it is a recall
miss, not a resolution one).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from bench.corpora import load_scorer, shared_dir
from extract.pipeline import Pipeline, resolve_groups
from extract.text.clean import analysis_text
from geo.resolve import RANKED, other_names, score_candidates, span_vectors

# the only corpora the ranker learns from (the kept-back ones never reach it)
TRAIN_CORPORA = (("lgl_en", "bench/lgl_en.jsonl"), ("geowebnews_en", "bench/geowebnews_en.jsonl"),
                 ("news_dev", "gold/news_dev.jsonl"))


@dataclass
class SpanRows:
    """One gold-matched span: its candidates' vectors in hand-tuned order, and labels."""

    corpus: str
    doc: str
    lang: str
    text: str
    vectors: list[list[float]]
    labels: list[int]              # 1: this candidate is the gold place
    n_candidates: int              # all candidates (vectors holds the first RANKED)
    names: list[str] = field(default_factory=list)
    rows: list = field(default_factory=list)    # the geo.features.Scored rows of the vectors


def _docs(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def _overlaps(a: tuple[int, int], b: dict) -> bool:
    return a[0] < b["end"] and b["start"] < a[1]


def doc_rows(pipeline: Pipeline, scorer, corpus: str, doc: dict) -> list[SpanRows]:
    """The gold-matched spans of one document (greedy one-to-one in text order, as scored)."""
    clean = analysis_text(doc["text"])
    lang = doc.get("lang") or "en"
    _, spans = pipeline.place_spans(clean.text, lang)
    golds = [g for g in doc.get("toponyms", []) if g.get("geotag_eval") is not False]
    used: set[int] = set()
    out = []
    for group in resolve_groups(spans):
        others = other_names(group)
        for span, rows in zip(group, score_candidates(group)):
            where = clean.span(span.start, span.end)
            gi = next((i for i, g in enumerate(golds) if i not in used and _overlaps(where, g)), None)
            if gi is None:
                continue
            used.add(gi)
            gold = golds[gi]
            if gold.get("lat") is None or gold.get("lon") is None:
                continue
            head = rows[:RANKED]
            labels = [int(bool(scorer.same_place(r.cand.place.to_dict(), gold))) for r in head]
            vecs = span_vectors(span, head, lang, others)
            out.append(SpanRows(corpus, doc["id"], lang, span.text, vecs, labels, len(rows),
                                [f"{r.cand.place.name} ({r.cand.place.country_code})" for r in head], head))
    return out


def training_rows(corpora: Iterable[tuple[str, str]] = TRAIN_CORPORA, shared: Path | None = None,
                  pipeline: Pipeline | None = None) -> list[SpanRows]:
    """Every gold-matched span of the training corpora."""
    from geo.gazetteer import default_gazetteer

    shared = shared or shared_dir()
    scorer = load_scorer(shared)
    if scorer is None:
        raise SystemExit(f"no scorer under {shared}/tools (set LAGEBILD_SHARED_DIR)")
    pipeline = pipeline or Pipeline(default_gazetteer())
    out: list[SpanRows] = []
    for name, rel in corpora:
        for doc in _docs(shared / rel):
            out += doc_rows(pipeline, scorer, name, doc)
    return out
