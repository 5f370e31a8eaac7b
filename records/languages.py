"""The language registry (``data/languages.json``): codes, spaCy blank pipeline names and
the grammatical facts the rules depend on. Every list of languages in the project is
read from here; a rule that differs by language asks for a property
(``nouns_capitalised``, ``verb_second``), never for a language code.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from records.paths import DATA_DIR, LEXICON_DIR

REGISTRY_FILE = DATA_DIR / "languages.json"
AUTO = "auto"


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    spacy: str                 # spacy.blank() name
    nouns_capitalised: bool    # every noun starts with a capital (German): a capital says little
    verb_second: bool          # the finite verb comes second, the subject may follow it
    verb_final: bool           # in subordinate and compound tenses the verb comes last
    closed_compounds: bool     # compounds are one word whose head is its end ("Verteidigungsminister")
    letters: str               # a regex of letters only this language uses ("" for none)
    lemma_exceptions: tuple[tuple[str, str], ...] = ()  # forms the lemma tables miss: (form, lemma)

    def lexicon(self, kind: str):
        """The path of this language's ``kind`` lexicon (places, timex, events)."""
        return LEXICON_DIR / f"{kind}_{self.code}.json"


@lru_cache(maxsize=1)
def _registry() -> tuple[dict[str, Language], str]:
    with open(REGISTRY_FILE, encoding="utf-8") as f:
        raw = json.load(f)
    langs = {code: Language(code=code, name=spec["name"], spacy=spec.get("spacy", code),
                            nouns_capitalised=bool(spec.get("nouns_capitalised")),
                            verb_second=bool(spec.get("verb_second")),
                            verb_final=bool(spec.get("verb_final")),
                            closed_compounds=bool(spec.get("closed_compounds")),
                            letters=spec.get("letters") or "",
                            lemma_exceptions=tuple(sorted((spec.get("lemma_exceptions") or {}).items())))
             for code, spec in raw["languages"].items()}
    default = raw.get("default") or next(iter(langs))
    if default not in langs:
        raise ValueError(f"{REGISTRY_FILE}: default {default!r} is not a listed language")
    return langs, default


def codes() -> tuple[str, ...]:
    """The codes of the languages Lagebild reads, in registry order."""
    return tuple(_registry()[0])


def choices() -> tuple[str, ...]:
    """What a ``--lang`` option or a language picker accepts: "auto" and every code."""
    return (AUTO, *codes())


def default_code() -> str:
    return _registry()[1]


def language(code: str) -> Language:
    """The registry entry of ``code``; ValueError naming the known codes otherwise."""
    langs = _registry()[0]
    if code not in langs:
        raise ValueError(f"unsupported language {code!r}; expected one of {tuple(langs)}")
    return langs[code]


def supported(code: object) -> bool:
    return isinstance(code, str) and code in _registry()[0]
