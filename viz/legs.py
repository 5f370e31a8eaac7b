"""A shipment as the legs it ran: origin -> via ... -> destination, a mode per leg.

Events state modes for the whole shipment (``"modes": ["sea", "rail"]``), not
per leg. :func:`leg_modes` spreads them over the legs by this rule:

1. Only the known modes count (:data:`MODES`), each once, in the order stated.
   None stated: every leg is of unknown mode (``None``).
2. One mode: every leg has it.
3. As many modes as legs: in order (the first mode for the first leg ...),
   unless that would put "sea" on a leg that cannot be one (rule 5).
4. Otherwise: "sea" (when stated) for every leg whose two ends are both
   coastal; the other legs take the stated land/air modes in order, the last
   one repeated when there are more such legs than modes.
5. Always: a leg with an end that is not coastal (``viz.coast.is_coastal``)
   is never "sea"; where a rule would make it so, its mode is unknown.

So the seed's "per See- und Schienenweg" Rajin -> Tikhoretsk (one leg, the
destination inland) is a rail leg, and Rajin -> Vladivostok -> Tikhoretsk is
sea then rail.

Sea legs follow sea lanes (:mod:`viz.sealanes`); when none is found the leg
is a straight line with a note saying so. Air legs are great circles; land
legs and legs of unknown mode are straight lines on the map.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping, Optional, Sequence

from geo.distance import haversine_km
from viz.coast import is_coastal
from viz.geometry import LatLon, great_circle
from viz.sealanes import sea_lane

MODES = ("sea", "rail", "road", "air")
NO_LANE_NOTE = "straight line: {reason}"


def leg_modes(modes: Sequence[Any], coastal: Sequence[bool]) -> list[Optional[str]]:
    """The mode of each leg between consecutive stops (*coastal* has one flag
    per stop, so there are ``len(coastal) - 1`` legs); see the module doc."""
    n = len(coastal) - 1
    if n < 1:
        return []
    stated: list[str] = []
    for mode in modes or ():
        if mode in MODES and mode not in stated:
            stated.append(mode)
    sea_ok = [bool(coastal[i] and coastal[i + 1]) for i in range(n)]
    if not stated:
        out: list[Optional[str]] = [None] * n
    elif len(stated) == 1:
        out = [stated[0]] * n
    elif len(stated) == n and all(m != "sea" or ok for m, ok in zip(stated, sea_ok)):
        out = list(stated)
    else:
        others = [m for m in stated if m != "sea"]
        out, k = [], 0
        for ok in sea_ok:
            if ok and "sea" in stated:
                out.append("sea")
            else:
                out.append(others[min(k, len(others) - 1)])
                k += 1
    return [None if m == "sea" and not ok else m for m, ok in zip(out, sea_ok)]


@dataclass(frozen=True)
class Leg:
    """One leg of a route: its ends, their names, its mode (None: unknown),
    the points to draw and a note when the line is not what the mode implies."""
    number: int
    start_name: str
    end_name: str
    mode: Optional[str]
    points: tuple[LatLon, ...]
    note: Optional[str] = None

    def label(self) -> str:
        """``1. Rajin → Vladivostok · sea`` (plain text; escape it for HTML)."""
        text = f"{self.number}. {self.start_name} → {self.end_name} · {self.mode or 'unknown mode'}"
        return f"{text} ({self.note})" if self.note else text


def leg_line(a: LatLon, b: LatLon, mode: Optional[str]) -> tuple[list[LatLon], Optional[str]]:
    """The points of a leg from *a* to *b* by *mode*, and a note when a sea leg
    had to be drawn straight."""
    if haversine_km(*a, *b) < 1.0:  # loaded and unloaded at one place
        return [a, b], None
    if mode == "sea":
        lane, reason = sea_lane(a, b)
        if lane:
            return lane, None
        return [a, b], NO_LANE_NOTE.format(reason=reason)
    if mode == "air":
        return great_circle(a, b), None
    return [a, b], None


def unused_modes(event: Mapping[str, Any], legs: Sequence[Leg]) -> list[str]:
    """Known modes the event states that no leg got (the seed's "sea" when its
    route names no transit port), in the order stated."""
    used = {leg.mode for leg in legs}
    out: list[str] = []
    for mode in event.get("modes") or ():
        if mode in MODES and mode not in used and mode not in out:
            out.append(mode)
    return out


def _name(place: Optional[Mapping[str, Any]]) -> str:
    return str((place or {}).get("name") or "?")


def event_legs(event: Mapping[str, Any], pts: Mapping[str, Any],
               coastal: Callable[[float, float], bool] = is_coastal) -> list[Leg]:
    """The legs of a shipment whose origin and destination have points (*pts*
    is :func:`viz.geometry.event_points` of *event*). A via place without a
    point is left out: the leg runs past it and its label names it."""
    places = [event.get("origin"), *(event.get("via") or []), event.get("destination")]
    points = [pts["origin"], *pts["via"], pts["destination"]]
    stops: list[tuple[LatLon, str]] = []
    skipped: list[str] = []
    passed: dict[int, list[str]] = {}
    for place, point in zip(places, points):
        if point is None:
            if place:
                skipped.append(_name(place))
            continue
        if skipped:
            passed[len(stops)] = skipped
            skipped = []
        stops.append((point, _name(place)))
    modes = event.get("modes") or []
    # the rule asks where the coast is only for a shipment stated to go by sea
    flags = [coastal(*p) for p, _ in stops] if "sea" in modes else [False] * len(stops)
    modes = leg_modes(modes, flags)
    legs = []
    shift = 0.0
    for i, mode in enumerate(modes):
        (a, a_name), (b, b_name) = stops[i], stops[i + 1]
        line, note = leg_line(a, b, mode)
        if legs:  # keep longitudes continuous from the previous leg's end
            shift = legs[-1].points[-1][1] - line[0][1]
            shift = round(shift / 360.0) * 360.0
        if shift:
            line = [(lat, lon + shift) for lat, lon in line]
        if i + 1 in passed:
            unplaced = ", ".join(passed[i + 1])
            note = f"{note}; " if note else ""
            note += f"via {unplaced}: not on the map"
        legs.append(Leg(i + 1, a_name, b_name, mode, tuple(line), note))
    return legs
