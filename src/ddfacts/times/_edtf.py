"""Read Extended Date/Time Format strings (Library of Congress EDTF, ISO 8601-2).

:func:`parse_edtf` turns an EDTF string into the bounds, precision and flags
of a :class:`~ddfacts.times.TimeSpan`.  It reads level 0 (dates, date-times,
intervals), level 1 (``?``, ``~``, ``%``; unspecified ``X`` digits; open ``..``
and unknown empty interval ends; seasons 21–24) and, from level 2, partially
unspecified dates (``156X-12-25``, ``XXXX-12-XX``), qualifiers on single
components (``2004-06-~11``) and the extra seasons, quarters, quadrimesters and
semesters 25–41.  Valid EDTF that a span of Python dates cannot hold (years
before 1 or after 9999, ``Y``-prefixed years, significant digits, sets) raises
:class:`EdtfUnsupportedError`; anything else that is not EDTF raises
:class:`EdtfError`.

Conventions the specification leaves open:

- Seasons follow the meteorological calendar of the northern hemisphere:
  spring (21) is March–May, summer June–August, autumn September–November,
  winter (24) December to the end of the following February.
- Unspecified digits give the widest interval the digits allow:
  ``201X`` is 2010-01-01..2019-12-31, ``156X-12-25`` is 1560-12-25..1569-12-25.
  A date whose year is entirely unspecified (``XXXX-12-09``) has no bounds.
- The precision of an interval is the coarser of its two ends.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

import attrs

from ..errors import EdtfError, EdtfUnsupportedError

__all__ = ["EdtfError", "EdtfUnsupportedError", "ParsedEdtf", "parse_edtf"]

#: Precisions, coarsest first (the values of :class:`ddfacts.times.Precision`).
PRECISION_ORDER = (
    "unknown",
    "century",
    "decade",
    "year",
    "season",
    "month",
    "week",
    "day",
    "hour",
    "minute",
    "second",
)

#: Season code -> (first month, number of months) (EDTF level 1 and 2 "seasons").
SEASONS: dict[int, tuple[int, int]] = {
    21: (3, 3),
    22: (6, 3),
    23: (9, 3),
    24: (12, 3),
    25: (3, 3),
    26: (6, 3),
    27: (9, 3),
    28: (12, 3),
    29: (9, 3),
    30: (12, 3),
    31: (3, 3),
    32: (6, 3),
    33: (1, 3),
    34: (4, 3),
    35: (7, 3),
    36: (10, 3),
    37: (1, 4),
    38: (5, 4),
    39: (9, 4),
    40: (1, 6),
    41: (7, 6),
}

_Q = r"[?~%]"
_DATE = re.compile(
    rf"(?P<yp>{_Q})?(?P<year>-?[0-9X]{{4}})(?P<ys>{_Q})?"
    rf"(?:-(?P<mp>{_Q})?(?P<month>[0-9X]{{2}})(?P<ms>{_Q})?"
    rf"(?:-(?P<dp>{_Q})?(?P<day>[0-9X]{{2}})(?P<ds>{_Q})?)?)?"
)
_DATETIME = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})T(?P<time>\d{2}:\d{2}:\d{2})(?P<zone>Z|[+-]\d{2}(?::?\d{2})?)?"
)
#: Valid EDTF (level 1 and 2) forms outside what Python dates can hold.
_UNSUPPORTED = re.compile(r"Y-?\d+(?:E\d+)?(?:S\d+)?|-?\d{4}S\d+|\[.*\]|\{.*\}")


@attrs.frozen
class ParsedEdtf:
    """The bounds, precision and flags an EDTF string stands for."""

    #: First possible instant, or None (open, unknown or unspecified).
    earliest: dt.date | None
    #: Last possible instant, or None (open, unknown or unspecified).
    latest: dt.date | None
    #: A value of :class:`ddfacts.times.Precision`.
    precision: str
    #: ``~`` or ``%`` somewhere.
    approximate: bool
    #: ``?`` or ``%`` somewhere.
    uncertain: bool


def coarser(a: str, b: str) -> str:
    """The coarser of two precision values."""
    return a if PRECISION_ORDER.index(a) <= PRECISION_ORDER.index(b) else b


def _candidates(pattern: str, low: int, high: int) -> list[int]:
    """Numbers in [low, high] whose zero-padded digits match *pattern* (``X`` any digit)."""
    width = len(pattern)
    if "X" not in pattern:
        value = int(pattern)
        return [value] if low <= value <= high else []
    lo = int(pattern.replace("X", "0"))
    hi = int(pattern.replace("X", "9"))
    regex = re.compile(pattern.replace("X", "[0-9]"))
    return [n for n in range(max(lo, low), min(hi, high) + 1) if regex.fullmatch(f"{n:0{width}d}")]


def _first_valid(
    years: list[int], months: list[int], days: list[int], *, reverse: bool
) -> dt.date | None:
    order = reversed if reverse else iter
    for year in order(years):
        for month in order(months):
            last = calendar.monthrange(year, month)[1]
            for day in order(days):
                if day <= last:
                    return dt.date(year, month, day)
    return None


def _season_bounds(text: str, year_pattern: str, code: int) -> tuple[dt.date, dt.date] | None:
    first, count = SEASONS[code]
    if year_pattern == "XXXX":
        return None
    years = _candidates(year_pattern, 1, 9999)
    last_month_index = first - 1 + count - 1
    lo_year, hi_year = years[0], years[-1] + last_month_index // 12
    if hi_year > 9999:
        raise EdtfUnsupportedError(text, "the season ends after the year 9999")
    end_month = last_month_index % 12 + 1
    return (
        dt.date(lo_year, first, 1),
        dt.date(hi_year, end_month, calendar.monthrange(hi_year, end_month)[1]),
    )


def _parse_date(text: str, part: str) -> ParsedEdtf:
    match = _DATE.fullmatch(part)
    if match is None:
        raise EdtfError(text, f"{part!r} is not a date")
    year, month, day = match["year"], match["month"], match["day"]
    qualifiers = "".join(match[g] or "" for g in ("yp", "ys", "mp", "ms", "dp", "ds"))
    approximate = "~" in qualifiers or "%" in qualifiers
    uncertain = "?" in qualifiers or "%" in qualifiers
    if year.startswith("-"):
        raise EdtfUnsupportedError(text, "years before 1 are outside Python dates")
    if year.replace("X", "0") == "0000" and year != "XXXX":
        raise EdtfUnsupportedError(text, "years before 1 are outside Python dates")
    years = _candidates(year, 1, 9999)
    if month is not None and month[0] in "234":
        if "X" in month or day is not None or int(month) not in SEASONS:
            raise EdtfError(text, f"{month!r} is neither a month nor a season")
        bounds = _season_bounds(text, year, int(month))
        earliest, latest = bounds if bounds else (None, None)
        return ParsedEdtf(earliest, latest, "season", approximate, uncertain)
    months = _candidates(month, 1, 12) if month is not None else list(range(1, 13))
    days = _candidates(day, 1, 31) if day is not None else list(range(1, 32))
    if not months:
        raise EdtfError(text, f"month {month!r} is not 01-12")
    if not days:
        raise EdtfError(text, f"day {day!r} is not 01-31")
    if day is not None:
        precision = "day"
    elif month is not None:
        precision = "month"
    elif year == "XXXX":
        precision = "unknown"
    else:
        trailing = len(year) - len(year.rstrip("X"))
        precision = "year" if trailing == 0 or "X" in year.rstrip("X") else "decade"
        if trailing >= 2 and "X" not in year.rstrip("X"):
            precision = "century"
    if year == "XXXX":
        # No bounds; the month and day must still fit some year (leap years included).
        if _first_valid([2000], months, days, reverse=False) is None:
            raise EdtfError(text, "no month has that day")
        return ParsedEdtf(None, None, precision, approximate, uncertain)
    earliest = _first_valid(years, months, days, reverse=False)
    latest = _first_valid(years, months, days, reverse=True)
    if earliest is None or latest is None:
        raise EdtfError(text, f"{part!r} is not a calendar date")
    return ParsedEdtf(earliest, latest, precision, approximate, uncertain)


def _parse_datetime(text: str, match: re.Match[str]) -> ParsedEdtf:
    zone = match["zone"]
    iso = f"{match['date']}T{match['time']}"
    if zone == "Z":
        iso += "+00:00"
    elif zone is not None:
        iso += zone if len(zone) != 3 else f"{zone}:00"
    try:
        value = dt.datetime.fromisoformat(iso)
    except ValueError as error:
        raise EdtfError(text, str(error)) from None
    return ParsedEdtf(value, value, "second", False, False)


def _parse_end(text: str, part: str) -> ParsedEdtf:
    if _DATETIME.fullmatch(part):
        raise EdtfError(text, "an interval's ends are dates, not date-times")
    return _parse_date(text, part)


def parse_edtf(text: str) -> ParsedEdtf:
    """The bounds, precision and flags of the EDTF string *text*.

    Raises:
        EdtfUnsupportedError: *text* may be valid EDTF but lies outside Python dates.
        EdtfError: *text* is not EDTF.
    """
    if not isinstance(text, str):
        raise TypeError(f"an EDTF string is a str, got {text!r}")
    if _UNSUPPORTED.fullmatch(text):
        raise EdtfUnsupportedError(
            text, "long years, significant digits, sets and years before 1 are not supported"
        )
    if "/" not in text:
        moment = _DATETIME.fullmatch(text)
        if moment is not None:
            return _parse_datetime(text, moment)
        return _parse_date(text, text)
    if text.count("/") != 1:
        raise EdtfError(text, "an interval has exactly one '/'")
    start_text, end_text = text.split("/")
    if start_text in ("", "..") and end_text in ("", ".."):
        raise EdtfError(text, "an interval needs at least one date")
    start = None if start_text in ("", "..") else _parse_end(text, start_text)
    end = None if end_text in ("", "..") else _parse_end(text, end_text)
    if start is not None and end is not None:
        if start.earliest and end.latest and start.earliest > end.latest:
            raise EdtfError(text, "the interval starts after it ends")
        precision = coarser(start.precision, end.precision)
    else:
        precision = (start or end).precision  # type: ignore[union-attr]
    return ParsedEdtf(
        start.earliest if start else None,
        end.latest if end else None,
        precision,
        any(p.approximate for p in (start, end) if p),
        any(p.uncertain for p in (start, end) if p),
    )
