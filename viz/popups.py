"""Popup and tooltip HTML for events and places. Every text is escaped here.

folium inserts popup HTML and tooltip text verbatim into the page, and the
tooltip inside a JavaScript template literal, so :func:`esc` also neutralises
backticks and ``$`` on top of :func:`html.escape`.
"""
from __future__ import annotations

import html
from typing import Any, Mapping, Optional
from urllib.parse import urlsplit


def esc(value: Any) -> str:
    """HTML-escape *value* (quotes included) and make it safe in a JS template."""
    if value is None:
        return ""
    return html.escape(str(value), quote=True).replace("`", "&#96;").replace("$", "&#36;")


def date_label(event: Mapping[str, Any]) -> str:
    """``2023-09-07 – 2023-10-01 (day)``, ``2023-09-01 – 2023-09-30 (month)``, ``date unknown``."""
    start, end = event.get("date_start"), event.get("date_end")
    precision = event.get("date_precision")
    if not start and not end:
        return "date unknown"
    text = start or end if (start == end or not (start and end)) else f"{start} – {end}"
    return f"{text} ({precision})" if precision else str(text)


def place_label(place: Optional[Mapping[str, Any]]) -> str:
    if not place:
        return ""
    cc = place.get("country_code")
    return f"{place.get('name')} ({cc})" if cc else str(place.get("name"))


def safe_href(url: Any) -> Optional[str]:
    """*url* when it is an absolute http(s) URL, else None (no ``javascript:``)."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def _row(label: str, value: Any) -> str:
    if value in (None, "", []):
        return ""
    return f"<tr><th style='text-align:left;padding-right:6px'>{esc(label)}</th><td>{esc(value)}</td></tr>"


def event_tooltip(event: Mapping[str, Any]) -> str:
    """One escaped line: type, date, actors."""
    actors = ", ".join(event.get("actors") or [])
    parts = [str(event.get("type") or "event"), date_label(event)]
    if actors:
        parts.append(actors)
    return esc(" · ".join(parts))


def event_popup_html(event: Mapping[str, Any]) -> str:
    """Escaped popup body: type, date+precision, actors, places, cargo, evidence, source."""
    route = ""
    if event.get("origin") or event.get("destination"):
        stops = [event.get("origin"), *(event.get("via") or []), event.get("destination")]
        route = " → ".join(place_label(p) or "?" for p in stops)
    review = event.get("review_status")
    rows = "".join([
        _row("Type", event.get("type")),
        _row("Date", date_label(event)),
        _row("Actors", ", ".join(event.get("actors") or [])),
        _row("Place", place_label(event.get("location"))),
        _row("Route", route),
        _row("Modes", ", ".join(event.get("modes") or [])),
        _row("Cargo", event.get("cargo")),
        _row("Confidence", event.get("confidence")),
        _row("Review", review if review and review != "unreviewed" else None),
    ])
    title = event.get("source_title") or event.get("source_id") or "source"
    href = safe_href(event.get("source_url"))
    if href:
        source = (f"<a href='{esc(href)}' target='_blank' rel='noopener noreferrer'>"
                  f"{esc(title)}</a>")
    else:
        source = esc(title)
    evidence = esc(event.get("evidence") or "")
    return (f"<div class='lagebild-popup' style='max-width:340px;font-size:12px'>"
            f"<table>{rows}</table>"
            f"<blockquote style='margin:6px 0;font-style:italic'>{evidence}</blockquote>"
            f"<div>Source: {source}</div></div>")


def place_tooltip(name: Any, country_code: Any, count: int) -> str:
    label = f"{name} ({country_code})" if country_code else str(name)
    return esc(f"{label} – mentioned {count}×")
