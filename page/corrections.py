"""The correction form: an analyst edits or rejects one event; the edit is
stored as such and survives re-ingest (store.edit)."""
from __future__ import annotations

import datetime as dt

import streamlit as st

from store import Store
from viz.escape import md_text, visible

PRECISIONS = ["day", "month", "year", None]


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
