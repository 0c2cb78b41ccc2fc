"""The tables of a fact store, and the rows one record gives them.

Every table is plain SQL that any SQLite client (Datasette, ``sqlite3``)
reads; ``docs/store.md`` describes them.  ``records`` holds each record's
canonical JSON and its digest (:mod:`._digest`) under its ``seq`` (the
file's rank in the upper bits, the record's place in its file in the lower),
so ``ORDER BY seq`` is the order a :class:`~ddfacts.FactSet` of the same
files has.  The other tables are indexes
over it: a table per record type with the columns a query filters on,
``refs`` (which record names which id, in what role), ``times`` (the times a
record holds at, widened to whole days, with the width class
:mod:`._times` reads them by) and the FTS5 table ``texts``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import NamedTuple

from .._describe import describe_value
from ..quantities._value import Quantity
from ..query import record_times
from ..records import Actor, Claim, Event, Record, Review, Source, Statement
from ..times._span import TimeSpan, as_date
from ._times import width_of

__all__ = ["FORMAT", "SCHEMA", "rows_of", "seq_of", "text_rowid", "text_words", "time_bounds"]

#: The store format this version writes and reads; a newer one is refused.
FORMAT = 3

#: Bits of ``seq`` that number a record within its file.
_POSITION_BITS = 32
#: Bits of a ``texts`` rowid that number the text; the bits above hold its length in words.
_TEXT_BITS = 40
#: Longest length a ``texts`` rowid records; longer texts rank as this long.
_MAX_WORDS = (1 << 22) - 1
#: Words as FTS5's ``unicode61`` tokenizer cuts them: runs of letters and digits.
_WORDS = re.compile(r"[^\W_]+")

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (
    rank INTEGER PRIMARY KEY, path TEXT NOT NULL, sha256 TEXT NOT NULL,
    records INTEGER NOT NULL);
CREATE TABLE records (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL,
    file INTEGER NOT NULL, line INTEGER, json TEXT NOT NULL, digest BLOB);
CREATE INDEX records_type ON records (type, seq);
CREATE INDEX records_file ON records (file);
CREATE TABLE sources (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL, title TEXT, url TEXT, publisher TEXT,
    published_from TEXT, published_to TEXT);
CREATE TABLE statements (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL, source TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, exact TEXT NOT NULL);
CREATE INDEX statements_source ON statements (source);
CREATE INDEX statements_id ON statements (id);
CREATE TABLE actors (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, kind TEXT NOT NULL,
    name TEXT NOT NULL);
CREATE TABLE events (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, event_type TEXT NOT NULL,
    time_from TEXT, time_to TEXT);
CREATE TABLE claims (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL, subject TEXT, property TEXT,
    speaker TEXT, source TEXT, via_source TEXT, mode TEXT, text TEXT,
    quantity_lower REAL, quantity_upper REAL, unit TEXT, as_of_from TEXT, as_of_to TEXT);
CREATE INDEX claims_subject ON claims (subject);
CREATE INDEX claims_property ON claims (property, as_of_from);
CREATE INDEX claims_speaker ON claims (speaker);
CREATE TABLE reviews (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, claim TEXT NOT NULL,
    reviewer TEXT NOT NULL, published TEXT);
CREATE TABLE refs (seq INTEGER NOT NULL, role TEXT NOT NULL, target TEXT NOT NULL);
CREATE INDEX refs_target ON refs (target, role, seq);
CREATE INDEX refs_seq ON refs (seq);
CREATE TABLE times (
    seq INTEGER NOT NULL, property TEXT, width INTEGER NOT NULL, "from" TEXT, "to" TEXT);
CREATE INDEX times_at ON times (property, width, "from", "to", seq);
CREATE INDEX times_width ON times (width, "from", "to", seq);
CREATE INDEX times_seq ON times (seq);
CREATE VIRTUAL TABLE texts USING fts5 (text, field UNINDEXED, seq UNINDEXED);
"""

#: The tables that hold rows keyed by ``seq`` (all but ``meta`` and ``files``).
SEQ_TABLES = (
    "records", "sources", "statements", "actors", "events", "claims", "reviews", "refs",
    "times", "texts",
)  # fmt: skip


class _Rows(NamedTuple):
    """The rows one record adds: its own table's row, references, times and texts."""

    #: ``(table, values)`` for the record's type table (values after ``seq``).
    typed: tuple[str, tuple[object, ...]]
    #: ``(role, target id)`` for each id the record names.
    refs: list[tuple[str, str]]
    #: ``(property, width, from, to)`` of each time the record holds at: the claim's
    #: property (None for other records), the width class and the day bounds (None is open).
    times: list[tuple[str | None, int, str | None, str | None]]
    #: ``(field, text)`` for the full-text index.
    texts: list[tuple[str, str]]


def seq_of(rank: int, position: int) -> int:
    """The ``seq`` of the record at *position* in the file of *rank*."""
    return (rank << _POSITION_BITS) | position


def _shifted(value: dt.date | dt.datetime, days: int) -> dt.date:
    """The day of *value*, moved *days* when it has a UTC offset and the move fits."""
    day = as_date(value)
    offset = value.utcoffset() if isinstance(value, dt.datetime) else None
    if not offset or day == (dt.date.min if days < 0 else dt.date.max):
        return day
    return day + dt.timedelta(days=days)


def text_rowid(text: str, number: int) -> int:
    """The ``texts`` rowid of the *number*-th text indexed: its length in words, then *number*.

    FTS5 returns matches in rowid order, so the first matches it finds are
    the shortest texts holding every word (BM25's order when each word occurs
    once), and a search stops after the hits it needs.
    """
    return (min(len(_WORDS.findall(text)), _MAX_WORDS) << _TEXT_BITS) | number


def text_words(rowid: int) -> int:
    """The length in words a ``texts`` rowid records."""
    return rowid >> _TEXT_BITS


def time_bounds(span: TimeSpan) -> tuple[str | None, str | None]:
    """The days from the first to the last that *span* can cover; None is unbounded.

    :meth:`TimeSpan.overlaps` compares instants in UTC: a date covers its
    whole day, a datetime without an offset is read as UTC.  A datetime with
    an offset may fall on the next or previous UTC day, so its bound is
    widened by that day: the bounds hold every instant the span covers (the
    exact test runs on the candidates they select), and for dates they are
    exact.
    """
    low = None if span.earliest is None else _shifted(span.earliest, -1).isoformat()
    high = None if span.latest is None else _shifted(span.latest, 1).isoformat()
    return low, high


def _bounds(span: TimeSpan | None) -> tuple[str | None, str | None]:
    return time_bounds(span) if span is not None else (None, None)


def _evidence(record: Record) -> Iterator[tuple[str, str]]:
    for target in getattr(record, "evidence", ()):
        yield ("evidence", target)


def _claim(claim: Claim) -> _Rows:
    attribution = claim.attribution
    value = claim.value
    quantity = value if isinstance(value, Quantity) else None
    lower = quantity.lower if quantity is not None else None
    upper = quantity.upper if quantity is not None else None
    unit = quantity.unit if quantity is not None else None
    typed = (
        claim.id, claim.subject, claim.property, claim.speaker,
        attribution.source if attribution else None,
        attribution.via_source if attribution else None,
        attribution.mode.value if attribution else None,
        claim.text, lower, upper, unit, *_bounds(claim.as_of),
    )  # fmt: skip
    refs = [("subject", about) for about in claim.about]
    refs.extend(_evidence(claim))
    if claim.speaker is not None:
        refs.append(("speaker", claim.speaker))
    if attribution is not None:
        refs.append(("source", attribution.source))
        relayed = [attribution.via_source, *(hop.source for hop in attribution.hops)]
        refs.extend(("via_source", source) for source in dict.fromkeys(relayed) if source)
    words = claim.proposition.text if claim.proposition is not None else None
    if claim.subject is not None:
        words = f"{claim.subject} {claim.property} {describe_value(value)}" + (
            f" {words}" if words else ""
        )
    texts = [("proposition", words or claim.id)]
    if claim.text:
        texts.append(("claim", claim.text))
    return _Rows(("claims", typed), refs, [], texts)


def _typed_rows(record: Record) -> _Rows:
    typed: tuple[object, ...]
    if isinstance(record, Claim):
        return _claim(record)
    if isinstance(record, Statement):
        anchor = record.anchor
        typed = (record.id, record.source, anchor.start, anchor.end, anchor.exact)
        return _Rows(
            ("statements", typed), [("source", record.source)], [], [("quote", anchor.exact)]
        )
    if isinstance(record, Actor):
        texts = [("name", record.name), *(("name", n.text) for n in record.names)]
        texts += [("alias", alias) for alias in record.aliases]
        typed = (record.id, record.kind, record.name)
        return _Rows(("actors", typed), list(_evidence(record)), [], texts)
    if isinstance(record, Event):
        refs = [("about", target) for target in record.about]
        refs += [("participant", p.actor) for p in record.participants]
        typed = (record.id, record.event_type, *_bounds(record.time))
        return _Rows(("events", typed), [*refs, *_evidence(record)], [], [])
    if isinstance(record, Review):
        published = record.published.isoformat() if record.published is not None else None
        typed = (record.id, record.claim, record.reviewer, published)
        return _Rows(("reviews", typed), [("claim", record.claim), *_evidence(record)], [], [])
    assert isinstance(record, Source)
    typed = (record.id, record.title, record.url, record.publisher, *_bounds(record.published))
    return _Rows(("sources", typed), [], [], [])


def rows_of(record: Record) -> _Rows:
    """Every row *record* adds to the index tables."""
    rows = _typed_rows(record)
    name = record.property if isinstance(record, Claim) else None
    for span in record_times(record):
        low, high = time_bounds(span)
        rows.times.append((name, width_of(low, high), low, high))
    return rows
