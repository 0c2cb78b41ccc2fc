"""The worker side of :func:`~ddfacts.validation._dask.validate_dask`: one partition's tables.

A partition's rows (the per-record pass, :mod:`~ddfacts.validation._pass`)
become, on the worker that holds them, small pandas tables keyed by each
record's global number (its partition's offset plus its place in the
partition): the partition's own problems with their sort keys
(:func:`own_problems`), its id definitions (:func:`ids_frame`), its lookups
of other records' ids (:func:`lookups_frame`: references, claims' subjects
and entities), its single-valued claims (:func:`claims_frame`) and its
derivation and operator edges (:func:`edges_frame`).  The rules that turn a
joined lookup into a problem are in :func:`lookup_faults`; their messages
are :mod:`~ddfacts.validation._setrules`'s, as in the one-process pass.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import attrs
import pandas as pd  # type: ignore[import-untyped,unused-ignore]

from ..jsonio._strict import excerpt_of
from ..problems import Level, Location, Problem, problem
from ..vocabulary import Vocabulary
from ._places import at
from ._record import meaning_text
from ._rows import Row
from ._setrules import entity_type, fits, member_type, reference, refines_mismatch, subject_type

__all__ = [
    "CLAIMS",
    "EDGES",
    "IDS",
    "LOOKUPS",
    "claims_frame",
    "edges_frame",
    "empty",
    "ids_frame",
    "lookup_faults",
    "lookups_frame",
    "own_problems",
]

#: A sort key of the first stage: (record number, 0 reading / 1 own / 2 duplicate, part, index).
Key = tuple[int, int, int, int]

_PLACE = {"file": "object", "line": "int64", "pointer": "object"}
#: The columns (and dtypes) of each table.
IDS = {
    "id": "object",
    "number": "int64",
    "type": "object",
    "kind": "object",
    "count": "object",
    **_PLACE,
}
LOOKUPS = {
    "target": "object",
    "number": "int64",
    "stage": "int64",
    "sub": "int64",
    "expected": "object",
    "role": "object",
    **_PLACE,
}
CLAIMS = {
    "group": "object",
    "subject": "object",
    "property": "object",
    "as_of": "object",
    "text": "object",
    "record_id": "object",
    "number": "int64",
    **_PLACE,
}
EDGES = {"id": "object", "number": "int64", "which": "object", "targets": "object"}
#: Claim lookups: the subject, the entity, the refined claim, the named members.
SUBJECT, ENTITY, REFINES, MEMBER = "subject", "entity", "refines", "member"
#: Their third sort key (a named member ``i``'s is ``MEMBER_KEY + i``), as the one-process pass.
_REFINES_KEY, MEMBER_KEY = 3, 4
_SEP = "\x1f"


def empty(columns: dict[str, str]) -> pd.DataFrame:
    """A table with no rows and *columns*' dtypes (a Dask ``meta``)."""
    return _frame([], columns)


def _frame(rows: Sequence[tuple[Any, ...]], columns: dict[str, str]) -> pd.DataFrame:
    names = list(columns)
    data = {
        name: pd.Series([row[i] for row in rows], dtype=columns[name])
        for i, name in enumerate(names)
    }
    return pd.DataFrame(data, columns=names)


def _records(rows: list[Any], offset: int) -> Iterator[tuple[int, Row]]:
    number = offset
    for item in rows:
        if isinstance(item, Row):
            yield number, item
            number += 1


def _place(row: Row) -> tuple[str, int, str]:
    return row.file or "", -1 if row.line is None else row.line, row.pointer


def location(file: str, line: int, pointer: str) -> Location:
    """A record's location from a table's place columns."""
    return Location(file=file or None, line=None if line < 0 else int(line), pointer=pointer)


def own_problems(rows: list[Any], part: int, offset: int) -> list[tuple[Key, Problem]]:
    """The partition's reading problems and records' own problems, with their sort keys."""
    found: list[tuple[Key, Problem]] = []
    number = offset
    for index, item in enumerate(rows):
        if isinstance(item, Problem):
            found.append(((number, 0, part, index), item))
            continue
        own = list(item.problems)
        if own and item.text is not None:
            excerpt = excerpt_of(item.text)
            own = [attrs.evolve(one, excerpt=excerpt) for one in own]
        found.extend(((number, 1, part, index), one) for one in own)
        number += 1
    return found


def _count(row: Row) -> str:
    """A claim with a quantity value: its subject and property (what a refining claim narrows)."""
    claim = row.facts.claim
    return _SEP.join((claim.subject, claim.property)) if claim is not None and claim.counts else ""


def ids_frame(rows: list[Any], offset: int) -> pd.DataFrame:
    """Every record with an id: (id, number, type, kind, count, place)."""
    table = [
        (
            row.facts.id,
            number,
            row.facts.type or "",
            row.facts.kind or "",
            _count(row),
            *_place(row),
        )
        for number, row in _records(rows, offset)
        if row.facts.id is not None
    ]
    return _frame(table, IDS)


def _claim_lookups(row: Row, number: int, vocab: Vocabulary) -> Iterator[tuple[Any, ...]]:
    """A claim's lookups: the refined claim; the subject, or the members named; the entity."""
    claim, place = row.facts.claim, _place(row)
    if claim is None:
        return
    if claim.refines and claim.counts:
        counted = _SEP.join((claim.subject, claim.property))
        yield (claim.refines, number, 1, _REFINES_KEY, REFINES, counted, *place)
    prop = vocab.properties.get(claim.property)
    if prop is None:
        return
    if claim.named is None:
        yield (claim.subject, number, 1, 0, SUBJECT, claim.property, *place)
    for index, member in enumerate(claim.named or ()):
        yield (member, number, 1, MEMBER_KEY + index, MEMBER, claim.property, *place)
    if claim.entity is not None and prop.entity_types:
        yield (claim.entity, number, 1, 1, ENTITY, claim.property, *place)


def lookups_frame(
    rows: list[Any], offset: int, vocab: Vocabulary, levels: frozenset[Level]
) -> pd.DataFrame:
    """Every id a record looks up: references (stage 0), claims' subject and entity (stage 1)."""
    table: list[tuple[Any, ...]] = []
    refs, meaning = Level.REFS in levels, Level.MEANING in levels
    for number, row in _records(rows, offset):
        facts = row.facts
        if refs:
            for sub, (target, site) in enumerate(zip(facts.targets, facts.sites, strict=True)):
                where = at(site.where, row.file, row.line, row.pointer)
                spot = (where.file or "", -1 if where.line is None else where.line, where.pointer)
                table.append((target, number, 0, sub, _SEP.join(site.expected), site.role, *spot))
        if meaning:
            table.extend(_claim_lookups(row, number, vocab))
    return _frame(table, LOOKUPS)


def claims_frame(rows: list[Any], offset: int, vocab: Vocabulary) -> pd.DataFrame:
    """The claims of single-valued properties: their group, value text, number and place."""
    table: list[tuple[Any, ...]] = []
    for number, row in _records(rows, offset):
        claim = row.facts.claim
        prop = vocab.properties.get(claim.property) if claim is not None else None
        if claim is None or prop is None or not prop.single:
            continue
        text = claim.value if claim.ready else meaning_text(claim.value)
        parts = (
            claim.subject,
            claim.property,
            claim.as_of,
            claim.source,
            claim.speaker,
            claim.scope,
        )
        group = _SEP.join(parts)
        table.append(
            (
                group,
                claim.subject,
                claim.property,
                claim.as_of,
                text,
                row.facts.id,
                number,
                *_place(row),
            )
        )
    return _frame(table, CLAIMS)


def edges_frame(rows: list[Any], offset: int) -> pd.DataFrame:
    """Derivation and operator edges of records with ids: (id, number, which, targets)."""
    table: list[tuple[Any, ...]] = []
    for number, row in _records(rows, offset):
        facts = row.facts
        if facts.id is None:
            continue
        if facts.derived:
            table.append((facts.id, number, "derived", _SEP.join(facts.derived)))
        if facts.operator is not None:
            table.append((facts.id, number, "operated", facts.operator))
    return _frame(table, EDGES)


def split_ids(text: str) -> tuple[str, ...]:
    """The ids an edge row's ``targets`` column holds."""
    return tuple(text.split(_SEP))


def lookup_faults(joined: pd.DataFrame, vocab: Vocabulary) -> pd.DataFrame:
    """The lookups of *joined* (lookups left-joined with first definitions) that are faults.

    Adds ``code``, ``message`` columns; rows that are no fault are dropped.
    """
    codes: list[str | None] = []
    messages: list[str | None] = []
    for row in joined.itertuples(index=False):
        fault = _fault(row, vocab)
        codes.append(None if fault is None else fault[0])
        messages.append(None if fault is None else fault[1])
    out = joined.assign(
        code=pd.Series(codes, index=joined.index, dtype="object"),
        message=pd.Series(messages, index=joined.index, dtype="object"),
    )
    return out[out["code"].notna()]


def _fault(row: Any, vocab: Vocabulary) -> tuple[str, str] | None:
    defined = isinstance(row.first_type, str)
    if row.stage == 0:
        actual = row.first_type if defined and row.first_type else row.target.split(":", 1)[0]
        expected = tuple(row.expected.split(_SEP))
        return reference(row.role, row.target, expected, actual, defined)
    if not defined:
        return None  # the one-process pass checks a claim's target only when it is defined
    if row.expected == REFINES:
        return _refines_fault(row)
    prop = vocab.properties[row.role]
    allowed = prop.entity_types if row.expected == ENTITY else prop.subjects
    good, actual = fits(vocab, row.first_type or None, row.first_kind or None, allowed)
    if good:
        return None
    if row.expected == SUBJECT:
        code, message = "vocab.subject-type", subject_type(row.role, allowed, row.target, actual)
    elif row.expected == MEMBER:
        code, message = "vocab.subject-type", member_type(row.role, allowed, row.target, actual)
    else:
        code, message = "vocab.entity-type", entity_type(row.role, allowed, row.target, actual)
    return code, message


def _refines_fault(row: Any) -> tuple[str, str] | None:
    """A refining claim's lookup of the claim it refines (joined with its first definition)."""
    if row.first_type != "claim":
        return None  # a mistyped reference is reported as one
    counted = tuple(row.first_count.split(_SEP)) if row.first_count else None
    subject, name = row.role.split(_SEP)
    message = refines_mismatch(row.target, counted, subject, name)
    return None if message is None else ("meaning.refines-mismatch", message)


def _claim_part(expected: str, sub: int) -> tuple[str | int, ...]:
    """Where in a claim a stage-1 lookup is."""
    if expected == SUBJECT:
        return ("subject",)
    if expected == ENTITY:
        return ("value", "entity")
    if expected == REFINES:
        return ("refines",)
    return ("members", "named", sub - MEMBER_KEY)


def fault_problem(row: Any) -> tuple[tuple[int, int, int], Problem]:
    """A fault row as the problem and sort key of the one-process pass."""
    where = location(row.file, row.line, row.pointer)
    if row.stage == 1:
        where = where.child(*_claim_part(row.expected, int(row.sub)))
    found = problem(row.code, row.message, where, records=(row.target,))
    return (int(row.stage), int(row.number), int(row.sub)), found
