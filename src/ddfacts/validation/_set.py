"""Whole-set checks over the summaries of every record in a run.

Levels ``refs`` (ids unique; every reference resolves to a record of the
right type) and the parts of ``meaning`` that need other records: a claim's
property fits its subject's type, an entity value's type, single-valued
properties, and cycles in derivation and operated-by chains.  Only the
small :class:`~ddfacts.validation._record.RecordSummary` values are kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..problems import Level, Location, Problem, problem
from ..vocabulary import Vocabulary
from ._cycles import find_cycles
from ._record import RecordSummary

__all__ = ["SetChecker"]


def _place(location: Location) -> str:
    """Where a record is, for a message: ``file line 4`` or ``file /records/2``."""
    where = location.file or "the input"
    if location.line is not None:
        where += f" line {location.line}"
    return f"{where} {location.pointer}" if location.pointer else where


def _article(noun: str) -> str:
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


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

    @property
    def summaries(self) -> tuple[RecordSummary, ...]:
        """Every summary added, in the order added."""
        return tuple(self._summaries)

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
        return [
            problem(
                "ref.duplicate-id",
                f"the id {summary.id!r} is already the id of the record at "
                f"{_place(first.location)}; ids must be unique",
                summary.location.child("id"),
                records=(summary.id,),
            )
        ]

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
                if actual not in ref.expected:
                    wanted = " or ".join(ref.expected)
                    yield problem(
                        "ref.wrong-type",
                        f"{ref.role} must be {_article(wanted)}, but {ref.target!r} is "
                        f"{_article(actual)}",
                        ref.location,
                        records=(ref.target,),
                    )
                elif ref.target not in self._index:
                    yield problem(
                        "ref.missing",
                        f"{ref.role} {ref.target!r} is not the id of any record in this run",
                        ref.location,
                        records=(ref.target,),
                    )

    def _fits(self, target: str, allowed: tuple[str, ...]) -> tuple[bool, str]:
        record = self._index[target]
        kind = record.kind if record.type == "actor" else None
        if record.type == "actor" and (kind is None or kind not in self._vocab.actor_types):
            return True, ""  # an unknown kind is reported on the actor itself
        return self._vocab.fits(record.type or "", kind, allowed), kind or record.type or "?"

    def _claims(self) -> Iterator[Problem]:
        seen: dict[tuple[str, str, str, str, str], tuple[str, RecordSummary]] = {}
        for summary in self._summaries:
            key = summary.claim
            prop = self._vocab.properties.get(key.property) if key is not None else None
            if key is None or prop is None:
                continue
            if key.subject in self._index:
                fits, actual = self._fits(key.subject, prop.subjects)
                if not fits:
                    yield problem(
                        "vocab.subject-type",
                        f"property {key.property!r} applies to "
                        f"{', '.join(prop.subjects)}, but the subject {key.subject!r} is "
                        f"{_article(actual)}",
                        summary.location.child("subject"),
                        records=(key.subject,),
                    )
            if key.entity is not None and prop.entity_types and key.entity in self._index:
                fits, actual = self._fits(key.entity, prop.entity_types)
                if not fits:
                    yield problem(
                        "vocab.entity-type",
                        f"property {key.property!r} takes {', '.join(prop.entity_types)} "
                        f"values, but {key.entity!r} is {_article(actual)}",
                        summary.location.child("value", "entity"),
                        records=(key.entity,),
                    )
            if not prop.single:
                continue
            group = (key.subject, key.property, key.as_of, key.source, key.speaker)
            if group not in seen:
                seen[group] = (key.value, summary)
                continue
            value, first = seen[group]
            if value != key.value:
                when = f"as of {key.as_of}" if key.as_of else "with no as_of time"
                yield problem(
                    "meaning.single-valued",
                    f"property {key.property!r} has one value at a time, but "
                    f"{key.subject!r} has two {when} from the same source and speaker: "
                    f"this one and the one at {_place(first.location)}",
                    summary.location.child("value"),
                    records=tuple(item for item in (first.id, summary.id) if item),
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
        for cycle in find_cycles(edges):
            first = min(
                (self._index[node] for node in cycle),
                key=lambda s: (*s.location.sort_key(), s.id or ""),
            )
            start = cycle.index(first.id) if first.id in cycle else 0
            ordered = cycle[start:] + cycle[:start]
            chain = " -> ".join([*ordered, ordered[0]])
            yield problem(
                "meaning.cycle",
                f"{what} form a cycle: {chain}",
                first.location.child(field),
                records=tuple(ordered),
            )
