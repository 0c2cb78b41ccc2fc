"""Short plain-text renderings of claim values and times, for messages and tables."""

from __future__ import annotations

from collections.abc import Callable

from .quantities._value import Qualifier, Quantity
from .records import Claim, ClaimValue, Rank, Ref
from .times._span import TimeSpan

__all__ = ["describe_claim", "describe_rank", "describe_time", "describe_value"]

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


def describe_rank(rank: Rank) -> str:
    """A rank in a few words: ``#4 of actor:g by followers (descending)``."""
    ranking = rank.ranking
    words = f"#{rank.position}{' (tied)' if rank.tied else ''} of {ranking.of}"
    words += f" by {ranking.measure} ({ranking.order.value})"
    if ranking.as_of is not None:
        words += f" as of {describe_time(ranking.as_of)}"
    return words


def describe_value(value: ClaimValue | None) -> str:
    """A claim value in a few words: ``more than 9,000 follower``, ``2014-12``, an id, text.

    ``-`` when there is none (a claim that carries a proposition only).
    """
    if value is None:
        return "-"
    if isinstance(value, Quantity):
        return _quantity(value)
    if isinstance(value, TimeSpan):
        return describe_time(value)
    if isinstance(value, Ref):
        return value.id
    if isinstance(value, Rank):
        return describe_rank(value)
    return value


def _same(record_id: str) -> str:
    return record_id


def describe_claim(claim: Claim, name: Callable[[str], str] = _same) -> str:
    """A claim in a few words: its ``text``, its proposition, or "<subject>: <property> <value>".

    *name* turns a record id into what to show (an actor's name); ids as they are by default.
    """
    if claim.text:
        return claim.text
    if claim.subject is None or claim.property is None:
        return claim.proposition.text if claim.proposition is not None else claim.id
    value = claim.value
    shown = name(value.id) if isinstance(value, Ref) else describe_value(value)
    return f"{name(claim.subject)}: {claim.property} {shown}"
