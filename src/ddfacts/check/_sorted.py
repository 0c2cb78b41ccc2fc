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
batch being written (2,000 problems), SQLite's page cache
(:data:`CACHE_KIB`), the counts of errors and warnings, and the files named.

The problems go in as :mod:`pickle` blobs, read back only by this process
from the file it made; the table and its order are validation's
(:class:`~ddfacts.validation._spillmap.SpillSorted`), one way to sort on disk.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from types import TracebackType

from ..problems._report import Problem, sort_bytes
from ..validation._spillmap import SpillBase, SpillSorted

__all__ = ["CACHE_KIB", "SortedProblems"]

#: The most SQLite keeps in memory, in KiB of page cache (sorting spills past it too).
CACHE_KIB = 8 * 1024


class SortedProblems:
    """Problems kept on disk and given back in report order (see the module doc).

    Usable as a context manager: the database goes when the block ends.
    """

    def __init__(self) -> None:
        self._base = SpillBase(CACHE_KIB)
        #: The problems under their place in the report (our own file: pickles are safe).
        self._sorted: SpillSorted[Problem] = SpillSorted(
            self._base, pickle.dumps, pickle.loads, width=1
        )
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
        self._sorted.append(((sort_bytes(problem),), problem))

    def __len__(self) -> int:
        return self.errors + self.warnings

    def __iter__(self) -> Iterator[Problem]:
        """The problems in report order, read from disk one at a time."""
        return self._sorted.in_order()

    def close(self) -> None:
        """Close the database: SQLite deletes its file."""
        self._base.close()

    def __enter__(self) -> SortedProblems:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
