"""Mentions of one sentence that are one flow: a shipment told in two parts ("Japanese
purchases of Chinese soybeans ... for November to April shipment"), a departure and its
arrival ("left Vienna on Tuesday and reached Lviv two days later"), a withdrawal of forces
stationed somewhere ("the withdrawal of troops stationed in Basra")."""
from __future__ import annotations

from extract.events.roles import EventMention


def unite(mentions: list[EventMention]) -> list[EventMention]:
    """Shipment mentions of one sentence that complete each other are one flow ("Japanese
    purchases of Chinese soybeans ... for November to April shipment": the buyer in one,
    the date in the other). Not when their places or dates differ."""
    out: list[EventMention] = []
    for m in mentions:
        host = next((u for u in out if u.type == m.type and m.spec.route and _complete(u, m)), None)
        if host is None:
            out.append(m)
            continue
        if m.trigger_def.leaves and host.trigger_def.stationed and "origin" not in host.roles:
            host.roles["origin"] = host.roles.pop("destination", [])  # "stationierte Truppen ... abziehen"
        for role, found in m.roles.items():
            if role == "destination" and m.trigger_def.stationed and host.trigger_def.leaves:
                role = "origin"  # "the withdrawal of troops stationed in Basra": they leave where they are
            if not host.roles.get(role):
                host.roles[role] = list(found)
        host.date = host.date or m.date
        host.cargo = host.cargo or m.cargo
        if host.status == "reported":
            host.status = m.status
    return out


def _complete(a: EventMention, b: EventMention) -> bool:
    if a.date is not None and b.date is not None and a.date != b.date:
        return False
    if a.trigger_def.trade and b.trigger_def.trade and a.trigger_def.reverse != b.trigger_def.reverse:
        return False  # "the UK exported £16.9bn ... but imported £21.5bn": two flows, opposite ways
    for role in set(a.roles) & set(b.roles):
        pa, pb = a.place(role), b.place(role)
        if pa is not None and pb is not None and pa.country_code != pb.country_code:
            return False
    return True


def join_route(mentions: list[EventMention]) -> list[EventMention]:
    """A departure and a later arrival in one sentence are the two ends of one route ("left
    Vienna on Tuesday and reached Lviv two days later"): the arrival's places join the
    departure, whose time and status the route keeps (the goods have left)."""
    out: list[EventMention] = []
    for m in mentions:
        if m.trigger_def.kind == "arrival":
            start = next((d for d in reversed(out) if d.type == m.type and d.trigger_def.kind == "departure"), None)
            if start is not None:
                for role, found in m.roles.items():
                    if role != "origin" or not start.roles.get("origin"):
                        start.roles.setdefault(role, []).extend(found)
                continue
        out.append(m)
    return out
