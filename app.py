"""Lagebild page: wires the parts in ``page/`` -- reads widgets, calls store/
viz/ extract, renders. Run with ``streamlit run app.py`` (listens on
127.0.0.1, see .streamlit/config.toml)."""
from __future__ import annotations

import dataclasses

import streamlit as st

import app_auth
from page.cache import (PAGE_LIMIT, cached_count, cached_events, cached_facets, cached_last_run,
                        cached_places, cached_span, filter_key, get_store)
from page.corrections import correction_panel
from page.downloads import downloads
from page.header import page_header, sidebar_skip_link, skip_link, skip_target
from page.ingest_panel import input_panel, seed_demo
from page.map_view import (MAP_LIMIT, draw_map, event_table, highlighted, pick_banner,
                           selected_event_id)
from page.playback import window_line
from page.sidebar import sidebar
from page.timeline_view import timeline_section, undated_in_filter
from records.errors import LagebildError
from store.db import resolve_path
from viz.escape import md_text
from viz.timeline import undated_count


def main() -> None:
    # "auto": the sidebar starts collapsed on narrow screens; its own control opens it
    st.set_page_config(page_title="Lagebild", page_icon="🗺️", layout="wide",
                       initial_sidebar_state="auto")
    if not app_auth.gate():  # a login is needed and not given: show no data
        return
    for key, value in st.session_state.pop("_pending", {}).items():
        st.session_state[key] = value
    path = str(resolve_path())
    store = get_store(path)
    seed_demo(store)
    revision = store.revision()
    facets = cached_facets(path, revision)
    sidebar_skip_link()
    flt, basemap = sidebar(facets, path, revision)
    key = filter_key(flt)
    total = cached_count(path, revision, key, flt)
    events = cached_events(path, revision, key,
                           dataclasses.replace(flt, limit=PAGE_LIMIT, newest=True))

    st.title("Lagebild", anchor=False)  # no link: one tab stop less
    page_header(facets, cached_span(path, revision, key, flt), cached_last_run(path, revision))
    with st.expander("Add articles", expanded=facets["n_documents"] == 0
                     or bool(st.session_state.get("_ingest_messages"))):
        input_panel(store)
    if msg := st.session_state.pop("_flash", None):
        st.success(msg)
    st.caption(f"{total} of {facets['n_events']} events from "
               f"{facets['n_documents']} documents · store {md_text(store.label)}")
    if total > len(events):
        st.info(f"Showing the newest {len(events)} of {total} matching events; narrow the "
                "filters (date window, type, free text …) to see the rest. The downloads "
                f"hold all {total}.")
    window_slot = st.empty()       # filled last: the window text follows map and table
    # the map highlights only a row picked in the table: a click on the map picks
    # events below it without redrawing the map (its popup and view stay)
    table_pick = selected_event_id(events)
    doc_ids = tuple(sorted({e["source_id"] for e in events})) or tuple(
        s["doc_id"] for s in facets["sources"])
    mentions = cached_places(path, revision, doc_ids)
    skip_link()
    picked = draw_map(events, mentions, basemap, table_pick)
    skip_target()
    highlight = highlighted(table_pick, picked)
    timeline_section(events, highlight, flt, undated_in_filter(path, revision, flt),
                     drawn=undated_count(events[:MAP_LIMIT]))
    if picked:
        pick_banner(picked)
    event_table(picked or events)
    window_line(window_slot, flt.date_from, flt.date_to)
    downloads(store, flt, events, total)

    correction_panel(store, events, mentions, highlight)


try:
    main()
except LagebildError as err:
    st.error(md_text(err))
