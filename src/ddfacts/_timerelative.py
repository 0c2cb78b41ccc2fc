"""Relative time expressions ("last week", "this year", "two years ago") against a reference date.

Conventions:

- "this/last/next week|month|year" (also "the previous/following …") name the
  calendar unit holding the reference date, the one before, the one after.
  Weeks run Monday to Sunday (ISO 8601).
- "earlier this month|year|week" runs from the unit's start to the reference
  date; "later this …" from the reference date to the unit's end.
- "over the past|previous|last N units" (and "the past N units", "during
  previous N units") is the rolling window from the reference date minus N
  units to the reference date, at the unit's precision.
- "N units ago" is the calendar unit holding the reference date minus N
  units, approximate (writers round), except for days.
- "today", "yesterday", "tomorrow" are days.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from ._timewords import COUNTS, Found

__all__ = ["parse_relative"]

_UNITS = {"day": "day", "week": "week", "month": "month", "year": "year"}
_COUNT = "|".join(sorted((re.escape(w) for w in COUNTS), key=len, reverse=True))
_UNIT = r"(day|week|month|year)s?"

_CALENDAR = re.compile(rf"(?:the )?(this|current|last|previous|past|next|following|coming) {_UNIT}")
_EARLIER = re.compile(rf"(earlier|later) (?:this|in the) {_UNIT}")
_WINDOW = re.compile(
    rf"(?:(?:over|in|during|for|within) )?(?:the )?(?:past|previous|last|preceding) "
    rf"(\d+|{_COUNT}) {_UNIT}"
)
_AGO = re.compile(rf"(\d+|{_COUNT}) {_UNIT} (?:ago|earlier|before)")
_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}


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
    match = _CALENDAR.fullmatch(text)
    if match is not None:
        which, unit = match.groups()
        step = {"this": 0, "current": 0, "next": 1, "following": 1, "coming": 1}.get(which, -1)
        day = reference + _shift(unit, step)
        return Found(_unit_edtf(unit, day), precision=_UNITS[unit], resolved=True)
    match = _EARLIER.fullmatch(text)
    if match is not None:
        which, unit = match.groups()
        start, end = _unit_span(unit, reference)
        if which == "earlier":
            end = reference
        else:
            start = reference
        edtf = f"{start.isoformat()}/{end.isoformat()}"
        return Found(edtf, precision=_UNITS[unit], resolved=True)
    match = _WINDOW.fullmatch(text)
    if match is not None:
        count, unit = _count(match[1]), match[2]
        start = reference - _shift(unit, count)
        edtf = f"{start.isoformat()}/{reference.isoformat()}"
        return Found(edtf, precision=_UNITS[unit], resolved=True)
    match = _AGO.fullmatch(text)
    if match is not None:
        count, unit = _count(match[1]), match[2]
        day = reference - _shift(unit, count)
        edtf = _unit_edtf(unit, day)
        if unit != "day":
            edtf = edtf.replace("/", "~/") + "~" if "/" in edtf else edtf + "~"
        return Found(edtf, precision=_UNITS[unit], resolved=True)
    return None


def is_relative(text: str) -> bool:
    """Whether *text* is a relative expression (so it needs a reference date)."""
    return parse_relative(text, dt.date(2000, 6, 15)) is not None
