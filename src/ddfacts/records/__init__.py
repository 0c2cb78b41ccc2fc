"""The record classes: Source, Statement, Actor, Event, Claim, Review.

Records are frozen, slotted attrs classes with keyword-only fields.  They know
nothing of JSON (see :mod:`ddfacts.jsonio`) nor of other records (see
:mod:`ddfacts.validation`): a constructor checks only what no record may
break on its own.
"""

from __future__ import annotations

from typing import Union

from ._claimparts import (
    Certainty,
    Condition,
    Hop,
    Members,
    Mode,
    Proposition,
    Rank,
    Ranking,
    RankOrder,
    Scope,
)
from .actor import Actor, Identifier, Name, Role
from .claim import Attribution, Claim, ClaimValue, Rating, Ref, Review
from .event import Event, Participant
from .source import LinkKind, Source, SourceLink
from .statement import Statement

__all__ = [
    "RECORD_CLASSES",
    "Actor",
    "Attribution",
    "Certainty",
    "Claim",
    "ClaimValue",
    "Condition",
    "Event",
    "Hop",
    "Identifier",
    "LinkKind",
    "Members",
    "Mode",
    "Name",
    "Participant",
    "Proposition",
    "Rank",
    "RankOrder",
    "Ranking",
    "Rating",
    "Record",
    "Ref",
    "Review",
    "Role",
    "Scope",
    "Source",
    "SourceLink",
    "Statement",
]

#: Any record.
Record = Union[Source, Statement, Actor, Event, Claim, Review]  # noqa: UP007

#: Record classes by their JSON ``type``.
RECORD_CLASSES: dict[str, type[Record]] = {
    "source": Source,
    "statement": Statement,
    "actor": Actor,
    "event": Event,
    "claim": Claim,
    "review": Review,
}
