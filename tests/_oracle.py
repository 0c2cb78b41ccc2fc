"""A test oracle for the whole-set pass: the plain, summary-based checker.

It keeps every record's :class:`~ddfacts.validation.RecordSummary` and checks
the whole set at the end, the simple way: each reference against the full id
index, each claim against the property's types, single-valued groups, then
cycles.  The streaming :class:`~ddfacts.validation._checker.RunChecker` that
:func:`ddfacts.validate` runs keeps only ids and open ends and checks
references as their targets appear; ``tests/test_validation_stream.py``
compares the two.  Both word their problems through the same rules
(:mod:`ddfacts.validation._setrules`): what this oracle checks is the
bookkeeping (which problems, in which order, at which place).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ddfacts.problems import Level, Problem, problem
from ddfacts.validation import RecordSummary
from ddfacts.validation._record import ClaimKey
from ddfacts.validation._setrules import (
    cycle_problems,
    duplicate_id,
    entity_type,
    fits,
    member_type,
    reference,
    refines_mismatch,
    single_valued,
    subject_type,
)
from ddfacts.vocabulary import Vocabulary

__all__ = ["SetChecker"]


class SetChecker:
    """Collects record summaries, then checks the set as a whole.

    Feed every summary to :meth:`add` (which reports duplicate ids at once),
    then call :meth:`finish`.
    """

    def __init__(self, vocab: Vocabulary, levels: Iterable[Level]) -> None:
        self._vocab = vocab
        self._levels = frozenset(levels)
        self._index: dict[str, RecordSummary] = {}
        self._summaries: list[RecordSummary] = []

    def add(self, summary: RecordSummary) -> list[Problem]:
        """Take one record's summary; a ``ref.duplicate-id`` problem if its id is taken."""
        self._summaries.append(summary)
        if summary.id is None:
            return []
        first = self._index.get(summary.id)
        if first is None:
            self._index[summary.id] = summary
            return []
        if Level.REFS not in self._levels:
            return []
        message = duplicate_id(summary.id, first.location)
        where = summary.location.child("id")
        return [problem("ref.duplicate-id", message, where, records=(summary.id,))]

    def finish(self) -> list[Problem]:
        """The problems of the whole set."""
        found: list[Problem] = []
        if Level.REFS in self._levels:
            found.extend(self._references())
        if Level.MEANING in self._levels:
            found.extend(self._claims())
            found.extend(self._cycles("derived_from", "derivation links"))
            found.extend(self._cycles("operated_by", "operated_by links"))
        return found

    def _type_of(self, target: str) -> str:
        record = self._index.get(target)
        if record is not None and record.type is not None:
            return record.type
        return target.split(":", 1)[0]

    def _references(self) -> Iterator[Problem]:
        for summary in self._summaries:
            for ref in summary.refs:
                actual = self._type_of(ref.target)
                fault = reference(
                    ref.role, ref.target, ref.expected, actual, ref.target in self._index
                )
                if fault is not None:
                    code, message = fault
                    yield problem(code, message, ref.location, records=(ref.target,))

    def _fits(self, target: str, allowed: tuple[str, ...]) -> tuple[bool, str]:
        record = self._index[target]
        return fits(self._vocab, record.type, record.kind, allowed)

    def _claims(self) -> Iterator[Problem]:
        seen: dict[tuple[str, str, str, str, str, str], tuple[str, RecordSummary]] = {}
        for summary in self._summaries:
            key = summary.claim
            prop = self._vocab.properties.get(key.property) if key is not None else None
            if key is None or prop is None:
                continue
            if key.named is None and key.subject in self._index:
                good, actual = self._fits(key.subject, prop.subjects)
                if not good:
                    yield problem(
                        "vocab.subject-type",
                        subject_type(key.property, prop.subjects, key.subject, actual),
                        summary.location.child("subject"),
                        records=(key.subject,),
                    )
            if key.entity is not None and prop.entity_types and key.entity in self._index:
                good, actual = self._fits(key.entity, prop.entity_types)
                if not good:
                    yield problem(
                        "vocab.entity-type",
                        entity_type(key.property, prop.entity_types, key.entity, actual),
                        summary.location.child("value", "entity"),
                        records=(key.entity,),
                    )
            if prop.single:
                yield from self._single(seen, summary, key)
            yield from self._refines(summary, key)
            yield from self._members(summary, key, prop.subjects)

    def _single(
        self,
        seen: dict[tuple[str, str, str, str, str, str], tuple[str, RecordSummary]],
        summary: RecordSummary,
        key: ClaimKey,
    ) -> Iterator[Problem]:
        group = (key.subject, key.property, key.as_of, key.source, key.speaker, key.scope)
        if group not in seen:
            seen[group] = (key.value, summary)
            return
        value, first = seen[group]
        if value != key.value:
            yield problem(
                "meaning.single-valued",
                single_valued(key.property, key.subject, key.as_of, first.location),
                summary.location.child("value"),
                records=tuple(item for item in (first.id, summary.id) if item),
            )

    def _refines(self, summary: RecordSummary, key: ClaimKey) -> Iterator[Problem]:
        refined = self._index.get(key.refines) if key.refines else None
        if refined is None or refined.type != "claim" or not key.counts:
            return
        other = refined.claim
        counted = (other.subject, other.property) if other is not None and other.counts else None
        message = refines_mismatch(key.refines, counted, key.subject, key.property)
        if message is not None:
            where = summary.location.child("refines")
            yield problem("meaning.refines-mismatch", message, where, records=(key.refines,))

    def _members(
        self, summary: RecordSummary, key: ClaimKey, subjects: tuple[str, ...]
    ) -> Iterator[Problem]:
        for index, member in enumerate(key.named or ()):
            if member not in self._index:
                continue
            good, actual = self._fits(member, subjects)
            if not good:
                yield problem(
                    "vocab.subject-type",
                    member_type(key.property, subjects, member, actual),
                    summary.location.child("members", "named", index),
                    records=(member,),
                )

    def _cycles(self, field: str, what: str) -> Iterator[Problem]:
        edges: dict[str, tuple[str, ...]] = {}
        for summary in self._summaries:
            if summary.id is None or summary.id in edges:
                continue
            targets = (
                summary.derived_from
                if field == "derived_from"
                else tuple(t for t in (summary.operated_by,) if t is not None)
            )
            if targets:
                edges[summary.id] = targets
        yield from cycle_problems(edges, lambda node: self._index[node].location, field, what)
