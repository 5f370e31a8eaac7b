"""The sidebar: the date window (step, play) and the filters; returns the
EventFilter they make and the chosen base map."""
from __future__ import annotations

import datetime as dt

import streamlit as st

from page.cache import PAGE_LIMIT, cached_sources
from page.playback import play_controls, step_play
from records import languages
from store import EventFilter
from store.query import FACET_LIMIT, SOURCE_LIMIT
from viz.basemap import BASEMAPS
from viz.escape import visible

LABEL_LANG_KEY = "label_lang"  # the language of the basemap's place names (page.map_view)
DEFAULT_WINDOW = dt.timedelta(days=90)  # a store above PAGE_LIMIT opens on the 90 days
                                        # before its latest start (to its latest end)
REVIEW_CHOICES = {"open (reviewed + unreviewed)": ("reviewed", "unreviewed"),
                  "unreviewed": ("unreviewed",), "reviewed": ("reviewed",),
                  "rejected": ("rejected",)}


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
    """Step the play window when there is one, else the slider's window."""
    if not step_play(direction):
        st.session_state["window"] = _shifted(direction)


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
        c1, c2 = sb.columns(2)
        c1.button("◀ step", key="step_back", on_click=_step, args=(-1,))
        c2.button("step ▶", key="step_fwd", on_click=_step, args=(+1,))
        if played := play_controls(sb, date_from, date_to):
            date_from, date_to = played
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
    contradicted = sb.checkbox(
        "Contradicted only", key="f_contradicted",
        help="Only events of happenings whose reports disagree on a date, place, "
             "quantity or cargo (the popup lists each source's value).")
    undated = sb.checkbox("Include undated events", value=True, key="f_undated",
                          help="Undated events are drawn on the map (hollow, dashed), "
                               "never on the timeline.")
    basemap = sb.selectbox("Base map", BASEMAPS, key="basemap", help=(
        "'offline' draws country outlines and place names from bundled data; "
        "'osm'/'carto' load tiles from the internet (the offline map shows where they fail)."))
    sb.selectbox("Place names on the map", languages.codes(), key=LABEL_LANG_KEY,
                 index=languages.codes().index(languages.default_code()),
                 format_func=lambda code: languages.language(code).name)
    flt = EventFilter(date_from=date_from, date_to=date_to, include_undated=undated,
                      types=tuple(types), actors=tuple(actors), countries=tuple(countries),
                      places=tuple(places), text=text, min_confidence=conf,
                      sources=tuple(sources), review=REVIEW_CHOICES[review],
                      contradicted=True if contradicted else None)
    return flt, basemap
