"""GeoJSON (RFC 7946) of events and happenings, for QGIS, kepler.gl and geopandas.

* Geometry: a shipment with both ends is a LineString origin -> via ... -> destination
  (``[lon, lat]`` positions, RFC 7946 section 3.1.1), every other event a Point at its
  map place (:func:`records.event_types.map_point`); an event without a usable place is
  kept with ``"geometry": null`` (section 3.2), so the file holds exactly the input set.
  Coordinates outside -180..180 / -90..90 or not finite leave the position out; the
  writer refuses NaN (``allow_nan=False``).
* Properties are flat: strings, numbers, booleans and null only -- what both readers
  take as columns of one type. OGR's GeoJSON driver (QGIS, pyogrio, geopandas) turns an
  object into a JSON-text field and a list into a list field; kepler.gl's type analyser
  (2.x) types objects and lists as geometry columns. So the properties are: the
  contract's EVENT keys and every other key of the event, each through
  :func:`records.export.flat_value` (a list of plain values joined with "; " as in the
  CSV; an object or a list of objects as its JSON text: ``location``, ``origin``,
  ``destination``, ``via``, ``evidence_spans``, a happening's ``sources``), then every
  column of the CSV export (records.acled.EXPORT_COLUMNS) that is no event key, with the
  CSV's name and meaning. Two CSV columns share a name with an event key and are the
  event's here: ``location`` (the PLACE; its name is ``location_name``, as in the CSV)
  and ``via`` (the PLACEs; the CSV has their names).
* Time: ``event_date`` (``YYYY-MM-DD``; OGR reads it as a Date) and ``start_time`` /
  ``end_time``, the first and last second of the event's span as ISO 8601 date-times in
  UTC (``2023-09-07T00:00:00+00:00``): kepler.gl's type analyser recognises that form
  (``YYYY-M-DTHH:mm:ssZZ``) as a timestamp, which its time filter needs (a bare date is
  only a "date" there), and QGIS's temporal controller takes the two as start and end.
"""
from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any, Iterable, Mapping, Optional

from records.acled import Regions, export_row, happening_row
from records.event_types import map_point
from records.export import EVENT_FIELDS, flat_value

TIME_COLUMNS = ("start_time", "end_time")


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
        coords = [_position(p) for p in [origin, *(event.get("via") or ()), dest] if p]
        coords = [c for c in coords if c is not None]
        if len(coords) >= 2 and coords[0] != coords[-1]:
            return {"type": "LineString", "coordinates": coords}
    point = map_point(event)
    pos = _position(point) if point else None
    return {"type": "Point", "coordinates": pos} if pos else None


def _day(value: Any) -> Optional[dt.date]:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def time_columns(event: Mapping[str, Any]) -> dict[str, Optional[str]]:
    """``start_time`` / ``end_time``: the span's first and last second, UTC, ISO 8601."""
    start, end = _day(event.get("date_start")), _day(event.get("date_end"))
    start, end = start or end, end or start
    if start is None or end is None or end < start:
        return dict.fromkeys(TIME_COLUMNS)
    return {"start_time": f"{start.isoformat()}T00:00:00+00:00",
            "end_time": f"{end.isoformat()}T23:59:59+00:00"}


def _properties(source: Mapping[str, Any], row: Mapping[str, Any]) -> dict[str, Any]:
    """The contract's EVENT keys, the source's other keys, then the export row's columns
    that are no event key, then the time columns -- all flat."""
    props: dict[str, Any] = {key: flat_value(source.get(key)) for key in (*EVENT_FIELDS, *source)}
    for key, value in row.items():
        props.setdefault(key, flat_value(value))
    props.update(time_columns(source))
    return props


def event_feature(event: Mapping[str, Any], document: Optional[Mapping[str, Any]] = None, *,
                  regions: Optional[Regions] = None,
                  extracted: Optional[dt.datetime] = None) -> dict[str, Any]:
    """One Feature: geometry and flat properties of one event (see the module docstring)."""
    row = export_row(event, document, regions=regions, extracted=extracted)
    return {"type": "Feature", "id": event.get("id"), "geometry": event_geometry(event),
            "properties": _properties(event, row)}


def happening_feature(happening: Mapping[str, Any], *, regions: Optional[Regions] = None,
                      extracted: Optional[dt.datetime] = None) -> dict[str, Any]:
    """One Feature for a happening: its representative geometry, the CSV's happening row
    (sources joined) and its other keys (``sources``, ``contradictions`` as JSON text)."""
    row = happening_row(happening, regions=regions, extracted=extracted)
    return {"type": "Feature", "id": happening.get("happening_id"),
            "geometry": event_geometry(happening), "properties": _properties(happening, row)}


def to_geojson(documents: Iterable[Mapping[str, Any]], *, regions: Optional[Regions] = None,
               extracted: Optional[dt.datetime] = None) -> dict[str, Any]:
    """A FeatureCollection with one feature per event of the contract's DOCUMENT dicts."""
    return {"type": "FeatureCollection",
            "features": [event_feature(ev, doc, regions=regions, extracted=extracted)
                         for doc in documents for ev in doc.get("events") or ()]}


def happenings_geojson(happenings: Iterable[Mapping[str, Any]], *,
                       regions: Optional[Regions] = None,
                       extracted: Optional[dt.datetime] = None) -> dict[str, Any]:
    """A FeatureCollection with one feature per happening dict (Store.happenings())."""
    return {"type": "FeatureCollection",
            "features": [happening_feature(h, regions=regions, extracted=extracted)
                         for h in happenings]}


def dumps_feature(feature: Mapping[str, Any]) -> str:
    """One feature as JSON text; a NaN or infinity anywhere is refused (RFC 7946 is JSON)."""
    return json.dumps(feature, ensure_ascii=False, allow_nan=False)
