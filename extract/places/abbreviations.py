"""AP-style state abbreviations ("Charleston, W.Va.", "Sen. Graham, R-S.C.", "in Calif.").

The dotted forms of two or more capitals are no word ("W.Va.", "N.Y.", "S.C."): they are
the state wherever they stand ("the S.C. Highway Patrol"). The others are read as a
state only where news writes one for a state: after a comma that follows a name (the
"City, Abbr." position of datelines and addresses), after a party letter and a hyphen
("R-S.C.", "D-Calif."), or after a locative preposition ("in Calif.").
It must carry its full stop: "Mass" (the service), "Miss" and "Pa" are words; "Mass.",
"Miss.", "Pa." after "Boston," or "Jackson," are states. The table is data
(``data/us_state_abbreviations.csv``, geo.sources).
"""
from __future__ import annotations

from typing import Optional

from extract.text.document import Piece
from geo.gazetteer import Candidate, Gazetteer

MAX_GAP = 1       # characters between the two pieces of "W. Va."
PARTY = frozenset("RDI")


def abbreviation_at(text: str, pieces: list[Piece], i: int, gaz: Gazetteer,
                    locatives: frozenset[str]) -> Optional[tuple[int, list[Candidate]]]:
    """(last piece, the state's candidates) when pieces i.. are a state abbreviation in a
    place where news writes one; else None."""
    for j in (i + 1, i):
        if j >= len(pieces) or pieces[j].sent != pieces[i].sent:
            continue
        if j > i and pieces[j].start - pieces[i].end > MAX_GAP:
            continue
        surface = text[pieces[i].start:pieces[j].end]
        stop = "." in surface or text[pieces[j].end:pieces[j].end + 1] == "."
        if not stop:
            continue
        cands = gaz.abbreviation(surface)
        if cands and (_dotted(surface) or _in_place(pieces, i, locatives)):
            return j, cands
    return None


def _dotted(surface: str) -> bool:
    """Capitals with a full stop inside ("W.Va.", "S.C.", "N.Y."): no word is written so."""
    return surface.rstrip(".").count(".") >= 1 and sum(c.isupper() for c in surface) >= 2


def _in_place(pieces: list[Piece], i: int, locatives: frozenset[str]) -> bool:
    prev = pieces[i - 1] if i > 0 and pieces[i - 1].sent == pieces[i].sent else None
    if prev is None:
        return False
    before = pieces[i - 2] if i > 1 and pieces[i - 2].sent == pieces[i].sent else None
    if prev.text == ",":
        return before is not None and before.cap and before.text[:1].isalpha()
    if prev.text == "-" and prev.start == (before.end if before else -1):
        return before is not None and before.text in PARTY and prev.end == pieces[i].start
    return prev.lower in locatives
