"""Problems are values: what validation and checks find, located and explained.

A :class:`Problem` has a stable ``code`` (``area.rule``, e.g.
``anchor.mismatch``), a :class:`Severity`, a :class:`Location` (file, line,
column, JSON pointer) and one sentence a person understands.  A
:class:`Report` keeps every problem of a run in a stable order.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Iterable, Iterator
from sys import intern
from typing import Any

import attrs

from ..records._fields import to_tuple

__all__ = [
    "Location",
    "Problem",
    "Report",
    "Severity",
    "escape_pointer",
    "json_chunks",
    "pointer_of",
    "sort_bytes",
]


class Severity(str, enum.Enum):
    """How bad a problem is: errors fail validation, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


def escape_pointer(token: str | int) -> str:
    """One JSON Pointer reference token, escaped (RFC 6901)."""
    return str(token).replace("~", "~0").replace("/", "~1")


def pointer_of(tokens: Iterable[str | int]) -> str:
    """The JSON Pointer of a path of keys and indexes (``""`` for the whole document)."""
    return "".join("/" + escape_pointer(token) for token in tokens)


@attrs.frozen(kw_only=True, order=False)
class Location:
    """Where a problem is: a file, a line and column, and a JSON pointer.

    ``line`` is the line of a JSON Lines record (or of a syntax error);
    ``pointer`` is always given, relative to the document (JSON) or to the
    line's record (JSON Lines).
    """

    #: The file's name, or None for an in-memory value.
    file: str | None = None
    #: 1-based line, or None.
    line: int | None = None
    #: 1-based column (JSON syntax errors), or None.
    column: int | None = None
    #: JSON Pointer of the offending value; ``""`` is the whole document or record.
    pointer: str = ""

    def child(self, *tokens: str | int) -> Location:
        """This location, deeper by *tokens*."""
        # Hot in validation (every reference of every record): no attrs.evolve,
        # and escaping only for the rare token holding "~" or "/".
        pointer = self.pointer
        for token in tokens:
            text = token if type(token) is str else str(token)
            if "~" in text or "/" in text:
                text = escape_pointer(text)
            pointer += "/" + text
        # Pointers repeat from record to record ("/evidence/0"): share them.
        return Location(file=self.file, line=self.line, column=self.column, pointer=intern(pointer))

    def __str__(self) -> str:
        where = self.file or "<input>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.pointer or '/'}"

    def sort_key(self) -> tuple[str, int, int, tuple[tuple[int, int, str], ...]]:
        """File, line, column, pointer: the order problems are reported in.

        Array indexes in the pointer compare as numbers, so ``/records/10``
        comes after ``/records/9`` (file order).
        """
        tokens = tuple(
            (0, int(token), "") if token.isascii() and token.isdigit() else (1, 0, token)
            for token in self.pointer.split("/")[1:]
        )
        return (self.file or "", self.line or 0, self.column or 0, tokens)

    def sort_bytes(self) -> bytes:
        """:meth:`sort_key` as bytes that compare (byte by byte) as the keys compare.

        What a store sorting on disk (SQLite's ``ORDER BY`` on a BLOB) needs
        to give problems in report order: each part is encoded so that no
        encoding is a prefix of another and byte order is the key's order.
        """
        parts = [_str_bytes(self.file or ""), _int_bytes(self.line or 0)]
        parts.append(_int_bytes(self.column or 0))
        for token in self.pointer.split("/")[1:]:
            if token.isascii() and token.isdigit():
                parts.append(b"\x01\x00" + _int_bytes(int(token)))
            else:
                parts.append(b"\x01\x01" + _str_bytes(token))
        parts.append(b"\x00")
        return b"".join(parts)


def _str_bytes(text: str) -> bytes:
    """*text* in code point order: UTF-8 (surrogates too), NUL escaped, ended by two NULs."""
    return text.encode("utf-8", "surrogatepass").replace(b"\x00", b"\x00\xff") + b"\x00\x00"


def _int_bytes(number: int) -> bytes:
    """*number* in numeric order: sign, length (4 bytes) and magnitude, big-endian."""
    size = (abs(number).bit_length() + 7) // 8
    body = size.to_bytes(4, "big") + abs(number).to_bytes(size, "big")
    if number >= 0:
        return b"\x01" + body
    return b"\x00" + bytes(255 - byte for byte in body)


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with the input, located and explained in one sentence.

    .. versionadded:: 0.1.0
    """

    #: Stable code, ``area.rule`` (see the problem-code table in the docs).
    code: str = attrs.field(validator=attrs.validators.instance_of(str))
    #: Whether it fails validation.
    severity: Severity = attrs.field(converter=Severity)
    #: One sentence naming the offending value and what was expected.
    message: str = attrs.field(validator=attrs.validators.instance_of(str))
    #: Where it is.
    location: Location = attrs.field(factory=Location)
    #: Ids of every record involved (for cross-record problems such as contradictions).
    records: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    #: Sub-problems, e.g. each alternative that failed in an either/or rule.
    context: tuple[Problem, ...] = attrs.field(default=(), converter=to_tuple)
    #: The offending input line (JSON Lines), shortened, for people; not part of the JSON form.
    excerpt: str | None = attrs.field(default=None, eq=False)

    @property
    def is_error(self) -> bool:
        """Whether the severity is error."""
        return self.severity is Severity.ERROR

    def to_json(self) -> dict[str, Any]:
        """The problem as a JSON object: code, severity, file, line, column, pointer, message."""
        out: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity.value,
            "file": self.location.file,
            "line": self.location.line,
            "column": self.location.column,
            "pointer": self.location.pointer,
            "message": self.message,
        }
        if self.records:
            out["records"] = list(self.records)
        if self.context:
            out["context"] = [problem.to_json() for problem in self.context]
        return out

    def __str__(self) -> str:
        return f"{self.location}: {self.message} [{self.code}]"


def _relevance(problem: Problem) -> tuple[int, int, int]:
    """Errors before warnings, shallow pointers before deep ones, fewer alternatives first."""
    depth = problem.location.pointer.count("/")
    return (0 if problem.is_error else 1, depth, len(problem.context))


def _sorted_problems(items: Iterable[Problem]) -> tuple[Problem, ...]:
    return tuple(sorted(items, key=lambda p: (*p.location.sort_key(), p.code)))


def sort_bytes(problem: Problem) -> bytes:
    """Where *problem* stands in a :class:`Report`, as bytes that sort as the report does.

    Problems sorted on these bytes (stably) come in the report's order, so
    a store can sort them on disk (see :func:`ddfacts.check.stream`).
    """
    return problem.location.sort_bytes() + _str_bytes(problem.code)


def json_chunks(problems: Iterable[Problem]) -> Iterator[str]:
    """:meth:`Report.render_json` of *problems* (in report order), one problem at a time."""
    first = True
    for problem in problems:
        body = json.dumps(problem.to_json(), ensure_ascii=False, indent=2)
        # JSON text holds no raw newline inside a string: indenting lines is safe.
        yield ("[\n  " if first else ",\n  ") + body.replace("\n", "\n  ")
        first = False
    yield "[]\n" if first else "\n]\n"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' * (number != 1)}"


@attrs.frozen
class Report:
    """Every problem of a run, in a stable order (file, line, pointer, code).

    Iterable over :class:`Problem`; ``ok`` when there is no error.

    .. versionadded:: 0.1.0
    """

    #: The problems, sorted by file, line, column, pointer and code.
    problems: tuple[Problem, ...] = attrs.field(converter=_sorted_problems)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.problems)

    def __len__(self) -> int:
        return len(self.problems)

    def __bool__(self) -> bool:
        return bool(self.problems)

    @property
    def ok(self) -> bool:
        """Whether no problem is an error."""
        return not any(problem.is_error for problem in self.problems)

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems of severity error."""
        return tuple(problem for problem in self.problems if problem.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The problems of severity warning."""
        return tuple(problem for problem in self.problems if not problem.is_error)

    def codes(self) -> list[str]:
        """The codes of every problem, in report order."""
        return [problem.code for problem in self.problems]

    def best(self, relevance: Callable[[Problem], Any] = _relevance) -> Problem | None:
        """The most relevant problem (errors first, then the shallowest), or None."""
        return min(self.problems, key=relevance, default=None)

    def merge(self, other: Iterable[Problem]) -> Report:
        """A report holding these problems and *other*."""
        return Report((*self.problems, *other))

    def to_json(self) -> list[dict[str, Any]]:
        """The problems as a JSON array."""
        return [problem.to_json() for problem in self.problems]

    def render_json(self) -> str:
        """The problems as JSON text (an array), with a newline at the end."""
        return "".join(json_chunks(self.problems))

    def render_text(self) -> str:
        """The problems for people: one line each, ``file:line: pointer: message [code]``."""
        lines = [f"{problem.severity.value}: {problem}" for problem in self.problems]
        errors, warnings = len(self.errors), len(self.warnings)
        lines.append(
            f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
        )
        return "\n".join(lines) + "\n"
