"""A thin adapter over :class:`ddfacts.Document` for the seed modules: public names only.

The seed modules declare records with short calls that return ids (``d.actor``,
``d.event``, ``d.claim(slug, subject, property, value, ...)``, ``d.ev(quote, ...)``).
Each call goes to the :class:`ddfacts.Document` of the text, which locates the
quote (refusing an ambiguous one), makes the Statement with its default id,
checks the vocabulary and gives every record the corpus provenance.  The
adapter adds what the seeds need on top: the Source declared after the actors
it names, relative times read against a span the publication date is only known
within (recorded against a stated date), and the actors shared by several
documents, kept in their own file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

import ddfacts
from ddfacts import (
    Actor,
    Hop,
    Identifier,
    Name,
    Precision,
    Proposition,
    Provenance,
    Quantity,
    Rank,
    Rating,
    Record,
    Ref,
    ResolvedAgainst,
    Role,
    Source,
    SourceLink,
    Statement,
    TimeSpan,
)

__all__ = ["PROVENANCE", "Document", "Shared", "span"]

#: Who recorded the corpus, at a fixed time so that the build is deterministic.
PROVENANCE = Provenance(
    agent="ddfacts corpus annotators",
    method="manual",
    recorded=dt.datetime(2026, 11, 27, 12, 0, tzinfo=dt.timezone.utc),
)

#: A quote used as evidence: the words, the words and their occurrence, or a statement id.
Quote = str | tuple[str, int]


def span(
    edtf: str,
    *,
    expression: str | None = None,
    precision: Precision | str | None = None,
    relative_to: ResolvedAgainst | None = None,
) -> TimeSpan:
    """The span of *edtf* as the annotator reads a phrase (``expression``) the parser cannot.

    *precision* overrides the one EDTF gives; *relative_to* is what the phrase
    was resolved against.
    """
    made = TimeSpan.from_edtf(edtf, expression=expression)
    if precision is not None:
        made = attrs.evolve(made, precision=Precision(precision))
    if relative_to is not None:
        made = attrs.evolve(made, resolved_against=relative_to)
    return made


def _context(source_id: str, antecedent: dt.date | TimeSpan) -> ResolvedAgainst:
    """What an anaphor ("that day") resolves against: a date or span the text gave earlier."""
    if isinstance(antecedent, TimeSpan):
        assert antecedent.earliest is not None
        written = antecedent.expression or antecedent.edtf
        return ResolvedAgainst(
            date=antecedent.earliest,
            basis=f"{source_id} context: {written} ({antecedent.edtf})",
        )
    return ResolvedAgainst(date=antecedent, basis=f"{source_id} context")


class Shared:
    """Actors named by several documents, kept in their own file (evidence from each)."""

    def __init__(self) -> None:
        self.records: list[Record] = []

    def actor(self, slug: str, kind: str, name: str, **fields: Any) -> str:
        """Add an Actor ``actor:<slug>``; ``names`` may be ``(text, language, kind)`` triples."""
        names = [
            n if isinstance(n, Name) else Name(text=n[0], language=n[1], kind=n[2])
            for n in fields.pop("names", ())
        ]
        identifiers = [
            i if isinstance(i, Identifier) else Identifier(scheme=i[0], value=i[1])
            for i in fields.pop("identifiers", ())
        ]
        made = Actor(
            id=f"actor:{slug}",
            kind=kind,
            name=name,
            names=names,
            identifiers=identifiers,
            provenance=PROVENANCE,
            **fields,
        )
        self.records.append(made)
        return made.id


class Document:
    """One seed text: a :class:`ddfacts.Document` and the seeds' short calls on it.

    Args:
        source_id: the Source's id (its slug prefixes the claim and review ids).
        path: the text file.
        relative_to: what relative expressions ("last week") resolve against, as recorded.
        within: the span the publication date is only known within: relative
            expressions are read against it, so they cover every day it allows.
    """

    def __init__(
        self,
        *,
        source_id: str,
        path: Path,
        relative_to: ResolvedAgainst,
        within: TimeSpan | None = None,
    ) -> None:
        #: The public Document every record is made with.
        self.doc = ddfacts.Document.from_file(path, id=source_id, provenance=PROVENANCE)
        self.source_id = source_id
        self.relative_to = relative_to
        self.within = within
        self._statements: dict[str, Statement] = {}

    def records(self) -> tuple[Record, ...]:
        """The Source and every record made, in file order."""
        return self.doc.records()

    # -- statements ----------------------------------------------------------

    def st(self, exact: str, occurrence: int | None = None, **fields: Any) -> str:
        """The id of the Statement quoting *exact* (at *occurrence* if it recurs)."""
        made = self.doc.statement(exact, occurrence=occurrence, **fields)
        self._statements[made.id] = made
        return made.id

    def ev(self, *quotes: Quote) -> tuple[str, ...]:
        """Statement ids for *quotes*: a quote, a quote and its occurrence, or a statement id."""
        return tuple(
            (q if q.startswith("statement:") else self.st(q)) if isinstance(q, str) else self.st(*q)
            for q in quotes
        )

    def _evidence(self, quotes: Iterable[Quote]) -> list[Statement]:
        return [self._statements[i] for i in self.ev(*quotes)]

    # -- values --------------------------------------------------------------

    def time(
        self,
        expression: str,
        edtf: str | None = None,
        *,
        relative: bool = False,
        relative_to: dt.date | TimeSpan | None = None,
    ) -> TimeSpan:
        """The TimeSpan ``parse_time`` reads in *expression* (*edtf*: what it must mean).

        *relative* expressions resolve against the publication date (or
        *relative_to*: the date or span the text gave earlier, for "that day").
        """
        against: ResolvedAgainst | None = None
        reference: dt.date | TimeSpan | ResolvedAgainst | None = None
        if relative:
            against = self.relative_to
            reference = self.within or against
            if relative_to is not None:
                against, reference = _context(self.source_id, relative_to), relative_to
        parsed = self.doc.time(expression, relative_to=reference)
        if edtf is not None:
            expected = TimeSpan.from_edtf(edtf)
            if (parsed.earliest, parsed.latest) != (expected.earliest, expected.latest):
                raise ValueError(f"parse_time({expression!r}) gave {parsed.edtf}, not {edtf}")
        return attrs.evolve(parsed, expression=expression, resolved_against=against)

    def qty(
        self,
        expression: str,
        qualifier: str | None = None,
        amount: float | None = None,
        unit: str | None = None,
        *,
        lower: float | None = None,
        upper: float | None = None,
    ) -> Quantity:
        """The Quantity ``parse_quantity`` reads in *expression*, counting *unit*."""
        parsed = ddfacts.parse_quantity(expression)
        read = (parsed.qualifier.value, parsed.amount, parsed.lower, parsed.upper)
        meant = (qualifier, amount, lower, upper)
        if any(m is not None and r != m for r, m in zip(read, meant, strict=True)):
            raise ValueError(f"parse_quantity({expression!r}) gave {parsed}")
        return attrs.evolve(parsed, unit=unit, expression=expression)

    # -- records -------------------------------------------------------------

    def source(self, *, links: Sequence[dict[str, Any]] = (), **fields: Any) -> str:
        """Declare the document's Source (its sha256 and length are the Document's)."""
        made = self.doc.source
        self.doc.source = Source(
            id=made.id,
            sha256=made.sha256,
            length=made.length,
            links=[SourceLink(**link) for link in links],
            provenance=PROVENANCE,
            **fields,
        )
        return made.id

    def actor(self, slug: str, kind: str, name: str, **fields: Any) -> str:
        """Add an Actor ``actor:<slug>``."""
        evidence = self._evidence(fields.pop("evidence", ()))
        return self.doc.actor(slug, kind, name, evidence=evidence, **fields).id

    def role(
        self, position: str, organization: str | None, during: TimeSpan | None, *evidence: Quote
    ) -> Role:
        """A Role held in *organization* *during* a time, shown by *evidence*."""
        return self.doc.role(position, organization, during, evidence=self._evidence(evidence))

    def event(
        self,
        slug: str,
        event_type: str,
        *,
        time: TimeSpan,
        participants: Sequence[tuple[str, str]] = (),
        evidence: Iterable[Quote] = (),
        **fields: Any,
    ) -> str:
        """Add an Event ``event:<slug>`` with ``(actor id, role)`` participants."""
        return self.doc.event(
            slug,
            event_type,
            time=time,
            participants=participants,
            evidence=self._evidence(evidence),
            **fields,
        ).id

    def claim(
        self,
        slug: str,
        subject: str | None,
        prop: str | None,
        value: Quantity | TimeSpan | Ref | Rank | str | None,
        *,
        evidence: Iterable[Quote],
        chain: Sequence[Hop] = (),
        **fields: Any,
    ) -> str:
        """Add a Claim ``claim:<source slug>/<slug>``: a property's value, or a proposition."""
        quotes = self._evidence(evidence)
        if subject is None and prop is None:
            said: Proposition = fields.pop("proposition")
            return self.doc.says(
                said.text,
                about=said.about,
                language=said.language,
                id=slug,
                evidence=quotes,
                chain=chain,
                **fields,
            ).id
        assert subject is not None and prop is not None
        unit = value.unit if isinstance(value, Quantity) else None
        return self.doc.claim(
            subject, prop, value, id=slug, unit=unit, evidence=quotes, chain=chain, **fields
        ).id

    def review(self, slug: str, claim: str, *, rating: Rating, **fields: Any) -> str:
        """Add a Review ``review:<source slug>/<slug>`` of *claim*."""
        evidence = self._evidence(fields.pop("evidence", ()))
        return self.doc.review(claim, rating=rating, id=slug, evidence=evidence, **fields).id
