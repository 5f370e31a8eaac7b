"""Which way a date without a year points: the tense and intent of its clause.

    clause_tense(text, start, end, grammar) -> +1 (ahead), -1 (back), 0 (no cue)
    word_before_in(text, start, grammar, key) -> whether the word before is in a lexicon list

The cue words are the grammar's (``future_cues``, ``past_cues``, ``present_verbs``,
``infinitive_markers``, ``attributive_determiners`` in ``data/lexicon/timex_<lang>.json``);
this module only measures which cue is nearest and whether a form is a verb at all.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.dates.grammar import Grammar
from extract.text.lemmas import lemma

_WORD = re.compile(r"\w+")
_CLAUSE_END = re.compile(r"[!?;:]|\n(?!\S)|(?<=[a-zäöüß]{2}[a-zäöüß])\.(?:\s|$)|[\"“”„]")
# (a line break followed by a word is a hard-wrapped line inside a sentence, as wire copy writes
#  it: "likely to be held in April\nor June"; one followed by space or another break ends a paragraph)
_CLAUSE_WINDOW = 120


def _clause(text: str, start: int, end: int, grammar: Optional[Grammar] = None,
            coordinated: bool = True) -> tuple[int, int]:
    """Bounds of the clause around a span: up to punctuation, quotes or a window's width, up to
    a word that opens a reported clause after the span ("told ... on Monday that ... would"), and
    up to a comma and conjunction that open a subordinate clause (", bevor", ", when"), or
    (``coordinated``) a coordinated one (", and holds")."""
    lo = max(0, start - _CLAUSE_WINDOW)
    hi = min(len(text), end + _CLAUSE_WINDOW)
    left = [m.end() for m in _CLAUSE_END.finditer(text, lo, start)]
    right = _CLAUSE_END.search(text, end, hi)
    lo, hi = (left[-1] if left else lo), (right.start() if right else hi)
    if grammar is not None and grammar.subclause is not None and "," in text[lo:hi]:
        inner = [m for m in grammar.subclause.finditer(text, lo, start)]
        if inner:
            lo = inner[-1].start()
            if inner[-1].group(1).lower() in grammar.relatives:  # ", who will hold talks on Thursday, said":
                comma = text.find(",", end, hi)                   # a relative clause ends at its comma
                hi = comma if comma != -1 else hi
        after = grammar.subclause.search(text, end, hi)
        hi = after.start() if after else hi
    if grammar is not None and grammar.content_clause is not None:
        told = grammar.content_clause.search(text, end, hi)
        hi = told.start() if told else hi  # "told officials on Monday that tariffs would fall": the telling's tense
    if coordinated and grammar is not None and grammar.coordinated is not None and "," in text[lo:hi]:
        before = [m.end() for m in grammar.coordinated.finditer(text, lo, start)]
        after = grammar.coordinated.search(text, end, hi)
        lo, hi = (before[-1] if before else lo), (after.start() if after else hi)
    return lo, hi


def clause_bounds(text: str, start: int, end: int, grammar: Grammar) -> tuple[int, int]:
    """The bounds of the clause around ``text[start:end]`` (subordinate clauses cut off)."""
    return _clause(text, start, end, grammar)


def clause_tense(text: str, start: int, end: int, grammar: Grammar) -> int:
    """+1 when the nearest tense cue around the span is a future cue, -1 a past one, 0 none.
    The span's own coordinated clause is read first; one with no cue of its own shares the
    verb of the clause it goes on from ("rose 15% over 2004, but by only 3% in the second half")."""
    participle = grammar.lex.get("attributive_present_participle")
    if participle and re.match(r"\s+" + participle + r"(?!\w)", text[end:end + 40]):
        return 1  # "das am Dienstag auslaufende Programm": what runs or comes at that date
    narrow = _clause(text, start, end, grammar)
    sign = _clause_tense(text, start, end, grammar, *narrow)
    if sign == 0 and grammar.coordinated is not None:
        wide = _clause(text, start, end, grammar, coordinated=False)
        if wide != narrow:
            sign = _clause_tense(text, start, end, grammar, *wide)
    if sign == 0 and _sentence_future(text, start, end, grammar, narrow[0]):
        return 1  # "will be explaining ... to Baker, Volcker and Camdessus, before travelling at the weekend"
    return sign


_SENTENCE_OPEN = re.compile(r"(?:(?<=[a-zäöüß\d]{3})\.|[!?])\s+|\n\s*\n")  # no abbreviation ("U.S. Treasury"); a headline ends at its blank line


def _sentence_future(text: str, start: int, end: int, grammar: Grammar, lo: int) -> bool:
    """Whether the sentence before a clause with no tense of its own speaks of the future: its
    nearest tense cue before the clause is a future one."""
    ends = list(_SENTENCE_OPEN.finditer(text, max(0, lo - 300), start))
    first = ends[-1].end() if ends else max(0, lo - 300)
    return first < lo and _clause_tense(text, start, end, grammar, first, lo) > 0


def _clause_tense(text: str, start: int, end: int, grammar: Grammar, lo: int, hi: int) -> int:
    if grammar.perfect is not None and grammar.perfect.search(text, lo, hi):
        return -1  # "sollen im März einen Agenten getroffen haben", "is said to have met in May": the past
    best: Optional[tuple[int, int]] = None  # (distance, -sign) so future wins ties
    present = False  # a present auxiliary that makes no perfect ("Am Dienstag ist er zu Besuch")
    for sign, regex in ((1, grammar.future_cue), (-1, grammar.past_cue)):
        for m in regex.finditer(text, lo, hi):
            if m.start() < end and m.end() > start:
                continue  # a cue inside the expression itself ("last", "next") is the expression's job
            if sign < 0 and _after_determiner(text, m.start(), grammar):
                continue  # "bevor die nächste Runde beginnt", "the planned talks": an adjective
            if sign < 0 and m.group().lower() in grammar.lex.get("perfect_helpers", ()) \
                    and not _participle_ends(text, lo, hi, m.group().lower()):
                present = present or _present_beside(text, m, start, end)
                continue  # "Bis 4. September ist dafür Zeit": a present auxiliary, no perfect
            if sign < 0 and _passive_infinitive(text, m, hi, grammar):
                continue  # "solle bis Mitte Oktober ausgearbeitet und umgesetzt werden": a participle of the passive infinitive
            if sign < 0 and m.group().endswith("en") and grammar.future_cue.match(text, _next_word(text, m.end())):
                continue  # "eine Konferenz abhalten will", "arbeiten soll", "gelingen wird": an infinitive before its modal
            if sign > 0 and m.start() >= end and m.group().lower() in grammar.lex.get("forward_cues", ()):
                continue  # "held talks on Monday ahead of an EU summit": it points only at a date after it
            if sign > 0 and (_cue_noun(text, m, grammar) or in_name(text, m.start())):
                continue  # "announced the plan Aug. 21", "unveiled plans in May": a thing, no tense;
                #           "the National Planning Council": part of a name
            dist = start - m.end() if m.end() <= start else m.start() - end
            key = (dist, -sign)
            if best is None or key < best:
                best = key
    plan = _present_plan(text, lo, hi, grammar, start, end)
    if plan is not None and (best is None or plan <= best[0]):  # a listed present form beats the "-ten" pattern
        return 1  # "told reporters ... when talks reopen in New York on Tuesday": the nearer verb
    if _infinitive_plan(text, start, end, grammar):
        return 1  # "kündigten an, sich im April erneut zu treffen", "agreed to meet again in April"
    if best is None and present:
        return 1  # "Am Dienstag ist der Minister in Warschau zu Besuch": the present of a plan
    return -best[1] if best else 0


_LOWER_WORD = re.compile(r"[^\W\d]+")


def _passive_infinitive(text: str, m: re.Match, hi: int, grammar: Grammar) -> bool:
    """Whether the past cue ``m`` is a participle ("ge" inside, written small) that a passive
    infinitive of the grammar's ``passive_infinitives`` follows in its clause ("ausgearbeitet
    und umgesetzt werden"): it carries the tense of the modal before it, no past of its own."""
    infinitives = grammar.lex.get("passive_infinitives")
    word = m.group()
    if not infinitives or not word.islower() or "ge" not in word[:12]:
        return False
    return any(w in infinitives for w in _WORD.findall(text, m.end(), hi))


_PRESENT_REACH = 5  # characters between a present auxiliary and the date beside it (" am ")
_SEGMENT_END = re.compile(r"[,.;:!?–—]")


def _present_beside(text: str, m: re.Match, start: int, end: int) -> bool:
    """Whether the auxiliary ``m`` stands right beside the date as the finite verb of a
    present clause ("Am Dienstag ist der Minister in Warschau zu Besuch", "Der Minister ist
    am Dienstag zu Gast"): no participle ends its stretch up to the next comma ("Am
    Wochenende hat er den Oman verlassen, ..." is a perfect)."""
    if min(abs(m.start() - end), abs(start - m.end())) > _PRESENT_REACH:
        return False
    stop = _SEGMENT_END.search(text, max(m.end(), end))
    words = _LOWER_WORD.findall(text, max(m.end(), end), stop.start() if stop else len(text))
    return not (words and words[-1].islower() and words[-1].endswith(("t", "en")))


def _participle_ends(text: str, lo: int, hi: int, helper: str) -> bool:
    """Whether a clause ends with a participle, the mark of a perfect: its last word, or the
    last before a clause-final helper, is written small and ends in -t or -en ("ist am Montag
    gekommen", "dass er Paris besucht hat"); a noun ("Zeit") or a name ends none."""
    words = _LOWER_WORD.findall(text, lo, hi)
    if words and words[-1].lower() == helper:
        words = words[:-1]
    return bool(words) and words[-1].islower() and words[-1].endswith(("t", "en")) and words[-1] != helper


def set_in_the_past(text: str, start: int, end: int, grammar: Grammar) -> bool:
    """Whether the clause of a time set ahead ("für Dienstag", "for Friday") has an auxiliary of
    the past perfect (the lexicon's ``past_auxiliaries``: "hatten sich für Dienstag verabredet",
    "had arranged a rally for Saturday"): the time was set before the report, and may have passed."""
    lo, hi = _clause(text, start, end, grammar)
    aux = as_set(grammar.lex.get("past_auxiliaries", []))
    return any(w.lower() in aux for w in _WORD.findall(text, lo, hi))


def planned_in_the_past(text: str, start: int, end: int, grammar: Grammar) -> bool:
    """Whether the clause's plan was told in the past perfect: a future cue with an auxiliary
    of ``past_auxiliaries`` among the two words before it ("who had been due to welcome
    delegates on Friday", "had planned to visit on Monday"). The plan was made before the
    report's time, so its day may have passed: the nearest such day, either way."""
    aux = grammar.lex.get("past_auxiliaries")
    if not aux:
        return False
    aux = as_set(aux)
    lo, hi = _clause(text, start, end, grammar)
    for m in grammar.future_cue.finditer(text, lo, hi):
        if m.start() < end and m.end() > start:
            continue
        before = _WORD.findall(text, max(lo, m.start() - 30), m.start())[-2:]
        if any(w.lower() in aux for w in before):
            return True
    return False


_PREV_WORD = re.compile(r"(\w+)\s+$")


def _after_determiner(text: str, start: int, grammar: Grammar) -> bool:
    """Whether the word before ``start`` is an article or possessive, making the word at
    ``start`` an attribute ("der letzten Sitzung", "a scheduled visit"), not a verb."""
    if not grammar.attributive:
        return False
    m = _PREV_WORD.search(text, max(0, start - 12), start)
    return bool(m) and m.group(1).lower() in grammar.attributive


_PAST_PARTICIPLE = re.compile(r"[a-z]{3,}ed$")


def _next_word(text: str, end: int) -> int:
    """Where the word after ``end`` begins (past white space)."""
    while end < len(text) and text[end].isspace():
        end += 1
    return end


_SENTENCE_OPENERS = ".!?:\"'“„«»(–-"


def in_name(text: str, start: int) -> bool:
    """Whether the word at ``start`` is written capitalised inside a sentence, as a word of a
    name is ("the National Planning Council", "he told Today:"): a tense cue or a deictic word
    is written small, so a capital first letter elsewhere than after a sentence's end makes it
    part of a name."""
    if not text[start:start + 1].isupper() or text[start + 1:start + 2].isupper():
        return False  # (a word in capitals is a headline's: "TALKS TO RESUME TOMORROW")
    before = text[max(0, start - 200):start]
    stripped = before.rstrip()
    if "\n" in before[len(stripped):]:
        return False  # the first word of a line (after a headline)
    return bool(stripped) and stripped[-1] not in _SENTENCE_OPENERS


def _cue_noun(text: str, m: re.Match, grammar: Grammar) -> bool:
    """Whether a future cue that can be a noun (the lexicon's ``future_cue_nouns``) is one here:
    after a determiner or an -ed form."""
    if m.group().lower() not in as_set(grammar.lex.get("future_cue_nouns", [])):
        return False
    prev = _PREV_WORD.search(text, max(0, m.start() - 20), m.start())
    return bool(prev) and (prev.group(1).lower() in grammar.attributive or bool(_PAST_PARTICIPLE.search(prev.group(1).lower())))


def _infinitive_plan(text: str, start: int, end: int, grammar: Grammar) -> bool:
    """Whether the date stands in an infinitive of a verb of plans, with no comma between
    them ("..., sich im April in Warschau zu treffen", "agreed to meet in Oslo in April"):
    what the clause announces or agrees to lies ahead of it."""
    markers = grammar.lex.get("infinitive_markers")
    if not markers:
        return False
    seg_lo = max(text.rfind(",", 0, start), text.rfind(".", 0, start - 1)) + 1
    seg_hi = min((i for i in (text.find(",", end), text.find(".", end)) if i != -1), default=len(text))
    # the infinitive comes last where verbs do ("sich im April ... zu treffen"), else before the
    # date ("agreed to meet ... in April"; not "said on Tuesday that they agreed to reopen talks")
    lo, hi = (end, seg_hi) if grammar.lex.get("infinitive_last") else (seg_lo, start)
    words = list(map(str.lower, _WORD.findall(text, lo, hi)))
    last = grammar.lex.get("infinitive_last")
    for i, (a, b) in enumerate(zip(words, words[1:])):
        if a in markers and b in grammar.present_forms and (last or not grammar.past_cue.search(" ".join(words[i + 2:]))):
            return True  # (no past form between an English infinitive and its date: "to leave after the war ended in May")
    return _intended(text, start, end, seg_lo, seg_hi, grammar)


_ZU_INFIX = re.compile(r"[a-zäöü]{2,}zu[a-zäöüß]{2,}en")  # "aufzunehmen", "stillzulegen" (written small: a verb)


def _intended(text: str, start: int, end: int, seg_lo: int, seg_hi: int, grammar: Grammar) -> bool:
    """Whether the date stands in the infinitive of a verb of intent, decision or request, any
    verb in the infinitive: "NATO has decided to admit Poland ... in early March", "subpoenaed
    him to testify on Feb. 10", "beschlossen, Polen Anfang März aufzunehmen". No past form
    may stand between the infinitive and an English date ("decided to leave after the war ended
    in May"). The verbs are lemmas in the lexicon's ``intent_verbs``."""
    intents = grammar.lex.get("intent_verbs")
    if not intents:
        return False
    intents = as_set(intents)
    markers = as_set(grammar.lex.get("infinitive_markers", []))
    lang = grammar.lang
    if grammar.lex.get("infinitive_last"):  # "..., [date] ... zu treffen" / "aufzunehmen" after a verb of intent
        after = _WORD.findall(text, end, seg_hi)
        if not any(a.lower() in markers for a in after[:-1]) and not any(_ZU_INFIX.fullmatch(w) for w in after):
            return False
        head = text[max(0, text.rfind(".", 0, seg_lo - 1) + 1, seg_lo - _CLAUSE_WINDOW):seg_lo]
        return any(lemma(w, lang) in intents for w in _WORD.findall(head)[-6:])
    lo = max(text.rfind(".", 0, start - 1) + 1, start - _CLAUSE_WINDOW, 0)
    found = list(_WORD.finditer(text, lo, start))
    words = [m.group() for m in found]
    for i in range(len(words) - 2, 0, -1):
        if words[i].lower() in markers:  # the last "to" before the date
            comma = text.rfind(",", found[i].end(), start)
            if comma != -1 and not text[comma + 1:start].lstrip()[:1].isupper():
                return False  # "to try to sell itself, under a June agreement": the phrase ended (not a
                #               list of names: "to admit Poland, Hungary and the Czech Republic in March")
            verbs = [lemma(w, lang) for j, w in enumerate(words[max(0, i - 3):i], max(0, i - 3))
                     if not (j and words[j - 1].lower() in grammar.attributive)]  # "their offers to acquire": a noun
            if intents.isdisjoint(verbs):
                return False
            return not grammar.past_cue.search(" ".join(words[i + 2:]))
    return False


_SETS: dict[int, tuple[list, frozenset]] = {}  # id of a lexicon list -> (the list, kept alive; its set)


def as_set(words: list) -> frozenset:
    """A lexicon list as a set, made once per list."""
    hit = _SETS.get(id(words))
    if hit is None:
        hit = _SETS[id(words)] = (words, frozenset(words))
    return hit[1]


_HYPHENATED = re.compile(r"\w+(?:-\w+)*")
_SPAN_ADJECTIVES = ("-day", "-week", "-month", "-year", "-tägige", "-tägigen", "-tägiger")  # "a three-day visit"
_LAST_WORD = re.compile(r"(\w+)\W{0,3}$")


_LAST_TWO_WORDS = re.compile(r"(\w+)\s+(\w+)\s+$")


def word_before_in(text: str, start: int, grammar: Grammar, key: str) -> bool:
    """Whether the word right before ``start`` is in the grammar's list ``key``:
    "ahead_prepositions" ("für Dienstag", "set for Tuesday": a time set ahead) or
    "bound_prepositions" ("ab 1941", "since 1941": the edge of a span told in passing); one
    of ``date_articles`` may stand before a numbered day ("für den 20. Mai")."""
    words = grammar.lex.get(key)
    if not words:
        return False
    m = _LAST_WORD.search(text, max(0, start - 20), start)
    if m and m.group(1).lower() in words:
        return True
    two = _LAST_TWO_WORDS.search(text, max(0, start - 30), start)  # "ahead of February's deadline"
    if not two:
        return False
    if f"{two.group(1)} {two.group(2)}".lower() in words:
        return True
    # a day's article keeps the preposition's sense ("für den 20. Mai", "seit dem 3. Januar"); before
    # a month or a weekday it is the noun's after the date ("for the November to April shipment")
    return text[start:start + 1].isdigit() and two.group(2).lower() in grammar.lex.get("date_articles", ()) \
        and two.group(1).lower() in words


def _present_plan(text: str, lo: int, hi: int, grammar: Grammar, start: int, end: int) -> Optional[int]:
    """The distance to the nearest verb of plans in the present tense in the clause ("Am
    Dienstag fliegt er", "Talks begin on Monday"), or None: nearer than any other tense
    cue, it points a date without a year ahead. German verbs are written small (a
    capitalised "Treffen" is the noun); an English one after a determiner is a noun ("the
    visit on Monday"), one after "to"/"zu" an infinitive ("fell on Friday to close at $20"),
    which points ahead only under a verb of plans (``_infinitive_plan``)."""
    words = set(map(str.lower, _HYPHENATED.findall(text, lo, hi)))
    if not grammar.present_forms or grammar.present_forms.isdisjoint(words) and grammar.passive_plans.isdisjoint(words):
        return None  # (most clauses have no such verb: one look in C)
    prev: list[str] = []
    best = None
    helpers = as_set(grammar.lex.get("participle_auxiliaries", []))
    for m in _HYPHENATED.finditer(text, lo, hi):
        word = m.group()
        low = word.lower()
        if helpers and low.endswith("t") and not helpers.isdisjoint(prev):
            prev.append(low)
            continue  # "wurde am Montag eröffnet": the participle of a passive, no present of plans
        passive = low in grammar.passive_plans and prev[-1:] == ["being"] and grammar.progressive.intersection(prev[-2:-1])
        if (passive or low in grammar.present_forms) and not grammar.determiners.intersection(prev[-1:]) \
                and not as_set(grammar.lex.get("infinitive_markers", [])).intersection(prev[-1:]) \
                and (not low.endswith("ing") or grammar.progressive.intersection(prev[-1:])) \
                and not (prev and prev[-1].endswith(_SPAN_ADJECTIVES)) and (
                grammar.lang != "de" or word[0].islower()) and not (m.start() < end and m.end() > start):
            dist = start - m.end() if m.end() <= start else m.start() - end
            best = dist if best is None else min(best, dist)
        prev.append(low)
    return best


_WEEKDAY_AFTER = re.compile(r"\s*,?\s*(\w+)")


def means_nowadays(text: str, start: int, end: int, grammar: Grammar) -> bool:
    """Whether a word that can mean the day or the present ("heute") means the present here:
    its clause has no sign of a day -- a past or future form (not a bare present auxiliary,
    "ist", "hat"; a future one also in the clause it depends on), a verb of news or plans, a
    weekday after it, or "seit"/"ab" before it (the grammar's "day_prepositions"); "bis heute"
    is always the present (``until_now_prepositions``)."""
    lo, hi = _clause(text, start, end, grammar)
    if word_before_in(text, start, grammar, "until_now_prepositions"):
        return True  # "Bis heute ist kein Antrag eingelangt": up to now
    def cues(regex, a=lo):
        return [m for m in regex.finditer(text, a, hi) if not (m.start() < end and m.end() > start)]
    def beside(m) -> bool:  # a past form across a comma is another clause's ("Das hat uns mitgenommen, erinnert sich X heute")
        return "," not in (text[m.end():start] if m.end() <= start else text[end:m.start()])
    if any(m.group().lower() not in grammar.lex.get("present_auxiliaries", ()) and beside(m) for m in cues(grammar.past_cue)):
        return False
    if cues(grammar.future_cue, _clause(text, start, end)[0]):
        return False  # also the clause it depends on: "Ich hoffe, dass da heute eine Lösung herauskommt"
    if word_before_in(text, start, grammar, "day_prepositions"):
        return False
    words = {w.lower() for w in _WORD.findall(text, lo, hi)}
    if words & set(grammar.lex.get("day_verbs", ())) or _present_plan(text, lo, hi, grammar, start, end) is not None:
        return False  # "Heute sagt sie nur: ...", "Heute tagt der Rat": the day's news, the day's plan
    nxt = _WEEKDAY_AFTER.match(text, end)
    return not (nxt and nxt.group(1).lower() in grammar.lookup.get("weekdays", {}))
