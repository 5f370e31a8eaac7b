"""The place part of the correction form: a picker per place role (location,
origin, destination) and the ordered list of transit places (via).

A picker offers, in this order: "(keep)", "(clear)", the runner-ups the
pipeline weighed for the place (its explanation, page.runner_ups), the gazetteer
entries of the name typed in its search box, the other entries the place's name
may denote, the places of the event's article. Labels read
"Name (CC, feature, pop. N)" after the group they come from. Widgets only:
the lookups are geo.choices, cached in page.cache.
"""
from __future__ import annotations

from typing import Any

import streamlit as st

from geo.choices import as_place, label, same_place
from page.cache import gazetteer_same_name, gazetteer_search
from page.runner_ups import choices as explained_choices
from viz.escape import md_text, visible

KEEP, CLEAR = "(keep)", "(clear)"
ROLE_LABELS = {"location": "Location (where it happened)", "origin": "Origin (where it left)",
               "destination": "Destination (where it went)"}


def article_places(event: dict, mentions: list[dict]) -> list[dict]:
    """The places of the event's article: its own places, then the article's mentions
    (one entry per place)."""
    own = [event.get("location"), event.get("origin"), *(event.get("via") or []),
           event.get("destination")]
    found = [p for p in own if p]
    for m in mentions:
        if m.get("doc_id") == event.get("source_id") and m.get("lat") is not None:
            found.append(as_place(m))
    unique: list[dict] = []
    for p in found:
        if not any(same_place(p, q) for q in unique):
            unique.append(as_place(p))
    return unique


def _runner_ups(current: dict | None, mentions: list[dict], source_id: str) -> list[dict]:
    if not current:
        return []
    words = [m["text"] for m in mentions if m.get("doc_id") == source_id and m.get("text")
             and m.get("lat") is not None and same_place(as_place(m), current)]
    return gazetteer_same_name(tuple(dict.fromkeys([current["name"], *words])), as_place(current))


def _options(query: str, runner_ups: list[dict], article: list[dict],
             current: dict | None = None, explained: list[dict] | None = None) -> dict[str, dict]:
    """Label -> PLACE, the groups in order, each place once, the current one left out."""
    out: dict[str, dict] = {}
    taken: list[dict] = [current] if current else []
    groups = (("runner-up", explained or []),
              ("search", gazetteer_search(query) if query.strip() else []),
              ("same name", runner_ups), ("in the article", article))
    for group, places in groups:
        for p in places:
            if not any(same_place(p, q) for q in taken):
                taken.append(p)
                out[f"{group}: {label(p)}"] = p
    return out


def place_picker(role: str, event: dict, mentions: list[dict], article: list[dict]) -> Any:
    """The picker of one role; returns the place chosen, None for "clear", or KEEP."""
    eid = event["id"]
    current = event.get(role)
    st.markdown(f"**{ROLE_LABELS[role]}**: {md_text(label(current)) if current else '—'}")
    left, right = st.columns([2, 3])
    query = left.text_input("Search the gazetteer", key=f"edit_{role}_q_{eid}",
                            placeholder="a place name, e.g. Wien")
    options = _options(query, _runner_ups(current, mentions, event["source_id"]), article,
                       current, explained_choices(event, role))
    if query.strip() and not gazetteer_search(query):
        left.caption(f"No gazetteer entry named {md_text(query.strip())}.")
    choice = right.selectbox(f"New {role}", [KEEP, *([CLEAR] if current else []), *options],
                             key=f"edit_{role}_{eid}", format_func=visible)
    if choice == KEEP:
        return KEEP
    return None if choice == CLEAR else as_place(options[choice])


def _via_key(eid: str) -> str:
    return f"_via_{eid}"


def via_list(event: dict) -> list[dict]:
    """The transit places as the analyst has them now (initially the event's)."""
    key = _via_key(event["id"])
    if key not in st.session_state:
        st.session_state[key] = [as_place(p) for p in event.get("via") or []]
    return st.session_state[key]


def _remove(eid: str, i: int) -> None:
    del st.session_state[_via_key(eid)][i]
    st.session_state.pop(f"edit_via_at_{eid}", None)     # "At" starts again at the end



def _add(eid: str, options: dict[str, dict]) -> None:
    chosen = st.session_state.get(f"edit_via_pick_{eid}")
    if chosen in options:
        places = st.session_state[_via_key(eid)]
        at = st.session_state.get(f"edit_via_at_{eid}") or len(places) + 1
        places.insert(min(at, len(places) + 1) - 1, as_place(options[chosen]))
    for key in (f"edit_via_pick_{eid}", f"edit_via_at_{eid}"):   # ready for the next one
        st.session_state.pop(key, None)


def via_editor(event: dict, article: list[dict]) -> list[dict]:
    """The ordered transit places with a remove button each and a picker to add one;
    returns the list as it stands."""
    eid = event["id"]
    places = via_list(event)
    st.markdown("**Via (transit places, in order)**" + ("" if places else ": —"))
    for i, p in enumerate(places):
        line, button = st.columns([5, 1])
        line.markdown(f"{i + 1}. {md_text(label(p))}")
        button.button("Remove", key=f"edit_via_remove_{eid}_{i}", on_click=_remove, args=(eid, i))
    left, mid, pos, add = st.columns([2, 3, 1, 1])
    query = left.text_input("Search the gazetteer", key=f"edit_via_q_{eid}",
                            placeholder="a transit place")
    options = _options(query, [], article)
    mid.selectbox("Add a transit place", list(options), key=f"edit_via_pick_{eid}",
                  format_func=visible, index=None, placeholder="choose a place")
    pos.selectbox("At", list(range(1, len(places) + 2)), index=len(places),
                  key=f"edit_via_at_{eid}")
    add.button("Add", key=f"edit_via_add_{eid}", on_click=_add, args=(eid, options))
    return places
