"""CSV and GeoJSON downloads of exactly the filtered set: one row / feature per event,
and -- where the store merges reports into happenings -- one per happening."""
from __future__ import annotations

import streamlit as st

from store import EventFilter, Store
from viz.table import (csv_text, download_name, geojson_text, happenings_csv_text,
                       happenings_geojson_text)


def downloads(store: Store, flt: EventFilter, events: list[dict], total: int) -> None:
    """Two buttons per unit; *events* are the rows shown, *total* how many match *flt*."""
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
    if happenings is None:
        return
    h1, h2 = st.columns(2)
    h1.download_button("CSV, one row per happening", lambda: happenings_csv_text(happenings(flt)),
                       key="dl_csv_happenings", mime="text/csv",
                       file_name=download_name("csv", flt.date_from, flt.date_to, "happenings"))
    h2.download_button("GeoJSON, one feature per happening",
                       lambda: happenings_geojson_text(happenings(flt)), key="dl_geojson_happenings",
                       mime="application/geo+json",
                       file_name=download_name("geojson", flt.date_from, flt.date_to, "happenings"))
