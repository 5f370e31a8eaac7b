"""Who sends goods when no place says so: a nationality or an institution before the
trigger ("Dutch traders shipped", "der US-Kongress billigte Lieferungen"), and the goods'
own nationality ("20,000 tonnes of Malaysian palm olein")."""
from __future__ import annotations

from extract.events.goods import is_cargo
from extract.events.lexicon import EventLexicon
from extract.text.document import Token
from records.model import Mention

def sender(tokens: list[Token], ti: int, noun: bool, lex: EventLexicon, conj: list[int],
            country_of, region_of=lambda name: None) -> Optional[Mention]:
    """The country that sends (for an import: receives) a shipment named only by
    nationality: the adjective of the subject of a verb -- the first words of its conjunct,
    or where the verb comes second the words right after it ("Dutch traders shipped sugar
    to Poland", "Im Februar lieferten niederländische Händler ...") -- or the adjective
    right before a trade word ("Dutch imports of oilseeds rose", "chinesische Exporte nach
    Polen"; a trade fact without destination or date is dropped later). The nationality of
    the goods ("sold Chinese soybeans", "Russian oil") sends nothing."""
    first = ti
    while first > 0 and tokens[first - 1].clause == tokens[ti].clause and conj[first - 1] == conj[ti]:
        first -= 1
    while first < ti and tokens[first].low in lex.articles:
        first += 1
    spots = [ti - 1] if ti and tokens[ti - 1].clause == tokens[ti].clause else []
    if not noun:
        spots += list(range(first, min(first + 2, ti - 1)))
        if lex.verb_second:
            spots += [k for k in range(ti + 1, min(ti + 3, len(tokens))) if tokens[k].clause == tokens[ti].clause]
    for k in spots:
        t = tokens[k]
        words = f"{tokens[k - 1].low} {t.low}" if k and not lex.nouns_capitalised else t.low
        region = lex.region_demonym(words) if lex.region_demonyms else None
        if region is not None:  # "Latin American exports": the region, not America
            place = region_of(region)
            a = tokens[k - 1].start if words != t.low else t.start
            return Mention(words, a, t.end, place, 0.6) if place is not None else None
        iso = lex.demonym(t.low)
        if not iso or not (t.cap or lex.nouns_capitalised):
            continue
        if k + 1 < len(tokens) and is_cargo(tokens[k + 1].low, lex) and tokens[k + 1].low not in lex.goods.troops:
            continue  # the goods' nationality; but "British troops" are sent by Britain
        place = country_of(iso)
        if place is not None:
            return Mention(t.text, t.start, t.end, place, 0.6)
    return None


GOODS_REACH = 3  # words from a nationality to the goods noun it qualifies ("Malaysian rbd palm olein")


def goods_origins(tokens: list[Token], lex: EventLexicon, country_of, region_of=lambda name: None) -> list[Mention]:
    """Where the goods come from, by the nationality they carry: the adjective before a goods
    noun ("20,000 tonnes of Malaysian palm olein", "European rapeseed oil", "Canadian lumber
    exports", "argentinischer Weizen"), in text order, one per country or region. Troops are
    sent, not made: "British troops" is no origin here (the sender rule reads it)."""
    out: list[Mention] = []
    seen = set()
    for k, t in enumerate(tokens):
        if not (t.cap or lex.nouns_capitalised):
            continue
        two = f"{tokens[k - 1].low} {t.low}" if k and not lex.nouns_capitalised else None
        region = (lex.region_demonym(two) if two else None) or lex.region_demonym(t.low)
        iso = None if region else lex.demonym(t.low)
        if not (region or iso):
            continue
        ahead = [u for u in tokens[k + 1:k + 1 + GOODS_REACH] if u.clause == t.clause]
        at = next((j for j, u in enumerate(ahead) if is_cargo(u.low, lex)), None)
        if at is None or ahead[at].low in lex.goods.troops:
            continue
        if not lex.nouns_capitalised and any(u.cap or not u.low.isalpha() for u in ahead[:at + 1]) \
                or lex.nouns_capitalised and at > 1:
            continue  # "the European Union's ban on arms": a name, not the goods' nationality
        after = ahead[at + 1] if at + 1 < len(ahead) else (tokens[k + 2 + at] if k + 2 + at < len(tokens) else None)
        if after is not None and after.clause == t.clause and (after.low in lex.goods_modifier_heads or after.low in lex.firm_words):
            continue  # "Russian oil firm Yukos", "Argentine grain board figures"
        place = region_of(region) if region else country_of(iso)
        if place is None or place.name in seen:
            continue
        seen.add(place.name)
        a = tokens[k - 1].start if region and two and lex.region_demonym(two) else t.start
        out.append(Mention(text_of(tokens, a, t.end), a, t.end, place, 0.6))
    return out


def text_of(tokens: list[Token], start: int, end: int) -> str:
    return " ".join(t.text for t in tokens if start <= t.start and t.end <= end)
