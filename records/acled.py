"""The export's columns after the contract's: ACLED-style ones, then Lagebild's own.

A row is the contract's CSV row (:func:`records.export.event_row`, unchanged and first),
then :data:`ACLED_COLUMNS`, then :data:`TAIL_COLUMNS` (:data:`EXPORT_COLUMNS` is all of
them in order). The README's column dictionary gives each column's meaning, type and an
example; the rules, in short (ACLED codebook names; see records/precision.py for the
codebook itself):

* ``event_date`` -- ISO ``YYYY-MM-DD``: the day for time_precision 1, else the middle
  of the span (ACLED codes a week or a month to its mid-point); ``year`` its year.
* ``time_precision``, ``geo_precision`` -- :mod:`records.precision`.
* ``event_type``, ``latitude``, ``longitude`` -- ACLED has them too; they are the
  contract's columns of those names (one column each), so they are not repeated.
* ``sub_event_type`` -- the type's English label (data/event_types.json), "planned",
  "cancelled" or "denied" before it when not actual, and "by sea and rail" after it when
  the type has modes and the event names some: "planned shipment by sea".
* ``actor1``, ``actor2`` -- the first and second actor (one name per actor,
  records.actors); ``assoc_actor_1`` -- the others, joined with "; " (the extraction
  does not know sides, so these are in the order the article names them).
* ``country``, ``iso``, ``admin1`` -- of the map place (:func:`records.event_types.map_point`),
  from a :class:`Regions` (the command line and the page pass ``geo.regions.REGIONS``:
  the gazetteer's country name, ISO 3166-1 numeric as ACLED's ``iso``, the first-level
  division); without one, ``admin1`` is the place's own ``admin1`` key and the country
  columns stay empty. ``location`` -- the map place's name.
* ``source`` -- the outlet: its name from data/source_scales.csv, else the URL's host
  (without "www."), else the document's title, else its id; ``source_scale`` -- from that
  file by host (also a parent domain: edition.cnn.com -> cnn.com), empty when unknown.
* ``notes`` -- the evidence sentence(s).
* ``timestamp`` -- Unix seconds, as ACLED's: the event's ``updated`` time (the store's
  edit history) when it has one, else *extracted* (when the export ran).
* ``publication_date`` -- the document's doc_date; ``modality`` -- actual, planned,
  cancelled, denied; ``via`` -- the via places' names joined with "; "; ``source_count``,
  ``contradicted``, ``happening_id`` -- the store's happening keys (1, False and empty
  when the event has none, as ``python -m extract``'s output).

A happening (``Store.happenings()``) exports one row (:func:`happening_row`): its
representative values, ``event_id`` the ids of its events and every per-source column
(source_id, source_title, source_url, publication_date) its sources' values in the same
order, joined with "; "; ``source`` and ``source_scale`` each distinct outlet once.
"""
from __future__ import annotations

import csv
import datetime as dt
from functools import lru_cache
from typing import Any, Iterable, Mapping, Optional, Protocol, Sequence
from urllib.parse import urlsplit

from records import precision
from records.actors import one_name_per_actor
from records.event_types import event_type, map_point
from records.export import CSV_COLUMNS, LIST_SEPARATOR, event_row, flat_value
from records.model import MODALITY
from records.paths import DATA_DIR

ACLED_COLUMNS: tuple[str, ...] = (
    "event_date", "year", "time_precision", "sub_event_type", "actor1", "assoc_actor_1",
    "actor2", "country", "iso", "admin1", "location", "geo_precision", "source",
    "source_scale", "notes", "timestamp",
)
TAIL_COLUMNS: tuple[str, ...] = ("publication_date", "modality", "via", "source_count",
                                 "contradicted", "happening_id")
EXTRA_COLUMNS: tuple[str, ...] = ACLED_COLUMNS + TAIL_COLUMNS   # after the contract's
EXPORT_COLUMNS: tuple[str, ...] = CSV_COLUMNS + EXTRA_COLUMNS
# what each column holds when not empty (the README's dictionary; the round-trip tests read it)
COLUMN_TYPES: dict[str, str] = {
    **{c: "str" for c in EXPORT_COLUMNS},
    **{c: "float" for c in ("latitude", "longitude", "origin_lat", "origin_lon",
                            "destination_lat", "destination_lon", "confidence")},
    **{c: "date" for c in ("date_start", "date_end", "event_date")},
    **{c: "int" for c in ("year", "time_precision", "iso", "geo_precision", "timestamp",
                          "source_count")},
    "contradicted": "bool",
}
SOURCE_SCALES_FILE = DATA_DIR / "source_scales.csv"


class Regions(Protocol):
    """Where a place lies (geo.regions.GazetteerRegions is the one the project uses)."""

    def admin1(self, place: Optional[Mapping[str, Any]]) -> Optional[str]: ...

    def country(self, code: Optional[str]) -> tuple[Optional[str], Optional[int]]: ...


# -- sources -----------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _outlets() -> dict[str, tuple[str, str]]:
    """host -> (source name, scale) from data/source_scales.csv."""
    out: dict[str, tuple[str, str]] = {}
    with open(SOURCE_SCALES_FILE, encoding="utf-8", newline="") as f:
        for lineno, row in enumerate(csv.DictReader(f), start=2):
            host = (row.get("host") or "").strip().lower()
            if not host or not (row.get("source") or "").strip():
                raise ValueError(f"{SOURCE_SCALES_FILE.name} line {lineno}: host and source are required")
            out[host] = (row["source"].strip(), (row.get("source_scale") or "").strip())
    return out


def url_host(url: Any) -> Optional[str]:
    """The lower-case host of an http(s) URL without a leading "www.", else None."""
    if not isinstance(url, str) or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        return None
    return host[4:] if host.startswith("www.") else host


def _outlet(host: Optional[str]) -> Optional[tuple[str, str]]:
    labels = (host or "").split(".")
    for i in range(len(labels) - 1):  # the host, then each parent domain
        found = _outlets().get(".".join(labels[i:]))
        if found:
            return found
    return None


def source_fields(url: Any, title: Any = None, source_id: Any = None) -> tuple[Optional[str], Optional[str]]:
    """(``source``, ``source_scale``) of one document."""
    host = url_host(url)
    known = _outlet(host)
    if known:
        return known[0], known[1] or None
    name = host or (str(title) if title else None) or (str(source_id) if source_id else None)
    return name, None


# -- dates -------------------------------------------------------------------------------

def event_date(event: Mapping[str, Any]) -> Optional[str]:
    """The ACLED-style single date: the day, or the middle of a week's or a month's span."""
    code = precision.time_precision(event)
    if code is None:
        return None
    start = dt.date.fromisoformat(event.get("date_start") or event["date_end"])
    if code == 1:
        return start.isoformat()
    days = precision.span_days(event) or 1
    return (start + dt.timedelta(days=(days - 1) // 2)).isoformat()


def unix_seconds(value: Any) -> Optional[int]:
    """Unix seconds of an ISO 8601 time (naive means UTC) or a datetime; None if neither."""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    if not isinstance(value, dt.datetime):
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return int(value.timestamp())


# -- the columns -------------------------------------------------------------------------

def sub_event_type(event: Mapping[str, Any]) -> str:
    """"planned shipment by sea", "meeting": modality, the type's label, its modes."""
    spec = event_type(event.get("type"))
    label = spec.label_in("en") if spec.known else str(event.get("type") or spec.label_in("en"))
    modality = event.get("modality") or MODALITY.get(event.get("status") or "reported")
    if modality and modality != "actual":
        label = f"{modality} {label}"
    modes = [str(m) for m in event.get("modes") or () if m]
    if spec.modes and modes:
        label += " by " + " and ".join(modes)
    return label


def actor_fields(actors: Optional[Iterable[Any]]) -> dict[str, Optional[str]]:
    names = one_name_per_actor(actors or ())
    return {"actor1": names[0] if names else None,
            "assoc_actor_1": LIST_SEPARATOR.join(names[2:]) or None,
            "actor2": names[1] if len(names) > 1 else None}


def acled_fields(event: Mapping[str, Any], document: Optional[Mapping[str, Any]] = None, *,
                 regions: Optional[Regions] = None,
                 extracted: Optional[dt.datetime] = None) -> dict[str, Any]:
    """The :data:`ACLED_COLUMNS` of one event (raw values; see the module docstring)."""
    doc = document or {}
    point = map_point(event) or {}
    when = event_date(event)
    name, iso = regions.country(point.get("country_code")) if regions and point else (None, None)
    if regions is not None:
        admin1 = regions.admin1(point) if point else None
    else:
        admin1 = point.get("admin1")
    source, scale = source_fields(doc.get("url", event.get("source_url")),
                                  doc.get("title", event.get("source_title")),
                                  doc.get("id", event.get("source_id")))
    stamp = unix_seconds(event.get("updated"))
    return {
        "event_date": when, "year": int(when[:4]) if when else None,
        "time_precision": precision.time_precision(event),
        "sub_event_type": sub_event_type(event),
        **actor_fields(event.get("actors")),
        "country": name, "iso": iso, "admin1": admin1, "location": point.get("name"),
        "geo_precision": precision.geo_precision(event),
        "source": source, "source_scale": scale, "notes": event.get("evidence"),
        "timestamp": stamp if stamp is not None else unix_seconds(extracted),
    }


def tail_fields(event: Mapping[str, Any], document: Optional[Mapping[str, Any]] = None) -> dict[str, Any]:
    """The :data:`TAIL_COLUMNS` of one event."""
    doc = document or {}
    status = event.get("status") or "reported"
    return {
        "publication_date": doc.get("doc_date", event.get("doc_date")),
        "modality": event.get("modality") or MODALITY.get(status, status),
        "via": LIST_SEPARATOR.join(str(p.get("name")) for p in event.get("via") or () if p and p.get("name")),
        "source_count": int(event.get("source_count") or 1),
        "contradicted": bool(event.get("contradicted", False)),
        "happening_id": event.get("happening_id"),
    }


def export_row(event: Mapping[str, Any], document: Optional[Mapping[str, Any]] = None, *,
               regions: Optional[Regions] = None, extracted: Optional[dt.datetime] = None,
               extra_columns: Sequence[str] = ()) -> dict[str, Any]:
    """One row of :data:`EXPORT_COLUMNS` (then *extra_columns*, lists joined), raw values:
    :func:`records.export.write_csv` escapes them."""
    row = event_row(event, document)
    row.update(acled_fields(event, document, regions=regions, extracted=extracted))
    row.update(tail_fields(event, document))
    for column in extra_columns:
        if column not in row:
            row[column] = flat_value(event.get(column))
    return row


def export_rows(documents: Iterable[Mapping[str, Any]], *, regions: Optional[Regions] = None,
                extracted: Optional[dt.datetime] = None) -> list[dict[str, Any]]:
    """The rows of every event of the contract's DOCUMENT dicts (``python -m extract``)."""
    return [export_row(ev, doc, regions=regions, extracted=extracted)
            for doc in documents for ev in doc.get("events") or ()]


def _joined(values: Iterable[Any], distinct: bool = False) -> Optional[str]:
    items = [str(v) if v not in (None, "") else "" for v in values]
    if distinct:
        items = list(dict.fromkeys(i for i in items if i))
    return LIST_SEPARATOR.join(items) if any(items) else None


def happening_row(happening: Mapping[str, Any], *, regions: Optional[Regions] = None,
                  extracted: Optional[dt.datetime] = None,
                  extra_columns: Sequence[str] = ()) -> dict[str, Any]:
    """One row for a happening dict (BRIEF17's shape: representative event fields,
    ``happening_id``, ``event_ids``, ``source_count``, ``contradicted``, ``sources``)."""
    sources = [s for s in happening.get("sources") or () if isinstance(s, Mapping)]
    event_ids = [str(e) for e in happening.get("event_ids") or ()]
    event = {**happening, "id": _joined(event_ids) or happening.get("id") or happening.get("happening_id"),
             "source_count": happening.get("source_count") or len({s.get("doc_id") for s in sources}) or 1}
    row = export_row(event, None, regions=regions, extracted=extracted, extra_columns=extra_columns)
    if sources:
        outlets = [source_fields(s.get("url"), s.get("title"), s.get("doc_id")) for s in sources]
        row.update(source_id=_joined(s.get("doc_id") for s in sources),
                   source_title=_joined(s.get("title") for s in sources),
                   source_url=_joined(s.get("url") for s in sources),
                   publication_date=_joined(s.get("doc_date") for s in sources),
                   source=_joined((o[0] for o in outlets), distinct=True),
                   source_scale=_joined((o[1] for o in outlets), distinct=True))
    return row
