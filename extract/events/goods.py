"""Goods on the move: cargo nouns (also as a compound's head), carriers (freight carriers
and vehicles), transport modes, and the cargo phrase of a sentence."""
from __future__ import annotations

import re
from typing import Optional

from extract.events.lexicon import EventLexicon
from extract.events.orgs import makers
from extract.events.text import in_name
from extract.text.document import Token


def has_carrier(tokens: list[Token], lex: EventLexicon, freight_only: bool = False) -> bool:
    """A carrier in the sentence (only a freight carrier when ``freight_only``)."""
    return any((t.cap or not lex.nouns_capitalised)
               and lex.carrier(t.low) in (("freight",) if freight_only else ("freight", "vehicle"))
               for t in tokens)


def has_cargo(tokens: list[Token], lex: EventLexicon, skip: int = -1) -> bool:
    """Goods in the sentence: a goods noun, or a number with a unit of bulk goods (not the word
    at ``skip``, a verb that is also a goods noun: "Umbro supplies 150 teams")."""
    return any(is_cargo(t.low, lex) and (t.cap or not lex.nouns_capitalised) and not in_name(tokens, k, lex)
               for k, t in enumerate(tokens) if k != skip) \
        or any(t.text in makers() and k + 1 < len(tokens) and _model(tokens[k + 1].text) for k, t in enumerate(tokens)) \
        or any(is_measure(tokens, k, lex) for k in range(1, len(tokens)))


_MODEL = re.compile(r"[A-Z]{0,3}-?\d{2,4}(?:-\d{1,4})?s?")  # "767s", "A320", "737-800", "MD-11"


def _model(word: str) -> bool:
    """Whether a word is a model number: the goods a maker's name before it makes ("Boeing 767s")."""
    return bool(_MODEL.fullmatch(word))


def is_measure(tokens: list[Token], k: int, lex: EventLexicon) -> bool:
    """A unit of bulk goods after a number ("8,000 tonnes", "2 mln barrels", "drei
    Schiffsladungen"): goods, whatever they are."""
    if tokens[k].low not in lex.goods.measures:
        return False
    return any(lex.goods.is_number(tokens[j].low) for j in range(max(0, k - 2), k))


def find_modes(tokens: list[Token], lex: EventLexicon) -> list[str]:
    """The transport modes a sentence names: mode words, and a carrier by its compound's
    head where compounds are closed ("Containerzug" -> rail)."""
    carriers = [t.low for t in tokens if lex.cargo_heads and lex.is_carrier(t.low)]
    out = []
    for mode, rx in lex.modes:
        if mode in out:
            continue
        if any(rx.fullmatch(t.low) for t in tokens) or \
                any(rx.fullmatch(c[k:]) for c in carriers for k in range(1, len(c) - 2)):
            out.append(mode)
    return out


def is_cargo(word: str, lex: EventLexicon) -> bool:
    """A cargo noun, also as the head of a hyphenated compound ("F-22-Kampfflugzeuge",
    "Leopard-2-Panzer", "Patriot-Raketen"): the last part names what it is."""
    return word in lex.goods


def find_cargo(text: str, span: tuple[int, int], tokens: list[Token], lex: EventLexicon) -> Optional[str]:
    """A quantity phrase with a cargo noun ("bis zu 1.000 Container mit Ausrüstung und Munition"),
    else the cargo nouns of the sentence."""
    sent = text[span[0]:span[1]]
    for m in lex.quantity.finditer(sent):
        phrase = _to_head(m.group().strip(" ,„“\""), sent[m.end():], lex)
        words = [w.strip("„“\"").lower() for w in phrase.split()]
        if any(is_cargo(w, lex) or w in lex.goods.measures or lex.goods.is_personnel(w) for w in words) \
                and any(c.isdigit() for c in phrase) or any(is_cargo(w, lex) for w in words[1:]):
            parts = [w.strip("„“\"") for w in phrase.split()]
            for j in range(1, len(parts) - 1):
                if parts[j] == "an" and words[j - 1] not in lex.goods.measures:
                    parts = parts[:j]  # "zwei Flugzeuge an Indien": the receiver, not the goods
                    break              # ("Tonnen an Munition" is a measure of goods)
            return " ".join(parts).rstrip(" ,.")
    nouns = []
    for k, t in enumerate(tokens):
        if lex.nouns_capitalised and not t.cap or in_name(tokens, k, lex):
            continue  # German nouns are capitalised ("waren" is a verb, "Waren" goods); "Coffee Organization"
        if is_cargo(t.low, lex) and t.text not in nouns:
            nouns.append(t.text)
    return ", ".join(nouns[:3]) if nouns else None


MODIFIER_REACH = 3   # words between a quantity's first noun and its head ("infantry fighting vehicles")


def _to_head(phrase: str, rest: str, lex: EventLexicon) -> str:
    """The quantity phrase up to its goods noun when the pattern stopped at a modifier: "40
    Marder infantry" + " fighting vehicles from ..." -> "40 Marder infantry fighting vehicles".
    Only over small-written words (English compounds are open; German ones are closed)."""
    if lex.nouns_capitalised or any(is_cargo(w.lower(), lex) for w in phrase.split()[1:]):
        return phrase
    taken = []
    for word in rest.split()[:MODIFIER_REACH]:
        bare = word.rstrip(",.;:")
        if not bare.isalpha() or not bare.islower() or bare in lex.pp_openers or bare in lex.articles:
            return phrase
        taken.append(bare)
        if is_cargo(bare, lex):
            return " ".join([phrase] + taken)
        if bare != word:
            return phrase
    return phrase


def cargo_nouns(tokens: list[Token], lex: EventLexicon) -> frozenset[str]:
    """The cargo nouns of a sentence, lower-cased, without the compound's first parts."""
    return frozenset(t.low.rsplit("-", 1)[-1] for t in tokens if is_cargo(t.low, lex)
                     and (t.cap or not lex.nouns_capitalised) and t.low not in ("container", "containern"))


def has_object(text: str, m) -> bool:
    """Whether the trigger's goods follow it as its object: "The company exports cars to ...",
    a verb, not the trade total "exports"."""
    return bool(m.cargo) and text[m.trigger.end:m.trigger.end + 80].lstrip().startswith(m.cargo.split()[0])


_AMOUNT_REACH = 3  # words from a figure to its noun: "the 70 new Airbus orders"


def amount_refs(tokens: list[Token], m, lex: EventLexicon) -> frozenset[str]:
    """The figures of the mention's clause that count its goods or its own kind of event ("the 70
    new orders are due for delivery", "die 30 Panzer wurden verladen"): a later mention that
    repeats a consignment's figure tells of that consignment."""
    out = set()
    for k, t in enumerate(tokens):
        if t.clause != m.trigger.clause or not t.text[:1].isdigit():
            continue
        for w in tokens[k + 1:k + 1 + _AMOUNT_REACH]:
            if w.clause != t.clause or w.low in lex.pp_openers or w.low in lex.articles:
                break  # ("300 für den Transport ... zusammengebaute Container": no count of transports)
            if is_cargo(w.low, lex) or any(tr.type == m.type and tr.kind == "noun" for tr in lex.triggers_for(w.low)):
                out.add(t.text.replace(",", "").replace(".", ""))
                break
    return frozenset(out)


_VALUE_REACH = 4  # words after a trade verb to the money it is measured in ("exported £16.9bn worth of goods")


def valued(tokens: list[Token], ti: int, lex: EventLexicon) -> bool:
    """Whether the goods of the trade word at ``ti`` are measured in money, before any goods
    word: a currency sign or a word of ``value_words`` in its clause ("the UK exported £16.9bn
    worth of goods", "imported £21.5bn", "exportierte Waren im Wert von"): a trade figure."""
    for k in range(ti + 1, min(len(tokens), ti + 1 + _VALUE_REACH)):
        t = tokens[k]
        if t.clause != tokens[ti].clause or is_cargo(t.low, lex):
            return False
        if t.text[:1] in lex.currency_signs or t.low in lex.value_words or t.low.endswith("-worth"):
            return True
    return False
