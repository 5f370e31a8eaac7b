"""What the reports of one happening say, field by field, and where they disagree.

For each field -- ``date``, ``place`` (an event's location), ``origin``,
``destination``, ``quantity`` (a cargo's first number) and ``cargo`` -- the members'
values are grouped: the most supported value first (most documents; of as many, the
more specific: a day before a week, a town before its country), and every other value
joins the first group whose head it is compatible with (store.matching: a week holding
the day, a country holding the town, a visit holding its reception, cargo worded in two
languages), else starts a group of its own. A field with more than one group is a
contradiction; the happening is ``contradicted`` when any field is. Nothing is
dropped: every value keeps its sources.
"""
from __future__ import annotations

from typing import Any, Callable, Mapping, Optional, Sequence

from store.matching import (cargo_compatible, dates_compatible, places_compatible, quantity,
                            span)

FIELDS = ("date", "place", "origin", "destination", "quantity", "cargo")
_PLACE_ROLE = {"place": "location", "origin": "origin", "destination": "destination"}


def _date_value(ev: Mapping[str, Any]):
    s = span(ev)
    if s is None:
        return None
    first, last = s[0].isoformat(), s[1].isoformat()
    text = first if first == last else f"{first}/{last}"
    return text, [first, last], (s[1] - s[0]).days     # (ISO texts compare as the dates)


def _place_value(role: str) -> Callable:
    def value(ev: Mapping[str, Any]):
        p = ev.get(role)
        if not p or not p.get("name"):
            return None
        feature = str(p.get("feature") or "")
        width = 2 if feature == "country" else 1 if feature.startswith(("admin", "region")) else 0
        return str(p["name"]), p, width
    return value


def _quantity_value(ev: Mapping[str, Any]):
    q = quantity(ev.get("cargo"))
    return None if q is None else (q, q, 0)


def _cargo_value(ev: Mapping[str, Any]):
    c = (ev.get("cargo") or "").strip()
    return (c, c, 0) if c else None


_VALUE: dict[str, Callable] = {"date": _date_value, "quantity": _quantity_value,
                               "cargo": _cargo_value,
                               **{f: _place_value(r) for f, r in _PLACE_ROLE.items()}}
_COMPATIBLE: dict[str, Callable[[Any, Any], bool]] = {
    "date": dates_compatible, "quantity": lambda a, b: a == b, "cargo": cargo_compatible,
    **{f: places_compatible for f in _PLACE_ROLE}}


def value_of(ev: Mapping[str, Any], field: str) -> Any:
    """The value *ev* gives for *field* as shown (None when it gives none)."""
    found = _VALUE[field](ev)
    return found[0] if found else None


def groups(field: str, events: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """``[{value, sources: [doc ids], values: [every value in the group]}]``, most
    supported first."""
    by_value: dict[Any, dict[str, Any]] = {}
    for ev in events:
        found = _VALUE[field](ev)
        if found is None:
            continue
        shown, obj, width = found
        entry = by_value.setdefault(shown, {"value": shown, "obj": obj, "width": width,
                                            "docs": []})
        if ev["source_id"] not in entry["docs"]:
            entry["docs"].append(ev["source_id"])
    return [{"value": g["value"], "sources": sorted(g["docs"]), "values": g["values"]}
            for g in _cluster(field, list(by_value.values()), lambda v: len(v["docs"]),
                              lambda g, v: g["docs"].extend(d for d in v["docs"]
                                                            if d not in g["docs"]))]


def _cluster(field: str, values: list[dict[str, Any]], support: Callable,
             merge: Callable) -> list[dict[str, Any]]:
    """Distinct values grouped by compatibility with a group's head, most supported
    head first (see the module's doc)."""
    ordered = sorted(values, key=lambda v: (-support(v), v["width"], str(v["value"])))
    out: list[dict[str, Any]] = []
    for v in ordered:
        home = next((g for g in out if _COMPATIBLE[field](g["obj"], v["obj"])), None)
        if home is None:
            out.append({**v, "docs": list(v.get("docs") or ()), "values": [v["value"]]})
        else:
            merge(home, v)
            home["values"].append(v["value"])
    out.sort(key=lambda g: -support(g))       # stable: heads keep their order
    return out


# -- the running tally a happening keeps (store.happenings): {field: {value: [obj, width, n]}}

def tally_add(tally: dict, ev: Mapping[str, Any]) -> dict:
    """*tally* with one more report's values counted (in place; returned)."""
    for field in FIELDS:
        found = _VALUE[field](ev)
        if found is not None:
            shown, obj, width = found
            entry = tally.setdefault(field, {}).setdefault(str(shown), [shown, obj, width, 0])
            entry[3] += 1
    return tally


def tally_flags(tally: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The contradicted fields of a tally: {field: [{value, count}]}, most supported first."""
    out: dict[str, list[dict[str, Any]]] = {}
    for field in FIELDS:
        values = [{"value": e[0], "obj": e[1], "width": e[2], "n": e[3]}
                  for e in (tally.get(field) or {}).values()]
        if len(values) < 2:
            continue
        found = _cluster(field, values, lambda v: v["n"],
                         lambda g, v: g.__setitem__("n", g["n"] + v["n"]))
        if len(found) > 1:
            out[field] = [{"value": g["value"], "count": g["n"]} for g in found]
    return out


def summarise(events: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """``source_count`` (documents), ``contradicted``, ``contradictions`` {field:
    [{value, sources}]} (only the fields that disagree) and ``best`` {field: the most
    supported value} of a happening's member events."""
    best: dict[str, Any] = {}
    contra: dict[str, list[dict[str, Any]]] = {}
    for field in FIELDS:
        found = groups(field, events)
        if not found:
            continue
        best[field] = found[0]["value"]
        if len(found) > 1:
            contra[field] = [{"value": g["value"], "sources": g["sources"]} for g in found]
    return {"source_count": len({e["source_id"] for e in events}), "contradicted": bool(contra),
            "contradictions": contra, "best": best}


def _agreement(ev: Mapping[str, Any], best: Mapping[str, Any]) -> tuple:
    agree = sum(1 for f, v in best.items() if value_of(ev, f) == v)
    return (-agree, str(ev.get("doc_date") or ""), str(ev.get("source_id")), str(ev.get("id")))


def happening(happening_id: Optional[str], events: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """A happening dict: the representative member (the one giving most of the most
    supported values; of as many, the earliest report) with ``happening_id``,
    ``event_ids``, ``source_count``, ``contradicted``, ``contradictions`` and
    ``sources`` [{doc_id, doc_date, title, url, lang, event_id, and the member's value of
    each contradicted field}]."""
    summary = summarise(events)
    rep = min(events, key=lambda e: _agreement(e, summary["best"]))
    sources = []
    for ev in events:
        src = {"doc_id": ev.get("source_id"), "doc_date": ev.get("doc_date"),
               "title": ev.get("source_title"), "url": ev.get("source_url"),
               "lang": ev.get("lang"), "event_id": ev.get("id")}
        src.update({f: value_of(ev, f) for f in summary["contradictions"]})
        sources.append(src)
    return {**rep, "happening_id": happening_id or rep.get("happening_id"),
            "event_ids": [e.get("id") for e in events],
            "source_count": summary["source_count"], "contradicted": summary["contradicted"],
            "contradictions": summary["contradictions"], "sources": sources}
