"""The problems of ``validate`` and ``check``, kept on disk while the site is built.

A large fact set can have a problem for most of its records; the site shows
each on the page where its record sits and all of them on the index.  So
that the build does not hold them all, each run's problems are read as a
stream, in any order, into a small SQLite file in a temporary folder (one
row per problem: the record it names, its place in the report as
:func:`~ddfacts.problems._report.sort_bytes` gives it, code, severity and
sentence), and each page asks for its own records' problems, which SQLite
gives back in report order.  A problem located only by a ``/records/N``
pointer is matched to its record's id when the store is sealed, from the
ids given to :meth:`ProblemStore.name` as the records pass.  Memory: the
batch being written, then the database's page cache; lookups are indexed,
so each costs about log n.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..problems import Problem
from ..problems._report import sort_bytes
from ._scratch import Scratch

__all__ = ["ProblemStore", "Row"]

_SCHEMA = """
CREATE TABLE problem (seq INTEGER PRIMARY KEY, run INTEGER NOT NULL, place BLOB NOT NULL,
                      ordinal INTEGER, record TEXT, folded TEXT,
                      code TEXT NOT NULL, severity TEXT NOT NULL, message TEXT NOT NULL);
CREATE TABLE named (n INTEGER PRIMARY KEY, id TEXT NOT NULL, folded TEXT NOT NULL);
CREATE TABLE seen (code TEXT NOT NULL, message TEXT NOT NULL, PRIMARY KEY (code, message))
    WITHOUT ROWID;
"""
_INDEXES = """
CREATE INDEX problem_record ON problem (record, run, place, seq);
CREATE INDEX problem_folded ON problem (folded, record, run, place, seq);
"""
#: Rows inserted per transaction while a report is read.
_BATCH = 2000


#: A problem as the store gives it back: code, severity and sentence.
Row = tuple[str, str, str]


_Stored = tuple[int, int, bytes, int | None, str | None, str | None, str, str, str]


class ProblemStore(Scratch):
    """Problems by the record they name, in a temporary SQLite file; close it when done.

    :meth:`add` reads one run's problems (each call is a run, shown after
    the runs before it); ``fresh_only`` skips the problems whose code and
    sentence an earlier run already gave (``check`` repeats some of
    ``validate``'s).  After :meth:`seal`, :meth:`of` gives one record's
    problems, :meth:`grouped` every record's in record order (case-folded,
    as the index page lists them), :meth:`unplaced` those naming no record.
    """

    def __init__(self) -> None:
        super().__init__("problems", _SCHEMA)
        self._seq = 0
        self._run = 0
        self._names: list[tuple[int, str, str]] = []
        self.total = 0

    def name(self, ordinal: int, record_id: str) -> None:
        """Say that the record at ``/records/<ordinal>`` has the id *record_id*."""
        self._names.append((ordinal, record_id, record_id.lower()))
        if len(self._names) >= _BATCH:
            with self._db:
                self._db.executemany("INSERT INTO named VALUES (?, ?, ?)", self._names)
            self._names.clear()

    def add(self, problems: Iterable[Problem], *, fresh_only: bool = False) -> None:
        """Store one run's *problems*, in any order.

        A problem naming no record is placed by its ``/records/N`` pointer,
        through the ids given to :meth:`name` (matched when the store is sealed).
        """
        self._run += 1
        rows: list[_Stored] = []
        for problem in problems:
            key = (problem.code, problem.message)
            if fresh_only and self._seen(key):
                continue
            place = sort_bytes(problem)
            named: list[str | None] = list(problem.records)
            at = None if named else _pointer_ordinal(problem)
            for record in named or [None]:
                self._seq += 1
                folded = None if record is None else record.lower()
                code, severity = problem.code, problem.severity.value
                rows.append(
                    (self._seq, self._run, place, at, record, folded, code, severity, key[1])
                )
            if len(rows) >= _BATCH:
                self._flush(rows, remember=not fresh_only)
        self._flush(rows, remember=not fresh_only)

    def _seen(self, key: tuple[str, str]) -> bool:
        found = self._db.execute("SELECT 1 FROM seen WHERE code = ? AND message = ?", key)
        return found.fetchone() is not None

    def _flush(self, rows: list[_Stored], *, remember: bool) -> None:
        with self._db:
            self._db.executemany("INSERT INTO problem VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            if remember:
                self._db.executemany(
                    "INSERT OR IGNORE INTO seen VALUES (?, ?)", ((r[6], r[8]) for r in rows)
                )
        self.total += len(rows)
        rows.clear()

    def seal(self) -> None:
        """Place the problems known by pointer and index them (once, after the last :meth:`add`)."""
        with self._db:
            self._db.executemany("INSERT INTO named VALUES (?, ?, ?)", self._names)
            self._names.clear()
            self._db.execute(
                "UPDATE problem SET (record, folded) = (SELECT id, folded FROM named"
                " WHERE named.n = problem.ordinal) WHERE record IS NULL AND ordinal IS NOT NULL"
            )
        self._db.executescript(_INDEXES)

    def of(self, record_id: str) -> list[Row]:
        """The problems that name *record_id*, in report order."""
        rows = self._db.execute(
            "SELECT code, severity, message FROM problem WHERE record = ? ORDER BY run, place, seq",
            (record_id,),
        )
        return list(rows)

    def grouped(self) -> Iterator[tuple[str, list[Row]]]:
        """Each record with problems and its problems, by case-folded id, one at a time."""
        rows = self._db.execute(
            "SELECT record, code, severity, message FROM problem WHERE record IS NOT NULL"
            " ORDER BY folded, record, run, place, seq"
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
            "SELECT code, severity, message FROM problem WHERE record IS NULL"
            " ORDER BY run, place, seq"
        )
        return list(rows)


def _pointer_ordinal(problem: Problem) -> int | None:
    """The N of a problem's ``/records/N`` pointer, when it has one."""
    parts = problem.location.pointer.split("/")
    if len(parts) >= 3 and parts[1] == "records" and parts[2].isascii() and parts[2].isdigit():
        return int(parts[2])
    return None
