"""Which timex dates an event mention.

A timex dates the trigger whose clause it is in; failing that, the nearest trigger
of its sentence. Timexes that cannot anchor the happening are skipped: those in a
reporting clause ("Auf einer Pressekonferenz am Freitag sagte ..."), those after
"seit"/"since"/"bis"/"until", those in a dateline ("TOKYO, March 2 -"), and values
that are no calendar interval (PAST_REF, durations not counted from the report's day).
Never the publication date alone.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Optional

from extract.events.figure_dates import is_baseline, is_publication_date
from extract.events.lexicon import EventLexicon
from extract.events.roles import np_reach
from extract.events.phrases import other_participle_date
from extract.events.stretches import stretch
from extract.text.document import Token
from extract.text.lemmas import lemma
from records.model import Timex
from extract.dates.direction import rescheduled
from extract.dates.grammar import load_grammar
from extract.dates.tagger import timex_interval

_PRECISION = {"day": "day", "week": "day", "range": "day", "month": "month", "quarter": "month",
              "season": "month", "year": "year", "half": "month", "decade": "year"}


def interval(value: str) -> Optional[tuple[dt.date, dt.date, str]]:
    """(first day, last day, contract precision) of a timex value, or None."""
    iv = timex_interval(value)
    if iv is None:
        return None
    a, b, prec = iv
    if prec == "range":
        parts = [p for p in value.split("/")]
        precs = [timex_interval(p) for p in parts]
        coarse = [p[2] for p in precs if p]
        prec = "year" if "year" in coarse else "month" if "month" in coarse else "day"
    return a, b, _PRECISION.get(prec, "day")


def usable_timexes(timexes: list[Timex], tokens: list[Token], lex: EventLexicon, dateline: tuple[int, int],
                   doc_date: Optional[dt.date] = None) -> list[tuple[Timex, int, tuple]]:
    """(timex, clause, interval) for the timexes of a sentence that may anchor an event; a
    duration counted from the report's day gives its stretch ("in the next two weeks")."""
    out = []
    speech_clauses = {t.clause for t in tokens if t.low in lex.speech}
    grammar = load_grammar(lex.lang)
    for tx in timexes:
        if dateline[0] <= tx.start < dateline[1]:
            continue  # "TOKYO, March 2 -": the report's day (a headline before the dateline dates its own)
        idx = next((i for i, t in enumerate(tokens) if t.end > tx.start), None)
        iv = interval(tx.value) or (stretch(tx, tokens, idx, lex, doc_date) if idx is not None else None)
        if iv is None or idx is None:
            continue
        clause = tokens[idx].clause
        before = [t.low for t in tokens[max(0, idx - 3):idx] if t.clause == clause]
        clause_head = [t.low for t in tokens if t.clause == clause][:1]
        if rescheduled([t.text for t in tokens[max(0, idx - 3):idx] if t.clause == clause],
                       lambda: [t.text for t in tokens if t.clause == clause], grammar):
            out.append((tx, clause, iv, idx, clause in speech_clauses, True))
            continue  # "was postponed until Friday": the new date, also after "until"
        opens_range = "/" in (tx.value or "") and before[-1:] and before[-1] in _range_words(lex.lang)[1]
        deadline = before[-1:] and before[-1] in lex.non_anchor and tx.text.lower().startswith(_end_words(lex.lang))
        # ("will begin exporting before the end of this year": the end of a period is the plan's date)
        # ("shipped from May to July": "from" opens the range the timex is, not a span from its start)
        owner = tokens[idx].low.endswith(("'s", "’s")) and any(  # "after Monday's summit": the noun's date
            lex.triggers_for(t.low) for t in tokens[idx + 1:idx + 4] if t.clause == clause)
        if (any(w in lex.non_anchor for w in before[-2:]) and not _range_end(timexes, tokens, idx)
                and not opens_range and not deadline and not owner) \
                or any(w in lex.non_anchor_heads for w in clause_head):
            continue
        if not opens_range and is_baseline(tokens, idx, clause, lex):
            continue  # "rose 14.6 pct from a year earlier", "up from 17,359 in 1985": a figure's baseline
        if is_publication_date(tokens, idx, clause, lex):
            continue  # "Figures released earlier this year": when the figures came out
        out.append((tx, clause, iv, idx, clause in speech_clauses, False))
    return out


def assign_dates(mentions, usable, tokens: list[Token], lex: EventLexicon) -> None:
    """Give each mention of a sentence the timex of its clause, else the nearest free one.

    Within a clause the timex nearest to any trigger of the mention's type wins ("for May
    to September shipment"; not a word that is an event only at a named place, "to
    renegotiate an agreement signed last year"); a noun trigger ("Treffen", "the meeting") takes a timex after
    it only when it follows closely. Timexes in relative clauses about someone or something
    else ("..., who is expected to win the election on 9 January") date nothing."""
    if not mentions or not usable:
        return
    trigger_clauses = {m.trigger.clause for m in mentions}
    heads: dict[int, int] = {}
    for k, t in enumerate(tokens):
        heads.setdefault(t.clause, k)
    speech = {t.clause for t in tokens if t.low in lex.speech}
    for m in mentions:
        part = m.conj[m.trigger_idx] if m.conj else 0
        others = {o.trigger_idx for o in mentions if o is not m and o.trigger_idx != m.trigger_idx}
        same_type = [k for k, t in enumerate(tokens) if t.clause == m.trigger.clause and k not in others and
                     (not m.conj or m.conj[k] == part) and
                     any(tr.type == m.type and not tr.needs_place for tr in lex.triggers_for(t.low))] \
            or [m.trigger_idx]
        best = None
        ahead = m.prospective and any(idx > m.trigger_idx and clause == m.trigger.clause
                                      for _, clause, _, idx, _, _ in usable)
        for tx, clause, iv, idx, in_speech, new_date in usable:
            if ahead and idx < m.trigger_idx:
                continue  # "held talks on Monday ahead of an EU summit ... later in the week": the date
                #           before tells when the thing ahead of it happened
            if new_date and idx > m.trigger_idx and not in_speech:
                best = ((-1, False, idx - m.trigger_idx), iv, idx)
                m.status = "planned"  # "Das Treffen wurde auf Freitag verschoben": put off to a new date
                break
            if m.trigger_def.kind == "noun" and _attribute_date(tokens, idx, m.trigger_idx, lex):
                continue  # "die 2014 eingeleiteten Beitrittsverhandlungen": when they began, not this event
            if clause == m.trigger.clause:
                if idx < m.trigger_idx and _reported_content(tokens, idx, m.trigger_idx, lex):
                    continue  # "have risen on Monday following a press report that it had held talks"
                if idx > m.trigger_idx and (_embedded_verb(tokens, m.trigger_idx, idx, lex)
                                            or other_participle_date(tokens, idx, m.trigger_idx, lex) or any(
                        tokens[k].low in lex.non_anchor_heads for k in range(m.trigger_idx + 1, idx))):
                    continue  # "to resume quotas from April 1", "a meeting since ... declared ... last June"
                if m.trigger_def.kind == "noun" and idx > m.trigger_idx and any(
                        tokens[k].low in lex.market_movers for k in range(m.trigger_idx + 1, idx)):
                    continue  # "Reports of deadlocked talks sent Fiat shares down 1.2% on Tuesday": the market's day
                dist = min(abs(idx - k) for k in same_type)
                if m.trigger_def.kind == "noun" and idx > m.trigger_idx + 6 and dist > 6 \
                        and not _supported(tokens, m.trigger_idx, idx, lex) \
                        and not np_reach(tokens, m.trigger_idx, idx, lex):
                    continue  # far from the noun and outside its phrase
                key = (0, bool(m.conj) and m.conj[idx] != part, dist)
            elif (idx <= 2 or clause == m.trigger.clause - 1) and clause < m.trigger.clause and not in_speech \
                    and tokens[heads.get(m.trigger.clause, m.trigger_idx)].low in lex.coordinators:
                key = (1, False, abs(idx - m.trigger_idx))  # "During November the UK exported ..., but
                #     imported ...", "exports rose in January, while imports fell": a date opening the
                #     sentence or told in the clause before holds for the clause joined to it
            elif clause == m.trigger.clause - 2 and not in_speech \
                    and tokens[heads.get(clause + 1, 0)].low in lex.aside_openers:
                key = (0, False, abs(idx - m.trigger_idx))  # "für den 20. Mai, also knapp vor der Wahl,
                #     eine Konferenz angeordnet": the clause goes on after the aside
            elif clause == m.trigger.clause - 1 and not in_speech and _fronted(tokens, tx, clause, lex):
                key = (1, False, abs(idx - m.trigger_idx))  # "In 2000, EU leaders at a summit in Lisbon
                #     pledged ...": a date set before the clause, between commas, is the clause's
            elif in_speech or clause in trigger_clauses:
                continue
            elif _when_clause_date(tokens, heads, m.trigger.clause, idx, lex):
                key = (0, False, abs(idx - m.trigger_idx))  # "in December, when members gather for a summit"
            else:
                h = heads.get(clause)
                if h is not None and tokens[h].low in lex.articles and tokens[h].low not in lex.relative \
                        and clause > m.trigger.clause:
                    continue  # an apposition is about its noun: "..., a market it left in 1978"
                if h is not None and tokens[h].low in lex.relative and (
                        h - 1 == m.trigger_idx or (m.trigger_def.kind == "noun" and h - 1 > m.trigger_idx
                                                   and tokens[h - 1].clause == m.trigger.clause
                                                   and np_reach(tokens, m.trigger_idx, h - 1, lex))):
                    best_key = (0, False, 50 + abs(idx - m.trigger_idx))  # "die Lieferungen, die ... stattfanden"
                    if best is None or best_key < best[0]:
                        best = (best_key, iv, idx)
                    continue
                if h is not None and tokens[h].low in lex.relative and h > 0 \
                        and tokens[h - 1].cap and tokens[h - 1].clause not in speech:
                    continue
                if m.trigger_def.kind == "noun":
                    continue
                if idx > m.trigger_idx and _embedded_verb(tokens, m.trigger_idx, idx, lex):
                    continue
                nearest = min(mentions, key=lambda o: (abs(o.trigger.clause - clause),
                                                       abs(o.trigger.start - tx.start)))
                if nearest.trigger.clause != m.trigger.clause:
                    continue
                key = (1, False, abs(idx - m.trigger_idx))
            if best is None or key < best[0]:
                best = (key, iv, idx)
        if best is not None:
            m.date = _joined_days(best[1], best[2], usable, tokens, lex)


def _fronted(tokens: list[Token], tx: Timex, clause: int, lex: EventLexicon) -> bool:
    """Whether the timex's clause is the timex alone, with its preposition: a date fronted before
    the clause it dates ("In 2000, ...", "Last week, ...", "Bereits Anfang der Woche – ...": a
    focus particle before it is no clause of its own)."""
    words = [t for t in tokens if t.clause == clause]
    return bool(words) and all(tx.start <= t.start < tx.end or t.low in lex.pp_openers or t.low in lex.focus_particles
                               for t in words) and words[0].start <= tx.start


def _supported(tokens: list[Token], ti: int, idx: int, lex: EventLexicon) -> bool:
    """A verb of taking place between a meeting noun and a date, or right before the noun
    as its verb: the date is the noun's ("Two days of talks ... begin ... later on
    Wednesday", "held talks with the prime minister in London on Friday")."""
    def support(k: int) -> bool:
        return tokens[k].clause == tokens[ti].clause and (
            lemma(tokens[k].low, lex.lang) in lex.support_verbs or tokens[k].low in lex.support_verbs)

    head = ti
    while head > 0 and tokens[head - 1].clause == tokens[ti].clause and ti - head < 3 \
            and tokens[head - 1].low not in lex.pp_openers:
        head -= 1  # "Bei der ersten Sitzung": the article and adjectives before the noun
    if head and tokens[head - 1].low in lex.pp_openers and tokens[head - 1].clause == tokens[ti].clause \
            and tokens[head - 1].low not in lex.sequence_prepositions \
            and (head < 2 or tokens[head - 2].clause != tokens[ti].clause) \
            and all(t.low in lex.articles or not t.cap for t in tokens[head:ti]):
        return True  # "Zu Besuch in Sarajevo stellte er am Donnerstag klar", "Bei der Sitzung in New York
        #             hatte er in dieser Woche ...": the opening phrase is dated by its clause; not one of
        #             sequence ("Nach den Gesprächen ... gilt die Abstimmung am Sonntag": the talks came first)
    if lex.verb_final and ti == head_of_clause(tokens, ti, lex) and _clause_end_support(tokens, ti, idx, support):
        return True  # "Die Waffenlieferungen an die Peschmerga sollen im März beginnen": the subject's verb comes last
    return any(support(k) for k in range(ti + 1, idx)) or any(support(k) for k in range(max(0, ti - 2), ti))


def head_of_clause(tokens: list[Token], ti: int, lex: EventLexicon) -> int:
    """The noun ``ti`` if only articles and small words stand before it in its clause (it is the
    clause's subject), else -1."""
    k = ti
    while k > 0 and tokens[k - 1].clause == tokens[ti].clause:
        k -= 1
        if tokens[k].cap and tokens[k].low not in lex.articles:
            return -1
    return ti


def _clause_end_support(tokens: list[Token], ti: int, idx: int, support) -> bool:
    """A verb of taking place among the last words of the clause, after the date ("... sollen
    im März beginnen")."""
    last = max(k for k, t in enumerate(tokens) if t.clause == tokens[ti].clause)
    return any(support(k) for k in range(max(idx + 1, last - 2), last + 1))


def _embedded_verb(tokens: list[Token], ti: int, idx: int, lex: EventLexicon) -> bool:
    """An infinitive of another verb between the trigger and a date after it ("to examine
    ... to resume quotas from April 1"): the date is that verb's. Where infinitives come
    last (German), they follow the date and this does not apply."""
    if lex.verb_final:
        return False
    for k in range(ti + 1, idx - 1):
        nxt = tokens[k + 1]
        if tokens[k].low in lex.infinitive_markers and nxt.text.isalpha() and nxt.text.islower() \
                and nxt.low not in lex.articles and lemma(nxt.low, lex.lang) == nxt.low \
                and not lex.triggers_for(nxt.low) and not _raising(tokens, k, lex):
            return True
    return False


def _reported_content(tokens: list[Token], idx: int, ti: int, lex: EventLexicon) -> bool:
    """Whether the trigger stands in a reported clause opened after the date ("risen on Monday
    following a weekend press report that it had held merger talks", "told officials last week
    that Moscow would buy wheat"): the date is the report's."""
    if any(tokens[k].low in lex.complementizers and any(
            tokens[j].low in lex.content_heads and tokens[j].clause == tokens[k].clause for j in range(max(0, idx - 8), k))
            for k in range(idx + 1, ti)):
        return True
    # with no "that": the trigger's subject phrase opens right after the date ("told the news agency
    # PAP yesterday the talks were a step towards fresh credits", "said on Monday the meeting had ...")
    return not lex.verb_final and any(
        tokens[k].low in lex.articles and tokens[k].clause == tokens[ti].clause and ti - k <= _SUBJECT_REACH
        and any(tokens[j].low in lex.content_heads or tokens[j].low in lex.speech
                                          for j in range(max(0, idx - 8), idx) if tokens[j].clause == tokens[ti].clause)
        for k in range(idx + 1, min(ti, idx + 4)))


_SUBJECT_REACH = 3  # words from the article of a reported clause's subject to the trigger: "the two sides' talks"


def _when_clause_date(tokens: list[Token], heads: dict[int, int], clause: int, idx: int,
                      lex: EventLexicon) -> bool:
    """The trigger's clause is opened by "when"/"als" and the date ends the clause right
    before it ("A decision could come in December, when members gather for a summit")."""
    h = heads.get(clause)
    if h is None or h == 0 or tokens[h].low not in lex.time_relatives:
        return False
    return tokens[idx].clause == clause - 1 and all(tokens[k].clause == clause - 1 for k in range(idx, h))


def _raising(tokens: list[Token], k: int, lex: EventLexicon) -> bool:
    """"Exports are forecast to rise ... in 1987", "are expected to grow": the infinitive is
    the trigger's own predicate after a verb of expectation, and its date the trigger's."""
    prev = tokens[k - 1].low if k else ""
    return prev in lex.planned or lemma(prev, lex.lang) in lex.planned_lemmas


def _attribute_date(tokens: list[Token], idx: int, ti: int, lex: EventLexicon) -> bool:
    """A date inside the attribute of a German noun before it: an article, the date, then only
    inflected participles or adjectives up to the noun ("die 2014 eingeleiteten Verhandlungen")."""
    if not lex.nouns_capitalised or not 0 < idx < ti - 1 or tokens[idx - 1].low not in lex.articles:
        return False
    return all(not t.cap and t.low.endswith(lex.inflected_endings) and t.clause == tokens[ti].clause
               for t in tokens[idx + 1:ti])


_JOINED_SPAN = {"day": 14, "month": 731, "year": 3660}  # days between the starts: "am Donnerstag und Freitag",
#   "von Montag bis Mittwoch", "on 3 and 4 June"; "from March to May"; "between 2008 and 2012"


def _joined_days(iv, idx: int, usable, tokens: list[Token], lex: EventLexicon):
    """The event's date widened to a day joined to its own by a link of ranges or pairs right
    after or before it ("Der EU-Gipfel findet am Donnerstag und Freitag statt", "von Montag bis
    Mittwoch", "am 3. und 4. Juni"): both days, as one span. Months and years join only as a
    range, opened or linked as one ("due for delivery between 2008 and 2012", "from March to
    May", "zwischen 2008 und 2012"): "in 2004 and 2005" may be two."""
    if iv[2] not in _JOINED_SPAN:
        return iv
    links = _day_links(lex.lang)
    for tx, clause, other, k, _speech, _new in usable:
        if k == idx or other[2] != iv[2] or clause != tokens[idx].clause:
            continue
        a, b = (idx, k) if idx < k else (k, idx)
        first = next((x for x in usable if x[3] == a), None)
        between = [t for t in tokens[a + 1:b] if t.start >= first[0].end] if first else []
        early, late = (iv, other) if idx < k else (other, iv)
        if not between or not all(t.low in links for t in between) or not early[0] < late[0] \
                or (late[0] - early[0]).days > _JOINED_SPAN[iv[2]]:  # (in the order of the text)
            continue
        if iv[2] != "day" and not _as_range(tokens, first[0], between, lex.lang):
            continue
        return (min(iv[0], other[0]), max(iv[1], other[1]), iv[2])
    return iv


def _as_range(tokens: list[Token], first: Timex, between: list[Token], lang: str) -> bool:
    """Whether two timexes stand as one range: a range link between them ("2008 to 2012", "bis"),
    or a range opener right before the first ("between 2008 and 2012", "zwischen 2008 und 2012")."""
    links, openers = _range_words(lang)
    if any(t.low in links for t in between):
        return True
    before = [t.low for t in tokens if t.end <= first.start][-2:]
    return bool(before) and (before[-1] in openers or " ".join(before) in openers)


@lru_cache(maxsize=None)
def _end_words(lang: str) -> tuple[str, ...]:
    """The timex grammar's modifiers of a period's end ("the end of", "Ende"; not "late")."""
    mods = load_grammar(lang).lex.get("modifiers", {})
    return tuple(sorted((w.lower() for w, v in mods.items() if v == "END" and "end" in w.lower()), key=len, reverse=True))


@lru_cache(maxsize=None)
def _range_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The timex grammar's range links ("to", "bis") and range openers ("from", "zwischen dem"),
    lower-cased."""
    lex = load_grammar(lang).lex
    return (frozenset(w.lower() for w in lex.get("range_links", ())),
            frozenset(w.lower() for w in lex.get("between", ())))


@lru_cache(maxsize=None)
def _day_links(lang: str) -> frozenset[str]:
    """The words that join two days into one span: the timex grammar's range and pair links,
    and the words that may open the second day (``pair_openers``: "und am", "and on")."""
    lex = load_grammar(lang).lex
    words = set(lex.get("pair_openers", ()))
    for phrase in list(lex.get("range_links", ())) + list(lex.get("between_links", ())):
        words.update(phrase.lower().split())
    return frozenset(words)


def _range_end(timexes: list[Timex], tokens: list[Token], idx: int) -> bool:
    """Whether the timex at token ``idx`` ends a range another timex opens right before its
    link ("von Montag bis Mittwoch", "from Monday to Wednesday"): the range anchors, not "bis"."""
    if idx < 2:
        return False
    link = tokens[idx - 1]
    return any(t.end <= link.start and link.start - t.end <= 1 for t in timexes) and link.clause == tokens[idx].clause
