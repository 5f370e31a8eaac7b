"""The extraction pipeline: text -> places, timexes and events of one document.

The gazetteer and spaCy pipelines are loaded once per process and passed in;
``get_pipeline()`` returns the process-wide instance.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable, Optional

from extract.lang import detect_language
from extract.nlp import get_nlp
from extract.places import PlaceRecognizer
from extract.records import Document
from geo.gazetteer import Gazetteer, default_gazetteer
from geo.resolve import resolve

MAX_CHARS_PER_CHUNK = 200_000


def _today() -> dt.date:
    return dt.date.today()


class Pipeline:
    """Everything ``python -m extract`` computes, for one document at a time."""

    def __init__(self, gazetteer: Gazetteer, clock: Callable[[], dt.date] = _today):
        self.gazetteer = gazetteer
        self.places = PlaceRecognizer(gazetteer)
        self.clock = clock

    def process(self, text: str, *, doc_id: str, doc_date: Optional[dt.date] = None,
                doc_date_source: Optional[str] = None, lang: str = "auto",
                title: Optional[str] = None, url: Optional[str] = None) -> Document:
        """Extract one document. Without ``doc_date`` today's date is used and said so."""
        if lang in (None, "", "auto"):
            lang = detect_language(text)
        if doc_date is None:
            doc_date, doc_date_source = self.clock(), "default"
        doc = Document(id=doc_id, lang=lang, doc_date=doc_date.isoformat(),
                       doc_date_source=doc_date_source or "argument", text=text, title=title, url=url)
        nlp = get_nlp(lang)
        sentences: list[tuple[int, int]] = []
        for offset, chunk in _chunks(text, MAX_CHARS_PER_CHUNK):
            sdoc = nlp(chunk)
            sentences += [(offset + s.start_char, offset + s.end_char) for s in sdoc.sents]
            spans = self.places.recognize(chunk, sdoc, lang)
            for m in resolve(spans):
                doc.places.append(_shift(m, offset))
        doc.timexes = _timexes(text, doc_date, lang)
        # a date is not a place ("in March", "Juli")
        doc.places = [m for m in doc.places
                      if not any(t.start < m.end and m.start < t.end for t in doc.timexes)]
        doc.events = _events(text, sentences, doc.places, doc.timexes, doc_date, lang, self.gazetteer)
        return doc


def _shift(mention, offset: int):
    if not offset:
        return mention
    from dataclasses import replace
    return replace(mention, start=mention.start + offset, end=mention.end + offset)


def _chunks(text: str, size: int):
    """(offset, chunk) pieces of at most ``size`` characters, cut at paragraph or line ends."""
    start = 0
    n = len(text)
    while start < n:
        end = min(n, start + size)
        if end < n:
            cut = text.rfind("\n", start + size // 2, end)
            if cut > start:
                end = cut + 1
        yield start, text[start:end]
        start = end


def _timexes(text: str, doc_date: dt.date, lang: str):
    try:
        from extract.timex import tag_timexes
    except ImportError:  # the temporal tagger lands separately (issue 3)
        return []
    return tag_timexes(text, doc_date, lang)


def _events(text, sentences, places, timexes, doc_date, lang, gazetteer):
    try:
        from extract.events import extract_events
    except ImportError:  # the event extractor lands separately (issue 4)
        return []
    return extract_events(text, sentences, places, timexes, doc_date, lang, gazetteer)


_PIPELINE: Optional[Pipeline] = None


def get_pipeline() -> Pipeline:
    """The process-wide pipeline (gazetteer loaded on first call)."""
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = Pipeline(default_gazetteer())
    return _PIPELINE
