"""Fact files: read and write records as JSON documents and JSON Lines.

The public names are re-exported by :mod:`ddfacts.jsonio`, whose docstring explains them.
"""

from __future__ import annotations

import gc
import io
import json
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Union, cast

from ..errors import DuplicateIdError, LoadError
from ..factset import FactSet
from ..problems import Problem
from ..records import Record
from ._codec import StructureError, structure, unstructure
from ._fast._load import Warming
from ._reader import FORMAT_VERSION, JSONL_SUFFIXES, LOAD, Parsed, is_jsonl_name, read
from ._strict import MAX_DEPTH, decode_bytes, parse_json

__all__ = [
    "FORMAT_VERSION",
    "JSONL_SUFFIXES",
    "MAX_DEPTH",
    "decode_bytes",
    "dump",
    "dumps",
    "from_json",
    "iter_located",
    "iter_records",
    "load",
    "loads",
    "name_of",
    "parse_json",
    "to_json",
    "write_atomic",
]

#: What ``load`` and friends accept: a path, or an open text or binary file.
PathOrFile = Union[str, "os.PathLike[str]", IO[str], IO[bytes]]


def to_json(record: Record) -> dict[str, Any]:
    """The JSON value of a record (a dict of JSON types), members in canonical order."""
    return unstructure(record)


def from_json(
    value: Any, *, file: str | None = None, line: int | None = None, pointer: str = ""
) -> Record:
    """Make a record from its JSON value; raise :class:`LoadError` naming where it is wrong."""
    try:
        record: Record = structure(value, pointer)
    except StructureError as error:
        raise LoadError(error.message, file=file, line=line, pointer=error.pointer) from None
    return record


def name_of(source: PathOrFile) -> str | None:
    """The name locations give *source*: a path, or an open file's name (None without one)."""
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else None


def _located(entries: Iterable[Parsed | Problem]) -> Iterator[tuple[Record, int | None]]:
    """Records built from raw values read by the load policy (it raises faults, never
    yields them), each with its line."""
    fast = Warming()
    for value, file, line, pointer, _text in cast(Iterable[Parsed], entries):
        record = fast(value)
        if record is None:
            record = from_json(value, file=file, line=line, pointer=pointer)
        yield record, line


def _records(entries: Iterable[Parsed | Problem]) -> Iterator[Record]:
    return (record for record, _line in _located(entries))


def iter_located(source: PathOrFile) -> Iterator[tuple[Record, int | None]]:
    """The records of a fact file, one by one, each with its line (None in a JSON document).

    Reads as :func:`iter_records` does, with the same errors.
    """
    return _located(read(source, LOAD, name=name_of(source)))


def iter_records(source: PathOrFile) -> Iterator[Record]:
    """Yield the records of a fact file one by one.

    JSON Lines (``.jsonl``) are streamed in constant memory; a JSON document
    is parsed whole.  An open file is sniffed: JSON Lines start with a line
    that is a whole record (an object holding ``"type"``).

    Raises:
        LoadError: the file cannot be read, is not valid JSON, or holds a
            value that is not a valid record; it names file, line and pointer.
    """
    yield from _records(read(source, LOAD, name=name_of(source)))


def load(source: PathOrFile) -> FactSet:
    """Read a fact file (a path or an open file) into a :class:`~ddfacts.FactSet`.

    Raises:
        LoadError: as :func:`iter_records`, or when two records share an id.
    """
    # The cyclic garbage collector would walk every record made so far, again
    # and again, while nothing here makes cycles: pause it for the bulk load.
    paused = gc.isenabled()
    gc.disable()
    try:
        records = list(_records(read(source, LOAD, name=name_of(source))))
        try:
            return FactSet(records)
        except DuplicateIdError as error:
            raise LoadError(
                f"duplicate record id {error.record_id!r}", file=name_of(source)
            ) from None
    finally:
        if paused:
            gc.enable()


def loads(text: str, *, jsonl: bool = False) -> FactSet:
    """Read a fact file from a string (a document, or JSON Lines when *jsonl*)."""
    name = "<string>.jsonl" if jsonl else None
    return FactSet(_records(read(io.StringIO(text), LOAD, name=name)))


def dumps(records: Iterable[Record], *, jsonl: bool = False) -> str:
    """The canonical text of a fact file holding *records* (document, or JSON Lines)."""
    values = [unstructure(record) for record in records]
    if jsonl:
        return "".join(
            json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n" for value in values
        )
    document = {"ddfacts": FORMAT_VERSION, "records": values}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def dump(records: Iterable[Record], target: str | os.PathLike[str] | IO[str]) -> None:
    """Write *records* (a FactSet or any iterable of records) as a canonical fact file.

    The format follows the file name: ``.jsonl`` gives JSON Lines, anything
    else a JSON document.  A path is written atomically: to a temporary file
    in the same folder, then renamed over the target, so a reader never sees
    a half-written file.
    """
    if not isinstance(target, (str, os.PathLike)):
        target.write(dumps(records, jsonl=is_jsonl_name(name_of(target))))
        return
    path = Path(target)
    text = dumps(records, jsonl=is_jsonl_name(str(path)))
    write_atomic(path, text)


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, text: str | Iterable[str]) -> None:
    """Write *text* (a string, or pieces written one at a time) as UTF-8 to *path* atomically.

    A temporary file beside *path*, synced, then renamed over it: a reader
    sees the old file or the whole new one, never a part; on any error the
    temporary file is removed and *path* is left as it was.
    """
    folder = path.parent if str(path.parent) else Path(".")
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - renamed or removed below
        "w", encoding="utf-8", newline="\n", dir=folder, prefix=f".{path.name}.", delete=False
    )
    try:
        with handle:
            for piece in (text,) if isinstance(text, str) else text:
                handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
            # A temporary file is private (0600); give the result the mode a plain
            # write would: the old file's, or the default under the umask.
            os.chmod(handle.name, _mode_for(path))
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
