"""An event's history under the correction form: when it was first stored and last
changed, then a compact list -- when, who, what (``field: old -> new``) -- of the
analyst's edits and the re-extractions (store.history), the latest
:data:`SHOWN` of them. Everything shown is escaped (viz.escape.md_text)."""
from __future__ import annotations

from typing import Any, Iterable, Mapping

import streamlit as st

from page.header import _moment
from records.changes import entry_text
from store import Store
from viz.escape import md_text

SHOWN = 12            # entries listed; older ones are counted
VALUE_CHARS = 60      # of each old and new value


def stamps_line(event: Mapping[str, Any]) -> str:
    """"First stored 2026-12-01 10:00 UTC · last changed …" (plain text)."""
    parts = []
    if created := _moment(event.get("created")):
        parts.append(f"first stored {created}")
    if (updated := _moment(event.get("updated"))) and updated != created:
        parts.append(f"last changed {updated}")
    text = " · ".join(parts)
    return text[:1].upper() + text[1:]


def history_lines(entries: Iterable[Mapping[str, Any]], shown: int = SHOWN) -> list[str]:
    """One plain line per entry, oldest first: ``WHEN · WHO · WHAT``; the latest
    *shown* only, after a line counting the earlier ones."""
    entries = list(entries)
    lines = []
    if len(entries) > shown:
        lines.append(f"… {len(entries) - shown} earlier change(s)")
    for e in entries[-shown:]:
        who = e.get("author") or ("pipeline" if e.get("kind") == "pipeline" else "analyst")
        when = _moment(e.get("at")) or "?"
        lines.append(f"{when} · {who} · {entry_text(e, VALUE_CHARS)}")
    return lines


def history_markdown(event: Mapping[str, Any], entries: Iterable[Mapping[str, Any]]) -> str:
    """The block as markdown: every line escaped, the list as bullets."""
    head = [md_text(line)] if (line := stamps_line(event)) else []
    items = [f"- {md_text(line)}" for line in history_lines(entries)]
    return "\n\n".join(head + ["\n".join(items) or "No edits or re-extractions yet."])


def history_list(store: Store, event: Mapping[str, Any]) -> None:
    """The block for *event* (read from the store at each rerun of the form)."""
    with st.container(key="event_history"):
        st.markdown("**History**")
        st.markdown(history_markdown(event, store.history(str(event["id"]))))
