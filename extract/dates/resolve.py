"""Normalise one candidate match to a TIMEX3 value.

Each pattern in the lexicon names a ``kind``; :func:`resolve` dispatches on
it and reads the match's named groups. Resolvers are pure: they receive the
groups, the language's lookup maps and a :class:`Context` (anchor date,
tense of the clause) and return a :class:`Resolved` or None when the
candidate has no sensible value (30 February, an unknown unit ...).
"""
from __future__ import annotations

import datetime as dt
from typing import Callable, Optional

from extract.dates import calendar as cal
from extract.dates.grammar import norm
from extract.dates.periods import (resolve_bc, resolve_century, resolve_decade, resolve_edge_period, resolve_holiday,
                                   resolve_quarter, resolve_reported_period, resolve_split_year, resolve_year_back)
from extract.dates.values import (Context, Groups, Maps, Resolved, month_of, number, spelled_year,  # noqa: F401 (re-exported)
                                  year_of)


def _pod_suffix(g: Groups, maps: Maps) -> Optional[str]:
    """'MO', 'EV' ... from a weekday suffix ('abend') or a word ('morning')."""
    if g.get("pod"):
        return maps["parts_of_day"].get(norm(g["pod"]))
    if g.get("podw"):
        return maps["parts_of_day_words"].get(norm(g["podw"]))
    return None


def _direction(ctx: Context) -> int:
    """Which way an underspecified date points: the clause's tense, else the past."""
    return ctx.tense if ctx.tense else -1


def _night_before(g: Groups, maps: Maps, ctx: Context) -> Optional[Resolved]:
    """A night's first day told by its number only is the day before the next day, which
    gives month and year ("vom 31. auf den 1. Januar 1945": 31 December 1944)."""
    nxt = resolve_date({"day": g["day2"], "month": g["month2"], "year": g.get("year2")}, maps, ctx)
    day = cal.interval_of(nxt.value) if nxt else None
    if day is None or day[2] != "day":
        return None
    first = day[0] - dt.timedelta(days=1)
    if first.day != int(g["day"]) or g.get("month") and first.month != month_of(g, maps):
        return None  # "vom 3. auf den 9. Mai": no night
    pod = _pod_suffix(g, maps)
    return Resolved(f"{first.isoformat()}T{pod}" if pod else first.isoformat(), nxt.anchored, "TIME" if pod else "DATE")


def resolve_date(g: Groups, maps: Maps, ctx: Context) -> Optional[Resolved]:
    """Calendar dates: day-month-year, month-year, month, year, season."""
    year = year_of(g.get("year"), ctx) if not g.get("yearwords") else spelled_year(g["yearwords"], maps)
    if g.get("yearwords") and year is None:
        return None
    if g.get("season"):
        season = maps["seasons"].get(norm(g["season"]))
        rel = maps["rel"].get(norm(g["rel"])) if g.get("rel") else 0
        y = year if year is not None else ctx.anchor.year + (rel or 0)
        if year is None and not g.get("rel") and not ctx.narrative and ctx.tense:
            y += _season_shift(f"{y:04d}-{season}", ctx)
        return Resolved(f"{y:04d}-{season}", year is None)
    month = month_of(g, maps)
    if g.get("day") and g.get("month2") and (month is None or year is None and g.get("year2")):
        night = _night_before(g, maps, ctx)  # "in der Nacht vom 16. auf den 17. April 1945"
        if night is not None:
            return night
    if month is None and g.get("day"):
        month = ctx.anchor.month  # "Nacht vom 16." in a narrative
    if month is None and year is not None and g.get("mod"):
        month = maps["year_mod_month"].get(norm(g["mod"]))  # "the end of 1986": December; "late 1986": the year
        return Resolved(f"{year:04d}-{month:02d}" if month else f"{year:04d}", False)
    if month is None:
        return Resolved(f"{year:04d}", False) if year is not None else None
    if g.get("day"):
        day = int(g["day"])
        if year is not None:
            d = cal.make_date(year, month, day)
        elif ctx.narrative:
            d = cal.make_date(ctx.anchor.year, month, day)
        else:
            d = cal.day_month_near(ctx.anchor, month, day, ctx.tense)
            near = cal.day_month_near(ctx.anchor, month, day, 0)
            if near is not None and abs((near - ctx.anchor).days) <= NEAR_DAYS:
                d = near  # "gab ihnen den 18. Februar als Termin" on 17 February: tomorrow, not a year ago
        if d is None:
            return None
        pod = _pod_suffix(g, maps)
        if pod:
            return Resolved(f"{d.isoformat()}T{pod}", year is None, "TIME")
        return Resolved(d.isoformat(), year is None)
    if year is not None:
        return Resolved(f"{year:04d}-{month:02d}", False)
    if g.get("rel"):
        rel = maps["rel"].get(norm(g["rel"]), 0)
        y, m = cal.month_near(ctx.anchor, month, rel) if rel else (ctx.anchor.year, month)
        if rel and m == ctx.anchor.month:
            y += rel
        return Resolved(f"{y:04d}-{m:02d}", True)
    if ctx.narrative:
        return Resolved(f"{ctx.anchor.year:04d}-{month:02d}", True)
    y, m = cal.month_near(ctx.anchor, month, _month_direction(ctx, month))
    return Resolved(f"{y:04d}-{m:02d}", True)


def _season_shift(value: str, ctx: Context) -> int:
    """A season with no year goes where the clause points: a season of this year that is over,
    told ahead, is next year's ("man dürfe nicht im Frühjahr ... stehen" in October); one still
    to come, told in the past, last year's ("im Sommer war der Andrang groß" in March)."""
    iv = cal.interval_of(value)
    if iv is None:
        return 0
    if ctx.tense > 0 and iv[1] < ctx.anchor:
        return 1
    if ctx.tense < 0 and iv[0] > ctx.anchor:
        return -1
    return 0


NEAR_DAYS = 31    # a day and month this close to the anchor is that one, whatever the tense
MONTHS_AHEAD = 2  # with no tense, a month this close ahead is the coming one ("Nächster Versuch: im März")


def _month_direction(ctx: Context, month: int) -> int:
    """A bare month: the clause's tense; with none, the coming month when it is at most
    two months ahead, else the past one (news tells mostly of what happened)."""
    if ctx.tense:
        return ctx.tense
    if ctx.nearest:
        return 0
    return 1 if 0 < (month - ctx.anchor.month) % 12 <= MONTHS_AHEAD else -1


def _range_end(g: Groups, maps: Maps, ctx: Context) -> Optional[tuple[dt.date, bool, bool]]:
    """(end date, has a day, year given) of a range whose end carries a day."""
    month2 = month_of(g, maps, "2")
    year2 = year_of(g.get("year2"), ctx)
    day2 = int(g["day2"]) if g.get("day2") else None
    if month2 is None or day2 is None:
        return None
    if year2 is not None:
        d = cal.make_date(year2, month2, day2)
    elif ctx.narrative:
        d = cal.make_date(ctx.anchor.year, month2, day2)
    else:
        d = cal.day_month_near(ctx.anchor, month2, day2, ctx.tense)
    return (d, True, year2 is not None) if d else None


def _month_range_start(g: Groups, maps: Maps, ctx: Context, month: int) -> int:
    """The year of a month range's first month when no year is written: where a bare month
    would be ("Die Zahlen liegen erst für April bis Juni vor" in October: this year's)."""
    if g.get("rel"):
        rel = maps["rel"].get(norm(g["rel"]), 0)
        if rel:
            y, m = cal.month_near(ctx.anchor, month, rel)
            return y + rel if m == ctx.anchor.month else y
        return ctx.anchor.year
    if ctx.narrative:
        return ctx.anchor.year
    return cal.month_near(ctx.anchor, month, _month_direction(ctx, month))[0]  # as a bare month


def resolve_range(g: Groups, maps: Maps, ctx: Context) -> Optional[Resolved]:
    """'7. bis 9. September', 'between September 7 and October 1', 'May to September'."""
    month2 = month_of(g, maps, "2")
    if month2 is None:
        return None
    month = month_of(g, maps) or month2
    year, year2 = year_of(g.get("year"), ctx), year_of(g.get("year2"), ctx)
    if g.get("day2"):
        end = _range_end(g, maps, ctx)
        if end is None:
            return None
        end_date, _, _ = end
        day = int(g.get("day") or 1)
        if year is None:
            year = end_date.year - ((month, day) > (end_date.month, end_date.day))
        start = cal.make_date(year, month, day)
        unit = "D"
    else:
        if year is None and year2 is not None:
            year = year2 - (month > month2)
        elif year is None:
            year = _month_range_start(g, maps, ctx, month)
        if year2 is None:
            year2 = year + (month2 < month)
        start, end_date = cal.make_date(year, month, 1), cal.make_date(year2, month2, 1)
        unit = "M"
    if start is None or end_date is None or start > end_date:
        return None
    anchored = g.get("year") is None and g.get("year2") is None
    return Resolved(f"{cal.value_at(start, unit)}/{cal.value_at(end_date, unit)}", anchored)


def resolve_rel(g: Groups, maps: Maps, ctx: Context) -> Optional[Resolved]:
    """'letzten Monat', 'next week', 'Ende des Jahres', 'the latest quarter'."""
    unit = maps["units"].get(norm(g.get("unit") or ""))
    if norm(g.get("unit") or "") in maps["plural_units"]:
        value = cal.duration_value(None, unit) if unit else None
        return Resolved(value, False, "DURATION") if value else None  # "den folgenden Monaten"
    if unit not in cal.CALENDAR_UNITS:
        return None
    rel = maps["rel"].get(norm(g["rel"]), 0) if g.get("rel") else 0
    if unit == "WE" and not g.get("rel"):
        # "am Wochenende", "at the weekend": on a weekday the past tense means the one before,
        # a plan the coming one; on the weekend itself, this one
        weekday = ctx.anchor.isoweekday()
        rel = 0 if weekday >= 6 or _direction(ctx) > 0 else -1
    elif unit == "WE" and rel > 0 and ctx.anchor.isoweekday() <= 5:
        rel -= 1  # "am kommenden Wochenende" on a weekday: this week's
    elif unit == "W" and rel < 0 and ctx.anchor.isoweekday() == 7 and not ctx.narrative:
        rel += 1  # "vergangene Woche", "last week" in a Sunday paper: the week that ends that day
    day = cal.add_units(ctx.anchor, rel, unit)
    month = maps["year_mod_month"].get(norm(g["mod"])) if unit == "Y" and g.get("mod") and day else None
    if month:
        return Resolved(f"{day.year:04d}-{month:02d}", True)  # "the end of this year": its December, as of a named year
    return Resolved(cal.value_at(day, unit), True) if day else None


def resolve_ago(g: Groups, maps: Maps, ctx: Context) -> Optional[Resolved]:
    """'vor zwei Wochen', 'two weeks ago', 'drei Tage später'."""
    unit = maps["units"].get(norm(g.get("unit") or ""))
    sign = maps["later_signs"].get(norm(g.get("later") or ""), -1)
    if g.get("fuzzy"):  # "several years ago", "vor einigen Wochen"
        return Resolved("PAST_REF" if sign < 0 else "FUTURE_REF", False)
    n = number(g.get("num"), maps)
    if n is None or not float(n).is_integer():
        return None
    before = norm(g.get("later") or "") in maps["ago_before"]
    if sign > 0 and (before or unit not in cal.CALENDAR_UNITS):
        # "nach 16 Tagen Fahrt", "nach 40 Minuten": a stretch of time counted from some
        # other event, not a date counted from the publication date
        value = cal.duration_value(n, unit) if unit else None
        return Resolved(value, False, "DURATION") if value else None
    if unit not in cal.CALENDAR_UNITS:
        return Resolved(ctx.anchor.isoformat(), True)
    day = cal.add_units(ctx.anchor, sign * int(n), unit)
    return Resolved(cal.value_at(day, unit), True) if day else None


def resolve_deictic(g: Groups, maps: Maps, ctx: Context) -> Optional[Resolved]:
    """'gestern', 'heute Abend', 'yesterday', 'heuer', 'Vorjahr'."""
    entry = maps["deictic"].get(norm(g["deictic"]))
    if not entry:
        return None
    unit, offset = entry[0], entry[1]
    pod = entry[2] if len(entry) > 2 else None
    if ctx.narrative and unit == "D" and offset == 0 and pod is None:
        return Resolved("PRESENT_REF", False)
    day = cal.add_units(ctx.anchor, offset, unit)
    if day is None:
        return None
    value = cal.value_at(day, unit)
    return Resolved(value + "T" + pod, True, "TIME") if pod else Resolved(value, True)


def resolve_pod(g: Groups, maps: Maps, ctx: Context) -> Optional[Resolved]:
    """'am Abend' -> the anchor day's evening."""
    pod = _pod_suffix(g, maps)
    return Resolved(f"{ctx.anchor.isoformat()}T{pod}", True, "TIME") if pod else None


def resolve_weekday(g: Groups, maps: Maps, ctx: Context) -> Optional[Resolved]:
    """'am Freitag', 'last Friday', 'kommenden Montag', 'Friday morning'."""
    wd = maps["weekdays"].get(norm(g["wd"]))
    if wd is None:
        return None
    rel = maps["rel"].get(norm(g["rel"])) if g.get("rel") else None
    week = maps["rel"].get(norm(g["wrel"])) if g.get("wrel") else None
    if week is not None:  # "Donnerstag nächster Woche", "Monday of last week": that weekday of that week
        monday = ctx.anchor - dt.timedelta(days=ctx.anchor.weekday()) + dt.timedelta(weeks=week)
        day = monday + dt.timedelta(days=wd - 1)
    elif rel == 0:
        # "an diesem Montag", "this Sunday": the coming one ("diesen Montag" in a Sunday paper is
        # tomorrow), the last one when the clause is told in the past
        day = cal.weekday_near(ctx.anchor, wd, ctx.tense or 1)
    elif rel:
        day = cal.weekday_near(ctx.anchor, wd, rel, strict=True)
    elif ctx.nearest:  # "für Dienstag hatten sich 2.000 Menschen verabredet" in a Wednesday paper: yesterday
        day = min(cal.weekday_near(ctx.anchor, wd, -1), cal.weekday_near(ctx.anchor, wd, 1),
                  key=lambda d: (abs((d - ctx.anchor).days), d > ctx.anchor))
    else:
        day = cal.weekday_near(ctx.anchor, wd, _direction(ctx))
    pod = _pod_suffix(g, maps)
    if pod:
        return Resolved(f"{day.isoformat()}T{pod}", True, "TIME")
    return Resolved(day.isoformat(), True)


def resolve_vague(g: Groups, maps: Maps, ctx: Context) -> Optional[Resolved]:
    """'kürzlich' -> PAST_REF, 'now' -> PRESENT_REF, 'soon' -> FUTURE_REF."""
    value = maps["vague"].get(norm(g["vague"]))
    return Resolved(value, False) if value else None


def resolve_duration(g: Groups, maps: Maps, ctx: Context) -> Optional[Resolved]:
    """'drei Jahre' -> P3Y, 'several months' -> PXM, '40 Minuten' -> PT40M."""
    unit = maps["units"].get(norm(g.get("unit") or ""))
    n = None if g.get("fuzzy") else number(g.get("num"), maps)
    if unit is None or (n is None and not g.get("fuzzy")):
        return None
    value = cal.duration_value(n, unit)
    return Resolved(value, False, "DURATION") if value else None


def resolve_set(g: Groups, maps: Maps, ctx: Context) -> Optional[Resolved]:
    """'täglich' -> P1D, 'each week' -> P1W, 'alle zwei Wochen' -> P2W."""
    if g.get("setword"):
        value = maps["set_words"].get(norm(g["setword"]))
        return Resolved(value, False, "SET") if value else None
    unit = maps["units"].get(norm(g.get("unit") or ""))
    n = number(g.get("num"), maps) if g.get("num") else 1
    value = cal.duration_value(n, unit) if unit and n else None
    return Resolved(value, False, "SET") if value else None


def resolve_clock(g: Groups, maps: Maps, ctx: Context) -> Optional[Resolved]:
    """'4:45 Uhr', '10 p.m.', '1430 GMT': that time on the day the text is at (the last day a
    history named, else the publication day)."""
    minute = int(g.get("minute") or g.get("minute2") or 0)
    return Resolved(f"{ctx.anchor.isoformat()}T{clock_hour(g, maps):02d}:{minute:02d}", True, "TIME")


def clock_hour(g: Groups, maps: Maps) -> int:
    """The hour of a clock time on the 24-hour clock ("10 p.m." -> 22, "10 Uhr nachts" -> 22)."""
    hour = int(g["hour"])
    half = maps["clock_words"].get(norm(g.get("ampm") or "").rstrip("."))
    if (half == "PM" and hour < 12) or (half == "NIGHT" and 6 <= hour < 12):
        return hour + 12
    return 0 if half == "AM" and hour == 12 else hour


def resolve_week_of(g: Groups, maps: Maps, ctx: Context) -> Optional[Resolved]:
    """"the week of April 25", "die Woche vom 25. April": the ISO week holding that day."""
    day = resolve_date(g, maps, ctx)
    if day is None or len(day.value) != 10:
        return None
    return Resolved(cal.week_value(dt.date.fromisoformat(day.value)), day.anchored)


RESOLVERS: dict[str, Callable[[Groups, Maps, Context], Optional[Resolved]]] = {
    "date": resolve_date, "range": resolve_range, "rel": resolve_rel, "ago": resolve_ago,
    "year_back": resolve_year_back, "edge_period": resolve_edge_period, "reported_period": resolve_reported_period,
    "deictic": resolve_deictic, "pod": resolve_pod, "weekday": resolve_weekday, "vague": resolve_vague,
    "duration": resolve_duration, "set": resolve_set, "century": resolve_century, "decade": resolve_decade,
    "bc": resolve_bc, "quarter": resolve_quarter, "holiday": resolve_holiday, "split_year": resolve_split_year,
    "clock": resolve_clock, "week_of": resolve_week_of,
}


def resolve(kind: str, groups: Groups, maps: Maps, ctx: Context) -> Optional[Resolved]:
    """Dispatch to the resolver of a pattern kind; None for unknown kinds or no value."""
    fn = RESOLVERS.get(kind)
    return fn(groups, maps, ctx) if fn else None
