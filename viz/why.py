"""Why an event's places are the entries they are: the reason of each choice and the
runner-ups, from the event's ``explain`` extension (store.explained).

An explanation speaks only for the entry it chose: a place an analyst has changed (or
one whose explanation names another entry) has none here -- it says "set by an
analyst" instead. An event without ``explain`` (a store written before it existed,
a place the event step found itself) shows nothing. Every text is escaped
(viz.escape.html_text); the tags are fixed here.
"""
from __future__ import annotations

from typing import Any, Iterator, Mapping, Optional

from geo.choices import label, same_place
from records.export import map_point
from viz.escape import html_text as esc

ROLES = ("location", "origin", "via", "destination")
ANALYST = "set by an analyst"
RUNNER_UPS_SHOWN = 2       # candidates after the chosen one


def _entry(event: Mapping[str, Any], role: str, index: Optional[int]) -> Any:
    why = event.get("explain")
    entry = why.get(role) if isinstance(why, Mapping) else None
    if role == "via":
        ok = isinstance(entry, list) and index is not None and 0 <= index < len(entry)
        entry = entry[index] if ok else None
    return entry if isinstance(entry, Mapping) else None


def explanation(event: Mapping[str, Any], role: str,
                index: Optional[int] = None) -> Optional[Mapping[str, Any]]:
    """The explanation of the place in *role* (the *index*-th via) when it still holds:
    the place is the entry the explanation chose."""
    entry = _entry(event, role, index)
    if role == "via":
        vias = event.get("via") or []
        place = vias[index] if index is not None and 0 <= index < len(vias) else None
    else:
        place = event.get(role)
    cands = (entry or {}).get("candidates") or []
    if not place or not cands or not isinstance(cands[0], Mapping) or not same_place(cands[0], place):
        return None
    return entry


def runner_ups(entry: Optional[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The candidates the explanation ranked below its choice, best first."""
    if not entry:
        return []
    return [c for c in (entry.get("candidates") or [])[1:1 + RUNNER_UPS_SHOWN]
            if isinstance(c, Mapping) and c.get("name")]


def candidates(event: Mapping[str, Any], role: str,
               index: Optional[int] = None) -> list[Mapping[str, Any]]:
    """Every entry the pipeline weighed for the place in *role*, its choice first -- also
    once an analyst has changed the place (the form offers them as one-click fixes)."""
    entry = _entry(event, role, index)
    return [c for c in (entry or {}).get("candidates") or [] if isinstance(c, Mapping)
            and c.get("name") and c.get("lat") is not None and c.get("lon") is not None]


def reason(event: Mapping[str, Any], role: str, index: Optional[int] = None) -> str:
    """The reason in a few words; "set by an analyst" for an edited place; "" when none."""
    if role in (event.get("edited_fields") or ()):
        return ANALYST
    entry = explanation(event, role, index)
    return str(entry.get("reason") or "") if entry else ""


def places(event: Mapping[str, Any]) -> Iterator[tuple[str, Optional[int], Mapping[str, Any]]]:
    """``(role, via index or None, place)`` of each place of the event, in route order."""
    for role in ROLES:
        if role == "via":
            for i, p in enumerate(event.get("via") or []):
                if p:
                    yield role, i, p
        elif event.get(role):
            yield role, None, event[role]


def main_reason(event: Mapping[str, Any]) -> str:
    """The reason of the event's main place (the one on the map: records.export.map_point)."""
    point = map_point(event)
    for role, i, p in places(event):
        if p is point:
            return reason(event, role, i)
    return ""


def _runner_up_line(c: Mapping[str, Any]) -> str:
    return f"<li>{esc(label(c))}</li>"


def why_html(event: Mapping[str, Any]) -> str:
    """One line per explained place: "NAME: why: REASON", and its runner-ups folded in
    a ``<details>``; "" when no place of the event is explained."""
    lines = []
    for role, i, place in places(event):
        why = reason(event, role, i)
        if not why:
            continue
        line = (f"<div class=lb-why>{esc(place.get('name'))} ({esc(role)}): "
                f"<i>why:</i> {esc(why)}")
        others = runner_ups(explanation(event, role, i)) if why != ANALYST else []
        if others:
            line += (f"<details><summary>runner-ups ({len(others)})</summary>"
                     f"<ul style=margin:0;padding-left:16px>"
                     f"{''.join(_runner_up_line(c) for c in others)}</ul></details>")
        lines.append(line + "</div>")
    return "".join(lines)
