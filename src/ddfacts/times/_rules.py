"""The rules a time span written in JSON keeps: bounds in order, and bounds that fit its precision.

A rule is a plain function of raw values (the span's JSON object, its bounds
read as dates) that returns what is wrong, as a sentence, or None when the
rule holds.  :class:`~ddfacts.TimeSpan` raises with :func:`time_edtf` and the
fast loader gives up on a span that breaks it; validation reports the rules
as located problems (``meaning.time-order``, ``meaning.time-precision``); the
fast validation pass only asks whether they hold.  This module imports nothing of ddfacts.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from typing import Any

__all__ = ["time_edtf", "time_order", "time_precision", "whole"]


def whole(precision: str, first: dt.date, last: dt.date) -> bool | None:
    """Whether first..last is one whole unit of *precision*; None when not checked."""
    if precision == "day":
        return first == last
    if precision == "month":
        days = calendar.monthrange(first.year, first.month)[1]
        return first.day == 1 and last == first.replace(day=days)
    if precision == "year":
        return first.month == 1 and first.day == 1 and last == dt.date(first.year, 12, 31)
    for name, span in (("decade", 10), ("century", 100)):
        if precision == name:
            start = first.month == 1 and first.day == 1 and first.year % span == 0
            return (
                start
                and first.year + span - 1 <= dt.MAXYEAR
                and last == dt.date(first.year + span - 1, 12, 31)
            )
    return None


def time_edtf(edtf: str) -> str | None:
    """A span's EDTF says something: not empty, not only blanks."""
    return None if edtf.strip() else "edtf must not be empty"


def time_order(span: Mapping[str, Any], first: dt.date, last: dt.date) -> str | None:
    """The first day of the span (*first*, from ``earliest``) is not after its last."""
    if first > last:
        return (
            f"earliest {span['earliest']} is after latest {span['latest']}; "
            "expected earliest <= latest"
        )
    return None


def time_precision(
    span: Mapping[str, Any], first: dt.date | None, last: dt.date | None
) -> str | None:
    """The bounds fit the precision: none for ``unknown``, else one whole unit (a day...).

    *first* and *last* are the bounds read as days (None when missing or
    unreadable: then only the first half applies).  Not asked of an
    approximate or uncertain span, nor of an EDTF interval (``2010/2013``, as
    ``parse_time`` makes), which has the precision of its ends.
    """
    precision = span.get("precision")
    if precision == "unknown" and ("earliest" in span or "latest" in span):
        return (
            "precision 'unknown' means nothing is known of the time, but it has bounds; "
            "give the precision the bounds have, or drop them"
        )
    if first is None or last is None or not isinstance(precision, str):
        return None
    if span.get("approximate") or span.get("uncertain") or "/" in str(span.get("edtf", "")):
        return None
    if whole(precision, first, last) is not False:
        return None
    return (
        f"precision {precision!r} means one whole calendar {precision}, but the bounds "
        f"are {first.isoformat()}..{last.isoformat()}"
    )
