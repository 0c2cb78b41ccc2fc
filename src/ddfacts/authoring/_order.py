"""Records in file order, ids from names, and several documents in one FactSet."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..errors import DuplicateIdError
from ..factset import FactSet
from ..records import Record, Statement

if TYPE_CHECKING:
    from ._document import Document

__all__ = ["combine", "ordered", "slug_of"]

_ORDER = {"source": 0, "actor": 1, "statement": 2, "event": 3, "claim": 4, "review": 5}


def ordered(records: Iterable[Record]) -> list[Record]:
    """Sources, actors, statements by offset, events, claims, reviews.

    Records of one type other than statements keep the order they were made in.
    """

    def key(record: Record) -> tuple[int, int]:
        offset = record.anchor.start if isinstance(record, Statement) else 0
        return (_ORDER[record.type], offset)

    return sorted(records, key=key)


def slug_of(record_id: str) -> str:
    """The last part of a record id (``actor:demo-embassy`` gives ``demo-embassy``)."""
    return record_id.rsplit(":", 1)[-1].rsplit("/", 1)[-1]


def combine(*documents: Document, shared: Iterable[Record] = ()) -> FactSet:
    """One FactSet of several Documents and *shared* records (actors they all name).

    A record made the same way in several documents (an actor declared in
    each) is kept once.

    Raises:
        DuplicateIdError: two different records have the same id.
    """
    kept: dict[str, Record] = {}
    for record in [*shared, *(r for doc in documents for r in doc.records())]:
        seen = kept.get(record.id)
        if seen is not None and seen != record:
            raise DuplicateIdError(record.id, where="two documents make different records")
        kept[record.id] = record
    return FactSet(ordered(kept.values()))
