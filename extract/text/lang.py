"""Per-document language detection among the registered languages (records.languages).

Counts each language's function words (spaCy's stop-word lists, shipped with spaCy)
among the document's words, leaving out words that several languages share; the
language with the most wins. On a tie, a language whose own letters appear (German
"äöüß") wins; failing that, the given default.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Optional

from spacy.util import get_lang_class

from records import languages

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
SAMPLE_CHARS = 20_000


@lru_cache(maxsize=1)
def _stop_words() -> dict[str, frozenset[str]]:
    lists = {code: frozenset(get_lang_class(languages.language(code).spacy).Defaults.stop_words)
             for code in languages.codes()}
    # words in two lists or more ("in", "so", "was" ...) say nothing
    seen = Counter(w for words in lists.values() for w in words)
    return {code: frozenset(w for w in words if seen[w] == 1) for code, words in lists.items()}


def detect_language(text: str, default: Optional[str] = None) -> str:
    """The registered language of ``text``; ``default`` (the registry's) without evidence."""
    default = default or languages.default_code()
    sample = text[:SAMPLE_CHARS]
    words = [w.lower() for w in _WORD.findall(sample)]
    counts = {code: sum(w in sw for w in words) for code, sw in _stop_words().items()}
    best = max(counts.values(), default=0)
    leaders = [code for code, n in counts.items() if n == best]
    if len(leaders) == 1:
        return leaders[0]
    for code in leaders:
        letters = languages.language(code).letters
        if letters and re.search(letters, sample):
            return code
    return default
