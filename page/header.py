"""The page's first line: what Lagebild shows, where its data came from (articles,
sources, the last ingest) and the date span of the events in view -- and the
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


def header_text(facets: Mapping[str, Any], span: Mapping[str, Any]) -> str:
    """The header line from the store's facets (store.query.facets) and the span of
    the events in view (store.query.date_span). Plain text: numbers, dates, fixed words."""
    n_docs = int(facets.get("n_documents") or 0)
    sources = f"{_plural(n_docs, 'article')} from {_plural(int(facets.get('n_sources') or 0), 'source')}"
    if unlinked := int(facets.get("n_unlinked") or 0):
        sources += f" ({unlinked} without a web address)"
    parts = [TAGLINE, sources]
    if last := _moment(facets.get("last_ingest")):
        parts.append(f"last ingest {last}")
    first, end = _day(span.get("first")), _day(span.get("last"))
    if first and end:
        parts.append(f"events in view: {first} – {end}" if first != end
                     else f"events in view: {first}")
    else:
        parts.append("no dated events in view")
    return " · ".join(parts)


def page_header(facets: Mapping[str, Any], span: Mapping[str, Any]) -> None:
    with st.container(key="page_header"):
        st.markdown(header_text(facets, span))


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
