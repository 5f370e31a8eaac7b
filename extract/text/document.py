"""One document, many layers: the analysis text read once into sentences and two token
views, to which the recognisers add people, places and dates; every later step reads
the layers instead of deriving them again (STYLE.md, "one document, many layers").

* ``sentences`` -- (start, end) offsets from spaCy's sentencizer;
* ``pieces`` -- spaCy's tokens cut further at hyphens and slashes, with sentence numbers
  (names: "US-Beamte" -> "US", "-", "Beamte");
* clause tokens -- word tokens with clause numbers (clauses break at commas, colons,
  parentheses and dashes), for the event rules; made once per sentence, and only for
  the sentences the event step reads (:meth:`TextDoc.tokens_in`);
* ``people``, ``places``, ``timexes`` -- filled by the pipeline in that order.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from dataclasses import dataclass, field
from typing import NamedTuple, Optional

import numpy as np
from spacy.tokens import Doc

from extract.text.nlp import sentence_starts, spans_of, token_arrays
from extract.text.people import People
from records.model import Mention, Timex

_QUOTES = "„“”\"'‚‘’«»("
_TOKEN = re.compile(r"\d+(?:,\d{3})+(?:\.\d+)?|\w+(?:[.'’]\w+)*(?:-\w+)*-?|[^\w\s]", re.UNICODE)
_SHORT_BRACKET = re.compile(r"\(\s*[A-ZÄÖÜ][\w.&-]{0,11}\s*\)")  # an acronym or short name in brackets
_CLAUSE_BREAK = frozenset(",;:()–—[]")


class Piece(NamedTuple):
    """A token or a hyphen-separated part of one, with its sentence number.

    Tuples, not objects: a document has one per word, and building them is most of
    what reading the layers costs."""

    text: str
    start: int
    end: int
    sent: int
    sent_initial: bool
    lower: str
    cap: bool        # starts with a capital letter

    def __repr__(self) -> str:
        return f"Piece({self.text!r}, {self.start}, {self.end}, sent={self.sent})"


class Token(NamedTuple):
    """A word of the clause-token view."""

    text: str
    low: str
    start: int
    end: int
    clause: int  # clause number, counted from the start of the text

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


def without_possessive(low: str) -> str:
    """A written-small word without its possessive ending ("reserve's" -> "reserve", "court’s")."""
    return low[:-2] if low.endswith(("'s", "’s")) else low


def clause_start(tokens: list[Token], i: int) -> int:
    """The index of the first token of the clause that holds token ``i``."""
    k = i
    while k > 0 and tokens[k - 1].clause == tokens[i].clause:
        k -= 1
    return k


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Tokens of ``text[start:end]``, each tagged with its clause number.

    Clauses break at commas, semicolons, colons, parentheses and dashes; a comma
    between two digits ("1,5") is part of a number, and a short name in brackets ("(AU)",
    "(UNHRC)") stays in its clause.
    """
    out: list[Token] = []
    append, new = out.append, tuple.__new__
    clause = 0
    aside_end = -1  # the ")" of a short name in brackets: "der Afrikanischen Union (AU) in Johannesburg"
    for m in _TOKEN.finditer(text, start, end):
        t = m.group()
        s, e = m.span()
        if t == "(" and (short := _SHORT_BRACKET.match(text, s, end)):
            aside_end = short.end() - 1
            continue
        if s == aside_end:
            continue
        if t in _CLAUSE_BREAK or (t == "-" and s > 0 and text[s - 1] == " "):
            clause += 1
            continue
        append(new(Token, (t, t.lower(), s, e, clause)))
    return out


def words(text: str, start: int, end: int) -> list[str]:
    """The words and marks of ``text[start:end]`` as :func:`tokenize` cuts them, as plain
    strings (no offsets, no clauses): enough to see whether a sentence needs its tokens."""
    return _TOKEN.findall(text, start, end)


def pieces_of(doc: Doc, text: Optional[str] = None) -> list[Piece]:
    """Tokens cut at hyphens and slashes, with sentence numbers.

    Reads token offsets and sentence starts as arrays: building a spaCy Token
    object per word costs more than the rest of recognition."""
    text = doc.text if text is None else text  # doc.text rebuilds the string token by token
    return _pieces(token_arrays(doc), text)


def _pieces(arr: np.ndarray, text: str, first_tokens: Optional[list[int]] = None) -> list[Piece]:
    """:func:`pieces_of` from the doc's :func:`token_arrays` (and its sentence starts)."""
    out: list[Piece] = []
    if not len(arr):
        return out
    starts = np.zeros(len(arr), dtype=np.int64)
    starts[sentence_starts(arr, text) if first_tokens is None else first_tokens] = 1
    starts[0] = 1  # the first token opens sentence 0 whether or not it is marked
    sent = np.cumsum(starts) - 1
    words = np.flatnonzero(arr[:, 2] == 0)  # not white space
    sent_w = sent[words]
    first = np.empty(len(words), dtype=bool)  # the first word of its sentence
    if len(words):
        first[0] = True
        first[1:] = sent_w[1:] != sent_w[:-1]
    append, new, word_parts, whole = out.append, tuple.__new__, _word_parts, _WHOLE.get
    quote_initial = False  # the last piece is an opening quote of its sentence
    idx = arr[words, 0]
    for idx, end, sent_no, initial in zip(idx.tolist(), (idx + arr[words, 1]).tolist(),
                                          sent_w.tolist(), first.tolist()):
        word = text[idx:end]
        one = whole(word)
        if one is not None:  # a word of one piece (most are): no loop over its parts
            if quote_initial:
                initial = True
            append(new(Piece, (word, idx, end, sent_no, initial, one[0], one[1])))
            quote_initial = initial and one[2]
            continue
        parts = word_parts(word)
        if len(parts) == 1 and len(_WHOLE) < _WHOLE_MAX:
            _WHOLE[word] = parts[0][3:]
        for pos, pos_end, part, low, cap, quote in parts:
            if quote_initial:
                initial = True
            append(new(Piece, (part, idx + pos, idx + pos_end, sent_no, initial, low, cap)))
            quote_initial = initial and quote
            initial = False
    return out


def _is_cap(text: str) -> bool:
    return text[:1].isupper() and (text[:1].isalpha() or any(c.isalpha() for c in text))


_WHOLE: dict[str, tuple[str, bool, bool]] = {}  # a word of one piece -> (lower-cased, capitalised, quote)
_WHOLE_MAX = 200_000


@lru_cache(maxsize=200_000)
def _word_parts(word: str) -> tuple[tuple[int, int, str, str, bool, bool], ...]:
    """(start and end offset, part, lower-cased, capitalised, an opening quote) of each
    hyphen part of a word (memoised: news repeats its words)."""
    parts, pos = [], 0
    for part in _split_hyphens(word):
        if part:
            parts.append((pos, pos + len(part), part, part.lower(), _is_cap(part), part in _QUOTES))
        pos += len(part)
    return tuple(parts)


def _split_hyphens(word: str) -> list[str]:
    if "-" not in word and "/" not in word or len(word) < 3:
        return [word]
    parts, cur = [], ""
    for ch in word:
        if ch in "-/":
            parts += [cur, ch]
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return parts




@dataclass
class TextDoc:
    """The layers of one analysed text (a document, or one piece of a very long one)."""

    text: str
    lang: str
    sentences: list[tuple[int, int]]
    pieces: list[Piece]
    people: People = field(default_factory=People)
    places: list[Mention] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    report_date: Optional[dt.date] = None   # the dateline's day, when it differs from the given date
    _tokens: dict[tuple[int, int], list[Token]] = field(default_factory=dict, repr=False)

    @classmethod
    def read(cls, text: str, lang: str, doc: Doc) -> "TextDoc":
        """The text layers from ``doc``, spaCy's reading of ``text`` (not kept)."""
        arr = token_arrays(doc)
        first = sentence_starts(arr, text)
        return cls(text=text, lang=lang, sentences=spans_of(arr, text, first), pieces=_pieces(arr, text, first))

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The clause tokens of ``text[start:end]`` (a sentence), made on first use and
        kept: the event step asks only for sentences that may hold an event."""
        key = (start, end)
        out = self._tokens.get(key)
        if out is None:
            out = self._tokens[key] = tokenize(self.text, start, end)
        return out
