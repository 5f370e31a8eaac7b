"""Why each event's places were chosen, as the store keeps it.

The pipeline explains every place mention (geo.explain: ``{"by", "reason", "candidates"}``,
the chosen entry first, then its runner-ups; ``Document.to_dict(explain=True)``). An event
names places, not mentions: :func:`explained` finds, for each place role of each event
(location, origin, destination, each via), the mention that chose that entry and gives
the event its explanation as the optional extension ``explain``::

    {"location": {"text", "by", "reason", "candidates"}, "via": [{...} | None, ...], ...}

(a role without an explaining mention is left out). The mentions themselves are then kept
without theirs: the place rows stay the contract's. The store puts ``explain`` with the
event's other extensions (the ``extra`` column); a store written before it existed
simply has none, and everything reading it treats that as "no explanation".
"""
from __future__ import annotations

from typing import Any, Mapping, Optional, Sequence

ROLES = ("location", "origin", "destination")


def _same_entry(place: Mapping[str, Any], mention: Mapping[str, Any]) -> bool:
    if place.get("geonameid") and mention.get("geonameid"):
        return place["geonameid"] == mention["geonameid"]
    try:
        return (place.get("name") == mention.get("name")
                and round(float(place["lat"]), 3) == round(float(mention["lat"]), 3)
                and round(float(place["lon"]), 3) == round(float(mention["lon"]), 3))
    except (KeyError, TypeError, ValueError):
        return False


def _inside(start: Any, end: Any, spans: Sequence[Sequence[Any]]) -> bool:
    try:
        return any(int(s[0]) <= int(start) and int(end) <= int(s[1]) for s in spans)
    except (TypeError, ValueError, IndexError):
        return False


def _rank(mention: Mapping[str, Any], event: Mapping[str, Any]) -> tuple:
    """Which of several mentions of the entry explains the event best: one the event
    marks as its place word, then one in its evidence, then the nearest."""
    start, end = mention.get("start") or 0, mention.get("end") or 0
    marked = [h[:2] for h in event.get("highlights") or [] if len(h) > 2 and h[2] == "place"]
    evidence = event.get("evidence_spans") or [(event.get("start") or 0, event.get("end") or 0)]
    return (not _inside(start, end, marked), not _inside(start, end, evidence),
            abs(int(start) - int(event.get("start") or 0)))


def _explain_of(place: Optional[Mapping[str, Any]], event: Mapping[str, Any],
                mentions: Sequence[Mapping[str, Any]]) -> Optional[dict[str, Any]]:
    if not place:
        return None
    found = [m for m in mentions if _same_entry(place, m)]
    if not found:
        return None
    best = min(found, key=lambda m: _rank(m, event))
    return {"text": best.get("text"), **best["explain"]}


def event_explanation(event: Mapping[str, Any],
                      mentions: Sequence[Mapping[str, Any]]) -> Optional[dict[str, Any]]:
    """The ``explain`` extension of one event from the document's explained mentions,
    None when no place of it is explained."""
    out: dict[str, Any] = {}
    for role in ROLES:
        why = _explain_of(event.get(role), event, mentions)
        if why is not None:
            out[role] = why
    via = [_explain_of(p, event, mentions) for p in event.get("via") or []]
    if any(v is not None for v in via):
        out["via"] = via
    return out or None


def explained(document: Mapping[str, Any]) -> dict[str, Any]:
    """*document* (a contract DOCUMENT dict) as the store keeps it: each event with its
    places' explanation (when its mentions carry one and the event has none yet), the
    mentions without theirs. A document without explanations comes back as it was."""
    places = document.get("places") or []
    mentions = [m for m in places if isinstance(m, Mapping) and isinstance(m.get("explain"), Mapping)]
    if not mentions:
        return dict(document)
    events = []
    for ev in document.get("events") or []:
        if isinstance(ev, Mapping) and "explain" not in ev:
            why = event_explanation(ev, mentions)
            ev = {**ev, "explain": why} if why else ev
        events.append(ev)
    return {**document, "events": events,
            "places": [{k: v for k, v in m.items() if k != "explain"} if isinstance(m, Mapping)
                       else m for m in places]}
