"""The day of a lead's news told in the next sentence (issue 13, silver reviews 27 and 33).

An undated lead takes the report's day as a guess (``Happening.date_soft``). When the sentence
right after it tells the same happening again and names exactly one day, in any of its
clauses, that day is the happening's: "Paris – Demonstranten haben ein Treffen von
Konzernführung und Betriebsrat gestürmt. Die Mitarbeiter drangen am Montagvormittag in die
Zentrale ein, schlugen Manager in die Flucht und erzwangen einen Abbruch der Sitzung" (the
sitting's own clause has no date; the coordinated clause before it has). A sentence with two
days, or one that only names a month or a year, leaves the guess.

    retell_dates(happenings, timexes) -> None
"""
from __future__ import annotations

from extract.events.dates import interval
from extract.events.merge import Happening
from records.model import Timex

_NEXT = 1  # sentences after the lead: only the one right after it retells its news


def retell_dates(happenings: list[Happening], timexes: list[Timex]) -> None:
    """Give each happening dated by the lead's guess the one day its next-sentence retelling
    names (a time of day counts as its day: "am Montagvormittag"), when that day lies at or
    before the guess (news is told after it happens)."""
    for h in happenings:
        if not h.date_soft or h.date is None:
            continue
        first = min(m.sentence for m in h.mentions)
        for m in h.mentions:
            if m.date is not None or not 0 < m.sentence - first <= _NEXT:
                continue
            days = [iv for iv in (interval(t.value) for t in timexes
                                  if m.span[0] <= t.start < m.span[1] and t.type in ("DATE", "TIME"))
                    if iv is not None and iv[2] == "day"]
            if len(days) == 1 and days[0][1] <= h.date[1]:
                h.date, h.date_soft = days[0], False
                break
