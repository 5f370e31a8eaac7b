"""Whether a mention is planned: cues of intent or approval in its clause and conjunct, and
the conjuncts of a clause ("hat Odessa verlassen und soll Istanbul erreichen").

    is_planned(tokens, clause, lex, ...) -> bool
    conjuncts(tokens, verbs, lex) -> a conjunct number per token
"""
from __future__ import annotations

from typing import Optional

from extract.events.lexicon import EventLexicon
from extract.text.document import Token, clause_start
from extract.text.lemmas import lemma


def is_planned(tokens: list[Token], clause: int, lex: EventLexicon,
               conj: Optional[list[int]] = None, part: int = 0, trigger: int = -1, verb: bool = False) -> bool:
    """A cue of intent or plan in the trigger's clause (and conjunct: "hat Odessa verlassen
    und soll Istanbul erreichen" plans only the arrival). A verb of intent or approval
    governs the trigger: it comes before it ("requested permits to ship", "billigte
    Lieferungen"), or after a trigger that is no prepositional phrase ("die Lieferung
    genehmigt"; not "Beim Gipfel hatte man vereinbart, ...") and, where verbs do not end
    their clause, not as the infinitive of purpose of a ``verb`` ("met ... to consider")."""
    def governs(k: int) -> bool:
        if trigger >= 0 and k < trigger and (sequence or occasion):
            return False  # "announced the package after talks with farmers": the talks came first;
            #               "announced his decision at a public meeting": where it was announced
        if trigger < 0 or k < trigger:
            return True
        if verb and not lex.verb_final and any(tokens[j].low in lex.infinitive_markers for j in range(trigger + 1, k)):
            return False  # "met his counterparts on Monday to consider proposals": a purpose, not a plan
        if tokens[k].low in lex.purpose_participles:
            return False  # "(held) talks aimed at extending the plant's life": what the talks were for
        if not verb and any(tokens[j].low in lex.active_auxiliaries for j in range(trigger + 1, k)):
            return False  # "Der EU-Gipfel hat beschlossen, ...": the meeting decided (active), it was not planned
        return not _in_pp(tokens, trigger, lex)

    def noun(k: int) -> bool:  # "over a possible offer", "the plan": a noun of plans, no plan of this event
        if lex.nouns_capitalised:
            return tokens[k].cap and k > 0
        return k > 0 and (tokens[k - 1].low in lex.determiners or (
            k > 1 and tokens[k - 2].low in lex.determiners and bool(lex.adjective_endings)
            and tokens[k - 1].low.endswith(lex.adjective_endings)))

    if trigger >= 0 and _agreed(tokens, trigger, lex):
        return True  # "signed a deal to acquire 36 planes", "ein Abkommen über die Lieferung von Gas"
    sequence = trigger >= 0 and in_sequence(tokens, trigger, lex)
    occasion = trigger >= 0 and preposition_of(tokens, trigger, lex, lex.during | lex.locatives) >= 0
    if _alleged_past(tokens, clause, lex):
        return False  # "sollen im März einen Agenten getroffen haben", "are said to have shipped": a claim
    particle = _final_particle(tokens, clause, lex)
    if trigger >= 0 and _be_to(tokens, trigger, lex):
        return True  # "Employers and the union are to meet again this afternoon", "is to hold talks"

    def of_plan(t: Token) -> bool:  # by lemma, a separable verb with its particle ("kündigten ... an")
        lem = lemma(t.low, lex.lang)
        return lem in lex.planned_lemmas or (particle is not None and particle + lem in lex.planned_lemmas)

    cut = next((k for k in range(trigger + 1, len(tokens)) if tokens[k].clause == clause
                and tokens[k].low in lex.condition_openers), len(tokens)) if trigger >= 0 else len(tokens)
    # (a condition after the trigger has its own verbs: "said in his speech to the council if the
    #  forecast had been revised")
    # a plan word after a conjunction is the next verb's, not the trigger's ("discussed it with Blair
    # on Saturday and promised to ...", "broke down when ... a new plan"); an "and" that joins names
    # plans on ("the meeting between Marchionne and GM's Wagoner is due to ...")
    barrier = next((j for j in range(trigger + 1, len(tokens)) if trigger >= 0 and (
        tokens[j].low in lex.subordinators or (verb and tokens[j].low in lex.complementizers)
        or (verb and tokens[j].low in lex.coordinators
                                               and _verb_follows(tokens, j, lex))
        or (not lex.verb_final and tokens[j].low in lex.relative))), len(tokens))
    # (where verbs do not end their clause, a relative word opens one with no comma: "hosted a dinner
    #  in November where the prime minister told him he would stand down")
    return any((t.low in lex.planned and (trigger < 0 or k < trigger or governs(k)) or (of_plan(t) and governs(k) and not noun(k)))
               and k <= barrier
               and not _plans_a_later_noun(tokens, k, trigger, lex) and not _attribute_of_next(tokens, k, trigger, lex)
               for k, t in enumerate(tokens)
               if t.clause == clause and k != trigger and k < cut and (conj is None or conj[k] == part)
               and not (k and t.cap and not lex.nouns_capitalised))
    # (where only names are capitalised, a capitalised word is part of one: "the Economic Planning
    #  Advisory Council" plans nothing)
    # (the trigger is no cue of itself: "OPEC ministers agreed in Geneva last December" met)
    # (a modal after the trigger is governed like a verb: "EU leaders at a summit in Lisbon pledged the
    #  economy would outstrip ...": the subject's, not the summit's)


_BE_TO_REACH = 3  # words from "to" to the trigger: "is to hold membership talks"


def _be_to(tokens: list[Token], trigger: int, lex: EventLexicon) -> bool:
    """English "be" + "to" + a bare verb, the trigger or the verb before its noun ("are to meet",
    "is to hold membership talks"): what is arranged to happen (a purpose after another verb has
    no "be": "went to meet")."""
    if not lex.future_copulas:
        return False
    for k in range(max(1, trigger - _BE_TO_REACH - 1), trigger):
        if tokens[k].low in lex.infinitive_markers and tokens[k - 1].low in lex.future_copulas \
                and tokens[k].clause == tokens[trigger].clause and tokens[k + 1].text.islower() \
                and lemma(tokens[k + 1].low, lex.lang) == tokens[k + 1].low:
            return True
    return False


_ATTRIBUTE_REACH = 3  # words from "upcoming" to its noun: "the upcoming NATO summit"


def _agreed(tokens: list[Token], trigger: int, lex: EventLexicon) -> bool:
    """An agreement noun, then one of ``agreement_objects``, then the trigger past its article
    ("a deal to acquire", "an agreement for the supply of gas", "Abkommen über die Lieferung")."""
    k = trigger - 1
    while k > 0 and tokens[k].low in lex.articles and tokens[k].clause == tokens[trigger].clause:
        k -= 1
    return k > 0 and tokens[k].low in lex.agreement_objects and tokens[k - 1].clause == tokens[trigger].clause \
        and lex.agreement_nouns is not None and bool(lex.agreement_nouns.fullmatch(tokens[k - 1].low))


def _attribute_of_next(tokens: list[Token], k: int, trigger: int, lex: EventLexicon) -> bool:
    """Whether the English participle of plans at ``k``, after the trigger, is the attribute of
    the noun right after it ("Talks on Russia's proposed membership of the WTO resumed"): it plans
    that noun, not the trigger ("talks planned for Monday", "talks proposed by France" still do)."""
    if lex.nouns_capitalised or trigger < 0 or k <= trigger or not tokens[k].low.endswith("ed") \
            or k + 1 >= len(tokens):
        return False
    nxt = tokens[k + 1]
    return nxt.clause == tokens[k].clause and nxt.text.isalpha() and nxt.text.islower() \
        and nxt.low not in lex.pp_openers and nxt.low not in lex.articles and nxt.low not in lex.determiners \
        and nxt.low not in lex.infinitive_markers and nxt.low not in lex.coordinators \
        and nxt.low not in lex.agent_prepositions


def _plans_a_later_noun(tokens: list[Token], k: int, trigger: int, lex: EventLexicon) -> bool:
    """Whether the prospective word at ``k``, after the trigger, is the attribute of a later
    meeting or shipment noun ("met in Paris on Monday ahead of the upcoming NATO summit"): it
    plans that noun, not the trigger."""
    if trigger < 0 or k <= trigger or tokens[k].low not in lex.prospective:
        return False
    return any(tokens[j].clause == tokens[k].clause and any(t.kind == "noun" for t in lex.triggers_for(tokens[j].low))
               for j in range(k + 1, min(len(tokens), k + 1 + _ATTRIBUTE_REACH)))


def preposition_of(tokens: list[Token], trigger: int, lex: EventLexicon, openers: frozenset[str]) -> int:
    """The index of the preposition among ``openers`` whose phrase the trigger ends, past its
    article and adjectives ("Beim Gipfel", "after failed talks"), else -1."""
    k = trigger - 1
    while k > 0 and trigger - k < 4 and tokens[k].clause == tokens[trigger].clause and (
            tokens[k].low in lex.articles or tokens[k].low in lex.determiners or tokens[k].text.islower()
            and tokens[k].low not in openers):
        k -= 1
    return k if trigger > 0 and k >= 0 and tokens[k].low in openers and tokens[k].clause == tokens[trigger].clause else -1


def talk_of_talks(tokens: list[Token], trigger: int, lex: EventLexicon) -> bool:
    """Whether a talk noun is where knowledge comes from ("I know from my discussions with council
    leaders", "Aus Gesprächen mit Diplomaten weiß man") or a count of many ("40 Gespräche mit
    Eltern", "numerous discussions"): no one meeting, unless a place or a date makes it one."""
    if preposition_of(tokens, trigger, lex, lex.knowledge_sources) >= 0:
        return True
    k = trigger - 1
    if k >= 0 and tokens[k].low not in lex.series_words and not tokens[k].text[:1].isdigit() and k > 0:
        k -= 1  # one adjective between ("40 lange Gespräche", "numerous private meetings")
    return k >= 0 and tokens[k].clause == tokens[trigger].clause and (
        tokens[k].low in lex.series_words or tokens[k].text.isdigit() and int(tokens[k].text) > 1)


def in_sequence(tokens: list[Token], trigger: int, lex: EventLexicon) -> bool:
    """Whether the trigger ends a phrase of sequence ("Nach den Gesprächen", "after talks with
    farmers", "before the summit"): its event comes before or after the clause's."""
    return preposition_of(tokens, trigger, lex, lex.sequence_prepositions) >= 0


def ordered_against(tokens: list[Token], trigger: int, lex: EventLexicon) -> frozenset[int]:
    """The starts of the event nouns of its type that the trigger's clause places it before or
    after ("Noch vor dem Treffen wird am Donnerstag ein Mini-Gipfel stattfinden", "after the
    summit, the ministers met"): it is another event than theirs."""
    kinds = {t.type for t in lex.triggers_for(tokens[trigger].low)}
    return frozenset(tokens[k].start for k in range(len(tokens)) if k != trigger
                     and tokens[k].clause == tokens[trigger].clause and any(
                         tr.type in kinds and tr.kind == "noun" for tr in lex.triggers_for(tokens[k].low))
                     and in_sequence(tokens, k, lex))


def _in_pp(tokens: list[Token], trigger: int, lex: EventLexicon) -> bool:
    """Whether the trigger opens no clause but ends a prepositional phrase ("Beim Gipfel hatte man
    vereinbart", "war bei der Balkankonferenz ... vereinbart worden": the plan is of something else)."""
    return preposition_of(tokens, trigger, lex, lex.pp_openers) >= 0


def _verb_follows(tokens: list[Token], j: int, lex: EventLexicon) -> bool:
    """Whether the coordinator at ``j`` joins another verb: a small word that is no article follows
    ("and promised", "und wollen"), not a name or a noun phrase ("and GM's Rick Wagoner")."""
    if j + 1 >= len(tokens):
        return False
    nxt = tokens[j + 1]
    return nxt.text[:1].islower() and nxt.low not in lex.articles and nxt.low not in lex.determiners


def _final_particle(tokens: list[Token], clause: int, lex: EventLexicon) -> Optional[str]:
    """The verb particle that ends a clause ("Die USA kündigten Lieferungen an die Ukraine an.")."""
    last = [k for k, t in enumerate(tokens) if t.clause == clause and t.text[:1].isalnum()]
    return tokens[last[-1]].low if last and tokens[last[-1]].low in lex.separable else None


def conjuncts(tokens: list[Token], verbs: list[int], lex: EventLexicon) -> list[int]:
    """A conjunct number per token: a coordinator ("und", "and") that stands between two
    event verbs of one clause starts a new conjunct; elsewhere (nouns: "Weizen und Mais")
    it joins nothing."""
    cuts = set()
    verbs = sorted(verbs)
    for a, b in zip(verbs, verbs[1:]):
        if tokens[a].clause != tokens[b].clause:
            continue
        for k in range(a + 1, b):
            if tokens[k].low in lex.coordinators:
                cuts.add(k)
                break
    out, part = [], 0
    for k in range(len(tokens)):
        if k in cuts:
            part += 1
        out.append(part)
    return out


def _alleged_past(tokens: list[Token], clause: int, lex: EventLexicon) -> bool:
    """A perfect infinitive in the clause: a German participle before "haben"/"sein" ("soll
    Waffen geliefert haben"), an English "to have" before a participle ("said to have met"):
    what a modal or a verb of saying claims happened, not what is planned."""
    aux = lex.perfect_auxiliaries
    if not aux:
        return False
    ks = [k for k in range(len(tokens)) if tokens[k].clause == clause]
    for k in ks:
        if tokens[k].low not in aux or k == 0:
            continue
        if lex.verb_final:
            prev = tokens[k - 1]
            if prev.clause == clause and not prev.cap and prev.low.startswith("ge") and prev.low.endswith(("t", "en")):
                return True
        elif tokens[k - 1].low in lex.infinitive_markers and k + 1 < len(tokens) \
                and tokens[k + 1].low.endswith(("ed", "en", "t")) and tokens[k + 1].low != "to":
            return True
    return False


def gerund_of_plan(tokens: list[Token], trigger: int, lex: EventLexicon) -> bool:
    """Whether the trigger is the object of a gerund of sequence ("before chairing a meeting in
    Cape Town", "after holding talks") that hangs on a verb with a plan ("He will visit an
    orphanage in Tanzania before ..."): a gerund has no tense of its own, it takes the plan
    of the verb it depends on: a future auxiliary or a word of plans before "to" ("is due
    to arrive ... before holding talks"); not a verb of announcing ("announced the package
    before visiting Kenya"). English only (German clauses of sequence are finite)."""
    if lex.verb_final:
        return False
    g = next((k for k in range(trigger, max(0, trigger - _GERUND_OBJECT) - 1, -1)
              if tokens[k].low.endswith("ing") and k and tokens[k - 1].low in lex.sequence_prepositions), None)
    if g is None:
        return False
    head = tokens[g - 1].clause
    return any(t.clause in (head, head - 1) and (t.low in lex.future_auxiliaries or t.low in lex.planned and k + 1 < g
                                                 and tokens[k + 1].low in lex.infinitive_markers)
               for k, t in enumerate(tokens[:g - 1]))


_GERUND_OBJECT = 3  # words from a gerund to the noun it governs ("before chairing a meeting")
