"""``ddfacts anchor`` and ``ddfacts reanchor``: cite a quote; move citations to new texts.

``anchor TEXTFILE --quote "..."`` prints a Statement record ready to paste
into a fact file.  ``reanchor FACTS... --texts DIR`` relocates every
Statement against the current texts, prints what it did, writes the updated
fact file only when asked (``-o`` or ``--in-place``, atomically), records
each move in the statement's provenance, and exits 1 if anything is orphaned.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Any

import attrs

from ..anchors._anchor import Anchor, statement_id
from ..anchors._relocate import Relocation
from ..errors import LoadError, QuoteNotFoundError, TextStoreError
from ..jsonio._files import (
    JSONL_SUFFIXES,
    dumps,
    load,
    to_json,
)
from ..provenance import Activity, Provenance
from ..records import Record, Source, Statement
from ..textstore import TextStore, decode_text, sha256_of
from ._base import (
    EXIT_OK,
    EXIT_PROBLEMS,
    CommandError,
    arguments,
    expand_paths,
    load_all,
    register,
    write_out,
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
    sys.stdout.write(json.dumps(to_json(statement), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def _configure_reanchor(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="FACTS", help="fact files or folders")
    parser.add_argument("--texts", required=True, metavar="DIR", help="the folder of texts")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="OUT", help="write the updated fact file here")
    where.add_argument(
        "--in-place", action="store_true", help="rewrite each fact file that changed"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")


@attrs.frozen
class _Row:
    statement: Statement
    relocation: Relocation | None
    problem: str | None = None

    def to_json(self) -> dict[str, Any]:
        r = self.relocation
        old = self.statement.anchor
        return {
            "id": self.statement.id,
            "method": r.method if r else "unchecked",
            "score": r.score if r else None,
            "old": [old.start, old.end],
            "new": None if r is None or r.orphaned else [r.start, r.end],
            "orphaned": bool(r and r.orphaned),
            "problem": self.problem or (r.reason if r and r.orphaned else None),
        }

    def line(self) -> str:
        r = self.relocation
        old = self.statement.anchor
        if r is None:
            return f"{self.statement.id}  unchecked  -  {old.start}..{old.end}  ({self.problem})"
        new = "-" if r.orphaned else f"{r.start}..{r.end}"
        tail = f"  orphaned: {r.reason}" if r.orphaned else ""
        return (
            f"{self.statement.id}  {r.method}  {r.score:.2f}  {old.start}..{old.end} -> {new}{tail}"
        )


def _relocate(
    statement: Statement, sources: dict[str, Source], store: TextStore, texts: dict[str, str]
) -> _Row:
    source = sources.get(statement.source)
    if source is None:
        return _Row(statement, None, f"no Source record {statement.source}")
    if source.id not in texts:
        try:
            text = store.current(source)
        except TextStoreError as error:
            return _Row(statement, None, str(error))
        if text is None:
            return _Row(statement, None, f"no text for {source.id} in {store.folder}")
        texts[source.id] = text
    # The Source's recorded length is the old text's: it scales the expected position.
    relocation = statement.anchor.relocate(texts[source.id], old_length=source.length)
    return _Row(statement, relocation)


def _moved(statement: Statement, relocation: Relocation, text: str, version: str) -> Statement:
    anchor = relocation.anchor(text)
    if anchor is None or anchor == statement.anchor:
        return statement
    old = statement.anchor
    note = (
        f"method={relocation.method}, score={relocation.score:.2f}, "
        f"{old.start}..{old.end} -> {anchor.start}..{anchor.end}"
    )
    activity = Activity(
        activity="reanchored",
        at=dt.datetime.now(dt.timezone.utc).replace(microsecond=0),
        agent=f"ddfacts {version}",
        note=note,
    )
    provenance = statement.provenance or Provenance()
    provenance = attrs.evolve(provenance, history=(*provenance.history, activity))
    return attrs.evolve(statement, anchor=anchor, provenance=provenance)


def _rehashed(source: Source, store: TextStore, version: str) -> Source:
    """The Source with the hash and length of its current text, when that changed."""
    try:
        text = store.current(source)
    except TextStoreError:
        return source
    if text is None:
        return source
    digest = sha256_of(text)
    if digest == source.sha256:
        return source
    activity = Activity(
        activity="text-updated",
        at=dt.datetime.now(dt.timezone.utc).replace(microsecond=0),
        agent=f"ddfacts {version}",
        note=f"sha256 {source.sha256} -> {digest}",
    )
    provenance = source.provenance or Provenance()
    provenance = attrs.evolve(provenance, history=(*provenance.history, activity))
    return attrs.evolve(source, sha256=digest, length=len(text), provenance=provenance)


@register("reanchor", "Relocate every Statement against the current texts; report and update.")
@arguments(_configure_reanchor)
def run_reanchor(args: argparse.Namespace) -> int:
    from .. import __version__

    files = expand_paths(args.paths)
    if args.output and len(files) != 1:
        raise CommandError("-o needs exactly one fact file; use --in-place for several")
    if args.in_place and any(str(path) == "-" for path in files):
        raise CommandError("--in-place cannot rewrite standard input")
    everything = load_all(args.paths)
    sources = {source.id: source for source in everything.sources}
    store = TextStore(args.texts)
    if not store.folder.is_dir():
        raise CommandError(f"{args.texts}: not a folder")
    texts: dict[str, str] = {}
    rows: list[_Row] = []
    updated: list[tuple[Path, list[Record]]] = []
    for path in files:
        try:
            facts = load(sys.stdin if str(path) == "-" else path)
        except LoadError as error:  # pragma: no cover - load_all read it already
            raise CommandError(str(error)) from None
        records: list[Record] = []
        for record in facts:
            if isinstance(record, Source) and record.sha256 is not None:
                record = _rehashed(record, store, __version__)
            if isinstance(record, Statement):
                row = _relocate(record, sources, store, texts)
                rows.append(row)
                if row.relocation is not None:
                    record = _moved(record, row.relocation, texts[record.source], __version__)
            records.append(record)
        updated.append((path, records))
    if args.format == "json":
        sys.stdout.write(json.dumps([row.to_json() for row in rows], ensure_ascii=False) + "\n")
    else:
        for row in rows:
            sys.stdout.write(row.line() + "\n")
        sys.stdout.write(_summary(rows) + "\n")
    for path, records in updated:
        jsonl = (args.output or str(path)).lower().endswith(JSONL_SUFFIXES)
        if args.output:
            write_out(dumps(records, jsonl=jsonl), args.output)
        elif args.in_place and records != list(load(path)):
            write_out(dumps(records, jsonl=jsonl), str(path))
    bad = any(row.relocation is None or row.relocation.orphaned for row in rows)
    return EXIT_PROBLEMS if bad else EXIT_OK


def _summary(rows: list[_Row]) -> str:
    counts: dict[str, int] = {}
    for row in rows:
        method = row.relocation.method if row.relocation else "unchecked"
        counts[method] = counts.get(method, 0) + 1
    order = ("position", "exact", "normalized", "fuzzy", "orphaned", "unchecked")
    parts = [f"{counts[name]} {name}" for name in order if counts.get(name)]
    noun = "statement" if len(rows) == 1 else "statements"
    return f"{len(rows)} {noun}: " + (", ".join(parts) if parts else "nothing to do")
