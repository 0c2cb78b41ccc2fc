"""A run of fact files streamed record by record, as loading them into one FactSet reads them.

:func:`stream_files` hands every record of the files, in order, to a
consumer (such as :meth:`ddfacts.check.CheckRun.add`) and keeps only where
each came from (:class:`Origins`: a few bytes a record), so a run over big
JSON Lines files holds no records.  Its errors are the ones
:func:`ddfacts.load` of each file and a :class:`~ddfacts.FactSet` of them
all give: a reading error at once, an id repeated within a file once that
file is read, an id repeated across files once every file is.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable

import attrs

from ..errors import DuplicateIdError, LoadError
from ..problems import Location, Problem
from ..records import Record
from ._files import PathOrFile, iter_located, name_of

__all__ = ["Origins", "stream_files"]

_POINTER = re.compile(r"^/records/(\d+)(.*)\Z")


class Origins:
    """Where each record of a run came from, by its ordinal, in a few bytes a record.

    Files go in runs of ordinals; lines (JSON Lines) in an array, -1 for none.
    """

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._files: list[str] = []
        self._lines = array("q")

    def file(self, start: int, name: str) -> None:
        """Records from ordinal *start* on come from *name*."""
        self._starts.append(start)
        self._files.append(name)

    def add(self, line: int | None) -> None:
        """The next record's line (None in a JSON document)."""
        self._lines.append(-1 if line is None else line)

    def locate(self, ordinal: int, pointer: str = "") -> Location:
        """Where record *ordinal* is: its file and line, or its pointer in a document."""
        run = bisect_right(self._starts, ordinal) - 1
        file, line = self._files[run], self._lines[ordinal]
        if line >= 0:
            return Location(file=file, line=line, pointer=pointer)
        return Location(file=file, pointer=f"/records/{ordinal - self._starts[run]}{pointer}")

    def relocate(self, problem: Problem) -> Problem:
        """*problem*, located at ``/records/<ordinal>…`` of the run, located in its file."""
        match = _POINTER.match(problem.location.pointer)
        if match is None:
            return problem
        return attrs.evolve(problem, location=self.locate(int(match[1]), match[2]))


def stream_files(sources: Iterable[PathOrFile], consume: Callable[[Record], int | None]) -> Origins:
    """Feed every record of the files to *consume*, in order; where each came from.

    *consume* takes a record and returns the ordinal (count from 0 over the
    run) of an earlier record with the same id, or None, as
    :meth:`ddfacts.check.CheckRun.add` does.  Only the consumer's state and
    the origins grow with the input.

    Raises:
        LoadError: a file cannot be read or holds a bad record (as
            :func:`ddfacts.load`), or an id repeats within a file.
        DuplicateIdError: an id repeats across files.
    """
    origins = Origins()
    across: tuple[str, int, int] | None = None
    count = 0
    for source in sources:
        name = name_of(source) or "<input>"
        origins.file(count, name)
        start = count
        within: tuple[str, int, int] | None = None
        for record, line in iter_located(source):
            earlier = consume(record)
            origins.add(line)
            count += 1
            if earlier is None:
                continue
            if earlier >= start:
                within = within or (record.id, earlier, count - 1)
            else:
                across = across or (record.id, earlier, count - 1)
        if within is not None:
            where = _places(origins, within)
            raise LoadError(f"duplicate record id {within[0]!r} {where}", file=name)
    if across is not None:
        raise DuplicateIdError(across[0], where=_places(origins, across))
    return origins


def _places(origins: Origins, duplicate: tuple[str, int, int]) -> str:
    """Where a repeated id stands: ``at a.json /records/0 and b.jsonl:2``."""
    places = []
    for ordinal in duplicate[1:]:
        where = origins.locate(ordinal)
        place = f"{where.file}:{where.line}" if where.line is not None else str(where.file)
        places.append(f"{place} {where.pointer}" if where.pointer else place)
    return f"at {places[0]} and {places[1]}"
