"""The fast per-record pass: prove a raw record clean in one walk, collecting its facts.

Most records of a big file have no problem at all.  For those,
:class:`Scanner` does in one pass over the raw dict what the per-record
checks and the summary do: the compiled shape check, then per-type code
that asks every rule (real calendar dates, times in order, the quantity,
anchor and rating rules, the vocabulary, what the record classes'
constructors check) whether it holds, while it collects the
:class:`~ddfacts.validation._rows.Facts` the whole-set pass needs (its
references through the one table, :mod:`~ddfacts.validation._refs`).  No
:class:`~ddfacts.problems.Location`, pointer string or record object is
made for a clean record.  A record that is not proved clean (a fast check is
unsure, or a rule does not hold) goes through the exact per-record checks
(:func:`~ddfacts.validation._record.check_record`), so every message is what
it always was: this pass changes speed only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from ..anchors._rules import anchor_span
from ..jsonio._fast._build import _PLAIN_DATETIME
from ..jsonio._fast._shape import check_for
from ..quantities._rules import (
    quantity_amount,
    quantity_numbers,
    quantity_order,
    quantity_qualifier,
    quantity_rounding,
)
from ..records._fields import RECORD_TYPES
from ..records._rules import (
    attribution_forms,
    claim_content,
    members_overlap,
    rank_position,
    rating_scale,
    rating_value,
)
from ..times._rules import time_edtf, time_edtf_bounds, time_order, time_precision
from ..vocabulary import Vocabulary
from ._record import claim_named, claim_scope
from ._refwalks import SHAPED_WALKS
from ._rows import ClaimFacts, Facts
from ._rules import (
    account_operator,
    known,
    measure_type,
    operated_by,
    role_allowed,
    unit_of,
    value_type,
)

__all__ = ["Scanner"]

#: The reference walks of shape-valid records, by type.
_SOURCE_REFS, _STATEMENT_REFS, _ACTOR_REFS, _EVENT_REFS, _CLAIM_REFS, _REVIEW_REFS = (
    SHAPED_WALKS[kind] for kind in ("source", "statement", "actor", "event", "claim", "review")
)
_date = dt.date.fromisoformat
_datetime = dt.datetime.fromisoformat
#: Build the typed rows without their class call's keyword machinery (once a record).
_new = tuple.__new__


class _Unclean(Exception):
    """The fast pass cannot vouch for a record: run the exact checks."""


def _datetime_ok(text: str) -> bool:
    if _PLAIN_DATETIME(text) is None:
        return False
    try:
        _datetime(text)
    except ValueError:
        return False
    return True


def _date_ok(text: str) -> bool:
    try:
        _date(text)
    except ValueError:
        return False
    return True


def _instant(text: str) -> dt.date:
    """A bound read as the codec reads it; raise :class:`_Unclean` when unsure."""
    if "T" in text and _PLAIN_DATETIME(text) is None:
        raise _Unclean
    try:
        return _datetime(text) if "T" in text else _date(text)
    except ValueError:
        raise _Unclean from None


def _span(span: dict[str, Any]) -> None:
    """Raise :class:`_Unclean` unless a shape-valid time span is sure to have no problem."""
    if time_edtf(span["edtf"]) is not None:
        raise _Unclean
    resolved = span.get("resolved_against")
    if resolved is not None and not _date_ok(resolved["date"]):
        raise _Unclean
    first, last = span.get("earliest"), span.get("latest")
    start = None if first is None else _instant(first)
    end = None if last is None else _instant(last)
    if start is None or end is None:
        if time_precision(span, None, None) is not None:
            raise _Unclean
    elif isinstance(start, dt.datetime) or isinstance(end, dt.datetime):
        raise _Unclean  # date-times compare to the second: the exact checks decide
    elif time_order(span, start, end) is not None or time_precision(span, start, end) is not None:
        raise _Unclean
    if time_edtf_bounds(span["edtf"], start, end) is not None:
        raise _Unclean


def _provenance(value: dict[str, Any]) -> None:
    """Raise :class:`_Unclean` unless the provenance's date-times are sure to be right."""
    provenance = value.get("provenance")
    if provenance is None:
        return
    recorded = provenance.get("recorded")
    if recorded is not None and not _datetime_ok(recorded):
        raise _Unclean
    for entry in provenance.get("history") or ():
        at = entry.get("at")
        if at is not None and not _datetime_ok(at):
            raise _Unclean


def _quantity(quantity: dict[str, Any]) -> None:
    amount, lower, upper = quantity.get("amount"), quantity.get("lower"), quantity.get("upper")
    if (
        quantity_numbers(amount, lower, upper) is not None
        or quantity_order(lower, upper) is not None
        or quantity_amount(amount, lower, upper) is not None
        or quantity_qualifier(quantity["qualifier"], amount, lower, upper) is not None
        or quantity_rounding(quantity.get("rounded_to"), amount) is not None
    ):
        raise _Unclean


def _parts(value: dict[str, Any]) -> None:
    """Raise :class:`_Unclean` unless the claim's own parts keep their rules."""
    if (
        claim_content(
            "subject" in value, "property" in value, "value" in value, "proposition" in value
        )
        is not None
    ):
        raise _Unclean
    attribution = value.get("attribution")
    if attribution is not None and (
        attribution_forms(
            bool(attribution.get("chain")),
            "via" in attribution or "via_source" in attribution,
            "translated_by" in attribution,
        )
        is not None
    ):
        raise _Unclean
    members = value.get("members")
    if members is not None and (
        members_overlap(tuple(members.get("named") or ()), tuple(members.get("excluding") or ()))
        is not None
    ):
        raise _Unclean


class Scanner:
    """The fast per-record pass for one vocabulary (caches what it looks up in it)."""

    def __init__(self, vocab: Vocabulary) -> None:
        self._vocab = vocab
        self._accounts: dict[str, bool] = {
            kind: "account" in vocab.lineage(kind) for kind in vocab.actor_types
        }
        self._roles = frozenset(vocab.roles)
        self._properties = dict(vocab.properties)
        self._events: dict[str, frozenset[str]] = {}
        scans: dict[str, Callable[[dict[str, Any]], Facts]] = {
            "source": self._source,
            "statement": self._statement,
            "actor": self._actor,
            "event": self._event,
            "claim": self._claim,
            "review": self._review,
        }
        #: By record type: its compiled shape check, and the scan of a record that passes it.
        self._types = {name: (check_for(name), scans[name]) for name in RECORD_TYPES}

    def facts(self, value: Any) -> Facts | None:
        """The facts of a record proved clean (no problem at any level), else None."""
        if type(value) is not dict:
            return None
        kind = value.get("type")
        scan = self._types.get(kind) if type(kind) is str else None
        if scan is None or not scan[0](value):
            return None
        try:
            return scan[1](value)
        except _Unclean:
            return None

    def _source(self, value: dict[str, Any]) -> Facts:
        _provenance(value)
        length = value.get("length")
        if length is not None and type(length) is not int:
            raise _Unclean
        published = value.get("published")
        if published is not None:
            _span(published)
        targets, sites, derived = _SOURCE_REFS(value)
        return _new(Facts, (value["id"], "source", None, targets, sites, derived, None, None))

    def _statement(self, value: dict[str, Any]) -> Facts:
        _provenance(value)
        anchor = value["anchor"]
        start, end = anchor["start"], anchor["end"]
        if type(start) is not int or type(end) is not int:
            raise _Unclean  # 3.0 is an integer to the schema, not to the Anchor class
        if anchor_span(start, end, anchor["exact"]) is not None:
            raise _Unclean
        targets, sites, derived = _STATEMENT_REFS(value)
        return _new(Facts, (value["id"], "statement", None, targets, sites, derived, None, None))

    def _actor(self, value: dict[str, Any]) -> Facts:
        _provenance(value)
        kind = value["kind"]
        if known("actor type", kind, self._accounts) is not None:
            raise _Unclean
        account = self._accounts[kind]
        operator = value.get("operated_by")
        has_operator = operator is not None
        if (
            operated_by(kind, account, has_operator) is not None
            or account_operator(account, has_operator) is not None
        ):
            raise _Unclean
        for role in value.get("roles") or ():
            during = role.get("during")
            if during is not None:
                _span(during)
        targets, sites, derived = _ACTOR_REFS(value)
        return _new(Facts, (value["id"], "actor", kind, targets, sites, derived, operator, None))

    def _allowed(self, name: str) -> frozenset[str]:
        """The roles an event type allows (raise :class:`_Unclean` for an unknown type)."""
        allowed = self._events.get(name)
        if allowed is None:
            if known("event type", name, self._vocab.event_types) is not None:
                raise _Unclean
            allowed = self._events[name] = frozenset(self._vocab.roles_for(name) or ())
        return allowed

    def _event(self, value: dict[str, Any]) -> Facts:
        _provenance(value)
        name = value["event_type"]
        allowed = self._allowed(name)
        time = value.get("time")
        if time is not None:
            _span(time)
        roles = self._roles
        for participant in value.get("participants") or ():
            role = participant["role"]
            if (
                known("participant role", role, roles) is not None
                or role_allowed(role, name, allowed) is not None
            ):
                raise _Unclean
        targets, sites, derived = _EVENT_REFS(value)
        return _new(Facts, (value["id"], "event", None, targets, sites, derived, None, None))

    def _property(self, name: str, tag: str, item: Any) -> None:
        """Raise :class:`_Unclean` unless *name* is known and takes *item* (tagged *tag*)."""
        if known("property", name, self._properties) is not None:
            raise _Unclean
        prop = self._properties[name]
        if value_type(name, prop.value, tag) is not None:
            raise _Unclean
        if tag == "quantity":
            _quantity(item)
            unit = item.get("unit")
            if unit is not None and unit_of(name, prop.unit, unit) is not None:
                raise _Unclean

    def _value(self, name: str, claim_value: dict[str, Any]) -> str | None:
        """Check a claim's value against its property; its entity's id, if it names one."""
        ((tag, item),) = claim_value.items()
        self._property(name, tag, item)
        if tag == "time":
            _span(item)
        elif tag == "entity":
            return str(item)
        elif tag == "rank":
            if rank_position(item["position"]) is not None:
                raise _Unclean
            ranking = item["ranking"]
            prop = self._properties.get(ranking["measure"])
            if prop is not None and measure_type(ranking["measure"], prop.value) is not None:
                raise _Unclean
            as_of = ranking.get("as_of")
            if as_of is not None:
                _span(as_of)
        return None

    def _claim(self, value: dict[str, Any]) -> Facts:
        _provenance(value)
        _parts(value)
        where = value.get("where")
        if where is not None:
            self._property(where["property"], "quantity", where["value"])
        as_of = value.get("as_of")
        if as_of is not None:
            _span(as_of)
        targets, sites, derived = _CLAIM_REFS(value)
        name = value.get("property")
        if name is None:
            if "refines" in value:
                raise _Unclean  # refines_value: a refining claim gives a quantity
            return _new(Facts, (value["id"], "claim", None, targets, sites, derived, None, None))
        claim_value = value["value"]
        if "refines" in value and "quantity" not in claim_value:
            raise _Unclean  # refines_value
        entity = self._value(name, claim_value)
        attribution = value.get("attribution")
        claim = _new(
            ClaimFacts,
            (
                value["subject"],
                name,
                claim_value,
                entity,
                "" if as_of is None else as_of["edtf"],
                "" if attribution is None else attribution["source"],
                value.get("speaker") or "",
                False,
                claim_scope(value),
                value.get("refines") or "",
                claim_named(value),
                "quantity" in claim_value,
            ),
        )
        return _new(Facts, (value["id"], "claim", None, targets, sites, derived, None, claim))

    def _review(self, value: dict[str, Any]) -> Facts:
        _provenance(value)
        rating = value["rating"]
        score, best, worst = rating["value"], rating["best"], rating["worst"]
        if rating_scale(best, worst) is not None or rating_value(score, best, worst) is not None:
            raise _Unclean
        published = value.get("published")
        if published is not None and not _date_ok(published):
            raise _Unclean
        targets, sites, derived = _REVIEW_REFS(value)
        return _new(Facts, (value["id"], "review", None, targets, sites, derived, None, None))
