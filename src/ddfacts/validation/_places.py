"""Where each record of a run is, by its ordinal, in a few bytes a record.

The whole-set pass makes no :class:`~ddfacts.problems.Location` for a
record until a problem needs one: :class:`Places` keeps lines in an array
(-1 for none), files in runs of ordinals (a file changes rarely), and only
non-empty pointers (JSON documents) in a dict.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right

from ..problems import Location
from ._refs import Path

__all__ = ["Places", "at", "location_of"]


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
        #: The pointers that are not empty, by ordinal.
        self.pointers: dict[int, str] = {}
        self._starts: list[int] = []
        self._files: list[str | None] = []
        #: The file of the last record (a string no file name equals, at first).
        self.last_file: str | None = "\x00"

    def add(self, seq: int, file: str | None, line: int | None, pointer: str) -> None:
        """Record *seq*'s place (records come in order, *seq* the next ordinal).

        A hot caller may append to :attr:`lines` and :attr:`pointers` itself
        when *file* is :attr:`last_file`.
        """
        if file is not self.last_file and file != self.last_file:
            self._starts.append(seq)
            self._files.append(file)
            self.last_file = file
        self.lines.append(-1 if line is None else line)
        if pointer:
            self.pointers[seq] = pointer

    def __getitem__(self, seq: int) -> tuple[str | None, int | None, str]:
        """Record *seq*'s file, line and pointer."""
        line = self.lines[seq]
        file = self._files[bisect_right(self._starts, seq) - 1]
        return file, None if line < 0 else line, self.pointers.get(seq, "")

    def location(self, seq: int) -> Location:
        """Record *seq*'s location."""
        return location_of(*self[seq])
