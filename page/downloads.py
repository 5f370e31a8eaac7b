"""CSV and GeoJSON downloads of exactly the filtered set: one row / feature per event,
and -- where the store merges reports into happenings -- one per happening; then the
"changes since" export of the whole store (records.changes, store.changes)."""
from __future__ import annotations

import datetime as dt
from typing import Optional

import streamlit as st

from records.changes import changes_csv
from store import EventFilter, Store
from viz.table import (csv_text, download_name, geojson_text, happenings_csv_text,
                       happenings_geojson_text)

CHANGES_DAYS = 7      # the date the "changes since" input starts at: a week back


def downloads(store: Store, flt: EventFilter, events: list[dict], total: int,
              today: Optional[dt.date] = None) -> None:
    """Two buttons; *events* are the rows shown, *total* how many match *flt*. Then the
    changes since a date picked here (*today*: the day the input counts back from)."""
    d1, d2 = st.columns(2)
    if total > len(events):  # the full set is read only when a download is clicked
        csv_data = lambda: csv_text(store.iter_events(flt))  # noqa: E731
        geojson_data = lambda: geojson_text(store.iter_events(flt))  # noqa: E731
    else:
        csv_data, geojson_data = csv_text(events), geojson_text(events)
    d1.download_button("Download CSV", csv_data, key="dl_csv", mime="text/csv",
                       file_name=download_name("csv", flt.date_from, flt.date_to))
    d2.download_button("Download GeoJSON", geojson_data, key="dl_geojson",
                       mime="application/geo+json",
                       file_name=download_name("geojson", flt.date_from, flt.date_to))
    happenings = getattr(store, "happenings", None)  # Store.happenings: the store's merging (issue 17)
    if happenings is not None:
        h1, h2 = st.columns(2)
        h1.download_button("CSV, one row per happening",
                           lambda: happenings_csv_text(happenings(flt)),
                           key="dl_csv_happenings", mime="text/csv",
                           file_name=download_name("csv", flt.date_from, flt.date_to, "happenings"))
        h2.download_button("GeoJSON, one feature per happening",
                           lambda: happenings_geojson_text(happenings(flt)),
                           key="dl_geojson_happenings", mime="application/geo+json",
                           file_name=download_name("geojson", flt.date_from, flt.date_to,
                                                   "happenings"))
    changes_download(store, today or dt.date.today())

def changes_download(store: Store, today: dt.date) -> None:
    """A date and the CSV of every event created, updated, edited or removed since
    then (00:00 UTC), in the whole store: the filters do not apply."""
    c1, c2 = st.columns([1, 2], vertical_alignment="bottom")
    since = c1.date_input("Changes since", today - dt.timedelta(days=CHANGES_DAYS),
                          key="changes_since", max_value=today,
                          help="Events first stored, changed by a re-extraction, edited or "
                               "removed since 00:00 UTC of that day, in the whole store "
                               "(the filters do not apply), with what changed.")
    since = since or today
    c2.download_button(f"Download changes since {since.isoformat()}",
                       lambda: changes_csv(store.changes_since(since)), key="dl_changes",
                       mime="text/csv", file_name=f"lagebild-changes-since-{since.isoformat()}.csv")
