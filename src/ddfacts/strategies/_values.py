"""Hypothesis strategies for values: :func:`time_spans` and :func:`quantities`.

Re-exported by :mod:`ddfacts.strategies`.  Spans are built from their parts
(bounds, precision, flags) and written out in EDTF here, independently of
:func:`ddfacts.times.TimeSpan.from_edtf`, so that reading the EDTF back is a
real test of the reader.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from typing import Any

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..quantities._value import Qualifier, Quantity
from ..times._span import Precision, TimeSpan

__all__ = ["quantities", "time_spans"]

#: Season code -> (first month, last month); winter ends in the next year.
_SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 2)}
_QUALIFIER_MARK = {(False, False): "", (True, False): "~", (False, True): "?", (True, True): "%"}
_UNITS = ("follower", "tweet", "subscriber", "retweet", "person", "percent")


def _check_year(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidArgument(f"Expected an int for {name}, got {name}={value!r}")
    if not 1 <= value <= 9998:
        raise InvalidArgument(f"{name}={value!r} is outside the years 1..9998")
    return value


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


#: A single date: (edtf without qualifier, earliest, latest, precision).
_Single = tuple[str, dt.date | None, dt.date | None, Precision]


@st.composite
def _single(draw: Any, min_year: int, max_year: int) -> _Single:
    year = draw(st.integers(min_year, max_year))
    kind = draw(st.sampled_from(["day", "month", "year", "season", "decade", "century", "xday"]))
    if kind == "day":
        month = draw(st.integers(1, 12))
        day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
        value = dt.date(year, month, day)
        return value.isoformat(), value, value, Precision.DAY
    if kind == "month":
        month = draw(st.integers(1, 12))
        first = dt.date(year, month, 1)
        return f"{year:04d}-{month:02d}", first, _last_day(year, month), Precision.MONTH
    if kind == "season":
        code = draw(st.sampled_from(sorted(_SEASON_MONTHS)))
        start, end = _SEASON_MONTHS[code]
        end_year = year + 1 if end < start else year
        edtf = f"{year:04d}-{code}"
        return edtf, dt.date(year, start, 1), _last_day(end_year, end), Precision.SEASON
    if kind == "decade" and year >= 10:
        base = year - year % 10
        edtf = f"{base // 10:03d}X"
        return edtf, dt.date(base, 1, 1), dt.date(base + 9, 12, 31), Precision.DECADE
    if kind == "century" and year >= 100:
        base = year - year % 100
        edtf = f"{base // 100:02d}XX"
        return edtf, dt.date(base, 1, 1), dt.date(base + 99, 12, 31), Precision.CENTURY
    if kind == "xday":
        month = draw(st.integers(1, 12))
        day = draw(st.integers(1, calendar.monthrange(2000, month)[1]))
        return f"XXXX-{month:02d}-{day:02d}", None, None, Precision.DAY
    return f"{year:04d}", dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR


@st.composite
def _datetime_span(draw: Any, min_year: int, max_year: int) -> TimeSpan:
    moment = draw(
        st.datetimes(dt.datetime(min_year, 1, 1), dt.datetime(max_year, 12, 31, 23, 59, 59))
    ).replace(microsecond=0)
    zone = draw(st.sampled_from(["", "Z", "+05:30", "-04:00"]))
    if zone == "Z":
        moment = moment.replace(tzinfo=dt.timezone.utc)
    elif zone:
        sign = 1 if zone[0] == "+" else -1
        offset = dt.timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6]))
        moment = moment.replace(tzinfo=dt.timezone(sign * offset))
    edtf = moment.replace(tzinfo=None).isoformat() + zone
    return TimeSpan(earliest=moment, latest=moment, precision=Precision.SECOND, edtf=edtf)


def _coarser(a: Precision, b: Precision) -> Precision:
    order = list(Precision)
    return a if order.index(a) <= order.index(b) else b


@st.composite
def _date_span(draw: Any, min_year: int, max_year: int, allow_open: bool) -> TimeSpan:
    flags = st.tuples(st.booleans(), st.booleans())
    first = draw(_single(min_year, max_year))
    first_flags = draw(flags)
    shape = draw(st.sampled_from(["single", "interval", "open", "unknown"]))
    if not allow_open and shape in ("open", "unknown"):
        shape = "interval"
    mark = _QUALIFIER_MARK[first_flags]
    if shape == "single":
        edtf, earliest, latest, precision = first
        return TimeSpan(
            earliest=earliest,
            latest=latest,
            precision=precision,
            edtf=edtf + mark,
            approximate=first_flags[0],
            uncertain=first_flags[1],
        )
    if shape in ("open", "unknown"):
        end = ".." if shape == "open" else ""
        at_start = draw(st.booleans())
        edtf = f"{end}/{first[0]}{mark}" if at_start else f"{first[0]}{mark}/{end}"
        return TimeSpan(
            earliest=None if at_start else first[1],
            latest=first[2] if at_start else None,
            precision=first[3],
            edtf=edtf,
            approximate=first_flags[0],
            uncertain=first_flags[1],
        )
    second = draw(_single(min_year, max_year))
    second_flags = draw(flags)
    if first[1] is not None and second[2] is not None and first[1] > second[2]:
        first, second = second, first
        first_flags, second_flags = second_flags, first_flags
    return TimeSpan(
        earliest=first[1],
        latest=second[2],
        precision=_coarser(first[3], second[3]),
        edtf=f"{first[0]}{_QUALIFIER_MARK[first_flags]}/{second[0]}{_QUALIFIER_MARK[second_flags]}",
        approximate=first_flags[0] or second_flags[0],
        uncertain=first_flags[1] or second_flags[1],
    )


def time_spans(
    *,
    min_year: int = 1,
    max_year: int = 9998,
    allow_open: bool = True,
    allow_unknown: bool = True,
    allow_datetimes: bool = True,
) -> st.SearchStrategy[TimeSpan]:
    """Valid :class:`~ddfacts.times.TimeSpan` values whose fields follow from their EDTF.

    Days, months, seasons, years, decades, centuries and dates with an
    unspecified year, qualified (``~ ? %``) or not; intervals between them;
    open (``..``) and unknown (empty) ends when *allow_open*; the unknown time
    when *allow_unknown*; date-times (naive, UTC, with an offset) when
    *allow_datetimes*.  ``TimeSpan.from_edtf(span.edtf) == span`` for each.
    Examples shrink towards a single early year without qualifiers.

    Raises:
        InvalidArgument: a year is not an int in 1..9998, or *min_year* > *max_year*.
    """
    _check_year("min_year", min_year)
    _check_year("max_year", max_year)
    if min_year > max_year:
        raise InvalidArgument(f"min_year={min_year!r} is after max_year={max_year!r}")
    for name, flag in (
        ("allow_open", allow_open),
        ("allow_unknown", allow_unknown),
        ("allow_datetimes", allow_datetimes),
    ):
        if not isinstance(flag, bool):
            raise InvalidArgument(f"Expected a bool for {name}, got {name}={flag!r}")
    return _time_spans(min_year, max_year, allow_open, allow_unknown, allow_datetimes)


@functools.cache
def _time_spans(
    min_year: int, max_year: int, allow_open: bool, allow_unknown: bool, allow_datetimes: bool
) -> st.SearchStrategy[TimeSpan]:
    """One strategy per set of arguments: a new strategy costs Hypothesis a validation."""
    options = [_date_span(min_year, max_year, allow_open)]
    if allow_datetimes:
        options.append(_datetime_span(min_year, max_year))
    if allow_unknown:
        options.append(st.just(TimeSpan.unknown()))
    return st.one_of(options)


def _numbers(min_value: int, max_value: int) -> st.SearchStrategy[int | float]:
    return st.integers(min_value, max_value) | st.floats(
        min_value, max_value, allow_nan=False, allow_infinity=False
    )


#: Rounding units a text rounds figures to ("38,100": 100; "Eighty per cent": 10).
_ROUNDING = st.sampled_from([1, 10, 100, 1000, 0.5])


@st.composite
def _quantity(draw: Any, min_value: int, max_value: int, units: list[str | None]) -> Quantity:
    quantity: Quantity = draw(_bounded_quantity(min_value, max_value, units))
    if quantity.amount is None or not draw(st.booleans()):
        return quantity
    return attrs.evolve(quantity, rounded_to=draw(_ROUNDING))


@st.composite
def _bounded_quantity(
    draw: Any, min_value: int, max_value: int, units: list[str | None]
) -> Quantity:
    qualifier = draw(st.sampled_from(Qualifier))
    unit = draw(st.sampled_from(units))
    amount = draw(_numbers(min_value, max_value))
    if qualifier is Qualifier.EXACT:
        return Quantity(amount=amount, lower=amount, upper=amount, qualifier=qualifier, unit=unit)
    if qualifier in (Qualifier.MORE_THAN, Qualifier.AT_LEAST):
        return Quantity(amount=amount, lower=amount, qualifier=qualifier, unit=unit)
    if qualifier in (Qualifier.LESS_THAN, Qualifier.AT_MOST):
        return Quantity(amount=amount, upper=amount, qualifier=qualifier, unit=unit)
    if qualifier is Qualifier.APPROXIMATELY:
        return Quantity.approximately(amount, unit=unit)
    other = draw(_numbers(min_value, max_value))
    lower, upper = min(amount, other), max(amount, other)
    return Quantity(lower=lower, upper=upper, qualifier=qualifier, unit=unit)


def quantities(
    *, min_value: int = -(10**9), max_value: int = 10**9, units: list[str | None] | None = None
) -> st.SearchStrategy[Quantity]:
    """Valid :class:`~ddfacts.quantities.Quantity` values of every qualifier.

    Figures are ints or finite floats in [*min_value*, *max_value*];
    "approximately" uses the default tolerance; units come from *units*
    (default: a few counted nouns, ``percent`` and None); a figure with an
    amount may say the unit the text rounds it to (``rounded_to``).
    Examples shrink towards exact small integers without a unit, not rounded.

    Raises:
        InvalidArgument: a bound is not an int, *min_value* > *max_value*, or
            *units* is empty or holds something other than str or None.
    """
    for name, value in (("min_value", min_value), ("max_value", max_value)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidArgument(f"Expected an int for {name}, got {name}={value!r}")
    if min_value > max_value:
        raise InvalidArgument(f"min_value={min_value!r} is above max_value={max_value!r}")
    choices: list[str | None] = [None, *_UNITS] if units is None else list(units)
    if not choices or not all(u is None or isinstance(u, str) for u in choices):
        raise InvalidArgument(f"units must be a non-empty list of str or None, got {units!r}")
    return _quantities(min_value, max_value, tuple(choices))


@functools.cache
def _quantities(
    min_value: int, max_value: int, units: tuple[str | None, ...]
) -> st.SearchStrategy[Quantity]:
    return _quantity(min_value, max_value, list(units))
