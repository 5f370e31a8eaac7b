"""ACLED-style precision codes of an event: where (``geo_precision``) and when
(``time_precision``), each 1 (most precise) to 3, or ``None`` when the event has no
place / no date.

The codes follow the ACLED codebook (Armed Conflict Location & Event Data Project,
*ACLED Codebook*, sections "Spatial precision codes" and "Time precision"; the variables
``geo_precision`` and ``time_precision`` of its data columns):

* geo_precision 1 -- the source names a particular town, and coordinates are available
  for it; 2 -- the source names a small part of a region or a spot near a town, coded to
  a town that stands for that area; 3 -- a larger region is named (or the closest natural
  location: "border area", "sea"), coded to its provincial capital or its centre.
* time_precision 1 -- the source gives the actual day; 2 -- the source says the event
  happened sometime during a week or a similar span of days; 3 -- the source only says a
  month (or longer), coded to the middle of it.

How Lagebild's records map onto them is data, ``data/precision.json``: the gazetteer
feature of the event's map place (:func:`records.event_types.map_point`: a meeting's
place, a shipment's destination) gives the geo code (city and facility 1, a spot of
unknown kind 2, admin unit, region, sea and country 3); ``date_precision`` and the span
from ``date_start`` to ``date_end`` give the time code (a single day 1, up to seven days
2, a month, a year or a longer span 3).

Error policy: the functions never raise on an event dict. A missing place, missing
dates, a date that is not ``YYYY-MM-DD`` or an end before the start give ``None``
(precision unknown), as an undated or unplaced event does; an unknown feature counts as
a spot of unknown kind (2). The codes are computed whenever an event dict is made (the
extraction output, and the store on every read), never stored, so an analyst's edit of
a place or a date changes them at once.
"""
from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from typing import Any, Mapping, Optional

from records.event_types import map_point
from records.paths import DATA_DIR

SPEC_FILE = DATA_DIR / "precision.json"
PRECISION_KEYS = ("geo_precision", "time_precision")
CODES = (1, 2, 3)


@lru_cache(maxsize=1)
def _spec() -> dict[str, Any]:
    with open(SPEC_FILE, encoding="utf-8") as f:
        spec = json.load(f)
    bad = {k: v for k, v in spec["geo_precision"].items() if v not in CODES}
    bad.update({k: v for k, v in spec["time_precision"]["coarse"].items() if v not in CODES})
    if bad or "other" not in spec["geo_precision"]:
        raise ValueError(f"{SPEC_FILE}: codes must be one of {CODES} and 'other' must be "
                         f"given; got {bad or spec['geo_precision']}")
    return spec


def place_precision(place: Optional[Mapping[str, Any]]) -> Optional[int]:
    """The geo code of one PLACE dict by its feature; None for no place."""
    if not place:
        return None
    table = _spec()["geo_precision"]
    return table.get(str(place.get("feature") or "other"), table["other"])


def geo_precision(event: Mapping[str, Any]) -> Optional[int]:
    """ACLED geo_precision (1-3) of the event's map place; None when it has no place."""
    return place_precision(map_point(event))


def _day(value: Any) -> Optional[dt.date]:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def span_days(event: Mapping[str, Any]) -> Optional[int]:
    """Days from date_start to date_end, both counted (1 for a single day); a missing
    end is the start's day and a missing start the end's. None when undated or invalid."""
    start, end = _day(event.get("date_start")), _day(event.get("date_end"))
    if (event.get("date_start") and start is None) or (event.get("date_end") and end is None):
        return None
    start, end = start or end, end or start
    if start is None or end is None or end < start:
        return None
    return (end - start).days + 1


def time_precision(event: Mapping[str, Any]) -> Optional[int]:
    """ACLED time_precision (1-3) from date_precision and the span; None when undated."""
    days = span_days(event)
    if days is None:
        return None
    spec = _spec()["time_precision"]
    coarse = spec["coarse"].get(str(event.get("date_precision") or ""))
    if coarse is not None:
        return coarse
    if days <= spec["day_max_days"]:
        return 1
    return 2 if days <= spec["week_max_days"] else 3


def codes(event: Mapping[str, Any]) -> dict[str, Optional[int]]:
    """``{"geo_precision": ..., "time_precision": ...}`` of *event* (the extension keys)."""
    return {"geo_precision": geo_precision(event), "time_precision": time_precision(event)}


def geo_label(code: Optional[int]) -> str:
    """'town or facility', 'near a town or part of a region', 'region or country'; '' for None."""
    return _spec()["geo_labels"].get(str(code), "") if code is not None else ""


def time_label(code: Optional[int]) -> str:
    """'day', 'week', 'month or longer'; '' for None."""
    return _spec()["time_labels"].get(str(code), "") if code is not None else ""
