"""spaCy pipelines: blank German/English tokenisers with a rule-based sentencizer.

Nothing is downloaded: ``spacy.blank`` needs only the language data that ships
with spaCy. A trained pipeline may be named in LAGEBILD_SPACY_MODEL_<LANG>
(e.g. ``de_core_news_sm``) when one happens to be installed; it is optional.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Optional

import numpy as np
import spacy
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, SENT_START
from spacy.language import Language
from spacy.pipeline.sentencizer import Sentencizer
from spacy.tokens import Doc

from records import languages

# distinct whitespace-separated chunks whose tokenisation spaCy's tokenizer keeps (its
# default, 10,000, is full after a few hundred articles; an entry is a few lexeme pointers)
TOKENIZER_CACHE = 500_000
_PUNCT_CHARS = frozenset(Sentencizer.default_punct_chars)


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
    nlp.tokenizer.max_cache_size = TOKENIZER_CACHE
    return nlp


def parse(lang: str, text: str) -> Doc:
    """spaCy's reading of ``text``. With the blank pipeline only the tokenizer runs: its
    sentencizer's rule is applied to the token arrays by :func:`sentence_starts` (the
    same starts, without a Token object per word)."""
    nlp = get_nlp(lang)
    if nlp.pipe_names == ["sentencizer"] and nlp.get_pipe("sentencizer").punct_chars == _PUNCT_CHARS:
        _prime(nlp, text)
        return nlp.make_doc(text)
    return nlp(text)


_PRIMED: dict[int, set[str]] = {}  # per tokenizer: chunks it has read on their own


def _prime(nlp: Language, text: str) -> None:
    """Let the tokenizer cache the chunks of ``text`` it has not seen: it caches nothing
    in a text after the first special case ("U.S.", "'s"), so a chunk read only there is
    split by its affix rules on every reading. Read alone, each new chunk is cached
    (unless it is a special case itself); the tokens are the same either way."""
    primed = _PRIMED.setdefault(id(nlp.tokenizer), set())
    if len(primed) > TOKENIZER_CACHE:
        primed.clear()
    new = set(text.split()).difference(primed)
    tokenizer = nlp.tokenizer
    for chunk in new:
        tokenizer(chunk)
    primed.update(new)


def token_arrays(doc: Doc) -> np.ndarray:
    """Columns IDX, LENGTH, IS_SPACE, IS_PUNCT, SENT_START of every token."""
    return doc.to_array([IDX, LENGTH, IS_SPACE, IS_PUNCT, SENT_START])


def sentence_starts(arr: np.ndarray, text: str) -> list[int]:
    """Indices of the tokens that begin a sentence: as annotated (a sentencizer or parser
    ran), else by spaCy's Sentencizer rule -- a sentence begins at the first token after a
    sentence-final mark ('.', '!', '?' ...) that is neither punctuation nor such a mark."""
    if not len(arr):
        return []
    sent_start = arr[:, 4]
    if (sent_start[1:] != 0).any():  # (a new doc marks its first token only)
        return np.flatnonzero(sent_start == 1).tolist()
    idx, length, is_punct = arr[:, 0], arr[:, 1], arr[:, 3]
    single = np.flatnonzero(length == 1).tolist()
    marks = [i for i, c in zip(single, idx[single].tolist()) if text[c] in _PUNCT_CHARS]
    mark = np.zeros(len(arr), dtype=bool)
    mark[marks] = True
    words = np.flatnonzero((is_punct == 0) & ~mark)
    after = np.searchsorted(words, marks, side="right")
    return sorted({0} | set(words[after[after < len(words)]].tolist()) | _after_years(idx, length, text))


def _after_years(idx: np.ndarray, length: np.ndarray, text: str) -> set[int]:
    """Tokens that begin a sentence after a year that ended the one before: German reads
    "2006." as one (ordinal) token, so "aus dem Jahr 2006. Der Oberste Gerichtshof ..." has no
    mark of its own; a four-digit year with its full stop before a capital word ends it (days
    and months, "am 3. Oktober", have one or two digits)."""
    out = set()
    for i in np.flatnonzero(length[:-1] == 5).tolist():
        start = int(idx[i])
        tok = text[start:start + 5]
        if tok[4] == "." and tok[:4].isdigit() and 1000 <= int(tok[:4]) < 2200 \
                and text[int(idx[i + 1]):int(idx[i + 1]) + 1].isupper():
            out.add(i + 1)
    return out


def sentence_spans(doc: Doc, text: Optional[str] = None) -> list[tuple[int, int]]:
    """(start, end) character offsets of the sentences, white space around them excluded.

    Read from token arrays rather than ``doc.sents`` (which builds a Span and
    Token objects per sentence)."""
    text = doc.text if text is None else text  # the string the doc was made from, if at hand
    return spans_of(token_arrays(doc), text)


def spans_of(arr: np.ndarray, text: str, first_tokens: Optional[list[int]] = None) -> list[tuple[int, int]]:
    """:func:`sentence_spans` from the doc's :func:`token_arrays` (and its
    :func:`sentence_starts`, when at hand)."""
    if first_tokens is None:
        first_tokens = sentence_starts(arr, text)
    starts = arr[first_tokens, 0].tolist() if len(arr) else []
    if not starts and len(arr):
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
