"""One-click fixes in the correction form: for each place of the event, why the pipeline
chose it (viz.why) and the runner-ups it weighed, each a button that stores the
runner-up as the analyst's choice of that place (an edit, surviving re-ingest).

Widgets only: the explanations are the event's ``explain`` extension (store.explained),
read by viz.why; saving is the form's (page.corrections).
"""
from __future__ import annotations

from typing import Any, Optional

import streamlit as st

from geo.choices import as_place, label, same_place
from viz import why
from viz.escape import md_text

ROLE_NAMES = {"location": "Location", "origin": "Origin", "destination": "Destination",
              "via": "Via"}


def choices(event: dict, role: str, index: Optional[int] = None) -> list[dict]:
    """The entries the pipeline weighed for the place in *role*, best first, the current
    place left out: what the form offers first."""
    current = (event.get("via") or [])[index] if role == "via" and index is not None \
        and index < len(event.get("via") or []) else event.get(role)
    return [dict(c) for c in why.candidates(event, role, index) if not same_place(c, current)]


def _value(event: dict, role: str, index: Optional[int], place: dict) -> Any:
    """The edit's value: the place, or for a transit place the whole list with it replaced."""
    if role != "via":
        return as_place(place)
    vias = [as_place(p) for p in event.get("via") or []]
    vias[index] = as_place(place)
    return vias


def one_click_fixes(event: dict) -> Optional[dict]:
    """A line per place that has runner-ups (its reason and a button per runner-up);
    returns the change ``{field: value}`` of the button clicked, else None."""
    eid = event["id"]
    clicked: Optional[dict] = None
    shown = False
    for role, index, place in why.places(event):
        others = choices(event, role, index)
        if not others:
            continue
        if not shown:
            st.markdown("**Other readings of the places** (one click stores the choice)")
            shown = True
        reason = why.reason(event, role, index)
        name = ROLE_NAMES[role] + (f" {index + 1}" if index is not None else "")
        st.caption(md_text(f"{name}: {label(place)}" + (f" · why: {reason}" if reason else "")))
        cols = st.columns(len(others))
        for k, (col, cand) in enumerate(zip(cols, others)):
            suffix = f"{role}_{index}_{k}" if index is not None else f"{role}_{k}"
            if col.button(md_text(label(cand)), key=f"edit_ru_{suffix}_{eid}",
                          help=md_text(f"Make {label(cand)} the {role} of this event")):
                clicked = {role: _value(event, role, index, cand)}
    return clicked
