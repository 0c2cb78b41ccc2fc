"""The run of :func:`ddfacts.check`'s rules over records fed one at a time.

:class:`CheckRun` keeps what the rules need, never the records, and calls
the rules (:mod:`ddfacts.check._rules`, :mod:`~ddfacts.check._contradiction`,
:mod:`~ddfacts.check._texts`) when what they need is known; :func:`check`
feeds it a FactSet's records.
"""

from __future__ import annotations

from sys import intern
from typing import NamedTuple

from ..factset import FactSet
from ..problems._report import Problem, Report
from ..quantities._value import Quantity
from ..records import Claim, ClaimValue, Event, Record, Source, Statement
from ..textstore import TextLookup
from ..times._span import TimeSpan
from ..vocabulary import Vocabulary, default_vocabulary
from ._contradiction import Said, contradictions
from ._rules import attribution, cycles, no_evidence, roles, unsupported
from ._texts import Cited, Quote, moved_evidence

__all__ = ["CheckRun", "check"]


class _Pending(NamedTuple):
    """A claim whose figure or date awaits evidence statements still to come."""

    ordinal: int
    claim: str
    value: ClaimValue
    evidence: tuple[str, ...]


def _exact(quote: Quote | str) -> str:
    return quote if isinstance(quote, str) else quote.exact


class CheckRun:
    """The rules over records fed one at a time, in order: what :func:`check` runs.

    It keeps what the rules need, never a record: the id index (id ->
    ordinal), each statement's quote, source and offsets, the single-valued
    claims' values, as-of times, qualifiers and voices, derivation links, the
    problems found so far, and claims whose evidence has not been met yet
    (checked when the run ends).  With *texts*, sources and the claims that
    cite evidence are kept too, to check evidence quotes against the texts.
    Problems are located at ``/records/<ordinal>``; :meth:`finish` gives them
    in the order :func:`check` does.
    """

    def __init__(self, texts: TextLookup | None, vocab: Vocabulary) -> None:
        self._texts = texts
        self._vocab = vocab
        self._count = 0
        self._index: dict[str, int] = {}
        self._quotes: dict[str, Quote | str] = {}
        self._sources: dict[str, Source] = {}
        self._groups: dict[tuple[str, str], list[Said]] = {}
        self._unsupported: list[tuple[int, Problem]] = []
        self._pending: list[_Pending] = []
        self._no_evidence: list[Problem] = []
        self._attribution: list[Problem] = []
        self._roles: list[Problem] = []
        self._cited: list[Cited] = []
        self._edges: dict[str, list[str]] = {}

    def add(self, record: Record) -> int | None:
        """Take the next record; the ordinal of an earlier record with its id, if any.

        A FactSet has no such duplicates; a caller streaming files reports them.
        """
        ordinal = self._count
        self._count = ordinal + 1
        record_id = intern(record.id)
        earlier = self._index.setdefault(record_id, ordinal)
        if record.provenance is not None and record.provenance.derived_from:
            # A record derived from nothing is on no cycle: it needs no entry.
            self._edges[record_id] = [link.target for link in record.provenance.derived_from]
        if isinstance(record, Statement):
            anchor = record.anchor
            # The offsets and the source only matter against texts.
            self._quotes[record_id] = (
                anchor.exact
                if self._texts is None
                else Quote(anchor.exact, intern(record.source), anchor.start, anchor.end)
            )
        elif isinstance(record, Claim):
            self._claim(record, ordinal)
        elif isinstance(record, Event):
            self._roles.extend(roles(record, ordinal, self._vocab))
        elif isinstance(record, Source) and self._texts is not None:
            self._sources[record_id] = record
        return None if earlier == ordinal else earlier

    def _claim(self, claim: Claim, ordinal: int) -> None:
        entry = self._vocab.properties.get(claim.property)
        if entry is not None and entry.single:
            self._groups.setdefault((claim.subject, claim.property), []).append(Said(claim))
        evidence, value = claim.evidence, claim.value
        if evidence and isinstance(value, (Quantity, TimeSpan)):
            if all(item in self._index for item in evidence):
                self._support(ordinal, claim.id, value, evidence)
            else:  # evidence still to come: decided when the run ends
                self._pending.append(_Pending(ordinal, claim.id, value, evidence))
        missing = no_evidence(claim, ordinal)
        if missing is not None:
            self._no_evidence.append(missing)
        unattributed = attribution(claim, ordinal)
        if unattributed is not None:
            self._attribution.append(unattributed)
        if self._texts is not None and evidence:
            self._cited.append(Cited(ordinal, claim.id, evidence))

    def _support(
        self, ordinal: int, claim_id: str, value: ClaimValue, evidence: tuple[str, ...]
    ) -> None:
        """``check.unsupported`` for a claim whose evidence has all been seen."""
        quotes = self._quotes
        statements = [(item, _exact(quotes[item])) for item in evidence if item in quotes]
        found = unsupported(ordinal, claim_id, value, statements)
        if found is not None:
            self._unsupported.append((ordinal, found))

    def finish(self) -> list[Problem]:
        """Every problem, rule by rule, each rule's in record order."""
        for pending in self._pending:
            self._support(*pending)
        self._pending.clear()
        self._unsupported.sort(key=lambda pair: pair[0])
        problems = list(contradictions(self._groups, self._index))
        problems.extend(problem for _, problem in self._unsupported)
        problems.extend(self._no_evidence)
        problems.extend(self._attribution)
        problems.extend(self._roles)
        if self._texts is not None:
            problems.extend(
                moved_evidence(self._cited, self._quotes, self._sources, self._texts, self._index)
            )
        problems.extend(cycles(self._edges, self._index))
        return problems


def check(
    factset: FactSet, *, texts: TextLookup | None = None, vocab: Vocabulary | None = None
) -> Report:
    """Every problem the rules find in *factset* (see :mod:`ddfacts.check` for the codes).

    Args:
        factset: the records to check.
        texts: where to read the sources' texts; without it, evidence is only
            checked against the recorded quotes.
        vocab: the vocabulary of properties and event types (the shipped one
            by default).

    .. versionadded:: 0.1.0
    """
    run = CheckRun(texts, vocab if vocab is not None else default_vocabulary())
    for record in factset:
        run.add(record)
    return Report(run.finish())
