"""``ddfacts check``: what the facts say against themselves (contradictions, support, roles).

Problems are located in the file each record came from: the JSON pointer
``/records/<n>/…`` of a document, or the line of a JSON Lines file.  Exit 0
when no problem is an error (contradictions between sources are warnings:
see :mod:`ddfacts.check`), 1 when one is (with ``--strict``, when there is
any problem), 2 for a usage error or unreadable input.

Records are streamed (:func:`ddfacts.jsonio._run.stream_files`): they go
one by one through :class:`ddfacts.check.CheckRun`, which keeps what the
rules need, never the records, spilled to a private temporary SQLite
database on disk (``spill=True``), so memory stays bounded however long the
input; JSON Lines are read in constant memory, JSON documents are parsed
whole.  What grows with the input is the problems found (the report) and the
derivation links between records.  The report is the one
:func:`ddfacts.check` gives on all the files loaded into one FactSet.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..check._run import CheckRun
from ..errors import DuplicateIdError, LoadError
from ..jsonio._run import Origins, stream_files
from ..problems import Report
from ..textstore import TextStore
from ..vocabulary import VocabularyError, load_vocabulary
from ._base import (
    EXIT_OK,
    EXIT_PROBLEMS,
    CommandError,
    arguments,
    expand_paths,
    register,
    write_out,
)
from ._reporters import REPORTERS


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


def _check_files(paths: list[str], run: CheckRun) -> Origins:
    """Feed every record of the files (folders expanded, ``-`` for stdin) to *run*, in order.

    Errors are the ones loading the files into one FactSet gives (see
    :func:`ddfacts.jsonio._run.stream_files`): exit 2 with the message.
    """
    stdin = getattr(sys.stdin, "buffer", sys.stdin)
    sources = [stdin if str(path) == "-" else path for path in expand_paths(paths)]
    try:
        return stream_files(sources, run.add)
    except (LoadError, DuplicateIdError) as error:
        raise CommandError(str(error)) from None


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
    run = CheckRun(texts, vocab, spill=True)
    origins = _check_files(args.paths, run)
    report = Report([origins.relocate(problem) for problem in run.finish()])
    write_out(REPORTERS[args.format](report), None)
    failed = not report.ok or (args.strict and bool(report.problems))
    return EXIT_PROBLEMS if failed else EXIT_OK
