"""Lexicons kept as data files under ``data/lexicon/``, loaded once."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from records import languages
from records.paths import LEXICON_DIR


def lexicon_path(name: str) -> Path:
    return LEXICON_DIR / name


@lru_cache(maxsize=None)
def load_json(name: str) -> dict:
    with open(lexicon_path(name), encoding="utf-8") as f:
        return json.load(f)


@lru_cache(maxsize=None)
def load_wordlist(name: str) -> frozenset[str]:
    """One entry a line; ``#`` starts a comment line."""
    with open(lexicon_path(name), encoding="utf-8") as f:
        return frozenset(line.strip() for line in f if line.strip() and not line.startswith("#"))


@dataclass(frozen=True)
class PlaceCues:
    """Context cues for place recognition in one language."""

    locative_before: frozenset[str]
    org_after: frozenset[str]
    org_before: frozenset[str]
    nonplace_heads: frozenset[str]
    facility_words: frozenset[str]
    genitive_suffixes: tuple[str, ...]
    connectors: frozenset[str]
    determiners: frozenset[str]
    given_names: frozenset[str]
    nouns_capitalised: bool = False   # from the language registry
    online_after: frozenset[str] = frozenset()  # prepositions after which a name may be geocoded online
    region_words: frozenset[str] = frozenset()  # "Grafschaft", "county": the name after is a region's
    nationality_heads: frozenset[str] = frozenset()  # "Stadt", "port of": between a nationality and its place
    compass_prefixes: tuple[str, ...] = ()  # "Nord", "Ost": "Nordirak", "Ostukraine" name a part of a country
    office_heads: frozenset[str] = frozenset()  # "Ministry of Commerce": a common word after "of" names the field
    office_links: frozenset[str] = frozenset()  # "of": between an office and its field


@lru_cache(maxsize=None)
def place_cues(lang: str) -> PlaceCues:
    spec = languages.language(lang)
    raw = load_json(spec.lexicon("places").name)
    sets = {k: frozenset(raw.get(k, ())) for k in
            ("locative_before", "org_after", "org_before", "nonplace_heads",
             "facility_words", "connectors", "determiners", "online_after", "region_words",
             "nationality_heads", "office_heads", "office_links")}
    return PlaceCues(genitive_suffixes=tuple(raw.get("genitive_suffixes", ())),
                     compass_prefixes=tuple(sorted(raw.get("compass_prefixes", ()), key=len, reverse=True)),
                     given_names=load_wordlist("given_names.txt"),
                     nouns_capitalised=spec.nouns_capitalised, **sets)
