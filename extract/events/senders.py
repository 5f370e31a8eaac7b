"""Who sends goods when no place says so: a nationality or an institution before the
trigger ("Dutch traders shipped", "der US-Kongress billigte Lieferungen"), and the goods'
own nationality ("20,000 tonnes of Malaysian palm olein")."""
from __future__ import annotations

from typing import Optional

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
    if spots and ti >= 2 and is_cargo(tokens[ti - 1].low, lex) and tokens[ti - 2].clause == tokens[ti].clause:
        spots.append(ti - 2)  # "British troops deployed in Iraq": the participle after its goods
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


def goods_maker(tokens: list[Token], i: int, pm: Mention, lex: EventLexicon, compound: bool) -> Optional[str]:
    """The role of a country named as the goods' own, right before them: "U.S. goods", "Egypt
    bought U.S. wheat", "U.S.-made cars", "US-built jets", "US-Waffen": the country that made
    or sends them, the origin, for an import as for an export. Forces are sent by theirs too,
    but brought home by it: for a withdrawal ("Abzug der US-Truppen") the country is the
    destination ("troops" here; the caller's trigger says which). ``compound``: the name is
    joined to the next word by a hyphen. Only a country; a city before goods names a make
    ("Paris fashion")."""
    if pm.place.feature != "country":
        return None
    word = next((t for t in tokens[i:] if t.end >= pm.end), None)
    if word is None:
        return None
    k = tokens.index(word)
    if word.low.endswith(("'s", "’s")) or k + 1 < len(tokens) and tokens[k + 1].low in ("'s", "’s"):
        return None  # "Indonesia's wheat imports": whose trade, not whose wheat
    head = None
    if compound:  # "US-Waffen", "US-built jets", "U.S.-made cars"
        rest = word.low.split("-", 1)[1] if "-" in word.low else ""
        if rest and is_cargo(rest, lex) or is_cargo(word.low, lex) and word.end > pm.end + 1:
            head = rest or word.low
        else:
            nxt = [t for t in tokens[k + 1:k + 4] if t.text not in ("-", ".")]
            made = rest in lex.maker_participles or (nxt and nxt[0].low in lex.maker_participles)
            after = nxt[1:] if nxt and nxt[0].low in lex.maker_participles else nxt
            if made and after and is_cargo(after[0].low, lex):
                head = after[0].low
    elif not lex.nouns_capitalised:  # English modifiers stand apart ("U.S. goods"); German ones are
        #                              compounds, and "an der Grenze zur Ukraine Truppen" are two phrases
        nxt = tokens[k + 1] if k + 1 < len(tokens) and tokens[k + 1].clause == word.clause else None
        if nxt is not None and is_cargo(nxt.low, lex):
            head = nxt.low
    if head is None:
        return None
    return "troops" if head.rsplit("-", 1)[-1] in lex.goods.troops else "origin"


def maker_role(m, made: str) -> str:
    """The role of the goods' own country (:func:`goods_maker`) for mention ``m``: the origin,
    but forces withdrawn go back to theirs ("der Abzug der US-Truppen aus Afghanistan")."""
    return "destination" if made == "troops" and m.trigger_def.reverse and m.trigger_def.leaves else "origin"


def market_sale(m, tokens: list[Token], place_idx: dict, lex: EventLexicon) -> Optional[Mention]:
    """The market a sale names instead of a receiver, or None: no destination, and a place
    after one of ``market_prepositions`` (an article between allowed) after the trigger in its
    clause ("BMW sold nearly 95,000 cars in Asia last year", "verkaufte in Asien 95.000 Autos"):
    sales in a market are a figure, no flow to anyone -- unless the goods' place of making is
    named (:func:`production_place`: "made in Mexico and sold in the United States"), when the
    market receives them."""
    if not m.trigger_def.market_in or m.roles.get("destination"):
        return None
    ti = m.trigger_idx
    for k in place_idx:
        if tokens[k].clause != m.trigger.clause or k == ti or k < ti and not (
                lex.verb_final and not production_place(tokens, k, place_idx[k], ti, lex)):
            continue  # (where verbs come last, the market may stand before it: "in den USA verkauft")
        j = k - 1
        if j != ti and tokens[j].low in lex.articles:
            j -= 1
        if j != ti and tokens[j].low in lex.market_prepositions:
            return place_idx[k]
    return None


def market_named(m, tokens: list[Token], lex: EventLexicon, country_of, region_of=lambda name: None) -> Optional[Mention]:
    """The market a sale names by its nationality after the trigger in its clause, or None:
    one of ``market_prepositions`` (an article after it allowed), a demonym and a noun of
    ``market_nouns`` ("sold mainly in the European market", "im europäischen Markt"): that
    country or region."""
    ti = m.trigger_idx
    if not m.trigger_def.market_in or m.roles.get("destination"):
        return None
    for k in range(1 if lex.verb_final else ti + 1, len(tokens) - 1):  # (before the verb where verbs come last)
        if tokens[k].clause != m.trigger.clause or k == ti:
            continue
        if tokens[k + 1].low not in lex.market_nouns:
            continue
        prev = tokens[k - 1].low
        if not (prev in lex.market_prepositions or prev in lex.articles and tokens[k - 2].low in lex.market_prepositions):
            continue  # "in the European market", "im europäischen Markt"
        two = f"{tokens[k - 1].low} {tokens[k].low}"
        region = lex.region_demonym(tokens[k].low) or (lex.region_demonym(two) if lex.region_demonyms else None)
        place = region_of(region) if region else (country_of(iso) if (iso := lex.demonym(tokens[k].low)) else None)
        if place is not None:
            return Mention(tokens[k].text, tokens[k].start, tokens[k].end, place, 0.6)
    return None


def made_at(m, tokens: list[Token], place_idx: dict, lex: EventLexicon) -> bool:
    """Whether the sentence names where the goods of mention ``m`` are made (before it)."""
    return any(production_place(tokens, k, pm, m.trigger_idx, lex) for k, pm in place_idx.items())


def production_place(tokens: list[Token], i: int, pm: Mention, ti: int, lex: EventLexicon) -> bool:
    """Whether the place at ``i``, before the trigger at ``ti``, is where the goods are made:
    a participle of ``production_participles`` and a locative before it ("The SUVs will be
    built in Japan ... and sold in Europe", an adverb between: "made mainly in China"), or where
    verbs come last, after it ("Die Autos werden in Japan gebaut und ... verkauft")."""
    if i >= ti or i < 1 or not lex.production_participles or tokens[i - 1].low not in lex.locatives:
        return False
    before = [tokens[k] for k in (i - 2, i - 3) if k >= 0]
    if before and before[0].low in lex.production_participles:
        return True
    if len(before) == 2 and before[1].low in lex.production_participles and before[0].low.endswith("ly"):
        return True
    if not lex.verb_final:
        return False
    k = i
    while k + 1 < len(tokens) and tokens[k].end < pm.end:
        k += 1  # the last token of the place
    return k + 1 < ti and tokens[k + 1].low in lex.production_participles
