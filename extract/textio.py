"""Reading input documents: bytes -> text, with a clear error for what is not text.

* UTF-8 (with or without BOM) first; otherwise ``charset-normalizer`` decides
  (cp1252, latin-1 ...). Binary data is refused.
* ``.html``/``.htm`` files are reduced to their article text with
  ``selectolax`` (scripts, styles, iframes and navigation dropped); the title
  and publication date are taken from the metadata when present.
* Zero-width characters and bidi controls are removed; other text stays as it
  is so that offsets refer to what the analyst sees.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from geo.errors import InputError

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")
PREFERRED_ENCODINGS = ("cp1252", "iso8859_15", "latin_1", "cp1251", "koi8_r")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
DATE_META = ("article:published_time", "og:published_time", "date", "pubdate", "publish-date",
             "dc.date", "dc.date.issued", "datePublished", "sailthru.date", "parsely-pub-date")


@dataclass
class DocumentText:
    text: str
    title: Optional[str] = None
    doc_date: Optional[str] = None  # YYYY-MM-DD from metadata
    url: Optional[str] = None


def decode_bytes(data: bytes, name: str) -> str:
    """Text of ``data``; InputError naming ``name`` when it is binary or undecodable."""
    if not data.strip():
        raise InputError(f"{name}: empty document")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    # news in German and English: Western encodings first, then the rest
    best = from_bytes(data, cp_isolation=list(PREFERRED_ENCODINGS)).best() or from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: not text in any known encoding")
    return str(best)


def clean_text(text: str) -> str:
    """Invisible formatting characters removed, line ends normalised."""
    return _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


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
    for sel in ("script", "style", "noscript", "iframe", "nav", "header", "footer", "aside", "form",
                "svg", "template", "object", "embed"):
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
    return DocumentText("\n".join(b for b in blocks if b), title=title, doc_date=date, url=url)


def read_bytes(data: bytes, name: str) -> DocumentText:
    """A document from raw bytes; ``name`` decides HTML handling and appears in errors."""
    text = decode_bytes(data, name)
    if name.lower().endswith(HTML_SUFFIXES) or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        doc = html_to_document(text)
    else:
        doc = DocumentText(text)
    doc.text = clean_text(doc.text)
    if not doc.text.strip():
        raise InputError(f"{name}: no text")
    return doc
