"""``check.contradiction``: single-valued claims that cannot all be true.

Two claims of a single-valued property about the same subject, at
overlapping as-of times (or both timeless), with compatible qualifiers,
whose values cannot both hold: disjoint quantity intervals, times that cannot
overlap, different entities, different texts.  Two voices disagreeing is a
warning (information about the world); one source saying both in one
speaker's voice is an error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from itertools import combinations
from types import MappingProxyType
from typing import Any

from .._describe import describe_time, describe_value
from ..problems._codes import problem
from ..problems._report import Problem, Severity
from ..quantities._value import Quantity
from ..records import Claim, ClaimValue, Ref
from ..times._span import TimeSpan, as_date
from ._rules import at

__all__ = ["Said", "contradictions"]

_DAY = dt.timedelta(days=1)


class Said:
    """What the contradiction rule needs of a single-valued claim (never the claim itself)."""

    __slots__ = ("as_of", "id", "qualifiers", "source", "speaker", "value")

    def __init__(self, claim: Claim) -> None:
        self.id = claim.id
        self.as_of = claim.as_of
        self.qualifiers = claim.qualifiers
        self.value = claim.value
        self.source = claim.attribution.source if claim.attribution is not None else None
        self.speaker = claim.speaker

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickled as its fields (a run spilling to disk keeps it so)."""
        fields = (self.id, self.as_of, dict(self.qualifiers), self.value, self.source)
        return (_said, (*fields, self.speaker))


def _said(*fields: Any) -> Said:
    """A :class:`Said` from its pickled fields (see :meth:`Said.__reduce__`)."""
    said = Said.__new__(Said)
    said.id, said.as_of, qualifiers, said.value, said.source, said.speaker = fields
    said.qualifiers = MappingProxyType(qualifiers)
    return said


def _compatible_qualifiers(a: Mapping[str, str], b: Mapping[str, str]) -> bool:
    return all(a[key] == b[key] for key in a.keys() & b.keys())


def _values_clash(a: ClaimValue | None, b: ClaimValue | None) -> bool:
    if isinstance(a, Quantity) and isinstance(b, Quantity):
        return a.comparable(b) and not a.overlaps(b)
    if isinstance(a, TimeSpan) and isinstance(b, TimeSpan):
        return not (a.is_unknown or b.is_unknown or a.overlaps(b))
    if isinstance(a, Ref) and isinstance(b, Ref):
        return a.id != b.id
    if isinstance(a, str) and isinstance(b, str):
        return " ".join(a.casefold().split()) != " ".join(b.casefold().split())
    return False


def _same_time(a: Said, b: Said) -> bool:
    if a.as_of is None or b.as_of is None:
        return a.as_of is None and b.as_of is None
    if a.as_of.is_unknown or b.as_of.is_unknown:
        return False
    return a.as_of.overlaps(b.as_of)


def _same_voice(a: Said, b: Said) -> bool:
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
    return (
        _same_time(a, b)
        and _compatible_qualifiers(a.qualifiers, b.qualifiers)
        and _values_clash(a.value, b.value)
    )


def _contradiction(subject: str, prop: str, a: Said, b: Said, ordinal: int) -> Problem:
    same = _same_voice(a, b)
    when = (
        "timeless"
        if a.as_of is None
        else f"as of {describe_time(a.as_of)} and {describe_time(b.as_of)}"
    )
    message = (
        f"{a.id} and {b.id} give values of {prop!r} for {subject} that cannot both "
        f"be true ({when}): {describe_value(a.value)} vs {describe_value(b.value)}"
    )
    if same:
        message += f"; both come from {a.source or ''}"
    return problem(
        "check.contradiction",
        message,
        at(ordinal, "value"),
        records=(a.id, b.id),
        severity=Severity.ERROR if same else None,
    )


def contradictions(
    groups: Iterable[tuple[tuple[str, str], list[Said]]], index: Mapping[str, int]
) -> Iterator[Problem]:
    """``check.contradiction`` for each clashing pair of each (subject, property) group.

    *groups* are the single-valued claims by (subject, property), in record
    order; *index* gives each id's ordinal: the problem is located at the
    later claim's value.
    """
    for (subject, prop), claims in groups:
        for a, b in _candidate_pairs(claims):
            if _clash(a, b):
                yield _contradiction(subject, prop, a, b, index[b.id])
