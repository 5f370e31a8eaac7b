"""Which happenings become events: a mention's happening that names nothing to map or date, or
tells a trade figure, a body's own sitting or talk of talks, is no event (the rules below, each with
the sentence it keeps out)."""
from __future__ import annotations

from extract.events.goods import has_object
from extract.events.lexicon import EventLexicon
from extract.events.merge import Happening, same_place


def worth_an_event(h: Happening, text: str, lex: EventLexicon) -> bool:
    """Whether the happening ``h`` of ``text`` is an event to report."""
    if all(m.bare_sitting for m in h.mentions):
        return False  # "Erstmals war die Sitzung am Dienstag ... begleitet": a body's sitting, unless it retells a meeting
    if all(m.anaphoric and not any(m.roles.values()) for m in h.mentions) and h.date is None:
        return False  # "bei dem Treffen", "the talks": an event told of elsewhere, not a new one (with a
        #               date of its own, "bei dem Hearing am Dienstag", it is the one told of)
    placed = any(h.places.get(r) for r in ("location", "origin", "destination"))
    if not placed and h.date is None and all(m.hearsay for m in h.mentions):
        return False  # "Aus Gesprächen mit Diplomaten weiß man", "40 Gespräche mit Eltern geführt": no one meeting
    if not placed and all(m.trigger_def.needs_place for m in h.mentions):
        return False  # "sich bei dem Hearing ein Bild von der Kandidatin machen": an impression, no visit
    if h.spec.route and not placed or h.spec.route and h.places.get("origin") and h.places.get("destination") \
            and same_place(h.places["origin"], h.places["destination"]):
        return False  # goods going nowhere known, or from a place to itself: trade talk, not a mappable shipment
    if h.spec.route and not (h.places.get("origin") and h.places.get("destination")) and all(m.valued for m in h.mentions):
        return False  # "the UK exported £16.9bn worth of goods, but imported £21.5bn": a trade figure in money
    if h.spec.route and not h.places.get("origin") and all(m.trigger_def.seized for m in h.mentions):
        return False  # "Police confiscated 30 rifles in Marseille": goods stopped, from nowhere known
    if h.spec.route and h.date is None and any(m.trigger_def.trade for m in h.mentions) \
            and not (h.places.get("origin") and h.places.get("destination")) and not any(m.cargo for m in h.mentions):
        return False  # "imports gained 13%", "exports rose": a country's trade figure with no date, goods or flow
    if h.spec.route and all(m.trigger.low.endswith(lex.trade_totals) and not has_object(text, m) for m in h.mentions) \
            and not (h.places.get("origin") and h.places.get("destination")):
        return False  # "Indonesia's wheat imports are expected to fall to 1.5 mln tonnes", "die Ölimporte
        #               übertrafen die Exporte": a country's trade total with one end is no origin-destination
        #               flow (a consignment is: "the export of 200 tanks to Poland", "Thailand exported 84,960
        #               tonnes of rice", "Indonesia bought 162,500 tonnes of sugar")
    if h.spec.route and not h.places.get("destination") and (h.date is None or all(
            m.trigger_def.kind == "agent" for m in h.mentions)) \
            and not any(w.rsplit("-", 1)[-1] in lex.goods.troops for m in h.mentions for w in m.cargo_nouns):
        return False  # "Brazil is the biggest exporter of orange juice", "a dissident group of exporters ... yesterday":
        #               a trade fact, no flow, whatever its date (forces
        #               leaving a place are a movement: "the withdrawal of their troops from Iraq")
    if not placed and all(m.trigger_def.kind == "travel" or (m.trigger_def.visit and h.date is None)
                          for m in h.mentions):
        return False  # a journey to no place named; a visit with neither place nor date ("besuchen Schulen")
    if not placed and h.date is None and all(m.trigger_def.addressee for m in h.mentions):
        return False  # "he told officials that ...": neither where nor when, only what was said
    if h.type == "meeting" and all(m.ongoing == "deal" or not placed and m.ongoing == "state" and not m.named_partner
                                   for m in h.mentions):
        return False  # "have spent much of 2004 in tough talks with unions": a process over a span, no meeting;
        #               "is in talks with Barclays over the sale of its stake": a deal in the making
    if not placed and h.date is None and not any(
            (m.partner and (m.has_person or not m.ongoing) or m.named_body or m.named_partner) and not m.anaphoric
            for m in h.mentions):
        return False  # nothing to map or date, and no one named meeting someone: talk of talks (talks
        #               "with" a counterpart are two sides, unless they go on: "is in talks with Barclays")
    return True
