"""Other senses of a trigger word, read from the words around it (issue 13): a participle that
is an adjective ("imported equipment"), a verb of telling whose object is no delegation, a
trade word with a share after it (a statistic), a verb of travel or moving with an object of
its own ("returning Mr Livingstone to the party", "moves to lift the ban")."""
from __future__ import annotations

import re

from extract.events.goods import is_measure
from extract.events.lexicon import EventLexicon
from extract.events.sides import international_word
from extract.text.document import Token, clause_start, without_possessive
from extract.text.lemmas import lemma
from extract.text.people import people_lexicon


def transitive_travel(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """Whether an English verb of travel has a direct object right after it: an article,
    a determiner or a title ("returning Mr Livingstone to the Labour Party", "returned the
    favour"); a journey takes a preposition or an adverb ("returned to Kiev", "flew home")."""
    if i + 1 >= len(tokens) or tokens[i + 1].clause != tokens[i].clause:
        return False
    nxt = tokens[i + 1].low
    return nxt in lex.articles or nxt in lex.determiners or people_lexicon(lex.lang).is_title(nxt)


def step_to(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """"to", a bare verb and the start of its object right after the word at ``i`` ("moves to lift
    the ban", "moved to block a takeover"): the verb of moving means taking a step."""
    if i + 3 >= len(tokens) or tokens[i + 1].low not in lex.infinitive_markers:
        return False
    verb, obj = tokens[i + 2], tokens[i + 3]
    return verb.text.isalpha() and verb.text.islower() and verb.low not in lex.articles \
        and verb.low not in lex.determiners and lemma(verb.low, lex.lang) == verb.low \
        and (obj.low in lex.articles or obj.low in lex.determiners) and obj.clause == tokens[i].clause


def attributive_participle(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """Whether an English participle of a shipping verb stands as an adjective before its noun
    ("operate imported equipment", "the cost of imported oil"): after a preposition, an article
    or a base verb after "to", with a small-written word after it."""
    t = tokens[i]
    if lex.nouns_capitalised or i + 1 >= len(tokens):
        return False
    if t.low.endswith("ing"):
        return _present_attribute(tokens, i, lex)
    if not t.low.endswith("ed") or i == 0:
        return False
    prev, nxt = tokens[i - 1], tokens[i + 1]
    if not (nxt.text.isalpha() and nxt.text.islower()) or nxt.low in lex.pp_openers or nxt.low in lex.articles:
        return False
    if prev.low in lex.pp_openers or prev.low in lex.genitive_articles or prev.low in lex.articles \
            or prev.low in lex.determiners:
        return True
    base = lemma(prev.low, lex.lang)  # a bare verb after "to" ("to operate imported equipment"; "to be delivered" is a passive)
    return i >= 2 and tokens[i - 2].low in lex.infinitive_markers and prev.text.islower() and base == prev.low \
        and base not in ("be", "have", "get")


def _present_attribute(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """An English "-ing" form before a noun of members or sides, also across "and" and another
    "-ing" form: "between importing and exporting countries", "the exporting nations" tell who
    trades, not a flow ("exporting oil", "importing 30 tanks" have an object)."""
    k = i + 1
    if k + 1 < len(tokens) and tokens[k].low in lex.coordinators and tokens[k + 1].low.endswith("ing"):
        k += 2
    return k < len(tokens) and tokens[k].clause == tokens[i].clause \
        and (tokens[k].low in lex.member_words or tokens[k].low in lex.pair_nouns)


_STATE_MODIFIERS = 2  # small-written words between an article and the state reached ("a broad new consensus")


def state_reached(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """Whether a verb of arriving at ``i`` reaches a state, not a place: "failed to reach
    agreement", "reached a broad consensus", "eine Einigung erreicht". English reads the object
    right after the verb (past an article and small-written modifiers); German, whose object may
    stand before the verb, reads the verb's clause, nouns by their compound's head
    ("Rekordniveau")."""
    def state(low: str) -> bool:
        return low.rsplit("-", 1)[-1].endswith(lex.reached_states) if lex.nouns_capitalised \
            else low in lex.reached_states
    if lex.nouns_capitalised:  # (a state in a phrase of its own is none: "Nach der Einigung erreichte der Zug Lwiw")
        return any(state(t.low) and not _after_preposition(tokens, k, lex)
                   for k, t in enumerate(tokens) if t.clause == tokens[i].clause and t.cap)
    k, modifiers = i + 1, 0
    while k < len(tokens) and tokens[k].clause == tokens[i].clause:
        t = tokens[k]
        if state(t.low):
            return True
        if t.low in lex.articles or t.low in lex.determiners:
            k += 1
            continue
        if not (t.text.isalpha() and t.text.islower()) or t.low in lex.pp_openers or modifiers == _STATE_MODIFIERS:
            return False
        k, modifiers = k + 1, modifiers + 1
    return False


def _after_preposition(tokens: list[Token], k: int, lex: EventLexicon) -> bool:
    """Whether the noun at ``k`` heads a prepositional phrase (past its article and small-written modifiers)."""
    j = k - 1
    while j >= 0 and tokens[j].clause == tokens[k].clause and (
            tokens[j].low in lex.articles or tokens[j].low in lex.determiners or tokens[j].text.islower()
            and tokens[j].low not in lex.pp_openers):
        j -= 1
    return j >= 0 and tokens[j].low in lex.pp_openers


_ADDRESSEE_REACH = 4  # words from a verb of telling to the delegation it tells ("told private grain trade officials")


def delegation_after(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """Whether the object right after a verb of telling is a delegation, officials or
    representatives (small-written words between: "told visiting trade officials")."""
    for t in tokens[i + 1:i + 1 + _ADDRESSEE_REACH]:
        if t.clause != tokens[i].clause:
            return False
        if t.low in lex.delegations:
            return True
        if not (t.text.isalpha() and t.text.islower()) or t.low in lex.pp_openers:
            return False
    return False


_SHARE_REACH = 6  # words after a trade word to the share that makes it a statistic ("exports rose by only 0.6%")


def share_told(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """Whether a share follows the trade word at ``i`` in its clause and no other figure is told
    there, nor an end of the flow right after it ("Non-EU imports rose 3%"; not "exported 84,960
    tonnes, up 3 pct", "grew 34%, to $14bn", "exports to China rose 14.6 pct")."""
    clause = [k for k in range(len(tokens)) if tokens[k].clause == tokens[i].clause]
    if any(is_measure(tokens, k, lex) for k in clause if k > 0):
        return False
    if i + 2 < len(tokens) and tokens[i + 1].low in lex.flow_ends and tokens[i + 2].cap:
        return False  # "Japan's exports to China rose 14.6 pct": a flow between two places
    shares = [k for k in clause if i < k <= i + _SHARE_REACH and tokens[k].low in lex.percent_words]
    figures = [k for k in clause if any(c.isdigit() for c in tokens[k].text) and k + 1 not in shares
               and not (k + 1 < len(tokens) and tokens[k + 1].low in lex.percent_words)]
    return bool(shares) and not figures  # (a value is a flow's size: "fell 4 pct to 562 mln dlrs")


def broadcast_purpose(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """Whether a meeting verb's gathering is for a broadcast or the net: a word of
    ``virtual_words`` after a purpose preposition in the verb's clause ("kommen ... zu ihrer
    letzten Fernsehdebatte zusammen", "meet for a televised debate"), no meeting in a place."""
    if not lex.virtual_words or not lex.purpose_prepositions:
        return False
    seen = None
    for k in range(i + 1, len(tokens)):
        t = tokens[k]
        if t.clause != tokens[i].clause:
            return False
        if t.low in lex.purpose_prepositions:
            seen = k
        elif seen is not None and k - seen <= _PURPOSE_REACH and t.low.rstrip("-").startswith(lex.virtual_words):
            return True
    return False


_PURPOSE_REACH = 3  # words from the preposition to the broadcast word ("zu ihrer letzten Fernsehdebatte")


_SEASON = re.compile(r"(?:1[89]|20)\d\d(?:[/-]\d\d(?:\d\d)?)?")  # "2014/15", "2004-05", "1986"


def session_period(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """Whether a sitting noun names a body's working season by its years: a year or a span of
    two right after it or right before it ("die Bilanz der Tagung 2014/15", "the 2004-05
    session"), a period, not one meeting."""
    if tokens[i].low.rsplit("-", 1)[-1] not in lex.session_nouns:
        return False
    after = tokens[i + 1] if i + 1 < len(tokens) and tokens[i + 1].clause == tokens[i].clause else None
    before = tokens[i - 1] if i and tokens[i - 1].clause == tokens[i].clause else None
    return any(t is not None and _SEASON.fullmatch(t.text) for t in (after, before))


_HOSTED_REACH = 3  # words of the object phrase read after the determiner ("a delegation of", "the new ambassador")


def thing_hosted(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """Whether an English verb of hosting has a thing as its object: the words right after it,
    past a determiner and up to a preposition, are written small and hold no title, delegation
    or meeting noun ("received money from the regime", "welcomed the decision", "welcome
    refugees"); a guest is named or titled ("received the ambassador", "welcomed Chinese
    Premier Li", "welcomed him", "a delegation of bishops"), and a hosted meeting is its own
    noun ("hosted talks")."""
    if lex.nouns_capitalised or i + 1 >= len(tokens) or tokens[i + 1].clause != tokens[i].clause:
        return False
    k = i + 1 + (tokens[i + 1].low in lex.determiners)
    if tokens[k - 1].low in lex.agent_prepositions or k < len(tokens) and tokens[k].low in lex.agent_prepositions:
        return False  # "is being hosted by Tony Blair": a passive, its guest is the subject
    stops = prepositions(lex)
    words = []
    while k < len(tokens) and len(words) < _HOSTED_REACH and tokens[k].clause == tokens[i].clause \
            and tokens[k].low not in stops:
        words.append(tokens[k])
        k += 1
    if not words or not words[0].text.isalpha() or words[0].low.endswith("ly"):
        return False  # "was received by", "warmly welcomed": no object phrase read here
    for n, t in enumerate(words):
        if n and not t.text.islower():
            break  # "money from Saddam Hussein's regime": a phrase of its own begins
        if not t.text.islower() or t.low in lex.object_pronouns or t.low in lex.pronouns or t.low in lex.delegations \
                or people_lexicon(lex.lang).is_title(t.low) \
                or any(x.type == "meeting" and x.kind == "noun" for x in lex.triggers_for(t.low)):
            return False
    return True


_PREPOSITIONS: dict[str, frozenset[str]] = {}


def prepositions(lex: EventLexicon) -> frozenset[str]:
    """The words that open a phrase after an object: the lexicon's phrase openers, its genitive
    and agent prepositions, and every one-word role cue ("from", "to", "via")."""
    hit = _PREPOSITIONS.get(lex.lang)
    if hit is None:
        cues = {ph[0] for by_role in lex.roles.values() for phrases in by_role.values() for ph in phrases if len(ph) == 1}
        hit = _PREPOSITIONS[lex.lang] = frozenset(lex.pp_openers | lex.genitive_articles | lex.agent_prepositions | cues)
    return hit


_CONDITION_REACH = 12  # words from a conjunction of condition to the trigger in its clause


def conditional_clause(tokens: list[Token], i: int, lex: EventLexicon,
                       date_starts: frozenset[int] = frozenset()) -> bool:
    """Whether the trigger stands in a clause of condition: one opened by a conjunction of
    ``conditional_openers`` ("Falls die Waffen nach Syrien geliefert würden", "if the talks go
    ahead", "unless troops are sent"), or by one of ``unreal_openers`` with a verb of the unreal
    mood in it ("Wenn die Minister sich träfen / treffen würden") or with no date in it ("wenn
    die EU und die USA ihr Abkommen ausverhandeln", "Wenn Lehrer Politiker einladen": a
    condition or a habit). A "wenn" of time, dated in its clause ("Wenn sich die Minister am
    Montag treffen"), stays. ``date_starts``: where the sentence's dates begin."""
    if not lex.conditional_openers and not lex.unreal_openers:
        return False
    first = clause_start(tokens, i)
    if tokens[first].low in lex.coordinators and first + 1 < i:
        first += 1  # ", and if the talks fail"
    if any(tokens[k].low in lex.conditional_openers and not (k and lemma(tokens[k - 1].low, lex.lang) in lex.question_heads)
           for k in range(max(first, i - _CONDITION_REACH), i)):
        return True  # also without a comma: "Troops will stay unless the UN sends peacekeepers"
        #              (not a question: "did not remember if he had approved the arms sales")
    if tokens[first].low in lex.unreal_openers:
        clause = [t for t in tokens[first:] if t.clause == tokens[i].clause]
        return any(t.low in lex.unreal_verbs for t in clause) \
            or not any(clause[0].start <= d < clause[-1].end for d in date_starts)
    return False


def verb_first_condition(tokens: list[Token], lex: EventLexicon) -> bool:
    """Whether a German sentence opens with a clause of condition that has no conjunction: a
    finite auxiliary or verb of the unreal mood first ("Werden Kartoffeln aus Ägypten
    eingeführt, kommt das einem Wasserimport gleich", "Würden die Abfälle in Lkws geladen,
    reichte die Kolonne ..."), then the main clause's verb, written small (no relative, article
    or conjunction: "Wurden am Montag 30 Panzer geliefert, die Polen bestellt hatte" tells).
    Neither the condition nor what would follow from it is told as having happened."""
    if not lex.verb_final or len(tokens) < 3 or not tokens[0].cap \
            or tokens[0].low not in lex.auxiliaries | lex.unreal_verbs:
        return False
    head = next((t for t in tokens if t.clause != tokens[0].clause and t.text[:1].isalpha()), None)
    return tokens[-1].text != "?" and head is not None and head.text[:1].islower() \
        and head.low not in lex.relative | lex.articles | lex.subordinators


_ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)")


def numbered_session(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """Whether a sitting noun is counted in its body's series by a numeral ordinal ("the
    assembly's 59th session", "die 12. Sitzung des Landtags"): a standing body's routine, not
    a meeting of sides -- unless its sentence names an intergovernmental body ("zu Beginn der
    31. Sitzung des Menschenrechtsrats", said the UN-Hochkommissar; "the UN General
    Assembly's 59th session"): the delegations of states meet."""
    if not tokens[i].low.rsplit("-", 1)[-1].endswith(lex.session_nouns) or i == 0:
        return False
    prev = tokens[i - 1]
    numbered = prev.text == "." and i >= 2 and tokens[i - 2].text.isdigit() and len(tokens[i - 2].text) <= 3 \
        or bool(_ORDINAL.fullmatch(prev.low))  # "31. Sitzung" (German ordinals take a full stop)
    return numbered and not any(international_word(t, lex) for t in tokens)


def government_sitting(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """Whether a sitting noun is a government's own session: the noun opens with a word of
    ``sitting_bodies`` ("Regierungssitzung") or one stands in its clause ("Die Regierung traf
    sich zu einer Dringlichkeitssitzung", "eine Sitzung der Regierung"), and no counterpart
    is named ("mit den Gewerkschaften", "with the unions": a meeting of sides)."""
    if not lex.sitting_bodies:
        return False
    clause = [t for t in tokens if t.clause == tokens[i].clause]
    sittings = [t for t in clause if t.low.rsplit("-", 1)[-1].endswith(lex.session_nouns)
                and (t.cap or not lex.nouns_capitalised)]  # the trigger, or a verb's purpose ("traf sich zu einer Sitzung")
    if not sittings or any(t.low in lex.comitatives for t in clause):
        return False
    if lex.nouns_capitalised and any(t.low.startswith(b) and len(t.low) > len(b) + 3 for t in sittings for b in lex.sitting_bodies):
        return True
    return any(t.low.rsplit("-", 1)[-1] in lex.sitting_bodies or t.low.rstrip("s") in lex.sitting_bodies
               for t in clause if t not in sittings)


def bare_sitting(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """Whether a bare sitting noun ("die Sitzung am Dienstag", "the session"), no compound,
    stands in a sentence that names no international body and no counterpart ("mit", "with"):
    with no place of its own either, it is some body's own sitting, told after the body ("Im
    neuen Landtag sitzen ... Erstmals war die Sitzung am Dienstag von Dolmetscherinnen
    begleitet"); "OPEC ... a scheduled June session", "die Sitzung der EU-Außenminister" are
    sittings of states. (A public format, "a question and answer session", is no trigger at all.)"""
    if tokens[i].low not in lex.session_nouns:
        return False
    for t in tokens:
        if t.low in lex.comitatives or international_word(t, lex):
            return False
    return True  # (the caller keeps one its sentence places: "Bei der Sitzung in New York")


_COURT_REACH = 5  # words from a verb of arriving to the court it names ("arrived at Spain's High Court")


def to_court(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """Whether a verb of going or arriving at ``i`` goes to a court (``court_words`` within a
    few words after it in its clause: "As he arrived at Spain's High Court", "kam zum
    Landesgericht"): an appearance in court, no visit."""
    return any(without_possessive(tokens[k].low).rsplit("-", 1)[-1] in lex.court_words
               or lex.nouns_capitalised and tokens[k].low.endswith(("gericht", "gerichts", "gerichtshof"))
               for k in range(i + 1, min(len(tokens), i + 1 + _COURT_REACH)) if tokens[k].clause == tokens[i].clause)
