"""What every command shares: the registry, exit codes, reading inputs, output."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import attrs

from ..errors import LoadError
from ..factset import FactSet
from ..jsonio._files import load
from ..records import Record

#: Nothing wrong.
EXIT_OK = 0
#: The input has problems.
EXIT_PROBLEMS = 1
#: Usage error or unreadable input.
EXIT_USAGE = 2

#: The fact-file suffixes a folder argument expands to.
FACT_SUFFIXES = (".json", ".jsonl", ".ndjson")


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
    """Files named, and the fact files inside folders named, sorted; ``-`` stays as is."""
    result: list[Path] = []
    for name in paths:
        path = Path(name)
        if name != "-" and path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FACT_SUFFIXES
            )
            if not found:
                raise CommandError(f"{name}: the folder holds no fact files (*.json, *.jsonl)")
            result.extend(found)
        else:
            result.append(path)
    return result


def load_all(paths: list[str]) -> FactSet:
    """Load every named fact file (folders expanded) into one FactSet; exit 2 if unreadable."""
    records: list[Record] = []
    for path in expand_paths(paths):
        try:
            facts = load(sys.stdin if str(path) == "-" else path)
        except LoadError as error:
            raise CommandError(str(error)) from None
        records.extend(facts)
    try:
        return FactSet(records)
    except ValueError as error:
        raise CommandError(str(error)) from None


def write_out(text: str, out: str | None) -> None:
    """Write *text* to the file *out* atomically, or to stdout when *out* is None or ``-``."""
    if out is None or out == "-":
        sys.stdout.write(text)
        return
    from ..jsonio._files import write_atomic

    try:
        write_atomic(Path(out), text)
    except OSError as error:
        raise CommandError(f"{out}: cannot write: {error.strerror}") from None
