"""Popup and tooltip HTML for events and places. Every text is escaped here.

folium inserts popup HTML and tooltip text verbatim into the page, and the
tooltip inside a JavaScript template literal, so :func:`esc` (which is
:func:`viz.escape.html_text`) also neutralises backticks, ``$`` and ``\\`` on
top of HTML escaping, and shows bidi controls instead of obeying them.
"""
from __future__ import annotations

from typing import Any, Mapping, Optional
from urllib.parse import urlsplit

from records.actors import one_name_per_actor
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
    is ever interpreted as markup; the evidence (``e``) holds the only other tags, the
    marks of viz.evidence around escaped pieces. Short keys keep 10,000-event pages small."""
    review = event.get("review_status")
    url = event.get("source_url")
    href = safe_href(url)
    fields = {
        "i": esc(event.get("id")),
        "t": esc(event.get("type") or "event"),
        "d": esc(date_label(event)),
        "a": esc(actor_label(event)),
        "p": esc(place_label(event.get("location"))),
        "w": esc(route_label(event)),
        "y": why_html(event),  # why each place: escaped reasons and runner-ups (viz.why)
        "m": esc(", ".join(event.get("modes") or [])),
        "c": esc(event.get("cargo")),
        "k": esc(event.get("confidence")),
        "r": esc(review if review and review != "unreviewed" else ""),
        "e": evidence_html(event),  # the whole sentence, its marks between escaped pieces
        "s": esc(event.get("source_title") or event.get("source_id") or "source"),
        "u": esc(href) if href else "",
        # any other address (javascript:, data:, relative ...) is shown, never linked
        "x": "" if href or not url else esc(url),
    }
    return {k: v for k, v in fields.items() if v}


def place_tooltip(name: Any, country_code: Any, count: int, source: Any = None) -> str:
    label = place_label({"name": name, "country_code": country_code, "source": source})
    return esc(f"{label} – mentioned {count}×")
