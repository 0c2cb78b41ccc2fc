"""Quantities with bounds and a qualifier: :class:`Quantity` and :class:`Qualifier`.

The public names are re-exported by :mod:`ddfacts.quantities`, whose docstring explains them.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from ._rules import (
    quantity_amount,
    quantity_numbers,
    quantity_order,
    quantity_qualifier,
    quantity_rounding,
)

__all__ = ["APPROXIMATE_TOLERANCE", "Number", "Qualifier", "Quantity"]

#: A number as JSON carries it.
Number = int | float

#: The default relative tolerance of "approximately N": N ± 10% of N.
APPROXIMATE_TOLERANCE = 0.1


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
    # Whether it fits a float: quantity_numbers, the first rule __attrs_post_init__ asks.


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
    #: The unit the text rounds the figure to ("38,100": 100; "Eighty per cent": 10), or None
    #: when the figure is not rounded.  Apart from "about": a rounded figure may be exact-looking.
    rounded_to: Number | None = attrs.field(default=None, validator=_number)

    def __attrs_post_init__(self) -> None:
        amount, lower, upper = self.amount, self.lower, self.upper
        message = (
            quantity_numbers(amount, lower, upper)
            or quantity_order(lower, upper)
            or quantity_qualifier(self.qualifier.value, amount, lower, upper)
            or quantity_amount(amount, lower, upper)
            or quantity_rounding(self.rounded_to, amount)
        )
        if message is not None:
            raise ValueError(message)

    @property
    def lower_inclusive(self) -> bool:
        """Whether ``lower`` itself is a possible value."""
        return self.qualifier is not Qualifier.MORE_THAN

    @property
    def upper_inclusive(self) -> bool:
        """Whether ``upper`` itself is a possible value."""
        return self.qualifier is not Qualifier.LESS_THAN

    @classmethod
    def approximately(
        cls,
        amount: Number,
        *,
        unit: str | None = None,
        tolerance: float = APPROXIMATE_TOLERANCE,
        expression: str | None = None,
    ) -> Quantity:
        """Approximately *amount*: *amount* ± *tolerance* × abs(amount) (±1 for 0).

        Bounds stay integers when they come out whole.

        Raises:
            ValueError: *tolerance* is not positive, or *amount* does not fit a float.
        """
        if not tolerance > 0:
            raise ValueError(f"tolerance must be positive, got {tolerance!r}")
        message = quantity_numbers(amount, None, None)
        if message is not None:
            raise ValueError(message)
        spread = abs(amount) * tolerance if amount else 1
        return cls(
            amount=amount,
            lower=min(_tidy(amount - spread), amount),
            upper=max(_tidy(amount + spread), amount),
            qualifier=Qualifier.APPROXIMATELY,
            unit=unit,
            expression=expression,
        )

    def comparable(self, other: Quantity) -> bool:
        """Whether the two quantities count the same thing (same unit, or one has none)."""
        return self.unit is None or other.unit is None or self.unit == other.unit

    def _check_comparable(self, other: Quantity) -> None:
        if not self.comparable(other):
            raise ValueError(
                f"cannot compare a quantity of {self.unit!r} with one of {other.unit!r}"
            )

    @property
    def slack(self) -> float:
        """How far the true figure may lie beyond the bounds: half the rounding unit, or 0."""
        return self.rounded_to / 2 if self.rounded_to is not None else 0

    def overlaps(self, other: Quantity) -> bool:
        """Whether some value satisfies both quantities: they agree (symmetric).

        A rounded figure (``rounded_to``) stretches by half its rounding unit
        each way: "38,100" rounded to 100 agrees with 38,140.

        Raises:
            ValueError: the units differ (see :meth:`comparable`).
        """
        self._check_comparable(other)
        return _below(self, other) and _below(other, self)

    def contains(self, other: Quantity) -> bool:
        """Whether every value *other* allows is also allowed by this quantity.

        Raises:
            ValueError: the units differ (see :meth:`comparable`).
        """
        self._check_comparable(other)
        if self.lower is not None:
            if other.lower is None or other.lower < self.lower:
                return False
            if other.lower == self.lower and other.lower_inclusive and not self.lower_inclusive:
                return False
        if self.upper is not None:
            if other.upper is None or other.upper > self.upper:
                return False
            if other.upper == self.upper and other.upper_inclusive and not self.upper_inclusive:
                return False
        return True


def _below(a: Quantity, b: Quantity) -> bool:
    """Whether *a*'s lower end lies below *b*'s upper end, so the two can meet."""
    if a.lower is None or b.upper is None:
        return True
    low, high = a.lower - a.slack, b.upper + b.slack
    if low < high:
        return True
    return low == high and a.lower_inclusive and b.upper_inclusive


def _tidy(value: float) -> Number:
    """*value* as an int when it is whole, else with float noise rounded off (12 digits)."""
    rounded = float(f"{value:.12g}")
    return int(rounded) if rounded.is_integer() and abs(rounded) < 2**53 else rounded
