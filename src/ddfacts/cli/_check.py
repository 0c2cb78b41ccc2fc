"""``ddfacts check``: what the facts say against themselves (contradictions, support, roles).

Problems are located in the file each record came from: the JSON pointer
``/records/<n>/…`` of a document, or the line of a JSON Lines file.  Exit 0
when no problem is an error (contradictions between sources are warnings:
see :mod:`ddfacts.check`), 1 when one is (with ``--strict``, when there is
any problem), 2 for a usage error or unreadable input.

JSON Lines files are streamed: records go one by one through
:class:`ddfacts.check.CheckRun`, which keeps what the rules need, never the
records; JSON documents are loaded whole, as they are read whole anyway.
The report is the one :func:`ddfacts.check` gives on all the files loaded
into one FactSet.
"""

from __future__ import annotations

import argparse
import re
import sys
from array import array
from bisect import bisect_right
from collections.abc import Iterator
from pathlib import Path

import attrs

from ..check._run import CheckRun
from ..errors import DuplicateIdError, LoadError
from ..jsonio._fast._load import Warming
from ..jsonio._files import (
    _is_jsonl_name,
    _iter_binary_lines,
    _looks_like_document,
    from_json,
    load,
    parse_json,
)
from ..problems import Location, Problem, Report
from ..records import Record
from ..textstore import TextStore
from ..vocabulary import VocabularyError, load_vocabulary
from ._base import EXIT_OK, EXIT_PROBLEMS, CommandError, arguments, expand_paths, register
from ._reporters import REPORTERS

_POINTER = re.compile(r"^/records/(\d+)(.*)$")


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="FACTS", help="fact files or folders")
    parser.add_argument(
        "--texts", metavar="DIR", help="folder of source texts: also check evidence positions"
    )
    parser.add_argument(
        "--vocab",
        metavar="FILE",
        action="append",
        default=[],
        help="extra vocabulary file (repeatable), merged over the shipped one",
    )
    parser.add_argument("--strict", action="store_true", help="warnings also make exit code 1")
    parser.add_argument("--format", choices=tuple(REPORTERS), default="text")


class _Origins:
    """Where each record of a run came from, by its ordinal, in a few bytes a record.

    Files go in runs of ordinals; lines (JSON Lines) in an array, -1 for none.
    """

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._files: list[str] = []
        self._lines = array("q")

    def file(self, start: int, name: str) -> None:
        """Records from ordinal *start* on come from *name*."""
        self._starts.append(start)
        self._files.append(name)

    def add(self, line: int | None) -> None:
        """The next record's line (None in a JSON document)."""
        self._lines.append(-1 if line is None else line)

    def relocate(self, problem: Problem) -> Problem:
        """*problem* located in its file: the line of JSON Lines, the pointer of a document."""
        match = _POINTER.match(problem.location.pointer)
        if match is None:
            return problem
        ordinal = int(match[1])
        run = bisect_right(self._starts, ordinal) - 1
        file, line = self._files[run], self._lines[ordinal]
        if line >= 0:
            where = Location(file=file, line=line, pointer=match[2])
        else:
            where = Location(file=file, pointer=f"/records/{ordinal - self._starts[run]}{match[2]}")
        return attrs.evolve(problem, location=where)


def _line_numbers(path: Path) -> list[int] | None:
    """The numbers of the non-blank lines of a JSON Lines file; None for a document."""
    if str(path) == "-":
        return None
    text = path.read_text(encoding="utf-8")
    if not _is_jsonl_name(str(path)) and _looks_like_document(text):
        return None
    return [number for number, line in enumerate(text.split("\n"), 1) if line.strip()]


def _lines_of(path: Path, name: str) -> Iterator[tuple[Record, int]]:
    """The records of a JSON Lines file, one by one, with their line numbers.

    Reads as :func:`ddfacts.iter_records` does, with the same errors.
    """
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed in finally
    except OSError as error:
        raise LoadError(f"cannot read the file: {error.strerror}", file=name) from None
    fast = Warming()
    try:
        for number, text in enumerate(_iter_binary_lines(handle, name), start=1):
            if not text.strip():
                continue
            value = parse_json(text, file=name, line=number)
            record = fast(value)
            yield (
                (record if record is not None else from_json(value, file=name, line=number)),
                number,
            )
    finally:
        handle.close()


def _records(path: Path, name: str) -> Iterator[tuple[Record, int | None]]:
    """A file's records with their lines: JSON Lines streamed, other files loaded whole."""
    if name != "<stdin>" and _is_jsonl_name(name):
        yield from _lines_of(path, name)
        return
    facts = load(sys.stdin if name == "<stdin>" else path)
    lines = _line_numbers(path)
    for index, record in enumerate(facts):
        yield record, lines[index] if lines is not None and index < len(lines) else None


def _check_files(paths: list[str], run: CheckRun) -> _Origins:
    """Feed every record of the files to *run*, in order; where each came from.

    Only the run's compact state and an array of line numbers grow with the
    input.  Errors are the ones loading the files into one FactSet gives:
    a duplicate id within a file after that file is read, one across files
    after every file is.
    """
    origins = _Origins()
    across: str | None = None
    count = 0
    for path in expand_paths(paths):
        name = "<stdin>" if str(path) == "-" else str(path)
        origins.file(count, name)
        start = count
        within: str | None = None
        try:
            for record, line in _records(path, name):
                earlier = run.add(record)
                count += 1
                origins.add(line)
                if earlier is not None:
                    if earlier >= start:
                        within = within or record.id
                    else:
                        across = across or record.id
            if within is not None:
                raise LoadError(f"duplicate record id {within!r}", file=name)
        except LoadError as error:
            raise CommandError(str(error)) from None
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{name}: cannot read the file: {error}") from None
    if across is not None:
        raise CommandError(str(DuplicateIdError(across)))
    return origins


@register("check", "Report contradictions, unsupported claims, missing evidence, bad roles.")
@arguments(_configure)
def run(args: argparse.Namespace) -> int:
    try:
        vocab = load_vocabulary(*args.vocab)
    except VocabularyError as error:
        raise CommandError(str(error)) from None
    texts = None
    if args.texts is not None:
        if not Path(args.texts).is_dir():
            raise CommandError(f"--texts: {args.texts} is not a folder")
        texts = TextStore(args.texts)
    run = CheckRun(texts, vocab)
    origins = _check_files(args.paths, run)
    report = Report([origins.relocate(problem) for problem in run.finish()])
    sys.stdout.write(REPORTERS[args.format](report))
    failed = not report.ok or (args.strict and bool(report.problems))
    return EXIT_PROBLEMS if failed else EXIT_OK
