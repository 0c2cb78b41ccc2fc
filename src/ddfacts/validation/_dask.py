"""Validation past one machine: the per-record pass as Dask tasks, the whole-set pass after.

:func:`validate_dask` cuts every JSON Lines file into byte ranges at line
ends (the ranges of ``--jobs``, :func:`~ddfacts.validation._parallel.split`),
makes each range one partition of a Dask bag, and maps
:func:`~ddfacts.validation._parallel.check_chunk` over them on the cluster:
parsing, shape, meaning on each record alone, and each record's small
summary.  Files that cannot be cut (JSON documents) are one partition each.
The summaries then go through the same whole-set pass as a local run
(:func:`~ddfacts.validation.report_of`: duplicate ids, references,
contradictions, cycles), so the report equals the one-process report.

Install with ``pip install ddfacts[dask]``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import cache
from typing import Any

from ..problems import ALL_LEVELS, Level, Problem, Report
from ..vocabulary import Vocabulary
from ._parallel import Chunk, _compact, _entries, check_chunk, split
from ._pass import Checked, checked
from ._run import parse_levels, report_of, vocabulary_of

__all__ = ["validate_dask"]


@cache
def _worker_vocabulary(files: tuple[str, ...]) -> Vocabulary:
    return vocabulary_of(files or None)


def _run(task: Chunk | str, files: tuple[str, ...], levels: frozenset[Level]) -> list[Checked]:
    """One partition on a worker: a range of lines, or a whole file."""
    vocab = _worker_vocabulary(files)
    if isinstance(task, Chunk):
        return _compact(check_chunk(task, vocab, levels))
    return list(checked(task, vocab, levels))


def validate_dask(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    client: Any = None,
    vocab: Iterable[str | os.PathLike[str]] = (),
    levels: Iterable[Level | str] | Level | str = ALL_LEVELS,
    partition_bytes: int | None = None,
    min_split_bytes: int | None = None,
) -> Report:
    """Validate fact files on a Dask cluster, with the report :func:`validate` would give.

    Args:
        paths: fact files or folders (every worker must see them at the same paths).
        client: a ``distributed.Client``; None uses Dask's current scheduler.
        vocab: vocabulary files extending the shipped one (read on each worker).
        levels: the levels to check (``anchors`` is not run here).
        partition_bytes: about how many bytes one partition reads.
        min_split_bytes: files smaller than this are one partition.

    .. versionadded:: 0.1.0
    """
    import dask.bag as db

    wanted = parse_levels(levels)
    files = tuple(os.fspath(name) for name in vocab)
    sources = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    tasks: list[Chunk | str | Problem] = []
    for entry in _entries(sources):
        if isinstance(entry, Problem):
            tasks.append(entry)
            continue
        if not isinstance(entry, (str, os.PathLike)):
            raise TypeError(f"validate_dask reads files by path, got {entry!r}")
        chunks = split(entry, partition_bytes, min_size=min_split_bytes)
        tasks.extend(chunks if chunks is not None else [os.fspath(entry)])
    work = [task for task in tasks if not isinstance(task, Problem)]
    parts: list[list[Any]] = []
    if work:
        bag = db.from_sequence(work, npartitions=len(work)).map(  # type: ignore[no-untyped-call]
            _run, files, wanted
        )
        computed = client.compute(bag, sync=True) if client is not None else bag.compute()
        parts = [part if isinstance(part, list) else [part] for part in _partitions(computed)]
    results: list[Any] = []
    done = iter(parts)
    for task in tasks:
        if isinstance(task, Problem):
            results.append(task)
        else:
            results.extend(next(done))
    return report_of(results, vocabulary_of(files or None), wanted)


def _partitions(computed: Any) -> list[Any]:
    """One list of results per task, whatever way the bag came back."""
    return list(computed)
