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


def _class_clause(width: int, first: str | None, last: str | None) -> tuple[str, list[Any]]:
    """Conditions (after ``width = ?``) for class *width* to overlap ``[first, last]``."""
    clauses: list[str] = []
    params: list[Any] = []
    if width == OPEN_LOW:
        clauses.append('"from" IS NULL')
    if width >= 0 and first is not None:
        after = _start_after(first, width)
        if after is not None:
            clauses.append('"from" > ?')
            params.append(after)
    if last is not None and width in (*WIDTHS, OPEN_HIGH):
        clauses.append('"from" <= ?')
        params.append(last)
    if first is not None and width in (*WIDTHS, OPEN_LOW):
        clauses.append('"to" >= ?')
        params.append(first)
    return "".join(f" AND {clause}" for clause in clauses), params


def overlapping(
    first: str | None, last: str | None, property: str | None = None
) -> tuple[str, list[Any]]:
    """SQL for the seqs whose times overlap ``[first, last]`` (None is open).

    With *property*, only claims of that property (their as-of).  Each width
    class is one range read of the index ``times_at`` (with *property*) or
    ``times_width`` (without).
    """
    head = "SELECT seq FROM times WHERE "
    head += "property = ? AND width = ?" if property is not None else "width = ?"
    selects: list[str] = []
    params: list[Any] = []
    for width in (OPEN_BOTH, OPEN_HIGH, OPEN_LOW, *WIDTHS):
        clause, values = _class_clause(width, first, last)
        selects.append(head + clause)
        params += [property, width, *values] if property is not None else [width, *values]
    return " UNION ALL ".join(selects), params
