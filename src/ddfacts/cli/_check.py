"""``ddfacts check``: what the facts say against themselves (contradictions, support, roles).

Problems are located in the file each record came from: the JSON pointer
``/records/<n>/…`` of a document, or the line of a JSON Lines file.  Exit 0
when no problem is an error (contradictions between sources are warnings:
see :mod:`ddfacts.check`), 1 when one is (with ``--strict``, when there is
any problem), 2 for a usage error or unreadable input.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import attrs

from ..check import check
from ..errors import LoadError
from ..factset import FactSet
from ..jsonio import _is_jsonl_name, _looks_like_document, load
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


@attrs.frozen
class _Origin:
    """Where a record came from: the file, its index there, and its line (JSON Lines)."""

    file: str
    index: int
    line: int | None


def _line_numbers(path: Path) -> list[int] | None:
    """The numbers of the non-blank lines of a JSON Lines file; None for a document."""
    if str(path) == "-":
        return None
    text = path.read_text(encoding="utf-8")
    if not _is_jsonl_name(str(path)) and _looks_like_document(text):
        return None
    return [number for number, line in enumerate(text.split("\n"), 1) if line.strip()]


def _load(paths: list[str]) -> tuple[FactSet, list[_Origin]]:
    records: list[Record] = []
    origins: list[_Origin] = []
    for path in expand_paths(paths):
        name = "<stdin>" if str(path) == "-" else str(path)
        try:
            facts = load(sys.stdin if str(path) == "-" else path)
            lines = _line_numbers(path)
        except LoadError as error:
            raise CommandError(str(error)) from None
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{name}: cannot read the file: {error}") from None
        for index, record in enumerate(facts):
            line = lines[index] if lines is not None and index < len(lines) else None
            origins.append(_Origin(name, index, line))
            records.append(record)
    try:
        return FactSet(records), origins
    except ValueError as error:
        raise CommandError(str(error)) from None


def _relocate(problem: Problem, origins: list[_Origin]) -> Problem:
    match = _POINTER.match(problem.location.pointer)
    if match is None:
        return problem
    origin = origins[int(match[1])]
    if origin.line is not None:
        where = Location(file=origin.file, line=origin.line, pointer=match[2])
    else:
        where = Location(file=origin.file, pointer=f"/records/{origin.index}{match[2]}")
    return attrs.evolve(problem, location=where)


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
    facts, origins = _load(args.paths)
    report = check(facts, texts=texts, vocab=vocab)
    report = Report([_relocate(problem, origins) for problem in report])
    sys.stdout.write(REPORTERS[args.format](report))
    failed = not report.ok or (args.strict and bool(report.problems))
    return EXIT_PROBLEMS if failed else EXIT_OK
