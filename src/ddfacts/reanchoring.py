"""Re-anchoring a fact set: every Statement relocated against the current texts.

:func:`reanchor` is what ``ddfacts reanchor`` does, for Python users: each
Statement's anchor is relocated in the current text of its Source (see
:meth:`Anchor.relocate <ddfacts.Anchor.relocate>`); a statement that moved
gets its new anchor and a ``reanchored`` activity in its provenance; a Source
whose text changed gets the new text's sha256 and length and a
``text-updated`` activity (:func:`rehash`).  Nothing is written: the result
holds the new records, in the order given, and one row per statement saying
what happened to it.

The statement's id never changes (DESIGN decision 6), and a statement that
cannot be placed with confidence keeps its old anchor: its row says
``orphaned`` (or ``unchecked`` when its Source or text is missing).

This module sits above the records, not in :mod:`ddfacts.anchors`: the
records import the Anchor class from there, so the anchors package must not
import the records back.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Literal, TypeVar, Union, get_args

import attrs

from ._version import __version__
from .anchors._landmarks import relocate_all
from .anchors._relocate import Relocation, RelocationMethod
from .errors import TextStoreError
from .provenance import Activity, Provenance
from .records import Record, Source, Statement
from .textstore import TextStore, sha256_of

__all__ = [
    "AGENT",
    "METHODS",
    "ReanchorMethod",
    "ReanchorResult",
    "ReanchorRow",
    "Texts",
    "reanchor",
    "reanchor_statement",
    "rehash",
]

#: The agent of the activities re-anchoring records, unless told otherwise.
AGENT = f"ddfacts {__version__}"

#: What happened to one statement: how it was relocated, or ``unchecked`` when it could
#: not be tried (no Source record, no text).
ReanchorMethod = Union[RelocationMethod, Literal["unchecked"]]  # noqa: UP007

#: Every :data:`ReanchorMethod`, in the order a summary lists them.
METHODS: tuple[ReanchorMethod, ...] = (*get_args(RelocationMethod), "unchecked")

#: Where the current texts come from: a :class:`~ddfacts.TextStore` (its
#: :meth:`~ddfacts.TextStore.current` text of each Source), or texts by source id.
Texts = Union[TextStore, Mapping[str, str]]  # noqa: UP007

_WithProvenance = TypeVar("_WithProvenance", Source, Statement)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def _logged(record: _WithProvenance, activity: Activity) -> _WithProvenance:
    """*record* with *activity* appended to its provenance's history."""
    before: Provenance = record.provenance or Provenance()
    after = attrs.evolve(before, history=(*before.history, activity))
    return attrs.evolve(record, provenance=after)


def rehash(
    source: Source, text: str, *, agent: str = AGENT, at: dt.datetime | None = None
) -> Source:
    """*source* with the sha256 and length of *text*, its current text, when its hash changed.

    The change is logged in the source's provenance as a ``text-updated``
    :class:`~ddfacts.Activity` by *agent* at *at* (default: now, UTC, to the
    second), its note naming the old and the new hash.  A source whose
    recorded sha256 is the text's, or that records none, is returned as it is.

    .. versionadded:: 0.1.0
    """
    digest = sha256_of(text)
    if source.sha256 is None or digest == source.sha256:
        return source
    activity = Activity(
        activity="text-updated",
        at=at or _now(),
        agent=agent,
        note=f"sha256 {source.sha256} -> {digest}",
    )
    return attrs.evolve(_logged(source, activity), sha256=digest, length=len(text))


def reanchor_statement(
    statement: Statement,
    text: str,
    *,
    old_length: int | None = None,
    agent: str = AGENT,
    at: dt.datetime | None = None,
) -> tuple[Statement, Relocation]:
    """Relocate *statement*'s anchor in *text*; the statement as it now stands, and how.

    *old_length*, the length of the text the anchor was made in (its Source's
    ``length``), lets the expected position scale with the text's change in
    size (see :meth:`Anchor.relocate <ddfacts.Anchor.relocate>`).  When the
    anchor moved, the statement comes back with the new anchor and a
    ``reanchored`` :class:`~ddfacts.Activity` by *agent* at *at* (default:
    now, UTC, to the second), its note saying the method, the score and the
    old and new spans; when it stayed or is orphaned, unchanged.  To relocate
    all the statements of one source together (the certain ones guiding the
    others), use :func:`reanchor`.

    .. versionadded:: 0.1.0
    """
    relocation = statement.anchor.relocate(text, old_length=old_length)
    return _moved(statement, relocation, text, agent, at or _now()), relocation


def _moved(
    statement: Statement, relocation: Relocation, text: str, agent: str, at: dt.datetime
) -> Statement:
    """*statement* with its relocated anchor and a ``reanchored`` activity, if it moved."""
    anchor = relocation.anchor(text)
    if anchor is None or anchor == statement.anchor:
        return statement
    old = statement.anchor
    activity = Activity(
        activity="reanchored",
        at=at,
        agent=agent,
        note=(
            f"method={relocation.method}, score={relocation.score:.2f}, "
            f"{old.start}..{old.end} -> {anchor.start}..{anchor.end}"
        ),
    )
    return attrs.evolve(_logged(statement, activity), anchor=anchor)


@attrs.frozen(kw_only=True)
class ReanchorRow:
    """What re-anchoring did with one Statement: one row of the table ``ddfacts reanchor`` prints.

    .. versionadded:: 0.1.0
    """

    #: The statement's id.
    statement: str
    #: How it was relocated, ``orphaned``, or ``unchecked`` when it could not be tried.
    method: ReanchorMethod
    #: The relocation's confidence, 0..1 (None when unchecked).
    score: float | None
    #: The old anchor's span, ``(start, end)``.
    old: tuple[int, int]
    #: The new span, or None when orphaned or unchecked.
    new: tuple[int, int] | None
    #: Why: the relocation's reason, or why it could not be tried.
    reason: str
    #: The relocation itself, with the candidates it weighed (None when unchecked).
    relocation: Relocation | None = None

    @property
    def orphaned(self) -> bool:
        """Whether the quote could not be placed with confidence."""
        return self.method == "orphaned"

    @property
    def placed(self) -> bool:
        """Whether the statement now cites its quote in the current text."""
        return self.new is not None


def _unchecked(statement: Statement, reason: str) -> ReanchorRow:
    old = statement.anchor
    return ReanchorRow(
        statement=statement.id,
        method="unchecked",
        score=None,
        old=(old.start, old.end),
        new=None,
        reason=reason,
    )


def _row(statement: Statement, relocation: Relocation) -> ReanchorRow:
    old = statement.anchor
    new = None
    if relocation.start is not None and relocation.end is not None:
        new = (relocation.start, relocation.end)
    return ReanchorRow(
        statement=statement.id,
        method=relocation.method,
        score=relocation.score,
        old=(old.start, old.end),
        new=new,
        reason=relocation.reason,
        relocation=relocation,
    )


@attrs.frozen(kw_only=True)
class ReanchorResult:
    """The records after re-anchoring, and what happened to each statement.

    .. versionadded:: 0.1.0
    """

    #: Every record given, in the same order: statements moved, sources rehashed, others as is.
    records: tuple[Record, ...]
    #: One row per Statement, in the order of the records.
    rows: tuple[ReanchorRow, ...]

    @property
    def ok(self) -> bool:
        """Whether every statement was placed (none orphaned or unchecked)."""
        return all(row.placed for row in self.rows)

    def counts(self) -> dict[ReanchorMethod, int]:
        """How many statements each method placed (or left), in :data:`METHODS` order; no zeros."""
        counts = dict.fromkeys(METHODS, 0)
        for row in self.rows:
            counts[row.method] += 1
        return {method: n for method, n in counts.items() if n}


@attrs.frozen
class _NoText:
    """Why a Source has no current text."""

    reason: str


@attrs.define
class _Current:
    """The current text of each Source, looked up once; or why there is none."""

    texts: Texts
    found: dict[str, str | _NoText] = attrs.Factory(dict)

    def __call__(self, source: Source) -> str | _NoText:
        if source.id not in self.found:
            self.found[source.id] = self._look_up(source)
        return self.found[source.id]

    def _look_up(self, source: Source) -> str | _NoText:
        if not isinstance(self.texts, TextStore):
            text = self.texts.get(source.id)
            return _NoText(f"no text for {source.id}") if text is None else text
        try:
            found = self.texts.current(source)
        except TextStoreError as error:
            return _NoText(str(error))
        if found is None:
            return _NoText(f"no text for {source.id} in {self.texts.folder}")
        return found


def reanchor(
    facts: Iterable[Record],
    texts: Texts,
    *,
    agent: str = AGENT,
    at: dt.datetime | None = None,
) -> ReanchorResult:
    """Relocate every Statement of *facts* in the current text of its Source.

    *texts* is a :class:`~ddfacts.TextStore` (a Source's current text is the
    file named after its id, whatever its hash; else the file with its hash)
    or a mapping from source id to text.  The statements of each source are
    relocated together (:func:`~ddfacts.anchors.relocate_all`: those found for
    certain, with their whole context, map where the others must be), the
    expected position otherwise scaled by the Source's recorded ``length``, and
    logged as :func:`reanchor_statement` logs them; each Source that records a sha256 is
    :func:`rehash`-ed against its current text.  The activities logged are by
    *agent* at *at* (default: now, UTC, to the second), one time for the run.

    A statement whose Source is not among *facts*, or whose text is missing or
    refused, is left as it is with an ``unchecked`` row saying why.

    Example::

        result = ddfacts.reanchor(ddfacts.load("facts.json"), ddfacts.TextStore("texts"))
        ddfacts.dump(result.records, "facts.json")
        for row in result.rows:
            if not row.placed:
                print(row.statement, row.method, row.reason)

    .. versionadded:: 0.1.0
    """
    records = list(facts)
    when = at or _now()
    sources = {record.id: record for record in records if isinstance(record, Source)}
    current = _Current(texts)
    found = _relocations(records, sources, current)
    out: list[Record] = []
    rows: list[ReanchorRow] = []
    for index, record in enumerate(records):
        if isinstance(record, Source) and record.sha256 is not None:
            text = current(record)
            if isinstance(text, str):
                record = rehash(record, text, agent=agent, at=when)
        elif isinstance(record, Statement):
            source = sources.get(record.source)
            text = (
                current(source)
                if source is not None
                else _NoText(f"no Source record {record.source}")
            )
            if isinstance(text, _NoText):
                rows.append(_unchecked(record, text.reason))
            else:
                rows.append(_row(record, found[index]))
                record = _moved(record, found[index], text, agent, when)
        out.append(record)
    return ReanchorResult(records=tuple(out), rows=tuple(rows))


def _relocations(
    records: list[Record], sources: Mapping[str, Source], current: _Current
) -> dict[int, Relocation]:
    """Each statement's relocation, by its index in *records*: all of one source's at once.

    The Source's recorded length is the old text's: it scales the expected position
    where the landmarks (:func:`~ddfacts.anchors.relocate_all`) cannot say.
    """
    by_source: dict[str, list[tuple[int, Statement]]] = {}
    for index, record in enumerate(records):
        if isinstance(record, Statement) and record.source in sources:
            by_source.setdefault(record.source, []).append((index, record))
    found: dict[int, Relocation] = {}
    for source_id, statements in by_source.items():
        source = sources[source_id]
        text = current(source)
        if isinstance(text, _NoText):
            continue
        anchors = [statement.anchor for _, statement in statements]
        relocations = relocate_all(anchors, text, old_length=source.length)
        for (index, _), relocation in zip(statements, relocations, strict=True):
            found[index] = relocation
    return found
