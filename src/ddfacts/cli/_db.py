"""``ddfacts db build|update``: index fact files into a SQLite fact store.

``db build FACTS... -o facts.sqlite`` writes a new store (atomically: the
previous file stays until the new one is complete); ``db update FACTS... -o
facts.sqlite`` re-reads only the files that changed.  Exit 0 when the store
is written; 2 when a fact file is unreadable, an id repeats, or the store
cannot be read or written (nothing is changed then).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import cast

from ..errors import DuplicateIdError, LoadError
from ..factset import FactSet
from ..store import FactStore, StoreError, build_store, update_store
from ._base import EXIT_OK, CommandError, arguments, output_path, register


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """The ``--db`` option of commands that can read a fact store instead of fact files."""
    parser.add_argument(
        "--db", metavar="STORE", help="read this fact store (ddfacts db build) instead of files"
    )


def open_db(path: str) -> FactStore:
    """The fact store at *path*; exit 2 with the store's one-sentence reason if it is not whole."""
    try:
        return FactStore(path)
    except StoreError as error:
        raise CommandError(str(error)) from None


@contextmanager
def facts_or_db(
    args: argparse.Namespace, load: Callable[[list[str]], FactSet]
) -> Iterator[FactSet | FactStore]:
    """The fact files named (loaded with *load*) or the ``--db`` store: exactly one of them."""
    if args.db is not None and args.paths:
        raise CommandError("name fact files or --db, not both")
    if args.db is None:
        if not args.paths:
            raise CommandError("name the fact files to read, or a fact store with --db")
        yield load(args.paths)
        return
    with open_db(args.db) as store:
        try:
            yield store
        except StoreError as error:
            raise CommandError(str(error)) from None


def as_factset(facts: FactSet | FactStore) -> FactSet:
    """*facts* for a function that reads a set only through ``get`` (such as ``cite``)."""
    return cast(FactSet, facts)


def _configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    for name, text in (
        ("build", "index fact files into a new store (replaces -o atomically)"),
        ("update", "re-read the fact files that changed since the store was built"),
    ):
        sub = actions.add_parser(name, help=text, description=text)
        sub.add_argument("paths", nargs="+", metavar="FACTS", help="fact files or folders")
        sub.add_argument(
            "-o", "--output", required=True, type=output_path, metavar="STORE",
            help="the store's file, e.g. facts.sqlite",
        )  # fmt: skip


@register("db", "Index fact files into a SQLite fact store (build, update).")
@arguments(_configure)
def run(args: argparse.Namespace) -> int:
    if args.output == "-":
        raise CommandError("a store cannot be written to stdout; name a file with -o")
    work = build_store if args.action == "build" else update_store
    try:
        summary = work(args.paths, args.output)
    except (LoadError, DuplicateIdError, StoreError) as error:
        raise CommandError(str(error)) from None
    sys.stderr.write(
        f"ddfacts db {args.action}: {summary.path}: {summary.records} records "
        f"from {summary.files} files ({summary.read} read)\n"
    )
    return EXIT_OK
