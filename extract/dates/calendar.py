"""Calendar arithmetic and TIMEX3 value formatting (pure functions, no regexes).

Units are the lexicon's codes: D day, W week, M month, Q quarter, Y year,
DE decade, CE century, WE weekend, H hour, MI minute, S second.
"""
from __future__ import annotations

import calendar
import datetime as dt
from typing import Optional

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta, weekday

CALENDAR_UNITS = ("D", "W", "WE", "M", "Q", "Y", "DE", "CE")
_SEASONS = {"SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3)}  # first month, months
_TIME_UNITS = {"H": "H", "MI": "M", "S": "S"}


def make_date(year: int, month: int, day: int) -> Optional[dt.date]:
    """The date, or None when it does not exist (30 February) or is out of range."""
    try:
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def shift_month(year: int, month: int, k: int) -> tuple[int, int]:
    """(year, month) moved by k months."""
    idx = year * 12 + (month - 1) + k
    return idx // 12, idx % 12 + 1


def add_units(anchor: dt.date, n: int, unit: str) -> Optional[dt.date]:
    """anchor moved by n units (calendar units only); None if out of range."""
    try:
        if unit == "D":
            return anchor + dt.timedelta(days=n)
        if unit in ("W", "WE"):
            return anchor + dt.timedelta(weeks=n)
        months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
        if months is None:
            return None
        y, m = shift_month(anchor.year, anchor.month, n * months)
        return dt.date(y, m, min(anchor.day, calendar.monthrange(y, m)[1]))
    except (ValueError, OverflowError):
        return None


def week_value(day: dt.date) -> str:
    """ISO week of a date, e.g. '2023-W41'."""
    iso = day.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def value_at(day: dt.date, unit: str) -> str:
    """The TIMEX3 value of the unit that contains ``day`` (day, week, month, quarter, year ...)."""
    if unit == "D":
        return day.isoformat()
    if unit == "W":
        return week_value(day)
    if unit == "WE":
        return week_value(day) + "-WE"
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "Q":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if unit == "DE":
        return f"{day.year // 10:03d}"
    if unit == "CE":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


def weekday_near(anchor: dt.date, weekday: int, direction: int, strict: bool = False) -> dt.date:
    """The given ISO weekday (1 = Monday) on or before (direction < 0) or on or after
    (direction > 0) the anchor; ``strict`` excludes the anchor day itself."""
    diff = (weekday - anchor.isoweekday()) % 7
    if direction > 0:
        if strict and diff == 0:
            diff = 7
        return anchor + dt.timedelta(days=diff)
    back = (anchor.isoweekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return anchor - dt.timedelta(days=back)


def month_near(anchor: dt.date, month: int, direction: int) -> tuple[int, int]:
    """(year, month) of the named month nearest the anchor in the direction (0 = either way)."""
    if direction == 0:
        years = (anchor.year - 1, anchor.year, anchor.year + 1)
        best = min(years, key=lambda y: (abs((y - anchor.year) * 12 + month - anchor.month), -y))
        return best, month
    if direction > 0 and month < anchor.month:
        return anchor.year + 1, month
    if direction < 0 and month > anchor.month:
        return anchor.year - 1, month
    return anchor.year, month


def day_month_near(anchor: dt.date, month: int, day: int, direction: int) -> Optional[dt.date]:
    """The date with this month and day nearest the anchor in the direction (0 = nearest either way)."""
    same = make_date(anchor.year, month, day)
    before = same if same and same <= anchor else make_date(anchor.year - 1, month, day)
    after = same if same and same >= anchor else make_date(anchor.year + 1, month, day)
    if direction < 0:
        return before
    if direction > 0:
        return after
    options = [d for d in (before, after) if d]
    return min(options, key=lambda d: abs((d - anchor).days)) if options else None


def duration_value(n: Optional[float], unit: str) -> Optional[str]:
    """'P3Y', 'P2W', 'PT40M', 'PXD' (n None = unspecified amount)."""
    if unit == "WE":
        return None
    amount = "X" if n is None else (str(int(n)) if float(n).is_integer() else str(n))
    if unit in _TIME_UNITS:
        return f"PT{amount}{_TIME_UNITS[unit]}"
    return f"P{amount}{unit}"


def month_interval(year: int, month: int) -> tuple[dt.date, dt.date]:
    """First and last day of a month."""
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def interval_of(value: str) -> Optional[tuple[dt.date, dt.date, str]]:
    """(first day, last day, precision) of a single calendar value; None for anything else."""
    value = value.split("T", 1)[0] if "T" in value[4:] else value
    parts = value.split("-")
    try:
        if len(parts) == 3 and parts[1].isdigit():
            d = dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            return d, d, "day"
        if len(parts) >= 2 and parts[1][:1] == "W" and parts[1][1:].isdigit():
            monday = dt.date.fromisocalendar(int(parts[0]), int(parts[1][1:]), 1)
            if len(parts) == 3 and parts[2] == "WE":
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "week"
            return monday, monday + dt.timedelta(days=6), "week"
        if len(parts) == 2 and parts[1].isdigit():
            first, last = month_interval(int(parts[0]), int(parts[1]))
            return first, last, "month"
        if len(parts) == 2 and parts[1][:1] == "Q" and parts[1][1:].isdigit():
            q = int(parts[1][1:])
            first = dt.date(int(parts[0]), 3 * q - 2, 1)
            return first, month_interval(int(parts[0]), 3 * q)[1], "quarter"
        if len(parts) == 2 and parts[1][:1] == "H" and parts[1][1:] in ("1", "2"):
            h = int(parts[1][1:])  # halves: "2004-H2" is July to December
            return dt.date(int(parts[0]), 6 * h - 5, 1), month_interval(int(parts[0]), 6 * h)[1], "half"
        if len(parts) == 2 and parts[1] in _SEASONS:
            first_month, span = _SEASONS[parts[1]]  # "2015-WI": December 2015 to February 2016
            year = int(parts[0])
            end_year, end_month = shift_month(year, first_month, span - 1)
            return dt.date(year, first_month, 1), month_interval(end_year, end_month)[1], "season"
        if len(parts) == 1 and parts[0].isdigit():
            digits = parts[0]
            if len(digits) == 4:
                return dt.date(int(digits), 1, 1), dt.date(int(digits), 12, 31), "year"
            if len(digits) == 3:
                return dt.date(int(digits) * 10, 1, 1), dt.date(int(digits) * 10 + 9, 12, 31), "decade"
            if len(digits) == 2 and int(digits) > 0:
                return dt.date(int(digits) * 100, 1, 1), dt.date(int(digits) * 100 + 99, 12, 31), "century"
    except (ValueError, OverflowError):
        return None
    return None


def holiday_date(spec: dict, year: int) -> Optional[dt.date]:
    """The date of a named day in ``year`` from its lexicon entry: ``{"fixed": "12-24"}``,
    ``{"easter": 49}`` (days after Easter Sunday: Pfingsten), ``{"nth_weekday": [11, 4, 4]}``
    (month, ISO weekday, n: the fourth Thursday of November, Thanksgiving)."""
    try:
        if "fixed" in spec:
            month, day = (int(x) for x in spec["fixed"].split("-"))
            return make_date(year, month, day)
        if "easter" in spec:
            return easter(year) + dt.timedelta(days=int(spec["easter"]))
        if "nth_weekday" in spec:
            month, wd, n = spec["nth_weekday"]
            return dt.date(year, month, 1) + relativedelta(weekday=weekday(wd - 1, n))
    except (ValueError, OverflowError):
        return None
    return None
