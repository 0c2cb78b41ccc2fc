"""``ddfacts validate``: every problem in fact files, located and explained.

Exit 0 when there is no error, 1 when the input has problems, 2 for a usage
error or unreadable input (a missing file, a folder with no fact files).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import IO, Any

from ..validation import Level, LevelError, parse_levels, validate
from ..vocabulary import VocabularyError
from ._base import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    CommandError,
    arguments,
    register,
    write_out,
)
from ._progress import progress_for
from ._reporters import REPORTERS, render

#: Codes that mean the input could not be read at all: exit 2, not 1.
UNREADABLE = frozenset({"file.missing", "file.unreadable", "file.no-fact-files"})


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="fact files or folders of them; - reads stdin"
    )
    parser.add_argument("--texts", metavar="DIR", help="folder of source texts (level anchors)")
    parser.add_argument(
        "--vocab",
        metavar="FILE",
        action="append",
        default=[],
        help="vocabulary file extending the shipped one (repeatable)",
    )
    parser.add_argument(
        "--level",
        metavar="LEVEL",
        action="append",
        default=[],
        help="check only these levels: "
        + ", ".join(level.value for level in Level)
        + " (repeatable or comma-separated; default: all)",
    )
    parser.add_argument("--format", choices=sorted(REPORTERS), default="text")
    parser.add_argument(
        "--jobs",
        metavar="N",
        type=int,
        default=1,
        help="processes to spread big JSON Lines files over (same report as with 1)",
    )


@register("validate", "Check fact files: shape, references, meaning, anchors.")
@arguments(_configure)
def run(args: argparse.Namespace) -> int:
    try:
        levels = parse_levels(args.level) if args.level else frozenset(Level)
    except LevelError as error:
        raise CommandError(str(error)) from None
    if args.texts is not None and not Path(args.texts).is_dir():
        raise CommandError(f"--texts {args.texts}: no such folder")
    sources: list[Any] = []
    for name in args.paths:
        stdin: IO[Any] = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else sys.stdin
        sources.append(stdin if name == "-" else name)
    if args.jobs < 1:
        raise CommandError(f"--jobs {args.jobs}: expected a number of processes, 1 or more")
    progress = progress_for(args.paths)
    try:
        report = validate(
            sources,
            texts=args.texts,
            vocab=args.vocab,
            levels=levels,
            jobs=args.jobs,
            progress=progress,
        )
    except VocabularyError as error:
        raise CommandError(f"--vocab: {error}") from None
    finally:
        if progress is not None:
            progress.close()
    write_out(render(report, args.format), None)
    if any(problem.code in UNREADABLE for problem in report):
        return EXIT_USAGE
    return EXIT_OK if report.ok else EXIT_PROBLEMS
