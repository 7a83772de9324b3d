"""Date expressions: find them in a sentence and resolve them against an anchor date.

Resolution is tense-aware: «الاثنين» in a sentence about what will happen is the coming
Monday, in a report of what happened the last one; «غدا الاثنين» is the Monday next to the
anchor; quarters, months, years, «العام الماضي», «منذ عام 2018».
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from .lexicon import FunctionSense
from .recognize import Analysis

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class TimeParse:
    """A date expression found over tokens [i, j), not yet resolved."""

    i: int
    j: int
    start: int
    end: int
    text: str
    kind: str  # relday | weekday | date | month | year | quarter | unit | since
    offset: int = 0
    weekdays: tuple[int, ...] = ()
    day: int | None = None
    month: int | None = None
    year: int | None = None
    quarter: int | None = None
    rel: str | None = None  # past | next | current
    unit: str | None = None


def _cat(a: Analysis, i: int) -> FunctionSense | None:
    return a.func(i, "weekday", "month", "relday", "quarter", "time_unit", "time_past",
                  "time_next", "time_current", "time_since", "time_day_parts")  # fmt: skip


def _year_at(a: Analysis, i: int) -> int | None:
    if i < len(a.tokens) and a.tokens[i].norm.isdigit() and len(a.tokens[i].norm) == 4:
        y = int(a.tokens[i].norm)
        return y if 1900 <= y <= 2100 else None
    return None


def _other_month_name(a: Analysis, j: int, n: int) -> int:
    """Past the month's other name: «آب/أغسطس», «يوليو (تموز)»."""
    toks = a.tokens
    if j + 1 < n and toks[j].text in ("/", "(") and a.func(j + 1, "month") is not None:
        k = a.covered[j + 1].j
        return k + 1 if toks[j].text == "(" and k < n and toks[k].text == ")" else k
    return j


def find_times(a: Analysis) -> list[TimeParse]:
    """Every date expression in the sentence, longest first from left to right."""
    out: list[TimeParse] = []
    toks = a.tokens
    i = 0
    n = len(toks)
    while i < n:
        starts = (i in a.funcs and _cat(a, i) is not None) or toks[i].norm.isdigit()
        tp = _parse_at(a, i, n) if starts else None  # only a date word or a number starts one
        if tp is None:
            i += 1
            continue
        out.append(tp)
        i = tp.j
    return out


def _parse_at(a: Analysis, i: int, n: int) -> TimeParse | None:  # noqa: C901
    toks = a.tokens
    f = _cat(a, i)
    m = a.covered.get(i)
    end_i = m.j if m is not None else i + 1

    def make(j: int, **kw: object) -> TimeParse:
        s, e = toks[i].start, toks[j - 1].end
        return TimeParse(i, j, s, e, a.sentence.text[s - a.sentence.start:e - a.sentence.start],
                         **kw)  # type: ignore[arg-type]  # fmt: skip

    def rel_at(k: int) -> tuple[str | None, int]:
        g = _cat(a, k) if k < n else None
        if g is not None and g.category in ("time_past", "time_next", "time_current"):
            mm = a.covered[k]
            return g.category[5:], mm.j
        return None, k

    tok = toks[i]
    if tok.norm.isdigit() and 1 <= int(tok.norm) <= 31 and i + 1 < n:
        g = _cat(a, i + 1)
        if g is not None and g.category == "month":
            j = _other_month_name(a, a.covered[i + 1].j, n)
            year = _year_at(a, j)
            return make(j + (year is not None), kind="date", day=int(tok.norm),
                        month=int(g.value or 0), year=year)  # fmt: skip
    if f is None:
        return None
    cat = f.category
    if cat == "time_day_parts":  # «صباح الأحد», «يوم الاثنين»: only with a day after it
        g = _cat(a, end_i) if end_i < n else None
        if g is not None and g.category in ("weekday", "relday"):
            inner = _parse_at(a, end_i, n)
            if inner is not None:
                return make(inner.j, kind=inner.kind, offset=inner.offset, weekdays=inner.weekdays,
                            rel=inner.rel)  # fmt: skip
        return None
    if cat == "relday":
        offset = int(f.value or 0)
        g = _cat(a, end_i) if end_i < n else None
        if g is not None and g.category == "weekday":
            return make(a.covered[end_i].j, kind="relday", offset=offset,
                        weekdays=(int(g.value or 0),))  # fmt: skip
        return make(end_i, kind="relday", offset=offset)
    if cat == "weekday":
        days = [int(f.value or 0)]
        j = end_i
        g = _cat(a, j) if j < n else None
        if g is not None and g.category == "weekday" and toks[j].prefix[:1] == "\u0648":
            days.append(int(g.value or 0))
            j = a.covered[j].j
        rel, j = rel_at(j)
        return make(j, kind="weekday", weekdays=tuple(days), rel=rel)
    if cat == "month":
        end_i = _other_month_name(a, end_i, n)
        year = _year_at(a, end_i)
        return make(end_i + (year is not None), kind="month", month=int(f.value or 0), year=year)
    if cat == "quarter":
        j = end_i
        if j < n and a.func(j, "prepositions"):
            j += 1
        g = _cat(a, j) if j < n else None
        if g is not None and g.category == "time_unit" and g.value == "year":
            j = a.covered[j].j
        year = _year_at(a, j)
        if year is not None:
            return make(j + 1, kind="quarter", quarter=int(f.value or 0), year=year)
        rel, k = rel_at(j)
        return make(k, kind="quarter", quarter=int(f.value or 0), rel=rel or "current")
    if cat == "time_unit":
        year = _year_at(a, end_i)
        if year is not None and f.value == "year":
            return make(end_i + 1, kind="year", year=year)
        rel, j = rel_at(end_i)
        if rel is not None:
            return make(j, kind="unit", unit=f.value, rel=rel)
        return None
    if cat == "time_since":
        inner = _parse_at(a, end_i, n) if end_i < n else None
        if inner is not None and inner.kind in ("year", "month", "date"):
            return make(inner.j, kind="since", year=inner.year, month=inner.month, day=inner.day)
        return None
    return None


def _nearest_weekday(anchor: dt.date, weekday: int, direction: str) -> dt.date:
    """The date with that weekday: last on/before the anchor, first on/after, or nearest."""
    if direction == "past":
        return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)
    if direction == "future":
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)
    if direction == "strict_past":
        d = (anchor.weekday() - weekday) % 7 or 7
        return anchor - dt.timedelta(days=d)
    if direction == "strict_future":
        d = (weekday - anchor.weekday()) % 7 or 7
        return anchor + dt.timedelta(days=d)
    back = _nearest_weekday(anchor, weekday, "past")
    fwd = _nearest_weekday(anchor, weekday, "future")
    return back if (anchor - back) <= (fwd - anchor) else fwd


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def resolve(tp: TimeParse, anchor: dt.date | None, future: bool) -> tuple[
        dt.date | None, dt.date | None, str]:  # fmt: skip
    """Resolve a parse against the anchor; `future` says the act lies ahead of the anchor."""
    if tp.kind in ("year", "since") and tp.year is not None and tp.month is None:
        return dt.date(tp.year, 1, 1), dt.date(tp.year, 12, 31), "year"
    if anchor is None:
        return None, None, "no publication date to resolve against"
    try:
        return _resolve(tp, anchor, future)
    except ValueError as exc:
        return None, None, f"not a valid date: {exc}"


def _resolve(tp: TimeParse, anchor: dt.date, future: bool) -> tuple[
        dt.date | None, dt.date | None, str]:  # fmt: skip
    direction = "future" if future else "past"
    if tp.kind == "relday":
        base = anchor + dt.timedelta(days=tp.offset)
        if tp.weekdays:
            base = _nearest_weekday(base, tp.weekdays[0], "nearest")
        return base, base, "relative day"
    if tp.kind == "weekday":
        if tp.rel == "past":
            direction = "strict_past"
        elif tp.rel == "next":
            direction = "strict_future"
        first = _nearest_weekday(anchor, tp.weekdays[0], direction)
        last = first
        for wd in tp.weekdays[1:]:
            last = _nearest_weekday(last, wd, "future")
        return first, last, f"weekday, {direction.replace('strict_', '')}"
    if tp.kind in ("date", "month", "since"):
        year = tp.year
        month = tp.month or 1
        if year is None:
            year = anchor.year
            probe = dt.date(year, month, min(tp.day or 1, 28))
            if future and probe < anchor - dt.timedelta(days=31):
                year += 1
            elif not future and probe > anchor + dt.timedelta(days=31):
                year -= 1
        if tp.kind == "date" or (tp.kind == "since" and tp.day):
            d = dt.date(year, month, tp.day or 1)
            return d, d, "date"
        start, end = _month_range(year, month)
        return start, end, "month"
    if tp.kind == "quarter":
        year = tp.year or anchor.year + (1 if tp.rel == "next" else -1 if tp.rel == "past" else 0)
        q = tp.quarter or 1
        start = dt.date(year, 3 * q - 2, 1)
        return start, _month_range(year, 3 * q)[1], "quarter"
    if tp.kind == "unit":
        step = {"past": -1, "next": 1}.get(tp.rel or "", 0)
        if tp.unit == "year":
            y = anchor.year + step
            return dt.date(y, 1, 1), dt.date(y, 12, 31), f"year, {tp.rel}"
        if tp.unit == "month":
            y, mth = divmod(anchor.year * 12 + anchor.month - 1 + step, 12)
            start, end = _month_range(y, mth + 1)
            return start, end, f"month, {tp.rel}"
        if tp.unit == "week":
            monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=step)
            return monday, monday + dt.timedelta(days=6), f"week, {tp.rel}"
    return None, None, "unresolved"
