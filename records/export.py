"""Pure exporters from contract-shaped document dicts to CSV rows and GeoJSON.

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
import math
import unicodedata
from typing import Any, Iterable, Mapping, Optional, Sequence, TextIO

from records.event_types import event_type
from records.model import EVENT_CONTRACT_KEYS

CSV_COLUMNS: tuple[str, ...] = (
    "event_id", "event_type", "date_start", "date_end", "date_precision",
    "actors", "location_name", "latitude", "longitude", "country_code",
    "origin_name", "origin_lat", "origin_lon", "destination_name",
    "destination_lat", "destination_lon", "modes", "cargo", "confidence",
    "evidence", "source_id", "source_title", "source_url",
)

# after the contract's columns: what an analyst filters on (actual, planned, cancelled, denied)
ANALYST_COLUMNS: tuple[str, ...] = ("modality",)
LIST_SEPARATOR = "; "
_MAP_FALLBACK = ("location", "destination", "origin")
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


def _place_fields(place: Optional[Mapping[str, Any]]) -> tuple[Any, Any, Any]:
    if not place:
        return None, None, None
    return place.get("name"), place.get("lat"), place.get("lon")


def map_point(event: Mapping[str, Any]) -> Optional[Mapping[str, Any]]:
    """The place that stands for *event* on the map.

    The roles its event type names (data/event_types.json: a meeting's place, a
    shipment's destination, else its origin), then any other place it has.
    ``None`` when the event has no place at all.
    """
    for key in dict.fromkeys((*event_type(event.get("type")).map_point, *_MAP_FALLBACK)):
        place = event.get(key)
        if place and place.get("lat") is not None and place.get("lon") is not None:
            return place
    return None


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
        value = event.get(column)
        row[column] = _join(value) if isinstance(value, (list, tuple)) else value
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


def _position(place: Mapping[str, Any]) -> Optional[list[float]]:
    """``[lon, lat]`` (RFC 7946 order) or None when missing or not finite."""
    try:
        lon, lat = float(place["lon"]), float(place["lat"])
    except (KeyError, TypeError, ValueError):
        return None
    if not (math.isfinite(lon) and math.isfinite(lat)):
        return None
    if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
        return None
    return [lon, lat]


def event_geometry(event: Mapping[str, Any]) -> Optional[dict[str, Any]]:
    """LineString origin -> via -> destination for a shipment with both ends,
    else a Point at :func:`map_point`, else None (an unlocated feature)."""
    origin, dest = event.get("origin"), event.get("destination")
    if origin and dest:
        coords = [_position(p) for p in [origin, *(event.get("via") or ()), dest]]
        coords = [c for c in coords if c is not None]
        if len(coords) >= 2 and coords[0] != coords[-1]:
            return {"type": "LineString", "coordinates": coords}
    point = map_point(event)
    pos = _position(point) if point else None
    return {"type": "Point", "coordinates": pos} if pos else None


def event_feature(event: Mapping[str, Any],
                  document: Optional[Mapping[str, Any]] = None) -> dict[str, Any]:
    """A GeoJSON Feature carrying every event field plus its source."""
    doc = document or {}
    props: dict[str, Any] = {k: event.get(k) for k in EVENT_FIELDS}
    props.update({k: v for k, v in event.items() if k not in props})
    props["source_id"] = doc.get("id", event.get("source_id"))
    props["source_title"] = doc.get("title", event.get("source_title"))
    props["source_url"] = doc.get("url", event.get("source_url"))
    return {"type": "Feature", "id": event.get("id"),
            "geometry": event_geometry(event), "properties": props}


def to_geojson(documents: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """An RFC 7946 FeatureCollection with one feature per event.

    Events without any usable place are kept with ``geometry: null`` (allowed
    by RFC 7946 section 3.2) so the export holds exactly the input set.
    """
    return {"type": "FeatureCollection",
            "features": [event_feature(ev, doc)
                         for doc in documents for ev in doc.get("events") or ()]}
