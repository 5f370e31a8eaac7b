"""The map and the evidence table, and picking events in either: a row picked
in the table is highlighted on the map; a click on the map picks the events
drawn there (the table narrows to them) without redrawing the map, so its
popup and view stay."""
from __future__ import annotations

import streamlit as st

from page.map_frame import content_key, map_frame
from page.sidebar import LABEL_LANG_KEY
from records import languages
from viz import build_map, coordinate_problems
from viz.escape import md_text
from viz.evidence import evidence_html, key_html, mark_css, md_inline
from viz.pick import events_at
from viz.popups import date_label, place_label, route_label
from viz.table import events_frame

MAP_LIMIT = 5000  # events drawn on the map
EVIDENCE_SHOWN = 3  # picked events whose marked evidence the banner quotes


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


def draw_map(events: list[dict], places: list[dict], basemap: str,
             table_pick: str | None) -> list[dict]:
    """What cannot be drawn, the map, and the events a click on it picked."""
    for problem in coordinate_problems(events)[:5]:
        st.warning(f"Not drawn: {md_text(problem)}")
    if len(events) > MAP_LIMIT:
        st.info(f"The map draws the first {MAP_LIMIT} of {len(events)} events shown; "
                "narrow the filters to see the rest.")
    label_lang = st.session_state.get(LABEL_LANG_KEY) or languages.default_code()
    drawn = events[:MAP_LIMIT]

    def build():
        return build_map(drawn, places=places, basemap=basemap, highlight_id=table_pick,
                         strict=False, label_lang=label_lang)

    # the map's payload is cached by what it is drawn from (page.map_frame)
    clicked = map_frame(build, content_key(drawn, places, basemap, table_pick, label_lang),
                        key="map", height=520)
    map_click(clicked, events[:MAP_LIMIT])
    return [e for e in events if e["id"] in set(st.session_state.get("map_pick") or ())]


def highlighted(table_pick: str | None, picked: list[dict]) -> str | None:
    """The table's pick while it is among the map's picks, else the map's first."""
    return table_pick if not picked or table_pick in {e["id"] for e in picked} \
        else picked[0]["id"]


def pick_banner(picked: list[dict]) -> None:
    c1, c2 = st.columns([5, 1])
    c1.info(f"Picked on the map: {len(picked)} event(s) at "
            f"{md_text(picked_place(picked[0]))}. The table shows only these.")
    c2.button("Show all", key="map_pick_clear",
              on_click=lambda: st.session_state.pop("map_pick", None))
    show_evidence(picked[:EVIDENCE_SHOWN])


def evidence_markdown(event: dict) -> str:
    """One event's line (type, date, place) and its whole evidence sentence with the marks
    of viz.evidence, for st.markdown: every piece escaped (md_inline), the marks the only HTML."""
    head = md_text(f"{event.get('type') or 'event'} · {date_label(event)} · {picked_place(event)}")
    return f"**{head}**  \n{evidence_html(event, md_inline)}"


def show_evidence(events: list[dict]) -> None:
    """The marked evidence of *events*, with the key to the marks."""
    if not events:
        return
    with st.container(border=True, key="evidence_detail"):
        st.markdown(f"<style>{mark_css()}</style>", unsafe_allow_html=True)
        for event in events:
            st.markdown(evidence_markdown(event), unsafe_allow_html=True)
        st.markdown(key_html(), unsafe_allow_html=True)


def event_table(events: list[dict]) -> None:
    """The evidence table; its row ids are kept for selected_event_id on the next run."""
    frame = events_frame(events)
    st.session_state["_table_ids"] = list(frame["id"])
    chosen = st.dataframe(frame, key="table", on_select="rerun", selection_mode="single-row",
                          hide_index=True, width="stretch",
                          column_config={"evidence": st.column_config.TextColumn(width="large")})
    rows = list(getattr(getattr(chosen, "selection", None), "rows", None) or [])
    if rows and rows[0] < len(events):
        show_evidence([events[rows[0]]])  # the row picked: its sentence, marked
