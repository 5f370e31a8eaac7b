"""Reading input documents: bytes -> text (files, standard input, HTML pages).

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
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from records.errors import InputError

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

# removed: zero-width characters, soft hyphen, bidi controls, variation selectors, tags,
# invisible operators and fillers
INVISIBLE_CLASS = ("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
                    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0"
                    "\U000e0000-\U000e007f")
_INVISIBLE = re.compile(f"[{INVISIBLE_CLASS}]")


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


def visible(text: str) -> str:
    """``text`` without invisible characters (bidi controls, zero-width ...), for display."""
    return _INVISIBLE.sub("", text)
