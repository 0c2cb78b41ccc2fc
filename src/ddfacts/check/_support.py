"""Does a quote hold a claim's figure or date?  What counts as "the figure is there".

A figure counts as present when a number written in the quote has the same
value: digits with or without grouping (``9,000``, ``9000``, ``9 000`` with
a space, no-break or thin space), decimals (``1.5``), a scale word or
suffix (``9 thousand``, ``1.5 million``, ``9k``, ``2bn``) and English number
words (``nine thousand``, ``twenty-five``) and ordinals (``second``, ``21st``).
``9.000`` is read as nine, not nine thousand: a point is a decimal point.
A space-grouped figure is also read as its separate numbers (``10 200`` may
be two), so both readings count.  A quantity's qualifier ("more than") is not
required: the figure is.  A range ("between 5,000 and 7,000") needs both
bounds.

A date counts as present when the time's expression as written occurs in
the quote (case and spacing aside), or, by precision: the year (year); the
month's name or abbreviation and the year (month); the month, the day and
the year, or the ISO date (day).  The year may be missing from the quote
when the time was resolved against a reference date ("Dec. 9" in an article
of 2022).  A decade needs ``1990s`` or ``'90s``.  Other precisions are only
found through the expression; without one, nothing can be told.
"""

from __future__ import annotations

import math
import re

from .._numwords import (
    ORDINAL_VALUES,
    SCALE_SUFFIXES,
    SCALES,
    WORD_VALUES,
    words_value,
)
from ..quantities._value import Quantity
from ..times._span import Precision, TimeSpan, as_date
from ..times._words import MONTHS

__all__ = ["date_in", "figure_in", "numbers_in"]

#: Scale words and suffixes after digits; "b" is a billion too ("2b").
_SCALES: dict[str, int] = {**SCALES, **SCALE_SUFFIXES, "b": SCALES["billion"]}
_DIGITS = re.compile(
    r"(?<![\w.,])(?P<int>\d{1,3}(?:(?P<sep>[,\u00a0\u202f\u2009 ])\d{3})(?:(?P=sep)\d{3})*|\d+)"
    r"(?P<dec>\.\d+)?(?![\d])"
    r"(?:\s?(?P<scale>thousand|million|billion|mln|bn|k|m|b)(?![a-z]))?",
    re.IGNORECASE,
)
#: Words that start a run of number words; scale words and "and" only continue one.
#: Ordinals count as their number: "the second summons" writes 2.
_STARTS = frozenset({*WORD_VALUES, *ORDINAL_VALUES})


def _word_numbers(text: str) -> set[float]:
    """Values of runs of English number words ("nine thousand", "twenty-five", "second")."""
    values: set[float] = set()
    run: list[str] = []
    for word in [*re.findall(r"[a-z]+", text.lower()), "."]:
        if word in _STARTS or (run and (word in SCALES or word == "and")):
            run.append(word)
            continue
        if run:
            value = words_value(run, ordinals=True)
            assert value is not None  # a run holds only number words
            values.add(float(value))
        run = []
    return values


def numbers_in(text: str) -> set[float]:
    """Every value a number written in *text* can be read as."""
    values: set[float] = set()
    for match in _DIGITS.finditer(text):
        digits, sep = match["int"], match["sep"]
        value = float(re.sub(r"\D", "", digits) + (match["dec"] or ""))
        scale = match["scale"]
        values.add(value if scale is None else value * _SCALES[scale.lower()])
        if scale is not None and scale.lower() in ("m", "b"):
            values.add(value)  # "9 m" may be metres: read it both ways
        if sep is not None and sep != ",":
            values.update(float(part) for part in digits.split(sep))
    values.update(_word_numbers(text))
    return values


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def figure_in(quantity: Quantity, quote: str) -> bool:
    """Whether *quote* writes the quantity's figure (both bounds of a bare range)."""
    # The expression as written ("thousands of Russian citizens", which parse_quantity
    # reads as at least 2,000) standing in the quote is the figure, as for dates.
    if quantity.expression and " ".join(quantity.expression.casefold().split()) in " ".join(
        quote.casefold().split()
    ):
        return True
    found = numbers_in(quote)
    wanted = (
        [quantity.amount]
        if quantity.amount is not None
        else [b for b in (quantity.lower, quantity.upper) if b is not None]
    )
    return all(any(_same(value, number) for number in found) for value in wanted)


def _month_in(month: int, quote: str) -> bool:
    forms = [form for form, number in MONTHS.items() if number == month]
    return any(re.search(rf"\b{form}\b", quote) for form in forms)


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def date_in(span: TimeSpan, quote: str) -> bool | None:
    """Whether *quote* writes the time; None when nothing can be told (see the module doc)."""
    text = _normal(quote)
    if span.expression and _normal(span.expression) in text:
        return True
    if span.earliest is None or span.latest is None:
        return None
    first = as_date(span.earliest)
    year_ok = span.resolved_against is not None or re.search(rf"\b{first.year}\b", text)
    if span.precision is Precision.YEAR:
        return bool(re.search(rf"\b{first.year}\b", text))
    if span.precision is Precision.DECADE:
        decade = str(first.year)[:3]
        return bool(re.search(rf"\b{decade}0s\b|'{decade[-1]}0s\b", text))
    if span.precision is Precision.MONTH:
        return bool(year_ok) and _month_in(first.month, text)
    if span.precision is Precision.DAY:
        if first.isoformat() in text:
            return True
        day = rf"\b0?{first.day}(?:st|nd|rd|th)?\b"
        return bool(year_ok) and _month_in(first.month, text) and bool(re.search(day, text))
    return None
