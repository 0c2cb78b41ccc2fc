"""Times as intervals with a precision: :class:`TimeSpan` and :class:`Precision`.

A time is never a bare date.  "December 2014" is the interval
2014-12-01..2014-12-31 at month precision, with the expression as written and
its EDTF form.  An unknown time is explicit (``TimeSpan.unknown()``), not
missing.  An open end (``1956/..``) has ``latest`` None and an EDTF ``..``.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

__all__ = ["Precision", "ResolvedAgainst", "TimeSpan"]

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
        if not value.strip():
            raise ValueError("edtf must not be empty")

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

    @property
    def is_unknown(self) -> bool:
        """Whether nothing at all is known of this time."""
        return self.precision is Precision.UNKNOWN
