"""The rules a time span written in JSON keeps: bounds in order, and bounds that fit its precision.

A rule is a plain function of raw values (the span's JSON object, its bounds
read as dates) that returns what is wrong, as a sentence, or None when the
rule holds.  :class:`~ddfacts.TimeSpan` raises with :func:`time_edtf` and
:func:`time_edtf_bounds` (the fast loader, which runs the class's
``__attrs_post_init__``, too); validation reports the rules as located
problems (``meaning.time-order``, ``meaning.time-precision``,
``meaning.time-edtf``); the fast validation pass only asks whether they
hold.  This module imports only the EDTF reader (:mod:`ddfacts.times._edtf`),
a leaf, so the value type and validation can both import it.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from ._edtf import EdtfError, EdtfUnsupportedError, ParsedEdtf, parse_edtf

__all__ = ["time_edtf", "time_edtf_bounds", "time_order", "time_precision", "whole"]


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


@lru_cache(maxsize=4096)
def _read_edtf(edtf: str) -> ParsedEdtf | str | None:
    """*edtf* read (kept: sets repeat the same few), why it is not EDTF, or None (unsupported)."""
    try:
        return parse_edtf(edtf)
    except EdtfUnsupportedError:
        return None  # valid EDTF beyond Python dates: its bounds cannot be compared
    except EdtfError as error:
        return str(error)


def _utc(value: dt.datetime) -> dt.datetime:
    offset = value.utcoffset()
    return value.replace(tzinfo=None) if offset is None else value.replace(tzinfo=None) - offset


def _agree(given: dt.date | None, meant: dt.date | None) -> bool:
    """Whether a span's bound is the one its EDTF stands for (to the day; to the
    second between two date-times)."""
    if given is None or meant is None:
        return given is meant
    if isinstance(given, dt.datetime) and isinstance(meant, dt.datetime):
        return _utc(given) == _utc(meant)
    as_day = dt.datetime.date
    return (as_day(given) if isinstance(given, dt.datetime) else given) == (
        as_day(meant) if isinstance(meant, dt.datetime) else meant
    )


def time_edtf_bounds(edtf: str, earliest: dt.date | None, latest: dt.date | None) -> str | None:
    """The EDTF is one ddfacts reads, and stands for the span's bounds (None: it holds).

    ``"hello"`` is refused, and so is ``"2014"`` beside bounds in 2015: the
    EDTF form and the bounds are one time said twice.  Valid EDTF that
    Python dates cannot hold (years before 1, sets) is not compared.
    """
    read = _read_edtf(edtf)
    if read is None:
        return None
    if isinstance(read, str):
        return read
    for name, given, meant in (
        ("earliest", earliest, read.earliest),
        ("latest", latest, read.latest),
    ):
        if not _agree(given, meant):
            stands = "no bound" if meant is None else meant.isoformat()
            has = "none" if given is None else given.isoformat()
            return (
                f"edtf {edtf!r} stands for {name} {stands}, but {name} is {has}; "
                "the EDTF and the bounds must say the same time"
            )
    return None


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
    ``parse_time`` makes), which has the precision of its ends, nor of EDTF
    with unspecified digits (``1999-XX``: a month of 1999, bounded by the year).
    """
    precision = span.get("precision")
    if precision == "unknown" and ("earliest" in span or "latest" in span):
        return (
            "precision 'unknown' means nothing is known of the time, but it has bounds; "
            "give the precision the bounds have, or drop them"
        )
    if first is None or last is None or not isinstance(precision, str):
        return None
    edtf = str(span.get("edtf", ""))
    if span.get("approximate") or span.get("uncertain") or "/" in edtf or "X" in edtf:
        return None
    if whole(precision, first, last) is not False:
        return None
    return (
        f"precision {precision!r} means one whole calendar {precision}, but the bounds "
        f"are {first.isoformat()}..{last.isoformat()}"
    )
