"""The timeline below the map, its mode switch, and the line that counts the
undated events of the current filter (they are on the map, never on the
timeline)."""
from __future__ import annotations

import dataclasses
import datetime as dt

import streamlit as st

from page.cache import cached_count, filter_key
from store import EventFilter
from viz.escape import md_text
from viz.timeline import MODES, timeline_chart, undated_count, undated_notice

MODE_LABELS = {"auto": "auto", "bars": "bar per event", "day": "per day",
               "week": "per week", "month": "per month"}


def undated_filter(flt: EventFilter) -> EventFilter:
    """*flt* narrowed to its undated events: a window no date reaches (it ends
    before year 1 ends), undated ones let in, every other condition kept."""
    return dataclasses.replace(flt, date_from=None, date_to=dt.date.min, include_undated=True,
                               limit=None, newest=False)


def undated_in_filter(path: str, revision: int, flt: EventFilter) -> int:
    """Undated events matching the filter's other conditions (counted in the store,
    whether or not the 'Include undated events' box lets them onto the page)."""
    only = undated_filter(flt)
    return cached_count(path, revision, filter_key(only), only)


def timeline_section(events: list[dict], highlight: str | None, flt: EventFilter,
                     undated: int, drawn: int) -> None:
    """The undated line, the mode switch and the chart over the filter's window."""
    notice = undated_notice(undated, shown=flt.include_undated, drawn=drawn)
    if notice:
        st.markdown(f":grey-background[{md_text(notice)}]")
    window = (flt.date_from, flt.date_to) if flt.date_from and flt.date_to else None
    if window is None and len(events) == undated_count(events):
        return                  # nothing dated, no window: no time axis to draw
    mode = st.radio("Timeline", MODES, key="timeline_mode", horizontal=True,
                    format_func=MODE_LABELS.get, label_visibility="collapsed")
    st.altair_chart(timeline_chart(events, highlight, window=window, mode=mode),
                    width="stretch")
