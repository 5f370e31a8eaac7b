"""The day a datelined report was filed ("BRUSSELS, March 2 - ...", "Wien, 2. März –"),
read from the timexes at the head of the story."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from records.model import Timex

_DATELINE_HEAD = 400     # characters: a dateline stands under the headline
_DATELINE_DAYS = 14      # a dateline farther from the given date is a date in the story
_DATELINE_PLACE = re.compile(r"\s*[A-ZÄÖÜ][\w.'’-]*(?:\s+[A-ZÄÖÜ][\w.'’-]*){0,3}\s*(?:\([^)]{1,30}\))?,\s*$")
_DATELINE_DASH = re.compile(r"\s*(?:[-–—]|\(\w+\)\s*[-–—])")


def dateline_date(text: str, timexes: list[Timex], doc_date: dt.date) -> Optional[dt.date]:
    """The day a datelined report was filed: a day date between the place and the dash
    at the head of the story ("BRUSSELS, March 2 - ...", "Wien, 2. März –"). Deictic
    words ("today", "later today") mean that day, which a wire story may give a day
    after the date it was stored with. None when there is no such dateline, or its
    day lies more than two weeks from ``doc_date``."""
    for t in timexes:
        if t.start > _DATELINE_HEAD:
            break
        if t.type != "DATE" or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value):
            continue
        line_start = text.rfind("\n", 0, t.start) + 1
        if not _DATELINE_PLACE.match(text, line_start, t.start) or not _DATELINE_DASH.match(text, t.end):
            continue
        day = dt.date.fromisoformat(t.value)
        if day != doc_date and abs((day - doc_date).days) <= _DATELINE_DAYS:
            return day
        return None
    return None
