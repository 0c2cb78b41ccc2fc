"""The ``times`` index: which records hold at a time, found without scanning.

A B-tree cannot find the intervals that overlap a query interval by
itself: ``from <= last`` on an index of ``from`` still walks every interval
that started before the query's end.  So each row also carries its
``width`` class, the bit length of its length in days (an interval of
``width`` *k* is shorter than 2**k days), and a query asks each class for
the intervals that start in ``(first - 2**k, last]``: an interval of that
class that starts earlier ends before ``first``.  With the index
``(property, width, from, to)`` each class is one range read, so a query
reads the intervals that overlap it plus, per class, those that start
within one class width of it, never the whole property.  Open-ended
intervals have their own classes (:data:`OPEN_LOW`, :data:`OPEN_HIGH`,
:data:`OPEN_BOTH`), each one range read as well.

Dates are ISO ``YYYY-MM-DD`` text, which sorts as the dates do.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

__all__ = ["OPEN_BOTH", "OPEN_HIGH", "OPEN_LOW", "WIDTHS", "overlapping", "width_of"]

#: Width class of an interval with no lower bound (``from`` is NULL).
OPEN_LOW = -1
#: Width class of an interval with no upper bound (``to`` is NULL).
OPEN_HIGH = -2
#: Width class of an interval with neither bound.
OPEN_BOTH = -3
#: Width classes of bounded intervals: bit lengths of day counts between two dates.
WIDTHS = range((dt.date.max - dt.date.min).days.bit_length() + 1)


def width_of(low: str | None, high: str | None) -> int:
    """The width class of the interval from *low* to *high* (ISO days; None is open)."""
    if low is None:
        return OPEN_BOTH if high is None else OPEN_LOW
    if high is None:
        return OPEN_HIGH
    days = (dt.date.fromisoformat(high) - dt.date.fromisoformat(low)).days
    return max(days, 0).bit_length()


def _start_after(first: str, width: int) -> str | None:
    """The day *width*'s class must start after to reach *first*; None if unbounded."""
    day = dt.date.fromisoformat(first)
    span = dt.timedelta(days=1 << width)
    return (day - span).isoformat() if day - dt.date.min >= span else None


#: Every width class, in the order a statement asks them.
_CLASSES = (OPEN_BOTH, OPEN_HIGH, OPEN_LOW, *WIDTHS)


def _class_clause(width: int, after: bool, first: bool, last: bool) -> str:
    """Conditions (after ``width = ?``) for class *width* to overlap the query.

    *after*: the class has a lowest start that can still reach the query's
    first day; *first*, *last*: the query has that bound.
    """
    clauses: list[str] = []
    if width == OPEN_LOW:
        clauses.append('"from" IS NULL')
    if width >= 0 and after:
        clauses.append('"from" > ?')
    if last and width != OPEN_LOW and width != OPEN_BOTH:
        clauses.append('"from" <= ?')
    if first and width != OPEN_HIGH and width != OPEN_BOTH:
        clauses.append('"to" >= ?')
    return "".join(f" AND {clause}" for clause in clauses)


@cache
def _statement(by_property: bool, first: bool, last: bool, reach: int) -> str:
    """The SQL text of one query shape: made once, only its parameters vary.

    *reach*: how many bounded classes (from width 0) have a start bound
    (:func:`_start_after` is not None for exactly the widths below it).
    A few hundred shapes at most (2 x 2 x 2 x ``len(WIDTHS)``).
    """
    head = "SELECT seq FROM times WHERE "
    head += "property = ? AND width = ?" if by_property else "width = ?"
    return " UNION ALL ".join(
        head + _class_clause(width, 0 <= width < reach, first, last) for width in _CLASSES
    )


def _reach(first: str | None) -> int:
    """How many bounded classes have a start bound for a query from *first*."""
    if first is None:
        return 0
    days = (dt.date.fromisoformat(first) - dt.date.min).days
    return days.bit_length() if days else 0  # 2**width <= days for width < bit_length


def _starts(first: str, reach: int) -> tuple[str, ...]:
    """For each width below *reach*, the day its class must start after (:func:`_start_after`)."""
    day = dt.date.fromisoformat(first)
    return tuple((day - dt.timedelta(days=1 << width)).isoformat() for width in range(reach))


def overlapping(
    first: str | None, last: str | None, property: str | None = None
) -> tuple[str, list[Any]]:
    """SQL for the seqs whose times overlap ``[first, last]`` (None is open).

    With *property*, only claims of that property (their as-of).  Each width
    class is one range read of the index ``times_at`` (with *property*) or
    ``times_width`` (without).  The text is one of a few cached statements
    (so SQLite's statement cache keeps it prepared); only the parameters
    are made per call.
    """
    reach = _reach(first)
    starts = _starts(first, reach) if first is not None else ()
    params: list[Any] = []
    lead = [property] if property is not None else []
    for width in _CLASSES:
        params += lead
        params.append(width)
        if 0 <= width < reach:
            params.append(starts[width])
        if last is not None and width != OPEN_LOW and width != OPEN_BOTH:
            params.append(last)
        if first is not None and width != OPEN_HIGH and width != OPEN_BOTH:
            params.append(first)
    return _statement(property is not None, first is not None, last is not None, reach), params
