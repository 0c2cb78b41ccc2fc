"""Times as intervals with a precision: :class:`TimeSpan` and :class:`Precision`.

The public names are re-exported by :mod:`ddfacts.times`, whose docstring explains them.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from ._edtf import parse_edtf
from ._rules import time_edtf, time_edtf_bounds, time_precision

__all__ = ["Instant", "Precision", "ResolvedAgainst", "TimeSpan", "as_date"]

#: A point in time as ddfacts stores it: a date, or a datetime for finer times.
Instant = dt.date | dt.datetime


class Precision(str, enum.Enum):
    """How finely a time is known, coarsest first."""

    UNKNOWN = "unknown"
    CENTURY = "century"
    DECADE = "decade"
    YEAR = "year"
    SEASON = "season"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"
    HOUR = "hour"
    MINUTE = "minute"
    SECOND = "second"


def as_date(value: Instant) -> dt.date:
    """The calendar date of a date or datetime (for ordering mixed values)."""
    return value.date() if isinstance(value, dt.datetime) else value


def _day(value: Instant | None) -> dt.date | None:
    return None if value is None else as_date(value)


def _instant(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, dt.date):
        raise TypeError(f"{attribute.name} must be a date, a datetime or None, got {value!r}")


@attrs.frozen(kw_only=True)
class ResolvedAgainst:
    """The reference date a relative expression ("Dec. 9", "last week") was resolved against."""

    #: The reference date.
    date: dt.date = attrs.field(validator=attrs.validators.instance_of(dt.date))
    #: Where it came from, e.g. ``"source:rabble-kalinin published"``.
    basis: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(str))
    )


@attrs.frozen(kw_only=True)
class TimeSpan:
    """A time as an interval with a precision, the expression as written, and its EDTF form.

    ``earliest``/``latest`` bound the interval (inclusive); None means the end
    is open or unknown, which ``edtf`` tells apart (``..`` open, empty unknown).

    .. versionadded:: 0.1.0
    """

    #: First possible instant (inclusive), or None for an open/unknown start.
    earliest: Instant | None = attrs.field(default=None, validator=_instant)
    #: Last possible instant (inclusive), or None for an open/unknown end.
    latest: Instant | None = attrs.field(default=None, validator=_instant)
    #: How finely the time is known.
    precision: Precision = attrs.field(converter=Precision)
    #: The Extended Date/Time Format string (Library of Congress EDTF / ISO 8601-2).
    edtf: str = attrs.field(validator=attrs.validators.instance_of(str))
    #: "about", "circa", "early", "late": the bounds are a convention, not a certainty.
    approximate: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    #: "possibly", "?": the source itself is unsure.
    uncertain: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    #: The expression as the text wrote it.
    expression: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(str))
    )
    #: The reference date used to resolve a relative expression.
    resolved_against: ResolvedAgainst | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(ResolvedAgainst)),
    )

    @edtf.validator
    def _check_edtf(self, _attribute: attrs.Attribute[str], value: str) -> None:
        message = time_edtf(value)
        if message is not None:
            raise ValueError(message)

    def __attrs_post_init__(self) -> None:
        if (
            self.earliest is not None
            and self.latest is not None
            and as_date(self.earliest) > as_date(self.latest)
        ):
            raise ValueError(
                f"earliest {self.earliest.isoformat()} is after latest {self.latest.isoformat()}"
            )
        if (
            isinstance(self.earliest, dt.datetime)
            and isinstance(self.latest, dt.datetime)
            and (self.earliest.tzinfo is None) == (self.latest.tzinfo is None)
            and self.earliest > self.latest
        ):
            raise ValueError(
                f"earliest {self.earliest.isoformat()} is after latest {self.latest.isoformat()}"
            )
        message = time_precision(self._as_json(), _day(self.earliest), _day(self.latest))
        if message is None:
            message = time_edtf_bounds(self.edtf, self.earliest, self.latest)
        if message is not None:
            raise ValueError(message)

    def _as_json(self) -> dict[str, Any]:
        """The members :func:`~ddfacts.times._rules.time_precision` reads, as JSON has them."""
        span: dict[str, Any] = {"precision": self.precision.value, "edtf": self.edtf}
        for name in ("earliest", "latest", "approximate", "uncertain"):
            value = getattr(self, name)
            if value not in (None, False):
                span[name] = value
        return span

    @classmethod
    def unknown(cls, expression: str | None = None) -> TimeSpan:
        """An explicitly unknown time (EDTF ``XXXX``)."""
        return cls(
            earliest=None,
            latest=None,
            precision=Precision.UNKNOWN,
            edtf="XXXX",
            expression=expression,
        )

    @classmethod
    def from_edtf(cls, edtf: str, *, expression: str | None = None) -> TimeSpan:
        """The span an EDTF string stands for (levels 0 and 1, level 2 partial dates).

        ``TimeSpan.from_edtf(span.edtf) == span`` for every span whose fields
        follow from its EDTF form (no expression, not resolved).  See
        :mod:`ddfacts.times._edtf` for the conventions (seasons, unspecified digits).

        Raises:
            EdtfUnsupportedError: valid EDTF that Python dates cannot hold
                (years before 1, ``Y`` years, significant digits, sets).
            EdtfError: *edtf* is not EDTF.  Both are ValueErrors.

        .. versionadded:: 0.1.0
        """
        parsed = parse_edtf(edtf)
        return cls(
            earliest=parsed.earliest,
            latest=parsed.latest,
            precision=Precision(parsed.precision),
            edtf=edtf,
            approximate=parsed.approximate,
            uncertain=parsed.uncertain,
            expression=expression,
        )

    @property
    def is_unknown(self) -> bool:
        """Whether nothing at all is known of this time."""
        return self.precision is Precision.UNKNOWN

    @property
    def start_open(self) -> bool:
        """Whether the span has no start at all (EDTF ``../…``): it reaches back forever."""
        return self.edtf.startswith("../")

    @property
    def end_open(self) -> bool:
        """Whether the span has no end at all (EDTF ``…/..``): it is still going on."""
        return self.edtf.endswith("/..")

    def overlaps(self, other: TimeSpan) -> bool:
        """Whether the two spans can share an instant (symmetric).

        Open, unknown and unspecified ends reach as far as they could.
        """
        lo, hi = _lower(self), _upper(self)
        other_lo, other_hi = _lower(other), _upper(other)
        return (lo is None or other_hi is None or lo <= other_hi) and (
            hi is None or other_lo is None or other_lo <= hi
        )

    def contains(self, other: TimeSpan) -> bool:
        """Whether every instant *other* may cover lies certainly within this span.

        An open end (``..``) runs forever; an unknown or unspecified end
        certainly covers nothing beyond what is known, so it contains nothing
        on that side.
        """
        lo, hi = _lower(self), _upper(self)
        if (lo is None and not self.start_open) or (hi is None and not self.end_open):
            return False
        other_lo, other_hi = _lower(other), _upper(other)
        if lo is not None and (other_lo is None or other_lo < lo):
            return False
        return hi is None or (other_hi is not None and other_hi <= hi)

    def before(self, other: TimeSpan) -> bool:
        """Whether this span certainly ends before *other* starts.

        False whenever this span's end or the other's start is open or unknown.
        """
        hi, other_lo = _upper(self), _lower(other)
        return hi is not None and other_lo is not None and hi < other_lo

    def after(self, other: TimeSpan) -> bool:
        """Whether this span certainly starts after *other* ends (``other.before(self)``)."""
        return other.before(self)


def _utc_naive(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        return value.replace(tzinfo=None)
    return value.astimezone(dt.timezone.utc).replace(tzinfo=None)


def _lower(span: TimeSpan) -> dt.datetime | None:
    """The first instant of *span* as a naive UTC datetime, or None when unbounded."""
    value = span.earliest
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return _utc_naive(value)
    return dt.datetime.combine(value, dt.time.min)


def _upper(span: TimeSpan) -> dt.datetime | None:
    """The last instant of *span* as a naive UTC datetime, or None when unbounded."""
    value = span.latest
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return _utc_naive(value)
    return dt.datetime.combine(value, dt.time.max)
