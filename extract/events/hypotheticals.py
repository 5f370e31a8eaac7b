"""Events a clause refuses, denies by its subject or only demands (issue 13, silver review): a
refusal governing an infinitive ("refusal to hold talks", "weigerte sich, Verhandlungen zu
führen"), a negative subject ("None of the members has asked for a meeting"), a German verb at
the end of its clause negated before it ("werde nicht über den Antrag beraten"), and an
obligation in the unreal mood ("müssten in die Schweiz gebracht werden"), and a wish
or chance that did not come true ("she would have met him").

    refused_infinitive(tokens, i, lex) -> bool
    negative_subject(tokens, i, lex) -> bool
    negated_verb_final(tokens, i, lex) -> bool
    unreal_obligation(tokens, i, lex) -> bool
    counterfactual(tokens, i, lex) -> bool
"""
from __future__ import annotations

import re

from extract.events.lexicon import EventLexicon
from extract.events.senses import prepositions
from extract.text.document import Token, clause_start
from extract.text.lemmas import lemma

_INFINITIVE_OBJECT = 3  # words between "to" + its verb and the trigger noun ("to hold formal talks")


def _refusal(tok: Token, lex: EventLexicon) -> bool:
    return tok.low in lex.refusals or lemma(tok.low, lex.lang) in lex.refusals


def _refuses(clause: list[Token], lex: EventLexicon, near: list[Token]) -> bool:
    """A verb of refusal among ``near``, also as a separable verb whose particle ends ``clause``
    ("lehnte es ab": "ablehnen")."""
    particles = [t.low for t in clause if t.low in lex.separable]
    return any(_refusal(t, lex) or any(p + lemma(t.low, lex.lang) in lex.refusals for p in particles) for t in near)


def refused_infinitive(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """Whether the trigger is the infinitive, or its object, that a refusal governs: English
    "refused to attend the summit", "the refusal to hold talks" ("to", a verb, at most a few
    words of its object, no preposition: not "failed to reach a deal at the talks"); German
    "weigerte sich, ... Verhandlungen zu führen", "Die Weigerung, ... zu führen": the clause
    before the trigger's ends in a refusal and the trigger's clause is a "zu" infinitive."""
    clause = tokens[i].clause
    if lex.verb_final:
        own = [k for k in range(len(tokens)) if tokens[k].clause == clause and tokens[k].text[:1].isalpha()]
        if not own or own[0] == 0 or not _zu_infinitive(tokens, own, lex):
            return False
        before = [tokens[k] for k in range(own[0]) if tokens[k].clause == tokens[own[0] - 1].clause]
        nxt = own[-1] + 1 + (own[-1] + 1 < len(tokens) and not tokens[own[-1] + 1].text[:1].isalpha())
        after = [t for t in tokens[nxt:] if t.clause == tokens[nxt].clause] if nxt < len(tokens) else []
        # ("Den Vorschlag, Hubschrauber nach Tirol zu entsenden, lehnte er ab": the fronted object's verb after it)
        return _refuses(before, lex, before[-4:]) or bool(after) and after[0].text.islower() and _refuses(after, lex, after)

    for k in range(i - 1, max(-1, i - 3 - _INFINITIVE_OBJECT), -1):
        t = tokens[k]
        if t.clause != clause:
            return False
        if t.low in lex.infinitive_markers:  # ("to" is a preposition too: read it first as the infinitive's)
            return k > 0 and _refusal(tokens[k - 1], lex)
        if t.low in prepositions(lex):
            return False  # "unlikely to ease ahead of a meeting": the meeting is the phrase's, not the verb's
    return False


_ZU_INFIX = re.compile(r"[a-zäöü]{2,}zu[a-zäöüß]{2,}en")  # "aufzunehmen"


def _zu_infinitive(tokens: list[Token], own: list[int], lex: EventLexicon) -> bool:
    """Whether a German clause ends in a "zu" infinitive: "zu" and a small-written verb as its
    last words ("Verhandlungen zu führen"), or a verb with "zu" inside ("aufzunehmen"); not the
    preposition ("zu einem Hearing geladen")."""
    last = tokens[own[-1]]
    if not last.text.islower():
        return False
    return bool(_ZU_INFIX.fullmatch(last.low)) or (len(own) > 1 and tokens[own[-2]].low in lex.infinitive_markers)


def negative_subject(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """Whether the trigger's clause opens with a negative pronoun as its subject ("None of the
    OPEC members has asked for such a meeting", "Niemand hat die Gespräche in Wien besucht"),
    also after "that"/"dass" and a quote ('quoted as saying that "none of the members has asked ...')."""
    if not lex.negative_subjects:
        return False
    first = clause_start(tokens, i)
    told = [k for k in range(first, i) if tokens[k].low in lex.complementizers]
    if told:
        first = told[-1] + 1  # the reported clause's own subject: 'saying that "none of the OPEC members has asked ..."'
    while first < i and not tokens[first].text[:1].isalnum():
        first += 1  # (a quote before it)
    return first < i and tokens[first].low in lex.negative_subjects


def negated_verb_final(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """Whether a German verb trigger at the end of its clause (past its helpers) is negated by a
    "nicht" or "nie" anywhere before it in the clause ("Die Regierung werde am Montag nicht über
    den Antrag beraten"); not when "sondern" gives the event another place or time ("nicht in
    Wien, sondern in Graz treffen")."""
    if not lex.verb_final or not lex.clause_negators:
        return False
    clause = [k for k in range(len(tokens)) if tokens[k].clause == tokens[i].clause]
    after = [tokens[k].low for k in clause if k > i and tokens[k].text[:1].isalpha()]
    if any(w not in lex.auxiliaries and w not in lex.separable for w in after):
        return False  # the trigger does not end its clause: the verb-second negation reads it
    if any(t.low in lex.contrast_links for t in tokens[i + 1:]) or any(t.low in lex.contrast_links for t in tokens[:i]
                                                                       if t.clause == tokens[i].clause):
        return False
    return any(tokens[k].low in lex.clause_negators and not (k + 1 < len(tokens) and tokens[k + 1].low in lex.restrictives)
               for k in clause if k < i)


def unreal_obligation(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """Whether the trigger's clause holds a modal of obligation in the unreal mood ("Die Abfälle
    müssten eigentlich in die Schweiz gebracht werden"): what would have to happen, not what did."""
    return bool(lex.unreal_obligations) and any(
        t.low in lex.unreal_obligations for t in tokens if t.clause == tokens[i].clause)


def counterfactual(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """A wish or chance that did not come true: an auxiliary of the unreal with its partner in
    the trigger's clause ("Er hätte nach Ägypten fliegen wollen", "she would have met him"),
    not an obligation ahead ("would have to meet"). For verbs: a summit named in the clause
    ("die Aufträge vom letzten Gipfel hätten ... sollen") took place all the same."""
    aux, partners = lex.counterfactual_auxiliaries, lex.counterfactual_partners
    if not aux:
        return False
    clause = [k for k in range(len(tokens)) if tokens[k].clause == tokens[i].clause]
    for k in clause:
        if tokens[k].low in aux:
            after = [m for m in clause if m > k and tokens[m].low in partners]
            if after and not (after[0] + 1 < len(tokens) and tokens[after[0] + 1].low in lex.infinitive_markers):
                return True
    return False
