"""What every command shares: the registry, exit codes, reading inputs, output."""

from __future__ import annotations

import argparse
import codecs
import itertools
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import attrs

from .._escape import utf8_text
from ..errors import DuplicateIdError, LoadError
from ..factset import FactSet
from ..jsonio._files import PathOrFile, dumps, write_atomic
from ..jsonio._inputs import expand
from ..jsonio._reader import is_jsonl_name
from ..jsonio._run import stream_files
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


def output_path(value: str) -> str:
    """The ``-o``/``--output`` argument of every command: a path, or ``-`` for stdout.

    An empty name is a usage error (exit 2), not a request to write nothing.
    """
    if not value:
        raise argparse.ArgumentTypeError("the output path is empty; name a file, or - for stdout")
    return value


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


def load_files(files: Sequence[Path]) -> tuple[FactSet, list[tuple[Record, ...]]]:
    """Every record of the fact files (``-`` is stdin) in one FactSet, and each file's share.

    Each file is read once, streamed as ``check`` streams it
    (:func:`ddfacts.jsonio._run.stream_files`), so an id in two places is
    refused by one rule that names both places (file and line, or JSON
    pointer).  Exit 2 if a file is unreadable or an id repeats.
    """
    records: list[Record] = []
    index: dict[str, int] = {}
    starts: list[int] = []

    def sources() -> Iterator[PathOrFile]:
        stdin = getattr(sys.stdin, "buffer", sys.stdin)
        for path in files:
            starts.append(len(records))
            yield stdin if str(path) == "-" else path

    def consume(record: Record) -> int | None:
        earlier = index.setdefault(record.id, len(records))
        records.append(record)
        return None if earlier == len(records) - 1 else earlier

    try:
        stream_files(sources(), consume)
    except (LoadError, DuplicateIdError) as error:
        raise CommandError(str(error)) from None
    bounds = [*starts, len(records)]
    shares = [tuple(records[a:b]) for a, b in itertools.pairwise(bounds)]
    return FactSet(records), shares


def load_all(paths: list[str]) -> FactSet:
    """Load every named fact file (folders expanded) into one FactSet; exit 2 if unreadable."""
    return load_files(expand_paths(paths))[0]


def write_out(text: str, out: str | None) -> None:
    """Write *text* to the file *out* atomically, or to stdout when *out* is None or ``-``.

    Any string can be written: surrogate code points, which UTF-8 cannot
    carry, are joined into the character a pair stands for or written as
    U+FFFD (:func:`~ddfacts._escape.utf8_text`, with a warning on stderr),
    and a character stdout's encoding lacks is written as a backslash escape.
    """
    safe = utf8_text(text)
    if safe is not text:
        sys.stderr.write("ddfacts: warning: the output held lone surrogates, written as U+FFFD\n")
    if out is None or out == "-":
        encoding = sys.stdout.encoding or "utf-8"
        if codecs.lookup(encoding).name != "utf-8":
            safe = safe.encode(encoding, "backslashreplace").decode(encoding)
        sys.stdout.write(safe)
        return
    try:
        write_atomic(Path(out), safe)
    except OSError as error:
        raise CommandError(f"{out}: cannot write: {error.strerror}") from None


def write_records(records: Iterable[Record], out: str | None) -> None:
    """Write *records* as a fact file to *out* atomically, or to stdout for None or ``-``.

    The format follows the name, as :func:`ddfacts.dump` does: JSON Lines for ``.jsonl``.
    """
    jsonl = out is not None and out != "-" and is_jsonl_name(out)
    write_out(dumps(records, jsonl=jsonl), out)
