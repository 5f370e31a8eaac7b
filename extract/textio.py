"""Reading input documents: bytes -> text, and the analysis copy of a text.

Reading (``read_bytes``):

* A BOM decides first (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE); then UTF-8;
  otherwise ``charset-normalizer`` decides (cp1252, latin-1 ... first, as the
  news is German and English; UTF-16 without a BOM). Binary data (NUL bytes
  that are not UTF-16, or many control characters) and empty documents are
  refused with an ``InputError`` naming the document.
* ``.html``/``.htm`` files (and text that starts like an HTML page) are
  reduced to their article text with ``selectolax``: nothing is executed or
  rendered; scripts, styles, iframes, forms, navigation are dropped, attributes
  (event handlers) never become text. Title, publication date and canonical
  URL come from the metadata when present.
* Nothing else is changed: the decoded text (without its BOM) is the text that
  offsets refer to. For HTML that is the reduced article text, which the CLI
  prints as the document's ``text``.

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
from typing import Optional

from geo.errors import InputError

MAX_INPUT_BYTES = 200 * 1024 * 1024   # a larger file is refused, not read
_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")
PREFERRED_ENCODINGS = ("cp1252", "iso8859_15", "latin_1", "cp1251", "koi8_r")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
DATE_META = ("article:published_time", "og:published_time", "date", "pubdate", "publish-date",
             "dc.date", "dc.date.issued", "datePublished", "sailthru.date", "parsely-pub-date")
_BOMS = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
         (b"\xef\xbb\xbf", "utf-8"), (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"))
# control characters other than tab, newlines and form feed: many of them mean binary
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
# elements whose content is never article text
DROPPED_ELEMENTS = ("script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed",
                    "applet", "template", "svg", "math", "canvas", "nav", "header", "footer",
                    "aside", "form", "button", "select", "textarea", "input", "dialog", "head")


@dataclass
class DocumentText:
    text: str
    title: Optional[str] = None
    doc_date: Optional[str] = None  # YYYY-MM-DD from metadata
    url: Optional[str] = None
    html: bool = False              # text is the reduced article text of an HTML page


def decode_bytes(data: bytes, name: str) -> str:
    """Text of ``data``; InputError naming ``name`` when it is empty, binary or undecodable."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{name}: too large ({len(data) // (1024 * 1024)} MB; "
                         f"at most {MAX_INPUT_BYTES // (1024 * 1024)} MB)")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError(f"{name}: starts with a {encoding} byte-order mark but is not "
                                 f"{encoding} (byte {err.start + len(bom)})") from None
            return _checked(text, name)
    if not data.strip():
        raise InputError(f"{name}: empty document")
    try:
        return _checked(data.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    if b"\x00" in data:  # only UTF-16/32 without a BOM is text with NUL bytes
        best = from_bytes(data, cp_isolation=["utf_16", "utf_16_le", "utf_16_be", "utf_32"]).best()
        if best is None or not best.encoding.startswith(("utf_16", "utf_32")):
            raise InputError(f"{name}: binary file, not text")
        return _checked(str(best), name)
    # news in German and English: Western encodings first, then the rest
    best = from_bytes(data, cp_isolation=list(PREFERRED_ENCODINGS)).best() or from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: not text in any known encoding")
    return _checked(str(best), name)


def _checked(text: str, name: str) -> str:
    sample = text[:65536]
    if "\x00" in sample or len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise InputError(f"{name}: binary file, not text (control characters)")
    if not visible(text).strip():
        raise InputError(f"{name}: empty document (only white space or invisible characters)")
    return text


def html_to_document(html: str) -> DocumentText:
    """Article text, title, date and canonical URL of an HTML page; nothing is executed."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    tree = HTMLParser(html)
    meta = {}
    for node in tree.css("meta"):
        key = (node.attributes.get("property") or node.attributes.get("name")
               or node.attributes.get("itemprop") or "").strip()
        if key and node.attributes.get("content"):
            meta.setdefault(key.lower(), node.attributes["content"].strip())
    date = None
    for key in DATE_META:
        m = _DATE.search(meta.get(key.lower(), ""))
        if m:
            date = m.group(1)
            break
    if date is None:
        t = tree.css_first("time[datetime]")
        m = _DATE.search(t.attributes.get("datetime") or "") if t else None
        date = m.group(1) if m else None
    title_node = tree.css_first("title")
    title = meta.get("og:title") or (title_node.text(strip=True) if title_node else None)
    canon = tree.css_first("link[rel=canonical]")
    url = meta.get("og:url") or (canon.attributes.get("href") if canon else None)
    for sel in DROPPED_ELEMENTS:
        for node in tree.css(sel):
            node.decompose()
    root = tree.css_first("article") or tree.body or tree.root
    blocks = []
    if root is not None:
        for node in root.css("h1, h2, h3, p, li, blockquote"):
            t = " ".join(node.text(separator=" ").split())
            if t:
                blocks.append(t)
        if not blocks:
            blocks = [" ".join(root.text(separator=" ").split())]
    return DocumentText("\n".join(b for b in blocks if b), title=title or None, doc_date=date,
                        url=url or None, html=True)


def looks_like_html(name: str, text: str) -> bool:
    head = text.lstrip()[:15].lower()
    return name.lower().endswith(HTML_SUFFIXES) or head.startswith(("<!doctype html", "<html"))


def read_bytes(data: bytes, name: str) -> DocumentText:
    """A document from raw bytes; ``name`` decides HTML handling and appears in errors."""
    text = decode_bytes(data, name)
    doc = html_to_document(text) if looks_like_html(name, text) else DocumentText(text)
    if not visible(doc.text).strip():
        raise InputError(f"{name}: no text" + (" (no article text in the HTML page)" if doc.html else ""))
    return doc


# -- the analysis copy ----------------------------------------------------------------------

# removed: zero-width characters, soft hyphen, bidi controls, variation selectors, tags,
# invisible operators and fillers
_INVISIBLE_CLASS = ("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
                    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0"
                    "\U000e0000-\U000e007f")
_INVISIBLE = re.compile(f"[{_INVISIBLE_CLASS}]")
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# what changes the length: runs of invisibles, and a character with combining marks
_LENGTH_CHANGES = re.compile(f"[{_INVISIBLE_CLASS}]+|[{_MARKS}]+")
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
    text = _CRLF.sub(" ", original).translate(_TRANSLATE)
    text = _PUNCT_RUN.sub(lambda m: " " * len(m.group(0)), text)
    text = _unmix_words(text)
    out = AnalysisText(original, text)
    if not _LENGTH_CHANGES.search(text):
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



def visible(text: str) -> str:
    """``text`` without invisible characters (bidi controls, zero-width ...), for display."""
    return _INVISIBLE.sub("", text)
