"""What the pages show: the records they read, who cites what, problems by record.

The build reads records through :class:`Facts`, the part of the reading API
a :class:`~ddfacts.FactSet` and a :class:`~ddfacts.store.FactStore` share:
every record in file order, one record by id, the records about an actor or
from a source, and the records of a type in id order.  What cites what and
the problems are kept on disk (:mod:`._sitedb`, :mod:`._problems`).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import Protocol, overload

import attrs

from .._describe import describe_claim, describe_time
from ..records import Actor, Claim, Event, Record, Review, Source
from ..records._typed import R
from ._blocks import slug
from ._problems import ProblemStore
from ._sitedb import SiteIndex

__all__ = ["CachedFacts", "Citing", "Facts", "Index", "Shown", "claim_words"]

#: How many actors and sources :class:`CachedFacts` keeps.
CACHE_SIZE = 2048


class Facts(Protocol):
    """What the site reads of a fact set or a fact store."""

    def __iter__(self) -> Iterator[Record]: ...
    @overload
    def get(self, record_id: str) -> Record | None: ...
    @overload
    def get(self, record_id: str, kind: type[R]) -> R | None: ...
    def by_subject(self, record_id: str) -> tuple[Record, ...]: ...
    def by_source(self, source_id: str) -> tuple[Record, ...]: ...
    def ordered(self, kind: type[R]) -> Iterator[R]: ...


class CachedFacts:
    """*facts*, with the last :data:`CACHE_SIZE` actors and sources looked up kept at hand.

    Pages name an actor and title a source again and again; a store would
    read and decode it each time.  Other records pass through.
    """

    def __init__(self, facts: Facts) -> None:
        self._facts = facts
        self._kept: OrderedDict[str, Record | None] = OrderedDict()

    def __iter__(self) -> Iterator[Record]:
        return iter(self._facts)

    @overload
    def get(self, record_id: str) -> Record | None: ...
    @overload
    def get(self, record_id: str, kind: type[R]) -> R | None: ...
    def get(self, record_id: str, kind: type[R] | None = None) -> Record | None:
        """The record with *record_id*, or None; with *kind*, None unless it is one."""
        if record_id in self._kept:
            self._kept.move_to_end(record_id)
            record = self._kept[record_id]
        else:
            record = self._facts.get(record_id)
            if record is None or isinstance(record, (Actor, Source)):
                self._kept[record_id] = record
                if len(self._kept) > CACHE_SIZE:
                    self._kept.popitem(last=False)
        if kind is not None and not isinstance(record, kind):
            return None
        return record

    def by_subject(self, record_id: str) -> tuple[Record, ...]:
        """Claims about *record_id*, events it takes part in, reviews of it."""
        return self._facts.by_subject(record_id)

    def by_source(self, source_id: str) -> tuple[Record, ...]:
        """Statements of the source, and claims it carries."""
        return self._facts.by_source(source_id)

    def ordered(self, kind: type[R]) -> Iterator[R]:
        """Every record of class *kind* in id order."""
        return self._facts.ordered(kind)


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


def claim_words(facts: Facts, claim: Claim) -> str:
    """A claim in a few words: its text, its proposition, or subject, property and value."""
    return describe_claim(claim, lambda record_id: name_of(facts, record_id))


def name_of(facts: Facts, record_id: str | None) -> str:
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
    """Which records cite each statement, and every record's problems: both on disk.

    Each page asks for its own rows; the records citing a statement are
    fetched by id when its page is made.
    """

    def __init__(
        self,
        facts: Facts,
        problems: ProblemStore,
        site: SiteIndex,
        href: Callable[[Record], str] | None = None,
    ) -> None:
        self.facts = facts
        self.store = problems
        self.site = site
        #: Where a citing record is shown (the paged claims table and timeline).
        self.href = href or href_of

    def citing_of(self, statement: str) -> list[Citing]:
        """The records resting on *statement*, in record order, with their words."""
        entries: list[Citing] = []
        for record_id in self.site.citing(statement):
            record = self.facts.get(record_id)
            if record is not None:  # each record once: all its entries at once
                entries.extend(_citing(self.facts, record, statement, self.href(record)))
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


def _citing(facts: Facts, record: Record, statement: str, href: str) -> list[Citing]:
    """How *record* rests on *statement*: an entry for each time it cites it."""
    if isinstance(record, Actor):
        return _actor_citing(record, statement)
    times = record.evidence.count(statement) if isinstance(record, (Claim, Event, Review)) else 0
    if isinstance(record, Claim):
        mode = record.attribution.mode.value if record.attribution else None
        speaker = name_of(facts, record.speaker) or None
        words = claim_words(facts, record)
        return [Citing("claim", record.id, href, words, speaker, mode)] * times
    if isinstance(record, Event):
        words = f"{record.description or record.event_type} ({describe_time(record.time)})"
        return [Citing("event", record.id, href, words)] * times
    if isinstance(record, Review):
        return [Citing("review", record.id, href, f"review of {record.claim}")] * times
    return []


def _actor_citing(record: Actor, statement: str) -> list[Citing]:
    entry = Citing("actor", record.id, href_of(record), record.name)
    entries = [entry] * record.evidence.count(statement)
    for role in record.roles:
        words = f"{record.name}: {role.position}"
        entries.extend([attrs.evolve(entry, words=words)] * role.evidence.count(statement))
    return entries
