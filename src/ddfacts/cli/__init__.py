"""The ``ddfacts`` command line.

``main(argv) -> int`` parses the arguments and hands them to one command.
Each command lives in its own module under ``ddfacts.cli`` and registers
itself in :data:`COMMANDS` through :func:`register`.  Exit codes: 0 nothing
wrong, 1 the input has problems, 2 usage error or unreadable input.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from .._escape import for_terminal
from .._version import __version__
from ._base import COMMANDS, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, CommandError

__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "main", "run"]

#: Command modules, imported on first use of the parser, in the order of ``--help``.
COMMAND_MODULES = (
    "summary",
    "validate",
    "anchor",
    "check",
    "query",
    "cite",
    "export",
    "html",
    "import_",
    "time",
    "db",
    "search",
    "suggest",
    "source",
    "migrate",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every available command."""
    parser = _Parser(
        prog="ddfacts",
        description="Typed, validated, citable records of what documents say.",
    )
    parser.add_argument("--version", action="version", version=f"ddfacts {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for module in COMMAND_MODULES:
        try:
            importlib.import_module(f"{__name__}._{module}")
        except ModuleNotFoundError as error:
            if error.name != f"{__name__}._{module}":
                raise
    for command in COMMANDS.values():
        command.add_to(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default ``sys.argv[1:]``); return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    command = COMMANDS[args.command]
    try:
        return command.run(args)
    except CommandError as error:
        sys.stderr.write(f"ddfacts {args.command}: {for_terminal(str(error))}\n")
        return error.exit_code
    except BrokenPipeError:
        return EXIT_OK


def run() -> None:
    """Entry point of the console script: exit with :func:`main`'s code."""
    sys.exit(main())
