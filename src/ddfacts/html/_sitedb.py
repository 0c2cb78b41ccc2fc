"""What the pages look up across records, kept on disk while the site is built.

The site needs a few answers no single record gives: which records cite a
statement, which claims an actor said, which accounts an actor operates,
the dated quantity claims of each chart, and the events and claims of the
timeline in time order.  :class:`SiteIndex` keeps them in a temporary
SQLite file, filled in one pass over the records (:meth:`SiteIndex.add`,
record by record, in file order) and read back through its indexes: each
row holds ids and sort keys, never a record, so memory does not grow with
the set (the batch being written and SQLite's page cache).  The pages then
fetch each record they show by id from the fact set or fact store.

The sort keys are text that sorts as the values do: ids in code point order
(UTF-8 bytes compare so), times as ISO dates (:func:`time_key`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import groupby

from ..quantities import Quantity
from ..records import Actor, Claim, Event, Record, Review
from ._scratch import Scratch

__all__ = ["SiteIndex", "TimelineKey", "time_key", "timeline_key"]

_SCHEMA = """
CREATE TABLE cites (statement TEXT NOT NULL, n INTEGER NOT NULL, id TEXT NOT NULL);
CREATE TABLE said (speaker TEXT NOT NULL, n INTEGER NOT NULL, id TEXT NOT NULL);
CREATE TABLE accounts (operator TEXT NOT NULL, id TEXT NOT NULL);
CREATE TABLE points (subject TEXT NOT NULL, property TEXT NOT NULL, n INTEGER NOT NULL,
                     id TEXT NOT NULL);
CREATE TABLE timeline (undated INTEGER NOT NULL, early TEXT NOT NULL, late TEXT NOT NULL,
                       id TEXT NOT NULL);
"""
_INDEXES = """
CREATE INDEX cites_statement ON cites (statement, n);
CREATE INDEX said_speaker ON said (speaker, n);
CREATE INDEX accounts_operator ON accounts (operator, id);
CREATE INDEX points_chart ON points (subject, property, n);
CREATE INDEX timeline_order ON timeline (undated, early, late, id);
"""
#: Rows written per transaction.
_BATCH = 2000
#: What :func:`time_key` gives an unknown end: after every date.
_UNKNOWN = "~"

_Row = tuple[str, tuple[object, ...]]


def time_key(value: dt.date | None) -> str:
    """*value* as text that sorts as the instants do; an unknown end sorts last.

    A date is its ISO form; a datetime its UTC ISO form (a naive one as
    written), which sorts after the date of its day.
    """
    if value is None:
        return _UNKNOWN
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return value.isoformat()
    return value.isoformat()


#: The place of a timeline row: undated last, then earliest and latest time, then id.
TimelineKey = tuple[int, str, str, str]


def timeline_key(record: Event | Claim) -> TimelineKey:
    """Where *record* sorts on the timeline (the ``timeline`` table's order)."""
    span = record.time if isinstance(record, Event) else record.as_of
    if span is None:
        return (1, "", "", record.id)
    return (0, time_key(span.earliest), time_key(span.latest), record.id)


def _chartable(claim: Claim) -> bool:
    """Whether *claim* is a point on a chart: a quantity with a bounded as-of time."""
    span = claim.as_of
    return (
        isinstance(claim.value, Quantity)
        and span is not None
        and span.earliest is not None
        and span.latest is not None
        and claim.subject is not None
        and claim.property is not None
    )


def _claim_rows(claim: Claim, n: int) -> Iterator[_Row]:
    if claim.speaker is not None:
        yield "said", (claim.speaker, n, claim.id)
    if _chartable(claim):
        yield "points", (claim.subject, claim.property, n, claim.id)
    if claim.as_of is not None:
        yield "timeline", timeline_key(claim)


def _rows(record: Record, n: int) -> Iterator[_Row]:
    """The rows *record*, the *n*-th of the set, adds."""
    if isinstance(record, (Claim, Event, Review)):
        for statement in record.evidence:
            yield "cites", (statement, n, record.id)
    if isinstance(record, Claim):
        yield from _claim_rows(record, n)
    elif isinstance(record, Event):
        yield "timeline", timeline_key(record)
    elif isinstance(record, Actor):
        evidence = [*record.evidence, *(s for role in record.roles for s in role.evidence)]
        for statement in evidence:
            yield "cites", (statement, n, record.id)
        if record.operated_by is not None:
            yield "accounts", (record.operated_by, record.id)


class SiteIndex(Scratch):
    """The site's cross-record lookups in a temporary SQLite file; close it when done.

    Feed every record with :meth:`add` in file order, then :meth:`seal`;
    the lookups give ids (the caller fetches the records), in the order the
    pages list them.
    """

    def __init__(self) -> None:
        super().__init__("site", _SCHEMA)
        self._pending: dict[str, list[tuple[object, ...]]] = {}
        self._count = 0

    def add(self, record: Record, n: int) -> None:
        """Take the *n*-th record of the set."""
        for table, row in _rows(record, n):
            self._pending.setdefault(table, []).append(row)
            self._count += 1
        if self._count >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        with self._db:
            for table, rows in self._pending.items():
                marks = ", ".join("?" * len(rows[0]))
                self._db.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
        self._pending.clear()
        self._count = 0

    def seal(self) -> None:
        """Index what was added (call once, after the last :meth:`add`)."""
        self._flush()
        self._db.executescript(_INDEXES)

    def _ids(self, sql: str, *params: object) -> Iterator[str]:
        for (record_id,) in self._db.execute(sql, params):
            yield str(record_id)

    def citing(self, statement: str) -> list[str]:
        """The records citing *statement* (as evidence, an actor's or a role's), in file order."""
        sql = "SELECT id FROM cites WHERE statement = ? GROUP BY n, id ORDER BY n"
        return list(self._ids(sql, statement))

    def said(self, speaker: str) -> list[str]:
        """The claims *speaker* said, in file order."""
        return list(self._ids("SELECT id FROM said WHERE speaker = ? ORDER BY n", speaker))

    def accounts(self, operator: str) -> list[str]:
        """The actors *operator* operates, by id."""
        sql = "SELECT id FROM accounts WHERE operator = ? ORDER BY id"
        return list(self._ids(sql, operator))

    def charts(self, subject: str | None = None) -> Iterator[tuple[tuple[str, str], list[str]]]:
        """Each chart's (subject, property) and claims in file order, by subject and property.

        With *subject*, that subject's charts only.  One chart at a time.
        """
        where = "" if subject is None else "WHERE subject = ? "
        params = () if subject is None else (subject,)
        rows = self._db.execute(
            f"SELECT subject, property, id FROM points {where}ORDER BY subject, property, n",
            params,
        )
        for (chart_subject, prop), group in groupby(rows, key=lambda row: (row[0], row[1])):
            yield (chart_subject, prop), [record_id for _, _, record_id in group]

    def timeline_keys(self) -> Iterator[TimelineKey]:
        """The timeline's rows as :func:`timeline_key` gives them, in order: events and dated
        claims by earliest, latest time and id, then undated events by id."""
        sql = "SELECT undated, early, late, id FROM timeline ORDER BY undated, early, late, id"
        for undated, early, late, record_id in self._db.execute(sql):
            yield (int(undated), str(early), str(late), str(record_id))

    def timeline(self) -> Iterator[str]:
        """The ids of the timeline's rows, in order (:meth:`timeline_keys`)."""
        return (key[-1] for key in self.timeline_keys())
