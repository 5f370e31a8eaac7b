"""What an analyst's correction may say: each edited field checked on its own and
against the event it lands on (an end before the start, a place without
coordinates, an unknown type or mode), with a message that names the value.

:func:`check_changes` is the one gate: :func:`store.ingest.record_edit` calls it
before anything is written, the correction form calls it with the known event
types and transport modes. Edits already stored are replayed as they are: a
check added later never hides an older correction.
"""
from __future__ import annotations

import datetime as dt
import json
import math
from functools import lru_cache
from typing import Any, Iterable, Mapping, Optional

from geo.choices import same_place
from records.errors import InputError
from records.paths import DATA_DIR

PRECISIONS = ("day", "month", "year", None)
PLACE_FIELDS = ("location", "origin", "destination")
PLACE_KEYS = ("name", "geonameid", "lat", "lon", "country_code", "feature")
LIST_FIELDS = ("actors", "modes")
MAX_TEXT = 500     # characters of a cargo phrase, an actor's name or a note


@lru_cache(maxsize=1)
def known_modes() -> tuple[str, ...]:
    """The transport modes the event lexicons recognise ("sea", "rail", ...), in their order."""
    out: list[str] = []
    for path in sorted((DATA_DIR / "lexicon").glob("events_*.json")):
        with open(path, encoding="utf-8") as f:
            out += [m for m in json.load(f).get("modes", {}) if m not in out]
    return tuple(out)


def _date(field: str, value: Any) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"{field}: {value!r} is not a date (YYYY-MM-DD)") from None


def _text(field: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{field}: {value!r} is not a non-empty text")
    if len(value) > MAX_TEXT:
        raise InputError(f"{field}: longer than {MAX_TEXT} characters")
    return value.strip()


def check_place(field: str, place: Any) -> Optional[dict[str, Any]]:
    """A PLACE dict (contract keys; ``source`` kept) or None; refuses one without a
    name or with coordinates off the globe."""
    if place is None:
        return None
    if not isinstance(place, Mapping):
        raise InputError(f"{field}: {place!r} is not a place")
    name = _text(f"{field} name", place.get("name"))
    try:
        lat, lon = float(place["lat"]), float(place["lon"])
    except (KeyError, TypeError, ValueError):
        raise InputError(f"{field}: {name!r} has no coordinates") from None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise InputError(f"{field}: {name!r} has coordinates off the globe ({lat}, {lon})")
    out = {k: place.get(k) for k in PLACE_KEYS}
    out.update(name=name, lat=lat, lon=lon, feature=place.get("feature") or "other")
    if place.get("source") is not None:
        out["source"] = place["source"]
    return out


def _names(field: str, value: Any) -> list[str]:
    if not isinstance(value, (list, tuple)):
        raise InputError(f"{field}: {value!r} is not a list")
    out = [_text(field, v) for v in value]
    seen = {v.casefold() for v in out}
    if len(seen) < len(out):
        raise InputError(f"{field}: a name appears twice in {out}")
    return out


def check_changes(current: Mapping[str, Any], changes: Mapping[str, Any], *,
                  types: Optional[Iterable[str]] = None,
                  modes: Optional[Iterable[str]] = None) -> dict[str, Any]:
    """*changes* with values normalised (stripped texts, places in PLACE shape, empty
    cargo as None); raises InputError naming the first value that cannot stand.

    *current* is the event as it is now: the dates are checked in order on the
    event the edit makes. *types* / *modes*: the values allowed there (any
    non-empty name when not given)."""
    out: dict[str, Any] = {}
    for field, value in changes.items():
        if field == "type":
            value = _text("type", value)
            if types is not None and value not in set(types):
                raise InputError(f"type: {value!r} is not an event type "
                                 f"(known: {', '.join(types)})")
        elif field in ("date_start", "date_end"):
            value = None if value is None else _date(field, value).isoformat()
        elif field == "date_precision":
            if value not in PRECISIONS:
                raise InputError(f"date_precision: {value!r} is not one of day, month, year "
                                 "or none")
        elif field in PLACE_FIELDS:
            value = check_place(field, value)
        elif field == "via":
            if not isinstance(value, (list, tuple)):
                raise InputError(f"via: {value!r} is not a list of places")
            value = [check_place(f"via {i + 1}", p) for i, p in enumerate(value)]
            if any(p is None for p in value):
                raise InputError("via: an empty place in the list")
        elif field in LIST_FIELDS:
            value = _names(field, value)
            if field == "modes" and modes is not None:
                unknown = [m for m in value if m not in set(modes)]
                if unknown:
                    raise InputError(f"modes: {', '.join(unknown)} not a known transport mode "
                                     f"(known: {', '.join(modes)})")
        elif field in ("cargo", "note"):
            value = None if value is None or not str(value).strip() else _text(field, str(value))
        elif field == "happening":
            if value not in ("split", None):
                raise InputError(f"happening: {value!r} is not 'split' (take the event out of "
                                 "its happening) or none (let it merge again)")
        elif field in ("rejected", "reviewed"):
            if not isinstance(value, bool):
                raise InputError(f"{field}: {value!r} is not true or false")
        out[field] = value
    start = out.get("date_start", current.get("date_start"))
    end = out.get("date_end", current.get("date_end"))
    if start and end and _date("date_end", end) < _date("date_start", start):
        raise InputError(f"the end ({end}) is before the start ({start})")
    return out


def changes_between(current: Mapping[str, Any], proposed: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of *proposed* whose value differs from *current* (what to store).
    Places compare by what they denote (name, id, coordinates), not by extra keys."""
    def same(field: str, a: Any, b: Any) -> bool:
        if field in PLACE_FIELDS:
            return same_place(a, b)
        if field == "via":
            a, b = list(a or []), list(b or [])
            return len(a) == len(b) and all(same_place(x, y) for x, y in zip(a, b))
        if field == "rejected":
            return bool(a) == bool(b)
        if field in LIST_FIELDS:
            return list(a or []) == list(b or [])
        return (a or None) == (b or None)

    current_rejected = current.get("review_status") == "rejected"
    return {f: v for f, v in proposed.items()
            if not same(f, current_rejected if f == "rejected" else current.get(f), v)}
