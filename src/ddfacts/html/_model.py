"""What the pages show: who cites what (an index of ids), problems by record (on disk)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from .._describe import describe_claim, describe_time
from ..factset import FactSet
from ..records import Actor, Claim, Event, Record, Review
from ._blocks import slug
from ._problems import ProblemStore

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
    """Which records cite each statement (references only), and every record's problems.

    Built in one pass over the records; the ids are the fact set's own
    records, so the index costs a dict entry per cited statement.  The words
    of a citing record are made when its statement's page asks for them.
    """

    def __init__(self, facts: FactSet, problems: ProblemStore) -> None:
        self.facts = facts
        self.store = problems
        self._citing: dict[str, list[Record]] = {}
        for record in facts:
            if isinstance(record, (Claim, Event, Review)):
                self._cite(record.evidence, record)
            elif isinstance(record, Actor):
                self._cite(record.evidence, record)
                for role in record.roles:
                    self._cite(role.evidence, record)

    def _cite(self, statements: Iterable[str], record: Record) -> None:
        for statement in statements:
            self._citing.setdefault(statement, []).append(record)

    def citing_of(self, statement: str) -> list[Citing]:
        """The records resting on *statement*, in record order, with their words."""
        entries: list[Citing] = []
        done: set[int] = set()
        for record in self._citing.get(statement, ()):
            if id(record) not in done:  # a record citing it twice: all its entries at once
                done.add(id(record))
                entries.extend(_citing(self.facts, record, statement))
        return entries

    def problems_of(self, record_id: str) -> list[Shown]:
        """The problems that name *record_id*, in report order."""
        return [Shown(*row) for row in self.store.of(record_id)]

    def grouped(self) -> Iterator[tuple[str, list[Shown]]]:
        """Each record with problems, by case-folded id, and its problems: one at a time."""
        for record_id, rows in self.store.grouped():
            yield record_id, [Shown(*row) for row in rows]

    def unplaced(self) -> list[Shown]:
        """The problems that name no record, in report order."""
        return [Shown(*row) for row in self.store.unplaced()]

    @property
    def total(self) -> int:
        """How many problems there are (a problem naming two records counts twice)."""
        return self.store.total


def _citing(facts: FactSet, record: Record, statement: str) -> list[Citing]:
    """How *record* rests on *statement*: an entry for each time it cites it."""
    if isinstance(record, Actor):
        return _actor_citing(record, statement)
    times = record.evidence.count(statement) if isinstance(record, (Claim, Event, Review)) else 0
    if isinstance(record, Claim):
        mode = record.attribution.mode.value if record.attribution else None
        speaker = name_of(facts, record.speaker) or None
        words = claim_words(facts, record)
        return [Citing("claim", record.id, href_of(record), words, speaker, mode)] * times
    if isinstance(record, Event):
        words = f"{record.description or record.event_type} ({describe_time(record.time)})"
        return [Citing("event", record.id, href_of(record), words)] * times
    if isinstance(record, Review):
        return [Citing("review", record.id, href_of(record), f"review of {record.claim}")] * times
    return []


def _actor_citing(record: Actor, statement: str) -> list[Citing]:
    entry = Citing("actor", record.id, href_of(record), record.name)
    entries = [entry] * record.evidence.count(statement)
    for role in record.roles:
        words = f"{record.name}: {role.position}"
        entries.extend([attrs.evolve(entry, words=words)] * role.evidence.count(statement))
    return entries
