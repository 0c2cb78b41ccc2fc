"""Where each record of a run is, by its ordinal, in a few bytes a record.

The whole-set pass makes no :class:`~ddfacts.problems.Location` for a
record until a problem needs one: :class:`Places` keeps lines in an array
(-1 for none), files in runs of ordinals (a file changes rarely), and only
non-empty pointers (JSON documents): a record's own ``/records/N`` as the
number N in a second array (8 bytes, not a string and a dict entry: a fact
set and a fact store give every record one), any other in a dict.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from itertools import repeat

from ..problems import Location
from ._refs import Path

__all__ = ["Places", "at", "location_of"]

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


class Places:
    """The file, line and pointer of every record of a run, by ordinal."""

    def __init__(self) -> None:
        #: Each record's line, by ordinal (-1 for none).
        self.lines = array("q")
        #: The pointers that are not empty and not ``/records/N``, by ordinal.
        self.pointers: dict[int, str] = {}
        #: The N of each record's ``/records/N`` pointer, by ordinal (-1 for none).
        self._numbers = array("q")
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
            if len(numbers) < seq:
                numbers.extend(repeat(-1, seq - len(numbers)))
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
