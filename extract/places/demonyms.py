"""Demonyms as place mentions of their own kind: "Russian", "Palestinians", "Latin American".

Off by default (the contract's places are place names); ``Pipeline(demonyms=True)`` or
``python -m extract --demonyms`` adds them, for the corpora that annotate them as
toponyms (GeoWebNews, LGL). Each is a mention with ``kind: "demonym"`` whose place is
the country (or world region) it names, read from the language's event lexicon: its
demonym stems, inflected ("Israelis"; German "Russen"), and its two-word region
adjectives ("Middle Eastern" -> the Middle East). A capitalised word only, not part of a
place name already found ("American Samoa", "British Columbia") nor a later word of a
person's name ("Frank Russian"; the first word of what the people layer took for a name
is an adjective before it: "Russian President Putin", "the Georgian Interior Ministry").
"""
from __future__ import annotations

from typing import Optional

from extract.text.document import TextDoc
from geo.gazetteer import Gazetteer, importance
from records.model import Mention, Place

KIND = "demonym"
CONFIDENCE = 0.8
MAX_GAP = 1   # characters between the two words of "Latin American"


def find_demonyms(tdoc: TextDoc, lex, gaz: Gazetteer) -> list[Mention]:
    """The demonym mentions of ``tdoc`` (its places and people layers filled); ``lex``: the
    language's event lexicon (``demonym``, ``region_demonym``)."""
    pieces, text = tdoc.pieces, tdoc.text
    taken = sorted((m.start, m.end) for m in tdoc.places)
    people = tdoc.people.piece_idx if tdoc.people is not None else set()
    out: list[Mention] = []
    k = 0
    while k < len(pieces):
        q = pieces[k]
        if not q.cap or not q.text.isalpha() or (k in people and k - 1 in people) \
                or q.text.isupper() and len(q.text) > 1:  # ("Frank Russian"; but "Russian President Putin")
            k += 1
            continue
        nxt = pieces[k + 1] if k + 1 < len(pieces) else None
        pair = nxt is not None and nxt.cap and nxt.sent == q.sent and nxt.start - q.end <= MAX_GAP
        hit = None
        if pair:
            two = f"{q.lower} {nxt.lower}"
            region = lex.region_demonym(two) or _two_word_country(lex, q.lower, two)
            if region:
                hit = (k + 1, region)
        if hit is None:
            value = lex.region_demonym(q.lower) or lex.demonym(q.lower)
            if value:
                hit = (k, value)
        if hit is None:
            k += 1
            continue
        j, value = hit
        start, end = q.start, pieces[j].end
        place = _place(gaz, value)
        if place is not None and not _overlaps(taken, start, end):
            out.append(Mention(text[start:end], start, end, place, CONFIDENCE, kind=KIND))
        k = j + 1
    return out


def _two_word_country(lex, first: str, two: str) -> Optional[str]:
    """A country's two-word demonym ("North Korean", "Sri Lankan"); not a one-word one
    with a short word after it ("British Ai")."""
    iso = lex.demonym(two)
    return iso if iso and lex.demonym(first) != iso else None


def _place(gaz: Gazetteer, value: str) -> Optional[Place]:
    """The country of an ISO code, or the world region of that name."""
    if len(value) == 2 and value.isupper():
        return gaz.country(value)
    cands = [c for c in gaz.lookup(value, translit=False) if c.place.feature in ("region", "admin", "country")]
    return max(cands, key=lambda c: (importance(c), -c.id)).place if cands else None


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)
