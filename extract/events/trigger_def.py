"""One trigger of the event lexicons: a word or word family that can tell an event, and the
conditions it needs (its fields are read from ``data/lexicon/events_<lang>.json``)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class Trigger:
    """One trigger: a whole lower-cased token matched with ``re.fullmatch`` (``pattern``),
    or a word family named by its lemmas (``lemmas``: every inflection, and for a
    separable verb its split forms, "lief ... aus" -> "auslaufen")."""

    type: str                 # an event type of data/event_types.json
    regex: Optional[re.Pattern]
    kind: str                 # verb | noun | arrival | departure | travel | agent
    lemmas: frozenset[str] = frozenset()
    needs_cargo: bool = False
    needs_cue: Optional[re.Pattern] = None   # a clause token must match this
    capitalized: bool = False
    visit: bool = False       # the visited place is the (unmarked) object
    host: bool = False
    reverse: bool = False     # import/buy: the subject is the recipient
    needs_person: bool = False
    receiver_after: bool = False  # 'sales': a flow only to a destination named after the word ('arms sales to Iran')
    needs_place: bool = False     # 'sich ein Bild machen', 'reached an agreement': an event only where its sentence names a place
    from_location: bool = False  # "return from X": X is where the visit was
    lowercase: bool = False      # only written small ('assembly'; 'Assembly' is an institution)
    stationed: bool = False      # 'deployed in X': a place after 'in' is where they go
    leaves: bool = False         # 'withdrawal of troops (stationed) in X': a place after 'in' is where they leave
    trade: bool = False          # exports/imports: the report's country trades when none is named
    or_person_object: bool = False  # the cue may be missing when a person is the object ("traf den Präsidenten")
    venue_after: bool = False    # the place follows the verb's locative ("agreed in Geneva"; not "agreed that in X")
    needs_partner: bool = False  # 'Pressekonferenz mit Steinmeier': an event only with a counterpart after "mit"/"with"
    personnel: bool = False      # 'entsenden', 'deploy': people of a service sent (police, experts) are its goods
    orders: bool = False         # 'ordered 30 jets', 'Bestellung': a sale whose delivery lies ahead (planned)
    traveller: bool = False      # 'wird in Brüssel erwartet', 'tagten': its subject must be a person of office
    expected: bool = False       # 'wird ... erwartet', 'is expected in': the visit lies ahead (planned)
    needs_audience: bool = False # 'Rede vor dem Parlament', 'speech to the council': an event only before a gathering
    addressee: bool = False      # 'told representatives of 19 associations last Saturday': telling a delegation
    #                              (the object right after) where or when is meeting it; telling anyone else is speech
    presence: bool = False       # 'currently in Peking': a place must follow right after the locative
    market_in: bool = False      # 'sold 95,000 cars in Asia': a place after "in" and no receiver is a market, no flow
    seized: bool = False         # 'beschlagnahmt', 'seized': the subject stops goods, it neither sends nor receives them;
    #                              the goods' provenance is the origin, and a seizure without one is no flow
