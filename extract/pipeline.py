"""The extraction pipeline: text -> places, timexes and events of one document.

The gazetteer and spaCy pipelines are loaded once per process and passed in;
``get_pipeline()`` returns the process-wide instance.
"""
from __future__ import annotations

import datetime as dt
import gc
from dataclasses import replace
from typing import Callable, Iterator, Optional

from extract.dates.dateline import dateline_date
from extract.dates.tagger import tag_timexes
from extract.events.extract import extract_events
from extract.events.highlights import date_highlights
from extract.text.lang import detect_language
from extract.text.document import TextDoc
from extract.text.nlp import parse
from extract.places.demonyms import find_demonyms
from extract.places.nationality import country_hints
from extract.places.recognize import PlaceRecognizer
from extract.events.lexicon import event_lexicon
from extract.lexicon import place_cues
from records.model import Document, Event
from extract.text.clean import AnalysisText, analysis_text
from records.inputs import visible
from geo.gazetteer import Gazetteer, default_gazetteer
from geo.online import OnlineGeocoder
from geo.resolve import resolve

# Texts longer than this are analysed in pieces (cut at line, sentence or word ends) so
# that time and memory grow linearly; shorter ones -- every news article -- in one go.
MAX_CHARS_PER_CHUNK = 50_000
# place names resolved together at most (resolution compares every pair of names)
RESOLVE_WINDOW = 200
# garbage-collection thresholds once the pipeline is loaded (Python's are 700, 10, 10): the
# memos of words and names are long-lived objects that every full collection walks again,
# and a document leaves few reference cycles behind
GC_THRESHOLDS = (5000, 20, 50)

Progress = Callable[[int, int], None]


def _today() -> dt.date:
    return dt.date.today()


class Pipeline:
    """Everything ``python -m extract`` computes, for one document at a time."""

    def __init__(self, gazetteer: Gazetteer, clock: Callable[[], dt.date] = _today,
                 online: Optional[OnlineGeocoder] = None):
        """``online``: a geo.online.OnlineGeocoder for names the gazetteer lacks (off: None)."""
        self.gazetteer = gazetteer
        self.online = online
        self.places = PlaceRecognizer(gazetteer, online=online)
        self.clock = clock

    def process(self, text: str, *, doc_id: str, doc_date: Optional[dt.date] = None,
                doc_date_source: Optional[str] = None, lang: str = "auto",
                title: Optional[str] = None, url: Optional[str] = None,
                progress: Optional[Progress] = None, demonyms: bool = False) -> Document:
        """Extract one document. Without ``doc_date`` today's date is used and said so.
        ``demonyms``: add demonyms ("Russian") as mentions of kind "demonym" (after the
        events are read: no event takes its place from one).

        The analysis reads a cleaned copy of ``text`` (extract.text.clean.analysis_text);
        every offset in the result refers to ``text`` as given. ``progress(done, total)``
        is called after each piece of a long text (characters of the cleaned copy).
        """
        clean = analysis_text(text)
        if lang in (None, "", "auto"):
            lang = detect_language(clean.text)
        if doc_date is None:
            doc_date, doc_date_source = self.clock(), "default"
        doc = Document(id=doc_id, lang=lang, doc_date=doc_date.isoformat(),
                       doc_date_source=doc_date_source or "argument", text=text, title=title, url=url)
        total = len(clean.text)
        timexes, filed = self.dates(clean.text, lang, doc_date)  # one time line, however long the text
        for offset, chunk in _chunks(clean.text, MAX_CHARS_PER_CHUNK):
            own = [_shift(t, -offset) for t in timexes if offset <= t.start and t.end <= offset + len(chunk)]
            tdoc = self.read(chunk, lang, doc_date, (own, filed))
            events = extract_events(tdoc, tdoc.report_date or doc_date, self.gazetteer,
                                    date_known=doc_date_source != "default")
            doc.places += [_shift(m, offset) for m in tdoc.places]
            if demonyms:
                doc.places += [_shift(m, offset) for m in find_demonyms(tdoc, event_lexicon(lang), self.gazetteer)]
            doc.timexes += [_shift(t, offset) for t in tdoc.timexes]
            for e in events:  # the words that dated it (the event step keeps no timex)
                e.highlights = sorted({*e.highlights, *date_highlights(e, tdoc.timexes)})
            doc.events += [_shift_event(e, offset) for e in events]
            if progress is not None:
                progress(offset + len(chunk), total)
        doc.events = _without_repeats(doc.events)
        if demonyms:
            doc.places.sort(key=lambda m: (m.start, m.end))
        if clean.text != text:
            _map_back(doc, clean)
        return doc

    @staticmethod
    def dates(text: str, lang: str, doc_date: dt.date) -> tuple[list, Optional[dt.date]]:
        """The timexes of a whole text, and the day its dateline gives when that differs from
        ``doc_date`` ("BRUSSELS, March 2 -" in a story stored on March 1), which then anchors them."""
        timexes = tag_timexes(text, doc_date, lang)
        filed = dateline_date(text, timexes, doc_date)
        if filed is not None:
            timexes = tag_timexes(text, filed, lang)
        return timexes, filed

    def place_spans(self, text: str, lang: str) -> tuple[TextDoc, list]:
        """The analysed text (sentences, tokens, people) and its place-name spans with their
        candidates and context (qualifiers, nationality hints), before resolution."""
        tdoc = TextDoc.read(text, lang, parse(lang, text))
        tdoc.people = self.places.people(tdoc)
        spans = self.places.recognize(tdoc)
        cues = place_cues(lang)
        country_hints(text, spans, event_lexicon(lang).demonym, cues.nationality_heads, cues.nouns_capitalised)
        return tdoc, spans

    def read(self, text: str, lang: str, doc_date: dt.date, dates: Optional[tuple] = None) -> TextDoc:
        """The layers of one analysed text, each made once, in the order later ones need:
        sentences and tokens (spaCy, read once), people, places, dates. ``dates``: this text's
        (timexes, dateline day) when they were read from the whole document it is a piece of."""
        tdoc, spans = self.place_spans(text, lang)
        places = [m for group in resolve_groups(spans) for m in resolve(group, lang)]
        tdoc.timexes, tdoc.report_date = dates if dates is not None else self.dates(text, lang, doc_date)
        # a date is not a place ("in March", "Juli")
        tdoc.places = [m for m in places
                       if not any(t.start < m.end and m.start < t.end for t in tdoc.timexes)]
        return tdoc


def resolve_groups(spans: list) -> Iterator[list]:
    """The groups of place-name spans that are resolved together."""
    return _windows(spans, RESOLVE_WINDOW)


def _shift(item, offset: int):
    """A mention or timex moved ``offset`` characters on."""
    if not offset:
        return item
    return replace(item, start=item.start + offset, end=item.end + offset)


def _place_key(place) -> Optional[tuple]:
    return None if place is None else (place.geonameid, place.name, place.country_code)


def _without_repeats(events: list[Event]) -> list[Event]:
    """The events of a long text read in chunks, each happening once: an event whose every
    field and evidence sentence repeat an earlier one (a text pasted twice, a feed dump
    with the same wire story in it again) is dropped; the first report stays. Within one
    chunk the event merger has already joined reports of one happening."""
    seen: set[tuple] = set()
    kept = []
    for ev in events:
        key = (ev.type, ev.date_start, ev.date_end, ev.date_precision, ev.status,
               _place_key(ev.location), _place_key(ev.origin), _place_key(ev.destination),
               tuple(_place_key(p) for p in ev.via), tuple(ev.modes), ev.cargo,
               tuple(ev.actors), " ".join(ev.evidence.split()))
        if key not in seen:
            seen.add(key)
            kept.append(ev)
    return kept


def _shift_event(event: Event, offset: int) -> Event:
    if offset:
        event.start, event.end = event.start + offset, event.end + offset
        event.evidence_spans = [(s + offset, e + offset) for s, e in event.evidence_spans]
        event.highlights = [(s + offset, e + offset, k) for s, e, k in event.highlights]
    return event


def _map_back(doc: Document, clean: AnalysisText) -> None:
    """Offsets of the cleaned copy -> offsets of the text as given (``doc.text``)."""
    text = doc.text

    def moved(item):
        s, e = clean.span(item.start, item.end)
        return replace(item, start=s, end=e, text=text[s:e])

    doc.places = [moved(m) for m in doc.places]
    doc.timexes = [moved(t) for t in doc.timexes]
    for ev in doc.events:
        ev.start, ev.end = clean.span(ev.start, ev.end)
        ev.evidence_spans = [clean.span(s, e) for s, e in ev.evidence_spans]
        ev.highlights = [(*clean.span(s, e), k) for s, e, k in ev.highlights]
        spans = ev.evidence_spans or [(ev.start, ev.end)]
        ev.evidence = " ".join(visible(text[s:e]).strip() for s, e in spans)


def _windows(spans: list, size: int):
    """``spans`` in consecutive groups of about ``size`` for resolution; a name and the
    ", Country" span qualifying it stay together, qualifier indexes are renumbered."""
    if len(spans) <= size:
        yield spans
        return
    base = 0
    while base < len(spans):
        end = min(len(spans), base + size)
        while end < len(spans) and spans[end - 1].qualifier == end:
            end += 1
        yield [sp if sp.qualifier is None else
               replace(sp, qualifier=sp.qualifier - base if base <= sp.qualifier < end else None)
               for sp in spans[base:end]]
        base = end


_CUTS = ("\n", ". ", " ")


def _chunks(text: str, size: int):
    """(offset, chunk) pieces of at most ``size`` characters, cut at a line end, else a
    sentence end, else a space in the second half of the piece; a text without any of
    them (one enormous token) is cut where the size says."""
    start = 0
    n = len(text)
    while start < n:
        end = min(n, start + size)
        if end < n:
            for sep in _CUTS:
                cut = text.rfind(sep, start + size // 2, end)
                while sep == ". " and cut > start and text[cut - 1].isdigit():
                    cut = text.rfind(sep, start + size // 2, cut)  # "3. Oktober" is no sentence end
                if cut > start:
                    end = cut + len(sep)
                    break
        yield start, text[start:end]
        start = end


_PIPELINE: Optional[Pipeline] = None


def get_pipeline() -> Pipeline:
    """The process-wide pipeline (gazetteer loaded on first call)."""
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = Pipeline(default_gazetteer())
        # the gazetteer is millions of objects that live as long as the process: leave them
        # out of every later garbage collection (a full one walks all of them)
        gc.freeze()
        gc.set_threshold(*GC_THRESHOLDS)
    return _PIPELINE
