"""Problems sorted on disk: what ``ddfacts check`` reports, in bounded memory.

A run can find a problem for every record it reads.  :class:`SortedProblems`
keeps them in a private temporary SQLite database (standard-library
:mod:`sqlite3`, opened on the empty file name, as
:mod:`ddfacts.check._spill` does: only this connection sees it, and SQLite
deletes it on close), each beside its place in the report
(:func:`ddfacts.problems._report.sort_bytes`) and the order it came in, and
gives them back sorted by SQLite (``ORDER BY``, which sorts on disk past
its page cache): the order a :class:`~ddfacts.problems.Report` of the same
problems has, ties in the order they came.  What stays in memory is the
batch being written (:data:`BATCH` problems), SQLite's page cache
(:data:`CACHE_KIB`), the counts of errors and warnings, and the files named.

The problems go in as :mod:`pickle` blobs, read back only by this process
from the file it made.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from types import TracebackType

from .._scratchdb import scratch_db
from ..problems._report import Problem, sort_bytes

__all__ = ["BATCH", "CACHE_KIB", "SortedProblems"]

#: The most SQLite keeps in memory, in KiB of page cache (sorting spills past it too).
CACHE_KIB = 8 * 1024
#: Problems written at once.
BATCH = 2000


class SortedProblems:
    """Problems kept on disk and given back in report order (see the module doc).

    Usable as a context manager: the database goes when the block ends.
    """

    def __init__(self) -> None:
        schema = ("CREATE TABLE problems(key BLOB NOT NULL, problem BLOB NOT NULL)",)
        self._db = scratch_db(CACHE_KIB, schema)
        self._rows: list[tuple[bytes, bytes]] = []
        #: How many problems are errors.
        self.errors = 0
        #: How many problems are warnings.
        self.warnings = 0
        #: The files the problems are in (None for an in-memory value).
        self.files: set[str | None] = set()

    def add(self, problem: Problem) -> None:
        """Keep *problem*; it comes after the problems added before it with the same place."""
        if problem.is_error:
            self.errors += 1
        else:
            self.warnings += 1
        self.files.add(problem.location.file)
        self._rows.append((sort_bytes(problem), pickle.dumps(problem)))
        if len(self._rows) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        self._db.executemany("INSERT INTO problems VALUES (?, ?)", self._rows)
        self._rows.clear()

    def __len__(self) -> int:
        return self.errors + self.warnings

    def __iter__(self) -> Iterator[Problem]:
        """The problems in report order, read from disk one at a time."""
        self._flush()
        rows = self._db.execute("SELECT problem FROM problems ORDER BY key, rowid")
        for (row,) in rows:
            found: Problem = pickle.loads(row)  # our own file, written by add
            yield found

    def close(self) -> None:
        """Close the database: SQLite deletes its file."""
        self._rows.clear()
        self._db.close()

    def __enter__(self) -> SortedProblems:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
