"""Where the corpora and the scorer are, and how to read them.

The shared folder sits beside the repository (``../shared`` from the root);
nothing from it is copied into the project. ``LAGEBILD_SHARED_DIR`` overrides it.
"""
from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Corpus:
    name: str
    path: Path
    lang: str
    kind: str          # "places" | "timex" | "gold" (places, timexes and events)
    bench: bool        # a public bench corpus (speed is measured over these)


# (file under shared/, name, language, kind, public bench corpus?)
_CORPORA = (
    ("bench/lgl_en.jsonl", "lgl_en", "en", "places", True),
    ("bench/geowebnews_en.jsonl", "geowebnews_en", "en", "places", True),
    ("bench/germeval2014_dev_de.jsonl", "germeval2014_dev_de", "de", "places", True),
    ("bench/wikiwarsde_de.jsonl", "wikiwarsde_de", "de", "timex", True),
    ("bench/tempeval3_tbaq_en.jsonl", "tempeval3_tbaq_en", "en", "timex", True),
    ("gold/seed_de.json", "seed_de", "de", "gold", False),
    ("gold/news_dev.jsonl", "news_dev", "de+en", "gold", False),
)


def shared_dir() -> Path:
    env = os.environ.get("LAGEBILD_SHARED_DIR")
    return Path(env) if env else ROOT.parent / "shared"


def available(shared: Optional[Path] = None, only: Optional[list[str]] = None) -> list[Corpus]:
    """The corpora that are present, in a fixed order (optionally only the named ones)."""
    shared = shared or shared_dir()
    out = []
    for rel, name, lang, kind, bench in _CORPORA:
        if only and name not in only:
            continue
        path = shared / rel
        if path.is_file():
            out.append(Corpus(name, path, lang, kind, bench))
    return out


def all_names() -> list[str]:
    return [c[1] for c in _CORPORA]


def load_scorer(shared: Optional[Path] = None) -> Optional[ModuleType]:
    """``shared/tools/score.py`` as a module (None when absent): the one way we score."""
    path = (shared or shared_dir()) / "tools" / "score.py"
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("lagebild_shared_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def load_gold(scorer: ModuleType, corpus: Corpus, limit: Optional[int] = None) -> list[dict]:
    """The scorer's ``load_gold``, first ``limit`` documents, minus annotations that are not ours.

    TempEval-3 carries TimeML EVENT spans under ``events`` (no ``type``): they are
    not Lagebild events, and ``score.score`` stops on them with KeyError 'type'.
    They are dropped; nothing else changes, so timex scores are the scorer's.
    """
    docs = scorer.load_gold(str(corpus.path))[:limit]
    for d in docs:
        if any("type" not in e for e in d.get("events", [])):
            d["timeml_events"] = d.pop("events")
    return docs


def extract_input(gold: list[dict]) -> list[dict]:
    """What score.py feeds ``python -m extract --jsonl``: id, text, doc_date, lang."""
    return [{"id": g["id"], "text": g["text"], "doc_date": g.get("doc_date"), "lang": g.get("lang")}
            for g in gold]
