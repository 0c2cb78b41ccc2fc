"""The rules a quantity keeps on its own: bounds in order around the amount, as its qualifier needs.

A rule is a plain function of raw values (numbers or None, the qualifier's
name) that returns what is wrong, as a sentence, or None when the rule
holds.  :class:`~ddfacts.quantities.Quantity` raises ValueError with the
first that does not hold (numbers, order, qualifier, amount); validation
reports it as a located problem (``meaning.quantity-bounds`` for a number no
float holds, the order and the amount, then ``meaning.quantity-qualifier``);
the fast validation pass and the fast loader only ask whether they hold.
This module imports nothing of ddfacts, so the value type and validation
can both import it.
"""

from __future__ import annotations

import math
import sys

__all__ = [
    "fits_float",
    "quantity_amount",
    "quantity_numbers",
    "quantity_order",
    "quantity_qualifier",
    "quantity_rounding",
]

#: The largest finite 64-bit float (about 1.8e308).
FLOAT_MAX = sys.float_info.max


def fits_float(value: float) -> bool:
    """Whether the number *value* (an int or a float) is a finite 64-bit float's.

    Compares without converting, so an integer of any size is safe to ask
    about (``float(10**309)`` would raise OverflowError); NaN fits nothing.
    """
    return -FLOAT_MAX <= value <= FLOAT_MAX


def _unfit(name: str, value: float) -> str:
    if not isinstance(value, int):
        return f"{name} must be a finite number, got {value!r}"
    # Its size without str(), which refuses integers of over 4,300 digits.
    size = int(abs(value).bit_length() * math.log10(2))
    return (
        f"{name} is an integer of about 10**{size}, which does not fit a 64-bit float; "
        "numbers must lie within ±1.8e308"
    )


def quantity_numbers(amount: float | None, lower: float | None, upper: float | None) -> str | None:
    """Each number given is finite and fits a 64-bit float (None: the rule holds).

    Quantities compare with floats and leave the program as JSON numbers
    that other programs read as doubles, so a bound of ``10**309`` is
    refused here rather than crashing (or turning into infinity) later.
    """
    for name, value in (("amount", amount), ("lower bound", lower), ("upper bound", upper)):
        if value is not None and not fits_float(value):
            return _unfit(name, value)
    return None


#: What each qualifier needs of the amount and the bounds, in words.
_NEEDS = {
    "exact": "lower == upper == amount",
    "more_than": "lower == amount and no upper bound",
    "at_least": "lower == amount and no upper bound",
    "less_than": "upper == amount",
    "at_most": "upper == amount",
    "approximately": "an amount and both bounds around it",
    "between": "both bounds",
}


def quantity_order(lower: float | None, upper: float | None) -> str | None:
    """The lower bound is not above the upper one (None: the rule holds)."""
    if lower is not None and upper is not None and lower > upper:
        return f"lower bound {lower} is above upper bound {upper}; expected lower <= upper"
    return None


def quantity_amount(amount: float | None, lower: float | None, upper: float | None) -> str | None:
    """The amount lies between the bounds it has (None: the rule holds)."""
    if amount is not None and (
        (lower is not None and amount < lower) or (upper is not None and amount > upper)
    ):
        return f"amount {amount} lies outside its bounds {lower}..{upper}"
    return None


def _fits(qualifier: str, amount: float | None, lower: float | None, upper: float | None) -> bool:
    if qualifier == "exact":
        return amount is not None and lower == amount and upper == amount
    if qualifier in ("more_than", "at_least"):
        return amount is not None and lower == amount and upper is None
    if qualifier in ("less_than", "at_most"):
        return amount is not None and upper == amount
    if qualifier == "approximately":
        return amount is not None and lower is not None and upper is not None
    if qualifier == "between":
        return lower is not None and upper is not None
    return True  # not a qualifier: the shape level says so


def quantity_qualifier(
    qualifier: str, amount: float | None, lower: float | None, upper: float | None
) -> str | None:
    """The amount and bounds are what the qualifier (its JSON name) needs (None: it holds)."""
    if _fits(qualifier, amount, lower, upper):
        return None
    return (
        f"the qualifier {qualifier!r} needs {_NEEDS[qualifier]}; "
        f"got amount {amount}, lower {lower}, upper {upper}"
    )


def quantity_rounding(rounded_to: float | None, amount: float | None) -> str | None:
    """A rounding unit is a positive number, given with the amount it rounds (None: holds)."""
    if rounded_to is None:
        return None
    if not fits_float(rounded_to) or not rounded_to > 0:
        return f"rounded_to must be a positive number, got {rounded_to!r}"
    if amount is None:
        return "rounded_to needs the amount it rounds"
    return None
