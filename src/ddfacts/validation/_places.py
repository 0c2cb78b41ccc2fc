"""Where each record of a run is, by its ordinal, in a few bytes a run of records.

The whole-set pass makes no :class:`~ddfacts.problems.Location` for a
record until a problem needs one: :class:`Places` keeps lines (-1 for none)
as :class:`Runs`, files in runs of ordinals (a file changes rarely), and
only non-empty pointers (JSON documents): a record's own ``/records/N`` as
the number N, in :class:`Runs` too (not a string and a dict entry: a fact
set and a fact store give every record one), any other in a dict.  Lines
and numbers mostly rise by a fixed step from record to record (a JSON Lines
file: a line each; a fact set or store: no line, the next N), so a run of
records costs 24 bytes, whatever its length: a site built from a store keeps
one run of each however many records it has.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right

from ..problems import Location
from ._refs import Path

__all__ = ["Places", "Runs", "at", "location_of"]

#: A record's own pointer in a JSON document, before its number.
_RECORDS = "/records/"
_SKIP = len(_RECORDS)
#: The most digits of a number kept in the array (it holds 64-bit ints).
_DIGITS = 18


def location_of(file: str | None, line: int | None, pointer: str) -> Location:
    """The location of a record: its file, line and pointer."""
    return Location(file=file, line=line, pointer=pointer)


def at(where: Path | Location, file: str | None, line: int | None, pointer: str) -> Location:
    """The location of a part of a record: *where* is its path below the record, or its place."""
    if isinstance(where, Location):
        return where
    return location_of(file, line, pointer).child(*where)


class Runs:
    """Integers by index, appended in order and kept as arithmetic runs.

    A run is its first index, first value and step (three machine integers);
    a value that goes on the last run's step costs nothing, any other starts
    a run (whose step the next value sets).  At worst (no two steps alike)
    a run covers two values: 12 bytes a value.  Reading costs a binary
    search over the runs.
    """

    def __init__(self) -> None:
        self._starts = array("q")
        self._firsts = array("q")
        self._steps = array("q")
        self._length = 0
        #: Whether the last run has one value (its step is still free).
        self._single = False

    def __len__(self) -> int:
        return self._length

    def append(self, value: int) -> None:
        """Add *value* at the next index."""
        at = self._length
        if self._single:
            self._steps[-1] = value - self._firsts[-1]
            self._single = False
        elif not at or value != self._firsts[-1] + self._steps[-1] * (at - self._starts[-1]):
            self._starts.append(at)
            self._firsts.append(value)
            self._steps.append(0)
            self._single = True
        self._length = at + 1

    def runs(self) -> int:
        """How many runs the values take."""
        return len(self._starts)

    def __getitem__(self, index: int) -> int:
        """The value at *index* (``0 <= index < len(self)``)."""
        if not 0 <= index < self._length:
            raise IndexError(index)
        run = bisect_right(self._starts, index) - 1
        return self._firsts[run] + self._steps[run] * (index - self._starts[run])


class Places:
    """The file, line and pointer of every record of a run, by ordinal."""

    def __init__(self) -> None:
        #: Each record's line, by ordinal (-1 for none).
        self.lines = Runs()
        #: The pointers that are not empty and not ``/records/N``, by ordinal.
        self.pointers: dict[int, str] = {}
        #: The N of each record's ``/records/N`` pointer, by ordinal (-1 for none).
        self._numbers = Runs()
        self._starts: list[int] = []
        self._files: list[str | None] = []
        #: The file of the last record (a string no file name equals, at first).
        self.last_file: str | None = "\x00"

    def add(self, seq: int, file: str | None, line: int | None, pointer: str) -> None:
        """Record *seq*'s place (records come in order, *seq* the next ordinal).

        A hot caller may append to :attr:`lines` and call :meth:`pointer` itself
        when *file* is :attr:`last_file`.
        """
        if file is not self.last_file and file != self.last_file:
            self._starts.append(seq)
            self._files.append(file)
            self.last_file = file
        self.lines.append(-1 if line is None else line)
        if pointer:
            self.pointer(seq, pointer)

    def pointer(self, seq: int, pointer: str) -> None:
        """Keep record *seq*'s non-empty *pointer* (records come in order)."""
        tail = pointer[_SKIP:]
        if (
            pointer.startswith(_RECORDS)
            and tail.isascii()
            and tail.isdigit()
            and len(tail) <= _DIGITS
            and (tail[0] != "0" or tail == "0")
        ):
            numbers = self._numbers
            for _ in range(seq - len(numbers)):  # each ordinal is filled once: linear
                numbers.append(-1)
            numbers.append(int(tail))
        else:
            self.pointers[seq] = pointer

    def __getitem__(self, seq: int) -> tuple[str | None, int | None, str]:
        """Record *seq*'s file, line and pointer."""
        line = self.lines[seq]
        file = self._files[bisect_right(self._starts, seq) - 1]
        pointer = self.pointers.get(seq, "")
        if not pointer and seq < len(self._numbers) and self._numbers[seq] >= 0:
            pointer = f"{_RECORDS}{self._numbers[seq]}"
        return file, None if line < 0 else line, pointer

    def location(self, seq: int) -> Location:
        """Record *seq*'s location."""
        return location_of(*self[seq])
