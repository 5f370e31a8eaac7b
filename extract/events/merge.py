"""One event per happening: join mentions whose roles agree and whose dates do not conflict."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Optional

from extract.events.highlights import mention_highlights
from extract.events.lexicon import ROLES
from extract.events.roles import SPECIFICITY, EventMention
from geo.continents import contains
from geo.same_spot import compatible, same_place
from records.event_types import EventType, event_type
from records.model import Event, Place

BARE_WINDOW = 4  # sentences: a mention with no places of its own joins a happening this close


def more_specific(a: Optional[Place], b: Optional[Place]) -> Optional[Place]:
    if a is None or b is None:
        return a or b
    return b if SPECIFICITY.get(b.feature, 0) > SPECIFICITY.get(a.feature, 0) else a


@dataclass
class Happening:
    type: str
    status: str
    mentions: list[EventMention] = field(default_factory=list)
    places: dict[str, Optional[Place]] = field(default_factory=dict)
    date: Optional[tuple[dt.date, dt.date, str]] = None
    actors: list[str] = field(default_factory=list)
    date_soft: bool = False     # the date is an undated lead's guess (the report's day)

    @property
    def spec(self) -> EventType:
        return event_type(self.type)

    @property
    def last_sentence(self) -> int:
        return self.mentions[-1].sentence

    def dateline_placed(self) -> bool:
        """Whether the happening's location comes only from the dateline."""
        placed = [o for o in self.mentions if o.place("location") is not None]
        return bool(placed) and all(o.by_dateline for o in placed)

    def add(self, m: EventMention) -> None:
        here, own = self.places.get("location"), m.place("location")
        apart = here is not None and own is not None and not compatible(here, own)  # (else the finer place wins)
        own_over_dateline = apart and not m.by_dateline and self.dateline_placed()
        keep_own = apart and m.by_dateline and not self.dateline_placed()
        self.mentions.append(m)
        for role in ROLES:
            if role == "location" and (own_over_dateline or keep_own):
                self.places[role] = own if own_over_dateline else here
                continue  # a place the text names beats the dateline's city
            self.places[role] = more_specific(self.places.get(role), m.place(role))
        if m.date is not None and (self.date is None or self.date_soft and not m.soft_date):
            self.date, self.date_soft = m.date, m.soft_date  # a dated account beats the lead's guess
        elif m.soft_date:
            pass
        elif m.date is not None and self.date is not None and self.spec.route and m.date[0] > self.date[1]:
            self.date = (self.date[0], m.date[1], self.date[2])  # a journey over days: departure to arrival
        elif m.date is not None:
            # a finer date wins ("a day inside a week"); of two as wide, the first told (a season
            # "1987/88" and "the current year" are both a year: the lead's stays)
            if self.date is None or (m.date[1] - m.date[0]).days < 0.9 * (self.date[1] - self.date[0]).days:
                self.date = m.date
        if self.actors and m.date is None and not any(m.roles.values()):
            return  # a bare follow-up mention ("the deliveries"): its sentence's names are not the event's
        for a in m.actors:
            if a not in self.actors:
                self.actors.append(a)


def _dates_conflict(a, b) -> bool:
    return a is not None and b is not None and (a[1] < b[0] or b[1] < a[0])


def _fits(h: Happening, m: EventMention) -> bool:
    """No conflict, and some agreement (a shared place or actor, or a bare follow-up mention)."""
    if h.type != m.type or (_dates_conflict(h.date, m.date) and not _onward(h, m)
                            and not _near_guess(h, m)):
        return False
    if m.turn and any(o.sentence == m.sentence and o.trigger_idx == m.trigger_idx and o.turn != m.turn for o in h.mentions):
        return False  # "traf zunächst seinen Amtskollegen, danach Präsident Sisi": one meeting per counterpart
    if m.repeated and m.sentence != h.last_sentence:
        return False  # "when the two meet again next month": a follow-up, not the talks told of before
    if m.ordered and any(o.trigger.start in m.ordered for o in h.mentions):
        return False  # "Noch vor dem Treffen wird ein Mini-Gipfel stattfinden": not the meeting it precedes
    if m.prospective and h.status != "planned":
        return False  # "beschloss der EU-Gipfel vergangene Woche ... bis zum nächsten Gipfel": another one
    if h.status != m.status and m.date is not None and h.date is not None and not m.anaphoric:
        return False  # (a back reference, "bei dem Hearing am Dienstag", takes the status told before)
    told_anew = m.sentence != h.last_sentence and not m.anaphoric and m.date is not None and h.date is not None \
        and m.date != h.date and m.trigger_def.kind != "noun" and all(o.trigger_def.kind == "noun" for o in h.mentions)
    # ("bis zum nächsten EU-Gipfeltreffen Mitte Oktober ... Über diese Liste beraten die
    #  EU-Innenminister am 8. Oktober": a verb with a date of its own tells another meeting; only a
    #  place named in both sentences joins them, not an actor, nearness or the dateline)
    agree = False
    own_places = False
    for role in ROLES:
        a, b = h.places.get(role), m.place(role)
        if b is not None:
            own_places = True
        if a is not None and b is not None:
            if role == "location" and not compatible(a, b) and _dateline_against_own(h, m):
                agree = True  # "… bei einem Besuch in Athen. … Im Gespräch mit Pavlopoulos betonte Avramopoulos"
                continue      # under a "Brüssel –" dateline: the visit's own place, not the reporter's city
            if not compatible(a, b) and not (m.spec.route and any(contains(o.place(role), b) or contains(b, o.place(role))
                                                                  for o in h.mentions)):
                return False  # (a flow "to Europe" and its countries: "sold in Austria and Switzerland";
                #               a meeting "in Europe" is not the one in Brussels)
            agree = agree or not (told_anew and (m.by_dateline or all(o.by_dateline for o in h.mentions)))
    contrast = _across_contrast(h, m)
    if m.spec.route and (m.sentence != h.last_sentence or contrast) and (own := _figures(m, contrast)) \
            and (told := {q for o in h.mentions for q in _figures(o, contrast)}) and not told & own:
        return False  # "a deal to acquire 36 planes from ATR ... ordered 30 Airbus A320 planes", "took delivery
        #               of 100 planes, while the 70 new orders are due": two consignments
    if m.spec.route:
        # the same goods cannot go from A to A: origin of one and destination of the other clash
        for o, d in ((m.place("origin"), h.places.get("destination")), (h.places.get("origin"), m.place("destination"))):
            if o is not None and d is not None and same_place(o, d):
                return False  # (either way round: "the UK exported ... but imported")
    if set(m.actors) & set(h.actors) and not told_anew:
        agree = True
    near = m.sentence - h.last_sentence <= BARE_WINDOW
    if not own_places and near and not told_anew:
        agree = True
    if own_places and near and not any(h.places.get(role) for role in ROLES) and (
            (m.date is not None and m.date == h.date and not m.spec.route)
            or (m.definite and not told_anew and not m.actors)):
        agree = True  # a placeless happening placed by a mention nearby: the same day's ("Zu einem
        #               Kurswechsel sollte es beim Treffen am Freitag nicht kommen. ... beim Opec-Treffen
        #               am Freitag in Wien"), or the talks just told ("Tony Blair has met Berlusconi ...
        #               The Downing Street talks covered ...")
    if m.spec.route and not told_anew and m.amount_refs & {q for o in h.mentions for q in _figures(o)}:
        agree = True  # "an order for 70 Boeing planes ... the 70 new orders are due for delivery in 2008": its figure again
    if m.spec.route and near and not told_anew and _cargo_shared(_cargo_key(h), set(m.cargo_nouns)):
        agree = True  # "... the transfer of 30 vehicles from A to B. The vehicles were moved across Poland"
    if m.sentence == h.last_sentence:
        agree = True
    return agree


_DATELINE_REACH = 2  # sentences between a meeting placed by the text and one placed by the dateline


def _dateline_against_own(h: Happening, m: EventMention) -> bool:
    """Whether one side is placed only by the dateline, the other by its text, and they share a
    person named in full, told within a couple of sentences, or the text names the venue of the
    meeting told of: one meeting, at the place named."""
    if m.by_dateline == h.dateline_placed() or abs(m.sentence - h.last_sentence) > _DATELINE_REACH:
        return False
    if m.venue or any(o.venue for o in h.mentions):
        return True  # "..., site of the talks": the place of the talks told of
    return any(" " in a and a.split()[0][:1].isupper() for a in set(m.actors) & set(h.actors))


GUESS_DAYS = 10   # an undated lead's news happened at most this long before the report


def _near_guess(h: Happening, m: EventMention) -> bool:
    """Whether one side's date is the undated lead's guess (the report's day) and the other's
    real date lies shortly before it: the lead told that news ("Die Bundeswehr hat 24
    Schützenpanzer nach Litauen verlegt ... am Sonntag verladen"), not a return months ago."""
    if h.date_soft == m.soft_date:
        return False
    guess, real = (h.date, m.date) if h.date_soft else (m.date, h.date)
    return 0 <= (guess[0] - real[1]).days <= GUESS_DAYS


def _onward(h: Happening, m: EventMention) -> bool:
    """A later day of the same journey: a shipment told again within two sentences, both of
    its ends inside the happening's ("verließ am Dienstag Polen in Richtung Ukraine ... in
    Rzeszów verladen; der Zug erreichte am Mittwoch Lwiw"), dated up to a week after it and
    not told as another one ("a second train")."""
    if not m.spec.route or m.repeated or m.date is None or h.date is None or m.sentence - h.last_sentence > 2:
        return False
    ends = [(h.places.get(r), m.place(r)) for r in ("origin", "destination")]
    if not all(a is not None and b is not None and compatible(a, b) for a, b in ends):
        return False
    return 0 <= (m.date[0] - h.date[1]).days <= 7


LEG_SENTENCES = 3   # a leg of a journey is told within this many sentences of the journey
LEG_DAYS = 14       # and dated at most this long before or after it


def _leg_side(h: Happening, o: Optional[Place], d: Optional[Place], date) -> Optional[str]:
    """Whether a route ``o`` -> ``d`` dated ``date`` is another leg of journey ``h``: "before"
    when it ends where the journey went on from ("flown from Toronto to Rzeszów on Saturday"
    beside "the convoy reached Kyiv on Tuesday"), "after" when it starts at the journey's end
    ("von dort per Bahn nach Poti"). Both ends named and dated within a few days."""
    ho, hv, hd = h.places.get("origin"), h.places.get("via"), h.places.get("destination")
    if o is None or d is None or hd is None or date is None or h.date is None \
            or compatible(d, hd) or compatible(o, d):
        return None
    if hv is not None and not compatible(d, hv) and not compatible(o, hd):
        return None  # the journey has another stop already
    if compatible(o, hd) and 0 <= (date[0] - h.date[1]).days <= LEG_DAYS:
        return "after"
    # an earlier leg ends where the journey's next leg starts: the journey names no origin, or
    # its origin or stop is that place ("flown from Toronto to Rzeszów" before "the convoy reached
    # Kyiv"); two flows from one sender to two places are two events ("landeten am Montag in
    # Rumänien, am Mittwoch kamen sie in Litauen an")
    starts_there = ho is None or compatible(ho, d) or (hv is not None and compatible(hv, d) and compatible(ho, o))
    if starts_there and 0 <= (h.date[0] - date[1]).days <= LEG_DAYS:
        return "before"
    return None


def _join_leg(h: Happening, o: Place, d: Place, date, side: str,
              mentions: list[EventMention], actors: list[str]) -> None:
    """The journey ``h`` with the leg ``o`` -> ``d``: its stop is where the two legs meet."""
    if side == "before":
        h.places["origin"] = more_specific(h.places.get("origin"), o)
        h.places["via"] = more_specific(h.places.get("via"), d)
        h.date = (date[0], h.date[1], h.date[2])
    else:
        h.places["via"] = more_specific(h.places.get("via"), h.places.get("destination"))
        h.places["destination"] = d
        h.date = (h.date[0], date[1], h.date[2])
    h.mentions = sorted([*h.mentions, *mentions], key=lambda x: x.sentence)
    h.actors += [a for a in actors if a not in h.actors]


def join_legs(happenings: list[Happening]) -> list[Happening]:
    """Journeys told as separate legs in nearby sentences become one journey with its stop
    (a headline's "reach Kyiv after airlift to Rzeszow" makes two happenings at once), which
    ever of the two was told first."""
    def ends(h):
        return h.places.get("origin"), h.places.get("destination"), h.date

    out: list[Happening] = []
    for g in happenings:
        for k in range(len(out) - 1, -1, -1):
            h = out[k]
            if not (h.spec.route and g.spec.route and h.type == g.type and h.status == g.status) \
                    or any(m.repeated for m in g.mentions + h.mentions) \
                    or abs(g.mentions[0].sentence - h.last_sentence) > LEG_SENTENCES \
                    or {(m.sentence, m.trigger_idx) for m in g.mentions} & {(m.sentence, m.trigger_idx) for m in h.mentions}:
                continue  # (flows one trigger sends to a list of places are no legs: "to Germany and France")
            if g.places.get("via") is None and (side := _leg_side(h, *ends(g))):
                _join_leg(h, *ends(g), side, g.mentions, g.actors)
                break
            if h.places.get("via") is None and (side := _leg_side(g, *ends(h))):
                _join_leg(g, *ends(h), side, h.mentions, h.actors)
                out[k] = g
                break
        else:
            out.append(g)
    return out


def merge(mentions: list[EventMention]) -> list[Happening]:
    """Greedy, in text order: each mention joins the latest happening it fits, else starts
    one; happenings that are legs of one journey are then joined (``join_legs``)."""
    out: list[Happening] = []
    for m in mentions:
        target = None
        for h in reversed(out):
            if _fits(h, m):
                target = h
                break
        if target is None:
            target = Happening(m.type, m.status)
            out.append(target)
        target.add(m)
    return join_legs(out)


_AMOUNT = re.compile(r"\d[\d.,]*\d|\d")


def _figures(m: EventMention, counted: bool = True) -> set[str]:
    """The figures a mention gives its goods: its cargo's, and (``counted``) those its clause counts
    it by ("the 70 new orders")."""
    return _amounts(m.cargo) | set(m.amount_refs) if counted else _amounts(m.cargo)


def _across_contrast(h: Happening, m: EventMention) -> bool:
    """Whether the happening has a mention on the other side of a contrast in m's sentence."""
    return any(o.sentence == m.sentence and o.part != m.part for o in h.mentions)


def _amounts(cargo: Optional[str]) -> set[str]:
    """The figures a cargo phrase states ("36 planes" -> {"36"}; "70 Boeing 737-800 planes" ->
    {"70"}: a model's number after a maker's name is no amount)."""
    if not cargo:
        return set()
    m = _AMOUNT.match(cargo.split(" ", 1)[0].lstrip("(")) if cargo[:1].isdigit() else None
    return {m.group().replace(",", "").replace(".", "")} if m else set()


def _countries(h: Happening) -> set[str]:
    return {p.country_code for p in h.places.values() if p is not None and p.country_code}


def _cargo_key(h: Happening) -> set[str]:
    return {w for m in h.mentions for w in m.cargo_nouns}


def _cargo_shared(a: set[str], b: set[str]) -> bool:
    """Shared cargo nouns, compounds and plurals included ("F-22-Kampfflugzeuge" ~ "Flugzeuge",
    "vegetable oils" ~ "rapeseed oil")."""
    a, b = {_singular(x) for x in a}, {_singular(y) for y in b}
    return any(x.endswith(y) or y.endswith(x) for x in a for y in b)


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def inherit(happenings: list[Happening], window: int = 2) -> None:
    """Fill what a follow-up leaves out from the happening told just before it:
    a date ("He also flew to Basra" after "a trip to Iraq this week") when they share a
    country or an actor and the follow-up does not say "now" ("Last April, Argentina signed a deal to import
    fuel ... Venezuela will now import cattle"); a shipment's origin or destination when they share cargo words."""
    for i, h in enumerate(happenings):
        first = h.mentions[0].sentence
        prev = [p for p in happenings[:i] if p.type == h.type and 0 <= first - p.last_sentence <= window
                and p.mentions[0].sentence < first]
        if not prev:
            continue
        p = max(prev, key=lambda x: x.last_sentence)
        if any(_across_contrast(p, o) for o in h.mentions) and _figures(h.mentions[0]) \
                and not _figures(h.mentions[0]) & {q for o in p.mentions for q in _figures(o)}:
            continue  # the other side of a contrast in the same sentence, with goods of its own count
        related = bool(_countries(h) & _countries(p)) or bool(set(h.actors) & set(p.actors))
        if h.date is None and p.date is not None and related and h.status == p.status and not any(o.now for o in h.mentions):
            h.date = p.date
        if h.spec.cargo and (_cargo_shared(_cargo_key(h), _cargo_key(p)) or not _cargo_key(h)):
            for role in ("origin", "destination"):
                if h.places.get(role) is None and p.places.get(role) is not None:
                    other = h.places.get("destination" if role == "origin" else "origin")
                    if other is None or not same_place(other, p.places[role]):
                        h.places[role] = p.places[role]


def event_id(text: str, h: Happening) -> str:
    key = [hashlib.sha1(text.encode("utf-8")).hexdigest(), h.type]
    for role in ROLES:
        p = h.places.get(role)
        key.append(f"{role}={p.name if p else ''}")
    key.append(h.date[0].isoformat() if h.date else "")
    key.append(str(h.mentions[0].span[0]))
    return hashlib.sha1("|".join(key).encode("utf-8")).hexdigest()[:16]


def confidence(h: Happening) -> float:
    c = 0.35
    if any(h.places.get(r) for r in ROLES):
        c += 0.2
    if h.date is not None:
        c += 0.15
    if h.actors:
        c += 0.1
    c += 0.05 * min(3, len({m.sentence for m in h.mentions}) - 1)
    if h.status == "planned":
        c -= 0.05
    return max(0.05, min(0.95, c))


def to_event(text: str, h: Happening) -> Event:
    spans = sorted({m.span for m in h.mentions})
    main = h.mentions[0].span
    modes: list[str] = []
    for m in h.mentions:
        modes += [x for x in m.modes if x not in modes]
    cargo = next((m.cargo for m in h.mentions if m.cargo and any(c.isdigit() for c in m.cargo)), None) \
        or next((m.cargo for m in h.mentions if m.cargo), None)
    ev = Event(
        id=event_id(text, h), type=h.type,
        evidence=" ".join(text[s:e].strip() for s, e in spans),
        start=main[0], end=main[1], confidence=confidence(h),
        date_start=h.date[0].isoformat() if h.date else None,
        date_end=h.date[1].isoformat() if h.date else None,
        date_precision=h.date[2] if h.date else None,
        actors=list(h.actors),
        location=h.places.get("location") if "location" in h.spec.roles else None,
        origin=h.places.get("origin"), destination=h.places.get("destination"),
        via=[h.places["via"]] if h.places.get("via") and not any(
            end is not None and same_place(end, h.places["via"]) for end in (h.places.get("origin"), h.places.get("destination"))) else [],
        # (a stop is between the ends, never one of them: "Exporte aus Rumänien über Rumänien" is no stop)
        modes=modes if h.spec.modes else [],
        cargo=cargo if h.spec.cargo else None,
        status=h.status, evidence_spans=spans,
        highlights=mention_highlights(text, h.mentions, h.actors, spans))
    return ev
