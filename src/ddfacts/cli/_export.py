"""``ddfacts export``: write fact files in another tool's format.

``export FACTS... --to FORMAT [-o OUT]`` writes to stdout without ``-o``;
``csv`` writes a folder and needs ``-o``.  The formats are those of
:data:`ddfacts.export.FORMATS`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .._escape import for_terminal
from ..errors import ExportError
from ..export import FORMATS, export
from ._base import (
    EXIT_OK,
    EXIT_PROBLEMS,
    CommandError,
    arguments,
    load_all,
    output_path,
    register,
    write_out,
)


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="FACTS", help="fact files or folders")
    parser.add_argument(
        "--to",
        required=True,
        choices=tuple(FORMATS),
        metavar="FORMAT",
        help="; ".join(f"{fmt.name}: {fmt.description}" for fmt in FORMATS.values()),
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        type=output_path,
        help="the file to write (a folder for csv); default stdout",
    )
    parser.add_argument(
        "--skip-incomplete",
        action="store_true",
        help="leave out, with a warning, records the format cannot carry "
        "(a review without url in claimreview) instead of refusing them",
    )


def _warn(message: str) -> None:
    sys.stderr.write(f"ddfacts export: warning: {for_terminal(message)}\n")


@register("export", "Write fact files as Web Annotation, PROV-JSON, ClaimReview, FEVER or CSV.")
@arguments(_configure)
def run(args: argparse.Namespace) -> int:
    fmt = FORMATS[args.to]
    if fmt.write_folder is not None:
        if args.output is None or args.output == "-":
            raise CommandError(f"--to {fmt.name} writes a folder: name it with -o FOLDER")
        folder = Path(args.output)
        if folder.exists() and not folder.is_dir():
            raise CommandError(f"{folder}: not a folder")
        facts = load_all(args.paths)
        try:
            fmt.write_folder(facts, folder)
        except OSError as error:
            raise CommandError(f"{folder}: cannot write: {error.strerror}") from None
        return EXIT_OK
    facts = load_all(args.paths)
    try:
        text = export(facts, fmt.name, skip_incomplete=args.skip_incomplete, on_skip=_warn)
    except ExportError as error:
        raise CommandError(str(error), EXIT_PROBLEMS) from None
    assert text is not None
    write_out(text, args.output)
    return EXIT_OK
