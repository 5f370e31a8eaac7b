"""Mentions of one sentence that are one flow: a shipment told in two parts ("Japanese
purchases of Chinese soybeans ... for November to April shipment"), a departure and its
arrival ("left Vienna on Tuesday and reached Lviv two days later"), a withdrawal of forces
stationed somewhere ("the withdrawal of troops stationed in Basra")."""
from __future__ import annotations

from extract.events.roles import EventMention


def unite(mentions: list[EventMention]) -> list[EventMention]:
    """Shipment mentions of one sentence that complete each other are one flow ("Japanese
    purchases of Chinese soybeans ... for November to April shipment": the buyer in one,
    the date in the other). Not when their places or dates differ, nor across a contrast
    (``EventMention.part``: "will have taken delivery of 100 planes, while the 70 new orders are due for
    delivery between 2008 and 2012" are two consignments)."""
    out: list[EventMention] = []
    for m in mentions:
        host = next((u for u in out if u.type == m.type and m.spec.route and u.part == m.part and _complete(u, m)),
                    None)
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
    departure, whose status the route keeps (the goods have left); the arrival is kept on it
    so that a day of its own ends the route's dates ("am Sonntag verladen und erreichten am
    Dienstag Kaunas": Sunday to Tuesday)."""
    out: list[EventMention] = []
    for m in mentions:
        if m.trigger_def.kind == "arrival":
            start = next((d for d in reversed(out) if d.type == m.type and d.trigger_def.kind == "departure"), None)
            if start is not None:
                for role, found in m.roles.items():
                    if role != "origin" or not start.roles.get("origin"):
                        start.roles.setdefault(role, []).extend(found)
                start.arrival = m  # its own date, if any, ends the route's (extract.arrival_dates)
                continue
        out.append(m)
    return out


ARRIVAL_DAYS = 21   # a journey's arrival dated at most this long after its departure


def arrival_dates(mentions: list[EventMention]) -> None:
    """A departure joined to an arrival with a later day of its own runs until that day."""
    for m in mentions:
        a = m.arrival
        if m.date is None or a is None or a.date is None:
            continue
        if 0 < (a.date[1] - m.date[1]).days <= ARRIVAL_DAYS and a.date[0] >= m.date[0]:
            m.date = (m.date[0], a.date[1], m.date[2])
