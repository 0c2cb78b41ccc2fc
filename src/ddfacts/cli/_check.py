"""``ddfacts check``: what the facts say against themselves (contradictions, support, roles).

Problems are located in the file each record came from: the JSON pointer
``/records/<n>/…`` of a document, or the line of a JSON Lines file.  Exit 0
when no problem is an error (contradictions between sources are warnings:
see :mod:`ddfacts.check`), 1 when one is (with ``--strict``, when there is
any problem), 2 for a usage error or unreadable input.

Records are streamed (:func:`ddfacts.jsonio._run.stream_files`): they go
one by one through :class:`ddfacts.check.CheckRun`, which keeps what the
rules need, never the records, spilled to a private temporary SQLite
database on disk (``spill=True``), so memory stays bounded however long the
input; JSON Lines are read in constant memory, JSON documents are parsed
whole.  The problems go to disk too, are sorted there
(:class:`ddfacts.check._sorted.SortedProblems`) and the report is written
as it is read back (:data:`~ddfacts.cli._reporters.STREAMERS`), to stdout
or atomically to ``-o FILE``: no list of problems, no report text is held.
What grows with the input in memory is where each record came from (a few
bytes a record) and the files named; derivation links, too, wait on disk,
where the cycle rule walks them (:mod:`ddfacts.check._links`).
The report is the one :func:`ddfacts.check` gives on all the files loaded
into one FactSet, byte for byte.
"""

from __future__ import annotations

import argparse
import codecs
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from .._escape import utf8_text
from ..check._run import CheckRun
from ..check._sorted import SortedProblems
from ..errors import DuplicateIdError, LoadError
from ..jsonio._files import write_atomic
from ..jsonio._run import Origins, stream_files
from ..textstore import TextStore
from ..vocabulary import VocabularyError, load_vocabulary
from ._base import (
    EXIT_OK,
    EXIT_PROBLEMS,
    CommandError,
    arguments,
    expand_paths,
    output_path,
    register,
)
from ._reporters import REPORTERS, STREAMERS

#: Characters of report text gathered before a write.
CHUNK = 1 << 16


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="FACTS", help="fact files or folders")
    parser.add_argument(
        "--texts", metavar="DIR", help="folder of source texts: also check evidence positions"
    )
    parser.add_argument(
        "--vocab",
        metavar="FILE",
        action="append",
        default=[],
        help="extra vocabulary file (repeatable), merged over the shipped one",
    )
    parser.add_argument("--strict", action="store_true", help="warnings also make exit code 1")
    parser.add_argument("--format", choices=tuple(REPORTERS), default="text")
    parser.add_argument(
        "-o",
        "--output",
        type=output_path,
        metavar="FILE",
        help="write the report to FILE (atomically) instead of stdout",
    )


def _check_files(paths: list[str], run: CheckRun) -> Origins:
    """Feed every record of the files (folders expanded, ``-`` for stdin) to *run*, in order.

    Errors are the ones loading the files into one FactSet gives (see
    :func:`ddfacts.jsonio._run.stream_files`): exit 2 with the message.
    """
    stdin = getattr(sys.stdin, "buffer", sys.stdin)
    sources = [stdin if str(path) == "-" else path for path in expand_paths(paths)]
    try:
        return stream_files(sources, run.add)
    except (LoadError, DuplicateIdError) as error:
        raise CommandError(str(error)) from None


@register("check", "Report contradictions, unsupported claims, missing evidence, bad roles.")
@arguments(_configure)
def run(args: argparse.Namespace) -> int:
    try:
        vocab = load_vocabulary(*args.vocab)
    except VocabularyError as error:
        raise CommandError(str(error)) from None
    texts = None
    if args.texts is not None:
        if not Path(args.texts).is_dir():
            raise CommandError(f"--texts: {args.texts} is not a folder")
        texts = TextStore(args.texts)
    run = CheckRun(texts, vocab, spill=True)
    origins = _check_files(args.paths, run)
    with SortedProblems() as found:
        for problem in run.problems():
            found.add(origins.relocate(problem))
        _write_stream(STREAMERS[args.format](found), args.output)
        failed = found.errors > 0 or (args.strict and len(found) > 0)
    return EXIT_PROBLEMS if failed else EXIT_OK


def _gathered(chunks: Iterable[str]) -> Iterator[str]:
    """*chunks* joined into pieces of about :data:`CHUNK` characters, made UTF-8-safe.

    A lone surrogate is written as U+FFFD, as ``write_out`` does, with one
    warning on stderr.  A surrogate pair never straddles two pieces: the
    reporters' pieces end in a newline or a JSON delimiter.
    """
    held: list[str] = []
    size = 0
    warned = False
    for chunk in _ended(chunks):
        if chunk:
            held.append(chunk)
            size += len(chunk)
            if size < CHUNK:
                continue
        if not held:
            continue
        text = "".join(held)
        held, size = [], 0
        safe = utf8_text(text)
        if safe is not text and not warned:
            sys.stderr.write(
                "ddfacts: warning: the output held lone surrogates, written as U+FFFD\n"
            )
            warned = True
        yield safe


def _ended(chunks: Iterable[str]) -> Iterator[str]:
    """*chunks*, then an empty one: the signal to write what is held."""
    yield from chunks
    yield ""


def _write_stream(chunks: Iterable[str], out: str | None) -> None:
    """Write *chunks* to the file *out* atomically, or to stdout for None or ``-``."""
    if out is None or out == "-":
        encoding = sys.stdout.encoding or "utf-8"
        plain = codecs.lookup(encoding).name == "utf-8"
        for piece in _gathered(chunks):
            if not plain:
                piece = piece.encode(encoding, "backslashreplace").decode(encoding)
            sys.stdout.write(piece)
        return
    try:
        write_atomic(Path(out), _gathered(chunks))
    except OSError as error:
        raise CommandError(f"{out}: cannot write: {error.strerror}") from None
