"""The page's event table and download helpers (pure; pandas only)."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any, Iterable, Mapping, Optional

import pandas as pd

from records.export import event_feature, event_row, write_csv
from viz.escape import visible
from viz.popups import actor_label, place_label
from viz.why import main_reason

TABLE_COLUMNS = ["date_start", "date_end", "precision", "type", "actors", "where", "why",
                 "cargo", "confidence", "review", "evidence", "source", "id"]
EXTRA_CSV_COLUMNS = ("modality", "status", "review_status")


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


def csv_text(events: Iterable[Mapping[str, Any]]) -> str:
    """Contract CSV columns plus status and review_status. *events* may be a
    stream: one row at a time is held besides the text."""
    buf = io.StringIO(newline="")
    write_csv((event_row(ev, None, EXTRA_CSV_COLUMNS) for ev in events), buf,
              EXTRA_CSV_COLUMNS)
    return buf.getvalue()


def geojson_text(events: Iterable[Mapping[str, Any]]) -> str:
    """A FeatureCollection, one feature per line, written as *events* stream by."""
    buf = io.StringIO()
    buf.write('{"type": "FeatureCollection", "features": [')
    for i, event in enumerate(events):
        buf.write(",\n" if i else "\n")
        buf.write(json.dumps(event_feature(event), ensure_ascii=False))
    buf.write("\n]}\n")
    return buf.getvalue()


def download_name(kind: str, date_from: Optional[dt.date], date_to: Optional[dt.date]) -> str:
    """``lagebild-events_2023-07-01_2023-10-31.csv``; ``all`` for an open end."""
    a = date_from.isoformat() if date_from else "all"
    b = date_to.isoformat() if date_to else "all"
    return f"lagebild-events_{a}_{b}.{kind}"


def parse_csv(text: str) -> list[dict[str, str]]:
    """Rows of a CSV produced by :func:`csv_text` (used by tests and checks)."""
    return list(csv.DictReader(io.StringIO(text)))
