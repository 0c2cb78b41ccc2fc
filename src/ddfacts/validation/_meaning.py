"""Level ``meaning``, one record at a time: times, quantities, anchors, ratings, vocabulary.

Each check reads the raw JSON value defensively (a part with the wrong JSON
type is skipped: the shape level reports it), asks the rules
(:mod:`~ddfacts.validation._rules` and the rules beside the value types)
and turns what a rule says into a located problem.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from dateutil.parser import isoparse

from ..anchors._rules import anchor_span
from ..jsonio._codec import StructureError, load_instant
from ..problems import Location, Problem, problem
from ..quantities._rules import (
    quantity_amount,
    quantity_numbers,
    quantity_order,
    quantity_qualifier,
)
from ..records._rules import rating_scale, rating_value
from ..times._rules import time_edtf_bounds, time_order, time_precision
from ..vocabulary import Vocabulary
from ._rules import account_operator, known, operated_by, role_allowed, unit_of, value_type
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


def _bound(value: Any) -> dt.date | bool | None:
    """A span's bound read as the codec reads it, None when absent, False when unreadable."""
    if value is None:
        return None
    try:
        return load_instant(value, "")
    except StructureError:
        return False  # the shape level reports it


def _edtf(span: dict[str, Any], at: Location) -> Iterator[Problem]:
    edtf = span.get("edtf")
    first, last = _bound(span.get("earliest")), _bound(span.get("latest"))
    if not isinstance(edtf, str) or not edtf or first is False or last is False:
        return  # the shape level reports it
    message = time_edtf_bounds(edtf, first, last)  # type: ignore[arg-type]
    if message is not None:
        yield problem("meaning.time-edtf", message, at.child("edtf"))


def _times(record: Any, location: Location) -> Iterator[Problem]:
    for path, span in time_spans(record):
        at = location.child(*path)
        first, last = _day(span.get("earliest")), _day(span.get("latest"))
        if first is not None and last is not None:
            message = time_order(span, first, last)
            if message is not None:
                yield problem("meaning.time-order", message, at)
                continue
        message = time_precision(span, first, last)
        if message is not None:
            yield problem("meaning.time-precision", message, at)
            continue
        yield from _edtf(span, at)


def _quantity(quantity: dict[str, Any], at: Location) -> Iterator[Problem]:
    amount = _number(quantity.get("amount"))
    lower, upper = _number(quantity.get("lower")), _number(quantity.get("upper"))
    message = quantity_numbers(amount, lower, upper)
    if message is not None:
        yield problem("meaning.quantity-bounds", message, at)
        return
    message = quantity_order(lower, upper) or quantity_amount(amount, lower, upper)
    if message is not None:
        yield problem("meaning.quantity-bounds", message, at)
        return
    qualifier = quantity.get("qualifier")
    message = (
        quantity_qualifier(qualifier, amount, lower, upper) if isinstance(qualifier, str) else None
    )
    if message is not None:
        yield problem("meaning.quantity-qualifier", message, at)


def _anchor(record: dict[str, Any], location: Location) -> Iterator[Problem]:
    anchor = as_dict(record.get("anchor"))
    start, end = _number(anchor.get("start")), _number(anchor.get("end"))
    exact = anchor.get("exact")
    if start is None or end is None or not isinstance(exact, str):
        return
    message = anchor_span(start, end, exact)
    if message is not None:
        yield problem("meaning.anchor-span", message, location.child("anchor"))


def _rating(record: dict[str, Any], location: Location) -> Iterator[Problem]:
    rating = as_dict(record.get("rating"))
    value, best, worst = (_number(rating.get(key)) for key in ("value", "best", "worst"))
    if value is None or best is None or worst is None:
        return
    at = location.child("rating")
    message = rating_scale(best, worst)
    if message is not None:
        yield problem("meaning.rating-scale", message, at)
        return
    message = rating_value(value, best, worst)
    if message is not None:
        yield problem("meaning.rating-scale", message, at.child("value"))


def _actor(record: dict[str, Any], location: Location, vocab: Vocabulary) -> Iterator[Problem]:
    kind = record.get("kind")
    if not isinstance(kind, str) or not kind.strip():
        return
    message = known("actor type", kind, vocab.actor_types)
    if message is not None:
        yield problem("vocab.unknown-actor-type", message, location.child("kind"))
        return
    is_account = "account" in vocab.lineage(kind)
    has_operator = record.get("operated_by") is not None
    message = operated_by(kind, is_account, has_operator)
    if message is not None:
        yield problem("meaning.operated-by", message, location.child("operated_by"))
    message = account_operator(is_account, has_operator)
    if message is not None:
        yield problem("meaning.account-operator", message, location)


def _event(record: dict[str, Any], location: Location, vocab: Vocabulary) -> Iterator[Problem]:
    name = record.get("event_type")
    allowed = vocab.roles_for(name) if isinstance(name, str) else None
    if isinstance(name, str) and name.strip():
        message = known("event type", name, vocab.event_types)
        if message is not None:
            yield problem("vocab.unknown-event-type", message, location.child("event_type"))
    for index, participant in enumerate(as_list(record.get("participants"))):
        role = as_dict(participant).get("role")
        if not isinstance(role, str) or not role.strip():
            continue
        at = location.child("participants", index, "role")
        message = known("participant role", role, vocab.roles)
        if message is not None:
            yield problem("vocab.unknown-role", message, at)
            continue
        message = role_allowed(role, str(name), allowed)
        if message is not None:
            yield problem("vocab.role-not-allowed", message, at)


def _claim(record: dict[str, Any], location: Location, vocab: Vocabulary) -> Iterator[Problem]:
    value = record.get("value")
    if isinstance(value, dict) and len(value) == 1:
        for tag, item in value.items():
            if tag == "quantity" and isinstance(item, dict):
                yield from _quantity(item, location.child("value", "quantity"))
    name = record.get("property")
    if not isinstance(name, str) or not name.strip():
        return
    message = known("property", name, vocab.properties)
    if message is not None:
        yield problem("vocab.unknown-property", message, location.child("property"))
        return
    prop = vocab.properties[name]
    if not isinstance(value, dict) or len(value) != 1:
        return
    ((tag, item),) = value.items()
    message = value_type(name, prop.value, tag)
    if message is not None:
        yield problem("vocab.value-type", message, location.child("value"))
        return
    unit = as_dict(item).get("unit") if tag == "quantity" else None
    message = unit_of(name, prop.unit, unit) if isinstance(unit, str) else None
    if message is not None:
        yield problem("vocab.unit", message, location.child("value", "quantity", "unit"))


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
