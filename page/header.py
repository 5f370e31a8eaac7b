"""The page's first line: what Lagebild shows, where its data came from (articles,
sources, the last ingest and what it changed) and the date span of the events in view -- and the
"Skip the map" link with its target, so keyboard users need not tab through
every marker to reach the timeline and the table."""
from __future__ import annotations

import datetime as dt
from typing import Any, Mapping, Optional

import streamlit as st

TAGLINE = "News-to-map events: shipments and meetings from German and English articles"
SKIP_TARGET = "after-map"        # the id the skip link jumps to (right below the map)
SKIP_LABEL = "Skip the map"

# Fixed markup only (no data reaches it; st.html, not markdown, which shows text). The link is off-screen until it has the
# keyboard focus; the target takes focus (tabindex -1) so Tab goes on after the map.
# The main column starts higher than Streamlit's 6rem so that at 1280x720 the map
# begins within the first screen. A collapsed sidebar (Streamlit shows its expand
# button then) is moved off-screen but stays in the tab order: not displayed, it leaves it.
_SKIP_LINK = (
    "<style>[data-testid='stMainBlockContainer']{padding-top:2.5rem}"
    "body:has([data-testid='stExpandSidebarButton']) [data-testid='stSidebarUserContent']"
    "{display:none}"
    ".lagebild-skip{position:absolute;left:-10000px;top:auto;width:1px;height:1px;"
    "overflow:hidden}.lagebild-skip:focus{position:static;width:auto;height:auto;"
    "display:inline-block;padding:2px 8px;background:#ffd400;color:#000;"
    "outline:2px solid #000}</style>"
    f'<a class="lagebild-skip" href="#{SKIP_TARGET}">{SKIP_LABEL}</a>')
_SIDEBAR_SKIP = (f'<a class="lagebild-skip" href="#{SKIP_TARGET}">'
                 "Skip the filters and the map</a>")
_SKIP_TARGET = (f'<div id="{SKIP_TARGET}" class="lagebild-after-map" tabindex="-1" '
                'aria-label="After the map: timeline and table"></div>')


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _day(value: Any) -> Optional[str]:
    """An ISO date (or datetime) from the store as YYYY-MM-DD; None when it is not one
    (so no stored text ever reaches the page's markup)."""
    try:
        return dt.date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        return None


def _moment(value: Any) -> Optional[str]:
    """An ISO timestamp as ``YYYY-MM-DD HH:MM UTC``; None when it is not one."""
    try:
        when = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None
    if when.tzinfo is not None:
        when = when.astimezone(dt.timezone.utc)
    return when.strftime("%Y-%m-%d %H:%M UTC")


# where a recorded ingest run came from (store.runs.IngestRun.source), in fixed words
RUN_SOURCES = (("watch", "watched folder"), ("python -m ingest", "batch"), ("page", "this page"))


def run_summary(run: Mapping[str, Any]) -> str:
    """What an ingest run (store.runs) changed, in fixed words and numbers:
    "watched folder: 2 new articles, 5 events added, 1 error" ("nothing new" when so)."""
    source = str(run.get("source") or "")
    where = next((words for prefix, words in RUN_SOURCES if source.startswith(prefix)), "ingest")

    def n(key: str) -> int:
        try:
            return max(int(run.get(key) or 0), 0)
        except (TypeError, ValueError):
            return 0

    docs = [f"{n('docs_' + k)} {k}" for k in ("new", "updated") if n("docs_" + k)]
    parts = []
    if docs:
        parts.append(" and ".join(docs) + (" articles" if n("docs_new") + n("docs_updated") > 1
                                           else " article"))
    events = [f"{n('events_' + k)} {k}" for k in ("added", "changed", "removed")
              if n("events_" + k)]
    if events:
        parts.append("events " + ", ".join(events))
    if n("n_errors"):
        parts.append(_plural(n("n_errors"), "error"))
    return f"{where}: {', '.join(parts) or 'nothing new'}"


def _last_ingest(facets: Mapping[str, Any], run: Optional[Mapping[str, Any]]) -> Optional[str]:
    """"last ingest WHEN", with what the last recorded run changed when it is the latest."""
    latest = _moment(facets.get("last_ingest"))
    finished = _moment(run.get("finished")) if run else None
    if finished and (latest is None or finished >= latest):
        return f"last ingest {finished} ({run_summary(run)})"
    return f"last ingest {latest}" if latest else None


def header_text(facets: Mapping[str, Any], span: Mapping[str, Any],
                last_run: Optional[Mapping[str, Any]] = None) -> str:
    """The header line from the store's facets (store.query.facets), the span of the
    events in view (store.query.date_span) and the last ingest run (store.runs.last_run).
    Plain text: numbers, dates, fixed words."""
    n_docs = int(facets.get("n_documents") or 0)
    sources = f"{_plural(n_docs, 'article')} from {_plural(int(facets.get('n_sources') or 0), 'source')}"
    if unlinked := int(facets.get("n_unlinked") or 0):
        sources += f" ({unlinked} without a web address)"
    parts = [TAGLINE, sources]
    if last := _last_ingest(facets, last_run):
        parts.append(last)
    first, end = _day(span.get("first")), _day(span.get("last"))
    if first and end:
        parts.append(f"events in view: {first} – {end}" if first != end
                     else f"events in view: {first}")
    else:
        parts.append("no dated events in view")
    return " · ".join(parts)


def page_header(facets: Mapping[str, Any], span: Mapping[str, Any],
                last_run: Optional[Mapping[str, Any]] = None) -> None:
    with st.container(key="page_header"):
        st.markdown(header_text(facets, span, last_run))


def skip_link() -> None:
    """The link before the map (see _SKIP_LINK)."""
    st.html(_SKIP_LINK)


def sidebar_skip_link() -> None:
    """The same jump as the first stop of the sidebar (it comes before the main column
    in the page, so Tab reaches it at once; the style comes with skip_link)."""
    st.sidebar.html(_SIDEBAR_SKIP)


def skip_target() -> None:
    """Where the skip link lands: right after the map."""
    st.html(_SKIP_TARGET)
