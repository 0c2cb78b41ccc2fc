"""Spreading the per-record pass over processes: byte ranges of big JSON Lines files.

A JSON Lines file is cut into ranges of about :data:`CHUNK_BYTES`, each
ending at a line end and knowing the number of its first line.  Worker
processes read their range and run the per-record pass
(:func:`~ddfacts.validation._pass.rows`) on each line, exactly as the
single-process reader does; the results come back in file order and go
through the same whole-set pass, so the report is identical to a
one-process run.  Files that are small, not JSON Lines,
or start oddly (a byte-order mark, NUL bytes, a blank first line) are read
in this process as usual.  The same ranges are the partitions of the Dask
mode (:mod:`ddfacts.validation._dask`).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from typing import Any

import attrs

from ..jsonio._fast._shape import is_valid_record
from ..jsonio._inputs import expand, inputs
from ..jsonio._reader import BINARY_PROBE, BOM, parsed_lines
from ..jsonio._strict import excerpt_of
from ..problems import Level, Problem
from ..vocabulary import Vocabulary
from ._pass import Checked, checked, rows

__all__ = ["CHUNK_BYTES", "MIN_SPLIT_BYTES", "Chunk", "check_chunk", "checked_parallel", "split"]

#: About how many bytes one worker task reads.
CHUNK_BYTES = 1 << 20
#: Files smaller than this are not split.
MIN_SPLIT_BYTES = 1 << 20
_JSONL = (".jsonl", ".ndjson")


@attrs.frozen
class Chunk:
    """A range of lines of one JSON Lines file."""

    #: The file's name, as the reports give it.
    file: str
    #: First byte (the start of a line).
    start: int
    #: One past the last byte (just after a line end, or the end of the file).
    end: int
    #: The number of the range's first line (1-based).
    first_line: int


def _plain_start(handle: Any) -> bool:
    """Whether the file starts as the line reader expects: no BOM, no NUL, a record first."""
    head = handle.read(BINARY_PROBE)
    first = head.split(b"\n", 1)[0]
    if head.startswith(BOM) or not first.strip():
        return False
    # The reader looks for NUL in every line that starts within the probe.
    end = head.rfind(b"\n")
    rest = handle.readline() if end != len(head) - 1 else b""
    return b"\x00" not in head and b"\x00" not in rest


def split(
    path: str | os.PathLike[str], size: int | None = None, *, min_size: int | None = None
) -> list[Chunk] | None:
    """The ranges of a JSON Lines file, or None when it should be read in one piece.

    *size* is about how many bytes a range holds (default :data:`CHUNK_BYTES`);
    files under *min_size* bytes (default :data:`MIN_SPLIT_BYTES`) are not cut.
    """
    size = size or CHUNK_BYTES
    min_size = MIN_SPLIT_BYTES if min_size is None else min_size
    file = os.fspath(path)
    if not file.lower().endswith(_JSONL):
        return None
    try:
        total = os.path.getsize(file)
        if total < min_size or total == 0:
            return None
        with open(file, "rb") as handle:
            if not _plain_start(handle):
                return None
            handle.seek(0)
            chunks: list[Chunk] = []
            start, line = 0, 1
            while start < total:
                block = handle.read(size)
                tail = handle.readline()  # finish the line the block cut
                data_end = start + len(block) + len(tail)
                chunks.append(Chunk(file, start, data_end, line))
                line += block.count(b"\n") + tail.count(b"\n")
                start = data_end
    except OSError:
        return None  # the reader in this process reports it
    return chunks


def _lines_of(chunk: Chunk) -> list[bytes]:
    with open(chunk.file, "rb") as handle:
        handle.seek(chunk.start)
        data = handle.read(chunk.end - chunk.start)
    lines = data.split(b"\n")
    last = lines.pop()
    out = [line + b"\n" for line in lines]
    if last:
        out.append(last)
    return out


def check_chunk(
    chunk: Chunk, vocab: Vocabulary, levels: frozenset[Level], *, summaries: bool = False
) -> list[Checked]:
    """The per-record results of one range, in order (what :func:`checked` yields for it)."""
    lines = parsed_lines(_lines_of(chunk), chunk.file, chunk.first_line)
    return list(rows(lines, vocab, levels, summaries))


def _compact(results: list[Checked]) -> list[Checked]:
    """Rows to send to the parent: excerpts on the rows' own problems, no line texts.

    The parent finds the excerpt of a problem it makes itself (a duplicate
    id) by reading the line again, as it does for references.
    """
    out: list[Checked] = []
    for item in results:
        if isinstance(item, Problem):
            out.append(item)
            continue
        problems = item.problems
        if problems and item.text is not None:
            excerpt = excerpt_of(item.text)
            problems = tuple(attrs.evolve(p, excerpt=excerpt) for p in problems)
        out.append(item._replace(problems=problems, text=None))
    return out


#: The worker's vocabulary and levels, set once per worker process.
_WORKER: dict[str, Any] = {}


def _start_worker(vocab: Vocabulary, levels: frozenset[Level], summaries: bool) -> None:
    _WORKER["vocab"] = vocab
    _WORKER["levels"] = levels
    _WORKER["summaries"] = summaries


def _work(chunk: Chunk) -> list[Checked]:
    return _compact(
        check_chunk(chunk, _WORKER["vocab"], _WORKER["levels"], summaries=_WORKER["summaries"])
    )


def _entries(source: Any) -> Iterator[Any]:
    """The inputs as the one-process reader sees them: files (folders expanded) or problems."""
    for item in inputs(source):
        if isinstance(item, (str, os.PathLike)):
            yield from expand(item)
        else:
            yield item


def checked_parallel(
    source: Any, vocab: Vocabulary, levels: frozenset[Level], jobs: int, *, summaries: bool = False
) -> Iterator[Checked]:
    """What :func:`checked` yields, with big JSON Lines files spread over *jobs* processes.

    Needs the ``fork`` start method (Linux, macOS) to hand the vocabulary to
    the workers; without it, everything runs in this process.
    """
    if "fork" not in multiprocessing.get_all_start_methods():
        yield from checked(source, vocab, levels, summaries=summaries)
        return
    context = multiprocessing.get_context("fork")
    pool = None
    try:
        for entry in _entries(source):
            if isinstance(entry, Problem):
                yield entry
                continue
            chunks = split(entry) if isinstance(entry, (str, os.PathLike)) else None
            if chunks is None:
                yield from checked(entry, vocab, levels, summaries=summaries)
                continue
            if pool is None:
                is_valid_record({"type": "source"})  # compile once, before forking
                pool = context.Pool(
                    jobs, initializer=_start_worker, initargs=(vocab, levels, summaries)
                )
            for results in pool.imap(_work, chunks):
                yield from results
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()
