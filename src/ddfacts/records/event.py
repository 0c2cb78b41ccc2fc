"""Event: something that happened, when, where, to and by whom."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..times._span import TimeSpan
from ._fields import (
    extensions_field,
    id_of,
    ids,
    instances_of,
    non_empty_str,
    optional_str,
    to_tuple,
)
from ._provenance import Provenance

__all__ = ["Event", "Participant"]


@attrs.frozen(kw_only=True)
class Participant:
    """An actor taking part in an event, in a role (``agent``, ``target``…)."""

    #: The actor's id.
    actor: str = attrs.field(validator=id_of("actor"))
    #: The role, from the vocabulary.
    role: str = attrs.field(validator=non_empty_str)


@attrs.frozen(kw_only=True)
class Event:
    """Something that happened: a type from the vocabulary, a time, a place, participants.

    .. versionadded:: 0.1.0
    """

    #: ``event:…``
    id: str = attrs.field(validator=id_of("event"))
    #: The event type, from the vocabulary: ``summons``, ``interview``…
    event_type: str = attrs.field(validator=non_empty_str)
    #: When it happened (``TimeSpan.unknown()`` when the text does not say).
    time: TimeSpan | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(TimeSpan))
    )
    #: Where it happened, as the text names it.
    place: str | None = attrs.field(default=None, validator=optional_str)
    #: Who took part, and how.
    participants: tuple[Participant, ...] = attrs.field(
        default=(), converter=to_tuple, validator=instances_of(Participant)
    )
    #: Ids of records the event is about (a Source published, a Claim made…).
    about: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=ids)
    #: One sentence saying what happened.
    description: str | None = attrs.field(default=None, validator=optional_str)
    #: Statement ids that report it.
    evidence: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=ids)
    #: Who recorded this record, how and from what.
    provenance: Provenance | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Provenance))
    )
    #: Unknown ``x-…`` members, kept as they came.
    extensions: Mapping[str, Any] = extensions_field()

    @property
    def type(self) -> str:
        """The record type, ``"event"``."""
        return "event"
