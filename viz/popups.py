"""Popup and tooltip HTML for events and places. Every text is escaped here.

folium inserts popup HTML and tooltip text verbatim into the page, and the
tooltip inside a JavaScript template literal, so :func:`esc` (which is
:func:`viz.escape.html_text`) also neutralises backticks, ``$`` and ``\\`` on
top of HTML escaping, and shows bidi controls instead of obeying them.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Mapping, Optional
from urllib.parse import urlsplit

from records.actors import one_name_per_actor
from records.precision import geo_label, geo_precision, time_label, time_precision
from viz.escape import html_text as esc
from viz.evidence import evidence_html
from viz.why import why_html


def date_label(event: Mapping[str, Any]) -> str:
    """``2023-09-07 – 2023-10-01 (day)``, ``2023-09-01 – 2023-09-30 (month)``, ``date unknown``."""
    start, end = event.get("date_start"), event.get("date_end")
    precision = event.get("date_precision")
    if not start and not end:
        return "date unknown"
    text = start or end if (start == end or not (start and end)) else f"{start} – {end}"
    return f"{text} ({precision})" if precision else str(text)


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # English, whatever the locale


def _whole_months(start: dt.date, end: dt.date) -> bool:
    return start.day == 1 and (end + dt.timedelta(days=1)).day == 1


def when_label(event: Mapping[str, Any]) -> str:
    """The popup's date, its precision in words: ``in March 2023 (month)``,
    ``March – May 2023 (month)``, ``in 2023 (year)``, ``2023-09-04 – 2023-09-10 (week)``;
    a day or a longer span of days as :func:`date_label` has it."""
    try:
        start = dt.date.fromisoformat(event.get("date_start") or event.get("date_end") or "")
        end = dt.date.fromisoformat(event.get("date_end") or event.get("date_start") or "")
    except (TypeError, ValueError):
        return date_label(event)
    precision = event.get("date_precision")
    if end < start:
        return date_label(event)
    if precision == "month" and _whole_months(start, end):
        first, last = f"{MONTHS[start.month - 1]} {start.year}", f"{MONTHS[end.month - 1]} {end.year}"
        if first == last:
            return f"in {first} (month)"
        if start.year == end.year:
            first = MONTHS[start.month - 1]
        return f"{first} – {last} (month)"
    if precision == "year" and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        years = str(start.year) if start.year == end.year else f"{start.year} – {end.year}"
        return f"in {years} (year)" if start.year == end.year else f"{years} (year)"
    if time_precision(event) == 2:
        return f"{start.isoformat()} – {end.isoformat()} (week)"
    return date_label(event)


def precision_label(event: Mapping[str, Any]) -> str:
    """``place: region or country (3) · date: month or longer (3)`` (ACLED's codes)."""
    parts = []
    for what, code, label in (("place", geo_precision(event), geo_label),
                              ("date", time_precision(event), time_label)):
        if code is not None:
            parts.append(f"{what}: {label(code)} ({code})")
    return " · ".join(parts)


ONLINE_MARK = " (online geocoder)"  # a place that came from Nominatim, not the offline gazetteer


def place_label(place: Optional[Mapping[str, Any]]) -> str:
    """``Najin (KP)``; ``Xyzburg (DE) (online geocoder)`` for a place with ``"source": "online"``."""
    if not place:
        return ""
    cc = place.get("country_code")
    label = f"{place.get('name')} ({cc})" if cc else str(place.get("name"))
    return label + ONLINE_MARK if place.get("source") == "online" else label


def safe_href(url: Any) -> Optional[str]:
    """*url* when it is an absolute http(s) URL, else None (no ``javascript:``)."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def route_label(event: Mapping[str, Any]) -> str:
    if not (event.get("origin") or event.get("destination")):
        return ""
    stops = [event.get("origin"), *(event.get("via") or []), event.get("destination")]
    return " → ".join(place_label(p) or "?" for p in stops)


def actor_label(event: Mapping[str, Any]) -> str:
    """The actors, one name each (records.actors: "UN" and "Vereinte Nationen" are one)."""
    return ", ".join(one_name_per_actor(event.get("actors") or []))


def event_tooltip(event: Mapping[str, Any]) -> str:
    """One escaped line: type, date, actors."""
    actors = actor_label(event)
    parts = [str(event.get("type") or "event"), date_label(event)]
    if actors:
        parts.append(actors)
    return esc(" · ".join(parts))


def popup_fields(event: Mapping[str, Any]) -> dict[str, str]:
    """The popup's values, each already escaped; the map's JavaScript only puts
    them between fixed tags (see ``viz.mapping._BIND_JS``), so no event text
    is ever interpreted as markup; the evidence (``e``) and a happening's reports (``h``)
    hold the only other tags, the marks of viz.evidence and ``<br>`` between escaped pieces. Short keys keep 10,000-event pages small."""
    review = event.get("review_status")
    url = event.get("source_url")
    href = safe_href(url)
    fields = {
        "i": esc(event.get("id")),
        "t": esc(event.get("type") or "event"),
        "d": esc(when_label(event)),
        "q": esc(precision_label(event)),  # ACLED-style precision codes (records.precision)
        "a": esc(actor_label(event)),
        "p": esc(place_label(event.get("location"))),
        "w": esc(route_label(event)),
        "y": why_html(event),  # why each place: escaped reasons and runner-ups (viz.why)
        "m": esc(", ".join(event.get("modes") or [])),
        "c": esc(event.get("cargo")),
        "k": esc(event.get("confidence")),
        "r": esc(review if review and review != "unreviewed" else ""),
        "h": sources_html(event),  # a merged happening's reports (store.happenings)
        "e": evidence_html(event),  # the whole sentence, its marks between escaped pieces
        "s": esc(event.get("source_title") or event.get("source_id") or "source"),
        "u": esc(href) if href else "",
        # any other address (javascript:, data:, relative ...) is shown, never linked
        "x": "" if href or not url else esc(url),
    }
    return {k: v for k, v in fields.items() if v}


FIELD_NAMES = {"date": "date", "place": "place", "origin": "origin",
               "destination": "destination", "quantity": "quantity", "cargo": "cargo"}


def sources_html(event: Mapping[str, Any]) -> str:
    """The reports of the event's happening when there are several: one line each,
    ``2024-03-16 · Güterzüge statt Gipfelbilder · date: 2024-03-13``, the differing
    values (a contradicted happening) after the title; every piece escaped, joined
    with ``<br>``. '' for an event reported once."""
    sources = event.get("happening_sources") or []
    if len(sources) < 2:
        return ""
    lines = []
    for src in sources:
        differing = [f"{FIELD_NAMES.get(k, k)}: {src[k]}" for k in FIELD_NAMES
                     if k in src and src[k] is not None]
        parts = [str(src.get("doc_date") or "?"), str(src.get("title") or src.get("doc_id"))]
        lines.append(esc(" · ".join(parts + differing)))
    head = f"{len(sources)} reports" + (" – they disagree" if event.get("contradicted") else "")
    return esc(head) + "<br>" + "<br>".join(lines)


def place_tooltip(name: Any, country_code: Any, count: int, source: Any = None) -> str:
    label = place_label({"name": name, "country_code": country_code, "source": source})
    return esc(f"{label} – mentioned {count}×")
