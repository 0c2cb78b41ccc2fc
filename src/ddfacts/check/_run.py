"""The run of :func:`ddfacts.check`'s rules over records fed one at a time.

:class:`CheckRun` keeps what the rules need, never the records, in a
:class:`~ddfacts.check._keep.Keeper` (in memory, or spilled to a private
temporary SQLite database with ``spill=True``), and calls the rules
(:mod:`ddfacts.check._rules`, :mod:`~ddfacts.check._contradiction`,
:mod:`~ddfacts.check._texts`) when what they need is known; :func:`check`
feeds it a FactSet's records.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..factset import FactSet
from ..problems._report import Problem, Report
from ..quantities._value import Quantity
from ..records import Claim, Event, Record, Source, Statement
from ..textstore import TextLookup
from ..times._span import TimeSpan
from ..vocabulary import Vocabulary, default_vocabulary
from ._contradiction import Said, contradictions, population
from ._keep import Figure, Keeper, MemoryKeeper, Pending
from ._ranks import rank_conflicts, ranking_key
from ._rules import attribution, cycles, no_evidence, refinement, roles, unsupported
from ._spill import SpillKeeper
from ._texts import Cited, Quote, moved_evidence

__all__ = ["CheckRun", "check"]


def _exact(quote: Quote | str) -> str:
    return quote if isinstance(quote, str) else quote.exact


class CheckRun:
    """The rules over records fed one at a time, in order: what :func:`check` runs.

    It keeps what the rules need, never a record: the id index (id ->
    ordinal), each statement's quote, source and offsets, the single-valued
    claims' values, as-of times, qualifiers, voices, certainty and members,
    the rank claims by ranking, the claims' figures, the claims with a
    figure or date and their evidence (checked when the run ends),
    derivation links and the problems found in single records.  With
    *texts*, sources and the claims that cite evidence are kept too, to
    check evidence quotes against the texts.  With *spill*, all of it goes
    to a private temporary SQLite database on disk
    (:mod:`ddfacts.check._spill`), and the cycles among the derivation
    links are found there (:mod:`ddfacts.check._links`), so memory stays
    bounded however many records are fed; the problems are the same.  Problems are located at
    ``/records/<ordinal>``; :meth:`finish` gives them in the order
    :func:`check` does (:meth:`problems` one at a time), and lets go of
    what was kept.

    .. versionchanged:: 0.1.0
       *spill*; with it, the derivation links are kept on disk too.
    """

    def __init__(self, texts: TextLookup | None, vocab: Vocabulary, *, spill: bool = False) -> None:
        self._texts = texts
        self._vocab = vocab
        self._count = 0
        self._keep: Keeper = SpillKeeper() if spill else MemoryKeeper()

    def add(self, record: Record) -> int | None:
        """Take the next record; the ordinal of an earlier record with its id, if any.

        A FactSet has no such duplicates; a caller streaming files reports them.
        """
        ordinal = self._count
        self._count = ordinal + 1
        record_id = record.id
        earlier = self._keep.remember(record_id, ordinal)
        if record.provenance is not None and record.provenance.derived_from:
            # A record derived from nothing is on no cycle: it needs no entry.
            targets = [link.target for link in record.provenance.derived_from]
            self._keep.keep_links(record_id, ordinal, targets)
        if isinstance(record, Statement):
            anchor = record.anchor
            # The offsets and the source only matter against texts.
            self._keep.keep_quote(
                record_id,
                anchor.exact
                if self._texts is None
                else Quote(anchor.exact, record.source, anchor.start, anchor.end),
            )
        elif isinstance(record, Claim):
            self._claim(record, ordinal)
        elif isinstance(record, Event):
            for found in roles(record, ordinal, self._vocab):
                self._keep.keep_problem("roles", found)
        elif isinstance(record, Source) and self._texts is not None:
            self._keep.keep_source(record)
        return None if earlier == ordinal else earlier

    def _compared(self, claim: Claim, ordinal: int) -> None:
        """Keep what the rules comparing claims need: single values, ranks, figures."""
        prop, subject, value = claim.property, claim.subject, claim.value
        entry = self._vocab.properties.get(prop) if prop is not None else None
        single = entry is not None and entry.single and population(claim) is not None
        if single and prop is not None and subject is not None:
            self._keep.keep_said(ordinal, subject, prop, Said(claim))
        ranking = ranking_key(claim)
        if ranking is not None:
            self._keep.keep_rank(ordinal, ranking, Said(claim))
        if isinstance(value, Quantity):
            self._keep.keep_figure(Figure(ordinal, claim.id, claim.refines, value))

    def _claim(self, claim: Claim, ordinal: int) -> None:
        self._compared(claim, ordinal)
        evidence, value = claim.evidence, claim.value
        if evidence and isinstance(value, (Quantity, TimeSpan)):
            # Evidence may come later: decided when the run ends.
            self._keep.keep_pending(Pending(ordinal, claim.id, value, evidence))
        missing = no_evidence(claim, ordinal)
        if missing is not None:
            self._keep.keep_problem("no-evidence", missing)
        unattributed = attribution(claim, ordinal)
        if unattributed is not None:
            self._keep.keep_problem("attribution", unattributed)
        if self._texts is not None and evidence:
            self._keep.keep_cited(Cited(ordinal, claim.id, evidence))

    def _unsupported(self) -> Iterator[Problem]:
        """``check.unsupported`` for each claim kept pending, in record order."""
        quotes = self._keep.quotes
        for pending in self._keep.pending():
            kept = [(item, quotes.get(item)) for item in pending.evidence]
            statements = [(item, _exact(quote)) for item, quote in kept if quote is not None]
            problem = unsupported(pending.ordinal, pending.claim, pending.value, statements)
            if problem is not None:
                yield problem

    def _refinements(self) -> Iterator[Problem]:
        """``check.refinement`` for each figure above the one it refines, in record order."""
        for part, whole in self._keep.refinements():
            problem = refinement(part.ordinal, part.claim, part.value, whole.claim, whole.value)
            if problem is not None:
                yield problem

    def problems(self) -> Iterator[Problem]:
        """Every problem, rule by rule, each rule's in record order, one at a time.

        What :meth:`finish` gives, without holding the list: with *spill*,
        read from disk as the rules find them (``ddfacts check`` sorts them
        on disk, :mod:`ddfacts.check._sorted`).  What was kept is let go of
        when the iteration ends (or the iterator is closed).

        .. versionadded:: 0.1.0
        """
        keep = self._keep
        try:
            yield from contradictions(keep.groups(), keep.ordinals)
            yield from rank_conflicts(keep.rankings(), keep.ordinals)
            yield from self._refinements()
            yield from self._unsupported()
            for rule in ("no-evidence", "attribution", "roles"):
                yield from keep.problems(rule)
            if self._texts is not None:
                yield from moved_evidence(
                    keep.cited(), keep.quotes, keep.sources, self._texts, keep.ordinals
                )
            yield from cycles(keep.cycles(), keep.ordinals)
        finally:
            keep.close()

    def finish(self) -> list[Problem]:
        """Every problem, rule by rule, each rule's in record order (:meth:`problems`, listed)."""
        return list(self.problems())


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

    The returned :class:`~ddfacts.problems.Report` holds every problem in
    memory (as *factset* holds every record); ``ddfacts check`` keeps both
    on disk instead, sorting the problems there and writing the report as it
    reads them back, in bounded memory however many problems there are.

    .. versionadded:: 0.1.0
    """
    run = CheckRun(texts, vocab if vocab is not None else default_vocabulary())
    for record in factset:
        run.add(record)
    return Report(run.finish())
