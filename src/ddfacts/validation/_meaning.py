"""Level ``meaning``, one record at a time: times, quantities, anchors, ratings, vocabulary.

Each check reads the raw JSON value defensively (a part with the wrong JSON
type is skipped: the shape level reports it), so it runs on any input.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
from collections.abc import Iterable, Iterator
from typing import Any

from dateutil.parser import isoparse

from ..problems import Location, Problem, problem
from ..vocabulary import Vocabulary
from ._walk import as_dict, as_list, time_spans

__all__ = ["meaning_problems"]


def _number(value: Any) -> int | float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return value


def _day(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        if "T" in value:
            return isoparse(value).date()
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _whole(precision: str, first: dt.date, last: dt.date) -> bool | None:
    """Whether first..last is one whole unit of *precision*; None when not checked."""
    year_end = dt.date(first.year, 12, 31)
    if precision == "day":
        return first == last
    if precision == "month":
        days = calendar.monthrange(first.year, first.month)[1]
        return first.day == 1 and last == first.replace(day=days)
    if precision == "year":
        return first.month == 1 and first.day == 1 and last == year_end
    for name, span in (("decade", 10), ("century", 100)):
        if precision == name:
            start = first.month == 1 and first.day == 1 and first.year % span == 0
            return (
                start
                and first.year + span - 1 <= dt.MAXYEAR
                and last == dt.date(first.year + span - 1, 12, 31)
            )
    return None


def _times(record: Any, location: Location) -> Iterator[Problem]:
    for path, span in time_spans(record):
        at = location.child(*path)
        first, last = _day(span.get("earliest")), _day(span.get("latest"))
        precision = span.get("precision")
        if first is not None and last is not None and first > last:
            yield problem(
                "meaning.time-order",
                f"earliest {span['earliest']} is after latest {span['latest']}; "
                "expected earliest <= latest",
                at,
            )
            continue
        if precision == "unknown" and ("earliest" in span or "latest" in span):
            yield problem(
                "meaning.time-precision",
                "precision 'unknown' means nothing is known of the time, but it has bounds; "
                "give the precision the bounds have, or drop them",
                at,
            )
            continue
        if first is None or last is None or span.get("approximate") or span.get("uncertain"):
            continue
        # An EDTF interval ("2010/2013", as parse_time makes) has the precision of its ends.
        if "/" in str(span.get("edtf", "")):
            continue
        if isinstance(precision, str) and _whole(precision, first, last) is False:
            yield problem(
                "meaning.time-precision",
                f"precision {precision!r} means one whole calendar {precision}, but the bounds "
                f"are {first.isoformat()}..{last.isoformat()}",
                at,
            )


def _quantity(quantity: dict[str, Any], at: Location) -> Iterator[Problem]:
    amount = _number(quantity.get("amount"))
    lower, upper = _number(quantity.get("lower")), _number(quantity.get("upper"))
    qualifier = quantity.get("qualifier")
    got = f"got amount {amount}, lower {lower}, upper {upper}"
    if lower is not None and upper is not None and lower > upper:
        yield problem(
            "meaning.quantity-bounds",
            f"lower bound {lower} is above upper bound {upper}; expected lower <= upper",
            at,
        )
        return
    if amount is not None and (
        (lower is not None and amount < lower) or (upper is not None and amount > upper)
    ):
        yield problem(
            "meaning.quantity-bounds",
            f"amount {amount} lies outside its bounds {lower}..{upper}",
            at,
        )
        return
    rules = {
        "exact": (
            amount is not None and lower == amount and upper == amount,
            "lower == upper == amount",
        ),
        "more_than": (
            amount is not None and lower == amount and upper is None,
            "lower == amount and no upper bound",
        ),
        "at_least": (
            amount is not None and lower == amount and upper is None,
            "lower == amount and no upper bound",
        ),
        "less_than": (amount is not None and upper == amount, "upper == amount"),
        "at_most": (amount is not None and upper == amount, "upper == amount"),
        "approximately": (
            amount is not None and lower is not None and upper is not None,
            "an amount and both bounds around it",
        ),
        "between": (lower is not None and upper is not None, "both bounds"),
    }
    if isinstance(qualifier, str) and qualifier in rules:
        fits, needs = rules[qualifier]
        if not fits:
            yield problem(
                "meaning.quantity-qualifier",
                f"the qualifier {qualifier!r} needs {needs}; {got}",
                at,
            )


def _anchor(record: dict[str, Any], location: Location) -> Iterator[Problem]:
    anchor = as_dict(record.get("anchor"))
    start, end, exact = (
        _number(anchor.get("start")),
        _number(anchor.get("end")),
        anchor.get("exact"),
    )
    if start is None or end is None or not isinstance(exact, str):
        return
    at = location.child("anchor")
    if end < start:
        yield problem("meaning.anchor-span", f"end {end} is before start {start}", at)
    elif end - start != len(exact):
        yield problem(
            "meaning.anchor-span",
            f"the quote has {len(exact)} code points but the span {start}..{end} has "
            f"{end - start}; expected end - start == the quote's length",
            at,
        )


def _rating(record: dict[str, Any], location: Location) -> Iterator[Problem]:
    rating = as_dict(record.get("rating"))
    value, best, worst = (_number(rating.get(key)) for key in ("value", "best", "worst"))
    if value is None or best is None or worst is None:
        return
    at = location.child("rating")
    if best == worst:
        yield problem(
            "meaning.rating-scale",
            f"the scale {worst}..{best} is empty; expected best != worst",
            at,
        )
    elif not min(best, worst) <= value <= max(best, worst):
        yield problem(
            "meaning.rating-scale",
            f"rating {value} lies outside its scale {worst}..{best}",
            at.child("value"),
        )


def _unknown(what: str, name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else "; add it with --vocab"
    return f"unknown {what} {name!r}: it is not in the vocabulary{hint}"


def _actor(record: dict[str, Any], location: Location, vocab: Vocabulary) -> Iterator[Problem]:
    kind = record.get("kind")
    if not isinstance(kind, str) or not kind.strip():
        return
    if kind not in vocab.actor_types:
        yield problem(
            "vocab.unknown-actor-type",
            _unknown("actor type", kind, vocab.actor_types),
            location.child("kind"),
        )
        return
    is_account = "account" in vocab.lineage(kind)
    operated = record.get("operated_by")
    if operated is not None and not is_account:
        yield problem(
            "meaning.operated-by",
            f"only accounts are operated by another actor, but this actor's kind is {kind!r}; "
            "record the account as its own actor",
            location.child("operated_by"),
        )
    elif operated is None and is_account:
        yield problem(
            "meaning.account-operator",
            "the account does not say who operates it; add 'operated_by' with the actor's id",
            location,
        )


def _event(record: dict[str, Any], location: Location, vocab: Vocabulary) -> Iterator[Problem]:
    name = record.get("event_type")
    allowed = vocab.roles_for(name) if isinstance(name, str) else None
    if isinstance(name, str) and name.strip() and allowed is None:
        yield problem(
            "vocab.unknown-event-type",
            _unknown("event type", name, vocab.event_types),
            location.child("event_type"),
        )
    for index, participant in enumerate(as_list(record.get("participants"))):
        role = as_dict(participant).get("role")
        if not isinstance(role, str) or not role.strip():
            continue
        at = location.child("participants", index, "role")
        if role not in vocab.roles:
            yield problem("vocab.unknown-role", _unknown("participant role", role, vocab.roles), at)
        elif allowed is not None and role not in allowed:
            expected = ", ".join(repr(item) for item in allowed)
            yield problem(
                "vocab.role-not-allowed",
                f"role {role!r} is not allowed in a {name!r} event; expected one of {expected}",
                at,
            )


def _claim(record: dict[str, Any], location: Location, vocab: Vocabulary) -> Iterator[Problem]:
    value = record.get("value")
    if isinstance(value, dict) and len(value) == 1:
        for tag, item in value.items():
            if tag == "quantity" and isinstance(item, dict):
                yield from _quantity(item, location.child("value", "quantity"))
    name = record.get("property")
    if not isinstance(name, str) or not name.strip():
        return
    prop = vocab.properties.get(name)
    if prop is None:
        yield problem(
            "vocab.unknown-property",
            _unknown("property", name, vocab.properties),
            location.child("property"),
        )
        return
    if not isinstance(value, dict) or len(value) != 1:
        return
    ((tag, item),) = value.items()
    if tag in ("quantity", "time", "entity", "text") and tag != prop.value:
        yield problem(
            "vocab.value-type",
            f"property {name!r} takes a {prop.value} value, got a {tag} value",
            location.child("value"),
        )
        return
    unit = as_dict(item).get("unit") if tag == "quantity" else None
    if isinstance(unit, str) and prop.unit is not None and unit != prop.unit:
        yield problem(
            "vocab.unit",
            f"property {name!r} counts {prop.unit!r}, got the unit {unit!r}",
            location.child("value", "quantity", "unit"),
        )


def meaning_problems(value: Any, location: Location, vocab: Vocabulary) -> list[Problem]:
    """Every problem one raw record value has on its own at the meaning level."""
    if not isinstance(value, dict):
        return []
    found = list(_times(value, location))
    kind = value.get("type")
    if kind == "statement":
        found.extend(_anchor(value, location))
    elif kind == "review":
        found.extend(_rating(value, location))
    elif kind == "actor":
        found.extend(_actor(value, location, vocab))
    elif kind == "event":
        found.extend(_event(value, location, vocab))
    elif kind == "claim":
        found.extend(_claim(value, location, vocab))
    return found
