"""The one strict JSON parser of fact files, and what it says about bad input.

Strict means: no duplicate keys in an object, no ``NaN``/``Infinity``, no
nesting deeper than :data:`MAX_DEPTH`, UTF-8 without a byte-order mark;
validation also refuses numbers too large for a float (``finite``).

Bad input is a :class:`Fault`: both the located :class:`~ddfacts.problems.Problem`
that :func:`ddfacts.validate` reports and the :class:`~ddfacts.errors.LoadError`
that :func:`ddfacts.load` raises.  Each fault is made in one function below,
which words it twice: validate explains (what was found, what to do), load
names the fault in the terse words it has always used.
"""

from __future__ import annotations

import json
from typing import Any

import attrs

from ..errors import LoadError
from ..problems import Location, Problem, problem

__all__ = [
    "EXCERPT_LENGTH",
    "MAX_DEPTH",
    "Fault",
    "decode_bytes",
    "decode_document",
    "excerpt_of",
    "parse",
    "parse_json",
]

#: Deepest nesting of arrays and objects accepted in a fact file.
MAX_DEPTH = 64
#: How many characters of a JSON Lines line a problem keeps to show people.
EXCERPT_LENGTH = 120


class Fault(Exception):
    """Input that cannot be read: the problem validate reports, the error load raises."""

    def __init__(self, found: Problem, error: LoadError) -> None:
        super().__init__(found.message)
        #: The located problem, as :func:`ddfacts.validate` reports it.
        self.problem = found
        #: The exception :func:`ddfacts.load` raises.
        self.error = error


def fault(code: str, message: str, where: Location, brief: str, **load_at: Any) -> Fault:
    """A fault with validate's *message* at *where* and load's *brief* at *load_at*.

    *load_at* holds the LoadError's ``line``, ``column`` and ``pointer``
    (by default: none); its file is *where*'s.
    """
    return Fault(problem(code, message, where), LoadError(brief, file=where.file, **load_at))


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(key)


class _Constant(ValueError):
    pass


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
    raise _Constant(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _Constant(f"the number {text[:40]} is too large for a float")
    return value


#: The decoders: as load reads (a huge number becomes infinity) and as validation does.
_DECODERS = {
    False: json.JSONDecoder(object_pairs_hook=_no_duplicates, parse_constant=_no_constant),
    True: json.JSONDecoder(
        object_pairs_hook=_no_duplicates, parse_constant=_no_constant, parse_float=_finite
    ),
}


def decoder(*, finite: bool) -> Any:
    """The strict decoder's ``decode``: the fast path, for text that nests at most MAX_DEPTH.

    It raises what :func:`json.JSONDecoder.decode` raises; :func:`parse` says why.
    """
    return _DECODERS[finite].decode


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


def parse(text: str, where: Location, *, finite: bool) -> Any:
    """Parse one JSON value strictly; raise a :class:`Fault` saying what is wrong.

    *where*'s line is the line the text starts on (JSON Lines), or None.
    """
    line = where.line
    if text.count("[") + text.count("{") > MAX_DEPTH and _depth_exceeds(text, MAX_DEPTH):
        raise fault(
            "json.depth",
            f"arrays and objects nest deeper than {MAX_DEPTH} levels; flatten the data",
            where,
            f"JSON nests deeper than {MAX_DEPTH} levels",
            line=line,
        )
    try:
        return _DECODERS[finite].decode(text)
    except json.JSONDecodeError as error:
        raise _syntax(error, text, where) from None
    except _DuplicateKey as error:
        raise fault(
            "json.duplicate-key",
            f"the key {error.key!r} appears twice in one object, which makes the JSON "
            "ambiguous; keep one",
            where,
            f"duplicate key {error.key!r} in one object (ambiguous JSON)",
            line=line,
        ) from None
    except _Constant as error:
        raise fault(
            "json.constant",
            f"{error}; JSON numbers must be finite",
            where,
            f"invalid JSON: {error}",
            line=line,
        ) from None
    except RecursionError:
        raise fault(
            "json.depth",
            f"arrays and objects nest deeper than {MAX_DEPTH} levels",
            where,
            "JSON nests too deeply",
            line=line,
        ) from None
    except ValueError as error:  # e.g. an integer with more digits than Python converts
        raise fault(
            "json.syntax", f"invalid JSON: {error}", where, f"invalid JSON: {error}", line=line
        ) from None


def _syntax(error: json.JSONDecodeError, text: str, where: Location) -> Fault:
    line = error.lineno if where.line is None else where.line + error.lineno - 1
    near = text[error.pos : error.pos + 20].split("\n", 1)[0].rstrip("\r")
    found = f"found {near!r}" if near else "found the end of the text"
    return fault(
        "json.syntax",
        f"invalid JSON: {error.msg.lower()}, {found}",
        attrs.evolve(where, line=line, column=error.colno),
        f"invalid JSON: {error.msg}",
        line=line,
        column=error.colno,
    )


def parse_json(text: str, *, file: str | None = None, line: int | None = None) -> Any:
    """Parse one JSON value strictly, raising :class:`LoadError` with its location.

    Strict means: no duplicate keys in an object, no ``NaN``/``Infinity``, no
    nesting deeper than :data:`MAX_DEPTH`.  *line* is the line the text starts
    on (for JSON Lines); syntax errors report line and column.
    """
    try:
        return parse(text, Location(file=file, line=line), finite=False)
    except Fault as bad:
        raise bad.error from None


def bom(file: str | None) -> Fault:
    """The fault of a file starting with a UTF-8 byte-order mark."""
    return fault(
        "json.bom",
        "the file starts with a UTF-8 byte-order mark; remove it (fact files are "
        "UTF-8 without one)",
        Location(file=file, line=1, column=1),
        "the file starts with a UTF-8 byte-order mark; remove it",
    )


def decode_document(data: bytes, file: str | None) -> str:
    """A whole file's bytes as text; raise a :class:`Fault` at the first invalid UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise fault(
            "json.encoding",
            f"invalid UTF-8: byte {data[error.start]:#04x} at offset {error.start} cannot be "
            "decoded; fact files are UTF-8",
            Location(file=file, line=line, column=column),
            f"invalid UTF-8 at byte {error.start}",
            line=line,
        ) from None


def decode_line(raw: bytes, file: str | None, number: int) -> str:
    """One JSON Lines line's bytes as text; raise a :class:`Fault` if they are not UTF-8."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise fault(
            "json.encoding",
            f"invalid UTF-8: byte {raw[error.start]:#04x} at column {error.start + 1} "
            "cannot be decoded; fact files are UTF-8",
            Location(file=file, line=number, column=error.start + 1),
            f"invalid UTF-8 at byte {error.start} of the line",
            line=number,
        ) from None


def decode_bytes(data: bytes, *, file: str | None = None) -> str:
    """A JSON file's bytes as text (UTF-8, no byte-order mark), or raise :class:`LoadError`."""
    try:
        if data.startswith(b"\xef\xbb\xbf"):
            raise bom(file)
        return decode_document(data, file)
    except Fault as bad:
        raise bad.error from None


def excerpt_of(text: str) -> str:
    """*text* without its line end, cut to :data:`EXCERPT_LENGTH` characters."""
    text = text.rstrip("\r\n")
    return text if len(text) <= EXCERPT_LENGTH else text[: EXCERPT_LENGTH - 1] + "…"
