"""Scores and error lists, computed with the shared scorer's own functions.

``summarise`` is ``score.score`` itself. ``categorise`` walks the documents the
way ``score.score`` does (same ignore rules, same greedy matching, same
``same_place`` and ``value_ok``) and keeps each error as a record, so the error
counts add up to the scorer's counts.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from types import ModuleType


def summarise(scorer: ModuleType, gold: list[dict], result: dict) -> dict:
    summary, _details = scorer.score(gold, result)
    return summary


def context(text: str, start: int, end: int, width: int = 40) -> str:
    """A one-line snippet around text[start:end], the span in **bold**."""
    a, b = max(0, start - width), min(len(text), end + width)
    left = text[a:start].replace("\n", " ").replace("|", "/")
    mid = text[start:end].replace("\n", " ").replace("|", "/")
    right = text[end:b].replace("\n", " ").replace("|", "/")
    return f"{'…' if a else ''}{left}**{mid}**{right}{'…' if b < len(text) else ''}"


def categorise(scorer: ModuleType, gold: list[dict], result: dict) -> dict[str, list[dict]]:
    """Errors by category: missed/spurious places, wrong resolutions, timex and event errors."""
    by_id = {d.get("id"): d for d in result.get("documents", [])}
    out: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        doc = by_id.get(g["id"])
        if doc is None:
            out["missing_documents"].append({"doc": g["id"]})
            continue
        text = g["text"]
        ignore = g.get("ignore_spans", []) + [x for x in g.get("toponyms", []) if x.get("geotag_eval") is False]
        gold_tops = [x for x in g.get("toponyms", []) if x.get("geotag_eval") is not False]
        preds = [p for p in doc.get("places", []) if isinstance(p.get("start"), int)
                 and not any(scorer.overlaps(p, s) for s in ignore)]
        pairs = scorer.match(gold_tops, preds)
        for gm, pm in pairs:
            if gm.get("lat") is None or gm.get("lon") is None or scorer.same_place(pm, gm):
                continue
            dist = scorer.km(pm, gm) if pm.get("lat") is not None and pm.get("lon") is not None else None
            out["wrong_resolution"].append({
                "doc": g["id"], "surface": gm["text"], "pred": _place_label(pm), "gold": _gold_label(gm),
                "km": dist, "context": context(text, gm["start"], gm["end"])})
        matched = {id(p) for _, p in pairs}
        # a corpus that does not annotate a kind (LGL: no timexes; WikiWarsDE: no places) has no
        # spurious ones of that kind to list, though score.py counts them in its precision
        for p in (preds if "toponyms" in g else []):
            if id(p) not in matched:
                out["spurious_place"].append({"doc": g["id"], "surface": p.get("text"), "pred": _place_label(p),
                                              "context": context(text, p["start"], p["end"])})
        for gm in gold_tops:
            if not any(gm is x for x, _ in pairs):
                out["missed_place"].append({"doc": g["id"], "surface": gm["text"], "gold": _gold_label(gm),
                                            "context": context(text, gm["start"], gm["end"])})
        gt = g.get("timexes", [])
        req = [x for x in gt if x.get("required", True)]
        ptx = [x for x in doc.get("timexes", []) if isinstance(x.get("start"), int)]
        for gx, px in scorer.match(req, ptx):
            if not scorer.value_ok(px.get("value"), gx["value"]):
                out["wrong_timex_value"].append({
                    "doc": g["id"], "surface": gx["text"], "pred": f"{px.get('text')!r} = {px.get('value')}",
                    "gold": f"{gx['value']} ({gx.get('type') or 'DATE'})",
                    "context": context(text, gx["start"], gx["end"])})
        for gx in req:
            if not any(scorer.overlaps(gx, px) for px in ptx):
                out["missed_timex"].append({"doc": g["id"], "surface": gx["text"],
                                            "gold": f"{gx['value']} ({gx.get('type') or 'DATE'})",
                                            "context": context(text, gx["start"], gx["end"])})
        for px in (ptx if "timexes" in g else []):
            if not any(scorer.overlaps(px, gx) for gx in gt):
                out["spurious_timex"].append({"doc": g["id"], "surface": px.get("text"), "pred": px.get("value"),
                                              "context": context(text, px["start"], px["end"])})
        ge = g.get("events", [])
        reqe = [e for e in ge if e.get("required", True)]
        pev = doc.get("events", [])
        found = scorer.match(reqe, pev, ok=scorer.event_ok)
        for e in reqe:
            if not any(e is x for x, _ in found):
                where = e.get("location") or e.get("destination") or {}
                where = where[0] if isinstance(where, list) else where
                out["missed_event"].append({
                    "doc": g["id"], "surface": e["type"],
                    "gold": f"{e['type']} {e.get('date')} at {where.get('name')} ({', '.join(e.get('actors', []))})",
                    "context": (e.get("evidence") or "")[:200].replace("\n", " ")})
        for p in (pev if "events" in g else []):
            if not any(scorer.event_ok(e, p) for e in ge):
                where = p.get("location") or p.get("destination") or {}
                out["spurious_event"].append({
                    "doc": g["id"], "surface": p.get("type"),
                    "pred": f"{p.get('type')} {p.get('date_start')}..{p.get('date_end')} at {where.get('name')}",
                    "context": (p.get("evidence") or "")[:200].replace("\n", " ")})
    return dict(out)


def _place_label(p: dict) -> str:
    return f"{p.get('name')} ({p.get('country_code') or '-'}, {p.get('feature') or '-'})"


def _gold_label(g: dict) -> str:
    """Gold name with its country code, or its coordinates where the corpus gives no code."""
    where = g.get("country") or ""
    if not where and g.get("lat") is not None and g.get("lon") is not None:
        where = f"{g['lat']:.1f}, {g['lon']:.1f}"
    return f"{g.get('name')}{f' ({where})' if where else ''}"


def top_surfaces(items: list[dict], n: int = 25) -> list[dict]:
    """Most frequent surface forms of one error category, with their most common detail."""
    counts = Counter(i["surface"] for i in items)
    detail: dict[str, Counter] = defaultdict(Counter)
    kms: dict[str, list[float]] = defaultdict(list)
    for i in items:
        key = " → ".join(x for x in (i.get("pred"), i.get("gold")) if x)
        detail[i["surface"]][key] += 1
        if i.get("km") is not None:
            kms[i["surface"]].append(i["km"])
    rows = []
    for surface, c in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[:n]:
        d = kms.get(surface)
        rows.append({"surface": surface, "count": c, "detail": detail[surface].most_common(1)[0][0],
                     "median_km": sorted(d)[len(d) // 2] if d else None})
    return rows


def sample(items: list[dict], n: int = 15) -> list[dict]:
    """A deterministic spread of ``n`` items across the list (not only the first document)."""
    if len(items) <= n:
        return list(items)
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]
