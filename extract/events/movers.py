"""The mover of a verb of motion: whether "left", "reached", "flew" move goods or people
(a trigger that needs goods is a shipment only when no person is its mover)."""
from __future__ import annotations

from typing import Optional

from extract.events.goods import has_cargo, is_cargo
from extract.events.lexicon import EventLexicon, Trigger
from extract.text.document import Token
from extract.text.lemmas import lemma
from extract.text.people import people_lexicon


def is_motion(trig: Trigger, t: Token) -> bool:
    """A verb of motion (leave, reach, fly ...), whose mover decides whether goods move."""
    return trig.kind in ("departure", "arrival") or (
        trig.kind == "verb" and bool(trig.lemmas) and not trig.reverse and not trig.seized  # buying or seizing moves nothing itself
        and (trig.regex is None or not trig.regex.fullmatch(t.low)))


GERUND_DOER = 3  # words before a gerund's preposition that may name its doer ("praised Scottish Water for")


def _gerund_phrase(tokens: list[Token], i: int, lo: int, lex: EventLexicon) -> Optional[int]:
    """The index of the preposition that opens an English gerund phrase holding the verb at ``i``
    ("for immediately flying"), an adverb allowed between; None when it is no such phrase."""
    if lex.nouns_capitalised or not tokens[i].low.endswith("ing"):
        return None
    for k in (i - 1, i - 2):
        if k > lo and tokens[k].low in lex.gerund_prepositions and tokens[k].clause == tokens[i].clause:
            return k if k == i - 1 or tokens[i - 1].low.endswith("ly") else None
    return None


def _listed_object(tokens: list[Token], k: int, lex: EventLexicon) -> bool:
    """Whether the word at ``k``, right after a coordinator, opens another noun phrase of a list
    (a figure or a determiner: "and five large generators"), not another verb."""
    return k < len(tokens) and (tokens[k].text[:1].isdigit() or lex.goods.is_number(tokens[k].low)
                                or tokens[k].low in lex.determiners)


def moves_goods(tokens: list[Token], i: int, lex: EventLexicon, person_starts: frozenset[int],
                intransitive: bool = False, personnel: bool = False) -> bool:
    """Whether the motion verb at ``i`` moves goods, not people (the sentence names goods:
    the trigger needs them): no person is its mover -- the last person or goods word
    before it in its part of the clause, or in the part before when they share a subject
    ("he left the party", "a delegation will leave for Washington" are journeys; "ein
    Güterzug hat Polen verlassen", "a flight carrying vaccines flew" shipments)."""
    clause = tokens[i].clause
    lo = i
    while lo > 0 and tokens[lo - 1].clause == clause and tokens[lo - 1].low not in lex.coordinators:
        lo -= 1
    sentence_cargo = has_cargo(tokens, lex)
    passive = personnel and any(t.low in lex.passive_auxiliaries for t in tokens if t.clause == clause)
    aux = next((t.start for t in tokens[lo:i] if lex.verb_final and t.low in lex.auxiliaries), None)

    def goods(t: Token) -> bool:
        if lex.nouns_capitalised and not t.cap:
            return False
        kind = lex.carrier(t.low)
        return kind == "freight" or is_cargo(t.low, lex) or (kind == "vehicle" and sentence_cargo) \
            or (personnel and (passive or t.start > tokens[i].start or aux is not None and t.start > aux)
                and lex.goods.is_personnel(t.low))
        # (people of a service are sent after the verb, in the passive or after a German auxiliary
        #  ("hat 300 Beamte verlegt"); before an active verb they send: "Polizisten brachten ...")

    def mover_in(a: int, b: int) -> Optional[str]:
        """The last person or goods word in tokens[a:b]."""
        found = None
        for k in range(a, b):
            t = tokens[k]
            if personnel and passive and goods(t):
                found = "goods"  # "80 Polizisten wurden nach Ungarn geschickt": the people sent are the goods
            elif t.start in person_starts or t.low in lex.person_subjects or t.low in lex.person_groups \
                    or lemma(t.low, lex.lang) in lex.person_groups or people_lexicon(lex.lang).is_title(t.low):
                found = "person"
            elif goods(t):
                found = "goods"
            elif t.low in lex.pronouns and found is None:
                found = "pronoun"  # "sie", "they": may stand for the goods named before
        return found

    gerund = _gerund_phrase(tokens, i, lo, lex)
    if gerund is not None:
        # "praised Scottish Water for immediately flying bottled water": the gerund's doer is the
        # object right before its preposition, not the clause's subject (nor that of a conjunct)
        mover = mover_in(max(lo, gerund - GERUND_DOER), gerund)
    else:
        mover = mover_in(lo, i)
        if mover is None and lo > 0 and tokens[lo - 1].clause == clause:
            # "... left Bucharest and reached Chisinau": the conjuncts share their subject
            start = lo - 1
            while start > 0 and tokens[start - 1].clause == clause:
                start -= 1
            mover = mover_in(start, lo - 1)
        if mover is None and lex.verb_second:
            # "am Mittwoch kamen sie in Siauliai an": the subject right after the finite verb
            mover = mover_in(i + 1, min(len(tokens), i + 3))
    if mover == "person":
        return False
    if mover in ("goods", "pronoun"):
        return True
    # no mover before the verb: a verb of leaving or arriving has none ("the ruling left
    # prices unchanged"); a verb that moves something may name the goods after it
    hi = i
    while hi + 1 < len(tokens) and tokens[hi + 1].clause == clause and (
            tokens[hi + 1].low not in lex.coordinators or _listed_object(tokens, hi + 2, lex)):
        hi += 1  # (an object list goes on past "and": "flying bottled water and five generators")
    return not intransitive and any(goods(tokens[k]) for k in range(i + 1, hi + 1))
