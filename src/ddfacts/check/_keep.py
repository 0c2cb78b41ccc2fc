"""What a :class:`~ddfacts.check.CheckRun` keeps between records, and where it keeps it.

The rules need, across records: each id's ordinal, each statement's quote,
the Sources (with texts), the single-valued claims grouped by subject and
property, the claims whose figure or date waits for its evidence quotes, the rank claims
grouped by ranking, each claim's figure (for refinements), (with texts)
the claims citing evidence, the problems found in single records, and the
derivation links (for the cycles among them).  A :class:`Keeper` holds them:
:class:`MemoryKeeper` in dicts and lists (what :func:`ddfacts.check` uses on
a FactSet already in memory), :class:`~ddfacts.check._spill.SpillKeeper` in a
private temporary SQLite database on disk (what ``ddfacts check`` uses, so a
million records are checked in bounded memory).  Both give the same answers
in the same order.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import NamedTuple, Protocol

from ..problems._report import Problem
from ..quantities._value import Quantity
from ..records import ClaimValue, Source
from ..validation._cycles import find_cycles
from ._contradiction import Said
from ._texts import Cited, Quote

__all__ = ["Figure", "Group", "Keeper", "MemoryKeeper", "Pending", "Ranked"]

#: A (subject, property) and its single-valued claims, in record order.
Group = tuple[tuple[str, str], list[Said]]
#: A ranking (its key) and its rank claims, in record order.
Ranked = tuple[str, list[Said]]


class Figure(NamedTuple):
    """A claim's figure, kept so a claim refining it ("6 of the 15") can be compared."""

    ordinal: int
    claim: str
    #: The id of the claim this one refines, if any.
    refines: str | None
    value: Quantity


class Pending(NamedTuple):
    """A claim whose figure or date is checked against its evidence quotes at the end."""

    ordinal: int
    claim: str
    value: ClaimValue
    evidence: tuple[str, ...]


class Keeper(Protocol):
    """Where a run keeps what its rules need (see the module doc)."""

    @property
    def ordinals(self) -> Mapping[str, int]:
        """Each id's ordinal (the first record with it)."""

    @property
    def quotes(self) -> Mapping[str, Quote | str]:
        """Each statement's quote, by id (kept whole, as :class:`Quote`, with texts)."""

    @property
    def sources(self) -> Mapping[str, Source]:
        """The Sources kept with :meth:`keep_source`, by id."""

    def remember(self, record_id: str, ordinal: int) -> int:
        """Record *record_id* at *ordinal*; an earlier record's ordinal with it, or *ordinal*."""

    def keep_quote(self, statement: str, quote: Quote | str) -> None:
        """Keep a statement's quote."""

    def keep_source(self, source: Source) -> None:
        """Keep a Source (only with texts)."""

    def keep_said(self, ordinal: int, subject: str, prop: str, said: Said) -> None:
        """Keep a single-valued claim, the record at *ordinal*."""

    def keep_rank(self, ordinal: int, ranking: str, said: Said) -> None:
        """Keep a rank claim, the record at *ordinal*, by its ranking's key."""

    def keep_figure(self, figure: Figure) -> None:
        """Keep a claim's figure (the first claim with an id wins)."""

    def keep_pending(self, pending: Pending) -> None:
        """Keep a claim whose figure or date is checked at the end (in record order)."""

    def keep_cited(self, cited: Cited) -> None:
        """Keep a claim citing evidence (only with texts; in record order)."""

    def keep_problem(self, rule: str, problem: Problem) -> None:
        """Keep a problem a rule found in one record (in record order)."""

    def keep_links(self, record_id: str, ordinal: int, targets: Sequence[str]) -> None:
        """Keep the ids the record at *ordinal* is derived from (a later record's replace them)."""

    def cycles(self) -> Iterator[list[str]]:
        """The cycles among the links kept, as :func:`~ddfacts.validation._cycles.find_cycles`."""

    def groups(self) -> Iterator[Group]:
        """The single-valued claims by (subject, property), groups in order of first claim."""

    def rankings(self) -> Iterator[Ranked]:
        """The rank claims by ranking, rankings in order of first claim."""

    def refinements(self) -> Iterator[tuple[Figure, Figure]]:
        """Each refining figure with the figure it refines, in record order."""

    def pending(self) -> Iterator[Pending]:
        """The claims kept with :meth:`keep_pending`, in record order."""

    def cited(self) -> Iterator[Cited]:
        """The claims kept with :meth:`keep_cited`, in record order."""

    def problems(self, rule: str) -> Iterator[Problem]:
        """The problems kept with :meth:`keep_problem` for *rule*, in the order kept."""

    def close(self) -> None:
        """Let go of what was kept."""


class MemoryKeeper:
    """A :class:`Keeper` in dicts and lists."""

    def __init__(self) -> None:
        self._ordinals: dict[str, int] = {}
        self._quotes: dict[str, Quote | str] = {}
        self._sources: dict[str, Source] = {}
        self._groups: dict[tuple[str, str], list[Said]] = {}
        self._rankings: dict[str, list[Said]] = {}
        self._figures: dict[str, Figure] = {}
        self._pending: list[Pending] = []
        self._cited: list[Cited] = []
        self._problems: dict[str, list[Problem]] = {}
        self._edges: dict[str, list[str]] = {}

    @property
    def ordinals(self) -> Mapping[str, int]:
        """Each id's ordinal."""
        return self._ordinals

    @property
    def quotes(self) -> Mapping[str, Quote | str]:
        """Each statement's quote, by id."""
        return self._quotes

    @property
    def sources(self) -> Mapping[str, Source]:
        """The Sources kept, by id."""
        return self._sources

    def remember(self, record_id: str, ordinal: int) -> int:
        """The ordinal of the first record with *record_id*."""
        return self._ordinals.setdefault(record_id, ordinal)

    def keep_quote(self, statement: str, quote: Quote | str) -> None:
        """Keep a statement's quote."""
        self._quotes[statement] = quote

    def keep_source(self, source: Source) -> None:
        """Keep a Source."""
        self._sources[source.id] = source

    def keep_said(self, ordinal: int, subject: str, prop: str, said: Said) -> None:
        """Keep a single-valued claim."""
        self._groups.setdefault((subject, prop), []).append(said)

    def keep_rank(self, ordinal: int, ranking: str, said: Said) -> None:
        """Keep a rank claim."""
        self._rankings.setdefault(ranking, []).append(said)

    def keep_figure(self, figure: Figure) -> None:
        """Keep a claim's figure."""
        self._figures.setdefault(figure.claim, figure)

    def keep_pending(self, pending: Pending) -> None:
        """Keep a claim to check against its evidence at the end."""
        self._pending.append(pending)

    def keep_cited(self, cited: Cited) -> None:
        """Keep a claim citing evidence."""
        self._cited.append(cited)

    def keep_problem(self, rule: str, problem: Problem) -> None:
        """Keep a problem a rule found in one record."""
        self._problems.setdefault(rule, []).append(problem)

    def keep_links(self, record_id: str, ordinal: int, targets: Sequence[str]) -> None:
        """Keep a record's derivation links, in the place of the first record with its id."""
        self._edges[record_id] = list(targets)

    def cycles(self) -> Iterator[list[str]]:
        """The cycles among the links kept."""
        return find_cycles(self._edges)

    def groups(self) -> Iterator[Group]:
        """The groups, in order of first claim."""
        return iter(self._groups.items())

    def pending(self) -> Iterator[Pending]:
        """The pending claims, in record order."""
        return iter(self._pending)

    def cited(self) -> Iterator[Cited]:
        """The claims citing evidence, in record order."""
        return iter(self._cited)

    def problems(self, rule: str) -> Iterator[Problem]:
        """The problems kept for *rule*, in the order kept."""
        return iter(self._problems.get(rule, ()))

    def rankings(self) -> Iterator[Ranked]:
        """The rank claims by ranking, in order of first claim."""
        return iter(self._rankings.items())

    def refinements(self) -> Iterator[tuple[Figure, Figure]]:
        """Each refining figure with the one it refines, in record order."""
        for figure in self._figures.values():
            refined = self._figures.get(figure.refines) if figure.refines is not None else None
            if refined is not None:
                yield figure, refined

    def close(self) -> None:
        """Let go of everything kept."""
        for kept in (self._ordinals, self._quotes, self._sources, self._groups):
            kept.clear()
        self._rankings.clear()
        self._figures.clear()
        self._pending.clear()
        self._cited.clear()
        self._problems.clear()
        self._edges.clear()
