"""spaCy pipelines: blank German/English tokenisers with a rule-based sentencizer.

Nothing is downloaded: ``spacy.blank`` needs only the language data that ships
with spaCy. A trained pipeline may be named in LAGEBILD_SPACY_MODEL_<LANG>
(e.g. ``de_core_news_sm``) when one happens to be installed; it is optional.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Optional

import spacy
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from records import languages



@lru_cache(maxsize=4)
def get_nlp(lang: str) -> Language:
    """The tokeniser + sentencizer for ``lang`` (a registered language), built once per process."""
    spec = languages.language(lang)  # ValueError naming the known codes
    model = os.environ.get(f"LAGEBILD_SPACY_MODEL_{lang.upper()}")
    if model:
        nlp = spacy.load(model)
        if "sentencizer" not in nlp.pipe_names and "parser" not in nlp.pipe_names \
                and "senter" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer")
        return nlp
    nlp = spacy.blank(spec.spacy)
    # the pipeline reads offsets, IS_SPACE and (the sentencizer) IS_PUNCT only: computing the
    # other lexeme attributes (shape, like_num, stop ...) for each new word is wasted work
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {k: getters[k] for k in (IS_PUNCT, IS_SPACE) if k in getters}
    nlp.add_pipe("sentencizer")
    nlp.max_length = 50_000_000
    return nlp


def sentence_spans(doc: Doc, text: Optional[str] = None) -> list[tuple[int, int]]:
    """(start, end) character offsets of the sentences, white space around them excluded.

    Read from token arrays rather than ``doc.sents`` (which builds a Span and
    Token objects per sentence)."""
    text = doc.text if text is None else text  # the string the doc was made from, if at hand
    arr = doc.to_array([IDX, SENT_START])
    starts = arr[arr[:, 1] == 1, 0].tolist() if len(arr) else []
    if not starts and len(doc):
        starts = [0]
    out = []
    for k, a in enumerate(starts):
        b = starts[k + 1] if k + 1 < len(starts) else len(text)
        while b > a and text[b - 1].isspace():
            b -= 1
        while a < b and text[a].isspace():
            a += 1
        if a < b:
            out.append((a, b))
    return out
