"""The correction form: an analyst edits or rejects one event -- type, dates,
places (location, origin, via, destination), modes, cargo, actors -- or splits it
from the happening other reports were merged into (store.happenings) -- and the
edit is stored as such (store.edit), surviving re-ingest. A place the pipeline
explained shows why it was chosen and its runner-ups, one click each
(page.runner_ups).

The form is a fragment: a widget change reruns the form only, not the map.
After a save the page reruns (map and table show the correction) and the
form stays open on the same event with a line naming what changed. Below the
form, the event's history (page.history_view): edits and re-extractions.
"""
from __future__ import annotations

import datetime as dt

import streamlit as st

from page import history_view, place_fields, runner_ups
from records.errors import InputError
from records.event_types import PLACE_ROLES, event_type, event_types
from store import Store
from store.edits import PRECISIONS, changes_between, check_changes, known_modes
from viz.escape import md_text, visible
from viz.popups import place_label, route_label

DATE_RANGE = (dt.date(1900, 1, 1), dt.date(2100, 12, 31))
NAMES = {"type": "type", "date_start": "start", "date_end": "end",
         "date_precision": "precision", "location": "location", "origin": "origin",
         "via": "via", "destination": "destination", "modes": "modes", "cargo": "cargo",
         "actors": "actors", "rejected": "rejected", "happening": "split from its happening"}


def event_label(ev: dict) -> str:
    """A picker line: date, type, where (the place, or origin → destination), actors."""
    where = route_label(ev) or place_label(ev.get("location")) or "no place"
    who = ", ".join(ev["actors"][:2]) or ev["evidence"][:40]
    return visible(f"{ev['date_start'] or 'undated'} · {ev['type']} · {where} · {who}")


def correction_panel(store: Store, events: list[dict], mentions: list[dict],
                     highlight: str | None) -> None:
    """The "Correct an event" expander; a new pick in the table or on the map opens
    it on the picked event."""
    if highlight and highlight != st.session_state.get("_edit_follows") and \
            any(e["id"] == highlight for e in events):
        st.session_state["edit_event"] = highlight
        st.session_state["edit_open"] = True
    st.session_state["_edit_follows"] = highlight
    with st.expander("Correct an event", key="edit_open", on_change="rerun"):
        _form(store, events, mentions)


@st.fragment
def _form(store: Store, events: list[dict], mentions: list[dict]) -> None:
    if not events:
        st.caption("No event to correct in the current selection.")
        return
    by_id = {e["id"]: e for e in events}
    if st.session_state.get("edit_event") not in by_id:
        st.session_state.pop("edit_event", None)
    if saved := st.session_state.pop("_edit_saved", None):
        st.success(saved)
    eid = st.selectbox("Event", list(by_id), key="edit_event",
                       format_func=lambda i: event_label(by_id[i]))
    ev = by_id[eid]
    fix = runner_ups.one_click_fixes(ev)      # a runner-up clicked: that place, at once
    proposed, types, modes = _fields(ev, mentions)
    save = st.button("Save correction", key="edit_save", type="primary")
    split = False
    if (ev.get("source_count") or 1) > 1:
        split = st.button("Split from this happening", key="edit_split",
                          help=f"This report is one of {ev['source_count']} merged into one "
                               "happening; take it out into a happening of its own (kept as "
                               "an edit: it stays split when its document is stored again).")
    history_view.history_list(store, ev)
    if fix is not None:
        _save(store, ev, fix, types, modes)
    elif split:
        _save(store, ev, {"happening": "split"}, types, modes)
    elif save:
        _save(store, ev, proposed, types, modes)


def _fields(ev: dict, mentions: list[dict]) -> tuple[dict, list[str], list[str]]:
    """The form's widgets; returns the values they propose, and the types and modes offered."""
    eid = ev["id"]
    types = list(event_types()) + ([] if event_type(ev["type"]).known else [ev["type"]])
    c1, c2, c3, c4 = st.columns(4)
    etype = c1.selectbox("Type", types, index=types.index(ev["type"]), key=f"edit_type_{eid}",
                         format_func=lambda t: visible(_type_label(t)))
    start = c2.date_input("Start", _date(ev["date_start"]), *DATE_RANGE, key=f"edit_start_{eid}")
    end = c3.date_input("End", _date(ev["date_end"]), *DATE_RANGE, key=f"edit_end_{eid}")
    prec = c4.selectbox("Precision", PRECISIONS, key=f"edit_prec_{eid}",
                        index=PRECISIONS.index(ev["date_precision"])
                        if ev["date_precision"] in PRECISIONS else len(PRECISIONS) - 1,
                        format_func=lambda p: p or "none")
    proposed: dict = {"type": etype, "date_start": start.isoformat() if start else None,
                      "date_end": end.isoformat() if end else None, "date_precision": prec}
    spec = event_type(etype)
    if st.toggle("Change places", key=f"edit_places_{eid}",
                 help="Gazetteer search, other places of the same name, the article's places."):
        article = place_fields.article_places(ev, mentions)
        for role in PLACE_ROLES:
            if role == "via":
                if role in spec.roles or ev.get("via"):
                    proposed["via"] = list(place_fields.via_editor(ev, article))
            elif role in spec.roles or ev.get(role):
                choice = place_fields.place_picker(role, ev, mentions, article)
                if choice is not place_fields.KEEP:
                    proposed[role] = choice
    modes = list(dict.fromkeys([*known_modes(), *ev.get("modes", [])]))
    m1, m2 = st.columns(2)
    if spec.modes or ev.get("modes"):
        proposed["modes"] = m1.multiselect("Modes", modes, default=ev.get("modes") or [],
                                           key=f"edit_modes_{eid}")
    if spec.cargo or ev.get("cargo"):
        proposed["cargo"] = m2.text_input("Cargo", ev.get("cargo") or "",
                                          key=f"edit_cargo_{eid}") or None
    actors = st.text_input("Actors (separated by ;)", "; ".join(ev["actors"]),
                           key=f"edit_actors_{eid}")
    proposed["actors"] = [a.strip() for a in actors.split(";") if a.strip()]
    proposed["rejected"] = st.checkbox("Reject (not a real event)",
                                       ev["review_status"] == "rejected", key=f"edit_reject_{eid}")
    return proposed, types, modes


def _save(store: Store, ev: dict, proposed: dict, types: list[str], modes: list[str]) -> None:
    changes = changes_between(ev, proposed)
    try:
        store.edit(ev["id"], check_changes(ev, changes, types=types, modes=modes))
    except InputError as err:
        st.error(md_text(f"Not saved: {err}"))
        return
    what = ", ".join(NAMES.get(f, f) for f in changes) if changes else "confirmed as it is"
    st.session_state["_edit_saved"] = md_text(f"Saved the correction of {ev['id']}: {what}.")
    # set again by the script, the picker shows its new label (the browser would keep
    # the old one: a place or date in it may just have changed)
    st.session_state.setdefault("_pending", {}).update(edit_open=True, edit_event=ev["id"])
    for key in [k for k in st.session_state if str(k).startswith(("edit_", "_via_"))
                and str(k).endswith(f"_{ev['id']}") and k != f"edit_places_{ev['id']}"]:
        del st.session_state[key]     # the widgets start again from the stored event
    st.rerun()


def _type_label(name: str) -> str:
    spec = event_type(name)
    label = spec.label_in("en")
    return name if label == name or not spec.known else f"{name} ({label})"


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
