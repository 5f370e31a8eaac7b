"""CSV and GeoJSON downloads of exactly the filtered set."""
from __future__ import annotations

import streamlit as st

from store import EventFilter, Store
from viz.table import csv_text, download_name, geojson_text


def downloads(store: Store, flt: EventFilter, events: list[dict], total: int) -> None:
    """Two buttons; *events* are the rows shown, *total* how many match *flt*."""
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
