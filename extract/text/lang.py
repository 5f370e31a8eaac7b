"""Per-document language detection between German and English.

Counts each language's function words (spaCy's stop-word lists, shipped with
spaCy) among the document's words; the language with the larger share wins,
German on a tie only when German-specific letters appear.
"""
from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=1)
def _stop_words() -> dict[str, frozenset[str]]:
    from spacy.lang.de.stop_words import STOP_WORDS as DE
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    # words in both lists ("in", "so", "was" ...) say nothing
    both = DE & EN
    return {"de": frozenset(DE - both), "en": frozenset(EN - both)}


def detect_language(text: str, default: str = "en") -> str:
    """"de" or "en" for ``text``; ``default`` when the text gives no evidence."""
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    sw = _stop_words()
    de = sum(w in sw["de"] for w in words)
    en = sum(w in sw["en"] for w in words)
    if de == en:
        if re.search(r"[äöüßÄÖÜ]", text[:20000]):
            return "de"
        return default
    return "de" if de > en else "en"
