"""Reading a fact file's bytes in bounded pieces, so that no input can exhaust memory.

A JSON Lines line is read at most :data:`~ddfacts.limits.MAX_LINE_BYTES`
(plus one) bytes at a time, and a JSON document at most
:data:`~ddfacts.limits.MAX_FILE_BYTES`: an endless stream without a newline
(``/dev/zero``, a FIFO) ends in a located fault, not a ``MemoryError``.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterator
from functools import partial
from typing import IO, Any

import attrs

from ..limits import MAX_FILE_BYTES, MAX_LINE_BYTES
from ..problems import Location
from ._strict import EXCERPT_LENGTH, Fault, excerpt_of, fault

__all__ = ["CHUNK", "byte_lines", "line_too_long", "read_rest"]

#: How many bytes a document is read in at a time.
CHUNK = 1 << 20


def byte_lines(handle: IO[Any]) -> Iterator[bytes]:
    """The lines of an open file as bytes (a text file's encoded back as read).

    A line longer than :data:`~ddfacts.limits.MAX_LINE_BYTES` comes in pieces
    of ``MAX_LINE_BYTES + 1`` bytes with no line end: :func:`line_too_long`
    refuses such a piece, and a JSON document joins them back.
    """
    read = partial(handle.readline, MAX_LINE_BYTES + 1)
    if isinstance(handle, (io.RawIOBase, io.BufferedIOBase)):
        return iter(read, b"")
    return (
        line.encode("utf-8", "surrogatepass") if isinstance(line, str) else line
        for line in iter(read, "")
    )


def line_too_long(raw: bytes, file: str | None, number: int) -> Fault | None:
    """The fault of a JSON Lines line (or piece of one) over the limit, else None."""
    if len(raw) <= MAX_LINE_BYTES or len(raw.rstrip(b"\r\n")) <= MAX_LINE_BYTES:
        return None
    text = (
        f"the line is longer than {MAX_LINE_BYTES} bytes (the limit of a JSON Lines line); "
        "split the record or write it as a JSON document"
    )
    found = fault("file.line-too-long", text, Location(file=file, line=number), text, line=number)
    # The excerpt now: validation must not read this line again to show it.
    shown = excerpt_of(raw[: 4 * EXCERPT_LENGTH].decode("utf-8", "replace"))
    found.problem = attrs.evolve(found.problem, excerpt=shown)
    return found


def read_rest(handle: IO[Any], head: list[bytes], file: str | None) -> bytearray:
    """The whole of an open file as bytes: the lines *head* already read, then the rest.

    Raises:
        Fault: ``file.too-large`` once the whole passes
            :data:`~ddfacts.limits.MAX_FILE_BYTES` (at once for a regular file
            that large, else as soon as reading passes it).
    """
    if _size(handle) > MAX_FILE_BYTES:
        raise _too_large(file)
    data = bytearray().join(head)  # grown in place: no second copy of a big file
    while len(data) <= MAX_FILE_BYTES:
        chunk = handle.read(min(CHUNK, MAX_FILE_BYTES + 1 - len(data)))
        if not chunk:
            return data
        data += chunk.encode("utf-8", "surrogatepass") if isinstance(chunk, str) else chunk
    raise _too_large(file)


def _size(handle: IO[Any]) -> int:
    """The size of a regular file behind *handle*; 0 when it is not one or has no fd."""
    try:
        status = os.fstat(handle.fileno())
    except (OSError, ValueError, AttributeError):
        return 0
    return status.st_size if stat.S_ISREG(status.st_mode) else 0


def _too_large(file: str | None) -> Fault:
    text = (
        f"the document is larger than {MAX_FILE_BYTES} bytes (the limit of one JSON "
        "document); write big sets as JSON Lines"
    )
    return fault("file.too-large", text, Location(file=file), text)
