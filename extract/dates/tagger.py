"""Lagebild's German and English temporal tagger.

    tag_timexes(text, doc_date, lang) -> list[Timex]
    timex_interval(value) -> (first day, last day, precision) | None

Finding candidates is the grammar's job (``data/lexicon/timex_<lang>.json``,
compiled by :mod:`extract.dates.grammar`); normalising them is
:mod:`extract.dates.resolve`'s. This module picks the longest non-overlapping
candidates, asks :mod:`extract.dates.tense` which way the clause points, and keeps the
reference date of narrative texts (history articles anchor "am 30. Januar"
on the last year mentioned, news on the publication date).

Spans follow TimeML: prepositions are left out ("am Freitag" -> "Freitag").
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterator, NamedTuple, Optional

from records.model import Timex
from extract.dates.calendar import interval_of
from extract.dates.compare import ReportFocus, is_comparison
from extract.dates.grammar import Grammar, load_grammar, norm
from extract.dates.literals import fold_case
from extract.dates.resolve import Context, clock_hour, resolve
from extract.dates.sections import headings
from extract.dates.direction import date_direction, ordered_ranges
from extract.dates.nondates import named_season, not_a_date_here, season_homograph, span_of_years
from extract.dates.background import told_in_passing
from extract.dates.tense import means_nowadays, word_before_in

_WINDOW_BACK, _WINDOW_FORWARD = 60, 60  # characters a pattern may reach around its trigger word
_NEAR_YEARS = (-3, 1)
_MAX_YEAR_JUMP = 100  # explicit years this close to the publication year make a text "news"


class Candidate(NamedTuple):
    """A pattern match: the reported span plus the pattern that found it."""

    start: int
    end: int
    length: int  # of the whole match, context included
    priority: int
    kind: str
    groups: dict


def _windows(text: str, grammar: Grammar, low: Optional[str] = None) -> dict[str, list[tuple[int, int]]]:
    """For each trigger class, merged text windows around its words (whole words at the edges);
    ``low`` is ``text.lower()`` when at hand."""
    spans: dict[str, list[tuple[int, int]]] = {}
    words = grammar.trigger_words
    low = text.lower() if low is None else low
    if len(low) == len(text) and grammar.trigger_regex is not None:
        hits = grammar.trigger_regex.finditer(low)  # the trigger words and numbers, found in C
    else:  # a character that lower-cases to two ("İ"): word by word
        hits, low = _WORD.finditer(text), None
    n = len(text)
    for m in hits:
        word = m.group()
        classes = ("DIGIT",) if word[0].isdigit() else words.get(word if low is not None else word.lower())
        if not classes:
            continue
        lo = max(0, m.start() - _WINDOW_BACK)
        hi = min(n, m.end() + _WINDOW_FORWARD)
        while hi < len(text) and not text[hi].isspace():
            hi += 1
        for cls in classes:
            merged = spans.setdefault(cls, [])
            if merged and lo <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
            else:
                merged.append((lo, hi))
    return spans


def _candidates(text: str, grammar: Grammar) -> Iterator[Candidate]:
    """Every match of every pattern near its trigger words, as the span to report
    (group ``t`` when present, else the whole match)."""
    low = text.lower()
    windows = _windows(text, grammar, low)
    whole = [(0, len(text))]
    folded = fold_case(text) if _FOLDED.search(text) else low
    if len(folded) != len(text):
        folded = None
    passing: dict[tuple[str, str], list[tuple[int, int]]] = {}  # patterns share classes and literals
    for pattern in grammar.patterns:
        needs = pattern.needs_regex if folded is not None else None
        spans = whole if pattern.trigger == "ANY" else windows.get(pattern.trigger, ())
        if needs is not None and spans:
            key = (pattern.trigger, needs.pattern)
            if key not in passing:  # the windows that hold a word every match contains
                passing[key] = [(lo, hi) for lo, hi in spans if needs.search(folded, lo, hi) is not None]
            spans = passing[key]
        for lo, hi in spans:
            for m in pattern.regex.finditer(text, lo, hi):
                groups = m.groupdict()
                start, end = m.span("t") if groups.get("t") is not None else m.span()
                if end > start:
                    yield Candidate(start, end, m.end() - m.start(), pattern.priority, pattern.kind, groups)


def _select(cands: list[Candidate]) -> list[Candidate]:
    """Longest spans first (earlier patterns win ties); drop everything that overlaps a winner."""
    chosen: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.length, c.priority, c.start)):
        if all(c.end <= o.start or o.end <= c.start for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


_WORD = re.compile(r"\w+")
_FOLDED = re.compile("[\u0130\u0131\u017f\u212a]")  # what fold_case folds before lower-casing


def is_narrative(text: str, doc_date: dt.date, grammar: Grammar) -> bool:
    """True when the explicit years mostly lie far back from the publication year (a history
    text). Years after it are plans ("the budget for 2007-2013"), no history."""
    years = [y for y in map(int, grammar.year_mention.findall(text)) if y - doc_date.year <= _NEAR_YEARS[1]]
    if len(years) < 3:
        return False
    near = sum(1 for y in years if _NEAR_YEARS[0] <= y - doc_date.year <= _NEAR_YEARS[1])
    return near / len(years) < 0.3


_DAY_UNITS = ("W", "M", "WE")  # a week, month or weekend named from the report's own time


def _speaks_of_its_days(c: Candidate, grammar: Grammar) -> bool:
    """A candidate only a report about its own days uses: a weekday, "gestern", "heuer",
    "vergangene Woche", "earlier this month", "a decade ago". History is told in years and "im folgenden
    Jahr"; a text with one of these is news, whatever old years it mentions."""
    maps, g = grammar.lookup, c.groups
    if c.kind == "weekday" or _deictic_later(c, grammar):  # "a decade ago": counted from the report's day
        return True
    if c.kind == "deictic":
        return norm(g.get("deictic") or "") in maps["news_deictics"]
    if c.kind == "rel" and g.get("rel") and not _anaphoric(c, grammar):
        unit = norm(g.get("unit") or "")
        return maps["units"].get(unit) in _DAY_UNITS and unit not in maps["plural_units"]
    return False


_SENTENCE_END = re.compile(r"(?<=[a-zäöüß\d]{3})\.\s|[!?]\s")
_EXPLICIT = re.compile(r"\d{4}(?:-\d{2}){0,2}")
_SENTENCE_HEAD = 14  # characters: a date this close to a sentence's start sets the time of what follows
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n)(?=[^.!?:\n]*$)")


_LIST_LINK = re.compile(r"\s*,?\s*(?:and|und|or|oder)\s+(?:(?:the|am|dem|im)\s+)?$", re.IGNORECASE)


def _year_listed_after(text: str, c: Candidate, cands: list[Candidate]) -> Optional[int]:
    """The year of the date listed right after ``c`` ("in June and September 2022", "am 3. Mai
    und am 9. Juni 2015"): the two share it."""
    nxt = next((o for o in cands if o.start >= c.end), None)
    if nxt is None or not _LIST_LINK.fullmatch(text, c.end, nxt.start):
        return None
    year = nxt.groups.get("year") or nxt.groups.get("year2")
    return int(year) if year and year.isdigit() else None


def _needs_year(c: Candidate) -> bool:
    """A month, a day and month or a season without a year of its own ("im Mai", "am 3. Mai")."""
    g = c.groups
    if c.kind == "quarter":  # "in the first quarter of 2004, and in the fourth quarter"
        return not g.get("year") and not g.get("qyear") and not g.get("rel")
    return c.kind == "date" and not g.get("year") and not g.get("rel") and bool(
        g.get("month") or g.get("monthnum") or g.get("season") or g.get("month2"))


def _year_of_sentence(text: str, start: int, before: list[Timex]) -> Optional[int]:
    """The year of an explicit date that opens the sentence ("2005 vermeinte man ..., im Mai
    wurden ...", "In 1995, ... in May"), not one inside a range or counted from the publication
    date, nor one a clause mentions in passing ("under a 1987 programme ... through Sept. 29");
    None when there is none."""
    for t in reversed(before):
        if _SENTENCE_END.search(text, t.end, start):
            return None
        if t.type == "DATE" and not t.anchored and _EXPLICIT.fullmatch(t.value):
            head = text[max(0, t.start - _SENTENCE_HEAD * 4):t.start]
            m = _SENTENCE_START.search(head)
            opens = m is not None and len(head) - m.end() <= _SENTENCE_HEAD and not any(ch.isdigit() for ch in head[m.end():])
            return int(t.value[:4]) if opens else None
    return None


_PRECISION = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "year": 4}
_UNIT_PRECISION = {"D": 0, "W": 1, "WE": 1, "M": 2, "Q": 3, "Y": 4}


def _fine_enough(last: tuple[dt.date, str], c: Candidate, grammar: Grammar) -> bool:
    """'the same day' needs a day to refer to, 'the following year' any date (a year of 1987
    is no day to count 'that day' from)."""
    unit = "W" if c.kind == "weekday" else grammar.lookup["units"].get(norm(c.groups.get("unit") or ""))
    return _PRECISION[last[1]] <= _UNIT_PRECISION.get(unit, -1)


_BARE_YEAR = re.compile(r"\d{3,4}(?:/\d{2,4})?")  # "1916", a split year "1870/71"


def _deictic_later(c: Candidate, grammar: Grammar) -> bool:
    """'four years ago', 'vor vier Jahren': a span counted from the report's day; so is a period
    of 'this' compared with now ('earlier this year', 'later this month')."""
    if c.kind == "rel" and c.groups.get("rel") and grammar.lookup["rel"].get(norm(c.groups["rel"])) == 0:
        return norm(c.groups.get("mod") or "") in grammar.lex.get("deictic_mods", ())
    return c.kind == "ago" and norm(c.groups.get("later") or "") in grammar.lex.get("deictic_later", ())


def _anaphoric(c: Candidate, grammar: Grammar) -> bool:
    """'im folgenden Jahr', 'the previous week', 'the same month', 'zwei Tage später', 'two
    days later', 'the previous Friday': counted from the last date mentioned, not from the publication date ('ago',
    'vor' count from the report's day; 'nach zwei Tagen' is a stretch)."""
    if c.kind == "ago":
        word = norm(c.groups.get("later") or "")
        return word in grammar.lookup["later_signs"] and not _deictic_later(c, grammar) \
            and word not in grammar.lookup["ago_before"]
    rel = norm(c.groups.get("rel") or "")
    if c.kind == "weekday":  # "the previous Friday", "am folgenden Montag" (not "that Friday": this one)
        return rel in grammar.lookup["anaphoric_rel"] and grammar.lookup["rel"].get(rel, 0) != 0
    day = grammar.lookup["units"].get(norm(c.groups.get("unit") or "")) == "D"  # "an diesem Tag": the day told of
    return c.kind == "rel" and (rel in grammar.lookup["anaphoric_rel"] or day and rel in grammar.lex.get("anaphoric_day_rel", ()))


def _looks_back(c: Candidate, grammar: Grammar) -> bool:
    """'im letzten Jahr', 'Ende des vorangegangenen Jahres', 'the previous year': a flashback
    from the story's time, which does not move it."""
    rel = c.groups.get("rel")
    return bool(rel) and grammar.lookup["rel"].get(norm(rel), 0) < 0


def _next_anchor(anchor: dt.date, value: str, fresh: bool = False) -> dt.date:
    """The reference date after an expression with this value (a narrative moves with its dates).
    ``fresh``: the anchor is still the publication date, so the story's first year sets it
    however far back it lies (a history of 1861 told in 2011)."""
    last = value.split("/")[-1]
    iv = interval_of(last)
    if iv is None or iv[2] in ("decade", "century"):
        return anchor
    first = iv[0]
    if iv[2] == "year" and (first.year == anchor.year or not fresh and abs(first.year - anchor.year) > _MAX_YEAR_JUMP):
        return anchor  # a bare year far off is more likely a number ("1370 Flugzeuge")
    return first


_HEADLINE_MAX = 200  # characters: a headline is the story's first line or sentence, if that short


def headline_end(text: str) -> int:
    """Where the story's headline ends: its first line, or its first sentence, when that is
    short and more follows; 0 when there is none."""
    m = re.search(r"\n|[.!?](?=\s)", text[:_HEADLINE_MAX + 1])
    return m.start() if m and m.start() < len(text.rstrip()) - 1 else 0


_CLOCK_SENTENCES = 2  # sentence ends back from a bare clock time to the day it is on
_PART_HOURS = {"MO": range(4, 12), "AF": range(12, 18), "EV": range(17, 24), "NI": (*range(18, 24), *range(0, 5))}


def _story_day(text: str, c, out: list[Timex], doc_date: dt.date, tense: int, grammar) -> Optional[dt.date]:
    """The day a bare clock time ``c`` is on: the last single day told in its sentence, or in
    the two sentences before it when that day lies the way the clock's clause points (a day
    ahead for a future clause, one past for a past one, either with no cue) and its part of
    the day holds the hour ("Thursday night ... at 1830 GMT"; not "tomorrow morning ... set for
    1900 hours"); else None."""
    last = out[-1]
    day = interval_of(last.value.split("/")[-1]) if last.type in ("DATE", "TIME") else None
    if day is None or day[2] != "day":
        return None
    ends = len(_SENTENCE_END.findall(text, last.end, c.start))
    if ends == 0:
        return day[0]
    if ends > _CLOCK_SENTENCES or (tense > 0 and day[0] < doc_date) or (tense < 0 and day[0] > doc_date):
        return None
    part = _PART_HOURS.get(last.value[-2:]) if "T" in last.value else None
    if part is not None and clock_hour(c.groups, grammar.lookup) not in part:
        return None
    return day[0]


def tag_timexes(text: str, doc_date: dt.date, lang: str) -> list[Timex]:
    """Temporal expressions of ``text`` with TIMEX3 values, sorted by start and non-overlapping.

    ``doc_date`` anchors relative expressions; ``lang`` is "de" or "en" (others are
    read as English). Never raises on odd input; expressions without a sensible value
    (30. Februar) are left out.
    """
    if not isinstance(text, str) or not text:
        return []
    if isinstance(doc_date, dt.datetime):
        doc_date = doc_date.date()
    grammar = load_grammar(lang)
    cands = _select([c for c in _candidates(text, grammar) if not (c.groups.get("season") and (named_season(text, c) or season_homograph(text, c, grammar)))
                     and not span_of_years(text, c)])
    narrative = is_narrative(text, doc_date, grammar) and not any(_speaks_of_its_days(c, grammar) for c in cands)
    anchor = doc_date
    last: Optional[tuple[dt.date, str]] = None  # the last date mentioned, with its precision, for "im folgenden Jahr", "the same month"
    out: list[Timex] = []
    heads = headings(text) if narrative else []
    focus = ReportFocus(grammar, doc_date, narrative)
    dated = {i for i, (hs, he) in enumerate(heads) if any(hs <= c.start < he for c in cands)}
    hi, section, set_by = 0, None, -1  # the next heading; the time the last dated heading set, and which
    head_end = headline_end(text)
    for c in cands:
        while hi < len(heads) and heads[hi][1] <= c.start:
            if hi not in dated and section is not None:
                anchor = section  # a subheading restarts the story at its section's time
            hi += 1
        if not_a_date_here(text, c, grammar):
            continue
        tense, nearest = date_direction(text, c.start, c.end, grammar, narrative)
        if tense == 0 and not nearest and c.start < head_end:
            nearest = True  # a headline with no verb ("Krisentreffen der Arabischen Liga am Dienstag in
            #                 Kairo"): the nearest such day, either way
        here, local = anchor, narrative
        if _deictic_later(c, grammar):
            here, local = doc_date, False  # "almost four years ago" in a report full of history: from its day
        if not narrative:
            if last is not None and _anaphoric(c, grammar) and _fine_enough(last, c, grammar) \
                    and not is_comparison(text, c.start, c.end, grammar):
                here = last[0]
            elif _needs_year(c):
                year = _year_listed_after(text, c, cands) or _year_of_sentence(text, c.start, out)
                if year is not None:  # "2005 vermeinte man ..., im Mai wurden Tafeln aufgestellt"
                    here, local = dt.date(year, 1, 1), True
        if c.kind == "clock" and not narrative and out:
            day = _story_day(text, c, out, doc_date, tense, grammar)
            if day is not None:
                here = day  # "am Montag um 14 Uhr": that Monday's time; "... on Thursday night in Rome.
                #             ... is scheduled to start the meeting at 1830 GMT": the day the story is at
        if c.kind == "deictic" and not local and fold_case(text[c.start:c.end]).lower() in grammar.lex.get("nowadays_words", ()) \
                and means_nowadays(text, c.start, c.end, grammar):
            local = True  # "500 Menschen leben heute hier": the present, not the day (PRESENT_REF)
        ctx = Context(doc_date=doc_date, anchor=here, narrative=local, tense=tense, nearest=nearest)
        try:
            res = resolve(c.kind, c.groups, grammar.lookup, ctx)
        except (OverflowError, ValueError):  # a value beyond the calendar (year 1 or 9999)
            res = None
        if res is None:
            continue
        res = focus.resolve(c.kind, c.groups, text, c.start, c.end, res, out)
        if res is None:
            continue  # "the quarter" of a text that names none
        kind = "REF" if res.type == "DATE" and res.value.endswith("_REF") else res.type  # no calendar date
        out.append(Timex(text[c.start:c.end], c.start, c.end, res.value, res.anchored, kind))
        iv = interval_of(res.value.split("/")[-1]) if res.type == "DATE" else None
        if iv is not None and iv[2] in _PRECISION:
            last = (iv[0], iv[2])
        if narrative and res.type in ("DATE", "TIME") \
                and not told_in_passing(text, c.start, grammar, bool(_BARE_YEAR.fullmatch(text[c.start:c.end]))) \
                and not _looks_back(c, grammar):
            anchor = _next_anchor(anchor, res.value, anchor == doc_date)  # "ab 1941 ausgearbeitete Pläne": a bound, no new now
        if hi < len(heads) and heads[hi][0] <= c.start and iv is not None and set_by != hi:
            first = interval_of(res.value.split("/")[0])  # "1862"; "Juni 1944 bis Mai 1945" from its start
            section, set_by = (first[0] if first else anchor), hi
            anchor = section
    return _season_months(ordered_ranges(text, out, grammar))


_SEASON = re.compile(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})")
_SPLIT = re.compile(r"(\d{4})/(\d{4})")


def _season_months(timexes: list[Timex]) -> list[Timex]:
    """A text that gives one split year its season's months ("1987/88 (October/September)")
    gives them to its other split years ("from 300,000 in 1986/87") too."""
    season = next((m for m in (_SEASON.fullmatch(t.value) for t in timexes)
                   if m and int(m.group(3)) == int(m.group(1)) + 1 and int(m.group(4)) < int(m.group(2))), None)
    # (a season runs into the next year: "August bis Oktober 1914" is no season)
    if season is None:
        return timexes
    m1, m2 = season.group(2), season.group(4)
    out = []
    for t in timexes:
        m = _SPLIT.fullmatch(t.value)
        if m and int(m.group(2)) == int(m.group(1)) + 1:
            t = Timex(t.text, t.start, t.end, f"{m.group(1)}-{m1}/{m.group(2)}-{m2}", t.anchored, t.type)
        out.append(t)
    return out


def timex_interval(value: str) -> Optional[tuple[dt.date, dt.date, str]]:
    """Calendar interval and precision of a TIMEX value.

    "2023-09-07" -> (2023-09-07, 2023-09-07, "day"); "2023-09" -> month; "2023" -> year;
    "2023-W41" -> week (Monday to Sunday); "2023-Q3" -> quarter; "199" -> decade;
    "2023-09-07/2023-10-01" -> ("range"); a time "2023-10-13TMO" -> its day.
    None for PAST_REF, durations, sets and anything unparseable.
    """
    if not isinstance(value, str) or not value:
        return None
    if "/" in value:
        a, _, b = value.partition("/")
        ia, ib = interval_of(a), interval_of(b)
        if ia is None or ib is None or ia[0] > ib[1]:
            return None
        return ia[0], ib[1], "range"
    return interval_of(value)
