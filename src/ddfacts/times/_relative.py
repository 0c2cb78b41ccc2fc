"""Relative time expressions ("last week", "this year", "two years ago") against a reference date.

Conventions:

- "this/last/next week|month|year" (also "the previous/following …") name the
  calendar unit holding the reference date, the one before, the one after.
  Weeks run Monday to Sunday (ISO 8601).
- "earlier this month|year|week" runs from the unit's start to the reference
  date; "later this …" from the reference date to the unit's end.
- "over the past|previous|last N units" (and "the past N units", "during
  previous N units") is the rolling window from the reference date minus N
  units to the reference date.  Its bounds are as precise as the reference:
  day precision against a date (a reference known only as a month gives a
  month-bounded window, see :func:`ddfacts.times._parse.parse_time`).
- "N units ago" is the calendar unit holding the reference date minus N
  units, approximate (writers round), except for days.
- "today", "yesterday", "tomorrow" are days.
- A weekday ("Saturday", "on Tue.") is the most recent such day not after the
  reference date (the news convention, as for a bare month and day); "last
  Saturday" the most recent one before it; "next Saturday" the first one after it;
  "this Saturday" the one in the ISO week (Monday to Sunday) holding the reference.
- Anaphora: "that day|week|month|year" and "the same …" name the calendar
  unit holding the reference date, which is then the date the text gave
  earlier (the antecedent), not the publication date: the caller passes the
  antecedent as the reference.  "later that year" runs from the reference
  date to the year's end and "earlier that year" from the year's start to
  the reference date, with the bound at the reference date approximate
  (the antecedent is often known only roughly).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from ._edtf import coarser, parse_edtf
from ._span import ResolvedAgainst, TimeSpan, as_date
from ._words import COUNTS, Found

__all__ = ["Reference", "at_precision", "hull", "is_relative", "parse_relative", "reference_of"]

_UNITS = {"day": "day", "week": "week", "month": "month", "year": "year"}
_COUNT = "|".join(sorted((re.escape(w) for w in COUNTS), key=len, reverse=True))
_UNIT = r"(day|week|month|year)s?"

_CALENDAR = re.compile(
    rf"(?:the )?(this|current|last|previous|past|next|following|coming|that|same) {_UNIT}"
)
_EARLIER = re.compile(rf"(earlier|later) (this|in the|that|the same) {_UNIT}")
_WINDOW = re.compile(
    rf"(?:(?:over|in|during|for|within) )?(?:the )?(?:past|previous|last|preceding) "
    rf"(\d+|{_COUNT}) {_UNIT}"
)
_AGO = re.compile(rf"(\d+|{_COUNT}) {_UNIT} (?:ago|earlier|before)")
_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}
#: Weekday names and abbreviations -> ISO weekday index (Monday is 0).
_WEEKDAY_NAMES = {
    **{name.lower(): index for index, name in enumerate(calendar.day_name)},
    **{name.lower(): index for index, name in enumerate(calendar.day_abbr)},
    "tues": 1, "weds": 2, "thur": 3, "thurs": 3,
}  # fmt: skip
_WEEKDAY = re.compile(
    r"(?:(last|past|this|next|coming) )?("
    + "|".join(sorted(_WEEKDAY_NAMES, key=len, reverse=True))
    + r")\.?"
)
_STEPS = {"this": 0, "current": 0, "that": 0, "same": 0, "next": 1, "following": 1, "coming": 1}


def _count(word: str) -> int:
    return int(word) if word.isdigit() else COUNTS[word]


def _unit_span(unit: str, day: dt.date) -> tuple[dt.date, dt.date]:
    """First and last day of the calendar *unit* holding *day*."""
    if unit == "day":
        return day, day
    if unit == "week":
        start = day - dt.timedelta(days=day.weekday())
        return start, start + dt.timedelta(days=6)
    if unit == "month":
        start = day.replace(day=1)
        return start, start + relativedelta(months=1, days=-1)
    start = day.replace(month=1, day=1)
    return start, day.replace(month=12, day=31)


def _unit_edtf(unit: str, day: dt.date) -> str:
    """The EDTF form of the calendar *unit* holding *day*."""
    if unit == "day":
        return day.isoformat()
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "year":
        return f"{day.year:04d}"
    start, end = _unit_span(unit, day)
    return f"{start.isoformat()}/{end.isoformat()}"


def _shift(unit: str, count: int) -> relativedelta:
    return relativedelta(**{f"{unit}s": count})  # type: ignore[arg-type]


def parse_relative(text: str, reference: dt.date) -> Found | None:
    """*text* read as a relative expression against *reference*, or None if it is not one."""
    if text in _DAYS:
        day = reference + dt.timedelta(days=_DAYS[text])
        return Found(day.isoformat(), resolved=True)
    match = _WEEKDAY.fullmatch(text)
    if match is not None:
        return Found(
            _weekday(match[1], _WEEKDAY_NAMES[match[2]], reference).isoformat(), resolved=True
        )
    match = _CALENDAR.fullmatch(text)
    if match is not None:
        which, unit = match.groups()
        step = _STEPS.get(which, -1)
        day = reference + _shift(unit, step)
        return Found(_unit_edtf(unit, day), precision=_UNITS[unit], resolved=True)
    match = _EARLIER.fullmatch(text)
    if match is not None:
        which, this, unit = match.groups()
        start, end = _unit_span(unit, reference)
        mark = "~" if this in ("that", "the same") else ""
        if which == "earlier":
            edtf = f"{start.isoformat()}/{reference.isoformat()}{mark}"
        else:
            edtf = f"{reference.isoformat()}{mark}/{end.isoformat()}"
        return Found(edtf, precision=_UNITS[unit], resolved=True)
    match = _WINDOW.fullmatch(text)
    if match is not None:
        count, unit = _count(match[1]), match[2]
        start = reference - _shift(unit, count)
        return Found(f"{start.isoformat()}/{reference.isoformat()}", precision="day", resolved=True)
    match = _AGO.fullmatch(text)
    if match is not None:
        count, unit = _count(match[1]), match[2]
        day = reference - _shift(unit, count)
        edtf = _unit_edtf(unit, day)
        if unit != "day":
            edtf = edtf.replace("/", "~/") + "~" if "/" in edtf else edtf + "~"
        return Found(edtf, precision=_UNITS[unit], resolved=True)
    return None


def _weekday(which: str | None, weekday: int, reference: dt.date) -> dt.date:
    """The day of *weekday* that "*which* <weekday>" names, seen from *reference*."""
    back = (reference.weekday() - weekday) % 7
    if which in ("next", "coming"):
        return reference + dt.timedelta(days=(weekday - reference.weekday()) % 7 or 7)
    if which == "this":  # the day of the ISO week (Monday to Sunday) holding the reference
        return reference + dt.timedelta(days=weekday - reference.weekday())
    if which in ("last", "past") and back == 0:
        back = 7
    return reference - dt.timedelta(days=back)


def is_relative(text: str) -> bool:
    """Whether *text* is a relative expression (so it needs a reference date)."""
    return parse_relative(text, dt.date(2000, 6, 15)) is not None


def hull(first: Found, last: Found) -> Found:
    """The span from *first*'s start to *last*'s end, both resolved (see :func:`parse_time`).

    *first* and *last* are one expression resolved against the first and the
    last day of a reference span; every resolution moves forward with its
    reference, so the hull covers the resolution against any day between.
    """
    if first.edtf == last.edtf:
        return first
    a, b = parse_edtf(first.edtf), parse_edtf(last.edtf)
    # The earlier start and the later end; None (open or unknown) reaches furthest.
    a_first = a.earliest is None or (b.earliest is not None and a.earliest <= b.earliest)
    b_last = b.latest is None or (a.latest is not None and b.latest >= a.latest)
    start = (first if a_first else last).edtf
    end = (last if b_last else first).edtf
    start = start.partition("/")[0] if "/" in start else start
    end = end.partition("/")[2] if "/" in end else end
    precision = coarser(first.precision or a.precision, last.precision or b.precision)
    return Found(f"{start}/{end}", precision=precision, resolved=first.resolved or last.resolved)


_PLAIN_DAYS = re.compile(r"(\d{4})-(\d{2})-(\d{2})/(\d{4})-(\d{2})-(\d{2})")


def at_precision(found: Found, precision: str) -> Found:
    """*found* written at the reference's *precision* when its day bounds fall on its units.

    Against a reference known only as a month, "over the previous two years"
    runs from the first day of a month to the last day of one: it is written
    ``2012-12/2014-12`` at month precision.  Likewise for years.  Anything
    else (qualified bounds, bounds inside a unit) is left as it is.
    """
    if precision in ("month", "season"):
        unit = "month"
    elif precision in ("year", "decade", "century"):
        unit = "year"
    else:
        return found
    match = _PLAIN_DAYS.fullmatch(found.edtf)
    if match is None:
        return found
    y1, m1, d1, y2, m2, d2 = (int(g) for g in match.groups())
    last_day = d2 == calendar.monthrange(y2, m2)[1]
    if unit == "month" and d1 == 1 and last_day:
        start, end = f"{y1:04d}-{m1:02d}", f"{y2:04d}-{m2:02d}"
    elif unit == "year" and (m1, d1) == (1, 1) and (m2, d2) == (12, 31):
        start, end = f"{y1:04d}", f"{y2:04d}"
    else:
        return found
    current = found.precision or parse_edtf(found.edtf).precision
    return Found(
        start if start == end else f"{start}/{end}",
        precision=coarser(current, unit),
        resolved=found.resolved,
    )


#: What a parse resolves against: the record, the first and last day, the precision.
Reference = tuple[ResolvedAgainst, dt.date, dt.date, str]


def reference_of(relative_to: dt.date | ResolvedAgainst | TimeSpan | None) -> Reference | None:
    """*relative_to* (a date, a ResolvedAgainst or a TimeSpan with both bounds) as a Reference."""
    if relative_to is None:
        return None
    if isinstance(relative_to, TimeSpan):
        if relative_to.earliest is None or relative_to.latest is None:
            raise ValueError(f"a TimeSpan reference needs both bounds, got {relative_to.edtf!r}")
        first, last = as_date(relative_to.earliest), as_date(relative_to.latest)
        basis = relative_to.edtf
        if relative_to.expression and relative_to.expression != basis:
            basis = f"{relative_to.expression} ({basis})"
        precision = relative_to.precision.value
        return ResolvedAgainst(date=first, basis=basis), first, last, precision
    if isinstance(relative_to, ResolvedAgainst):
        day = relative_to.date
        return relative_to, day, day, "day"
    if isinstance(relative_to, dt.date):
        day = as_date(relative_to)
        return ResolvedAgainst(date=day), day, day, "day"
    raise TypeError(
        f"relative_to must be a date, a ResolvedAgainst or a TimeSpan, got {relative_to!r}"
    )
