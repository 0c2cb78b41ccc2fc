"""The problems of ``validate`` and ``check``, kept on disk while the site is built.

A large fact set can have a problem for most of its records; the site shows
each on the page where its record sits and all of them on the index.  So
that the build does not hold them all, each report is read as a stream into
a small SQLite file in a temporary folder (one row per problem: the record
it names, its place in report order, code, severity and sentence), and each
page asks for its own records' problems.  Memory: one report at a time while
it is read (``validate`` and ``check`` return whole reports), then the
database's page cache; lookups are indexed, so each costs about log n.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType

from ..problems import Problem

__all__ = ["ProblemStore", "Row"]

_SCHEMA = """
CREATE TABLE problem (seq INTEGER PRIMARY KEY, record TEXT, folded TEXT,
                      code TEXT NOT NULL, severity TEXT NOT NULL, message TEXT NOT NULL);
CREATE TABLE seen (code TEXT NOT NULL, message TEXT NOT NULL, PRIMARY KEY (code, message))
    WITHOUT ROWID;
"""
_INDEXES = """
CREATE INDEX problem_record ON problem (record, seq);
CREATE INDEX problem_folded ON problem (folded, seq);
"""
#: Rows inserted per transaction while a report is read.
_BATCH = 2000


#: A problem as the store gives it back: code, severity and sentence.
Row = tuple[str, str, str]


class ProblemStore:
    """Problems by the record they name, in a temporary SQLite file; close it when done.

    :meth:`add` reads one report; ``fresh_only`` skips the problems whose code
    and sentence an earlier report already gave (``check`` repeats some of
    ``validate``'s).  After :meth:`seal`, :meth:`of` gives one record's
    problems, :meth:`grouped` every record's in record order (case-folded,
    as the index page lists them), :meth:`unplaced` those naming no record.
    """

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="ddfacts-html-")
        self._db = sqlite3.connect(Path(self._folder.name) / "problems.sqlite")
        self._db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        self._seq = 0
        self.total = 0

    def add(
        self,
        problems: Iterable[Problem],
        record_of: Sequence[str],
        *,
        fresh_only: bool = False,
    ) -> None:
        """Store *problems*; *record_of* maps a ``/records/N`` pointer to the record's id."""
        rows: list[tuple[int, str | None, str | None, str, str, str]] = []
        for problem in problems:
            key = (problem.code, problem.message)
            if fresh_only and self._seen(key):
                continue
            named: list[str | None] = list(problem.records)
            for record in named or [_pointer_record(problem, record_of)]:
                self._seq += 1
                folded = None if record is None else record.lower()
                rows.append(
                    (self._seq, record, folded, problem.code, problem.severity.value, key[1])
                )
            if len(rows) >= _BATCH:
                self._flush(rows, remember=not fresh_only)
        self._flush(rows, remember=not fresh_only)

    def _seen(self, key: tuple[str, str]) -> bool:
        found = self._db.execute("SELECT 1 FROM seen WHERE code = ? AND message = ?", key)
        return found.fetchone() is not None

    def _flush(
        self, rows: list[tuple[int, str | None, str | None, str, str, str]], *, remember: bool
    ) -> None:
        with self._db:
            self._db.executemany("INSERT INTO problem VALUES (?, ?, ?, ?, ?, ?)", rows)
            if remember:
                self._db.executemany(
                    "INSERT OR IGNORE INTO seen VALUES (?, ?)", ((r[3], r[5]) for r in rows)
                )
        self.total += len(rows)
        rows.clear()

    def seal(self) -> None:
        """Index the stored problems for lookups (call once, after the last :meth:`add`)."""
        self._db.executescript(_INDEXES)

    def of(self, record_id: str) -> list[Row]:
        """The problems that name *record_id*, in report order."""
        rows = self._db.execute(
            "SELECT code, severity, message FROM problem WHERE record = ? ORDER BY seq",
            (record_id,),
        )
        return list(rows)

    def grouped(self) -> Iterator[tuple[str, list[Row]]]:
        """Each record with problems and its problems, by case-folded id, one at a time."""
        rows = self._db.execute(
            "SELECT record, code, severity, message FROM problem WHERE record IS NOT NULL"
            " ORDER BY folded, record, seq"
        )
        current: str | None = None
        shown: list[Row] = []
        for record, code, severity, message in rows:
            if record != current and shown:
                assert current is not None
                yield current, shown
                shown = []
            current = record
            shown.append((code, severity, message))
        if current is not None and shown:
            yield current, shown

    def unplaced(self) -> list[Row]:
        """The problems that name no record, in report order."""
        rows = self._db.execute(
            "SELECT code, severity, message FROM problem WHERE record IS NULL ORDER BY seq"
        )
        return list(rows)

    def close(self) -> None:
        """Close the database and remove its folder."""
        self._db.close()
        self._folder.cleanup()

    def __enter__(self) -> ProblemStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _pointer_record(problem: Problem, record_of: Sequence[str]) -> str | None:
    """The id of the record a problem's ``/records/N`` pointer names, when it names one."""
    parts = problem.location.pointer.split("/")
    if len(parts) >= 3 and parts[1] == "records" and parts[2].isdigit():
        number = int(parts[2])
        if number < len(record_of):
            return record_of[number]
    return None
