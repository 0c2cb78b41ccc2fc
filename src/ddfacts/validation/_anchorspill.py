"""The anchors level's summaries on disk, for a run that must not hold one per statement.

The anchors level runs last, once every source and statement has been read
(a statement may come before its source, or far from it).  A run that
streams a large set (:func:`~ddfacts.validation._run.problems_of` with
``spill=True``: the site build) hands each source's and statement's summary
to :class:`AnchorSpill`, which keeps the little the level reads (id,
location, anchor, recorded identity) in a private temporary SQLite database
(opened on the empty file name, as :class:`~ddfacts.check._spill.SpillKeeper`
does: deleted when the connection closes), and gives them back a source at
a time in the order :func:`~ddfacts.validation._anchors.anchor_groups` does,
so the problems are the same, in the same order.  Memory: the batch being
written, SQLite's page cache, then one source's statements.
"""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Iterator
from types import TracebackType

from .._scratchdb import scratch_db
from ._anchors import Group
from ._record import RecordSummary

__all__ = ["AnchorSpill"]

#: Rows written at once.
_BATCH = 2000
#: The most SQLite keeps in memory, in KiB of page cache.
_CACHE_KIB = 1024

_SCHEMA = (
    # The first summary of each source id; ``row`` is what the level reads, pickled.
    # Ids are kept as UTF-8 bytes (lone surrogates too): SQLite text refuses those.
    "CREATE TABLE sources(id BLOB PRIMARY KEY, seq INTEGER NOT NULL, row BLOB NOT NULL)"
    " WITHOUT ROWID",
    "CREATE TABLE statements(seq INTEGER PRIMARY KEY, source BLOB NOT NULL, row BLOB NOT NULL)",
)
#: The ids only statements name, in the order they are first named.
_ORPHANS = (
    "SELECT source FROM statements WHERE source NOT IN (SELECT id FROM sources)"
    " GROUP BY source ORDER BY MIN(seq)"
)


def _key(record_id: str) -> bytes:
    return record_id.encode("utf-8", "surrogatepass")


def _id(key: bytes) -> str:
    return key.decode("utf-8", "surrogatepass")


def _row(summary: RecordSummary) -> bytes:
    """What the anchors level reads of *summary*, pickled (read back by this process only)."""
    return pickle.dumps(
        (summary.id, summary.type, summary.location, summary.anchor, summary.identity),
        pickle.HIGHEST_PROTOCOL,
    )


def _summary(row: bytes) -> RecordSummary:
    record_id, kind, location, anchor, identity = pickle.loads(row)
    return RecordSummary(record_id, kind, None, location, anchor=anchor, identity=identity)


class AnchorSpill:
    """Source and statement summaries in a temporary SQLite database; close it when done.

    :meth:`add` every summary in input order, then read :meth:`groups` once.
    """

    def __init__(self) -> None:
        self._db = scratch_db(_CACHE_KIB, tuple(_SCHEMA))
        self._seq = 0
        self._sources: list[tuple[bytes, int, bytes]] = []
        self._statements: list[tuple[int, bytes, bytes]] = []

    def add(self, summary: RecordSummary) -> None:
        """Keep *summary* if the anchors level reads it (a source with an id, a statement)."""
        self._seq += 1
        if summary.type == "source" and summary.id is not None:
            self._sources.append((_key(summary.id), self._seq, _row(summary)))
        elif summary.anchor is not None:
            self._statements.append((self._seq, _key(summary.anchor.source), _row(summary)))
        if len(self._sources) + len(self._statements) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        # The first source of an id wins, as in anchor_groups: rows go in in input order.
        self._db.executemany("INSERT OR IGNORE INTO sources VALUES (?, ?, ?)", self._sources)
        self._db.executemany("INSERT INTO statements VALUES (?, ?, ?)", self._statements)
        self._sources.clear()
        self._statements.clear()

    def groups(self) -> Iterator[Group]:
        """The summaries by source, in :func:`~ddfacts.validation._anchors.anchor_groups`'s
        order: one source's statements read at a time."""
        self._flush()
        self._db.execute("CREATE INDEX statements_source ON statements (source, seq)")
        read = self._db.cursor()
        for key, row in self._db.execute("SELECT id, row FROM sources ORDER BY seq"):
            yield _id(key), _summary(row), self._of(read, key)
        for (key,) in self._db.execute(_ORPHANS):
            yield _id(key), None, self._of(read, key)

    @staticmethod
    def _of(read: sqlite3.Cursor, key: bytes) -> list[RecordSummary]:
        rows = read.execute("SELECT row FROM statements WHERE source = ? ORDER BY seq", (key,))
        return [_summary(row) for (row,) in rows]

    def close(self) -> None:
        """Let the database go (SQLite deletes its file)."""
        self._db.close()

    def __enter__(self) -> AnchorSpill:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
