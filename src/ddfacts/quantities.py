"""Quantities with bounds and a qualifier: :class:`Quantity` and :class:`Qualifier`.

"more than 9,000 followers" is the open interval (9000, ∞): amount 9000,
lower 9000 (exclusive, by the qualifier), upper None, unit ``follower``.
Two quantities agree when their intervals can overlap.
"""

from __future__ import annotations

import enum
import math
from typing import Any

import attrs

__all__ = ["Number", "Qualifier", "Quantity"]

#: A number as JSON carries it.
Number = int | float


class Qualifier(str, enum.Enum):
    """How the text bounds a number."""

    EXACT = "exact"
    APPROXIMATELY = "approximately"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    LESS_THAN = "less_than"
    AT_MOST = "at_most"
    BETWEEN = "between"


def _number(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{attribute.name} must be a number or None, got {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"{attribute.name} must be finite, got {value!r}")


@attrs.frozen(kw_only=True)
class Quantity:
    """A number as the text gives it: an amount, its bounds, a qualifier and a unit.

    ``lower``/``upper`` are None for an open end.  Whether a bound is included
    follows from the qualifier: ``more_than`` and ``less_than`` exclude it,
    every other qualifier includes it.

    .. versionadded:: 0.1.0
    """

    #: The figure as written (None for a plain "between X and Y").
    amount: Number | None = attrs.field(default=None, validator=_number)
    #: Lower bound, or None when open.
    lower: Number | None = attrs.field(default=None, validator=_number)
    #: Upper bound, or None when open.
    upper: Number | None = attrs.field(default=None, validator=_number)
    #: How the text bounds the number.
    qualifier: Qualifier = attrs.field(converter=Qualifier)
    #: The counted noun, singular (``follower``), or ``percent``; None for a bare number.
    unit: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(str))
    )
    #: The expression as the text wrote it.
    expression: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(str))
    )

    def __attrs_post_init__(self) -> None:
        lo, hi, amount, q = self.lower, self.upper, self.amount, self.qualifier
        if lo is not None and hi is not None and lo > hi:
            raise ValueError(f"lower bound {lo!r} is above upper bound {hi!r}")
        if q is Qualifier.EXACT:
            if amount is None or lo != amount or hi != amount:
                raise ValueError("an exact quantity needs lower == upper == amount")
        elif q in (Qualifier.MORE_THAN, Qualifier.AT_LEAST):
            if amount is None or lo != amount or hi is not None:
                raise ValueError(f"a {q.value} quantity needs lower == amount and no upper bound")
        elif q in (Qualifier.LESS_THAN, Qualifier.AT_MOST):
            if amount is None or hi != amount:
                raise ValueError(f"a {q.value} quantity needs upper == amount")
        elif q is Qualifier.APPROXIMATELY:
            if amount is None or lo is None or hi is None or not lo <= amount <= hi:
                raise ValueError("an approximate quantity needs lower <= amount <= upper")
        elif q is Qualifier.BETWEEN and (lo is None or hi is None):
            raise ValueError("a between quantity needs both bounds")

    @property
    def lower_inclusive(self) -> bool:
        """Whether ``lower`` itself is a possible value."""
        return self.qualifier is not Qualifier.MORE_THAN

    @property
    def upper_inclusive(self) -> bool:
        """Whether ``upper`` itself is a possible value."""
        return self.qualifier is not Qualifier.LESS_THAN
