"""What the per-record pass hands the whole-set pass: typed rows, one a record.

A :class:`Row` is one record's result: its own problems, its
:class:`Facts` (what the whole-set pass needs: id, type, kind, references,
derivation targets, operator, claim), where it is, its text (a JSON Lines
line, for excerpts) and, when the anchors level runs, its summary.  The fast
pass (:class:`~ddfacts.validation._scan.Scanner`) makes facts straight from
a raw record; a record that went through the exact checks gets them from its
:class:`~ddfacts.validation._record.RecordSummary` (:func:`facts_of_summary`).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from ..problems import Problem
from ._record import RecordResult, RecordSummary
from ._refs import Site

__all__ = ["ClaimFacts", "Facts", "Row", "facts_of_summary", "row_of_result"]

#: The record types whose summaries the anchors level reads.
ANCHORED_TYPES = ("source", "statement")


class ClaimFacts(NamedTuple):
    """What the whole-set pass needs of a claim."""

    #: The subject's id.
    subject: str
    #: The property's name.
    property: str
    #: The value: the raw JSON value, or its canonical JSON text when *ready*.
    value: Any
    #: For an entity value: the entity's id.
    entity: str | None
    #: The as-of time's EDTF, or ``""``.
    as_of: str
    #: The attribution's source id, or ``""``.
    source: str
    #: The speaker's id, or ``""``.
    speaker: str
    #: Whether *value* is already canonical JSON text.
    ready: bool
    #: Which members the value is of (see ``ClaimKey.scope``), or ``""``.
    scope: str
    #: The id of the claim whose figure this one narrows, or ``""``.
    refines: str
    #: The members a claim about members names (see ``ClaimKey.named``), else None.
    named: tuple[str, ...] | None
    #: Whether the value is a quantity.
    counts: bool


class Facts(NamedTuple):
    """What the whole-set pass needs of one record."""

    #: The record's id (None when it has no string id).
    id: str | None
    #: The record type (None when it has none).
    type: str | None
    #: An actor's kind.
    kind: str | None
    #: The ids it refers to, in report order...
    targets: list[str]
    #: ...and where and how it refers to each (``sites[i]`` is ``targets[i]``'s).
    sites: list[Site]
    #: The ids it derives from.
    derived: tuple[str, ...]
    #: For an account: the actor that operates it.
    operator: str | None
    #: For a claim: what the claim checks need.
    claim: ClaimFacts | None


class Row(NamedTuple):
    """One record's result, as the per-record pass yields it."""

    #: The record's own problems.
    problems: tuple[Problem, ...]
    #: What the whole-set pass needs of it.
    facts: Facts
    #: Its file (None for an open file without a name).
    file: str | None
    #: Its line (JSON Lines), else None.
    line: int | None
    #: Its JSON pointer inside a document, else ``""``.
    pointer: str
    #: Its JSON Lines line, for excerpts (None elsewhere, and once excerpts are made).
    text: str | None
    #: Its summary, when the anchors level needs it (sources and statements).
    summary: RecordSummary | None


def facts_of_summary(summary: RecordSummary) -> Facts:
    """The facts of a record summary (a record that went through the exact checks)."""
    key = summary.claim
    claim = None
    if key is not None:
        claim = ClaimFacts(
            key.subject,
            key.property,
            key.value,
            key.entity,
            key.as_of,
            key.source,
            key.speaker,
            True,
            key.scope,
            key.refines,
            key.named,
            key.counts,
        )
    return Facts(
        summary.id,
        summary.type,
        summary.kind,
        [ref.target for ref in summary.refs],
        [Site(ref.expected, ref.role, ref.location) for ref in summary.refs],
        summary.derived_from,
        summary.operated_by,
        claim,
    )


def row_of_result(result: RecordResult, text: str | None, *, summary: bool = True) -> Row:
    """A row from a :class:`RecordResult`; with *summary*, sources and statements keep theirs."""
    where = result.summary.location
    keep = summary and result.summary.type in ANCHORED_TYPES
    return Row(
        result.problems,
        facts_of_summary(result.summary),
        where.file,
        where.line,
        where.pointer,
        text,
        result.summary if keep else None,
    )
