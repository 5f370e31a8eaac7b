"""Pure exporters from contract-shaped document dicts to CSV rows (GeoJSON:
records/geojson.py; the ACLED-style columns after the contract's: records/acled.py).

Input is what ``python -m extract`` prints (see shared/contract/CONTRACT.md):
a list of DOCUMENT dicts, each with an ``events`` list. Nothing here touches
the network, the clock or streamlit.

Spreadsheet safety (decided here, once): every *string* cell that starts with
``= + - @``, a tab or a carriage return is prefixed with an apostrophe so a
spreadsheet shows it as text instead of evaluating it. Numbers (latitude,
longitude, confidence) are written as numbers -- a negative longitude stays
``-3.7`` -- because ints and floats cannot carry a formula.
"""
from __future__ import annotations

import csv
import json
import math
import unicodedata
from typing import Any, Iterable, Mapping, Optional, Sequence, TextIO

from records.event_types import map_point  # noqa: F401  (the export's map point, re-exported)
from records.model import EVENT_CONTRACT_KEYS

CSV_COLUMNS: tuple[str, ...] = (
    "event_id", "event_type", "date_start", "date_end", "date_precision",
    "actors", "location_name", "latitude", "longitude", "country_code",
    "origin_name", "origin_lat", "origin_lon", "destination_name",
    "destination_lat", "destination_lon", "modes", "cargo", "confidence",
    "evidence", "source_id", "source_title", "source_url",
)

LIST_SEPARATOR = "; "
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

# The contract's EVENT keys, in contract order (records.model); GeoJSON properties carry
# these plus whatever extra keys the event has.
EVENT_FIELDS: tuple[str, ...] = EVENT_CONTRACT_KEYS


def safe_cell(value: Any) -> Any:
    """Return *value* ready for a spreadsheet cell.

    ``None`` becomes ``""``; strings starting with a formula trigger get a
    leading apostrophe; numbers and booleans pass through unchanged.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        # spreadsheets skip leading blanks and read fullwidth signs as ASCII ones
        head = unicodedata.normalize("NFKC", value.lstrip(" \u00a0\u3000")[:1])
        if value.startswith(_FORMULA_PREFIXES) or head in _FORMULA_PREFIXES:
            return "'" + value
        return value
    return value


def _join(values: Optional[Iterable[Any]]) -> str:
    if not values:
        return ""
    return LIST_SEPARATOR.join(str(v) for v in values if v not in (None, ""))


def flat_value(value: Any) -> Any:
    """*value* as one flat cell or GeoJSON property: a list of plain values joined with
    ``"; "`` (as the CSV joins actors and modes), an object or a list holding objects or
    lists as its JSON text, a float that is not finite as None, anything else as it is."""
    if isinstance(value, (list, tuple)):
        if all(v is None or isinstance(v, (str, int, float, bool)) for v in value):
            return _join(value)
        return json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False, default=str)
    if isinstance(value, Mapping):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False, default=str)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _place_fields(place: Optional[Mapping[str, Any]]) -> tuple[Any, Any, Any]:
    if not place:
        return None, None, None
    return place.get("name"), place.get("lat"), place.get("lon")


def event_row(event: Mapping[str, Any], document: Optional[Mapping[str, Any]] = None,
              extra_columns: Sequence[str] = ()) -> dict[str, Any]:
    """One CSV row (raw values, not yet spreadsheet-escaped) for one event.

    The source columns come from *document* when given, else from the event's
    own ``source_id``/``source_title``/``source_url`` keys (as the store adds).
    """
    doc = document or {}
    point = map_point(event) or {}
    origin_name, origin_lat, origin_lon = _place_fields(event.get("origin"))
    dest_name, dest_lat, dest_lon = _place_fields(event.get("destination"))
    row: dict[str, Any] = {
        "event_id": event.get("id"),
        "event_type": event.get("type"),
        "date_start": event.get("date_start"),
        "date_end": event.get("date_end"),
        "date_precision": event.get("date_precision"),
        "actors": _join(event.get("actors")),
        "location_name": point.get("name"),
        "latitude": point.get("lat"),
        "longitude": point.get("lon"),
        "country_code": point.get("country_code"),
        "origin_name": origin_name,
        "origin_lat": origin_lat,
        "origin_lon": origin_lon,
        "destination_name": dest_name,
        "destination_lat": dest_lat,
        "destination_lon": dest_lon,
        "modes": _join(event.get("modes")),
        "cargo": event.get("cargo"),
        "confidence": event.get("confidence"),
        "evidence": event.get("evidence"),
        "source_id": doc.get("id", event.get("source_id")),
        "source_title": doc.get("title", event.get("source_title")),
        "source_url": doc.get("url", event.get("source_url")),
    }
    for column in extra_columns:
        row[column] = flat_value(event.get(column))
    return row


def events_to_rows(documents: Iterable[Mapping[str, Any]],
                   extra_columns: Sequence[str] = ()) -> list[dict[str, Any]]:
    """Flatten documents into CSV rows, ``CSV_COLUMNS`` first, then *extra_columns*."""
    return [event_row(ev, doc, extra_columns)
            for doc in documents for ev in doc.get("events") or ()]



def write_csv(rows: Iterable[Mapping[str, Any]], fp: TextIO,
              extra_columns: Sequence[str] = ()) -> int:
    """Write *rows* as CSV with a header to the text stream *fp*.

    Every cell passes through :func:`safe_cell`. Returns the number of rows.
    Open files with ``newline=""`` as the csv module asks.
    """
    columns = list(CSV_COLUMNS) + [c for c in extra_columns if c not in CSV_COLUMNS]
    writer = csv.writer(fp, lineterminator="\r\n")
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow([safe_cell(row.get(c)) for c in columns])
        count += 1
    return count
