"""Who meets whom (issue 13): the other side a meeting word names -- a partner after it
("talks with the unions", "met President Bush"), two sides before it ("the two held talks"),
and who moves (a person, a delegation, a crowd). A body's own sitting with a side named is a
meeting of sides."""
from __future__ import annotations

from typing import Collection, Optional

from extract.events.lexicon import EventLexicon, Trigger
from extract.text.document import Token, without_possessive
from extract.text.lemmas import lemma
from extract.text.people import people_lexicon


def partner_after(tokens: list[Token], ti: int, starts: Collection[int], lex: EventLexicon) -> bool:
    """A counterpart named right after the trigger: "talks with Clara Furse", "Gespräch mit
    Kern", "met the president", "traf Macron" -- two sides, not a body sitting alone.
    ``starts``: where the sentence's person names start."""
    titles = people_lexicon(lex.lang)
    for k in range(ti + 1, min(len(tokens), ti + 5)):
        t = tokens[k]
        if t.clause != tokens[ti].clause:
            return False
        if t.low in lex.partner_words:
            return True
        if t.start in starts or titles.is_title(t.low):
            return True
    return False


_WITH_REACH = 4  # words after "with"/"mit" searched for the counterpart ("mit seinem deutschen Kollegen Steinmeier")


def partner_with(tokens: list[Token], ti: int, lex: EventLexicon, person_starts: frozenset[int]) -> bool:
    """Whether "mit"/"with" follows the trigger at ``ti`` and a person or a title comes within a
    few words of its clause ("Pressekonferenz mit seinem deutschen Kollegen Steinmeier"), or,
    where only names are capitalised, a name (:func:`named_partner`: "discussions with MCI")."""
    if ti + 1 >= len(tokens) or tokens[ti + 1].low not in lex.comitatives:
        return False
    titles = people_lexicon(lex.lang)
    return any(tokens[k].start in person_starts or titles.is_title(tokens[k].low) for k in _after_with(tokens, ti)) \
        or named_partner(tokens, ti, lex)


def named_partner(tokens: list[Token], ti: int, lex: EventLexicon) -> bool:
    """A counterpart named by its name after "with" right after the trigger, where only names
    are capitalised ("Mitsubishi Motors is in talks with French carmaker PSA Peugeot Citroen",
    "had been in talks with Purolator's adviser"): two named sides, even in talks that go on.
    A demonym or a capitalised word before a noun of its phrase is no name ("a Korean rival",
    "French carmaker"); "in tough talks with unions" names none."""
    if lex.nouns_capitalised or ti + 1 >= len(tokens) or tokens[ti + 1].low not in lex.comitatives:
        return False
    function = lex.pp_openers | lex.coordinators | lex.topic_prepositions | lex.meeting_topic_prepositions | lex.locatives

    def name(k: int) -> bool:
        t, bare = tokens[k], without_possessive(tokens[k].low)
        if not t.cap or not bare.isalpha() or lex.demonym(t.low) is not None:
            return False
        if bare != t.low:
            return True  # "Purolator's adviser": whose, a name
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        return not (nxt is not None and nxt.text.isalpha() and nxt.text.islower() and nxt.low not in function)

    return any(name(k) for k in _after_with(tokens, ti))


def _after_with(tokens: list[Token], ti: int) -> list[int]:
    """The words after the "with" that follows the trigger at ``ti``, in its clause."""
    return [k for k in range(ti + 2, min(len(tokens), ti + 2 + _WITH_REACH)) if tokens[k].clause == tokens[ti].clause]


def international_word(t: Token, lex: EventLexicon) -> bool:
    """Whether a word names an intergovernmental body or counts a body in states ("UN",
    "Nato-Rat", "international", "the six-nation council": ``member_words`` after a hyphen)."""
    return t.text in lex.international_bodies or t.low in lex.international_bodies \
        or t.text.split("-")[0] in lex.international_bodies \
        or "-" in t.low and t.low.rsplit("-", 1)[1] in lex.member_words


_PAIR_REACH = 16  # words before a meeting word to "the two sides", "beide Seiten" of its clause
_SIDES_REACH = 8  # words before a meeting word that may name its two sides ("Bosses of Deutsche Boerse and the LSE are to")


def sides_before(tokens: list[Token], ti: int, lex: EventLexicon) -> bool:
    """Two sides named as the subject before the meeting word in its clause: a word of pairs
    ("the two held talks", "die beiden trafen sich"; ``pair_words``; further back with a noun of
    sides, ``pair_nouns``: "the two sides failed to agree after months of talks") or two names joined by a
    coordinator ("Bosses of Deutsche Boerse and the London Stock Exchange are to meet")."""
    lo = max(0, ti - _SIDES_REACH)
    words = [k for k in range(lo, ti) if tokens[k].clause == tokens[ti].clause]
    if any(tokens[k].low in lex.pair_words for k in words):
        return True
    if any(tokens[k].low in lex.pair_words and tokens[k + 1].low in lex.pair_nouns and tokens[k].clause == tokens[ti].clause
           for k in range(max(0, ti - _PAIR_REACH), ti - 1)):
        return True  # "the two sides failed to come to an agreement after six months of talks"
    if lex.nouns_capitalised:  # German capitalises every noun ("Waffen und Munition" are no two sides)
        return titles_joined(tokens, ti, lex)
    for k in words:
        if tokens[k].low in lex.coordinators and tokens[k].low not in lex.contrast_links \
                and tokens[k].text != tokens[k].text.upper():  # (not a headline in capitals)
            before = [j for j in words if j < k]
            after = [j for j in words if j > k and tokens[j].low not in lex.articles]
            if before and after and tokens[before[-1]].cap and tokens[after[0]].cap:
                return True
    return False


def titles_joined(tokens: list[Token], ti: int, lex: EventLexicon) -> bool:
    """Two titles joined by a coordinator before the trigger in its clause: two sides as its
    subject ("Ministerin und Landeshauptleute verhandelten am Montag", "Kanzler und Vizekanzler
    berieten"), who need no "mit" to meet."""
    titles = people_lexicon(lex.lang)
    words = {k for k in range(max(0, ti - _SIDES_REACH), ti) if tokens[k].clause == tokens[ti].clause}
    return any(tokens[k].low in lex.coordinators and k - 1 in words and k + 1 in words
               and titles.is_title(tokens[k - 1].low) and titles.is_title(tokens[k + 1].low) for k in words)


def counterpart_named(tokens: list[Token], i: int, trig: Trigger, lex: EventLexicon, person_starts: frozenset[int]) -> bool:
    """Whether a meeting word names its other side: a word of partners before people or a body
    later in its clause ("talks with the unions", "traf sich ... zu einer Sitzung mit den
    Ministern"), or a verb's object ("met President Bush"); a noun has no object (in "At board
    meetings Mr X often passed" the name is the clause's subject)."""
    if any(tokens[k].low in lex.partner_words and _side(tokens, k + 1, lex, person_starts)
           for k in range(i + 1, len(tokens)) if tokens[k].clause == tokens[i].clause):
        return True
    return not (trig.kind == "noun" or (not lex.nouns_capitalised and tokens[i].low.endswith("ings"))) \
        and partner_after(tokens, i, person_starts, lex)  # ("shareholder meetings" is a noun too)


def _side(tokens: list[Token], k: int, lex: EventLexicon, person_starts: frozenset[int]) -> bool:
    """Whether the phrase from ``k`` (after "with"/"mit") names people, a body or (in English) a
    name within its first words: "mit den Ministern", "with union leader Tom Baxter", "with
    Iran"; not "mit dem Fall"."""
    for t in tokens[k:k + 3]:
        if t.clause != tokens[k - 1].clause:
            return False
        if mover_kind(t, lex, person_starts) or t.text in lex.organisations \
                or lemma(t.low, lex.lang) in lex.domestic_bodies or (t.cap and not lex.nouns_capitalised):
            return True
        if t.low in lex.pp_openers:
            return False
    return False


def mover_kind(t: Token, lex: EventLexicon, person_starts: frozenset[int]) -> Optional[str]:
    """"person" for a name, a title, a delegation or a personal pronoun; "crowd" for a group
    of people ("Menschen", "refugees") or "es"; else None."""
    if t.start in person_starts or people_lexicon(lex.lang).is_title(t.low) or t.low in lex.delegations \
            or t.low in lex.person_subjects:
        return "person"
    if t.low in lex.person_groups or lemma(t.low, lex.lang) in lex.person_groups or t.low in lex.impersonal:
        return "crowd"
    return None


_PURPOSE_REACH = 8  # words from a meeting verb to the infinitive of its purpose ("met on Friday afternoon to discuss")


def purpose_head(tokens: list[Token], i: int, lex: EventLexicon) -> int:
    """The meeting verb whose purpose the infinitive at ``i`` tells ("Staff at the firm met on
    Friday to discuss how to react", "trafen sich, um darüber zu beraten"): the gathering is
    that verb's, and whose sitting it is is read there; else ``i`` itself."""
    if i < 2 or tokens[i - 1].low not in lex.infinitive_markers:
        return i
    for k in range(i - 2, max(-1, i - 2 - _PURPOSE_REACH), -1):
        if tokens[k].clause != tokens[i].clause and not (lex.verb_final and tokens[k].clause == tokens[i].clause - 1):
            break
        if any(t.type == "meeting" and t.kind == "verb" and not t.needs_place for t in lex.triggers_for(tokens[k].low)):
            return k
    return i
