"""``ddfacts migrate``: rewrite fact files as format 1.1 (the 1.0 attribution members as hops)."""

from __future__ import annotations

import argparse

from ..jsonio._migrate import migrate_records
from ._base import (
    EXIT_OK,
    CommandError,
    arguments,
    expand_paths,
    load_files,
    output_path,
    register,
    write_records,
)


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="IN", help="fact files or folders (1.0 or 1.1)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "-o",
        "--output",
        type=output_path,
        metavar="OUT",
        help="write every record to OUT (JSON Lines for .jsonl; default stdout)",
    )
    where.add_argument(
        "--in-place", action="store_true", help="rewrite each input file in place, atomically"
    )


@register("migrate", "Rewrite fact files as format 1.1 (1.0 via/translated_by become a chain).")
@arguments(_configure)
def run(args: argparse.Namespace) -> int:
    files = expand_paths(args.paths)
    if args.in_place and any(str(path) == "-" for path in files):
        raise CommandError("--in-place cannot rewrite stdin; name the files")
    facts, shares = load_files(files)
    try:
        if args.in_place:
            migrated = [migrate_records(share) for share in shares]
            for path, records in zip(files, migrated, strict=True):
                write_records(records, str(path))
        else:
            write_records(migrate_records(facts), args.output)
    except ValueError as error:
        raise CommandError(str(error)) from None
    return EXIT_OK
