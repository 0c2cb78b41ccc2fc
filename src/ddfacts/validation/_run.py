"""One validation run: the per-record pass (here or spread out), then the whole-set pass.

:func:`validate` reads the inputs, runs the per-record pass
(:func:`~ddfacts.validation._pass.checked`, or over processes with
``jobs``), and hands its rows to :func:`report_of`: the whole-set pass
(:class:`~ddfacts.validation._checker.RunChecker`), then the anchors level
when a text store is given.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, Union

import attrs

from ..errors import LevelError
from ..jsonio._inputs import Input
from ..jsonio._strict import EXCERPT_LENGTH, excerpt_of
from ..problems import ALL_LEVELS, Level, Problem, Report
from ..textstore import TextStore
from ..vocabulary import Vocabulary, default_vocabulary, load_vocabulary
from ._anchors import anchor_groups, grouped_anchor_problems
from ._anchorspill import AnchorSpill
from ._checker import RunChecker
from ._pass import checked
from ._record import RecordResult, RecordSummary
from ._rows import Row, row_of_result

__all__ = ["parse_levels", "problems_of", "report_of", "validate", "vocabulary_of"]

#: What the whole-set pass takes: reading problems, rows, or records' results
#: (from :func:`~ddfacts.validation.check_record`, in another process or on another machine).
Result = Union[Problem, Row, RecordResult]  # noqa: UP007 - a runtime alias


def parse_levels(levels: Iterable[Level | str] | Level | str) -> frozenset[Level]:
    """The levels named (a name, a comma-separated list, or an iterable of names).

    Raises:
        LevelError: a name is not a level.
    """
    items = [levels] if isinstance(levels, (str, Level)) else list(levels)
    wanted: set[Level] = set()
    for item in items:
        for name in [item] if isinstance(item, Level) else item.split(","):
            try:
                wanted.add(Level(name.strip() if isinstance(name, str) else name))
            except ValueError:
                known = ", ".join(level.value for level in Level)
                raise LevelError(f"unknown level {name!r}; expected one of {known}") from None
    return frozenset(wanted)


def vocabulary_of(
    vocab: Vocabulary | str | os.PathLike[str] | Iterable[Any] | None,
) -> Vocabulary:
    """The vocabulary a run uses: the shipped one, or it extended by vocabulary files."""
    if vocab is None:
        return default_vocabulary()
    if isinstance(vocab, Vocabulary):
        return vocab
    if isinstance(vocab, (str, os.PathLike)):
        return load_vocabulary(vocab)
    return load_vocabulary(*vocab)


def _store(texts: Any) -> Any:
    if texts is None or not isinstance(texts, (str, os.PathLike)):
        return texts
    return TextStore(texts)


def validate(
    source: Input | Iterable[Input],
    *,
    texts: Any = None,
    vocab: Vocabulary | str | os.PathLike[str] | Iterable[Any] | None = None,
    levels: Iterable[Level | str] | Level | str = ALL_LEVELS,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
) -> Report:
    """Validate fact files and return every problem found, in file order.

    Args:
        source: a path (a folder means every fact file in it), an open file,
            a FactSet, or a list of these; references resolve across all of
            them.
        texts: a text-store folder or an object with ``get(source)`` (such
            as :class:`ddfacts.TextStore`); level ``anchors`` runs only with one.
        vocab: a :class:`~ddfacts.vocabulary.Vocabulary`, or vocabulary files
            extending the shipped one.
        levels: the levels to check (default: all).
        jobs: processes to spread big JSON Lines files over (the report is
            the same as with one).
        progress: called with the number of records checked so far, now
            and then (see :mod:`ddfacts.cli._progress`).

    Raises:
        LevelError: a level name is unknown.
        VocabularyError: a vocabulary file is unusable.

    .. versionadded:: 0.1.0
    """
    wanted = parse_levels(levels)
    vocabulary = vocabulary_of(vocab)
    store = _store(texts)
    summaries = store is not None and Level.ANCHORS in wanted
    if jobs > 1:
        # Deferred: multiprocessing costs every import of ddfacts, and only --jobs needs it.
        from ._parallel import checked_parallel

        results = checked_parallel(source, vocabulary, wanted, jobs, summaries=summaries)
    else:
        results = checked(source, vocabulary, wanted, summaries=summaries)
    return report_of(results, vocabulary, wanted, store=store, progress=progress)


def report_of(
    results: Iterable[Result],
    vocab: Vocabulary,
    levels: frozenset[Level],
    *,
    store: Any = None,
    progress: Callable[[int], None] | None = None,
) -> Report:
    """The report of a run from its per-record results, in input order: the whole-set pass.

    *results* may come from :func:`checked` in this process, or from other
    processes or machines (``--jobs``, Dask, or :func:`check_record` run
    anywhere): given the same results in the same order, the report is the
    same.
    """
    found = list(problems_of(results, vocab, levels, store=store, progress=progress))
    return Report(_with_excerpts(found))


def problems_of(
    results: Iterable[Result],
    vocab: Vocabulary,
    levels: frozenset[Level],
    *,
    store: Any = None,
    progress: Callable[[int], None] | None = None,
    spill: bool = False,
) -> Iterator[Problem]:
    """The problems of :func:`report_of`, one at a time, before they are sorted into a report.

    Each record's own problems come as its result is read, then those of the
    whole set; what is held is the whole-set pass's index, not the problems
    found so far (a caller sorts them: :func:`~ddfacts.problems._report.sort_bytes`
    gives each one's place in the report).  Excerpts of lines read later are
    not filled in.  With *spill*, the whole-set pass keeps its id index and
    claim groups on disk (:mod:`~ddfacts.validation._spillmap`) and the
    anchors level's summaries wait there too
    (:class:`~ddfacts.validation._anchorspill.AnchorSpill`), not in a list:
    the same problems, in the same order.
    """
    checker = RunChecker(vocab, levels, spill=spill)
    spilled = AnchorSpill() if spill else None
    anchored: list[RecordSummary] = []
    keep = anchored.append if spilled is None else spilled.add
    try:
        yield from _own_problems(results, checker, keep, progress)
        yield from checker.problems()
        if store is not None and Level.ANCHORS in levels:
            groups = anchor_groups(anchored) if spilled is None else spilled.groups()
            yield from grouped_anchor_problems(groups, store)
    finally:
        checker.close()
        if spilled is not None:
            spilled.close()


def _own_problems(
    results: Iterable[Result],
    checker: RunChecker,
    keep: Callable[[RecordSummary], None],
    progress: Callable[[int], None] | None,
) -> Iterator[Problem]:
    """Each record's own problems as its result is read; its facts go to *checker* and its
    anchors-level summary to *keep*."""
    add = checker.add
    done = 0
    for item in results:
        if isinstance(item, Problem):
            yield item
            continue
        row = row_of_result(item, None) if isinstance(item, RecordResult) else item
        problems, facts, file, line, pointer, text, summary = row
        duplicate = add(facts, file, line, pointer)
        if summary is not None:
            keep(summary)
        if problems or duplicate:
            own = [*problems, *duplicate]
            if text is not None:
                excerpt = excerpt_of(text)
                own = [attrs.evolve(one, excerpt=excerpt) for one in own]
            yield from own
        done += 1
        if progress is not None and not done & 1023:
            progress(done)


def _excerpts(handle: BinaryIO, file: str, numbers: set[int]) -> dict[tuple[str, int], str]:
    """The excerpts of lines *numbers* of *handle*, reading no line further than it must.

    Only the first :data:`~ddfacts.jsonio._strict.EXCERPT_LENGTH` bytes (times 4)
    of a line are kept; the rest of a long line is skipped in bounded pieces, and
    reading stops after the last line wanted.
    """
    found: dict[tuple[str, int], str] = {}
    last, number, keep = max(numbers), 1, 4 * EXCERPT_LENGTH
    while number <= last:
        piece = handle.readline(keep)
        if not piece:
            break
        if number in numbers:
            found[file, number] = excerpt_of(piece.decode("utf-8", "replace"))
        while not piece.endswith(b"\n"):
            piece = handle.readline(1 << 16)
            if not piece:
                return found
        number += 1
    return found


def _with_excerpts(problems: list[Problem]) -> list[Problem]:
    """Fill in the line of JSON Lines input for problems found after the line was read."""
    wanted: dict[str, set[int]] = {}
    for item in problems:
        where = item.location
        if item.excerpt is None and where.file and where.line is not None and where.column is None:
            wanted.setdefault(where.file, set()).add(where.line)
    lines: dict[tuple[str, int], str] = {}
    for file, numbers in wanted.items():
        if not file.lower().endswith((".jsonl", ".ndjson")) or not Path(file).is_file():
            continue
        try:
            with open(file, "rb") as handle:
                lines.update(_excerpts(handle, file, numbers))
        except OSError:
            continue
    if not lines:
        return problems
    return [
        attrs.evolve(item, excerpt=lines[key])
        if item.location.file is not None
        and item.location.line is not None
        and (key := (item.location.file, item.location.line)) in lines
        and item.excerpt is None
        else item
        for item in problems
    ]
