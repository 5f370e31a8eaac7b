"""The analysis copy of a text: what the pipeline reads, and the way back.

Analysing (``analysis_text``): the pipeline works on a copy of the text in
which zero-width characters, soft hyphens and bidi controls are removed,
combining marks are composed (or dropped), odd spaces and control characters
become plain ones, runs of eight or more punctuation characters become spaces
(spaCy's tokenizer is quadratic in them), fullwidth letters become ASCII, and Latin/Cyrillic/Greek
look-alikes inside a mixed-script word become the word's main script
("Mos\\u200bkau", "Moskаu" with a Cyrillic а -> "Moskau"). ``AnalysisText``
maps every offset of that copy back to the text as given, so that
``text[start:end]`` is the mention as it stands in the input
(``"Mos\\u200bkau"``) -- the contract's promise holds for files, standard input
and JSONL alike.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field

from records.inputs import INVISIBLE_CLASS as _INVISIBLE_CLASS

_INVISIBLE = re.compile(f"[{_INVISIBLE_CLASS}]")

# -- the analysis copy ----------------------------------------------------------------------

_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# what changes the length: runs of invisibles, and a character with combining marks
_LENGTH_CHANGES = re.compile(f"[{_INVISIBLE_CLASS}]+|[{_MARKS}]+")
_ANY_LENGTH_CHANGE = re.compile(f"[{_INVISIBLE_CLASS}{_MARKS}]")  # is there a match at all
_STRAY_MARKS = re.compile(f"[{_MARKS}]+")


def _one_to_one() -> dict[int, str]:
    table = {c: " " for c in (0xA0, 0x1680, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B))}
    table.update({c: "\n" for c in (0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029)})
    table.update({c: " " for c in (*range(0x00, 0x09), *range(0x0E, 0x1C), 0x1F, 0x7F,
                                   *range(0x80, 0x85), *range(0x86, 0xA0))})
    table[0x0D] = "\n"  # a lone carriage return ends a line; in CR LF it becomes a space first
    table.update({c: "\ufffd" for c in range(0xD800, 0xE000)})     # lone surrogates
    table.update({c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)})  # fullwidth ASCII
    return table


_TRANSLATE = _one_to_one()
# any character the table changes (a search for one is far cheaper than translating)
_TRANSLATED = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TRANSLATE)) + "]")
_CRLF = re.compile("\r(?=\n)")
# spaCy strips a token's leading and trailing punctuation one character at a time, each
# step costing the token's length: 20,000 "(" take a minute. Long runs become spaces.
_PUNCT_RUN = re.compile(r"[^\w\s]{8,}")
# Latin look-alikes in Cyrillic and Greek, and the reverse for Cyrillic words
_TO_LATIN = str.maketrans("аеорсухіјѕԁԛԝһӏАВЕКМНОРСТХУІЈЅԚԜΑΒΕΖΗΙΚΜΝΟΡΤΥΧοινα",
                          "aeopcyxijsdqwhlABEKMHOPCTXYIJSQWABEZHIKMNOPTYXoiva")
_TO_CYRILLIC = str.maketrans("aeopcyxiABEKMHOPCTXY", "аеорсухіАВЕКМНОРСТХУ")
_LATIN = "A-Za-z\u00c0-\u024f"
_OTHER = "\u0370-\u03ff\u0400-\u052f"
# a word holding a Cyrillic or Greek letter; tried at word starts only, so linear
_OTHER_WORD = re.compile(f"(?<![^\\W\\d_])[^\\W\\d_]*[{_OTHER}][^\\W\\d_]*")
_LATIN_CHAR = re.compile(f"[{_LATIN}]")
_OTHER_CHAR = re.compile(f"[{_OTHER}]")


def _unmix(word: str) -> str:
    """A mixed Latin/Cyrillic/Greek word in the script most of its letters are in."""
    latin, other = len(_LATIN_CHAR.findall(word)), len(_OTHER_CHAR.findall(word))
    as_latin = word.translate(_TO_LATIN)
    if latin >= other and not _OTHER_CHAR.search(as_latin):
        return as_latin
    as_cyrillic = word.translate(_TO_CYRILLIC)
    if not _LATIN_CHAR.search(as_cyrillic):
        return as_cyrillic
    return word  # not look-alikes: leave it


def _unmix_words(text: str) -> str:
    """Every word with Latin and Cyrillic/Greek letters through :func:`_unmix` (lengths kept)."""
    if not _OTHER_CHAR.search(text):
        return text
    return _OTHER_WORD.sub(lambda m: _unmix(m.group(0)) if _LATIN_CHAR.search(m.group(0)) else m.group(0),
                           text)


@dataclass
class AnalysisText:
    """The text the pipeline reads, and the way back to the text as given.

    ``start(i)``/``end(i)`` map a start/end offset of ``text`` to ``original``;
    between breakpoints the offsets differ by a constant.
    """

    original: str
    text: str
    _start_at: list[int] = field(default_factory=list)
    _start_shift: list[int] = field(default_factory=list)
    _end_at: list[int] = field(default_factory=list)
    _end_shift: list[int] = field(default_factory=list)

    @property
    def same_length(self) -> bool:
        return not self._start_at

    def start(self, i: int) -> int:
        k = bisect_right(self._start_at, i) - 1
        return i + (self._start_shift[k] if k >= 0 else 0)

    def end(self, i: int) -> int:
        if i <= 0:
            return 0
        k = bisect_right(self._end_at, i - 1) - 1
        return i + (self._end_shift[k] if k >= 0 else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        s = self.start(start)
        return s, max(s, self.end(end))


def analysis_text(original: str) -> AnalysisText:
    """The copy of ``original`` the pipeline reads (see the module docstring)."""
    text = _CRLF.sub(" ", original)
    if _TRANSLATED.search(text):
        text = text.translate(_TRANSLATE)
    text = _PUNCT_RUN.sub(lambda m: " " * len(m.group(0)), text)
    text = _unmix_words(text)
    out = AnalysisText(original, text)
    if not _ANY_LENGTH_CHANGE.search(text):
        return out
    pieces: list[str] = []
    pos = removed = 0
    for m in _LENGTH_CHANGES.finditer(text):
        a, b = m.span()
        if not _INVISIBLE.match(text, a) and a > pos:
            # a character with combining marks: composed where Unicode can, other marks dropped
            a -= 1
            pieces.append(text[pos:a])
            composed = _STRAY_MARKS.sub("", unicodedata.normalize("NFC", text[a:b])) or text[a]
            pieces.append(composed)
            ci, j = a - removed, len(composed)
            removed += (b - a) - j
            out._end_at.append(ci + j - 1)
            out._end_shift.append(removed)
            out._start_at.append(ci + j)
            out._start_shift.append(removed)
        else:  # invisibles, or marks with nothing to sit on: removed
            pieces.append(text[pos:a])
            ci = a - removed
            removed += b - a
            out._start_at.append(ci)
            out._start_shift.append(removed)
            out._end_at.append(ci)
            out._end_shift.append(removed)
        pos = b
    pieces.append(text[pos:])
    out.text = "".join(pieces)
    return out
