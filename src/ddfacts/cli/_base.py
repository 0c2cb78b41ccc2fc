"""What every command shares: the registry, exit codes, reading inputs, output."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import attrs

from ..errors import LoadError
from ..factset import FactSet
from ..jsonio._files import dump, load, write_atomic
from ..jsonio._inputs import expand
from ..problems import Problem
from ..records import Record

#: Nothing wrong.
EXIT_OK = 0
#: The input has problems.
EXIT_PROBLEMS = 1
#: Usage error or unreadable input.
EXIT_USAGE = 2


class CommandError(Exception):
    """Stops a command with a message on stderr and an exit code (2 by default)."""

    def __init__(self, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.exit_code = exit_code


@attrs.frozen
class Command:
    """One ``ddfacts`` sub-command: how to add its arguments and how to run it."""

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]

    def add_to(self, sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
        parser = sub.add_parser(self.name, help=self.help, description=self.help)
        self.configure(parser)


#: Commands by name, filled by :func:`register`.
COMMANDS: dict[str, Command] = {}


def register(
    name: str, help: str
) -> Callable[[Callable[[argparse.Namespace], int]], Callable[[argparse.Namespace], int]]:
    """Register the decorated ``run(args) -> int`` as command *name*."""

    def decorate(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        configure = getattr(func, "_configure", lambda parser: None)
        COMMANDS[name] = Command(name, help, configure, func)
        return func

    return decorate


def arguments(
    configure: Callable[[argparse.ArgumentParser], None],
) -> Callable[[Callable[[argparse.Namespace], int]], Callable[[argparse.Namespace], int]]:
    """Attach an argument-adding function to a command's ``run`` (apply below ``register``)."""

    def decorate(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        func._configure = configure  # type: ignore[attr-defined]
        return func

    return decorate


def expand_paths(paths: list[str]) -> list[Path]:
    """Files named, and the fact files inside folders named, sorted; ``-`` stays as is.

    Folders expand as :func:`ddfacts.validate` expands them; one holding no
    fact file stops the command (exit 2) with validate's message.
    """
    result: list[Path] = []
    for name in paths:
        for entry in [name] if name == "-" else expand(name):
            if isinstance(entry, Problem):
                raise CommandError(f"{name}: {entry.message}")
            result.append(Path(entry))
    return result


def load_files(files: Sequence[Path]) -> list[FactSet]:
    """Each fact file (``-`` is stdin) loaded once, in order; exit 2 if one is unreadable."""
    loaded: list[FactSet] = []
    for path in files:
        try:
            loaded.append(load(sys.stdin if str(path) == "-" else path))
        except LoadError as error:
            raise CommandError(str(error)) from None
    return loaded


def merge(sets: Iterable[FactSet]) -> FactSet:
    """One FactSet of every record of *sets*, in order; exit 2 if two records share an id."""
    records: list[Record] = [record for facts in sets for record in facts]
    try:
        return FactSet(records)
    except ValueError as error:
        raise CommandError(str(error)) from None


def load_all(paths: list[str]) -> FactSet:
    """Load every named fact file (folders expanded) into one FactSet; exit 2 if unreadable."""
    return merge(load_files(expand_paths(paths)))


def write_out(text: str, out: str | None) -> None:
    """Write *text* to the file *out* atomically, or to stdout when *out* is None or ``-``."""
    if out is None or out == "-":
        sys.stdout.write(text)
        return
    try:
        write_atomic(Path(out), text)
    except OSError as error:
        raise CommandError(f"{out}: cannot write: {error.strerror}") from None


def write_records(records: Iterable[Record], out: str | None) -> None:
    """Write *records* as a fact file to *out* atomically, or to stdout for None or ``-``.

    The format follows the name, as :func:`ddfacts.dump` does: JSON Lines for ``.jsonl``.
    """
    try:
        dump(records, sys.stdout if out is None or out == "-" else out)
    except OSError as error:
        raise CommandError(f"{out}: cannot write: {error.strerror}") from None
