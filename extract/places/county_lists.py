"""Bare county names where the text says they are counties: "in Jackson and Barrow
counties", "Clarke, Madison, Oconee and Oglethorpe counties", "Caddo and Bossier parishes".

A county is a candidate for its full name only ("Kanawha County"); its bare name is a town,
a person or a word far more often ("Jackson", "Orange", "Madison"). A list of two or more
capitalised names joined by commas and "and"/"or" right before the plural "counties" or
"parishes" is the exception: each name the gazetteer knows as "<name> County" ("<name>
Parish") becomes a span whose candidates are those counties, in place of any other reading.
A name of several counties keeps the one nearest to the list's names of a single county.
"""
from __future__ import annotations

from extract.text.document import Piece
from geo.admin_units import is_county_name
from geo.distance import place_km
from geo.gazetteer import Gazetteer, importance

PLURALS = {"counties": "County", "parishes": "Parish"}
JOINERS = frozenset({",", "and", "or", "&"})
MAX_NAME_PIECES = 3
MIN_NAMES = 2


def county_lists(text: str, pieces: list[Piece], spans: list, gaz: Gazetteer, make_span) -> list:
    """``spans`` with the names of each county list replaced by county spans (in text order).
    ``make_span(surface, start, end, candidates, score, first, last)`` builds one span."""
    added = []
    for h, q in enumerate(pieces):
        word = PLURALS.get(q.lower)
        if word is None:
            continue
        found = []
        for first, last in _names_before(pieces, h):
            surface = text[pieces[first].start:pieces[last].end]
            cands = [c for c in gaz.lookup(f"{surface} {word}", translit=False)
                     if c.place.feature == "admin" and is_county_name(c.place.name)]
            if cands:
                found.append((surface, first, last, cands))
        # the counties of one list are neighbours: a name of several counties is the one
        # nearest to a name of one ("Barrow" is only in Georgia: "Jackson" is Jackson County, GA)
        single = [cands[0].place for *_, cands in found if len(cands) == 1]
        for surface, first, last, cands in found:
            if single and len(cands) > 1:
                cands = [min(cands, key=lambda c: min(place_km(c.place, a) for a in single))]
            added.append(make_span(surface, pieces[first].start, pieces[last].end, cands,
                                   max(importance(c) for c in cands), first, last))
    if not added:
        return spans
    kept = [s for s in spans if not any(a.start < s.end and s.start < a.end for a in added)]
    return sorted(kept + added, key=lambda s: s.start)


def _names_before(pieces: list[Piece], h: int) -> list[tuple[int, int]]:
    """(first, last) piece of each capitalised name of the list that ends at piece ``h - 1``,
    when there are at least MIN_NAMES of them and an "and"/"or" joins the last two."""
    names: list[tuple[int, int]] = []
    k, sent, joined = h - 1, pieces[h].sent, False
    while k >= 0 and pieces[k].sent == sent and pieces[k].cap and pieces[k].text[:1].isalpha():
        first = k
        while first - 1 >= 0 and k - first + 1 < MAX_NAME_PIECES and pieces[first - 1].cap \
                and pieces[first - 1].sent == sent and pieces[first - 1].text[:1].isalpha():
            first -= 1
        names.append((first, k))
        k = first - 1
        seps = 0
        while k >= 0 and pieces[k].sent == sent and pieces[k].lower in JOINERS:
            joined |= len(names) == 1 and pieces[k].lower in ("and", "or", "&")
            seps += 1
            k -= 1
        if not seps:
            break
    return names if len(names) >= MIN_NAMES and joined else []
