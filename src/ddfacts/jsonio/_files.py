"""Fact files: read and write records as JSON documents and JSON Lines.

A fact file is either one JSON document ``{"ddfacts": "1.0", "records": [...]}``
(``.json``) or JSON Lines, one record a line (``.jsonl``).  Output is
canonical: members in a fixed order, two-space indent for documents, UTF-8,
a newline at the end, so ``dump(load(f))`` reproduces a file written by
``dump`` byte for byte.  Writes are atomic.
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
from typing import IO, TYPE_CHECKING, Any, Union

from ..errors import LoadError
from ..records import Record
from ._codec import StructureError, structure, unstructure
from ._fast._load import Warming

if TYPE_CHECKING:
    from ..factset import FactSet

__all__ = [
    "FORMAT_VERSION",
    "MAX_DEPTH",
    "dump",
    "dumps",
    "from_json",
    "iter_records",
    "load",
    "loads",
    "parse_json",
    "to_json",
]

#: The fact-file format version written in the ``ddfacts`` member.
FORMAT_VERSION = "1.0"
#: Deepest nesting of arrays and objects accepted in a fact file.
MAX_DEPTH = 64
#: File suffixes read as JSON Lines.
JSONL_SUFFIXES = (".jsonl", ".ndjson")

#: What ``load`` and friends accept: a path, or an open text or binary file.
PathOrFile = Union[str, "os.PathLike[str]", IO[str], IO[bytes]]


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(key)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # dict() in C, then a length check: a key repeated makes the dict shorter.
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


_DECODER = json.JSONDecoder(object_pairs_hook=_no_duplicates, parse_constant=_no_constant)


def _depth_exceeds(text: str, limit: int) -> bool:
    # Cheap scan, only run when the text nests at all deeply: brackets inside
    # strings are skipped so that quotes holding "[[[[" do not count.
    depth = 0
    in_string = False
    escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return True
        elif char in "]}":
            depth -= 1
    return False


def parse_json(text: str, *, file: str | None = None, line: int | None = None) -> Any:
    """Parse one JSON value strictly, raising :class:`LoadError` with its location.

    Strict means: no duplicate keys in an object, no ``NaN``/``Infinity``, no
    nesting deeper than :data:`MAX_DEPTH`.  *line* is the line the text starts
    on (for JSON Lines); syntax errors report line and column.
    """
    if text.count("[") + text.count("{") > MAX_DEPTH and _depth_exceeds(text, MAX_DEPTH):
        raise LoadError(
            f"JSON nests deeper than {MAX_DEPTH} levels", file=file, line=line, pointer=""
        )
    try:
        return _DECODER.decode(text)
    except json.JSONDecodeError as error:
        at_line = error.lineno if line is None else line + error.lineno - 1
        raise LoadError(
            f"invalid JSON: {error.msg}", file=file, line=at_line, column=error.colno
        ) from None
    except _DuplicateKey as error:
        raise LoadError(
            f"duplicate key {error.key!r} in one object (ambiguous JSON)", file=file, line=line
        ) from None
    except ValueError as error:
        raise LoadError(f"invalid JSON: {error}", file=file, line=line) from None
    except RecursionError:
        raise LoadError("JSON nests too deeply", file=file, line=line) from None


def decode_bytes(data: bytes, *, file: str | None = None) -> str:
    """Decode a fact file's bytes as UTF-8 without a byte-order mark."""
    if data.startswith(b"\xef\xbb\xbf"):
        raise LoadError("the file starts with a UTF-8 byte-order mark; remove it", file=file)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise LoadError(f"invalid UTF-8 at byte {error.start}", file=file, line=line) from None


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


def _name_of(source: PathOrFile) -> str | None:
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else None


def _is_jsonl_name(name: str | None) -> bool:
    return name is not None and name.lower().endswith(JSONL_SUFFIXES)


def _read_text(source: PathOrFile) -> str:
    name = _name_of(source)
    if isinstance(source, (str, os.PathLike)):
        try:
            data = Path(source).read_bytes()
        except OSError as error:
            raise LoadError(f"cannot read the file: {error.strerror}", file=name) from None
    else:
        raw = source.read()
        if isinstance(raw, str):
            return raw
        data = raw
    return decode_bytes(data, file=name)


def _records_of_document(document: Any, name: str | None) -> Iterator[Record]:
    if not isinstance(document, dict) or "records" not in document:
        raise LoadError(
            'not a fact file: expected an object {"ddfacts": "1.0", "records": [...]}',
            file=name,
        )
    version = document.get("ddfacts")
    if not isinstance(version, str) or version.split(".")[0] != FORMAT_VERSION.split(".")[0]:
        raise LoadError(
            f"unsupported format version {version!r}; expected {FORMAT_VERSION!r}",
            file=name,
            pointer="/ddfacts",
        )
    for key in document:
        if key not in ("ddfacts", "records") and not key.startswith("x-"):
            raise LoadError(f"unknown member {key!r} in the fact file", file=name, pointer="")
    records = document["records"]
    if not isinstance(records, list):
        raise LoadError("'records' must be an array", file=name, pointer="/records")
    fast = Warming()
    for index, value in enumerate(records):
        record = fast(value)
        yield (
            record
            if record is not None
            else from_json(value, file=name, pointer=f"/records/{index}")
        )


def _records_of_lines(lines: Iterable[str], name: str | None) -> Iterator[Record]:
    fast = Warming()
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        value = parse_json(text, file=name, line=number)
        record = fast(value)
        yield record if record is not None else from_json(value, file=name, line=number)


def _iter_binary_lines(handle: IO[bytes], name: str | None) -> Iterator[str]:
    for number, raw in enumerate(handle, start=1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raise LoadError("the file starts with a UTF-8 byte-order mark; remove it", file=name)
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise LoadError(
                f"invalid UTF-8 at byte {error.start} of the line", file=name, line=number
            ) from None


def iter_records(source: PathOrFile) -> Iterator[Record]:
    """Yield the records of a fact file one by one.

    JSON Lines (``.jsonl``) are streamed in constant memory; a JSON document
    is parsed whole.  An open file is sniffed: a document starts with an
    object holding ``"ddfacts"``.

    Raises:
        LoadError: the file cannot be read, is not valid JSON, or holds a
            value that is not a valid record; it names file, line and pointer.
    """
    name = _name_of(source)
    if isinstance(source, (str, os.PathLike)) and _is_jsonl_name(name):
        try:
            handle = open(source, "rb")  # noqa: SIM115 - closed in finally
        except OSError as error:
            raise LoadError(f"cannot read the file: {error.strerror}", file=name) from None
        try:
            yield from _records_of_lines(_iter_binary_lines(handle, name), name)
        finally:
            handle.close()
        return
    text = _read_text(source)
    yield from _records_of_text(text, name)


def _records_of_text(text: str, name: str | None) -> Iterator[Record]:
    if not text.strip():
        raise LoadError("the file is empty; expected a fact file", file=name)
    if _is_jsonl_name(name) or not _looks_like_document(text):
        yield from _records_of_lines(io.StringIO(text), name)
    else:
        yield from _records_of_document(parse_json(text, file=name), name)


def _looks_like_document(text: str) -> bool:
    """Whether *text* is one JSON document rather than JSON Lines.

    JSON Lines start with a line that is a whole JSON object holding
    ``"type"`` (a record); anything else is read as one document.
    """
    first_line = text.lstrip().split("\n", 1)[0]
    try:
        first = json.loads(first_line)
    except ValueError:
        return True
    return not (isinstance(first, dict) and "type" in first and "ddfacts" not in first)


def load(source: PathOrFile) -> FactSet:
    """Read a fact file (a path or an open file) into a :class:`~ddfacts.FactSet`.

    Raises:
        LoadError: as :func:`iter_records`, or when two records share an id.
    """
    from ..errors import DuplicateIdError
    from ..factset import FactSet

    # The cyclic garbage collector would walk every record made so far, again
    # and again, while nothing here makes cycles: pause it for the bulk load.
    paused = gc.isenabled()
    gc.disable()
    try:
        records = list(iter_records(source))
        try:
            return FactSet(records)
        except DuplicateIdError as error:
            raise LoadError(
                f"duplicate record id {error.record_id!r}", file=_name_of(source)
            ) from None
    finally:
        if paused:
            gc.enable()


def loads(text: str, *, jsonl: bool = False) -> FactSet:
    """Read a fact file from a string (a document, or JSON Lines when *jsonl*)."""
    from ..factset import FactSet

    name = "<string>.jsonl" if jsonl else None
    return FactSet(_records_of_text(text, name))


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
        target.write(dumps(records, jsonl=_is_jsonl_name(_name_of(target))))
        return
    path = Path(target)
    text = dumps(records, jsonl=_is_jsonl_name(str(path)))
    write_atomic(path, text)


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, text: str) -> None:
    """Write *text* as UTF-8 to *path* atomically (temporary file, fsync, rename)."""
    folder = path.parent if str(path.parent) else Path(".")
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - renamed or removed below
        "w", encoding="utf-8", newline="\n", dir=folder, prefix=f".{path.name}.", delete=False
    )
    try:
        with handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
            # A temporary file is private (0600); give the result the mode a plain
            # write would: the old file's, or the default under the umask.
            os.chmod(handle.name, _mode_for(path))
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
