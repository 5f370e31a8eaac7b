"""Whether two reports (stored event dicts of different documents) tell one happening:
the predicates of the cross-article merge (store.happenings) and of its contradictions.

* **dates** overlap, one containing the other counts ("a day inside a week"); a date
  up to :data:`DATE_SLACK_DAYS` away is a *differing* date (a contradiction), not a
  veto. Spans longer than :data:`MAX_SPAN_DAYS` (a month, a year) are too vague to
  say two reports meet: such events stay alone.
* **places** are compatible when one may name the other's spot -- equal, near
  (<= 50 km), or a country holding the other -- which is
  :func:`geo.same_spot.compatible`, the within-document merge's own test;
  every role both name must agree and at least one must be named by both.
* **actors** overlap when two names have one key (:mod:`records.name_key`).
* **cargo** (shipments): the same quantity, a shared word, or a shared goods class
  (data/goods_classes.json: "Schützenpanzer" = "infantry fighting vehicles" =
  "Marder") is compatible; a different first number is a differing *quantity*.

:func:`fit` scores a report against a happening's profile; a report joins when the
places agree, nothing vetoes and at most one field differs.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, Iterable, Mapping, Optional

from geo.same_spot import compatible
from records.event_types import event_type
from records.name_key import key_sets, keys_overlap, name_key, same_name
from records.paths import DATA_DIR

DATE_SLACK_DAYS = 3     # a differing date at most this far from the happening's
MAX_SPAN_DAYS = 31      # longer spans do not merge
PLACE_ROLES = ("location", "origin", "destination")
GOODS_CLASSES_FILE = DATA_DIR / "goods_classes.json"
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:[.,]\d{3})+|\d+)(?![\w])")
_WORD = re.compile(r"[^\W\d_]{3,}")
# words of a cargo phrase that say nothing about the goods
_FILLER = frozenset("""about around some nearly almost more than over the and with from for
type model units unit etwa rund fast mehr als über und mit aus von vom des der die das den
dem ein eine einer typ stück""".split())


# -- dates -----------------------------------------------------------------------------------

def span(event: Mapping[str, Any]) -> Optional[tuple[dt.date, dt.date]]:
    """The event's (first, last) day, or None when it has no date."""
    start, end = event.get("date_start") or event.get("date_end"), \
        event.get("date_end") or event.get("date_start")
    if not start:
        return None
    return _span(str(start)[:10], str(end)[:10])


@lru_cache(maxsize=65536)
def _span(start: str, end: str) -> tuple[dt.date, dt.date]:
    return dt.date.fromisoformat(start), dt.date.fromisoformat(end)


def mergeable_span(s: Optional[tuple[dt.date, dt.date]]) -> bool:
    return s is not None and (s[1] - s[0]).days < MAX_SPAN_DAYS


def date_gap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> int:
    """Days between two spans; 0 when they overlap."""
    return max(0, (b[0] - a[1]).days, (a[0] - b[1]).days)


def dates_compatible(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    """One span contains the other: no contradiction (a week and a day in it, a visit
    and its reception)."""
    return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])


# -- places ----------------------------------------------------------------------------------

@lru_cache(maxsize=4096)
def _place(name: str, lat: float, lon: float, feature: str, cc: Optional[str], gid: Optional[int]):
    from records.model import Place
    return Place(name=name, lat=lat, lon=lon, feature=feature, country_code=cc, geonameid=gid)


def as_place(p: Mapping[str, Any]):
    return _place(*_key(p))


def places_compatible(a: Optional[Mapping[str, Any]], b: Optional[Mapping[str, Any]]) -> bool:
    """Whether two PLACE dicts may name one spot (the within-document merge's test)."""
    if not a or not b:
        return False
    return _compatible(_key(a), _key(b))


def _key(p: Mapping[str, Any]) -> tuple:
    return (str(p.get("name")), float(p.get("lat") or 0.0), float(p.get("lon") or 0.0),
            str(p.get("feature") or "city"), p.get("country_code"), p.get("geonameid"))


@lru_cache(maxsize=65536)
def _compatible(ka: tuple, kb: tuple) -> bool:
    pa, pb = _place(*ka), _place(*kb)
    if not (_valid(pa) and _valid(pb)):        # a bad coordinate: only ids and names tell
        return (pa.geonameid is not None and pa.geonameid == pb.geonameid) or pa.name == pb.name
    return compatible(pa, pb)


def _valid(p) -> bool:
    return math.isfinite(p.lat) and math.isfinite(p.lon) and abs(p.lat) <= 90 and abs(p.lon) <= 180


def countries(event: Mapping[str, Any]) -> set[str]:
    return {p["country_code"] for p in (event.get(r) for r in PLACE_ROLES)
            if p and p.get("country_code")}


# -- actors ----------------------------------------------------------------------------------

def actor_keys(actors: Iterable[str]) -> set[str]:
    return {k for k in (name_key(a) for a in actors or ()) if k}


def actors_overlap(a: Iterable[str], b: Iterable[str]) -> bool:
    return any(same_name(x, y) for x in a or () for y in b or ())


# -- cargo -----------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def goods_classes() -> tuple[tuple[str, re.Pattern], ...]:
    """(class, pattern) for data/goods_classes.json: terms of both languages, German ones
    also as the head of a compound ("Radschützenpanzer")."""
    with open(GOODS_CLASSES_FILE, encoding="utf-8") as f:
        raw = json.load(f)
    out = []
    for name, terms in sorted(raw["classes"].items()):
        words = "|".join(re.escape(t.casefold()) for t in terms)
        out.append((name, re.compile(rf"(?:\b|(?<=\w{{3}}))(?:{words})(?:e|en|n|s|es)?\b")))
    return tuple(out)


@lru_cache(maxsize=65536)
def quantity(cargo: Optional[str]) -> Optional[int]:
    """The first number of a cargo phrase ("40 Schützenpanzer" -> 40, "4,800 troops")."""
    m = _NUMBER.search(cargo or "")
    return int(re.sub(r"[.,]", "", m.group(1))) if m else None


@lru_cache(maxsize=65536)
def cargo_terms(cargo: Optional[str]) -> frozenset[str]:
    """A cargo phrase's words (3+ letters, plural -s dropped) and its goods classes."""
    low = (cargo or "").casefold()
    words = {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in _WORD.findall(low)
             if w not in _FILLER}
    return frozenset(words | {f"class:{n}" for n, rx in goods_classes() if rx.search(low)})


def cargo_compatible(a: Optional[str], b: Optional[str]) -> bool:
    """Two cargo phrases may be the same goods: either is empty, they share a word or a
    goods class, or they give the same quantity."""
    if not a or not b:
        return True
    qa, qb = quantity(a), quantity(b)
    return bool(cargo_terms(a) & cargo_terms(b)) or (qa is not None and qa == qb)


# -- a report against a happening -------------------------------------------------------------

@dataclass
class Profile:
    """What a happening is matched by: its first report's type, status, dates and places,
    and the actors and cargo words of all its reports."""
    type: str
    status: Optional[str]
    span: tuple[dt.date, dt.date]
    places: dict[str, Optional[dict]]
    actors: list[str] = field(default_factory=list)
    cargo_terms: set[str] = field(default_factory=set)
    quantities: set[int] = field(default_factory=set)

    @classmethod
    def of(cls, event: Mapping[str, Any]) -> "Profile":
        s = span(event)
        assert s is not None
        p = cls(str(event["type"]), event.get("status"), s,
                {r: event.get(r) for r in PLACE_ROLES})
        p.add(event)
        return p

    def add(self, event: Mapping[str, Any]) -> bool:
        """Take in a report's actors and cargo; whether the profile grew."""
        seen = actor_keys(self.actors)
        new = list(dict.fromkeys(a for a in event.get("actors") or () if name_key(a) not in seen))
        self.actors += new
        terms = cargo_terms(event.get("cargo"))
        q = quantity(event.get("cargo"))
        grew = bool(new) or not terms <= self.cargo_terms or (q is not None and q not in self.quantities)
        self.cargo_terms |= terms
        if q is not None:
            self.quantities.add(q)
        return grew

    def place_keys(self) -> tuple:
        """Its places as :func:`Report.of` gives them (they never change: kept)."""
        found = self.__dict__.get("_place_keys")
        if found is None:
            found = self.__dict__["_place_keys"] = _role_keys(self.places)
        return found

    def actor_sets(self) -> tuple:
        """:func:`records.name_key.key_sets` of its actors (kept until it grows)."""
        found = self.__dict__.get("_actor_sets")
        if found is None or found[0] != len(self.actors):
            found = self.__dict__["_actor_sets"] = (
                len(self.actors), key_sets(name_key(a) for a in self.actors))
        return found[1]

    def to_json(self) -> str:
        return json.dumps({"type": self.type, "status": self.status,
                           "span": [d.isoformat() for d in self.span], "places": self.places,
                           "actors": self.actors, "cargo_terms": sorted(self.cargo_terms),
                           "quantities": sorted(self.quantities)}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "Profile":
        d = _parsed(text)
        return cls(d["type"], d["status"], d["span"], d["places"], list(d["actors"]),
                   set(d["cargo_terms"]), set(d["quantities"]))


@lru_cache(maxsize=8192)
def _parsed(text: str) -> dict[str, Any]:
    """A profile's JSON parsed once (places are never changed by a Profile: shared)."""
    d = json.loads(text)
    d["span"] = tuple(dt.date.fromisoformat(x) for x in d["span"])
    return d


@lru_cache(maxsize=32768)
def shared_profile(text: str) -> Profile:
    """The profile of this JSON, parsed once and shared: only to read (fit); one to
    change is :meth:`Profile.from_json`'s."""
    return Profile.from_json(text)


def can_merge(event: Mapping[str, Any]) -> bool:
    """Whether an event takes part in merging at all: dated (not too vaguely) and placed."""
    return mergeable_span(span(event)) and any(event.get(r) for r in PLACE_ROLES)


def _role_keys(places: Mapping[str, Any]) -> tuple:
    """Per role of PLACE_ROLES: ``(place key, name)`` of a place named, else None."""
    return tuple((_key(p), p.get("name")) if p else None for p in (places.get(r) for r in PLACE_ROLES))


@dataclass(frozen=True)
class Report:
    """What :func:`fit` reads of an event, computed once (one report is tried against
    every candidate happening); its actors' keys and cargo's terms when first asked."""
    type: Any
    status: Optional[str]
    span: Optional[tuple[dt.date, dt.date]]
    places: tuple
    actors: tuple
    cargo: Optional[str]

    @classmethod
    def of(cls, event: Mapping[str, Any]) -> "Report":
        return cls(event.get("type"), event.get("status"), span(event), _role_keys(event),
                   tuple(event.get("actors") or ()), event.get("cargo"))

    @cached_property
    def actor_sets(self) -> tuple:
        return key_sets(name_key(a) for a in self.actors)

    @cached_property
    def quantity(self) -> Optional[int]:
        return quantity(self.cargo) if self.cargo else None

    @cached_property
    def cargo_terms(self) -> frozenset:
        return cargo_terms(self.cargo) if self.cargo else frozenset()


def fit(event: Mapping[str, Any] | Report, p: Profile) -> Optional[tuple[int, tuple[str, ...]]]:
    """``(score, differing fields)`` when *event* (or its :class:`Report`) may join the
    happening of profile *p*, else None. Higher scores agree more (same dates, same
    places, shared actors)."""
    r = event if isinstance(event, Report) else Report.of(event)
    s = r.span
    if r.type != p.type or r.status != p.status or not mergeable_span(s):
        return None
    score, differing = 0, []
    shared = 0
    for a, b in zip(r.places, p.place_keys()):
        if a and b:
            if not _compatible(a[0], b[0]):
                return None
            shared += 1
            score += 3 if a[1] == b[1] else 2
    if not shared:
        return None
    gap = date_gap(s, p.span)
    if gap > DATE_SLACK_DAYS:
        return None
    if gap:
        differing.append("date")
    else:
        score += 3 if s == p.span else 2
    actors = keys_overlap(r.actor_sets, p.actor_sets())
    if actors:
        score += 2
    cargo = r.cargo
    if cargo and (p.cargo_terms or p.quantities):
        q = r.quantity
        if q is not None and p.quantities and q not in p.quantities:
            differing.append("quantity")
        elif q is not None and q in p.quantities:
            score += 1
        if r.cargo_terms & p.cargo_terms:
            score += 1
        elif not (q is not None and q in p.quantities):
            differing.append("cargo")
    if len(differing) > 1:
        return None
    # what vouches for one happening beyond type and place: the same dates, or shared
    # actors; a differing field needs both the places and the actors (or cargo) to agree
    strong = actors or (event_type(p.type).route and shared >= 2) or (
        r.cargo_terms & p.cargo_terms if cargo else False)
    if differing and not strong:
        return None
    if not differing and gap == 0 and not strong and r.actors and p.actors:
        return None   # both name actors and none is shared: two meetings at one place
    return score, tuple(differing)
