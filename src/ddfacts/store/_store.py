"""FactStore: the FactSet's reading API over a SQLite fact store, plus full-text search.

Each call asks SQLite for a few candidate rows through an index (one
statement), decodes their JSON (:mod:`._decode`: the fast path of a bulk
load, without the shape check for a row its digest shows is as built; the
strict reader and codec for a record neither path vouches for), and
keeps those that pass by the rule a FactSet uses: :meth:`FactStore.query`
filters the decoded candidates with :func:`ddfacts.query.filter_records`
(what :func:`ddfacts.query` runs over a FactSet's), :meth:`FactStore.timeline`
hands them to :func:`ddfacts.timeline`.  So what matches is written once and
the answers are the FactSet's, in the same order.  Nothing is loaded beyond
the records an answer holds.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast, overload

from .._escape import utf8_text
from ..query import filter_records, span_of
from ..records import Actor, Claim, Record, Source, Statement
from ..records._typed import TYPE_NAMES, R, TypedAccessors
from ..timeline import TimelineEntry
from ..timeline import timeline as _timeline
from ._decode import Decoder
from ._digest import store_key
from ._open import StoreError, open_store
from ._schema import time_bounds
from ._search import SearchHit, search_rows
from ._times import overlapping

if TYPE_CHECKING:
    from ..factset import FactSet
    from ..times._span import TimeSpan

__all__ = ["FactStore"]


#: ``refs`` roles that make a record about its target (:func:`ddfacts.query`'s ``subject``).
_ABOUT = "('subject', 'about', 'participant', 'claim')"
_SOURCE = (
    "SELECT seq FROM refs WHERE target = ? AND role IN ('source', 'via_source') UNION "
    "SELECT refs.seq FROM statements JOIN refs ON refs.target = statements.id "
    "AND refs.role = 'evidence' WHERE statements.source = ?"
)

#: The columns a record is decoded from (:class:`._decode.Decoder`'s arguments).
_COLUMNS = "seq, id, json, digest"
#: The rows of a driver's seqs, in file order.
_SELECTED = f"SELECT {_COLUMNS} FROM records WHERE seq IN ({{driver}}) ORDER BY seq"


class _Subset:
    """Candidate records in file order, read through the FactSet methods query() uses."""

    def __init__(self, store: FactStore, records: Sequence[Record]) -> None:
        self._store = store
        self._records = records

    def __iter__(self) -> Iterator[Record]:
        return iter(self._records)

    def by_property(self, name: str) -> tuple[Record, ...]:
        return tuple(r for r in self._records if isinstance(r, Claim) and r.property == name)

    def by_type(self, type_name: str) -> tuple[Record, ...]:
        return tuple(r for r in self._records if r.type == type_name)

    def get(self, record_id: str, kind: type[R] | None = None) -> Record | None:
        return self._store.get(record_id, kind) if kind is not None else self._store.get(record_id)

    def as_factset(self) -> FactSet:
        # query() and timeline() read a set only through the methods above.
        return cast("FactSet", self)


def _overlapping(at: dt.date | TimeSpan, property: str | None = None) -> tuple[str, list[Any]]:
    return overlapping(*time_bounds(span_of(at)), property)


def _driver(filters: dict[str, Any]) -> tuple[str, list[Any]]:
    """SQL for the seqs of a superset of the answer, through the most selective index."""
    if filters["subject"] is not None:
        return f"SELECT seq FROM refs WHERE target = ? AND role IN {_ABOUT}", [filters["subject"]]
    if filters["speaker"] is not None:
        return "SELECT seq FROM claims WHERE speaker = ?", [filters["speaker"]]
    if filters["source"] is not None:
        return _SOURCE, [filters["source"], filters["source"]]
    if filters["property"] is not None:
        if filters["at"] is None:
            return "SELECT seq FROM claims WHERE property = ?", [filters["property"]]
        # A claim without a known as-of has no row in times: it cannot match ``at``.
        return _overlapping(filters["at"], filters["property"])
    if filters["at"] is not None:
        return _overlapping(filters["at"])
    if filters["type"] is not None:
        return "SELECT seq FROM records WHERE type = ?", [filters["type"]]
    return "SELECT seq FROM records", []


class FactStore(TypedAccessors):
    """A fact store built by ``ddfacts db build``, read like a :class:`~ddfacts.FactSet`.

    Opening checks the file and refuses, with one sentence, one that is
    missing, truncated, unfinished or written by another store format.  Use it as a
    context manager, or call :meth:`close`.

    Raises:
        StoreError: the file is not a whole, readable store.

    .. versionadded:: 0.2.0
    """

    def __init__(self, path: str | Path) -> None:
        #: The store's file.
        self.path = Path(path)
        self._db = open_store(self.path)
        self._decode = Decoder(self.path, key=store_key(self._db))

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    def __enter__(self) -> FactStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<FactStore {str(self.path)!r}: {len(self)} records>"

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        try:
            return self._db.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as error:
            raise StoreError(
                f"{self.path} cannot be read ({error}).", path=str(self.path)
            ) from None

    def _records(self, sql: str, params: Sequence[Any] = ()) -> tuple[Record, ...]:
        """The records of *sql*'s rows of :data:`_COLUMNS`, in the rows' order."""
        return self._decoded(self._rows(sql, params))

    def _selected(self, driver: str, params: Sequence[Any]) -> tuple[Record, ...]:
        return self._records(_SELECTED.format(driver=driver), params)

    def __len__(self) -> int:
        return int(self._rows("SELECT count(*) FROM records")[0][0])

    def __iter__(self) -> Iterator[Record]:
        """Every record in file order, read a page at a time."""
        last = -1
        while True:
            rows = self._rows(
                f"SELECT {_COLUMNS} FROM records WHERE seq > ? ORDER BY seq LIMIT 1000", (last,)
            )
            if not rows:
                return
            for row in rows:
                yield self._decode(*row)
                last = row[0]

    def __contains__(self, item: object) -> bool:
        if not isinstance(item, str):
            return False
        return bool(self._rows("SELECT 1 FROM records WHERE id = ?", (utf8_text(item),)))

    @overload
    def get(self, record_id: str) -> Record | None: ...
    @overload
    def get(self, record_id: str, kind: type[R]) -> R | None: ...
    def get(self, record_id: str, kind: type[R] | None = None) -> Record | None:
        """The record with *record_id*, or None; with *kind*, None unless it is one."""
        found = self._records(
            f"SELECT {_COLUMNS} FROM records WHERE id = ?", (utf8_text(record_id),)
        )
        record = found[0] if found else None
        if kind is not None and not isinstance(record, kind):
            return None
        return record

    def __getitem__(self, record_id: str) -> Record:
        record = self.get(record_id)
        if record is None:
            raise KeyError(record_id)
        return record

    def by_type(self, type_name: str) -> tuple[Record, ...]:
        """Records whose JSON ``type`` is *type_name*, in file order."""
        return self._records(
            f"SELECT {_COLUMNS} FROM records WHERE type = ? ORDER BY seq", (type_name,)
        )

    def ordered(self, kind: type[R]) -> Iterator[R]:
        """Every record of class *kind* in id order, read a page at a time (as FactSet's).

        .. versionadded:: 0.2.0
        """
        type_name, last = TYPE_NAMES[kind], ""
        while True:
            # ``+type``: walk the id index, rather than sort the type's rows for every page.
            page = self._records(
                f"SELECT {_COLUMNS} FROM records WHERE id > ? AND +type = ? ORDER BY id LIMIT 500",
                (last, type_name),
            )
            if not page:
                return
            yield from cast("tuple[R, ...]", page)
            last = page[-1].id

    def by_subject(self, record_id: str) -> tuple[Record, ...]:
        """Claims about *record_id*, events it takes part in, reviews of it (as FactSet's)."""
        driver = (
            "SELECT seq FROM refs WHERE target = ? AND role IN ('subject', 'participant', 'claim')"
        )
        return self._selected(driver, (record_id,))

    def by_source(self, source_id: str) -> tuple[Record, ...]:
        """Statements of the source, and claims it carries (by attribution)."""
        return self._selected(
            "SELECT seq FROM refs WHERE target = ? AND role = 'source'", (source_id,)
        )

    def by_property(self, name: str) -> tuple[Claim, ...]:
        """Claims of property *name*."""
        found = self._selected("SELECT seq FROM claims WHERE property = ?", (name,))
        return cast("tuple[Claim, ...]", found)

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
        """The records that pass every filter given, in file order: as :meth:`FactSet.query`."""
        filters: dict[str, Any] = {"type": type, "subject": subject, "property": property}
        filters |= {"source": source, "speaker": speaker, "at": at}
        return self._filtered(self._decoded(self._candidate_rows(filters)), filters)

    def _candidate_rows(self, filters: dict[str, Any]) -> list[Any]:
        """Rows of :data:`_COLUMNS` of a superset of the answer, in file order: one statement."""
        driver, params = _driver(filters)
        return self._rows(_SELECTED.format(driver=driver), params)

    def _decoded(self, rows: Sequence[Any]) -> tuple[Record, ...]:
        """The records of *rows* (of :data:`_COLUMNS`), in the rows' order."""
        decode = self._decode
        return tuple([decode(*row) for row in rows])

    def _filtered(self, records: Sequence[Record], filters: dict[str, Any]) -> tuple[Record, ...]:
        """The *records* that pass *filters*: by :func:`ddfacts.query.filter_records`'s rule."""
        return filter_records(records, self.get, **filters)

    def timeline(self, actor_id: str) -> tuple[TimelineEntry, ...]:
        """An actor's roles, events and claims, earliest first: as :meth:`FactSet.timeline`."""
        actor = self.get(actor_id, Actor)
        if actor is None:
            raise KeyError(actor_id)
        roles = "('subject', 'about', 'participant', 'speaker')"
        driver = f"SELECT seq FROM refs WHERE target = ? AND role IN {roles}"
        candidates = self._selected(driver, (actor_id,))
        return _timeline(_Subset(self, candidates).as_factset(), actor_id)

    def search(self, words: str, *, limit: int = 20) -> tuple[SearchHit, ...]:
        """Quotes, claim texts, propositions and actor names holding every word, best first.

        Shortest texts first (see :mod:`ddfacts.store._search`); each hit
        carries its record and, for a statement or claim, the source it
        comes from.  Each record or source is decoded once per search.
        """
        rows = search_rows(self._db, self.path, words, limit)
        records = self._by_seq(sorted({seq for seq, *_ in rows}))
        sources: dict[str, Source | None] = {}
        hits = []
        for seq, field, text, score in rows:
            record = records.get(seq)
            if record is None:
                continue
            source_id = self._source_id(seq, record)
            if source_id is not None and source_id not in sources:
                sources[source_id] = self.get(source_id, Source)
            source = sources.get(source_id) if source_id is not None else None
            hits.append(SearchHit(record=record, field=field, text=text, score=score,
                                  source=source))  # fmt: skip
        return tuple(hits)

    def _by_seq(self, seqs: Sequence[int]) -> dict[int, Record]:
        """The records of *seqs* (at most a search's limit), by seq."""
        marks = ", ".join("?" * len(seqs))
        rows = self._rows(f"SELECT {_COLUMNS} FROM records WHERE seq IN ({marks})", seqs)
        return {row[0]: self._decode(*row) for row in rows}

    def _source_id(self, seq: int, record: Record) -> str | None:
        """The source a statement or claim comes from: its own, or its first evidence's."""
        if isinstance(record, Statement):
            return record.source
        if not isinstance(record, Claim):
            return None
        if record.attribution is not None:
            return record.attribution.source
        found = self._rows(
            "SELECT statements.source FROM refs JOIN statements ON statements.id = refs.target "
            "WHERE refs.seq = ? AND refs.role = 'evidence' ORDER BY refs.rowid LIMIT 1",
            (seq,),
        )
        return str(found[0][0]) if found else None
