"""Reading inputs for validation: raw JSON record values with their locations, or problems.

Nothing here raises on bad input: unreadable files, bad bytes, bad JSON and
JSON that is not a fact file each become one :class:`~ddfacts.problems.Problem`.
JSON Lines are read line by line (constant memory); a JSON document is
parsed whole.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import IO, Any

import attrs

from ..jsonio._files import (
    FORMAT_VERSION,
    JSONL_SUFFIXES,
    MAX_DEPTH,
    _depth_exceeds,
    _DuplicateKey,
    _no_duplicates,
)
from ..problems import Location, Problem, problem

__all__ = ["EXCERPT_LENGTH", "Parsed", "RawRecord", "iter_parsed", "parse_strict"]

#: How many characters of a JSON Lines line a problem keeps to show people.
EXCERPT_LENGTH = 120
#: How many leading bytes are searched for NUL to call a file binary.
_BINARY_PROBE = 8192
_BOM = b"\xef\xbb\xbf"


@attrs.frozen
class RawRecord:
    """One record's JSON value as read, where it is, and (JSON Lines) its line for people."""

    #: The parsed JSON value (any JSON type: checks decide what is wrong with it).
    value: Any
    #: File, line (JSON Lines) and pointer of the value.
    location: Location
    #: The JSON Lines line, shortened; None in a JSON document.
    excerpt: str | None = None


class _Constant(ValueError):
    pass


def _no_constant(name: str) -> Any:
    raise _Constant(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _Constant(f"the number {text[:40]} is too large for a float")
    return value


_DECODER = json.JSONDecoder(
    object_pairs_hook=_no_duplicates, parse_constant=_no_constant, parse_float=_finite
)


def excerpt_of(text: str) -> str:
    """*text* without its line end, cut to :data:`EXCERPT_LENGTH` characters."""
    text = text.rstrip("\r\n")
    return text if len(text) <= EXCERPT_LENGTH else text[: EXCERPT_LENGTH - 1] + "…"


def parse_strict(text: str, location: Location) -> tuple[Any, Problem | None]:
    """Parse one JSON value strictly: the value, or a problem saying what is wrong.

    Strict as :func:`ddfacts.jsonio.parse_json`: no duplicate keys, no
    ``NaN``/``Infinity`` (nor numbers too large for a float), no nesting
    deeper than :data:`~ddfacts.jsonio.MAX_DEPTH`.  *location*'s line is the
    line the text starts on.
    """
    if text.count("[") + text.count("{") > MAX_DEPTH and _depth_exceeds(text, MAX_DEPTH):
        return None, problem(
            "json.depth",
            f"arrays and objects nest deeper than {MAX_DEPTH} levels; flatten the data",
            location,
        )
    try:
        return _DECODER.decode(text), None
    except json.JSONDecodeError as error:
        line = error.lineno if location.line is None else location.line + error.lineno - 1
        near = text[error.pos : error.pos + 20].split("\n", 1)[0].rstrip("\r")
        found = f"found {near!r}" if near else "found the end of the text"
        return None, problem(
            "json.syntax",
            f"invalid JSON: {error.msg.lower()}, {found}",
            attrs.evolve(location, line=line, column=error.colno),
        )
    except _DuplicateKey as error:
        return None, problem(
            "json.duplicate-key",
            f"the key {error.key!r} appears twice in one object, which makes the JSON "
            "ambiguous; keep one",
            location,
        )
    except _Constant as error:
        return None, problem("json.constant", f"{error}; JSON numbers must be finite", location)
    except RecursionError:
        return None, problem(
            "json.depth", f"arrays and objects nest deeper than {MAX_DEPTH} levels", location
        )
    except ValueError as error:  # e.g. an integer with more digits than Python converts
        return None, problem("json.syntax", f"invalid JSON: {error}", location)


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    return "a number"


def _envelope(document: Any, file: str | None) -> Iterator[RawRecord | Problem]:
    where = Location(file=file)
    expected = 'expected an object {"ddfacts": "1.0", "records": [...]}'
    if not isinstance(document, dict):
        yield problem(
            "file.not-fact-file", f"not a fact file: {expected}, got {_kind(document)}", where
        )
        return
    if "records" not in document:
        hint = "; a single record needs the envelope or a .jsonl file" if "type" in document else ""
        yield problem(
            "file.not-fact-file", f"not a fact file: {expected}, with no 'records'{hint}", where
        )
        return
    version = document.get("ddfacts")
    major = FORMAT_VERSION.split(".")[0]
    if not (
        isinstance(version, str)
        and version.startswith(major + ".")
        and version[len(major) + 1 :].isdigit()
        and version.isascii()
    ):
        got = "no 'ddfacts' member" if "ddfacts" not in document else f"{version!r}"
        yield problem(
            "file.version",
            f"unsupported fact-file format version: expected {FORMAT_VERSION!r}, got {got}",
            where.child("ddfacts") if "ddfacts" in document else where,
        )
    for key in document:
        if key not in ("ddfacts", "records") and not key.startswith("x-"):
            yield problem(
                "file.unknown-member",
                f"unknown member {key!r} in the fact file; expected only 'ddfacts', 'records' "
                "and extension members starting with 'x-'",
                where.child(key),
            )
    records = document["records"]
    if not isinstance(records, list):
        yield problem(
            "file.not-fact-file",
            f"'records' must be an array of records, got {_kind(records)}",
            where.child("records"),
        )
        return
    for index, value in enumerate(records):
        yield RawRecord(value, where.child("records", index))


def _document(data: bytes, file: str | None) -> Iterator[RawRecord | Problem]:
    where = Location(file=file)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        yield problem(
            "json.encoding",
            f"invalid UTF-8: byte {data[error.start]:#04x} at offset {error.start} cannot be "
            "decoded; fact files are UTF-8",
            attrs.evolve(where, line=line, column=column),
        )
        return
    if not text.strip():
        yield problem("file.empty", "the file is empty; expected a fact file", where)
        return
    document, bad = parse_strict(text, where)
    if bad is not None:
        yield bad
        return
    yield from _envelope(document, file)


#: A record read from input: its value, file, line (JSON Lines), pointer and
#: text (the JSON Lines line; None in a JSON document).
Parsed = tuple[Any, "str | None", "int | None", str, "str | None"]


def _parsed_lines(
    lines: Iterable[bytes | Problem], file: str | None, first: int = 1
) -> Iterator[Parsed | Problem]:
    """The records of JSON Lines as plain tuples (no Location until a problem needs one)."""
    decoder = _DECODER.decode
    for number, raw in enumerate(lines, start=first):
        if isinstance(raw, Problem):
            yield raw
            return
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            yield problem(
                "json.encoding",
                f"invalid UTF-8: byte {raw[error.start]:#04x} at column {error.start + 1} "
                "cannot be decoded; fact files are UTF-8",
                Location(file=file, line=number, column=error.start + 1),
            )
            continue
        body = text.rstrip("\r\n")
        # The common case first: a plain line that parses strictly.
        if body.count("[") + body.count("{") <= MAX_DEPTH:
            try:
                yield decoder(body), file, number, "", text
                continue
            except (ValueError, RecursionError):
                pass
        if not text.strip():
            continue
        value, bad = parse_strict(body, Location(file=file, line=number))
        if bad is not None:
            yield attrs.evolve(bad, excerpt=excerpt_of(text))
            continue
        yield value, file, number, "", text


def _lines(
    lines: Iterable[bytes | Problem], file: str | None, first: int = 1
) -> Iterator[RawRecord | Problem]:
    for item in _parsed_lines(lines, file, first):
        if isinstance(item, Problem):
            yield item
        else:
            value, name, number, _pointer, text = item
            assert text is not None
            yield RawRecord(value, Location(file=name, line=number), excerpt_of(text))


def _is_record_line(raw: bytes) -> bool:
    try:
        first = json.loads(raw.decode("utf-8"))
    except ValueError:
        return False
    return isinstance(first, dict) and "type" in first and "ddfacts" not in first


def _binary_lines(lines: Iterator[bytes], file: str | None) -> Iterator[bytes | Problem]:
    """The lines, stopping with a ``file.binary`` problem at the first NUL byte."""
    seen = 0
    for number, raw in enumerate(lines, start=1):
        if seen < _BINARY_PROBE and b"\x00" in raw:
            yield problem(
                "file.binary",
                "the file holds NUL bytes: it is binary, not a JSON fact file",
                Location(file=file, line=number),
            )
            return
        seen += len(raw)
        yield raw


def _from_lines(
    raw_lines: Iterable[bytes], file: str | None, jsonl: bool | None
) -> Iterator[Parsed | Problem]:
    """Validate-read a file given as byte lines; *jsonl* None means sniff the format."""
    lines = iter(raw_lines)
    buffered: list[bytes] = []
    for item in _binary_lines(lines, file):
        if isinstance(item, Problem):
            yield item
            return
        if not buffered and item.startswith(_BOM):
            yield problem(
                "json.bom",
                "the file starts with a UTF-8 byte-order mark; remove it (fact files are "
                "UTF-8 without one)",
                Location(file=file, line=1, column=1),
            )
            item = item[len(_BOM) :]
        buffered.append(item)
        if item.strip():
            break
    if not any(line.strip() for line in buffered):
        yield problem("file.empty", "the file is empty; expected a fact file", Location(file=file))
        return
    rest = _binary_lines(lines, file)
    if jsonl is None:
        jsonl = _is_record_line(buffered[-1])
    if jsonl:
        yield from _parsed_lines(chain(buffered, rest), file)
        return
    data = bytearray(b"".join(buffered))
    for item in rest:
        if isinstance(item, Problem):
            yield item
            return
        data.extend(item)
    for entry in _document(bytes(data), file):
        if isinstance(entry, Problem):
            yield entry
        else:
            where = entry.location
            yield entry.value, where.file, where.line, where.pointer, None


def _hint(name: str | None) -> bool | None:
    if name is not None and name.lower().endswith(JSONL_SUFFIXES):
        return True
    return None


def iter_parsed(source: str | os.PathLike[str] | IO[Any]) -> Iterator[Parsed | Problem]:
    """The raw records of one fact file and its reading problems, never raising.

    Records come as plain tuples (value, file, line, pointer, text): a missing
    file, bad bytes, invalid JSON or JSON that is not a fact file are problems.
    """
    if isinstance(source, (str, os.PathLike)):
        file = os.fspath(source)
        try:
            handle: IO[Any] = Path(source).open("rb")  # noqa: SIM115 - closed in finally
        except FileNotFoundError:
            yield problem("file.missing", "no such file", Location(file=file))
            return
        except OSError as error:
            yield problem(
                "file.unreadable", f"cannot read the file: {error.strerror}", Location(file=file)
            )
            return
    else:
        handle = source
        name = getattr(source, "name", None)
        file = name if isinstance(name, str) else "<stdin>"
    try:
        yield from _read_handle(handle, file)
    except OSError as error:
        yield problem(
            "file.unreadable",
            f"cannot read the file: {error.strerror or error}",
            Location(file=file),
        )
    finally:
        if handle is not source:
            handle.close()


def _read_handle(handle: IO[Any], file: str) -> Iterator[Parsed | Problem]:
    lines: Iterable[bytes] = (
        line.encode("utf-8", "surrogatepass") if isinstance(line, str) else line for line in handle
    )
    yield from _from_lines(lines, file, _hint(file))
