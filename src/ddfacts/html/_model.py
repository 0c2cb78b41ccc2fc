"""What the pages show, computed once from a FactSet: who cites what, problems by record."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from .._describe import describe_claim, describe_time
from ..factset import FactSet
from ..problems import Problem
from ..records import Actor, Claim, Event, Record, Review
from ._blocks import slug

__all__ = ["Citing", "Index", "Shown", "claim_words"]


@attrs.frozen
class Shown:
    """One problem as a page shows it: code, severity and sentence."""

    code: str
    severity: str
    message: str


@attrs.frozen
class Citing:
    """A record that rests on a statement: its kind, id, page link, words, speaker and mode."""

    kind: str
    id: str
    href: str
    words: str
    speaker: str | None = None
    mode: str | None = None


def claim_words(facts: FactSet, claim: Claim) -> str:
    """A claim in a few words: its text, its proposition, or subject, property and value."""
    return describe_claim(claim, lambda record_id: name_of(facts, record_id))


def name_of(facts: FactSet, record_id: str | None) -> str:
    """An actor's name, or the id itself."""
    if record_id is None:
        return ""
    actor = facts.get(record_id, Actor)
    return actor.name if actor is not None else record_id


def href_of(record: Record) -> str:
    """The site-relative page (and fragment) where *record* is shown."""
    if record.type == "source":
        return f"sources/{slug(record.id)}.html"
    if record.type == "actor":
        return f"actors/{slug(record.id)}.html"
    if record.type == "claim":
        return f"claims.html#{slug(record.id)}"
    if isinstance(record, Review):
        return f"claims.html#{slug(record.claim)}"
    if record.type == "event":
        return f"timeline.html#{slug(record.id)}"
    return f"statements/{slug(record.id)}"  # replaced by the source page link


class Index:
    """Statements' citing records and every record's problems, built in one pass each."""

    def __init__(self, facts: FactSet, problems: Iterable[Problem]) -> None:
        self.facts = facts
        self.citing: dict[str, list[Citing]] = {}
        self.problems: dict[str, list[Shown]] = {}
        self.unplaced: list[Shown] = []
        for record in facts:
            self._cite(record)
        records = list(facts)
        for problem in problems:
            shown = Shown(problem.code, problem.severity.value, problem.message)
            ids = list(problem.records) or _pointer_record(problem, records)
            for record_id in ids:
                self.problems.setdefault(record_id, []).append(shown)
            if not ids:
                self.unplaced.append(shown)

    def _add(self, statement: str, entry: Citing) -> None:
        self.citing.setdefault(statement, []).append(entry)

    def _cite(self, record: Record) -> None:
        facts = self.facts
        if isinstance(record, Claim):
            mode = record.attribution.mode.value if record.attribution else None
            entry = Citing(
                "claim",
                record.id,
                href_of(record),
                claim_words(facts, record),
                name_of(facts, record.speaker) or None,
                mode,
            )
            for statement in record.evidence:
                self._add(statement, entry)
        elif isinstance(record, Event):
            words = record.description or record.event_type
            when = describe_time(record.time)
            entry = Citing("event", record.id, href_of(record), f"{words} ({when})")
            for statement in record.evidence:
                self._add(statement, entry)
        elif isinstance(record, Actor):
            entry = Citing("actor", record.id, href_of(record), record.name)
            for statement in record.evidence:
                self._add(statement, entry)
            for role in record.roles:
                for statement in role.evidence:
                    self._add(
                        statement, attrs.evolve(entry, words=f"{record.name}: {role.position}")
                    )
        elif isinstance(record, Review):
            entry = Citing("review", record.id, href_of(record), f"review of {record.claim}")
            for statement in record.evidence:
                self._add(statement, entry)

    def problems_of(self, record_id: str) -> list[Shown]:
        """The problems that name *record_id*, in report order."""
        return self.problems.get(record_id, [])


def _pointer_record(problem: Problem, records: list[Record]) -> list[str]:
    """The record a problem's ``/records/N`` pointer names, when it names one."""
    parts = problem.location.pointer.split("/")
    if len(parts) >= 3 and parts[1] == "records" and parts[2].isdigit():
        number = int(parts[2])
        if number < len(records):
            return [records[number].id]
    return []
