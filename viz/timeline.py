"""The timeline (altair; rendered by the page with ``st.altair_chart``).

Two kinds of chart, chosen by :func:`timeline_mode`: a labelled bar per event
from date_start to date_end when few events are in view, otherwise stacked
counts per day, week or month by event type. Colours per type are the map's
marker colours (``data/event_types.json``, ``marker.legend``), given to altair
as an explicit scale. Undated events cannot be placed in time; they are
counted (:func:`undated_count`) and the page says so (:func:`undated_notice`).
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Mapping, Optional, Sequence

import altair as alt
import pandas as pd

from records.actors import one_name_per_actor
from records.event_types import event_type
from viz.escape import visible
from viz.table import where_label

BAR_LIMIT = 40          # at most this many events in view: one labelled bar each
BAR_MAX = 300           # "bars" asked for explicitly: still counts above this
DAY_SPAN = 60           # a span of at most this many days is binned per day ...
WEEK_SPAN = 731         # ... at most this many per week, longer ones per month
MODES = ("auto", "bars", "day", "week", "month")
LABEL_CHARS = 70
BAR_STEP = 22           # pixels per bar
TITLES = {"bars": "one bar per event", "day": "events per day by type",
          "week": "events per week (from Monday) by type", "month": "events per month by type"}
UNDATED_TEXT = {
    "en": {"shown": "{n} undated — shown on the map, not on the timeline",
           "some": "{n} undated — {drawn} of them shown on the map (the page's event limit), "
                   "none on the timeline",
           "hidden": "{n} undated — hidden by the filter “Include undated events”; "
                     "not on the timeline"},
    "de": {"shown": "{n} ohne Datum — auf der Karte gezeigt, nicht auf der Zeitleiste",
           "some": "{n} ohne Datum — {drawn} davon auf der Karte (Ereignisgrenze der Seite), "
                   "keines auf der Zeitleiste",
           "hidden": "{n} ohne Datum — durch den Filter „Undatierte Ereignisse zeigen“ "
                     "ausgeblendet; nicht auf der Zeitleiste"},
}


def _day(value: Any) -> Optional[dt.date]:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def is_undated(event: Mapping[str, Any]) -> bool:
    """No readable start or end date: the event has no place on the timeline."""
    return _day(event.get("date_start")) is None and _day(event.get("date_end")) is None


def undated_count(events: Iterable[Mapping[str, Any]]) -> int:
    return sum(1 for ev in events if is_undated(ev))


def undated_notice(n: int, shown: bool = True, drawn: Optional[int] = None,
                   lang: str = "en") -> str:
    """``3 undated — shown on the map, not on the timeline``; "" when there are none.
    *drawn*: how many of the *n* the map draws, when the page holds fewer."""
    if n <= 0:
        return ""
    texts = UNDATED_TEXT.get(lang, UNDATED_TEXT["en"])
    kind = "hidden" if not shown else "some" if drawn is not None and drawn < n else "shown"
    return texts[kind].format(n=n, drawn=drawn)


def event_label(event: Mapping[str, Any]) -> str:
    """``meeting · Kim Jong Un, Wladimir Putin · Vostochny Cosmodrome (RU)``, shortened."""
    who = ", ".join(one_name_per_actor(event.get("actors") or [])) or str(event.get("cargo") or "")
    parts = [str(event.get("type") or "event"), who, where_label(event)]
    text = visible(" · ".join(p for p in parts if p))
    return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1].rstrip() + "…"


def timeline_frame(events: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """Rows id, type, start, end (end exclusive: the day after date_end), precision,
    label. Undated events are left out (they cannot be placed in time)."""
    rows = []
    for ev in events:
        start = _day(ev.get("date_start")) or _day(ev.get("date_end"))
        end = _day(ev.get("date_end")) or start
        if start is None:
            continue
        if end < start:
            start, end = end, start
        rows.append({"id": ev.get("id"), "type": str(ev.get("type") or "event"),
                     "start": pd.Timestamp(start),
                     "end": pd.Timestamp(end + dt.timedelta(days=1)),
                     "precision": ev.get("date_precision") or "",
                     "label": event_label(ev)})
    return pd.DataFrame(rows, columns=["id", "type", "start", "end", "precision", "label"])


def span_days(frame: pd.DataFrame,
              window: Optional[tuple[dt.date, dt.date]] = None) -> int:
    """Days the chart spans: the window when given, else the events' extent."""
    if window is not None:
        return (window[1] - window[0]).days + 1
    if frame.empty:
        return 0
    return (frame["end"].max() - frame["start"].min()).days


def timeline_mode(n_events: int, days: int, requested: str = "auto") -> str:
    """``bars`` for at most BAR_LIMIT events, else the bin by the span: ``day``
    (≤ DAY_SPAN days), ``week`` (≤ WEEK_SPAN), ``month``. A requested bin is
    kept; requested bars give way to the automatic bin above BAR_MAX events."""
    if requested not in MODES:
        raise ValueError(f"timeline mode {requested!r} not one of {MODES}")
    if requested in ("day", "week", "month"):
        return requested
    if n_events <= (BAR_MAX if requested == "bars" else BAR_LIMIT):
        return "bars"
    return "day" if days <= DAY_SPAN else "week" if days <= WEEK_SPAN else "month"


def bin_start(stamps: pd.Series, unit: str) -> pd.Series:
    """The start of the day, ISO week (Monday) or month of each timestamp."""
    days = stamps.dt.normalize()
    if unit == "day":
        return days
    if unit == "week":
        return days - pd.to_timedelta(days.dt.day_of_week, unit="D")
    if unit == "month":
        return days.dt.to_period("M").dt.to_timestamp()
    raise ValueError(f"bin {unit!r} not one of day, week, month")


def _bin_end(starts: pd.Series, unit: str) -> pd.Series:
    if unit == "day":
        return starts + pd.Timedelta(days=1)
    if unit == "week":
        return starts + pd.Timedelta(days=7)
    return starts + pd.offsets.MonthBegin(1)


def binned_counts(frame: pd.DataFrame, unit: str,
                  window: Optional[tuple[dt.date, dt.date]] = None) -> pd.DataFrame:
    """Rows bin_start, bin_end, type, count: each event counted once, in the bin
    of its start (an event begun before the window counts in the window's first
    day). The counts add up to the rows of *frame*."""
    columns = ["bin_start", "bin_end", "type", "count"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    when = frame["start"]
    if window is not None:
        when = when.clip(lower=pd.Timestamp(window[0]))
    binned = frame.assign(bin_start=bin_start(when, unit))
    counts = binned.groupby(["bin_start", "type"], as_index=False).size()
    counts = counts.rename(columns={"size": "count"})
    counts["bin_end"] = _bin_end(counts["bin_start"], unit)
    return counts[columns].sort_values(["bin_start", "type"]).reset_index(drop=True)


def type_colours(types: Iterable[str]) -> dict[str, str]:
    """Type -> the colour of its map marker (the ``other`` colour for unknown types)."""
    return {t: event_type(t).marker["legend"] for t in sorted(set(types))}


def colour_scale(types: Iterable[str]) -> alt.Scale:
    colours = type_colours(types)
    return alt.Scale(domain=list(colours), range=list(colours.values()))


# ticks a day apart at least (a week's window gets no 6-hour ticks), labelled "04 Sep 23"
DAY_AXIS = alt.Axis(format="%d %b %y", tickMinStep=86_400_000, labelOverlap=True)


def _x_scale(window: Optional[tuple[dt.date, dt.date]]) -> alt.Scale:
    if window is None:
        return alt.Scale()
    end = window[1] + dt.timedelta(days=1)
    return alt.Scale(domain=[window[0].isoformat(), end.isoformat()])


def _unique(labels: Sequence[str]) -> list[str]:
    """Labels made distinct (the y axis merges equal ones): a second 'x' is 'x (2)'."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out


def _bars(frame: pd.DataFrame, colour: alt.Color, x: alt.Scale,
          highlight_id: Optional[str]) -> alt.Chart:
    frame = frame.sort_values(["start", "end"]).reset_index(drop=True)
    frame["label"] = _unique(list(frame["label"]))
    frame["highlight"] = frame["id"] == highlight_id
    return (alt.Chart(frame).mark_bar(cornerRadius=2, clip=True)
            .encode(x=alt.X("start:T", title="date", scale=x, axis=DAY_AXIS), x2="end:T",
                    y=alt.Y("label:N", sort=None, title=None,
                            axis=alt.Axis(labelLimit=320)),
                    color=colour,
                    stroke=alt.condition("datum.highlight", alt.value("#000"), alt.value(None)),
                    tooltip=[alt.Tooltip("label:N", title="event"),
                             alt.Tooltip("start:T", title="from"),
                             alt.Tooltip("end:T", title="until (excl.)"),
                             alt.Tooltip("precision:N")])
            .properties(height=alt.Step(BAR_STEP)))   # a fixed height is lost in a
                                                      # stretched st.altair_chart


def _counts(counts: pd.DataFrame, colour: alt.Color, x: alt.Scale, unit: str) -> alt.Chart:
    return (alt.Chart(counts).mark_bar(clip=True)
            .encode(x=alt.X("bin_start:T", title=unit, scale=x, axis=DAY_AXIS),
                    x2="bin_end:T",
                    y=alt.Y("sum(count):Q", title="events", stack="zero"),
                    color=colour,
                    tooltip=[alt.Tooltip("bin_start:T", title=f"{unit} from"),
                             alt.Tooltip("type:N"), alt.Tooltip("count:Q", title="events")])
            .properties(height=220))


def timeline_chart(events: Iterable[Mapping[str, Any]],
                   highlight_id: Optional[str] = None,
                   window: Optional[tuple[dt.date, dt.date]] = None,
                   mode: str = "auto") -> alt.Chart:
    """The chart of the dated *events* over *window* (inclusive dates; the x axis
    spans exactly it), in the mode :func:`timeline_mode` picks; its title names
    the mode, the number of dated events and the window, so a chart says which
    span it draws (while play steps on, the browser redraws it a moment later)."""
    frame = timeline_frame(events)
    chosen = timeline_mode(len(frame), span_days(frame, window), mode)
    colour = alt.Color("type:N", title="type", scale=colour_scale(frame["type"]))
    x = _x_scale(window)
    if chosen == "bars":
        chart = _bars(frame, colour, x, highlight_id)
    else:
        chart = _counts(binned_counts(frame, chosen, window), colour, x, chosen)
    title = f"Timeline: {TITLES[chosen]} ({len(frame)} dated)"
    if window is not None:
        title += f" · {window[0].isoformat()} – {window[1].isoformat()}"
    return chart.properties(title=title)
