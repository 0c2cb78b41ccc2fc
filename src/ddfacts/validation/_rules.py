"""The vocabulary rules a record keeps on its own: known names, roles, value types, units.

A rule is a plain function of raw values (and what the vocabulary says of
them) that returns what is wrong, as a sentence, or None when the rule
holds.  The per-record meaning check (:mod:`~ddfacts.validation._meaning`)
turns the sentence into a located problem; the fast pass
(:mod:`~ddfacts.validation._scan`) only asks whether the rule holds.  The
rules the record classes keep too live next to them:
:mod:`ddfacts.quantities._rules`, :mod:`ddfacts.anchors._rules`,
:mod:`ddfacts.records._rules` and :mod:`ddfacts.times._rules`.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable

from ..jsonio._codec import VALUE_TAGS

__all__ = [
    "account_operator",
    "known",
    "measure_type",
    "operated_by",
    "refines_value",
    "role_allowed",
    "unit_of",
    "value_type",
]

#: The value kinds a ranking can order its members by.
ORDERED = ("quantity", "time")


def _unknown(what: str, name: str, names: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(names), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else "; add it with --vocab"
    return f"unknown {what} {name!r}: it is not in the vocabulary{hint}"


def known(what: str, name: str, names: Collection[str]) -> str | None:
    """*name* is one of the vocabulary's *names* (actor types, roles...); else a hint."""
    return None if name in names else _unknown(what, name, names)


def operated_by(kind: str, is_account: bool, has_operator: bool) -> str | None:
    """Only an account names an actor that operates it."""
    if has_operator and not is_account:
        return (
            f"only accounts are operated by another actor, but this actor's kind is {kind!r}; "
            "record the account as its own actor"
        )
    return None


def account_operator(is_account: bool, has_operator: bool) -> str | None:
    """An account names the actor that operates it."""
    if is_account and not has_operator:
        return "the account does not say who operates it; add 'operated_by' with the actor's id"
    return None


def role_allowed(role: str, event_type: str, allowed: Collection[str] | None) -> str | None:
    """A participant's role is one its event's type allows (None: any role)."""
    if allowed is None or role in allowed:
        return None
    expected = ", ".join(repr(item) for item in allowed)
    return f"role {role!r} is not allowed in a {event_type!r} event; expected one of {expected}"


def value_type(name: str, takes: str, tag: str) -> str | None:
    """A claim's value is of the kind its property takes."""
    if tag in VALUE_TAGS and tag != takes:
        return f"property {name!r} takes a {takes} value, got a {tag} value"
    return None


def measure_type(measure: str, takes: str) -> str | None:
    """A ranking's measure that names a property names one whose values have an order."""
    if takes not in ORDERED:
        return (
            f"the ranking's measure {measure!r} is a property that takes {takes} values, "
            "which have no order; rank by a quantity or a time, or say the measure in words"
        )
    return None


def unit_of(name: str, counts: str | None, unit: str) -> str | None:
    """A quantity counts what its property counts."""
    if counts is not None and unit != counts:
        return f"property {name!r} counts {counts!r}, got the unit {unit!r}"
    return None


def refines_value(tag: str | None) -> str | None:
    """A claim that refines another narrows its figure, so it gives a quantity (*tag*: its kind).

    *tag* is the value's kind (``quantity``, ``text``...), None when the claim has no value.
    """
    if tag == "quantity":
        return None
    gave = "no value" if tag is None else f"a {tag} value"
    return (
        f"a claim that refines another narrows its figure ('6 of the 15'), so it gives a "
        f"quantity value, but this one gives {gave}"
    )
