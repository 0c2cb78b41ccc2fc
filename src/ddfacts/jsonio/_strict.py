"""The one strict JSON parser of fact files, and what it says about bad input.

Strict means: no duplicate keys in an object, no ``NaN``/``Infinity``, no
nesting deeper than :data:`~ddfacts.limits.MAX_DEPTH`, no number literal
longer than :data:`~ddfacts.limits.MAX_NUMBER_CHARS`, no lone UTF-16
surrogate (``"\\ud800"``) in a string or key, UTF-8 without a byte-order
mark; validation also refuses numbers too large for a float (``finite``).
Every command reads JSON through :func:`parse` (or :func:`decoder`, its
fast path, and :func:`sniff`), so none of these inputs reaches ``json``'s
recursion or a writer that cannot encode it.

Bad input is a :class:`Fault`: both the located :class:`~ddfacts.problems.Problem`
that :func:`ddfacts.validate` reports and the :class:`~ddfacts.errors.LoadError`
that :func:`ddfacts.load` raises.  Each fault is made in one function below,
which words it twice: validate explains (what was found, what to do), load
names the fault in the terse words it has always used.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import attrs

from ..errors import LoadError
from ..limits import MAX_DEPTH, MAX_NUMBER_CHARS
from ..problems import Location, Problem, problem
from ._scan import (
    LongNumber,
    depth_of,
    first_bad,
    lone_surrogate,
    long_float,
    long_int,
    marked_float,
    marked_int,
    may_hold_surrogate,
)

__all__ = [
    "EXCERPT_LENGTH",
    "MAX_DEPTH",
    "Fault",
    "decode_bytes",
    "decode_document",
    "decoder",
    "excerpt_of",
    "parse",
    "parse_json",
    "sniff",
]

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


class _Careful(ValueError):
    """The fast path declines: the text needs :func:`parse`'s checks."""


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


def _finite(read: Callable[[str], Any]) -> Callable[[str], Any]:
    def finite(text: str) -> Any:
        value = read(text)
        if value in (float("inf"), float("-inf")):
            raise _Constant(f"the number {text[:40]} is too large for a float")
        return value

    return finite


def _decoder(finite: bool, *, mark: bool) -> json.JSONDecoder:
    """A strict decoder; *finite* refuses floats beyond float range, *mark* keeps long
    number literals as :class:`~ddfacts.jsonio._scan.Marked` instead of raising."""
    read_float: Callable[[str], Any] = marked_float if mark else long_float
    return json.JSONDecoder(
        object_pairs_hook=_no_duplicates,
        parse_constant=_no_constant,
        parse_float=_finite(read_float) if finite else read_float,
        parse_int=marked_int if mark else long_int,
    )


#: The decoders, by (finite, mark): as load reads (a huge float becomes
#: infinity) and as validation does, each raising on or marking long numbers.
_DECODERS = {
    (finite, mark): _decoder(finite, mark=mark)
    for finite in (False, True)
    for mark in (False, True)
}
#: What :func:`sniff` reads with: any JSON, long numbers marked, nothing refused.
_LENIENT = json.JSONDecoder(parse_int=marked_int, parse_float=marked_float)


def _brackets(text: str) -> int:
    return text.count("[") + text.count("{")


def decoder(*, finite: bool) -> Callable[[str], Any]:
    """The strict parser's fast path, for one JSON Lines line.

    It returns the value, or raises :class:`ValueError` (or
    :class:`RecursionError`, never in practice) whenever the text is bad or
    merely needs the slower checks; :func:`parse` then says what is wrong.
    """
    decode = _DECODERS[finite, False].decode

    def fast(text: str) -> Any:
        if _brackets(text) > MAX_DEPTH or may_hold_surrogate(text):
            raise _Careful(text[:20])
        return decode(text)

    return fast


def sniff(text: str) -> Any:
    """The JSON value of *text* if it is one, else None; refuses nothing else, never raises.

    Nesting is measured first, so no text makes the decoder recurse past
    :data:`~ddfacts.limits.MAX_DEPTH`.
    """
    if _brackets(text) > MAX_DEPTH and depth_of(text) > MAX_DEPTH:
        return None
    try:
        return _LENIENT.decode(text)
    except (ValueError, RecursionError):
        return None


def _decode(text: str, finite: bool) -> tuple[Any, bool]:
    """The value of *text*, and whether it may hold a lone surrogate or a marked number."""
    try:
        value = _DECODERS[finite, False].decode(text)
    except LongNumber:
        return _DECODERS[finite, True].decode(text), True
    return value, may_hold_surrogate(text)


def parse(text: str, where: Location, *, finite: bool) -> Any:
    """Parse one JSON value strictly; raise a :class:`Fault` saying what is wrong.

    *where*'s line is the line the text starts on (JSON Lines), or None.
    """
    line = where.line
    if _brackets(text) > MAX_DEPTH and depth_of(text) > MAX_DEPTH:
        raise _too_deep(where)
    try:
        value, suspect = _decode(text, finite)
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
    except RecursionError:  # not reached: the depth is measured first
        raise _too_deep(where) from None
    except ValueError as error:
        raise fault(
            "json.syntax", f"invalid JSON: {error}", where, f"invalid JSON: {error}", line=line
        ) from None
    found = first_bad(value) if suspect else None
    if found is not None:
        raise _bad_value(found, where)
    return value


def _too_deep(where: Location) -> Fault:
    return fault(
        "json.depth",
        f"arrays and objects nest deeper than {MAX_DEPTH} levels; flatten the data",
        where,
        f"JSON nests deeper than {MAX_DEPTH} levels",
        line=where.line,
    )


def _bad_value(found: tuple[str, str, str], where: Location) -> Fault:
    """The fault of a lone surrogate or a too-long number at *found*'s pointer."""
    pointer, kind, what = found
    at = attrs.evolve(where, pointer=where.pointer + pointer)
    if kind == "number":
        shown = what if len(what) <= 20 else what[:20] + "…"
        return fault(
            "json.number",
            f"the number {shown} has {len(what)} characters, more than {MAX_NUMBER_CHARS}; "
            "no fact needs so many digits",
            at,
            f"a number literal of {len(what)} characters (at most {MAX_NUMBER_CHARS})",
            line=where.line,
            pointer=at.pointer,
        )
    escape = lone_surrogate(what)
    holder = "a key of this object" if kind == "key" else "the string"
    return fault(
        "json.surrogate",
        f"{holder} holds the lone UTF-16 surrogate {escape}, which is not a character "
        "and cannot be written as UTF-8; fix the escape (a pair such as \\ud83d\\ude00 "
        "is one character)",
        at,
        f"lone UTF-16 surrogate {escape} in {'a key' if kind == 'key' else 'a string'}",
        line=where.line,
        pointer=at.pointer,
    )


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


def decode_document(data: bytes | bytearray, file: str | None) -> str:
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
