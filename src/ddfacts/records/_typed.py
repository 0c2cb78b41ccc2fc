"""The typed accessors a collection of records offers, written once.

:class:`~ddfacts.FactSet` (records in memory) and :class:`~ddfacts.store.FactStore`
(records in SQLite) answer the same ``sources`` ... ``reviews`` properties;
each collection says only how to find the records of one type
(:meth:`TypedAccessors.by_type`), and the rest is here.
"""

from __future__ import annotations

from collections.abc import Iterator
from operator import attrgetter
from typing import TypeVar, cast

from . import Actor, Claim, Event, Record, Review, Source, Statement

__all__ = ["TYPE_NAMES", "R", "TypedAccessors"]

#: A record class: what :meth:`TypedAccessors.of_type` returns a tuple of.
R = TypeVar("R", Source, Statement, Actor, Event, Claim, Review)

#: The JSON ``type`` of each record class.
TYPE_NAMES: dict[type[Record], str] = {
    Source: "source",
    Statement: "statement",
    Actor: "actor",
    Event: "event",
    Claim: "claim",
    Review: "review",
}


class TypedAccessors:
    """``of_type`` and one property per record type, over a collection's ``by_type``."""

    __slots__ = ()

    def by_type(self, type_name: str) -> tuple[Record, ...]:  # pragma: no cover - overridden
        """Records whose JSON ``type`` is *type_name*, in file order (each collection's own)."""
        raise NotImplementedError

    def of_type(self, kind: type[R]) -> tuple[R, ...]:
        """Every record of class *kind*, in file order."""
        return cast("tuple[R, ...]", self.by_type(TYPE_NAMES[kind]))

    def ordered(self, kind: type[R]) -> Iterator[R]:
        """Every record of class *kind* in id order (code point order), one at a time.

        A collection in memory sorts its own; a store streams them from disk.

        .. versionadded:: 0.2.0
        """
        return iter(sorted(self.of_type(kind), key=attrgetter("id")))

    @property
    def sources(self) -> tuple[Source, ...]:
        """Every Source, in file order."""
        return self.of_type(Source)

    @property
    def statements(self) -> tuple[Statement, ...]:
        """Every Statement, in file order."""
        return self.of_type(Statement)

    @property
    def actors(self) -> tuple[Actor, ...]:
        """Every Actor, in file order."""
        return self.of_type(Actor)

    @property
    def events(self) -> tuple[Event, ...]:
        """Every Event, in file order."""
        return self.of_type(Event)

    @property
    def claims(self) -> tuple[Claim, ...]:
        """Every Claim, in file order."""
        return self.of_type(Claim)

    @property
    def reviews(self) -> tuple[Review, ...]:
        """Every Review, in file order."""
        return self.of_type(Review)
