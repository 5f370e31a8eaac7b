"""The page's event table and download helpers (pure; pandas only)."""
from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any, Iterable, Mapping, Optional

import pandas as pd

from geo.regions import REGIONS
from records.acled import COLUMN_TYPES, EXTRA_COLUMNS, export_row, happening_row
from records.export import write_csv
from records.geojson import dumps_feature, event_feature, happening_feature
from viz.escape import visible
from viz.popups import actor_label, place_label
from viz.why import main_reason

TABLE_COLUMNS = ["date_start", "date_end", "precision", "type", "actors", "where", "why",
                 "cargo", "confidence", "review", "evidence", "source", "id"]
# after the contract's and the ACLED-style columns (records.acled): the review state
EXTRA_CSV_COLUMNS = (*EXTRA_COLUMNS, "status", "review_status")


def where_label(event: Mapping[str, Any]) -> str:
    if event.get("origin") or event.get("destination"):
        stops = [event.get("origin"), *(event.get("via") or []), event.get("destination")]
        return " → ".join(place_label(p) or "?" for p in stops)
    return place_label(event.get("location"))


def _shown(value: Any) -> Any:
    """Text as the table shows it: bidi controls visible (see viz.escape)."""
    return visible(value) if isinstance(value, str) else value


def events_frame(events: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """One display row per event, in the given order. The id column is kept
    as stored (the page maps selections back to events with it)."""
    rows = [{
        "date_start": ev.get("date_start"), "date_end": ev.get("date_end"),
        "precision": ev.get("date_precision"), "type": _shown(ev.get("type")),
        "actors": _shown(actor_label(ev)), "where": _shown(where_label(ev)),
        "why": _shown(main_reason(ev)),  # why the main place is that entry (viz.why)
        "cargo": _shown(ev.get("cargo")), "confidence": ev.get("confidence"),
        "review": ev.get("review_status", "unreviewed"), "evidence": _shown(ev.get("evidence")),
        "source": _shown(ev.get("source_title") or ev.get("source_id")), "id": ev.get("id"),
    } for ev in events]
    return pd.DataFrame(rows, columns=TABLE_COLUMNS)


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def csv_text(events: Iterable[Mapping[str, Any]], extracted: Optional[dt.datetime] = None) -> str:
    """The contract's CSV columns, the ACLED-style ones (records.acled), then status and
    review_status. *events* may be a stream: one row at a time is held besides the text.
    *extracted*: the timestamp of events without an ``updated`` time (default: now)."""
    extracted = extracted or _utc_now()
    buf = io.StringIO(newline="")
    write_csv((export_row(ev, None, regions=REGIONS, extracted=extracted,
                          extra_columns=EXTRA_CSV_COLUMNS) for ev in events), buf, EXTRA_CSV_COLUMNS)
    return buf.getvalue()


def happenings_csv_text(happenings: Iterable[Mapping[str, Any]],
                        extracted: Optional[dt.datetime] = None) -> str:
    """One row per happening (Store.happenings()), its sources joined; the columns of
    :func:`csv_text`."""
    extracted = extracted or _utc_now()
    buf = io.StringIO(newline="")
    write_csv((happening_row(h, regions=REGIONS, extracted=extracted, extra_columns=EXTRA_CSV_COLUMNS)
               for h in happenings), buf, EXTRA_CSV_COLUMNS)
    return buf.getvalue()


def _collection_text(features: Iterable[Mapping[str, Any]]) -> str:
    buf = io.StringIO()
    buf.write('{"type": "FeatureCollection", "features": [')
    for i, feature in enumerate(features):
        buf.write(",\n" if i else "\n")
        buf.write(dumps_feature(feature))
    buf.write("\n]}\n")
    return buf.getvalue()


def geojson_text(events: Iterable[Mapping[str, Any]], extracted: Optional[dt.datetime] = None) -> str:
    """A FeatureCollection (records.geojson), one feature per line, written as *events*
    stream by."""
    extracted = extracted or _utc_now()
    return _collection_text(event_feature(ev, regions=REGIONS, extracted=extracted) for ev in events)


def happenings_geojson_text(happenings: Iterable[Mapping[str, Any]],
                            extracted: Optional[dt.datetime] = None) -> str:
    """A FeatureCollection with one feature per happening."""
    extracted = extracted or _utc_now()
    return _collection_text(happening_feature(h, regions=REGIONS, extracted=extracted)
                            for h in happenings)


def download_name(kind: str, date_from: Optional[dt.date], date_to: Optional[dt.date],
                  unit: str = "events") -> str:
    """``lagebild-events_2023-07-01_2023-10-31.csv``; ``all`` for an open end; *unit*
    ``happenings`` for the one-row-per-happening files."""
    a = date_from.isoformat() if date_from else "all"
    b = date_to.isoformat() if date_to else "all"
    return f"lagebild-{unit}_{a}_{b}.{kind}"


# pandas dtypes of the export's columns (records.acled.COLUMN_TYPES): nullable ones, so an
# empty cell is <NA> and an integer column stays integer; dates stay ISO text
_PANDAS_TYPES = {"str": "string", "date": "string", "int": "Int64", "float": "Float64", "bool": "boolean"}


def csv_dtypes(columns: Iterable[str]) -> dict[str, str]:
    """The pandas dtype of each of *columns* (text for a column the export does not define)."""
    return {c: _PANDAS_TYPES[COLUMN_TYPES.get(c, "str")] for c in columns}


def read_export_csv(source: Any) -> pd.DataFrame:
    """A CSV written by :func:`csv_text` (a path or a seekable text stream) as a DataFrame with the
    column dictionary's types; only an empty cell is missing ("NA" stays text)."""
    header = pd.read_csv(source, nrows=0).columns
    if hasattr(source, "seek"):
        source.seek(0)
    return pd.read_csv(source, dtype=csv_dtypes(header), keep_default_na=False, na_values=[""])


def parse_csv(text: str) -> list[dict[str, str]]:
    """Rows of a CSV produced by :func:`csv_text` (used by tests and checks)."""
    return list(csv.DictReader(io.StringIO(text)))
