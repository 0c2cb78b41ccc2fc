"""Running a ClaimReview import: inputs, streaming, the summary, merging into a fact set."""

from __future__ import annotations

import codecs
import collections
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, Union

import attrs

from ..jsonio._strict import Fault
from ..problems import Location, Problem, Report, problem
from ..records import Record
from . import _jsonld
from ._claimreview import ClaimReviewReader, is_claimreview
from ._crfields import Trouble

__all__ = [
    "ClaimReviewImport",
    "ImportSummary",
    "MergeResult",
    "from_claimreview",
    "iter_claimreview",
    "merge_records",
]

#: What :func:`from_claimreview` reads: a path, a binary file, or a parsed JSON-LD value.
ClaimReviewInput = Union[str, "os.PathLike[str]", BinaryIO, dict[str, Any], list[Any]]
#: Members whose values hold further nodes: a feed's items, a DataFeedItem's item, a list's.
_NESTED = ("@graph", "dataFeedElement", "itemListElement", "item")
_PROBE = 1024


@attrs.define
class ImportSummary:
    """What an import read and made, counted: the oddities mapped and the problems met."""

    #: ClaimReview nodes read.
    claimreviews: int = 0
    #: Other JSON-LD nodes (a WebPage, an Organization…), not ClaimReviews: left alone.
    other_nodes: int = 0
    #: Records made, by type.
    made: collections.Counter[str] = attrs.field(factory=collections.Counter)
    #: Variants mapped faithfully, by name (:data:`ddfacts.imports._crfields.ODDITIES`).
    oddities: collections.Counter[str] = attrs.field(factory=collections.Counter)
    #: Problems, by code.
    problems: collections.Counter[str] = attrs.field(factory=collections.Counter)


@attrs.frozen(kw_only=True)
class ClaimReviewImport:
    """What :func:`from_claimreview` made: the records, the problems, the counts."""

    #: Actors, Sources, Claims and Reviews, in the order made (each id once).
    records: tuple[Record, ...]
    #: What could not be mapped, located by file, line and JSON pointer.
    report: Report
    #: The counts.
    summary: ImportSummary


def _nodes(value: Any, where: Location, summary: ImportSummary) -> Iterator[tuple[Location, Any]]:
    """The ClaimReview nodes in one item: itself, or those its feed members hold."""
    if is_claimreview(value):
        summary.claimreviews += 1
        yield where, value
        return
    if isinstance(value, list):
        for index, element in enumerate(value):
            yield from _nodes(element, where.child(index), summary)
        return
    nested = [key for key in _NESTED if isinstance(value, dict) and key in value]
    if not nested:
        if isinstance(value, dict):
            summary.other_nodes += 1
        else:
            summary.problems["import.not-claimreview"] += 1
            yield where, value
        return
    for key in nested:
        yield from _nodes(value[key], where.child(key), summary)


def _items(source: ClaimReviewInput, file: str | None) -> Iterator[tuple[Location, Any]]:
    if isinstance(source, (dict, list)):
        yield Location(file=file), source
        return
    if isinstance(source, (str, os.PathLike)):
        with Path(source).open("rb") as handle:
            yield from _items_of(handle, file or os.fspath(source))
        return
    yield from _items_of(source, file)


class _Utf8:
    """A text reader over a binary file whose first bytes were read already (strict UTF-8)."""

    def __init__(self, head: bytes, handle: BinaryIO) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
        self._head: bytes | None = head
        self._handle = handle

    def read(self, size: int) -> str:
        data, self._head = (self._head, None) if self._head else (self._handle.read(size), None)
        return self._decoder.decode(data, final=not data)


def _items_of(handle: BinaryIO, file: str | None) -> Iterator[tuple[Location, Any]]:
    head = handle.read(_PROBE)
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    text = _Utf8(head, handle)
    if head.lstrip().startswith(b"<"):
        page = "".join(iter(lambda: text.read(1 << 20), ""))
        for line, block in _jsonld.html_blocks(page):
            try:
                for at, value in _jsonld.iter_text_items(block, file=file):
                    yield (attrs.evolve(at, line=line) if at.line is None else at), value
            except Fault as bad:  # one broken block: report it, read the others
                found = bad.problem
                yield (
                    found.location,
                    attrs.evolve(found, location=attrs.evolve(found.location, line=line)),
                )
        return
    yield from _jsonld.iter_items(text, file=file)


def _problem(trouble: Trouble, where: Location) -> Problem:
    return problem(trouble.code, trouble.message + ".", where.child(*trouble.pointer))


def iter_claimreview(
    source: ClaimReviewInput,
    *,
    base_url: str | None = None,
    file: str | None = None,
    summary: ImportSummary | None = None,
) -> Iterator[Record | Problem]:
    """The records and problems of a ClaimReview import, streamed: one item in memory at a time.

    *source* is a path, a binary file, or an already parsed JSON-LD value; a
    file is JSON-LD (an object, an array, ``@graph``, a ``DataFeed``) or an
    HTML page whose ``<script type="application/ld+json">`` blocks hold it.
    *base_url* resolves relative URLs.  Counts go into *summary* when given.
    An unreadable document ends the stream with its problem.
    """
    counts = summary if summary is not None else ImportSummary()
    origin = file or (os.fspath(source) if isinstance(source, (str, os.PathLike)) else "a document")
    reader = ClaimReviewReader(base_url=base_url)
    try:
        for where, item in _items(source, file):
            if isinstance(item, Problem):
                counts.problems[item.code] += 1
                yield item
                continue
            for at, node in _nodes(item, where, counts):
                if not isinstance(node, dict):
                    yield problem("import.not-claimreview", "an item is not a JSON object.", at)
                    continue
                records, met = reader.read(node)
                for thing in met:
                    if isinstance(thing, str):
                        counts.oddities[thing] += 1
                    else:
                        counts.problems[thing.code] += 1
                        yield _problem(thing, at)
                for record in records:
                    counts.made[record.type] += 1
                    yield record
    except Fault as bad:
        counts.problems[bad.problem.code] += 1
        yield bad.problem
    except (UnicodeDecodeError, OSError) as error:
        counts.problems["import.unreadable"] += 1
        yield problem(
            "import.unreadable", f"the input cannot be read: {error}.", Location(file=origin)
        )


def from_claimreview(
    source: ClaimReviewInput, *, base_url: str | None = None, file: str | None = None
) -> ClaimReviewImport:
    """Import schema.org ClaimReview markup as Claims, Reviews, Actors and Sources.

    Reads JSON-LD (one object, an array, ``@graph``, a Data Commons style
    ``DataFeed`` of ``DataFeedItem``\\ s) or an HTML page's JSON-LD blocks;
    see :mod:`ddfacts.imports` for the mapping.  Messy markup is mapped where
    the mapping is faithful (counted in the summary's ``oddities``) and is
    otherwise a located problem (codes ``import.*``); nothing is dropped silently.

    .. versionadded:: 0.2.0
    """
    summary = ImportSummary()
    records: list[Record] = []
    problems: list[Problem] = []
    for thing in iter_claimreview(source, base_url=base_url, file=file, summary=summary):
        (problems if isinstance(thing, Problem) else records).append(thing)  # type: ignore[arg-type]
    return ClaimReviewImport(records=tuple(records), report=Report(problems), summary=summary)


@attrs.frozen(kw_only=True)
class MergeResult:
    """Existing records merged with imported ones, and how many of each kind."""

    #: The existing records (a changed one replaced in place), then the added ones.
    records: tuple[Record, ...]
    #: Ids new to the existing records.
    added: int
    #: Ids already there with equal records.
    unchanged: int
    #: Ids already there with different records (replaced by the imported ones).
    changed: int


def merge_records(existing: Iterable[Record], imported: Iterable[Record]) -> MergeResult:
    """Merge *imported* into *existing* by id: add new ids, replace changed records.

    .. versionadded:: 0.2.0
    """
    merged = {record.id: record for record in existing}
    added = unchanged = changed = 0
    for record in imported:
        before = merged.get(record.id)
        if before is None:
            added += 1
        elif before == record:
            unchanged += 1
        else:
            changed += 1
        merged[record.id] = record
    return MergeResult(
        records=tuple(merged.values()), added=added, unchanged=unchanged, changed=changed
    )
