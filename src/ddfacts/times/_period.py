"""Read one period of a time expression: a date, month, season, year, decade or century.

:func:`read_period` is the last step of :func:`ddfacts.times._parse.parse_time`:
what is left once qualifiers ("about", "?"), parts ("late June"), ranges and
open ends have been taken off.  Absolute dates with an English month name are
read by :func:`dateutil.parser.parse`, with two defaults so that a field the
text leaves out is never filled in silently; Russian day-month, month and year
forms are read here too.  A month, day or season with no year resolves, given a
reference date, to the most recent one that starts on or before it.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as dateutil_parser

from . import _words as words
from ._edtf import EdtfError, parse_edtf
from ._words import Found

__all__ = ["NotTime", "read_period"]

_EN_MONTH = "|".join(sorted(words.MONTHS, key=len, reverse=True))
_RU_MONTH = "|".join(sorted(words.RU_MONTHS, key=len, reverse=True))
_HAS_MONTH = re.compile(rf"\b(?:{_EN_MONTH})\b\.?")
#: Nouns after a year that make "the 2013 edition" the year 2013.
_YEAR_NOUNS = (
    "edition|version|revision|release|issue|update|election|elections|referendum|vote|"
    "census|budget|summit|conference|congress|forum|meeting|session|olympics|games|"
    "championship|cup|festival|award|awards|prize|season|campaign|study|survey|report|"
    "review|index|ranking|doctrine|concept|strategy|law|constitution|treaty|agreement|"
    "war|crisis|invasion|annexation|coup|protests|attacks|visit"
)
_YEAR_NOUN = re.compile(rf"^(?:the )?(\d{{4}}) (?:{_YEAR_NOUNS})$")
_SEASON = re.compile(r"^(spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(\d{4}))?\Z")
_YEAR = re.compile(r"^(?:(?:the\s+)?year\s+)?(\d{4})\Z")
_DECADE = re.compile(r"^(\d{3})0'?s\Z")
_CENTURY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th) century\Z")
_EDTF_LIKE = re.compile(r"^[0-9x?~%/.\-t:+z]*\d[0-9x?~%/.\-t:+z]*\Z")
_RU_THIS_YEAR = r"(?:\s+(с\.\s?г\.?|сего года|текущего года|этого года|нынешнего года))?"
_RU_DAY = re.compile(
    rf"^(\d{{1,2}})\s+({_RU_MONTH})(?:\s+(\d{{4}})(?:\s+(?:года|г\.?))?)?{_RU_THIS_YEAR}$"
)
_RU_MONTH_YEAR = re.compile(
    rf"^(?:в\s+)?({_RU_MONTH})(?:\s+(\d{{4}})(?:\s+(?:года|г\.?))?)?{_RU_THIS_YEAR}$"
)
_RU_YEAR = re.compile(r"^(?:в\s+)?(\d{4})(?:\s+(?:году|год|года|г\.?))?\Z")
_DEFAULTS = (dt.datetime(4, 1, 1, 0, 0, 0), dt.datetime(8, 2, 2, 3, 3, 3))


class NotTime(Exception):
    """Internal: the text is not (or not entirely) a time expression."""


def _bare_month(month: int, reference: dt.date | None) -> Found:
    if reference is None:
        return Found(words.month_edtf(None, month))
    return Found(words.month_edtf(words.most_recent_month(month, reference), month), resolved=True)


def _bare_day(month: int, day: int, reference: dt.date | None) -> Found:
    if reference is None:
        return Found(words.day_edtf(None, month, day))
    year = words.most_recent_day(month, day, reference)
    return Found(words.day_edtf(year, month, day), resolved=True)


def _dateutil(text: str, reference: dt.date | None) -> Found:
    """An absolute date with an English month name, read by dateutil."""
    if not _HAS_MONTH.search(text):
        raise NotTime
    try:
        a, b = (dateutil_parser.parse(text, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError):
        raise NotTime from None
    has_year = a.year == b.year
    has_day = a.day == b.day
    if a.hour != b.hour:  # no time of day
        if not has_year:
            if has_day:
                return _bare_day(a.month, a.day, reference)
            return _bare_month(a.month, reference)
        if has_day:
            return Found(words.day_edtf(a.year, a.month, a.day))
        return Found(words.month_edtf(a.year, a.month))
    if not (has_year and has_day):
        raise NotTime
    precision = "hour" if a.minute != b.minute else "minute" if a.second != b.second else "second"
    return Found(a.isoformat(timespec="seconds"), precision=precision)


def _russian(text: str, reference: dt.date | None) -> Found | None:
    match = _RU_DAY.fullmatch(text)
    if match is not None:
        day, month, year = int(match[1]), words.RU_MONTHS[match[2]], match[3]
        if year is None and match[4] is not None and reference is not None:
            # "с.г.", "of this year": the reference's year, even after the reference date.
            return Found(words.day_edtf(reference.year, month, day), resolved=True)
        if year is None:
            return _bare_day(month, day, reference)
        return Found(words.day_edtf(int(year), month, day))
    match = _RU_MONTH_YEAR.fullmatch(text)
    if match is not None:
        month = words.RU_MONTHS[match[1]]
        if match[2] is None and match[3] is not None and reference is not None:
            return Found(words.month_edtf(reference.year, month), resolved=True)
        if match[2] is None:
            return _bare_month(month, reference)
        return Found(words.month_edtf(int(match[2]), month))
    match = _RU_YEAR.fullmatch(text)
    if match is not None and text != match[1]:
        return Found(match[1])
    return None


def _season(text: str, reference: dt.date | None) -> Found | None:
    match = _SEASON.fullmatch(text)
    if match is None:
        return None
    code = words.SEASON_CODES[match[1]]
    if match[2] is not None:
        return Found(words.season_edtf(int(match[2]), code))
    if reference is None:
        return Found(words.season_edtf(None, code))
    year = words.most_recent_season(code, reference)
    return Found(words.season_edtf(year, code), resolved=True)


def read_period(text: str, reference: dt.date | None) -> Found:
    """A single period (normalized *text*); raises :class:`NotTime` when it is none."""
    match = _YEAR.fullmatch(text) or _YEAR_NOUN.fullmatch(text)
    if match is not None:
        return Found(match[1])
    match = _DECADE.fullmatch(text)
    if match is not None:
        return Found(f"{match[1]}X")
    match = _CENTURY.fullmatch(text)
    if match is not None and 1 <= int(match[1]) <= 99:
        return Found(f"{int(match[1]) - 1:02d}XX")
    found = _season(text, reference) or _russian(text, reference)
    if found is not None:
        return found
    if _EDTF_LIKE.fullmatch(text):
        candidate = text.upper()
        try:
            parse_edtf(candidate)
        except EdtfError:
            raise NotTime from None
        return Found(candidate)
    return _dateutil(text, reference)
