"""``check.contradiction``: single-valued claims that cannot all be true.

Two claims of a single-valued property about the same subject, at
overlapping as-of times (or both timeless), with compatible qualifiers,
about the same members (:func:`population`), whose values cannot both hold:
disjoint quantity intervals, times that cannot overlap, different entities,
different texts; or a negated claim denying what a positive one asserts
("not on Twitter" against "on Twitter").  Two voices disagreeing is a
warning (information about the world); one source saying both in one
speaker's voice is an error.  When either claim is hedged (certainty
probable or possible) the disagreement is ``check.hedged`` instead, a
warning: a hedge is not contradicted by a firmer statement.

Claims about different members of the subject are different quantities and
never compared: the group itself, each (or all, most, the average of) its
members, named members, members meeting a condition (``where``), a figure
refining another (``refines``); a claim about *some* members is compared
with nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping
from itertools import combinations
from types import MappingProxyType
from typing import Any

from .._describe import describe_factuality, describe_time, describe_value
from ..problems._codes import problem
from ..problems._report import Problem, Severity
from ..quantities._value import Quantity
from ..records import Claim, ClaimValue, Ref, Scope
from ..times._span import TimeSpan, as_date
from ._rules import at

__all__ = ["Said", "contradictions", "disagreement", "population"]

_DAY = dt.timedelta(days=1)
_FIELDS = (
    "id",
    "as_of",
    "qualifiers",
    "value",
    "source",
    "speaker",
    "subject",
    "population",
    "hedge",
    "negated",
)


def _threshold(value: Quantity) -> list[Any]:
    return [value.lower, value.lower_inclusive, value.upper, value.upper_inclusive, value.unit]


def population(claim: Claim) -> str | None:
    """Which members of its subject a claim's value is about, as a key: ``""`` for the subject.

    Claims with different keys are about different quantities and are never
    compared.  None for a claim about *some* members, which no other claim
    can contradict.
    """
    key: list[Any] = []
    members = claim.members
    if members is not None:
        if members.scope is Scope.SOME:
            return None
        key.append([members.scope.value, sorted(members.named), sorted(members.excluding)])
    if claim.where is not None:
        key.append(["where", claim.where.property, _threshold(claim.where.value)])
    if claim.refines is not None:
        key.append(["refines", claim.refines])
    return json.dumps(key) if key else ""


def _hedge(claim: Claim) -> str | None:
    """How a hedged claim is hedged (``probable: “apparently”``); None when it is certain.

    Worded as everywhere else a factuality is shown (:func:`describe_factuality`).
    """
    carried = claim.attribution
    if carried is None or not carried.hedged:
        return None
    return describe_factuality(carried)


class Said:
    """What the comparison rules need of a claim (never the claim itself)."""

    __slots__ = _FIELDS

    def __init__(self, claim: Claim) -> None:
        self.id = claim.id
        self.as_of = claim.as_of
        self.qualifiers = claim.qualifiers
        self.value = claim.value
        self.source = claim.attribution.source if claim.attribution is not None else None
        self.speaker = claim.speaker
        self.subject = claim.subject
        self.population = population(claim) or ""
        self.hedge = _hedge(claim)
        self.negated = claim.attribution is not None and claim.attribution.negated

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickled as its fields (a run spilling to disk keeps it so)."""
        fields = [getattr(self, name) for name in _FIELDS]
        fields[2] = dict(self.qualifiers)
        return (_said, tuple(fields))


def _said(*fields: Any) -> Said:
    """A :class:`Said` from its pickled fields (see :meth:`Said.__reduce__`)."""
    said = Said.__new__(Said)
    for name, value in zip(_FIELDS, fields, strict=True):
        setattr(said, name, value)
    said.qualifiers = MappingProxyType(fields[2])
    return said


def _compatible_qualifiers(a: Mapping[str, str], b: Mapping[str, str]) -> bool:
    return all(a[key] == b[key] for key in a.keys() & b.keys())


def _text(value: str) -> str:
    return " ".join(value.casefold().split())


def _values_clash(a: ClaimValue | None, b: ClaimValue | None) -> bool:
    if isinstance(a, Quantity) and isinstance(b, Quantity):
        return a.comparable(b) and not a.overlaps(b)
    if isinstance(a, TimeSpan) and isinstance(b, TimeSpan):
        return not (a.is_unknown or b.is_unknown or a.overlaps(b))
    if isinstance(a, Ref) and isinstance(b, Ref):
        return a.id != b.id
    if isinstance(a, str) and isinstance(b, str):
        return _text(a) != _text(b)
    return False


def _denies(negated: ClaimValue | None, positive: ClaimValue | None) -> bool:
    """Whether a claim that *negated* does not hold denies every value *positive* allows."""
    if isinstance(negated, Quantity) and isinstance(positive, Quantity):
        return negated.comparable(positive) and negated.contains(positive)
    if isinstance(negated, TimeSpan) and isinstance(positive, TimeSpan):
        return not (negated.is_unknown or positive.is_unknown) and negated.contains(positive)
    if isinstance(negated, Ref) and isinstance(positive, Ref):
        return negated.id == positive.id
    if isinstance(negated, str) and isinstance(positive, str):
        return _text(negated) == _text(positive)
    return False


def same_time(a: Said, b: Said) -> bool:
    """Whether two claims hold at overlapping as-of times, or are both timeless."""
    if a.as_of is None or b.as_of is None:
        return a.as_of is None and b.as_of is None
    if a.as_of.is_unknown or b.as_of.is_unknown:
        return False
    return a.as_of.overlaps(b.as_of)


def same_voice(a: Said, b: Said) -> bool:
    """Whether one source gives both claims in one speaker's voice."""
    if a.source is None or b.source is None:
        return False
    return a.source == b.source and a.speaker == b.speaker


def _bounds(claim: Said) -> tuple[dt.date, dt.date]:
    """Calendar bounds of a claim's as-of time, wide enough to never miss an overlap."""
    span = claim.as_of
    assert span is not None
    low = as_date(span.earliest) if span.earliest is not None else dt.date.min
    high = as_date(span.latest) if span.latest is not None else dt.date.max
    # A day's margin each side: time zones may move an instant across midnight.
    return (low - _DAY if low > dt.date.min else low, high + _DAY if high < dt.date.max else high)


def _candidate_pairs(claims: list[Said]) -> Iterator[tuple[Said, Said]]:
    """Pairs of claims whose as-of times may overlap, in file order within each pair.

    Timeless claims are paired with each other; timed ones by a sweep over
    their bounds, so a long series of dated counts costs n log n, not n².
    """
    order = {id(claim): number for number, claim in enumerate(claims)}
    timeless = [c for c in claims if c.as_of is None]
    yield from combinations(timeless, 2)
    timed = sorted(
        (c for c in claims if c.as_of is not None and not c.as_of.is_unknown),
        key=lambda c: _bounds(c)[0],
    )
    active: list[tuple[dt.date, Said]] = []
    for claim in timed:
        low, high = _bounds(claim)
        active = [(end, other) for end, other in active if end >= low]
        for _, other in active:
            yield (other, claim) if order[id(other)] < order[id(claim)] else (claim, other)
        active.append((high, claim))


def _clash(a: Said, b: Said) -> bool:
    if not (same_time(a, b) and _compatible_qualifiers(a.qualifiers, b.qualifiers)):
        return False
    if a.negated and b.negated:
        return False
    if a.negated:
        return _denies(a.value, b.value)
    if b.negated:
        return _denies(b.value, a.value)
    return _values_clash(a.value, b.value)


def hedging(a: Said, b: Said) -> str:
    """How the hedged one(s) of two claims are hedged, for a ``check.hedged`` message."""
    return "; ".join(f"{said.id} is {said.hedge}" for said in (a, b) if said.hedge is not None)


def _stated(said: Said) -> str:
    return ("not " if said.negated else "") + describe_value(said.value)


def _contradiction(subject: str, prop: str, a: Said, b: Said, ordinal: int) -> Problem:
    when = (
        "timeless"
        if a.as_of is None
        else f"as of {describe_time(a.as_of)} and {describe_time(b.as_of)}"
    )
    hedged = a.hedge is not None or b.hedge is not None
    verdict = "disagree" if hedged else "cannot both be true"
    message = (
        f"{a.id} and {b.id} give values of {prop!r} for {subject} that {verdict} "
        f"({when}): {_stated(a)} vs {_stated(b)}"
    )
    return disagreement(a, b, message, "check.contradiction", ordinal)


def disagreement(a: Said, b: Said, message: str, code: str, ordinal: int) -> Problem:
    """Two claims that cannot both hold, as a problem: one rule for every check that pairs them.

    A hedged side makes it the warning ``check.hedged``; otherwise *code*, an
    error when one source says both in one voice (else a warning, the code's
    default: two voices disagreeing is information about the world).
    """
    hedged = a.hedge is not None or b.hedge is not None
    same = same_voice(a, b)
    if hedged:
        message += f"; a hedged claim is not contradicted ({hedging(a, b)})"
    elif same:
        message += f"; both come from {a.source or ''}"
    return problem(
        "check.hedged" if hedged else code,
        message,
        at(ordinal, "value"),
        records=(a.id, b.id),
        severity=Severity.ERROR if same and not hedged else None,
    )


def _populations(claims: list[Said]) -> Iterator[list[Said]]:
    """The claims split by :func:`population`, each part in record order."""
    parts: dict[str, list[Said]] = {}
    for said in claims:
        parts.setdefault(said.population, []).append(said)
    return iter(parts.values())


def contradictions(
    groups: Iterable[tuple[tuple[str, str], list[Said]]], index: Mapping[str, int]
) -> Iterator[Problem]:
    """``check.contradiction`` (or ``check.hedged``) for each clashing pair of each group.

    *groups* are the single-valued claims by (subject, property), in record
    order; *index* gives each id's ordinal: the problem is located at the
    later claim's value.  Only claims about the same members are paired.
    """
    for (subject, prop), claims in groups:
        for part in _populations(claims):
            for a, b in _candidate_pairs(part):
                if _clash(a, b):
                    yield _contradiction(subject, prop, a, b, index[b.id])
