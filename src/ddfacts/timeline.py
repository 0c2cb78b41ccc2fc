"""An actor's timeline: roles held, events taken part in, claims about it, in time order."""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING

import attrs

from .records import Actor, Claim, Event, Record, Role, Source
from .times._span import TimeSpan, as_date

if TYPE_CHECKING:  # FactSet.timeline calls timeline(): the set is only read through its methods.
    from .factset import FactSet

__all__ = ["EntryKind", "TimelineEntry", "timeline"]


class EntryKind(str, enum.Enum):
    """Why a record is on an actor's timeline."""

    #: A position or affiliation the actor held.
    ROLE = "role"
    #: An event the actor took part in, or that is about the actor.
    EVENT = "event"
    #: A claim about the actor (the actor is its subject).
    CLAIM = "claim"
    #: A claim the actor asserts (the actor is its speaker).
    SAID = "said"


@attrs.frozen(kw_only=True)
class TimelineEntry:
    """One entry of a timeline: a role, an event or a claim, and its time."""

    #: Why the entry is there.
    kind: EntryKind
    #: The record: the Actor itself for a role, else the Event or Claim.
    record: Record
    #: When: the role's span, the event's time, the claim's ``as_of`` (or, failing
    #: that, the carrying source's publication time); None when unknown.
    time: TimeSpan | None
    #: For a role entry, the role.
    role: Role | None = None

    @property
    def id(self) -> str:
        """The id of the entry's record."""
        return self.record.id


def _claim_time(factset: FactSet, claim: Claim) -> TimeSpan | None:
    if claim.as_of is not None:
        return claim.as_of
    if claim.attribution is not None:
        source = factset.get(claim.attribution.source, Source)
        if source is not None:
            return source.published
    return None


def _sort_key(entry: tuple[int, TimelineEntry]) -> tuple[int, dt.date, dt.date, int]:
    order, item = entry
    span = item.time
    if span is None or span.is_unknown or (span.earliest is None and span.latest is None):
        return (1, dt.date.min, dt.date.min, order)
    first = as_date(span.earliest) if span.earliest is not None else dt.date.min
    last = as_date(span.latest) if span.latest is not None else dt.date.max
    return (0, first, last, order)


def timeline(factset: FactSet, actor_id: str) -> tuple[TimelineEntry, ...]:
    """The roles, events and claims of an actor, earliest first.

    Entries are ordered by their earliest instant, then their latest, then
    file order; entries whose time is unknown come last, in file order.  A
    claim the actor both asserts and is the subject of appears once, as
    ``claim``.

    Raises:
        KeyError: *actor_id* is not an Actor of the set.

    .. versionadded:: 0.1.0
    """
    actor = factset.get(actor_id, Actor)
    if actor is None:
        raise KeyError(actor_id)
    entries = [
        TimelineEntry(kind=EntryKind.ROLE, record=actor, time=role.during, role=role)
        for role in actor.roles
    ]
    for record in factset:
        if isinstance(record, Event):
            if actor_id in record.about or any(p.actor == actor_id for p in record.participants):
                entries.append(TimelineEntry(kind=EntryKind.EVENT, record=record, time=record.time))
        elif isinstance(record, Claim):
            if record.subject == actor_id:
                kind = EntryKind.CLAIM
            elif record.speaker == actor_id:
                kind = EntryKind.SAID
            else:
                continue
            entries.append(
                TimelineEntry(kind=kind, record=record, time=_claim_time(factset, record))
            )
    ordered = sorted(enumerate(entries), key=_sort_key)
    return tuple(entry for _, entry in ordered)
