"""Small predicates on a mention's words: which mentions a word belongs to, a place joined by a
coordinator, a place in a relative clause about another, a talk noun after "the", a
possessive that names the traveller."""
from __future__ import annotations

from typing import Optional

from extract.events.lexicon import EventLexicon
from extract.events.roles import EventMention
from extract.text.document import Token
from extract.text.lemmas import lemma


_MODIFIER_REACH = 3  # capitalised words between "the" and its noun: "The Downing Street talks"


def definite(tokens: list[Token], ti: int, trig, lex: EventLexicon) -> bool:
    """Whether the talk noun at ``ti`` follows a definite article, past capitalised modifiers only
    ("The Downing Street talks", "die Gespräche"); a summit is not one ("the Brussels summit")."""
    if trig.kind != "noun" or tokens[ti].low.rsplit("-", 1)[-1].endswith(lex.summit_nouns):
        return False
    k = ti - 1
    while k >= 0 and ti - k <= _MODIFIER_REACH and tokens[k].clause == tokens[ti].clause:
        if tokens[k].low in lex.definite_articles:
            return True
        if not tokens[k].cap:
            return False
        k -= 1
    return False


def possessed(m: EventMention, tokens: list[Token], lex: EventLexicon) -> bool:
    """A possessive before a visit noun names the person travelling ("Sein Indien-Besuch"),
    unless a crowd is who travels ("Flüchtlinge ... auf ihre Weiterreise")."""
    ti = m.trigger_idx
    return m.trigger_def.kind == "noun" and any(
        t.low in lex.person_possessives for t in tokens[max(0, ti - 3):ti] if t.clause == m.trigger.clause) \
        and not any(t.low in lex.person_groups or lemma(t.text, lex.lang) in lex.person_groups for t in tokens)


def coordinated_role(tokens: list[Token], i: int, m: EventMention, place_idx: dict, lex: EventLexicon):
    """The role of the place a coordinator joins this one to ("to Germany or Japan"); not of one
    that owns what follows it ("arms sales to Iran and China's political situation")."""
    if i < 2 or tokens[i - 1].low not in lex.coordinators and tokens[i - 1].low not in lex.disjunctions \
            or tokens[i].low.endswith(("'s", "’s")) and i + 1 < len(tokens) and tokens[i + 1].text.islower():
        return None
    prev = place_idx.get(i - 2)
    if prev is None:
        return None
    return _role_held(m, prev)


def listed_role(text: str, tokens: list[Token], i: int, m: EventMention, place_idx: dict, lex: EventLexicon):
    """The role of the list a place continues: the place before it, in its clause, with only a
    comma or a list joiner (and an article) between ("from West Germany, Japan, Italy and
    Spain", "aus Argentinien, Brasilien und Uruguay nach Ägypten", "Portugal and the Czech
    Republic"); the list's first item took its role from its cue, and the items share it."""
    before = [(k, pm) for k, pm in place_idx.items() if k < i and pm.end <= tokens[i].start]
    if not before:
        return None
    k, prev = max(before, key=lambda kp: kp[1].end)
    if tokens[k].clause != tokens[i].clause or tokens[i].low.endswith(("'s", "’s")):
        return None
    gap = [w.lower() for w in text[prev.end:tokens[i].start].replace(",", " , ").split()]
    if gap and gap[-1] in lex.articles:
        gap = gap[:-1]
    if gap != [","] and not (len(gap) in (1, 2) and gap[-1] in lex.list_joiners and gap[0] in (",", gap[-1])):
        return None  # ", ", " and ", ", and ", " und ": one list; "and to", "bound for" are cues of their own
    return _role_held(m, prev)


def _role_held(m: EventMention, prev) -> Optional[str]:
    for role, found in m.roles.items():
        if any(pm is prev for pm in found):
            return role
    return None


def in_relative_about_place(tokens, i, covered, heads, lex, mentions) -> bool:
    """A place in a relative clause about another place ("X, der in der Nähe von Y liegt")."""
    c = tokens[i].clause
    if any(m.trigger.clause == c for m in mentions):
        return False
    head = heads.get(c)
    if head is None or head.low not in lex.relative:
        return False
    hi = tokens.index(head)
    return hi > 0 and (hi - 1) in covered


def trigger_distance(tokens: list[Token], ti: int, tok: Token) -> float:
    """Token distance from a trigger to a word; a trigger after the word counts 1.5 times."""
    i = next(k for k, t in enumerate(tokens) if t.start >= tok.start)
    return abs(i - ti) * (1.5 if ti > i else 1.0)


def owners(mentions: list[EventMention], i: int, lex: EventLexicon,
            tokens: list[Token], conj: list[int]) -> list[EventMention]:
    """The mentions the word at ``i`` belongs to: those of its clause (the nearest trigger
    by type, one in the same conjunct first), else the nearest trigger's, when at most two
    clauses away and no clause between opens with "aber"/"but" and the like."""
    tok = tokens[i]
    same = [m for m in mentions if m.trigger.clause == tok.clause]
    if same:
        # the nearest trigger of the clause, by type: "Besuch in Washington ... nach New York weiterreisen"
        out = []
        for etype in {m.type for m in same}:
            of_type = [m for m in same if m.type == etype]
            out.append(min(of_type, key=lambda m: (conj[m.trigger_idx] != conj[i],
                                                   trigger_distance(tokens, m.trigger_idx, tok))))
        return out
    m = min(mentions, key=lambda m: (abs(m.trigger.clause - tok.clause), abs(m.trigger.start - tok.start)))
    lo, hi = sorted((m.trigger.clause, tok.clause))
    if hi - lo > 2:
        return []
    heads = {}
    for t in tokens:
        heads.setdefault(t.clause, t.low)
    if any(heads.get(c) in lex.barriers for c in range(lo + 1, hi + 1)):
        return []
    return [m]


def prospective_before(tokens: list[Token], ti: int, lex: EventLexicon, reach: int) -> bool:
    """Whether a word of what lies ahead stands in the ``reach`` words before the noun at ``ti``
    in its clause ("der nächste Finanzministerrat", "the upcoming summit"), or a phrase of
    ``prospective_phrases`` ("kurz vor dem Besuch von Präsident Obama", "shortly before the
    summit": the happening of the clause comes first, the event still lies ahead)."""
    words = [t.low for t in tokens[max(0, ti - reach):ti] if t.clause == tokens[ti].clause]
    if any(w in lex.prospective for w in words):
        return True
    return any(f"{a} {b}" in lex.prospective_phrases for a, b in zip(words, words[1:]))


def other_participle_date(tokens: list[Token], idx: int, ti: int, lex: EventLexicon) -> bool:
    """Whether the date at token ``idx``, after the trigger at ``ti``, ends a participle phrase
    that modifies another noun ("an emergency meeting would address ... the quota set last
    December", "talks on the agreement signed in May"): a past participle (-ed, or one of
    ``irregular_participles``), one preposition between allowed, right after a word that is
    neither the trigger nor an auxiliary ("the meeting held last week", "talks were held on
    Monday" keep the date). Where participles come last (German), this does not apply."""
    if lex.verb_final or idx - 3 <= ti:
        return False
    k = idx - 1
    if tokens[k].low in lex.date_prepositions:
        k -= 1
    word, noun = tokens[k], tokens[k - 1]
    if not (word.low.endswith("ed") or word.low in lex.irregular_participles) or not word.text.islower():
        return False
    if lex.triggers_for(word.low):
        return False  # an event verb of its own ("were moved by rail and arrived on Friday")
    function = lex.progressive_auxiliaries | lex.active_auxiliaries | lex.passive_auxiliaries | lex.coordinators \
        | lex.pp_openers | lex.complementizers | lex.pronouns | lex.negators
    return k - 1 > ti and noun.text.isalpha() and noun.text.islower() and noun.low not in function \
        and noun.low not in lex.articles and not noun.low.endswith("ly") \
        and noun.clause == word.clause == tokens[idx].clause
