"""Short plain-text renderings of claim values and times, for messages and tables."""

from __future__ import annotations

from .quantities._value import Qualifier, Quantity
from .records import ClaimValue, Ref
from .times._span import TimeSpan

__all__ = ["describe_time", "describe_value"]

_QUALIFIER_WORDS = {
    Qualifier.APPROXIMATELY: "about",
    Qualifier.MORE_THAN: "more than",
    Qualifier.AT_LEAST: "at least",
    Qualifier.LESS_THAN: "less than",
    Qualifier.AT_MOST: "at most",
}


def _number(value: float) -> str:
    return f"{value:,}" if isinstance(value, int) or not value.is_integer() else f"{int(value):,}"


def _quantity(value: Quantity) -> str:
    if value.qualifier is Qualifier.BETWEEN or value.amount is None:
        low = _number(value.lower) if value.lower is not None else "?"
        high = _number(value.upper) if value.upper is not None else "?"
        words = f"between {low} and {high}"
    else:
        qualifier = _QUALIFIER_WORDS.get(value.qualifier)
        words = _number(value.amount)
        if qualifier:
            words = f"{qualifier} {words}"
    return f"{words} {value.unit}" if value.unit else words


def describe_time(span: TimeSpan | None) -> str:
    """A time as its EDTF form (``2022-10``), or ``-`` when there is none."""
    return "-" if span is None else span.edtf


def describe_value(value: ClaimValue) -> str:
    """A claim value in a few words: ``more than 9,000 follower``, ``2014-12``, an id, text."""
    if isinstance(value, Quantity):
        return _quantity(value)
    if isinstance(value, TimeSpan):
        return describe_time(value)
    if isinstance(value, Ref):
        return value.id
    return value
