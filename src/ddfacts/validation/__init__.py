"""Validation: every problem in a run of fact files, located and explained.

:func:`validate` reads fact files (paths, folders, open files, or a
FactSet), checks every record at the selected levels and returns a
:class:`~ddfacts.problems.Report`.  It never raises on bad data.

The work splits in three, so that it can be spread over processes or an
engine such as Dask:

* per record, :func:`check_record` — a pure function of one raw JSON value,
  its location and the vocabulary — gives the record's own problems (levels
  ``shape`` and ``meaning``) and a small :class:`RecordSummary`;
* over the whole run, :class:`SetChecker` takes the summaries and reports
  duplicate ids, dangling or mistyped references, vocabulary coherence
  across records and cycles (levels ``refs`` and ``meaning``);
* with a text store, :func:`anchor_problems` checks statements against
  their sources' texts (level ``anchors``).

Every code is listed, with its level and severity, in :data:`CODES`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Union

import attrs

from ..errors import LevelError
from ..factset import FactSet
from ..jsonio._inputs import FACT_SUFFIXES, RawRecord, iter_raw
from ..jsonio._inputs import read_inputs as _parsed
from ..jsonio._reader import Parsed
from ..jsonio._strict import excerpt_of
from ..problems import (
    ALL_LEVELS,
    CODES,
    CodeInfo,
    Level,
    Location,
    Problem,
    Report,
)
from ..vocabulary import Vocabulary, default_vocabulary, load_vocabulary
from ._anchors import anchor_problems
from ._record import RecordResult, RecordSummary, check_record, summarize
from ._set import SetChecker
from ._stream import Row, RunChecker, Scanner, row_of_result

__all__ = [
    "ALL_LEVELS",
    "CODES",
    "FACT_SUFFIXES",
    "CodeInfo",
    "Level",
    "LevelError",
    "RawRecord",
    "RecordResult",
    "RecordSummary",
    "SetChecker",
    "anchor_problems",
    "check_record",
    "checked",
    "iter_raw",
    "parse_levels",
    "report_of",
    "validate",
]

#: One input: a path, an open file, or a FactSet.
Input = Union[str, "os.PathLike[str]", IO[Any], FactSet]


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


def _vocabulary(vocab: Vocabulary | str | os.PathLike[str] | Iterable[Any] | None) -> Vocabulary:
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
    from ..textstore import TextStore

    return TextStore(texts)


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
                for number, raw in enumerate(handle, start=1):
                    if number in numbers:
                        lines[file, number] = excerpt_of(raw.decode("utf-8", "replace"))
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


#: What the per-record pass yields: a reading problem, a row (see
#: :mod:`~ddfacts.validation._stream`), or a record's result and excerpt.
Checked = Union[Problem, Row, tuple[RecordResult, Union[str, None]]]  # noqa: UP007 - runtime alias


def _rows(
    items: Iterable[Parsed | Problem], vocab: Vocabulary, levels: frozenset[Level], summaries: bool
) -> Iterator[Problem | Row]:
    """The per-record pass over parsed records: the fast pass, the exact checks when unsure."""
    facts_of = Scanner(vocab).facts
    for item in items:
        if isinstance(item, Problem):
            yield item
            continue
        value, file, line, pointer, text = item
        facts = facts_of(value)
        if facts is None:
            location = Location(file=file, line=line, pointer=pointer)
            result = check_record(value, location, vocab, levels)
            yield (
                row_of_result(result, text)
                if summaries
                else (
                    *row_of_result(result, text)[:6],
                    None,
                )
            )
        elif summaries and facts[1] in ("source", "statement"):
            location = Location(file=file, line=line, pointer=pointer)
            yield (), facts, file, line, pointer, text, summarize(value, location)
        else:
            yield (), facts, file, line, pointer, text, None


def checked(
    source: Input | Iterable[Input],
    vocab: Vocabulary,
    levels: frozenset[Level],
    *,
    summaries: bool = False,
) -> Iterator[Checked]:
    """The per-record pass over the inputs, in order, in this process.

    With *summaries*, sources' and statements' rows carry the summary the
    anchors level needs.
    """
    yield from _rows(_parsed(source), vocab, levels, summaries)


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
    vocabulary = _vocabulary(vocab)
    store = _store(texts)
    summaries = store is not None and Level.ANCHORS in wanted
    if jobs > 1:
        from ._parallel import checked_parallel

        results = checked_parallel(source, vocabulary, wanted, jobs, summaries=summaries)
    else:
        results = checked(source, vocabulary, wanted, summaries=summaries)
    return report_of(results, vocabulary, wanted, store=store, progress=progress)


def report_of(
    results: Iterable[Checked],
    vocab: Vocabulary,
    levels: frozenset[Level],
    *,
    store: Any = None,
    progress: Callable[[int], None] | None = None,
) -> Report:
    """The report of a run from its per-record results, in input order: the whole-set pass.

    *results* may come from :func:`checked` in this process, or from other
    processes or machines (``--jobs``, Dask): given the same results in the
    same order, the report is the same.
    """
    checker = RunChecker(vocab, levels)
    add = checker.add
    found: list[Problem] = []
    anchored: list[RecordSummary] = []
    done = 0
    for item in results:
        if isinstance(item, Problem):
            found.append(item)
            continue
        if len(item) == 2:  # a RecordResult and its excerpt
            result, excerpt = item
            row = row_of_result(result, None)
        else:
            row = item
            excerpt = None
        problems, facts, file, line, pointer, text, summary = row
        duplicate = add(facts, file, line, pointer)
        if summary is not None:
            anchored.append(summary)
        if problems or duplicate:
            own = [*problems, *duplicate]
            if text is not None:
                excerpt = excerpt_of(text)
            if excerpt is not None:
                own = [attrs.evolve(p, excerpt=excerpt) for p in own]
            found.extend(own)
        done += 1
        if progress is not None and not done & 1023:
            progress(done)
    found.extend(checker.finish())
    if store is not None and Level.ANCHORS in levels:
        found.extend(anchor_problems(anchored, store))
    return Report(_with_excerpts(found))
