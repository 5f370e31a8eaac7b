"""Resolvers of the calendar's longer periods: centuries, decades, years BC, quarters and
halves, split years ("1987/88", a season or fiscal year) and holidays."""
from __future__ import annotations

import calendar
from typing import Optional

from extract.dates import calendar as cal
from extract.dates.grammar import norm
from extract.dates.values import Context, Groups, Maps, Resolved, month_of, number, year_of


def resolve_century(g: Groups, maps: Maps, ctx: Context) -> Optional[Resolved]:
    """'20. Jahrhundert' / '20th century' -> '19'; '8. Jh. v. Chr.' / '5th century BC' -> 'BC07', 'BC04'."""
    n = int(g["century"])
    if g.get("bc"):
        return Resolved(f"BC{n - 1:02d}", False) if 1 <= n <= 99 else None
    return Resolved(f"{n - 1:02d}", False) if 1 <= n <= 21 else None


def resolve_decade(g: Groups, maps: Maps, ctx: Context) -> Optional[Resolved]:
    """'1990er Jahre' / 'the 1990s' -> '199'; '90er Jahre', 'Neunzigerjahre' -> '199'."""
    if g.get("decade"):
        return Resolved(g["decade"], False)
    if g.get("decword"):
        digit = maps["decade_words"].get(norm(g["decword"]))
        return Resolved(f"19{digit}", True) if digit is not None else None
    return Resolved("19" + g["decade2"], True)


def resolve_bc(g: Groups, maps: Maps, ctx: Context) -> Optional[Resolved]:
    """'218 v. Chr.' -> 'BC0218'."""
    return Resolved(f"BC{int(g['bcyear']):04d}", False)


def resolve_year_back(g: Groups, maps: Maps, ctx: Context) -> Optional[Resolved]:
    """'the year-ago quarter' -> the year before the anchor ('the year-earlier third quarter':
    its third quarter); the tagger gives it the period the report speaks of (compare.py)."""
    year = ctx.anchor.year - 1
    q = maps["ordinals"].get(norm(g["quarter"])) if g.get("quarter") else None
    if q is not None and 1 <= q <= 4:
        return Resolved(f"{year:04d}-Q{q}", True)
    return Resolved(f"{year:04d}", True)


def resolve_reported_period(g: Groups, maps: Maps, ctx: Context) -> Optional[Resolved]:
    """'the quarter': a placeholder the tagger replaces with the quarter last named (compare.py)."""
    return Resolved(f"{ctx.anchor.year:04d}-QX", True)


def resolve_edge_period(g: Groups, maps: Maps, ctx: Context) -> Optional[Resolved]:
    """The first or last months of a year ('the last three months of 2004' -> 2004-Q4, 'the
    first six months of last year' -> <year>-H1, 'den ersten neun Monaten 2016' -> 2016-01/2016-09)
    or days of a month ('the first 20 days of February' -> <year>-02-01/<year>-02-20); quarters
    and halves by their months ('the first two quarters of 1990', 'the last half of 1989')."""
    edge = maps["edge_words"].get(norm(g["edge"]))
    n = number(g.get("num"), maps) if not g.get("halfword") else 6  # "the last half of 1989": six months
    if edge is None or n is None or not float(n).is_integer() or n < 1:
        return None
    n = int(n)
    unit = "M" if g.get("halfword") else maps["units"].get(norm(g.get("unit") or ""))
    if unit == "Q":
        n, unit = n * 3, "M"  # "the first two quarters of 1990": six months, its first half
    if g.get("month"):
        month = month_of(g, maps)
        year = year_of(g.get("year3"), ctx) or cal.month_near(ctx.anchor, month, ctx.tense or -1)[0]
        last = calendar.monthrange(year, month)[1]
        if n > last or unit != "D":
            return None
        lo, hi = (1, n) if edge > 0 else (last - n + 1, last)
        return Resolved(f"{year:04d}-{month:02d}-{lo:02d}/{year:04d}-{month:02d}-{hi:02d}", not g.get("year3"))
    if unit != "M" or n > 12:
        return None
    explicit = year_of(g.get("year") or g.get("year2"), ctx)
    rel = maps["rel"].get(norm(g["rel"]), 0) if g.get("rel") else 0
    year = explicit if explicit is not None else ctx.anchor.year + rel
    named = {(1, 3): "Q1", (-1, 3): "Q4", (1, 6): "H1", (-1, 6): "H2", (1, 12): None, (-1, 12): None}
    if (edge, n) in named:
        code = named[(edge, n)]
        return Resolved(f"{year:04d}-{code}" if code else f"{year:04d}", explicit is None)
    lo, hi = (1, n) if edge > 0 else (13 - n, 12)
    return Resolved(f"{year:04d}-{lo:02d}/{year:04d}-{hi:02d}", explicit is None)


def resolve_quarter(g: Groups, maps: Maps, ctx: Context) -> Optional[Resolved]:
    """'the third quarter' -> '<year>-Q3'; with a half's word ('second half of 2004',
    'im zweiten Halbjahr') -> '<year>-H2'."""
    q = maps["ordinals"].get(norm(g["quarter"]))
    unit = "H" if g.get("halfword") else "Q"
    year = year_of(g.get("year"), ctx) or year_of(g.get("qyear"), ctx)
    if q is None or (unit == "H" and q > 2):
        return None
    if year is not None:
        return Resolved(f"{year:04d}-{unit}{q}", False)
    if g.get("yrel") and norm(g["yrel"]) in maps["rel"]:  # "next year's first quarter"
        return Resolved(f"{ctx.anchor.year + maps['rel'][norm(g['yrel'])]:04d}-{unit}{q}", True)
    rel = maps["rel"].get(norm(g["rel"]), 0) if g.get("rel") else 0
    span, y = 12 // (4 if unit == "Q" else 2), ctx.anchor.year + rel
    if not g.get("rel") and not ctx.narrative:  # where the clause points ("rose in the fourth quarter" in
        # February); ahead only past a quarter's reporting season ("will report third-quarter results" in October)
        y += -(ctx.tense < 0 and (q - 1) * span + 1 > ctx.anchor.month) + (ctx.tense > 0 and q * span < ctx.anchor.month - 3)
    return Resolved(f"{y:04d}-{unit}{q}", True)


def resolve_holiday(g: Groups, maps: Maps, ctx: Context) -> Optional[Resolved]:
    """'zu Ostern', 'am Heiligabend', 'Thanksgiving 2015': the day in the year given, else the
    one nearest the anchor in the clause's direction, or nearest either way when it has none."""
    spec = maps["holidays"].get(norm(g["holiday"]))
    if not spec:
        return None
    year = year_of(g.get("year"), ctx)
    if year is not None:
        d = cal.holiday_date(spec, year)
        return Resolved(d.isoformat(), False) if d else None
    if ctx.narrative:
        d = cal.holiday_date(spec, ctx.anchor.year)
        return Resolved(d.isoformat(), True) if d else None
    days = [d for d in (cal.holiday_date(spec, ctx.anchor.year + k) for k in (-1, 0, 1)) if d]
    near = min(days, key=lambda d: abs((d - ctx.anchor).days), default=None)
    if near is None:
        return None
    if ctx.tense:  # "Zu Ostern kamen die Gäste" in March: last Easter
        side = [d for d in days if (d - ctx.anchor).days * ctx.tense >= 0]
        near = min(side, key=lambda d: abs((d - ctx.anchor).days), default=near)
    return Resolved(near.isoformat(), True)


def resolve_split_year(g: Groups, maps: Maps, ctx: Context) -> Optional[Resolved]:
    """'1987/88' -> '1987/1988' (both years); with its season's months, '1987/88
    (October/September)' -> '1987-10/1988-09'; '1987/92', a plan's years -> '1987/1992'."""
    y1 = year_of(g["year"], ctx)
    tail = g["year2"]
    y2 = int(tail) if len(tail) == 4 else (y1 // 100) * 100 + int(tail)
    if y2 <= y1:
        y2 += 100  # "1999/00"
    if y2 - y1 > 10:
        return None
    m1, m2 = month_of(g, maps, "1"), month_of(g, maps, "2")
    if m1 and m2 and y2 == y1 + 1:
        return Resolved(f"{y1:04d}-{m1:02d}/{y2:04d}-{m2:02d}", False)
    return Resolved(f"{y1:04d}/{y2:04d}", False)
