"""Short plain-text renderings of claim values and times, for messages and tables."""

from __future__ import annotations

from collections.abc import Callable

from .quantities._value import Qualifier, Quantity
from .records import Attribution, Claim, ClaimValue, Rank, Ref
from .times._span import TimeSpan

__all__ = [
    "describe_claim",
    "describe_factuality",
    "describe_rank",
    "describe_time",
    "describe_value",
    "ordinal",
]

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


def _same(record_id: str) -> str:
    return record_id


_ORDINAL_SUFFIXES = {1: "st", 2: "nd", 3: "rd"}


def ordinal(number: int) -> str:
    """A position as an English ordinal: ``1st``, ``12th``, ``22nd``, ``1,001st``."""
    suffix = "th" if 10 <= number % 100 <= 20 else _ORDINAL_SUFFIXES.get(number % 10, "th")
    return f"{number:,}{suffix}"


def describe_rank(rank: Rank, name: Callable[[str], str] = _same) -> str:
    """A rank in words: ``tied 4th of Russian missions by followers, descending``.

    Then ``, among A, B`` and ``, as of 2014-12`` when the ranking says so.
    *name* turns a record id into what to show (an actor's name); ids as
    they are by default.  No parentheses, so the words sit in a sentence's.
    """
    ranking = rank.ranking
    words = f"{'tied ' if rank.tied else ''}{ordinal(rank.position)} of {name(ranking.of)}"
    words += f" by {ranking.measure}, {ranking.order.value}"
    if ranking.among:
        words += ", among " + ", ".join(name(record_id) for record_id in ranking.among)
    if ranking.as_of is not None:
        words += f", as of {describe_time(ranking.as_of)}"
    return words


def describe_factuality(attribution: Attribution | None) -> str:
    """How firmly a claim is asserted, with the hedge as written: ``probable: “apparently”``.

    ``negated`` for a negated claim, ``negated, possible: “may”`` for both;
    ``""`` when there is no attribution or it asserts the claim certainly.
    """
    if attribution is None or not (attribution.hedged or attribution.negated):
        return ""
    degree = ", ".join(
        word
        for word, present in (
            ("negated", attribution.negated),
            (attribution.certainty.value, attribution.hedged),
        )
        if present
    )
    return f"{degree}: “{attribution.hedge}”" if attribution.hedge else degree


def describe_value(value: ClaimValue | None, name: Callable[[str], str] = _same) -> str:
    """A claim value in a few words: ``more than 9,000 follower``, ``2014-12``, a name, text.

    ``-`` when there is none (a claim that carries a proposition only).
    *name* turns a record id (a Ref, a rank's ranking) into what to show.
    """
    if value is None:
        return "-"
    if isinstance(value, Quantity):
        return _quantity(value)
    if isinstance(value, TimeSpan):
        return describe_time(value)
    if isinstance(value, Ref):
        return name(value.id)
    if isinstance(value, Rank):
        return describe_rank(value, name)
    return value


def describe_claim(claim: Claim, name: Callable[[str], str] = _same) -> str:
    """A claim in a few words: its ``text``, its proposition, or "<subject>: <property> <value>".

    *name* turns a record id into what to show (an actor's name); ids as they are by default.
    """
    if claim.text:
        return claim.text
    if claim.subject is None or claim.property is None:
        return claim.proposition.text if claim.proposition is not None else claim.id
    return f"{name(claim.subject)}: {claim.property} {describe_value(claim.value, name)}"
