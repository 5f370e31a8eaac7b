"""The evidence sentence with the words that made the event marked: its trigger, places,
dates and actors (the event's ``highlights``, offsets into the document text, see
records.model.Event) become ``<mark class=lb-KIND>`` runs of the evidence string.

The HTML is built from escaped pieces only: the text between marks goes through the
caller's escaper (viz.escape.html_text for the map, md_text for Streamlit markdown);
the tags and class names come from ``data/evidence_marks.json``, never from an event.
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, Callable, Mapping, Optional, Sequence

from records.paths import DATA_DIR
from viz.escape import html_text, md_text, visible

Run = tuple[str, Optional[str]]  # (text, kind or None)


@lru_cache(maxsize=1)
def marks() -> tuple[dict[str, str], ...]:
    """The kinds of mark in priority order: {"kind", "label", "style"}."""
    raw = json.loads((DATA_DIR / "evidence_marks.json").read_text(encoding="utf-8"))
    return tuple({k: str(m[k]) for k in ("kind", "label", "style")} for m in raw["marks"])


def _rank() -> dict[str, int]:
    return {m["kind"]: i for i, m in enumerate(marks())}


def _intervals(evidence: str, spans: Sequence[Sequence[int]],
               highlights: Sequence[Sequence[Any]]) -> list[tuple[int, int, str]]:
    """Highlights as (start, end, kind) in *evidence*, which joins the sentences *spans*
    with one space (extract.events.merge.to_event). A highlight outside every sentence, of
    an unknown kind or malformed is left out; one crossing a sentence's end is cut there.
    When the sentences' lengths do not add up to the evidence (it was edited or its text
    changed) nothing can be placed: no marks."""
    spans = [(int(s[0]), int(s[1])) for s in spans if len(s) == 2]
    if not spans or sum(e - s for s, e in spans) + len(spans) - 1 != len(evidence):
        return []
    rank = _rank()
    out = []
    base = 0
    for s, e in spans:
        for h in highlights:
            try:
                hs, he, kind = int(h[0]), int(h[1]), str(h[2])
            except (TypeError, ValueError, IndexError):
                continue
            a, b = max(hs, s), min(he, e)
            if kind in rank and a < b:
                out.append((base + a - s, base + b - s, kind))
        base += e - s + 1
    return out


def evidence_runs(event: Mapping[str, Any]) -> list[Run]:
    """The evidence as consecutive (text, kind) runs; where marks overlap the kind listed
    first in data/evidence_marks.json wins (a trigger inside an actor's name stays a trigger)."""
    evidence = str(event.get("evidence") or "")
    spans = event.get("evidence_spans") or [(event.get("start") or 0, event.get("end") or 0)]
    found = _intervals(evidence, spans, event.get("highlights") or [])
    if not found:
        return [(evidence, None)] if evidence else []
    rank = _rank()
    cuts = sorted({0, len(evidence), *(a for a, _, _ in found), *(b for _, b, _ in found)})
    runs: list[Run] = []
    for a, b in zip(cuts, cuts[1:]):
        over = [k for s, e, k in found if s <= a and b <= e]
        kind = min(over, key=rank.__getitem__) if over else None
        if runs and runs[-1][1] == kind:
            runs[-1] = (runs[-1][0] + evidence[a:b], kind)
        else:
            runs.append((evidence[a:b], kind))
    return runs


def runs_html(runs: Sequence[Run], escape: Callable[[Any], str] = html_text) -> str:
    """Escaped text, each marked run inside ``<mark class=lb-KIND>`` (KIND from the data)."""
    known = _rank()
    out = []
    for text, kind in runs:
        piece = escape(text)
        out.append(f"<mark class=lb-{kind}>{piece}</mark>" if kind in known else piece)
    return "".join(out)


def evidence_html(event: Mapping[str, Any], escape: Callable[[Any], str] = html_text) -> str:
    """The whole evidence sentence, escaped, with its marks."""
    return runs_html(evidence_runs(event), escape)


def key_html(kinds: Optional[Sequence[str]] = None) -> str:
    """A small key: one sample mark per kind (all, or those named), in data order."""
    shown = [m for m in marks() if kinds is None or m["kind"] in kinds]
    return ("<span class=lb-key>Marked: " + " ".join(
        f"<mark class=lb-{m['kind']}>{html_text(m['label'])}</mark>" for m in shown) + "</span>")


def mark_css() -> str:
    """The marks' style sheet; each marked word also names its kind to screen readers
    (generated text clipped out of sight), except in the key."""
    rules = [f"mark.lb-{m['kind']}{{{m['style']};padding:0 2px;border-radius:2px}}"
             f"mark.lb-{m['kind']}::before{{content:{json.dumps(m['label'] + ': ')}}}"
             for m in marks()]
    rules.append("mark[class^=\"lb-\"]::before{position:absolute;width:1px;height:1px;"
                 "overflow:hidden;clip-path:inset(50%);white-space:nowrap}"
                 ".lb-key{font-size:11px;color:#333}.lb-key mark::before{content:none}")
    return "".join(rules)


def md_inline(value: Any) -> str:
    """A piece of evidence for Streamlit markdown (viz.escape.md_text), kept on one line and
    keeping a space it starts with (md_text drops a line's indentation)."""
    text = " ".join(visible(value).replace("\t", " ").splitlines())
    return (" " if text[:1] == " " else "") + md_text(text)
