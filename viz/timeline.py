"""Timeline chart of events: one bar per event from date_start to date_end,
coloured by type (altair; rendered by the page with ``st.altair_chart``)."""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Mapping, Optional

import altair as alt
import pandas as pd

MAX_BARS = 300  # above this the chart shows events per month instead of bars


def _day(value: Any) -> Optional[dt.date]:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def timeline_frame(events: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """Rows id, type, start, end (end exclusive: the day after date_end), label.

    Events without any date are left out (they cannot be placed in time).
    """
    rows = []
    for ev in events:
        start = _day(ev.get("date_start")) or _day(ev.get("date_end"))
        end = _day(ev.get("date_end")) or start
        if start is None:
            continue
        if end < start:
            start, end = end, start
        actors = ", ".join(ev.get("actors") or [])
        rows.append({"id": ev.get("id"), "type": str(ev.get("type") or "event"),
                     "start": pd.Timestamp(start),
                     "end": pd.Timestamp(end + dt.timedelta(days=1)),
                     "precision": ev.get("date_precision") or "",
                     "label": actors or str(ev.get("cargo") or ev.get("type") or "")})
    return pd.DataFrame(rows, columns=["id", "type", "start", "end", "precision", "label"])


def timeline_chart(events: Iterable[Mapping[str, Any]],
                   highlight_id: Optional[str] = None) -> alt.Chart:
    """Bars start -> end per event (y = event), coloured by type."""
    frame = timeline_frame(events)
    if len(frame) > MAX_BARS:
        frame = (frame.assign(start=frame["start"].dt.to_period("M").dt.to_timestamp())
                 .groupby(["start", "type"], as_index=False).size())
        return (alt.Chart(frame).mark_bar()
                .encode(x=alt.X("start:T", title="month"), y=alt.Y("size:Q", title="events"),
                        color=alt.Color("type:N", title="type"),
                        tooltip=["start:T", "type:N", "size:Q"])
                .properties(height=220))
    frame = frame.sort_values(["start", "end"]).reset_index(drop=True)
    frame["row"] = frame.index.astype(str)
    frame["highlight"] = frame["id"] == highlight_id
    height = max(120, min(18 * len(frame), 420))
    return (alt.Chart(frame).mark_bar(cornerRadius=2)
            .encode(x=alt.X("start:T", title="date"), x2="end:T",
                    y=alt.Y("row:N", sort=None, axis=None),
                    color=alt.Color("type:N", title="type"),
                    stroke=alt.condition("datum.highlight", alt.value("#000"), alt.value(None)),
                    tooltip=[alt.Tooltip("type:N"), alt.Tooltip("start:T", title="from"),
                             alt.Tooltip("end:T", title="until (excl.)"),
                             alt.Tooltip("precision:N"), alt.Tooltip("label:N", title="actors")])
            .properties(height=height))
