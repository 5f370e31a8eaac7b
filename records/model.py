"""Typed records that serialise to the output contract (shared/contract/CONTRACT.md).

Every record has exactly one ``to_dict()`` whose keys are the contract's keys;
the project may add fields but never renames or drops them.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Optional

from records import precision

FEATURES = ("country", "admin", "region", "city", "facility", "other")
# what an event's status says of it, in the words of shared/gold/CONVENTIONS.md
MODALITY = {"reported": "actual", "planned": "planned", "cancelled": "cancelled", "denied": "denied"}
# metadata of a field the project adds to a contract record (the contract lets it add, never drop)
_EXTENSION = {"extension": True}


@dataclass(frozen=True)
class Place:
    """A resolved gazetteer entry."""

    name: str
    lat: float
    lon: float
    feature: str = "city"
    country_code: Optional[str] = None
    geonameid: Optional[int] = None
    population: int = 0
    # where the entry came from when not the offline gazetteer: "online" (geo.online, Nominatim)
    source: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        out = {
            "name": self.name,
            "geonameid": self.geonameid,
            "lat": round(float(self.lat), 5),
            "lon": round(float(self.lon), 5),
            "country_code": self.country_code,
            "feature": self.feature,
        }
        if self.source is not None:  # offline entries keep the contract's keys only
            out["source"] = self.source
        return out


@dataclass(frozen=True)
class Mention:
    """A place name found in a text, with the entry it resolved to."""

    text: str
    start: int
    end: int
    place: Place
    confidence: float
    # what kind of mention when not a place name: "demonym" ("Russian", "Palestinians": the
    # country or region it names; extract.places.demonyms, only when asked for)
    kind: Optional[str] = field(default=None, metadata=_EXTENSION)
    # why this entry (geo.explain): its runner-ups and a reason; in the output only when asked
    explain: Optional[dict] = field(default=None, compare=False, repr=False, metadata=_EXTENSION)

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        out = self.place.to_dict()
        out.update(text=self.text, start=self.start, end=self.end,
                   confidence=round(float(self.confidence), 3))
        if self.kind is not None:  # a place name keeps the contract's keys only
            out["kind"] = self.kind
        if explain and self.explain is not None:
            out["explain"] = self.explain
        return out


@dataclass(frozen=True)
class Timex:
    """A temporal expression and its normalised value.

    ``value`` is an ISO date ("2023-09-07"), month ("2023-09"), year ("2023"),
    ISO week ("2023-W41"), a range "A/B", or a TIMEX3 token such as "PAST_REF".
    """

    text: str
    start: int
    end: int
    value: str
    anchored: bool
    # DATE | TIME | DURATION | SET (TIMEX3 types), or REF: a vague reference ("nun", "recently",
    # "künftig"; value PAST_REF / PRESENT_REF / FUTURE_REF), which TimeML types DATE but which
    # names no calendar date: the news conventions leave it unannotated and nothing is placed by it
    type: str = "DATE"

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end,
                "value": self.value, "anchored": self.anchored, "type": self.type}


@dataclass
class Event:
    """A dated, placed happening (shipment, meeting, ...)."""

    id: str
    type: str
    evidence: str
    start: int
    end: int
    confidence: float
    date_start: Optional[str] = None
    date_end: Optional[str] = None
    date_precision: Optional[str] = None
    actors: list[str] = field(default_factory=list)
    location: Optional[Place] = None
    origin: Optional[Place] = None
    destination: Optional[Place] = None
    via: list[Place] = field(default_factory=list, metadata=_EXTENSION)
    modes: list[str] = field(default_factory=list)
    cargo: Optional[str] = None
    status: str = field(default="reported", metadata=_EXTENSION)
    # every evidence sentence, as (start, end) offsets into the document text
    evidence_spans: list[tuple[int, int]] = field(default_factory=list, metadata=_EXTENSION)
    # the words that made the event, as (start, end, kind) offsets into the document text;
    # kind: trigger | actor | place | date (the page marks them in the evidence sentence)
    highlights: list[tuple[int, int, str]] = field(default_factory=list, metadata=_EXTENSION)

    def to_dict(self) -> dict[str, Any]:
        out = {
            "id": self.id,
            "type": self.type,
            "date_start": self.date_start,
            "date_end": self.date_end,
            "date_precision": self.date_precision,
            "actors": list(self.actors),
            "location": self.location.to_dict() if self.location else None,
            "origin": self.origin.to_dict() if self.origin else None,
            "destination": self.destination.to_dict() if self.destination else None,
            "via": [p.to_dict() for p in self.via],
            "modes": list(self.modes),
            "cargo": self.cargo,
            "status": self.status,
            "modality": MODALITY.get(self.status, self.status),
            "evidence": self.evidence,
            "evidence_spans": [list(s) for s in self.evidence_spans],
            "highlights": [list(h) for h in self.highlights],
            "start": self.start,
            "end": self.end,
            "confidence": round(float(self.confidence), 3),
        }
        out.update(precision.codes(out))  # ACLED-style codes, read off the fields above
        return out


@dataclass
class Document:
    """What ``python -m extract`` prints for one input document."""

    id: str
    lang: str
    doc_date: str
    doc_date_source: str
    text: str = ""
    title: Optional[str] = None
    url: Optional[str] = None
    places: list[Mention] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        """``explain``: each place mention with its ``explain`` extension (``--explain``)."""
        out: dict[str, Any] = {
            "id": self.id,
            "lang": self.lang,
            "doc_date": self.doc_date,
            "doc_date_source": self.doc_date_source,
            "places": [m.to_dict(explain) for m in self.places],
            "timexes": [t.to_dict() for t in self.timexes],
            "events": [e.to_dict() for e in self.events],
        }
        if self.title is not None:
            out["title"] = self.title
        if self.url is not None:
            out["url"] = self.url
        return out


def _keys(record) -> tuple[str, ...]:
    return tuple(record.to_dict())


# The keys each record serialises to, in contract order -- read off the one serialiser, so
# that the exporters and the store never keep a second list.
PLACE_KEYS = _keys(Place(name="", lat=0.0, lon=0.0))
MENTION_KEYS = _keys(Mention(text="", start=0, end=0, place=Place(name="", lat=0.0, lon=0.0), confidence=0.0))
TIMEX_KEYS = _keys(Timex(text="", start=0, end=0, value="", anchored=False))
EVENT_KEYS = _keys(Event(id="", type="", evidence="", start=0, end=0, confidence=0.0))
# the keys shared/contract/CONTRACT.md fixes (the rest are the project's additions)
EVENT_CONTRACT_KEYS = tuple(k for k in EVENT_KEYS
                            if k in {f.name for f in fields(Event) if not f.metadata.get("extension")})
# keys computed from other fields (never stored on their own): the modality from the status,
# the ACLED-style precision codes from the map place and the dates (records.precision)
EVENT_DERIVED_KEYS = ("modality", *precision.PRECISION_KEYS)
