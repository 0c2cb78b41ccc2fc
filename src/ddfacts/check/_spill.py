"""A :class:`~ddfacts.check._keep.Keeper` on disk: what ``ddfacts check`` keeps, spilled.

:class:`SpillKeeper` keeps the ids, quotes, Sources and claims a run needs in
a private temporary SQLite database (standard-library :mod:`sqlite3`, opened
on the empty file name: SQLite makes the file, only this connection sees it,
and it is deleted when the connection closes).  SQLite holds at most its page
cache (:data:`CACHE_KIB`) in memory and sorts on disk, so the run's memory
stays bounded however many records go through.  The derivation links are
kept here too, and the cycles among them found by SQL and indexed queries
(:mod:`ddfacts.check._links`: what stays in memory is a byte per record and
the depth-first search's path); so are the problems found in single
records, and ``ddfacts check`` sorts the report on disk
(:mod:`ddfacts.check._sorted`).

Writes go in batches (:data:`BATCH` rows) in one transaction the database
never commits: nothing is kept once the run ends.  The claims' values go in
as :mod:`pickle` blobs, read back only by this process from the file it made.
"""

from __future__ import annotations

import json
import pickle
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import groupby
from typing import Any, TypeVar

from .._scratchdb import CACHE_KIB as SCRATCH_CACHE_KIB
from .._scratchdb import scratch_db
from ..jsonio._files import from_json, to_json
from ..problems._report import Problem
from ..records import Source
from ._contradiction import Said
from ._keep import Figure, Group, Pending, Ranked
from ._links import INSERTS as LINK_INSERTS
from ._links import SCHEMA as LINK_SCHEMA
from ._links import spilled_cycles
from ._texts import Cited, Quote

__all__ = ["BATCH", "CACHE_KIB", "SpillKeeper"]

#: The most SQLite keeps in memory, in KiB of page cache (sorting spills past it too):
#: a few MB, as every scratch database (more made no run faster, see benchmarks/html_site.py).
CACHE_KIB = SCRATCH_CACHE_KIB
#: Rows written at once (to each table).
BATCH = 1000

_T = TypeVar("_T")

_SCHEMA = (
    "CREATE TABLE ids(id TEXT PRIMARY KEY, ordinal INTEGER NOT NULL) WITHOUT ROWID",
    "CREATE TABLE quotes(id TEXT PRIMARY KEY, exact TEXT NOT NULL, source TEXT,"
    " first INTEGER, last INTEGER) WITHOUT ROWID",
    "CREATE TABLE sources(id TEXT PRIMARY KEY, record TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE said(subject TEXT NOT NULL, property TEXT NOT NULL,"
    " ordinal INTEGER NOT NULL, said BLOB NOT NULL)",
    "CREATE TABLE pending(ordinal INTEGER PRIMARY KEY, row BLOB NOT NULL)",
    "CREATE TABLE cited(ordinal INTEGER PRIMARY KEY, row BLOB NOT NULL)",
    "CREATE TABLE ranks(ranking TEXT NOT NULL, ordinal INTEGER NOT NULL, said BLOB NOT NULL)",
    "CREATE TABLE figures(id TEXT PRIMARY KEY, ordinal INTEGER NOT NULL, refines TEXT,"
    " row BLOB NOT NULL) WITHOUT ROWID",
    "CREATE TABLE problems(rule TEXT NOT NULL, row BLOB NOT NULL)",
)
_INSERTS = {
    "quotes": "INSERT OR REPLACE INTO quotes VALUES (?, ?, ?, ?, ?)",
    "sources": "INSERT OR REPLACE INTO sources VALUES (?, ?)",
    "said": "INSERT INTO said VALUES (?, ?, ?, ?)",
    "pending": "INSERT INTO pending VALUES (?, ?)",
    "cited": "INSERT INTO cited VALUES (?, ?)",
    "ranks": "INSERT INTO ranks VALUES (?, ?, ?)",
    "figures": "INSERT OR IGNORE INTO figures VALUES (?, ?, ?, ?)",
    "problems": "INSERT INTO problems VALUES (?, ?)",
    **LINK_INSERTS,
}
#: Each claim after the first claim of its group, groups in order of first claim.
_GROUPS = (
    "SELECT s.subject, s.property, s.said FROM said AS s JOIN"
    " (SELECT subject, property, MIN(ordinal) AS first FROM said GROUP BY subject, property)"
    " AS g ON g.subject = s.subject AND g.property = s.property"
    " ORDER BY g.first, s.ordinal"
)
#: Each rank claim, by ranking, rankings in order of first claim.
_RANKINGS = (
    "SELECT s.ranking, s.said FROM ranks AS s JOIN"
    " (SELECT ranking, MIN(ordinal) AS first FROM ranks GROUP BY ranking)"
    " AS g ON g.ranking = s.ranking ORDER BY g.first, s.ordinal"
)
#: Each refining figure with the figure it refines, in record order.
_REFINEMENTS = (
    "SELECT f.row, r.row FROM figures AS f JOIN figures AS r ON r.id = f.refines"
    " WHERE f.refines IS NOT NULL ORDER BY f.ordinal"
)


class _Table(Mapping[str, _T]):
    """A read-only mapping over one table of the spill, by id."""

    def __init__(
        self, keeper: SpillKeeper, table: str, columns: str, decode: Callable[[Any], _T]
    ) -> None:
        self._keeper = keeper
        self._get = f"SELECT {columns} FROM {table} WHERE id = ?"  # fixed table names
        self._ids = f"SELECT id FROM {table} ORDER BY id"
        self._count = f"SELECT COUNT(*) FROM {table}"
        self._decode = decode

    def __getitem__(self, key: str) -> _T:
        row = self._keeper.query(self._get, (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        return self._decode(row)

    def __iter__(self) -> Iterator[str]:
        return (row[0] for row in self._keeper.query(self._ids, ()))

    def __len__(self) -> int:
        count: int = self._keeper.query(self._count, ()).fetchone()[0]
        return count


def _quote(row: tuple[str, str | None, int | None, int | None]) -> Quote | str:
    exact, source, start, end = row
    if source is None or start is None or end is None:
        return exact
    return Quote(exact, source, start, end)


def _source(row: tuple[str]) -> Source:
    record = from_json(json.loads(row[0]))  # our own file, written by keep_source
    assert isinstance(record, Source)  # written from a Source by keep_source
    return record


class SpillKeeper:
    """A :class:`~ddfacts.check._keep.Keeper` in a private temporary SQLite database."""

    def __init__(self) -> None:
        self._db = scratch_db(CACHE_KIB, (*_SCHEMA, *LINK_SCHEMA))
        self._rows: dict[str, list[tuple[Any, ...]]] = {table: [] for table in _INSERTS}
        self.ordinals: Mapping[str, int] = _Table(self, "ids", "ordinal", lambda row: row[0])
        self.quotes: Mapping[str, Quote | str] = _Table(
            self, "quotes", "exact, source, first, last", _quote
        )
        self.sources: Mapping[str, Source] = _Table(self, "sources", "record", _source)

    def query(self, sql: str, parameters: tuple[Any, ...]) -> sqlite3.Cursor:
        """Run *sql* once every row waiting has been written."""
        self._flush()
        return self._db.execute(sql, parameters)

    def _flush(self) -> None:
        for table, rows in self._rows.items():
            if rows:
                self._db.executemany(_INSERTS[table], rows)
                rows.clear()

    def _add(self, table: str, row: tuple[Any, ...]) -> None:
        rows = self._rows[table]
        rows.append(row)
        if len(rows) >= BATCH:
            self._db.executemany(_INSERTS[table], rows)
            rows.clear()

    def remember(self, record_id: str, ordinal: int) -> int:
        """Record *record_id* at *ordinal*; an earlier record's ordinal with it, or *ordinal*."""
        added = self._db.execute(
            "INSERT INTO ids VALUES (?, ?) ON CONFLICT DO NOTHING", (record_id, ordinal)
        )
        if added.rowcount == 1:
            return ordinal
        earlier: int = self.ordinals[record_id]
        return earlier

    def keep_quote(self, statement: str, quote: Quote | str) -> None:
        """Keep a statement's quote."""
        if isinstance(quote, str):
            self._add("quotes", (statement, quote, None, None, None))
        else:
            self._add("quotes", (statement, *quote))

    def keep_source(self, source: Source) -> None:
        """Keep a Source, as its canonical JSON."""
        self._add("sources", (source.id, json.dumps(to_json(source), ensure_ascii=False)))

    def keep_said(self, ordinal: int, subject: str, prop: str, said: Said) -> None:
        """Keep a single-valued claim."""
        self._add("said", (subject, prop, ordinal, pickle.dumps(said)))

    def keep_rank(self, ordinal: int, ranking: str, said: Said) -> None:
        """Keep a rank claim by its ranking's key."""
        self._add("ranks", (ranking, ordinal, pickle.dumps(said)))

    def keep_figure(self, figure: Figure) -> None:
        """Keep a claim's figure (the first claim with an id wins)."""
        row = (figure.claim, figure.ordinal, figure.refines, pickle.dumps(tuple(figure)))
        self._add("figures", row)

    def keep_pending(self, pending: Pending) -> None:
        """Keep a claim to check against its evidence at the end."""
        self._add("pending", (pending.ordinal, pickle.dumps(tuple(pending))))

    def keep_cited(self, cited: Cited) -> None:
        """Keep a claim citing evidence."""
        self._add("cited", (cited.ordinal, pickle.dumps(tuple(cited))))

    def keep_problem(self, rule: str, problem: Problem) -> None:
        """Keep a problem a rule found in one record."""
        self._add("problems", (rule, pickle.dumps(problem)))

    def keep_links(self, record_id: str, ordinal: int, targets: Sequence[str]) -> None:
        """Keep a record's derivation links."""
        self._add("nodes", (ordinal, record_id))
        for seq, target in enumerate(targets):
            self._add("links", (ordinal, seq, target))

    def cycles(self) -> Iterator[list[str]]:
        """The cycles among the links kept, found on disk (:mod:`ddfacts.check._links`)."""
        self._flush()
        return spilled_cycles(self._db)

    def groups(self) -> Iterator[Group]:
        """The single-valued claims by (subject, property), groups in order of first claim."""
        self._flush()
        self._db.execute("CREATE INDEX IF NOT EXISTS said_key ON said(subject, property, ordinal)")
        rows = self._db.execute(_GROUPS)
        for key, group in groupby(rows, key=lambda row: (row[0], row[1])):
            yield key, [pickle.loads(row[2]) for row in group]

    def rankings(self) -> Iterator[Ranked]:
        """The rank claims by ranking, rankings in order of first claim."""
        self._flush()
        self._db.execute("CREATE INDEX IF NOT EXISTS ranks_key ON ranks(ranking, ordinal)")
        rows = self._db.execute(_RANKINGS)
        for key, group in groupby(rows, key=lambda row: str(row[0])):
            yield key, [pickle.loads(row[1]) for row in group]

    def refinements(self) -> Iterator[tuple[Figure, Figure]]:
        """Each refining figure with the one it refines, in record order."""
        for part, whole in self.query(_REFINEMENTS, ()):
            yield Figure(*pickle.loads(part)), Figure(*pickle.loads(whole))

    def pending(self) -> Iterator[Pending]:
        """The pending claims, in record order."""
        for (row,) in self.query("SELECT row FROM pending ORDER BY ordinal", ()):
            yield Pending(*pickle.loads(row))

    def cited(self) -> Iterator[Cited]:
        """The claims citing evidence, in record order."""
        for (row,) in self.query("SELECT row FROM cited ORDER BY ordinal", ()):
            yield Cited(*pickle.loads(row))

    def problems(self, rule: str) -> Iterator[Problem]:
        """The problems kept for *rule*, in the order kept."""
        for (row,) in self.query("SELECT row FROM problems WHERE rule = ? ORDER BY rowid", (rule,)):
            found: Problem = pickle.loads(row)
            yield found

    def close(self) -> None:
        """Close the database: SQLite deletes its file."""
        self._db.close()
