"""Word tables and EDTF helpers for reading time expressions (see :mod:`ddfacts.times._parse`).

The conventions for parts of a period live here, in one place:

- A month splits into days 1–10 (early), 11–20 (mid) and 21–end (late).
- A year splits into January–April, May–August and September–December.
- A decade splits into years 0–3, 4–6 and 7–9; a century into 00–33, 34–66, 67–99.
- A season's early, mid and late parts are its first, second and third month.
- "The very beginning/end of" a period is narrower than "early"/"late": a
  month's first or last seven days, a year's first or last month, a season's
  first or last month, a decade's first or last year, a century's first or
  last decade (:func:`edge_of`).

The inner bound of each part is marked approximate in EDTF (``2016-06-~21``);
the period's own bound stays firm, so "late June 2016" is
``2016-06-~21/2016-06-30``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

import attrs

from .._numwords import CARDINALS
from ._edtf import SEASONS

__all__ = [
    "COUNTS",
    "MONTHS",
    "RU_MONTHS",
    "SEASON_CODES",
    "Found",
    "day_edtf",
    "edge_of",
    "month_edtf",
    "part_of",
    "qualify",
    "season_edtf",
]

#: English month names and abbreviations -> month number.
MONTHS: dict[str, int] = {}
for _number, _name in enumerate(calendar.month_name[1:], start=1):
    MONTHS[_name.lower()] = _number
    MONTHS[_name.lower()[:3]] = _number
MONTHS["sept"] = 9

#: Russian month names (nominative, genitive, prepositional) -> month number.
RU_MONTHS: dict[str, int] = {}
for _number, _forms in enumerate(
    (
        "январь января январе",
        "февраль февраля феврале",
        "март марта марте",
        "апрель апреля апреле",
        "май мая мае",
        "июнь июня июне",
        "июль июля июле",
        "август августа августе",
        "сентябрь сентября сентябре",
        "октябрь октября октябре",
        "ноябрь ноября ноябре",
        "декабрь декабря декабре",
    ),
    start=1,
):
    for _form in _forms.split():
        RU_MONTHS[_form] = _number

#: Season words -> EDTF season code (northern hemisphere, level 1).
SEASON_CODES = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}

#: Count words -> numbers, for "two years ago", "the previous three weeks": the cardinals
#: zero to twelve, and the vague counts.
COUNTS = {word: number for number, word in enumerate(CARDINALS[:13])}
COUNTS.update({"a": 1, "an": 1, "a couple of": 2, "a few": 3, "several": 3})


@attrs.frozen
class Found:
    """What an expression was read as: its EDTF form and how it was found."""

    #: The EDTF string of the span.
    edtf: str
    #: A precision value replacing the one the EDTF form implies (e.g. "week").
    precision: str | None = None
    #: Whether the reference date was used.
    resolved: bool = False


def day_edtf(year: int | None, month: int, day: int) -> str:
    """``YYYY-MM-DD``, or ``XXXX-MM-DD`` when the year is not known."""
    return f"{'XXXX' if year is None else f'{year:04d}'}-{month:02d}-{day:02d}"


def month_edtf(year: int | None, month: int) -> str:
    """``YYYY-MM``, or ``XXXX-MM`` when the year is not known."""
    return f"{'XXXX' if year is None else f'{year:04d}'}-{month:02d}"


def season_edtf(year: int | None, code: int) -> str:
    """``YYYY-SS`` (season code 21–24), or ``XXXX-SS`` when the year is not known."""
    return f"{'XXXX' if year is None else f'{year:04d}'}-{code}"


_QUALIFIER = re.compile(r"[?~%]$")


def qualify(edtf: str, *, approximate: bool = False, uncertain: bool = False) -> str:
    """*edtf* with ``~``/``?``/``%`` added at the end of each date it holds."""
    if not (approximate or uncertain):
        return edtf
    ends = []
    for end in edtf.split("/"):
        if end in ("", ".."):
            ends.append(end)
            continue
        old = _QUALIFIER.search(end)
        flags = set(old.group() if old else "")
        bare = end[:-1] if old else end
        a = approximate or bool(flags & {"~", "%"})
        u = uncertain or bool(flags & {"?", "%"})
        ends.append(bare + ("%" if a and u else "~" if a else "?"))
    return "/".join(ends)


def _year_part(pattern: str, part: int, thirds: tuple[tuple[int, int], ...], span: int) -> str:
    """Part of a decade (``193X``) or century (``18XX``) as an EDTF interval of years."""
    base = int(pattern.replace("X", "0"))
    first, last = thirds[part]
    start = f"{base + first:04d}" if part == 0 else f"~{base + first:04d}"
    end = f"{base + last:04d}" if last == span - 1 else f"~{base + last:04d}"
    return f"{start}/{end}"


def part_of(edtf: str, part: int) -> str | None:
    """The early (0), mid (1) or late (2) part of the period *edtf* names, or None.

    *edtf* names a month (``2016-06``, ``XXXX-11``), a year, a season, a
    decade (``193X``) or a century (``18XX``); anything else gives None.
    """
    match = re.fullmatch(r"([0-9X]{4})(?:-(\d{2}))?", edtf)
    if match is None:
        return None
    year, sub = match.groups()
    if sub is not None and int(sub) in SEASONS:
        first, _count = SEASONS[int(sub)]
        month = first + part
        if "X" in year:
            return f"{year}-~{(month - 1) % 12 + 1:02d}"
        shifted = int(year) + (month - 1) // 12
        return f"{shifted:04d}-~{(month - 1) % 12 + 1:02d}"
    if sub is not None:
        last = calendar.monthrange(2000 if "X" in year else int(year), int(sub))[1]
        ym = f"{year}-{sub}"
        return (f"{ym}-01/{ym}-~10", f"{ym}-~11/{ym}-~20", f"{ym}-~21/{ym}-{last:02d}")[part]
    if year == "XXXX":
        return None
    if "X" not in year:
        return (f"{year}-01/{year}-~04", f"{year}-~05/{year}-~08", f"{year}-~09/{year}-12")[part]
    if re.fullmatch(r"\d{3}X", year):
        return _year_part(year, part, ((0, 3), (4, 6), (7, 9)), 10)
    if re.fullmatch(r"\d{2}XX", year):
        return _year_part(year, part, ((0, 33), (34, 66), (67, 99)), 100)
    return None


def edge_of(edtf: str, end: bool) -> str | None:
    """The very beginning (*end* False) or very end of the period *edtf* names, or None.

    The same periods as :func:`part_of`; the inner bound is approximate, the
    period's own bound firm ("the very end of 2016" is ``2016-~12/2016-12``).
    """
    match = re.fullmatch(r"([0-9X]{4})(?:-(\d{2}))?", edtf)
    if match is None:
        return None
    year, sub = match.groups()
    if sub is not None and int(sub) in SEASONS:
        return part_of(edtf, 2 if end else 0)
    if sub is not None:
        last = calendar.monthrange(2000 if "X" in year else int(year), int(sub))[1]
        ym = f"{year}-{sub}"
        return f"{ym}-~{last - 6:02d}/{ym}-{last:02d}" if end else f"{ym}-01/{ym}-~07"
    if year == "XXXX":
        return None
    if "X" not in year:
        return f"{year}-~12/{year}-12" if end else f"{year}-01/{year}-~01"
    if re.fullmatch(r"\d{3}X", year):
        first = int(year[:3]) * 10
        return f"~{first + 9:04d}/{first + 9:04d}" if end else f"{first:04d}/~{first:04d}"
    if re.fullmatch(r"\d{2}XX", year):
        base = year[:2]
        return f"~{base}90/{base}99" if end else f"{base}00/~{base}09"
    return None


def most_recent_month(month: int, reference: dt.date) -> int:
    """The year of the most recent *month* that starts on or before *reference*."""
    return reference.year if month <= reference.month else reference.year - 1


def most_recent_day(month: int, day: int, reference: dt.date) -> int:
    """The year of the most recent *month*/*day* on or before *reference* (Feb 29 allowed)."""
    year = (
        reference.year if (month, day) <= (reference.month, reference.day) else reference.year - 1
    )
    while day > calendar.monthrange(year, month)[1]:
        year -= 1
    return year


def most_recent_season(code: int, reference: dt.date) -> int:
    """The year of the most recent season *code* that starts on or before *reference*."""
    first = SEASONS[code][0]
    return reference.year if first <= reference.month else reference.year - 1
