"""Event types as data (``data/event_types.json``): roles, whether cargo and modes apply,
how the map draws an event and which place stands for it.

Extraction, merging, the map and the export ask :func:`event_type` instead of comparing
type names; a type the file does not know (an analyst's edit, an older store) gets the
``other`` spec, so nothing breaks on it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Mapping, Optional

from records.paths import DATA_DIR

SPEC_FILE = DATA_DIR / "event_types.json"
GEOMETRIES = ("point", "route")
PLACE_ROLES = ("location", "origin", "via", "destination")


@dataclass(frozen=True)
class EventType:
    name: str
    label: Mapping[str, str]
    geometry: str                     # "point": one place; "route": origin -> via -> destination
    roles: tuple[str, ...]            # place roles an event of this type fills
    cargo: bool                       # whether it carries goods
    modes: bool                       # whether it has transport modes
    map_point: tuple[str, ...]        # the roles that stand for it on the map, first present wins
    marker: Mapping[str, str] = field(default_factory=dict)
    known: bool = True                # False for the fallback spec

    @property
    def route(self) -> bool:
        return self.geometry == "route"

    def label_in(self, lang: str = "en") -> str:
        return self.label.get(lang) or self.label.get("en") or self.name


def _spec(name: str, raw: Mapping[str, Any], known: bool) -> EventType:
    geometry = raw["geometry"]
    roles = tuple(raw["roles"])
    if geometry not in GEOMETRIES:
        raise ValueError(f"{SPEC_FILE}: {name}: geometry {geometry!r} not one of {GEOMETRIES}")
    bad = [r for r in (*roles, *raw["map_point"]) if r not in PLACE_ROLES]
    if bad:
        raise ValueError(f"{SPEC_FILE}: {name}: unknown place role(s) {bad}; expected {PLACE_ROLES}")
    return EventType(name=name, label=dict(raw.get("label") or {}), geometry=geometry, roles=roles,
                     cargo=bool(raw["cargo"]), modes=bool(raw["modes"]),
                     map_point=tuple(raw["map_point"]), marker=dict(raw.get("marker") or {}),
                     known=known)


@lru_cache(maxsize=1)
def _load() -> tuple[dict[str, EventType], EventType]:
    with open(SPEC_FILE, encoding="utf-8") as f:
        raw = json.load(f)
    types = {name: _spec(name, spec, True) for name, spec in raw["types"].items()}
    return types, _spec("other", raw["other"], False)


def event_types() -> dict[str, EventType]:
    """The known event types, in the file's order."""
    return dict(_load()[0])


def event_type(name: Optional[str]) -> EventType:
    """The spec of ``name``; the ``other`` spec for a type the file does not know."""
    types, other = _load()
    return types.get(name or "", other)


# after the roles the type names: any other place the event has (an analyst may set a
# location on any event; a route with one end known is drawn there)
_MAP_FALLBACK = ("location", "destination", "origin")


def map_point(event: Mapping[str, Any]) -> Optional[Mapping[str, Any]]:
    """The place that stands for *event* on the map.

    The roles its event type names (data/event_types.json: a meeting's place, a
    shipment's destination, else its origin), then any other place it has.
    ``None`` when the event has no place at all.
    """
    for key in dict.fromkeys((*event_type(event.get("type")).map_point, *_MAP_FALLBACK)):
        place = event.get(key)
        if place and place.get("lat") is not None and place.get("lon") is not None:
            return place
    return None
