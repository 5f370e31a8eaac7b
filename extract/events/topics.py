"""Words a trigger is about, not an event of: the topic of talk ("to discuss further
deliveries", "the talks on North Korea", "a decision on engine purchases") and an abstract
object that makes a meeting verb another verb ("meet demand", "eine Entscheidung getroffen").

    is_topic(tokens, i, lex) -> bool
    abstract_object(tokens, i, lex, wanted) -> bool
"""
from __future__ import annotations

from extract.events.lexicon import EventLexicon
from extract.events.text import after_conjunction
from extract.text.document import Token
from extract.text.lemmas import lemma


_OBJECT_REACH = 10  # words of an English object phrase after a meeting verb


def abstract_object(tokens: list[Token], i: int, lex: EventLexicon, wanted=None) -> bool:
    """A meeting verb with an abstract object near it in its clause is another verb: "can
    meet demand", "received a proposal", "eine Entscheidung getroffen" -- also when the
    object heads the relative clause the verb is in ("Vereinbarungen, die er ... traf").
    An object the trigger asks for (``wanted``: its cue, "erzielte Vereinbarung") is none."""
    def abstract(low: str) -> bool:
        return low in lex.abstract_objects and not (wanted is not None and wanted.fullmatch(low))
    lo, hi = max(0, i - 6), min(len(tokens), i + 6)  # "meet its 2004 profit targets", "demand ... has been met"
    if lex.verb_final:
        lo, hi = 0, len(tokens)  # anywhere in its clause ("Diese Abmachung hatte ... getroffen", "begrüßte ... die Einigung")
    else:  # an infinitive after the verb has its own object ("meet on Thursday to discuss proposals")
        lo = after_conjunction(tokens, lo, i, lex)
        hi = next((k for k in range(i + 1, hi) if tokens[k].low in lex.infinitive_markers
                   and k + 1 < len(tokens) and tokens[k + 1].text.islower()), hi)
    if any(abstract(tokens[k].low) for k in range(lo, hi)
           if k != i and tokens[k].clause == tokens[i].clause):
        return True
    if not lex.verb_final and i + 1 < len(tokens) and tokens[i + 1].low in lex.determiners:
        # a long object phrase after a determiner, up to its first preposition ("meets the trading
        # system's net worth requirements"; not a noun: "Thursday's meeting was only a first step")
        for k in range(i + 1, min(len(tokens), i + 1 + _OBJECT_REACH)):
            t = tokens[k]
            if t.clause != tokens[i].clause or t.low in lex.pp_openers or t.low in lex.infinitive_markers:
                break
            if abstract(t.low) or t.low in lex.aim_objects:  # ("meeting the Lisbon agenda": an aim fulfilled)
                return True
    first = next(k for k in range(i + 1) if tokens[k].clause == tokens[i].clause)
    if first >= 2 and tokens[first].low in lex.relative:
        before = tokens[first - 1] if tokens[first - 1].text[:1].isalnum() else tokens[first - 2]
        return abstract(before.low)
    return False


_TOPIC_MODIFIERS = 2  # words between a topic preposition and the event noun: "on engine purchases"


def _discourse_topic(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """A noun of deciding, reporting or disputing, a topic preposition, then the noun at ``i``
    past its article and modifiers ("a decision on engine purchases", "the row over arms
    exports", "die Debatte über Waffenlieferungen")."""
    k = i - 1
    while k > 0 and i - k <= _TOPIC_MODIFIERS + 1 and tokens[k].clause == tokens[i].clause \
            and tokens[k].low not in lex.topic_prepositions and tokens[k].text.isalpha() \
            and (tokens[k].low in lex.articles or not lex.nouns_capitalised or not tokens[k].cap):
        k -= 1
    if k < 1 or tokens[k].low not in lex.topic_prepositions or tokens[k - 1].clause != tokens[i].clause:
        return False
    head = tokens[k - 1].low.rsplit("-", 1)[-1]
    return head in lex.discourse_nouns or lemma(head, lex.lang) in lex.discourse_nouns \
        or (lex.nouns_capitalised and head.endswith(lex.discourse_nouns))


def is_topic(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """Whether the noun at ``i`` is the topic of talk in its clause: a verb of talking
    governs it ("to discuss further deliveries") or a topic preposition introduces it
    while such a verb stands in the clause ("um über weitere Lieferungen zu sprechen",
    "es ging um Lieferungen"), or it follows a talk noun and its topic preposition ("the
    talks on North Korea", "Gespräche über Lieferungen")."""
    if i >= 2 and tokens[i - 1].low in lex.topic_prepositions and tokens[i - 2].clause == tokens[i].clause \
            and any(t.kind == "noun" and t.type == "meeting" for t in lex.triggers_for(tokens[i - 2].low)):
        return True
    if _discourse_topic(tokens, i, lex):
        return True
    if not lex.topic_frames:
        return False
    clause = [k for k, t in enumerate(tokens) if t.clause == tokens[i].clause]
    lemmas = {lemma(tokens[k].low, lex.lang) for k in clause} | {tokens[k].low for k in clause}
    frames = [f for f in lex.topic_frames if f <= lemmas]
    if not frames:
        return False
    heads = {w for f in frames for w in f}
    if tokens[i].low in heads or lemma(tokens[i].low, lex.lang) in heads:
        return False  # "Über diese Liste beraten die EU-Innenminister": the verb of talking is the event
    for k in clause:
        if k >= i:
            break
        low = tokens[k].low
        if i - k <= 4 and (lemma(low, lex.lang) in heads or low in heads) \
                and not any(tokens[j].low in lex.during for j in range(k + 1, i)):
            return True  # the verb of talking and its object (not the occasion it was said at:
            #              "sprach bei einem Gespräch mit ...", "spoke during talks with ...")
        if i - k <= 3 and low in lex.topic_prepositions:
            return True
    return False
