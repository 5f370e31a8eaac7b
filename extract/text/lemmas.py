"""Lemmas: a word's dictionary form, so that rules name a word family once
("verließ", "verlassen", "verlässt" -> "verlassen"; "shipped", "ships" -> "ship").

``simplemma`` ships its lemma tables inside the package (nothing is downloaded);
words it does not know come back unchanged. Lemmas are lower-cased and memoised:
news repeats its words.
"""
from __future__ import annotations

from functools import lru_cache

import simplemma

from records import languages


@lru_cache(maxsize=300_000)
def lemma(word: str, lang: str) -> str:
    """The lower-cased lemma of ``word`` in ``lang`` (the word itself, lower-cased, when
    the language has no lemma table or the word is unknown)."""
    if not languages.supported(lang):
        return word.lower()
    exception = _exceptions(lang).get(word.lower())
    if exception:
        return exception
    return simplemma.lemmatize(word, lang=lang).lower()


@lru_cache(maxsize=None)
def _exceptions(lang: str) -> dict[str, str]:
    """Forms the lemma tables miss ("left" -> "leave"), from data/languages.json."""
    return dict(languages.language(lang).lemma_exceptions)
