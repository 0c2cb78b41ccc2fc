"""``ddfacts anchor`` and ``ddfacts reanchor``: cite a quote; move citations to new texts.

``anchor TEXTFILE --quote "..."`` prints a Statement record ready to paste
into a fact file.  ``reanchor FACTS... --texts DIR`` relocates every
Statement against the current texts (:func:`ddfacts.reanchoring.reanchor`),
prints what it did (a line per statement, and how many each method
placed: ``position``, ``exact``, ``normalized``, ``fuzzy``, ``landmarks``),
writes the updated fact file only when asked (``-o`` or ``--in-place``,
atomically), and exits 1 if anything is orphaned or unchecked.
Each fact file is read once.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .._escape import for_terminal
from ..anchors import Anchor, statement_id
from ..errors import QuoteNotFoundError, TextStoreError
from ..jsonio import to_json
from ..reanchoring import ReanchorResult, ReanchorRow, reanchor
from ..records import Record, Statement
from ..textstore import TextStore, decode_text
from ._base import (
    EXIT_OK,
    EXIT_PROBLEMS,
    CommandError,
    arguments,
    expand_paths,
    load_files,
    output_path,
    register,
    write_out,
    write_records,
)


def _configure_anchor(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("textfile", metavar="TEXTFILE", help="the text (UTF-8) to quote from")
    parser.add_argument("--quote", required=True, help="the exact words to cite")
    parser.add_argument(
        "--occurrence",
        type=int,
        default=1,
        metavar="N",
        help="which occurrence of the quote, when it occurs more than once (default 1)",
    )
    parser.add_argument(
        "--source", metavar="ID", help="the Source's id (default: source:<file name>)"
    )


def _read_text(name: str) -> str:
    try:
        data = Path(name).read_bytes()
    except OSError as error:
        raise CommandError(f"{name}: cannot read: {error.strerror}") from None
    try:
        return decode_text(data, name)
    except TextStoreError as error:
        raise CommandError(str(error)) from None


def _default_source(name: str) -> str:
    slug = re.sub(r"[^a-z0-9._-]+", "-", Path(name).stem.lower()).strip("-._")
    return f"source:{slug or 'text'}"


@register("anchor", "Print a Statement citing a quote of a text, ready for a fact file.")
@arguments(_configure_anchor)
def run_anchor(args: argparse.Namespace) -> int:
    text = _read_text(args.textfile)
    source = args.source or _default_source(args.textfile)
    if args.occurrence < 1:
        raise CommandError(f"--occurrence must be 1 or more, got {args.occurrence}")
    try:
        anchor = Anchor.from_quote(text, args.quote, args.occurrence)
    except QuoteNotFoundError as error:
        raise CommandError(f"{args.textfile}: {error}", EXIT_PROBLEMS) from None
    except ValueError as error:
        raise CommandError(str(error)) from None
    try:
        statement = Statement(id=statement_id(source, text, anchor), source=source, anchor=anchor)
    except ValueError as error:
        raise CommandError(f"--source: {error}") from None
    write_out(json.dumps(to_json(statement), ensure_ascii=False, indent=2) + "\n", None)
    return EXIT_OK


def _configure_reanchor(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="FACTS", help="fact files or folders")
    parser.add_argument("--texts", required=True, metavar="DIR", help="the folder of texts")
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        type=output_path,
        help="write the updated fact file here",
    )
    where.add_argument(
        "--in-place", action="store_true", help="rewrite each fact file that changed"
    )
    parser.add_argument("--format", choices=tuple(FORMATS), default="text")


def _line(row: ReanchorRow) -> str:
    old = f"{row.old[0]}..{row.old[1]}"
    if row.score is None:
        return for_terminal(f"{row.statement}  unchecked  -  {old}  ({row.reason})")
    new = "-" if row.new is None else f"{row.new[0]}..{row.new[1]}"
    tail = f"  orphaned: {row.reason}" if row.orphaned else ""
    return for_terminal(f"{row.statement}  {row.method}  {row.score:.2f}  {old} -> {new}{tail}")


def _json(row: ReanchorRow) -> dict[str, Any]:
    return {
        "id": row.statement,
        "method": row.method,
        "score": row.score,
        "margin": None if row.relocation is None else row.relocation.margin,
        "old": list(row.old),
        "new": None if row.new is None else list(row.new),
        "orphaned": row.orphaned,
        "problem": None if row.placed else row.reason,
    }


def _summary(result: ReanchorResult) -> str:
    parts = [f"{count} {method}" for method, count in result.counts().items()]
    noun = "statement" if len(result.rows) == 1 else "statements"
    return f"{len(result.rows)} {noun}: " + (", ".join(parts) if parts else "nothing to do")


def _text(result: ReanchorResult) -> str:
    return "".join(_line(row) + "\n" for row in result.rows) + _summary(result) + "\n"


def _json_rows(result: ReanchorResult) -> str:
    return json.dumps([_json(row) for row in result.rows], ensure_ascii=False) + "\n"


#: Renderers of the table by ``--format`` name: a line per statement and a summary, or JSON.
FORMATS: dict[str, Callable[[ReanchorResult], str]] = {"text": _text, "json": _json_rows}


def _write_back(
    args: argparse.Namespace,
    files: list[Path],
    loaded: list[tuple[Record, ...]],
    records: tuple[Record, ...],
) -> None:
    """Write each file's share of *records*: to ``-o``, or over the file if it changed."""
    at = 0
    for path, before in zip(files, loaded, strict=True):
        after = records[at : at + len(before)]
        at += len(before)
        if args.output:
            write_records(after, args.output)
        elif args.in_place and after != before:
            write_records(after, str(path))


@register("reanchor", "Relocate every Statement against the current texts; report and update.")
@arguments(_configure_reanchor)
def run_reanchor(args: argparse.Namespace) -> int:
    files = expand_paths(args.paths)
    if args.output and len(files) != 1:
        raise CommandError("-o needs exactly one fact file; use --in-place for several")
    if args.in_place and any(str(path) == "-" for path in files):
        raise CommandError("--in-place cannot rewrite standard input")
    facts, loaded = load_files(files)
    store = TextStore(args.texts)
    if not store.folder.is_dir():
        raise CommandError(f"{args.texts}: not a folder")
    result = reanchor(facts, store)
    write_out(FORMATS[args.format](result), None)
    _write_back(args, files, loaded, result.records)
    return EXIT_OK if result.ok else EXIT_PROBLEMS
