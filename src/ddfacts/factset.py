"""FactSet: an immutable collection of records with indexes.

Indexes by id, type, subject, source and property are built once, when the
set is made.  Growing a set returns a new one (:meth:`FactSet.with_records`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, overload

from .errors import DuplicateIdError
from .query import query as _query
from .records import Claim, Event, Record, Review, Statement
from .records._typed import R, TypedAccessors
from .timeline import TimelineEntry
from .timeline import timeline as _timeline

if TYPE_CHECKING:
    from .times._span import TimeSpan

__all__ = ["FactSet"]


class FactSet(TypedAccessors):
    """An immutable collection of records, iterable in the order given, with indexes.

    Raises:
        DuplicateIdError: two records share an id.

    .. versionadded:: 0.1.0
    """

    __slots__ = ("_by_id", "_by_property", "_by_source", "_by_subject", "_by_type", "_records")

    def __init__(self, records: Iterable[Record] = ()) -> None:
        self._records: tuple[Record, ...] = tuple(records)
        by_id: dict[str, Record] = {}
        by_type: dict[str, list[Record]] = {}
        by_subject: dict[str, list[Record]] = {}
        by_source: dict[str, list[Record]] = {}
        by_property: dict[str, list[Record]] = {}
        for record in self._records:
            if record.id in by_id:
                raise DuplicateIdError(record.id)
            by_id[record.id] = record
            by_type.setdefault(record.type, []).append(record)
            if isinstance(record, Claim):
                for about in record.about:
                    by_subject.setdefault(about, []).append(record)
                if record.property is not None:
                    by_property.setdefault(record.property, []).append(record)
                if record.attribution is not None:
                    by_source.setdefault(record.attribution.source, []).append(record)
            elif isinstance(record, Statement):
                by_source.setdefault(record.source, []).append(record)
            elif isinstance(record, Event):
                for participant in record.participants:
                    bucket = by_subject.setdefault(participant.actor, [])
                    if not bucket or bucket[-1] is not record:
                        bucket.append(record)
            elif isinstance(record, Review):
                by_subject.setdefault(record.claim, []).append(record)
        self._by_id = by_id
        self._by_type = {key: tuple(value) for key, value in by_type.items()}
        self._by_subject = {key: tuple(value) for key, value in by_subject.items()}
        self._by_source = {key: tuple(value) for key, value in by_source.items()}
        self._by_property = {key: tuple(value) for key, value in by_property.items()}

    def __iter__(self) -> Iterator[Record]:
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._by_id
        return any(record == item for record in self._records)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FactSet):
            return NotImplemented
        return self._records == other._records

    def __hash__(self) -> int:
        return hash(tuple(record.id for record in self._records))

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(v)} {k}" for k, v in self._by_type.items())
        return f"<FactSet of {len(self)} records: {counts or 'empty'}>"

    @overload
    def get(self, record_id: str) -> Record | None: ...
    @overload
    def get(self, record_id: str, kind: type[R]) -> R | None: ...
    def get(self, record_id: str, kind: type[R] | None = None) -> Record | None:
        """The record with *record_id*, or None; with *kind*, None unless it is one."""
        record = self._by_id.get(record_id)
        if kind is not None and not isinstance(record, kind):
            return None
        return record

    def __getitem__(self, record_id: str) -> Record:
        return self._by_id[record_id]

    def by_type(self, type_name: str) -> tuple[Record, ...]:
        """Records whose JSON ``type`` is *type_name*."""
        return self._by_type.get(type_name, ())

    def by_subject(self, record_id: str) -> tuple[Record, ...]:
        """Claims about *record_id*, events it takes part in, reviews of it (a claim)."""
        return self._by_subject.get(record_id, ())

    def by_source(self, source_id: str) -> tuple[Record, ...]:
        """Statements of the source, and claims it carries (by attribution)."""
        return self._by_source.get(source_id, ())

    def by_property(self, name: str) -> tuple[Claim, ...]:
        """Claims of property *name*."""
        return self._by_property.get(name, ())  # type: ignore[return-value]

    def with_records(self, records: Iterable[Record]) -> FactSet:
        """A new FactSet holding these records and then *records*."""
        return FactSet((*self._records, *records))

    def replace(self, record: Record) -> FactSet:
        """A new FactSet with the record of the same id replaced by *record*."""
        if record.id not in self._by_id:
            raise KeyError(record.id)
        return FactSet(record if r.id == record.id else r for r in self._records)

    def query(
        self,
        *,
        type: str | None = None,
        subject: str | None = None,
        property: str | None = None,
        source: str | None = None,
        speaker: str | None = None,
        at: dt.date | TimeSpan | None = None,
    ) -> tuple[Record, ...]:
        """The records that pass every filter given, in file order (see :func:`ddfacts.query`)."""
        return _query(
            self,
            type=type,
            subject=subject,
            property=property,
            source=source,
            speaker=speaker,
            at=at,
        )

    def timeline(self, actor_id: str) -> tuple[TimelineEntry, ...]:
        """An actor's roles, events and claims, earliest first (see :func:`ddfacts.timeline`)."""
        return _timeline(self, actor_id)
