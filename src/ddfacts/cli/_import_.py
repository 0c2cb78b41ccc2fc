"""``ddfacts import``: turn another tool's annotations into ddfacts records.

``import claimreview FILE... [-o OUT] [--into FACTS] [--base-url URL]`` reads
schema.org ClaimReview markup (JSON-LD, a DataFeed, or HTML pages' JSON-LD
blocks), streamed, and writes its Claims, Reviews, Actors and Sources; with
``--into`` it merges them into an existing fact file (written to ``OUT``,
else back to that file) and reports how many were added, unchanged and
changed.  A summary of what was read goes to stderr.

``import webannotation FILE --texts DIR [--facts FACTS...] [-o OUT]`` reads
W3C Web Annotations (or the Hypothesis client's, whose offsets count UTF-16
code units), anchors each in its source's text and prints a fact file of
the new Sources and Statements (to ``OUT`` when given, atomically; JSON
Lines when its name ends in ``.jsonl``).  Annotations that cannot be
anchored are listed on stderr, and the exit code is then 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, get_args

from .._escape import for_terminal, utf8_text
from ..errors import LoadError
from ..imports import (
    ImportSummary,
    OffsetUnit,
    from_webannotation,
    iter_claimreview,
    merge_records,
)
from ..jsonio._bounded import read_rest
from ..jsonio._files import decode_bytes, dumps, parse_json, write_atomic
from ..jsonio._reader import BINARY_PROBE, is_jsonl_name
from ..jsonio._strict import Fault
from ..problems import Problem
from ..records import Record
from ..textstore import TextStore
from ._base import (
    EXIT_OK,
    EXIT_PROBLEMS,
    CommandError,
    arguments,
    load_all,
    output_path,
    register,
    write_records,
)

#: The formats ``ddfacts import`` reads.
IMPORT_FORMATS = ("webannotation", "claimreview")


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("format", choices=IMPORT_FORMATS, help="the input's format")
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="the input (JSON or HTML; - for stdin)"
    )
    parser.add_argument(
        "--texts", metavar="DIR", help="webannotation: the folder of source texts (required)"
    )
    parser.add_argument(
        "--facts",
        nargs="+",
        default=[],
        metavar="FACTS",
        help="fact files whose Sources the annotations' targets may name (by url)",
    )
    parser.add_argument(
        "--offsets",
        choices=get_args(OffsetUnit),
        default="auto",
        help="how TextPositionSelector offsets count (default auto: try both)",
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", type=output_path, help="the fact file to write"
    )
    add_claimreview_options(parser)


def _read(name: str) -> object:
    try:
        if name == "-":
            data = _bounded_bytes(sys.stdin.buffer, name)
        else:
            with Path(name).open("rb") as handle:
                data = _bounded_bytes(handle, name)
    except OSError as error:
        raise CommandError(f"{name}: cannot read: {error.strerror}") from None
    try:
        return parse_json(decode_bytes(data, file=name), file=name)
    except LoadError as error:
        raise CommandError(str(error)) from None


def _bounded_bytes(handle: BinaryIO, name: str) -> bytes:
    """The bytes of *handle*, refusing binary data at once and anything over the size limit."""
    head = handle.read(BINARY_PROBE)
    if b"\0" in head:
        raise CommandError(f"{name}: a binary file (it holds NUL bytes), not JSON")
    try:
        return bytes(read_rest(handle, [head], name))
    except Fault as bad:
        raise CommandError(str(bad.error)) from None


def add_claimreview_options(parser: argparse.ArgumentParser) -> None:
    """The options only ``import claimreview`` takes."""
    parser.add_argument(
        "--into",
        metavar="FACTS",
        help="claimreview: merge into this fact file (written to OUT, else back to it)",
    )
    parser.add_argument(
        "--base-url", metavar="URL", help="claimreview: resolve relative URLs against URL"
    )


def _records(
    args: argparse.Namespace, summary: ImportSummary, report: list[Problem]
) -> Iterator[Record]:
    for name in args.files:
        source = sys.stdin.buffer if name == "-" else name
        if name != "-" and not Path(name).is_file():
            raise CommandError(f"{name}: no such file")
        for thing in iter_claimreview(source, base_url=args.base_url, file=name, summary=summary):
            if isinstance(thing, Problem):
                sys.stderr.write(f"{for_terminal(str(thing))}\n")
                report.append(thing)
            else:
                yield thing


def _stream_jsonl(records: Iterable[Record], out: str) -> None:
    """Write records as JSON Lines to *out* atomically, one record in memory at a time."""
    write_atomic(Path(out), (utf8_text(dumps([record], jsonl=True)) for record in records))


def _summary(summary: ImportSummary) -> str:
    made = ", ".join(f"{count} {kind}s" for kind, count in sorted(summary.made.items()))
    lines = [
        f"read {summary.claimreviews} ClaimReviews ({summary.other_nodes} other nodes left "
        f"alone); made {made or 'nothing'}"
    ]
    if summary.oddities:
        lines.append(
            "mapped: " + ", ".join(f"{n} {k}" for k, n in sorted(summary.oddities.items()))
        )
    if summary.problems:
        lines.append(
            "problems: " + ", ".join(f"{n} {k}" for k, n in sorted(summary.problems.items()))
        )
    return "".join(f"import claimreview: {line}\n" for line in lines)


def run_claimreview(args: argparse.Namespace) -> int:
    """Import ClaimReview markup: stream it out, or merge it into ``--into``."""
    summary = ImportSummary()
    report: list[Problem] = []
    records = _records(args, summary, report)
    if args.into is not None:
        existing = load_all([args.into])
        merged = merge_records(existing, records)
        write_records(merged.records, args.output or args.into)
        sys.stderr.write(
            f"import claimreview: {merged.added} added, {merged.unchanged} unchanged, "
            f"{merged.changed} changed\n"
        )
    elif args.output is not None and args.output != "-" and is_jsonl_name(args.output):
        try:
            _stream_jsonl(records, args.output)
        except OSError as error:
            raise CommandError(f"{args.output}: cannot write: {error.strerror}") from None
    else:
        write_records(list(records), args.output)
    sys.stderr.write(_summary(summary))
    return EXIT_OK if not any(p.severity.value == "error" for p in report) else EXIT_PROBLEMS


@register("import", "Turn ClaimReview markup or W3C Web Annotations into records.")
@arguments(_configure)
def run(args: argparse.Namespace) -> int:
    if args.format == "claimreview":
        return run_claimreview(args)
    if args.texts is None:
        raise CommandError("import webannotation needs --texts DIR")
    if len(args.files) != 1:
        raise CommandError("import webannotation reads one FILE")
    texts = Path(args.texts)
    if not texts.is_dir():
        raise CommandError(f"{args.texts}: not a folder of texts")
    sources = load_all(args.facts).sources if args.facts else ()
    document = _read(args.files[0])
    result = from_webannotation(
        document, TextStore(texts), sources=sources, offsets=args.offsets, file=args.files[0]
    )
    write_records(result.records, args.output)
    for problem in result.report:
        sys.stderr.write(f"{for_terminal(str(problem))}\n")
    return EXIT_OK if result.report.ok else EXIT_PROBLEMS
