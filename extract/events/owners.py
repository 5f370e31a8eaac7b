"""Places that own something rather than host an event: a place's genitive after a noun
("auf Initiative Österreichs"), an English possessive before a common noun or a figure
("Nigeria's debt"), the bare object of an infinitive ("talks to bring Turkey within the EU"),
the owner of a person named by office ("Turkey's ambassador"); and where a place mention ends.

    genitive_of_noun, owner_of_noun, infinitive_object, possessor_of_person -> bool
    last_index(tokens, i, pm) -> int, last_token(tokens, i, pm) -> Token
"""
from __future__ import annotations

from functools import lru_cache

from extract.events.lexicon import EventLexicon
from extract.lexicon import place_cues
from extract.text.document import Token
from extract.text.lemmas import lemma
from extract.text.people import people_lexicon
from records.model import Mention


def title_after(tokens: list[Token], i: int, k: int, lex: EventLexicon, reach: int = 1) -> bool:
    """Whether a title word of a person's office is among the ``reach`` words from ``k`` on, in
    the clause of the place at ``i`` ("visiting U.S. Under-Secretary Allen Wallis": the visitor's
    country; "Turkey's ambassador": whose)."""
    while k < len(tokens) and tokens[k].low == ".":
        k += 1  # "U.S." is "U.S" and "."
    titles = people_lexicon(lex.lang)
    return any(titles.is_title(tokens[n].low) for n in range(k, min(len(tokens), k + reach))
               if tokens[n].clause == tokens[i].clause)


def genitive_of_noun(tokens: list[Token], i: int, ti: int, pm: Mention, lex: EventLexicon) -> bool:
    """Whether the place at ``i`` is a German genitive after a noun other than the trigger ("auf
    Initiative Österreichs", "auf Wunsch Frankreichs"): it owns that noun. An apposition ("in der
    Hauptstadt Wien") is no genitive: the name keeps its form."""
    if not lex.nouns_capitalised or i == 0 or i - 1 == ti:
        return False
    prev = tokens[i - 1]
    cues = place_cues(lex.lang)
    return prev.cap and prev.clause == tokens[i].clause and prev.low not in lex.articles \
        and prev.low not in lex.pp_openers and prev.text.isalpha() and prev.low not in _place_heads(lex.lang) \
        and prev.low not in cues.locative_before \
        and tokens[i].text == pm.text and pm.text.endswith(cues.genitive_suffixes)


def infinitive_object(tokens: list[Token], i: int, ti: int, lex: EventLexicon) -> bool:
    """Whether the place at ``i`` is the bare object of an infinitive after the trigger ("talks
    to bring Turkey within the EU", "met to press Iran"): where verbs do not end their clause,
    "to", a bare verb and at most an article before the place."""
    if lex.verb_final or i <= ti + 2:
        return False
    k = i - 1
    if tokens[k].low in lex.articles:
        k -= 1
    return k - 1 > ti and tokens[k - 1].low in lex.infinitive_markers and tokens[k].text.isalpha() \
        and tokens[k].text.islower() and lemma(tokens[k].low, lex.lang) == tokens[k].low \
        and tokens[k].clause == tokens[i].clause


def infinitive_clause(tokens: list[Token], i: int, ti: int, lex: EventLexicon) -> bool:
    """Whether the German place at ``i`` stands in a later clause that is an infinitive with
    "zu" ("getroffen haben, der ihm Hilfe anbot, sich dem IS im Irak anzuschließen": where he
    would go, not where they met): its last word is "zu" plus a verb, or a separable verb with
    "zu" inside ("anzuschließen", "einzureisen"). A purpose clause ("um in Brüssel zu
    verhandeln") may tell where the meeting is, and stays."""
    if not lex.verb_final or i <= ti or tokens[i].clause == tokens[ti].clause:
        return False
    clause = [t for t in tokens if t.clause == tokens[i].clause and t.text[:1].isalpha()]
    if not clause or clause[0].low in lex.purpose_openers:
        return False
    last = clause[-1].low
    zu_before = len(clause) > 1 and clause[-2].low in lex.infinitive_markers
    zu_inside = any(last.startswith(p + "zu") and len(last) > len(p) + 4 for p in lex.separable)
    return last.islower() and last.endswith("en") and (zu_before or zu_inside)


def owner_of_noun(tokens: list[Token], i: int, ti: int, pm: Mention, lex: EventLexicon) -> bool:
    """Whether the English place at ``i``, after the trigger, owns the common noun after it
    ("a refinancing of Nigeria's debt", "Turkey's entry into the EU"); a capital or a facility
    it owns is a place ("Russia's capital", "Iraq's Basra port" name where)."""
    if lex.nouns_capitalised or i <= ti:
        return False
    k = last_index(tokens, i, pm)
    if not tokens[k].low.endswith(("'s", "’s")):
        if k + 1 >= len(tokens) or tokens[k + 1].low not in ("'s", "’s"):
            return False
        k += 1
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if nxt is not None and nxt.clause == tokens[i].clause and nxt.text[:1].isdigit():
        return True  # "Nigeria's 19 billion dlr foreign debt": a figure it owns
    owned = [t for t in tokens[k + 1:k + 4] if t.clause == tokens[i].clause]
    heads = _place_heads(lex.lang)
    return nxt is not None and nxt.clause == tokens[i].clause and nxt.text.isalpha() and nxt.text.islower() \
        and not any(t.low in lex.capital_nouns or t.low in heads for t in owned)  # ("Iraq's main port" is where)


DESCRIPTOR_REACH = 3  # small-written words from a place to a descriptor's head: "UK banking group"


def descriptor_modifier(tokens: list[Token], i: int, pm: Mention, lex: EventLexicon) -> bool:
    """Whether the English place at ``i`` is the nationality in a descriptor of a firm ("Shares in
    UK banking group Barclays", "talks with US bank Wells Fargo"): the firm's country, no venue."""
    if lex.nouns_capitalised:
        return False
    k = last_index(tokens, i, pm)
    for t in tokens[k + 1:k + 1 + DESCRIPTOR_REACH]:
        if t.clause != tokens[i].clause or not t.text.isalpha() or not t.text.islower() \
                or t.low in lex.pp_openers or t.low in lex.articles:
            return False
        if t.low.endswith(lex.descriptor_heads):
            return True
    return False


_SITUATION_GAP = 2  # words between the locative and the place: "der Unruhen im afrikanischen Burundi"


def _locative_before(tokens: list[Token], i: int, lex: EventLexicon) -> int:
    """The index of the locative before the place at ``i``, back over an article and
    small-written adjectives ("im afrikanischen Burundi"), or where the walk stopped."""
    k = i - 1
    while k > 0 and i - k <= _SITUATION_GAP and tokens[k].clause == tokens[i].clause \
            and tokens[k].low not in lex.locatives and (tokens[k].low in lex.articles or tokens[k].text.islower()):
        k -= 1
    return k


def situation_place(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """Whether the place at ``i`` is where a state of affairs is, told by a noun right before
    its locative ("über die Folgen der Unruhen im afrikanischen Burundi", "talks on the war in
    Syria", "die Lage in der Ukraine"): that noun's place, not the meeting's (a compound's head
    counts: "Flüchtlingskrise in Griechenland")."""
    if not lex.situation_nouns:
        return False
    k = _locative_before(tokens, i, lex)
    if k < 1 or tokens[k].low not in lex.locatives or tokens[k - 1].clause != tokens[i].clause:
        return False
    noun = tokens[k - 1].low.rsplit("-", 1)[-1]
    return noun.endswith(lex.situation_nouns) if lex.nouns_capitalised else noun in lex.situation_nouns


def source_place(tokens: list[Token], i: int, ti: int, lex: EventLexicon) -> bool:
    """Whether the place at ``i`` is in the locative phrase of a noun that a preposition of
    source governs ("flew from a holiday in Egypt to talks", "kam aus dem Urlaub in Spanien zu
    Gesprächen"): where someone came from, not where the meeting was. The trigger must not be
    inside that phrase ("from the talks in Geneva" still places the talks)."""
    if not lex.source_prepositions:
        return False
    k = _locative_before(tokens, i, lex)
    if k < 2 or tokens[k].low not in lex.locatives:
        return False
    j = k - 1   # the noun the locative phrase belongs to, then back over its modifiers
    start = j
    while start > 0 and j - start < 3 and tokens[start - 1].clause == tokens[i].clause \
            and tokens[start - 1].low not in lex.source_prepositions and tokens[start - 1].text.isalpha() \
            and (tokens[start - 1].text.islower() or lex.nouns_capitalised and tokens[start - 1].low in lex.articles):
        start -= 1
    return start > 0 and tokens[start - 1].low in lex.source_prepositions and not start <= ti <= j


def possessor_of_person(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """Whether the place at ``i`` owns a person named by office ("Turkey's ambassador",
    "Britain's foreign secretary")."""
    k = i + 1
    if tokens[i].low.endswith(("'s", "’s")):
        k = i  # "Turkey's" is one token
    elif k >= len(tokens) or tokens[k].low not in ("'s", "’s", "s", "'"):
        # "to U.S. Treasury Secretary James Baker": the office's country, written before it
        return not lex.nouns_capitalised and k < len(tokens) and tokens[k].clause == tokens[i].clause \
            and (tokens[k].cap or tokens[k].low == ".") and title_after(tokens, i, k, lex, reach=3)
    return title_after(tokens, i, k + 1, lex, reach=3)


def last_index(tokens: list[Token], i: int, pm: Mention) -> int:
    """The index of the last token of the place mention that starts at token ``i``."""
    k = i
    while k + 1 < len(tokens) and tokens[k].end < pm.end:
        k += 1
    return k


def last_token(tokens: list[Token], i: int, pm: Mention) -> Token:
    """The last token of the place mention that starts at token ``i`` ("the island's")."""
    return tokens[last_index(tokens, i, pm)]


@lru_cache(maxsize=None)
def _place_heads(lang: str) -> frozenset[str]:
    """Nouns that name a kind of place (a town, a region, a facility): a name after them is an
    apposition ("die Hauptstadt Athens"), one they follow is where ("Iraq's main port")."""
    cues = place_cues(lang)
    return cues.nationality_heads | cues.region_words | cues.facility_words
