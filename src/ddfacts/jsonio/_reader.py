"""The one reader of fact files: each record's raw JSON value and where it is, or faults.

Every caller reads through :func:`read`: :func:`ddfacts.load` and
:func:`ddfacts.iter_records` (which raise the first fault as a
:class:`~ddfacts.errors.LoadError`), validation (which reports every fault
as a problem and reads on where it can) and ``ddfacts check`` (records with
their lines).  A :class:`Policy` says which.

A file is JSON Lines when its name ends in ``.jsonl`` or ``.ndjson``, or
when its first non-blank line is a whole record (an object with ``"type"``);
JSON Lines are read line by line in constant memory, and a JSON document is
read whole.  Strict parsing and the wording of faults are in
:mod:`ddfacts.jsonio._strict`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import IO, Any, NamedTuple, NoReturn

import attrs

from ..problems import Location, Problem
from ._bounded import byte_lines, line_too_long, read_rest
from ._strict import (
    MAX_DEPTH,
    Fault,
    bom,
    decode_document,
    decode_line,
    decoder,
    excerpt_of,
    fault,
    parse,
    sniff,
)

__all__ = [
    "BINARY_PROBE",
    "BOM",
    "FORMAT_VERSION",
    "JSONL_SUFFIXES",
    "LOAD",
    "VALIDATE",
    "Parsed",
    "Policy",
    "is_jsonl_name",
    "parsed_lines",
    "read",
]

#: The fact-file format version written in the ``ddfacts`` member.
FORMAT_VERSION = "1.1"
#: File suffixes read as JSON Lines.
JSONL_SUFFIXES = (".jsonl", ".ndjson")
#: How many leading bytes are searched for NUL to call a file binary.
BINARY_PROBE = 8192
#: The UTF-8 byte-order mark, which fact files must not start with.
BOM = b"\xef\xbb\xbf"


class Parsed(NamedTuple):
    """One record's raw JSON value as read, and where it is."""

    #: The parsed JSON value (any JSON type: checks decide what is wrong with it).
    value: Any
    #: The file's name, as reports give it.
    file: str | None
    #: The line of a JSON Lines record; None in a JSON document.
    line: int | None
    #: The record's JSON pointer in a document (``/records/<n>``); ``""`` on a line.
    pointer: str
    #: The JSON Lines line as read; None in a JSON document.
    text: str | None


def _report(bad: Fault) -> Problem:
    return bad.problem


def _raise(bad: Fault) -> NoReturn:
    raise bad.error


@attrs.frozen
class Policy:
    """How a caller reads: what it accepts, and what a fault becomes."""

    #: Refuse numbers too large for a float (else they read as infinity).
    finite: bool
    #: Accept only versions ``1.<digits>`` (else any ``1`` or ``1.…``).
    exact_version: bool
    #: A file named as JSON Lines with no line in it holds no records (else: ``file.empty``).
    empty_lines: bool
    #: What a fault becomes in the stream (a problem), or raises.
    fault: Callable[[Fault], Problem]


#: How validation reads: every fault a problem, reading on where it can.
VALIDATE = Policy(finite=True, exact_version=True, empty_lines=False, fault=_report)
#: How load reads: the first fault raised as a LoadError.  It accepts what
#: validation accepts: a number no float holds is refused, not read as
#: infinity (which no JSON can write back), and the version is ``1.<digits>``,
#: as the schema says, not any ``1…``.
LOAD = Policy(finite=True, exact_version=True, empty_lines=True, fault=_raise)


def is_jsonl_name(name: str | None) -> bool:
    """Whether a file of this name is read as JSON Lines whatever it holds."""
    return name is not None and name.lower().endswith(JSONL_SUFFIXES)


def read(
    source: str | os.PathLike[str] | IO[Any], policy: Policy, *, name: str | None = None
) -> Iterator[Parsed | Problem]:
    """The raw records of one fact file (a path or an open file), in order, with its faults.

    *name* names an open file in locations.  What a fault becomes is the
    *policy*'s: a problem in the stream, or an exception.
    """
    if isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        try:
            handle: IO[Any] = Path(source).open("rb")  # noqa: SIM115 - closed in finally
        except OSError as error:
            yield policy.fault(_unreadable(name, error, opening=True))
            return
    else:
        handle = source
    try:
        yield from _read_handle(handle, name, policy)
    except (OSError, UnicodeDecodeError) as error:  # a text handle may fail to decode
        yield policy.fault(_unreadable(name, error))
    finally:
        if handle is not source:
            handle.close()


def _unreadable(name: str | None, error: Exception, *, opening: bool = False) -> Fault:
    reason = getattr(error, "strerror", None) or error
    where = Location(file=name)
    if opening and isinstance(error, FileNotFoundError):
        return fault("file.missing", "no such file", where, f"cannot read the file: {reason}")
    text = f"cannot read the file: {reason}"
    return fault("file.unreadable", text, where, text)


def _probe(lines: Iterator[bytes], file: str | None, *, head: bool = False) -> list[bytes | Fault]:
    """Lines read off *lines*, those starting in the first :data:`BINARY_PROBE` bytes checked.

    A NUL byte ends them with a ``file.binary`` fault.  With *head*, they are
    the leading blank lines and the first other one, and a byte-order mark
    starting the first is a fault before it; else every line the probe sees.
    """
    taken: list[bytes | Fault] = []
    seen = 0
    for number, raw in enumerate(lines, start=1):
        if seen < BINARY_PROBE and b"\x00" in raw:
            taken.append(_binary(file, number))
            break
        seen += len(raw)
        if head and number == 1 and raw.startswith(BOM):
            taken.append(bom(file))
            raw = raw[len(BOM) :]
        taken.append(raw)
        if raw.strip() if head else seen >= BINARY_PROBE:
            break
    return taken


def _binary(file: str | None, line: int) -> Fault:
    text = "the file holds NUL bytes: it is binary, not a JSON fact file"
    return fault("file.binary", text, Location(file=file, line=line), text, line=line)


def _read_handle(handle: IO[Any], file: str | None, policy: Policy) -> Iterator[Parsed | Problem]:
    lines = byte_lines(handle)
    head: list[bytes] = []
    for item in _probe(lines, file, head=True):
        if isinstance(item, bytes):
            head.append(item)
            continue
        yield policy.fault(item)
        if item.problem.code == "file.binary":
            return
    if not any(line.strip() for line in head):
        if not (policy.empty_lines and is_jsonl_name(file)):
            yield policy.fault(_empty(file))
        return
    # The NUL probe starts again after the head, counting lines from 1 as it
    # always has (validate's reports say so; see file-binary.facts.json).
    if is_jsonl_name(file) or _is_record_line(head[-1]):
        probed = _probe(lines, file)
        stopped = bool(probed) and isinstance(probed[-1], Fault)
        yield from parsed_lines(chain(head, probed, () if stopped else lines), file, policy=policy)
        return
    try:
        data = read_rest(handle, head, file)
    except Fault as bad:
        yield policy.fault(bad)
        return
    at = _nul_line(data, sum(map(len, head)))
    if at is not None:
        yield policy.fault(_binary(file, at))
        return
    try:
        text = decode_document(data, file)
        if not text.strip():  # Unicode white space too, such as U+001C
            raise _empty(file)
        document = parse(text, Location(file=file), finite=policy.finite)
    except Fault as bad:
        yield policy.fault(bad)
        return
    yield from _records_of(document, file, policy)


def _empty(file: str | None) -> Fault:
    text = "the file is empty; expected a fact file"
    return fault("file.empty", text, Location(file=file), text)


def _nul_line(data: bytes | bytearray, start: int) -> int | None:
    """What :func:`_probe` finds in ``data[start:]`` read as lines: the NUL's line, or None."""
    at = data.find(b"\x00", start)
    if at < 0:
        return None
    line_start = data.rfind(b"\n", start, at) + 1 or start
    if line_start - start >= BINARY_PROBE:
        return None
    return data.count(b"\n", start, at) + 1


def _is_record_line(raw: bytes) -> bool:
    try:
        first = sniff(raw.decode("utf-8"))
    except ValueError:
        return False
    return isinstance(first, dict) and "type" in first and "ddfacts" not in first


def parsed_lines(
    lines: Iterable[bytes | Fault], file: str | None, first: int = 1, *, policy: Policy = VALIDATE
) -> Iterator[Parsed | Problem]:
    """The records of JSON Lines (*first* is the first line's number); blank lines skipped."""
    decode = decoder(finite=policy.finite)
    make = tuple.__new__  # Parsed(...) without the Python-level __new__: this loop is hot
    for number, raw in enumerate(lines, start=first):
        if not isinstance(raw, Fault):
            raw = line_too_long(raw, file, number) or raw
        if isinstance(raw, Fault):
            yield policy.fault(raw)
            return
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            try:
                decode_line(raw, file, number)
            except Fault as bad:
                yield policy.fault(bad)
            continue
        body = text.rstrip("\r\n")
        # The common case first: a plain line that parses strictly.
        if body.count("[") + body.count("{") <= MAX_DEPTH:
            try:
                yield make(Parsed, (decode(body), file, number, "", text))
                continue
            except (ValueError, RecursionError):
                pass
        if not text.strip():
            continue
        try:
            value = parse(body, Location(file=file, line=number), finite=policy.finite)
        except Fault as bad:
            bad.problem = attrs.evolve(bad.problem, excerpt=excerpt_of(text))
            yield policy.fault(bad)
            continue
        yield Parsed(value, file, number, "", text)


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


_EXPECTED = 'expected an object {"ddfacts": "1.0", "records": [...]}'


def _version_ok(version: Any, exact: bool) -> bool:
    major = FORMAT_VERSION.split(".")[0]
    if not isinstance(version, str):
        return False
    if not exact:
        return version.split(".")[0] == major
    minor = version[len(major) + 1 :]
    return version.startswith(major + ".") and minor.isdigit() and version.isascii()


def _records_of(document: Any, file: str | None, policy: Policy) -> Iterator[Parsed | Problem]:
    """The records of a parsed JSON document, after its envelope's faults."""
    for bad in _envelope(document, Location(file=file), policy.exact_version):
        yield policy.fault(bad)
    records = document.get("records") if isinstance(document, dict) else None
    if not isinstance(records, list):
        return
    make = tuple.__new__  # Parsed(...) without the Python-level __new__: this loop is hot
    for index, value in enumerate(records):
        yield make(Parsed, (value, file, None, f"/records/{index}", None))


def _envelope(document: Any, where: Location, exact_version: bool) -> Iterator[Fault]:
    """What is wrong with a document as a fact file's envelope, in order."""
    if not isinstance(document, dict) or "records" not in document:
        if not isinstance(document, dict):
            detail = f"got {_kind(document)}"
        else:
            hint = "; a single record needs the envelope or a .jsonl file"
            detail = f"with no 'records'{hint if 'type' in document else ''}"
        message = f"not a fact file: {_EXPECTED}, {detail}"
        yield fault("file.not-fact-file", message, where, f"not a fact file: {_EXPECTED}")
        return
    version = document.get("ddfacts")
    if not _version_ok(version, exact_version):
        got = "no 'ddfacts' member" if "ddfacts" not in document else f"{version!r}"
        yield fault(
            "file.version",
            f"unsupported fact-file format version: expected {FORMAT_VERSION!r}, got {got}",
            where.child("ddfacts") if "ddfacts" in document else where,
            f"unsupported format version {version!r}; expected {FORMAT_VERSION!r}",
            pointer="/ddfacts",
        )
    for key in document:
        if key not in ("ddfacts", "records") and not key.startswith("x-"):
            yield fault(
                "file.unknown-member",
                f"unknown member {key!r} in the fact file; expected only 'ddfacts', "
                "'records' and extension members starting with 'x-'",
                where.child(key),
                f"unknown member {key!r} in the fact file",
            )
    records = document["records"]
    if not isinstance(records, list):
        yield fault(
            "file.not-fact-file",
            f"'records' must be an array of records, got {_kind(records)}",
            where.child("records"),
            "'records' must be an array",
            pointer="/records",
        )
