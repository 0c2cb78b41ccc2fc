"""``ddfacts import``: turn another tool's annotations into ddfacts records.

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
from pathlib import Path
from typing import BinaryIO, get_args

from .._escape import for_terminal
from ..errors import LoadError
from ..imports import OffsetUnit, from_webannotation
from ..jsonio._bounded import read_rest
from ..jsonio._files import decode_bytes, parse_json
from ..jsonio._reader import BINARY_PROBE
from ..jsonio._strict import Fault
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
IMPORT_FORMATS = ("webannotation",)


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("format", choices=IMPORT_FORMATS, help="the input's format")
    parser.add_argument("file", metavar="FILE", help="the annotations (JSON; - for stdin)")
    parser.add_argument("--texts", required=True, metavar="DIR", help="the folder of source texts")
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


@register("import", "Turn W3C Web Annotations (Hypothesis too) into Statements.")
@arguments(_configure)
def run(args: argparse.Namespace) -> int:
    texts = Path(args.texts)
    if not texts.is_dir():
        raise CommandError(f"{args.texts}: not a folder of texts")
    sources = load_all(args.facts).sources if args.facts else ()
    document = _read(args.file)
    result = from_webannotation(
        document, TextStore(texts), sources=sources, offsets=args.offsets, file=args.file
    )
    write_records(result.records, args.output)
    for problem in result.report:
        sys.stderr.write(f"{for_terminal(str(problem))}\n")
    return EXIT_OK if result.report.ok else EXIT_PROBLEMS
