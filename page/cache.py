"""What the page reads, cached: the store and the pipeline once per process
(st.cache_resource), store reads per store revision (st.cache_data)."""
from __future__ import annotations

import dataclasses
import json

import streamlit as st

from store import EventFilter, Store

PAGE_LIMIT = 5000  # events read for map, table and timeline: the newest when more match


@st.cache_resource
def get_store(path: str) -> Store:
    return Store(path)


@st.cache_resource(show_spinner="Loading gazetteer and language models …")
def get_pipeline():
    from extract.pipeline import get_pipeline as load  # spaCy only when extracting
    return load()


@st.cache_resource(show_spinner=False)
def get_online_pipeline(store_label: str, _store: Store):
    """The pipeline with the optional online geocoder (Nominatim via geopy), its answers
    cached in the store; made only when an analyst switches online geocoding on."""
    from extract.pipeline import Pipeline
    from store.geocache import online_geocoder

    return Pipeline(get_pipeline().gazetteer, online=online_geocoder(_store))


def filter_key(flt: EventFilter) -> str:
    """The cache key of a filter (EventFilter itself is not hashed by st.cache_data)."""
    return json.dumps(dataclasses.asdict(flt), default=str, sort_keys=True)


@st.cache_data(max_entries=32, show_spinner=False)
def cached_events(path: str, revision: int, key: str, _flt: EventFilter) -> list[dict]:
    """The events of *_flt*; those merged with other reports carry ``happening_sources``
    (each source's date, title and differing values: the popup lists them)."""
    store = get_store(path)
    events = store.events(_flt)
    merged = {e["happening_id"] for e in events if (e.get("source_count") or 1) > 1}
    if merged:
        found = store.happening_sources(merged)
        for e in events:
            if e.get("happening_id") in found:
                e["happening_sources"] = found[e["happening_id"]]
    return events


@st.cache_data(max_entries=32, show_spinner=False)
def cached_count(path: str, revision: int, key: str, _flt: EventFilter) -> int:
    return get_store(path).count(_flt)


@st.cache_data(max_entries=32, show_spinner=False)
def cached_span(path: str, revision: int, key: str, _flt: EventFilter) -> dict:
    """First and last date of the events matching the filter (store.query.date_span)."""
    return get_store(path).date_span(_flt)


@st.cache_data(max_entries=8, show_spinner=False)
def cached_facets(path: str, revision: int) -> dict:
    return get_store(path).facets()


@st.cache_data(max_entries=8, show_spinner=False)
def cached_last_run(path: str, revision: int) -> dict | None:
    """The latest ingest run (store.runs.last_run), for the header."""
    return get_store(path).last_run()


@st.cache_data(max_entries=8, show_spinner=False)
def cached_sources(path: str, revision: int, doc_ids: tuple[str, ...]) -> list[dict]:
    return get_store(path).sources(doc_ids)


@st.cache_data(max_entries=32, show_spinner=False)
def cached_places(path: str, revision: int, doc_ids: tuple[str, ...]) -> list[dict]:
    return get_store(path).places(doc_ids)


@st.cache_resource(show_spinner="Loading the gazetteer …")
def get_gazetteer():
    """The offline gazetteer (the pipeline shares it: geo.gazetteer.default_gazetteer)."""
    from geo.gazetteer import default_gazetteer
    return default_gazetteer()


@st.cache_data(max_entries=256, show_spinner=False)
def gazetteer_search(query: str) -> list[dict]:
    """Gazetteer entries for a typed name (geo.choices.search)."""
    from geo.choices import search
    return search(get_gazetteer(), query)


@st.cache_data(max_entries=256, show_spinner=False)
def gazetteer_same_name(names: tuple[str, ...], current: dict | None) -> list[dict]:
    """The other entries the names of a place may denote (geo.choices.same_name)."""
    from geo.choices import same_name
    return same_name(get_gazetteer(), names, current)
