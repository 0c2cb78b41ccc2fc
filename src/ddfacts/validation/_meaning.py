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
    quantity_rounding,
)
from ..records._rules import (
    TRIPLE,
    attribution_forms,
    claim_content,
    members_overlap,
    rank_position,
    rating_scale,
    rating_value,
)
from ..times._rules import time_edtf_bounds, time_order, time_precision
from ..vocabulary import Vocabulary
from ._rules import (
    account_operator,
    known,
    measure_type,
    operated_by,
    refines_value,
    role_allowed,
    unit_of,
    value_type,
)
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
        return
    rounded = quantity.get("rounded_to")
    message = quantity_rounding(_number(rounded), amount) if rounded is not None else None
    if message is not None and _number(rounded) is not None:
        yield problem("meaning.quantity-rounding", message, at.child("rounded_to"))


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


def _content(record: dict[str, Any], location: Location) -> Iterator[Problem]:
    """The claim says something: a whole triple, a proposition, or both."""
    given = [record.get(name) is not None for name in TRIPLE]
    subject, prop, value = given
    message = claim_content(subject, prop, value, record.get("proposition") is not None)
    if message is not None:
        present = [name for name, there in zip(TRIPLE, given, strict=True) if there]
        at = location.child(present[0]) if present else location
        yield problem("meaning.claim-content", message, at)


def _attribution(record: dict[str, Any], location: Location) -> Iterator[Problem]:
    attribution = as_dict(record.get("attribution"))
    message = attribution_forms(
        bool(as_list(attribution.get("chain"))),
        attribution.get("via") is not None or attribution.get("via_source") is not None,
        attribution.get("translated_by") is not None,
    )
    if message is not None:
        yield problem("meaning.attribution-forms", message, location.child("attribution", "chain"))


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(item for item in as_list(value) if isinstance(item, str))


def _members(record: dict[str, Any], location: Location) -> Iterator[Problem]:
    members = as_dict(record.get("members"))
    excluding = as_list(members.get("excluding"))
    message = members_overlap(_strings(members.get("named")), _strings(excluding))
    if message is not None:
        named = set(_strings(members.get("named")))
        index = min(i for i, item in enumerate(excluding) if item in named)
        yield problem(
            "meaning.members-overlap", message, location.child("members", "excluding", index)
        )


def _parts(record: dict[str, Any], location: Location) -> Iterator[Problem]:
    """The rules the claim's own parts keep: content, attribution, members, rank, quantities."""
    yield from _content(record, location)
    yield from _attribution(record, location)
    yield from _members(record, location)
    value = as_dict(record.get("value"))
    if record.get("refines") is not None and (not value or len(value) == 1):
        message = refines_value(next(iter(value), None))
        if message is not None:
            yield problem("meaning.refines-mismatch", message, location.child("refines"))
    quantity = value.get("quantity")
    if isinstance(quantity, dict):
        yield from _quantity(quantity, location.child("value", "quantity"))
    position = as_dict(value.get("rank")).get("position")
    if isinstance(position, (int, float)):
        message = rank_position(position)
        if message is not None:
            yield problem(
                "meaning.rank-position", message, location.child("value", "rank", "position")
            )
    condition = as_dict(as_dict(record.get("where")).get("value"))
    if condition:
        yield from _quantity(condition, location.child("where", "value"))


def _unit(name: str, counts: str | None, quantity: Any, at: Location) -> Iterator[Problem]:
    unit = as_dict(quantity).get("unit")
    message = unit_of(name, counts, unit) if isinstance(unit, str) else None
    if message is not None:
        yield problem("vocab.unit", message, at.child("unit"))


def _condition(record: dict[str, Any], location: Location, vocab: Vocabulary) -> Iterator[Problem]:
    """A condition tests a vocabulary property that takes a quantity, in its unit."""
    where = as_dict(record.get("where"))
    name = where.get("property")
    if not isinstance(name, str) or not name.strip():
        return
    at = location.child("where")
    message = known("property", name, vocab.properties)
    if message is not None:
        yield problem("vocab.unknown-property", message, at.child("property"))
        return
    prop = vocab.properties[name]
    message = value_type(name, prop.value, "quantity")
    if message is not None:
        yield problem("vocab.value-type", message, at.child("value"))
        return
    yield from _unit(name, prop.unit, where.get("value"), at.child("value"))


def _measure(record: dict[str, Any], location: Location, vocab: Vocabulary) -> Iterator[Problem]:
    """A ranking's measure that names a property names one whose values have an order."""
    ranking = as_dict(as_dict(as_dict(record.get("value")).get("rank")).get("ranking"))
    measure = ranking.get("measure")
    prop = vocab.properties.get(measure) if isinstance(measure, str) else None
    message = measure_type(str(measure), prop.value) if prop is not None else None
    if message is not None:
        yield problem(
            "vocab.value-type", message, location.child("value", "rank", "ranking", "measure")
        )


def _claim(record: dict[str, Any], location: Location, vocab: Vocabulary) -> Iterator[Problem]:
    yield from _parts(record, location)
    yield from _condition(record, location, vocab)
    yield from _measure(record, location, vocab)
    value = record.get("value")
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
    if tag == "quantity":
        yield from _unit(name, prop.unit, item, location.child("value", "quantity"))


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
