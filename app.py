"""Lagebild page: reads widgets, calls store/ viz/ extract, renders. Run with
``streamlit run app.py`` (listens on 127.0.0.1, see .streamlit/config.toml)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json

import streamlit as st
from streamlit_folium import st_folium

import app_auth
from records.errors import LagebildError
from store import EventFilter, Store
from store.query import FACET_LIMIT, SOURCE_LIMIT
from store.db import resolve_path
from store.parquet import import_part
from store.loader import (Article, IngestReport, demo_articles, extract_and_store,
                          read_upload)
from viz import build_map, coordinate_problems
from viz.basemap import BASEMAPS
from viz.escape import md_text, visible
from viz.pick import events_at
from viz.popups import place_label, route_label
from viz.table import csv_text, download_name, events_frame, geojson_text
from viz.timeline import timeline_chart

PAGE_LIMIT = 5000  # events read for map, table and timeline: the newest when more match
MAP_LIMIT = 5000  # events drawn on the map
DEFAULT_WINDOW = dt.timedelta(days=90)  # a store above PAGE_LIMIT opens on the 90 days
                                        # before its latest start (to its latest end)
REVIEW_CHOICES = {"open (reviewed + unreviewed)": ("reviewed", "unreviewed"),
                  "unreviewed": ("unreviewed",), "reviewed": ("reviewed",),
                  "rejected": ("rejected",)}
PRECISIONS = ["day", "month", "year", None]


@st.cache_resource
def get_store(path: str) -> Store:
    return Store(path)


@st.cache_resource(show_spinner="Loading gazetteer and language models …")
def get_pipeline():
    from extract.pipeline import get_pipeline as load
    return load()


@st.cache_data(max_entries=32, show_spinner=False)
def cached_events(path: str, revision: int, key: str, _flt: EventFilter) -> list[dict]:
    return get_store(path).events(_flt)


@st.cache_data(max_entries=32, show_spinner=False)
def cached_count(path: str, revision: int, key: str, _flt: EventFilter) -> int:
    return get_store(path).count(_flt)


@st.cache_data(max_entries=8, show_spinner=False)
def cached_facets(path: str, revision: int) -> dict:
    return get_store(path).facets()


@st.cache_data(max_entries=8, show_spinner=False)
def cached_sources(path: str, revision: int, doc_ids: tuple[str, ...]) -> list[dict]:
    return get_store(path).sources(doc_ids)


@st.cache_data(max_entries=4, show_spinner=False)
def cached_place_options(path: str, revision: int) -> list[dict]:
    return get_store(path).place_options()


@st.cache_data(max_entries=32, show_spinner=False)
def cached_places(path: str, revision: int, doc_ids: tuple[str, ...]) -> list[dict]:
    return get_store(path).places(doc_ids)


def seed_demo(store: Store) -> None:
    if not store.is_empty():
        return
    with st.spinner("First start: extracting the bundled demo articles …"):
        report = extract_and_store(store, get_pipeline(), demo_articles())
    for name, reason in report.failed:
        st.warning(f"Demo article {md_text(name)} was not loaded: {md_text(reason)}")


# ---------------------------------------------------------------- sidebar ---
def _shifted(direction: int) -> tuple[dt.date, dt.date]:
    """The date window moved by its own width, kept inside the data's range."""
    lo, hi = st.session_state["window"]
    first, last = st.session_state["_window_bounds"]
    width = hi - lo
    step = (width if width.days else dt.timedelta(days=1)) * direction
    new_lo, new_hi = lo + step, hi + step
    if new_lo < first:
        new_lo, new_hi = first, first + width
    if new_hi > last:
        new_lo, new_hi = last - width, last
    return new_lo, new_hi


def _step(direction: int) -> None:
    st.session_state["window"] = _shifted(direction)


def _advance() -> None:
    """One tick of 'play': move the window on, or stop at the end."""
    if not st.session_state.get("play"):
        return
    if st.session_state["window"][1] >= st.session_state["_window_bounds"][1]:
        st.session_state["_pending"] = {"play": False}
    else:
        st.session_state["_pending"] = {"window": _shifted(+1)}
    st.rerun(scope="app")


def _options(values: list[str], key: str) -> list[str]:
    """*values* plus what is chosen already (a choice outlives a shorter list)."""
    chosen = [v for v in st.session_state.get(key) or [] if v not in values]
    return list(values) + chosen


def sidebar(facets: dict, path: str, revision: int) -> tuple[EventFilter, str]:
    sb = st.sidebar
    sb.header("Filters")
    date_from = date_to = None
    if facets["date_min"] and facets["date_max"]:
        lo = dt.date.fromisoformat(facets["date_min"]) - dt.timedelta(days=1)
        hi = dt.date.fromisoformat(facets["date_max"]) + dt.timedelta(days=1)
        st.session_state["_window_bounds"] = (lo, hi)
        current = st.session_state.get("window")
        if not current or current[0] < lo or current[1] > hi:
            # a big store opens on its latest weeks; a small one shows everything
            last = dt.date.fromisoformat(facets["date_last_start"])
            start = max(lo, last - DEFAULT_WINDOW) if facets["n_events"] > PAGE_LIMIT else lo
            st.session_state["window"] = (start, hi)
        date_from, date_to = sb.slider("Date window (events overlapping it)", min_value=lo,
                                       max_value=hi, key="window", format="YYYY-MM-DD")
        c1, c2, c3 = sb.columns(3)
        c1.button("◀ step", key="step_back", on_click=_step, args=(-1,))
        c2.button("step ▶", key="step_fwd", on_click=_step, args=(+1,))
        if c3.toggle("play", key="play"):
            st.fragment(_advance, run_every=1.5)()  # ticks only while playing
    lists = {}
    for label, name in (("Type", "types"), ("Actor", "actors"), ("Country", "countries"),
                        ("Place", "places")):
        values = facets[name]
        hint = (f"The {len(values)} most frequent; find others with the free text filter."
                if len(values) >= FACET_LIMIT else None)
        lists[name] = sb.multiselect(label, _options(values, f"f_{name}"), key=f"f_{name}",
                                     format_func=visible, help=hint)
    types, actors, countries, places = (lists[k] for k in ("types", "actors", "countries",
                                                           "places"))
    text = sb.text_input("Free text (evidence, actors, cargo, places, title)", key="f_text")
    conf = sb.slider("Minimum confidence", 0.0, 1.0, 0.0, 0.05, key="f_conf")
    chosen = tuple(d for d in st.session_state.get("f_sources") or []
                   if d not in {s["doc_id"] for s in facets["sources"]})
    labels = {s["doc_id"]: visible(f"{s['doc_date'] or '?'} · {s['title'] or s['doc_id']}")
              for s in facets["sources"] + cached_sources(path, revision, chosen)}
    sources = sb.multiselect(
        "Source document", _options(list(labels), "f_sources"), key="f_sources",
        format_func=lambda d: labels.get(d, visible(d)),
        help=f"The {len(facets['sources'])} most recent documents; find others with the "
             "free text filter (it searches titles)."
        if len(facets["sources"]) >= SOURCE_LIMIT else None)
    review = sb.radio("Review status", list(REVIEW_CHOICES), key="f_review")
    undated = sb.checkbox("Include undated events", key="f_undated")
    basemap = sb.selectbox("Base map", BASEMAPS, key="basemap", help=(
        "'offline' draws country outlines from bundled data; 'osm'/'carto' load "
        "tiles from the internet."))
    flt = EventFilter(date_from=date_from, date_to=date_to, include_undated=undated,
                      types=tuple(types), actors=tuple(actors), countries=tuple(countries),
                      places=tuple(places), text=text, min_confidence=conf,
                      sources=tuple(sources), review=REVIEW_CHOICES[review])
    return flt, basemap


# ------------------------------------------------------------- main parts ---
def selected_event_id(events: list[dict]) -> str | None:
    """The event picked in the table on the previous run, if still shown."""
    ids = st.session_state.get("_table_ids") or []
    try:
        rows = st.session_state["table"]["selection"]["rows"]
    except (KeyError, TypeError):
        rows = []
    if rows and rows[0] < len(ids) and any(e["id"] == ids[rows[0]] for e in events):
        return ids[rows[0]]
    return None


def map_click(result: dict | None, drawn: list[dict]) -> None:
    """A new click on a map object picks the events drawn there (viz.pick)."""
    click = (result or {}).get("last_object_clicked")
    if click and click != st.session_state.get("_map_click"):
        st.session_state["_map_click"] = click
        st.session_state["map_pick"] = events_at(drawn, click["lat"], click["lng"])


def picked_place(event: dict) -> str:
    """Where a picked event is drawn: its route, else its place."""
    return (route_label(event) or place_label(event.get("location") or event.get("destination")
                                              or event.get("origin")) or "?")


def correction_form(store: Store, events: list[dict], place_options: dict[str, dict],
                    highlight: str | None) -> None:
    if not events:
        st.caption("No event to correct in the current selection.")
        return
    by_id = {e["id"]: e for e in events}
    ids = list(by_id)
    default = ids.index(highlight) if highlight in by_id else 0
    if highlight in by_id and highlight != st.session_state.get("_edit_follows"):
        st.session_state["edit_event"] = highlight   # a new pick in table or map: edit it
    st.session_state["_edit_follows"] = highlight
    eid = st.selectbox("Event", ids, index=default, key="edit_event", format_func=lambda i: visible(
        f"{by_id[i]['date_start'] or '?'} · {by_id[i]['type']} · "
        f"{', '.join(by_id[i]['actors'][:3]) or by_id[i]['evidence'][:50]}"))
    ev = by_id[eid]
    with st.form("edit_form"):
        c1, c2, c3, c4 = st.columns(4)
        etype = c1.text_input("Type", ev["type"], key=f"edit_type_{eid}")
        start = c2.date_input("Start", _date(ev["date_start"]), key=f"edit_start_{eid}")
        end = c3.date_input("End", _date(ev["date_end"]), key=f"edit_end_{eid}")
        prec = c4.selectbox("Precision", PRECISIONS, key=f"edit_prec_{eid}",
                            index=PRECISIONS.index(ev["date_precision"])
                            if ev["date_precision"] in PRECISIONS else 3)
        names = ["(keep)"] + sorted(place_options)
        place = st.selectbox("Place (meeting place / shipment destination)", names,
                             key=f"edit_place_{eid}", format_func=visible)
        actors = st.text_input("Actors (separated by ;)", "; ".join(ev["actors"]),
                               key=f"edit_actors_{eid}")
        reject = st.checkbox("Reject (not a real event)", ev["review_status"] == "rejected",
                             key=f"edit_reject_{eid}")
        if st.form_submit_button("Save correction"):
            changes: dict = {}
            if etype.strip() and etype.strip() != ev["type"]:
                changes["type"] = etype.strip()
            for field, value in (("date_start", start), ("date_end", end)):
                iso = value.isoformat() if value else None
                if iso != ev[field]:
                    changes[field] = iso
            if prec != ev["date_precision"]:
                changes["date_precision"] = prec
            if place != "(keep)":
                key = "destination" if ev.get("destination") else "location"
                changes[key] = place_options[place]
            new_actors = [a.strip() for a in actors.split(";") if a.strip()]
            if new_actors != ev["actors"]:
                changes["actors"] = new_actors
            if reject != (ev["review_status"] == "rejected"):
                changes["rejected"] = reject
            store.edit(eid, changes)
            st.session_state["_flash"] = md_text(
                f"Saved correction of {eid} ({', '.join(changes) or 'confirmed'}).")
            st.rerun()


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def input_panel(store: Store) -> None:
    # the last submission's outcome stays until the next one (other reruns -- a map
    # click, a filter -- must not wipe it before the analyst has read it)
    for kind, text in st.session_state.get("_ingest_messages", []):
        getattr(st, kind)(text)
    with st.form("ingest_form", clear_on_submit=False):
        text = st.text_area("Paste an article", key="in_text", height=150)
        c1, c2, c3, c4 = st.columns([3, 3, 2, 1])
        title = c1.text_input("Title", key="in_title")
        url = c2.text_input("URL", key="in_url")
        pub = c3.date_input("Publication date", value=None, key="in_date",
                            help="Relative dates ('on Friday') are resolved against it.")
        lang = c4.selectbox("Language", ["auto", "de", "en"], key="in_lang")
        files = st.file_uploader("…or upload files", type=["txt", "md", "html", "htm", "parquet"],
                                 accept_multiple_files=True, key="in_files",
                                 help="Articles (.txt, .md, .html) are extracted; .parquet "
                                      "result parts of a batch run (--parquet-out) are loaded "
                                      "as they are.")
        use_today = st.checkbox("Use today's date for documents that have none", key="in_today")
        if not st.form_submit_button("Extract and store"):
            return
    articles, failed, loaded = [], [], []
    if text.strip():
        articles.append(Article("pasted text", text, pub, title or None, url or None, lang))
    for upload in files or []:
        if upload.name.lower().endswith(".parquet"):
            part = import_part(store, io.BytesIO(upload.getvalue()), upload.name)
            if sum(part.counts.values()):
                loaded.append((upload.name, part.summary()))
            failed += [(upload.name, e.removeprefix(f"{upload.name}: ")) for e in part.errors]
            continue
        try:
            art = read_upload(upload.name, upload.getvalue())
        except LagebildError as err:
            failed.append((upload.name, str(err)))
            continue
        art.doc_date = pub or art.doc_date
        art.title = title or art.title or upload.name
        art.url, art.lang = url or art.url, lang
        articles.append(art)
    report = IngestReport()
    if articles:  # only rejected files: no need to load the pipeline
        bar = st.progress(0.0, text="Extracting …")
        report = extract_and_store(
            store, get_pipeline(), articles, default_date=dt.date.today() if use_today else None,
            progress=lambda i, n, name: bar.progress(
                i / max(n, 1), text=md_text(f"{name} ({i + 1}/{n})") if name else "done"))
    # file names and reasons are shown literally (markdown/HTML-escaped)
    messages = [("success", md_text(f"{name}: {status}, {n} events"))
                for name, status, n in report.stored]
    messages += [("success", md_text(f"{name}: results part loaded, {summary}"))
                 for name, summary in loaded]
    messages += [("error", md_text(f"{name}: {reason}")) for name, reason in failed + report.failed]
    if not articles and not failed and not loaded:
        messages.append(("info", "Paste a text or choose files first."))
    st.session_state["_ingest_messages"] = messages
    st.rerun()


def main() -> None:
    st.set_page_config(page_title="Lagebild", page_icon="🗺️", layout="wide")
    if not app_auth.gate():  # a login is needed and not given: show no data
        return
    for key, value in st.session_state.pop("_pending", {}).items():
        st.session_state[key] = value
    path = str(resolve_path())
    store = get_store(path)
    seed_demo(store)
    revision = store.revision()
    facets = cached_facets(path, revision)
    flt, basemap = sidebar(facets, path, revision)
    key = json.dumps(dataclasses.asdict(flt), default=str, sort_keys=True)
    total = cached_count(path, revision, key, flt)
    events = cached_events(path, revision, key,
                           dataclasses.replace(flt, limit=PAGE_LIMIT, newest=True))

    st.title("Lagebild")
    if msg := st.session_state.pop("_flash", None):
        st.success(msg)
    st.caption(f"{total} of {facets['n_events']} events from "
               f"{facets['n_documents']} documents · store {md_text(store.label)}")
    if total > len(events):
        st.info(f"Showing the newest {len(events)} of {total} matching events; narrow the "
                "filters (date window, type, free text …) to see the rest. The downloads "
                f"hold all {total}.")
    # the map highlights only a row picked in the table: a click on the map picks
    # events below it without redrawing the map (its popup and view stay)
    table_pick = selected_event_id(events)
    doc_ids = tuple(sorted({e["source_id"] for e in events})) or tuple(
        s["doc_id"] for s in facets["sources"])
    places = cached_places(path, revision, doc_ids)
    for problem in coordinate_problems(events)[:5]:
        st.warning(f"Not drawn: {md_text(problem)}")
    if len(events) > MAP_LIMIT:
        st.info(f"The map draws the first {MAP_LIMIT} of {len(events)} events shown; "
                "narrow the filters to see the rest.")
    fmap = build_map(events[:MAP_LIMIT], places=places, basemap=basemap,
                     highlight_id=table_pick, strict=False)
    clicked = st_folium(fmap, key="map", returned_objects=["last_object_clicked"],
                        height=520, use_container_width=True)
    map_click(clicked, events[:MAP_LIMIT])
    picked = [e for e in events if e["id"] in set(st.session_state.get("map_pick") or ())]
    highlight = table_pick if not picked or table_pick in {e["id"] for e in picked} \
        else picked[0]["id"]
    if events:
        st.altair_chart(timeline_chart(events, highlight), width="stretch")

    if picked:
        c1, c2 = st.columns([5, 1])
        c1.info(f"Picked on the map: {len(picked)} event(s) at "
                f"{md_text(picked_place(picked[0]))}. The table shows only these.")
        c2.button("Show all", key="map_pick_clear",
                  on_click=lambda: st.session_state.pop("map_pick", None))
    frame = events_frame(picked or events)
    st.session_state["_table_ids"] = list(frame["id"])
    st.dataframe(frame, key="table", on_select="rerun", selection_mode="single-row",
                 hide_index=True, width="stretch",
                 column_config={"evidence": st.column_config.TextColumn(width="large")})
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

    place_options = {p["name"]: {k: p[k] for k in ("name", "geonameid", "lat", "lon",
                                                   "country_code", "feature")}
                     for p in cached_place_options(path, revision)}
    with st.expander("Correct an event", expanded=highlight is not None):
        correction_form(store, events, place_options, highlight)
    with st.expander("Add articles", expanded=facets["n_documents"] == 0
                     or bool(st.session_state.get("_ingest_messages"))):
        input_panel(store)


try:
    main()
except LagebildError as err:
    st.error(md_text(err))
