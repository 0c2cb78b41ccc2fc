"""Helpers for the example build scripts: declare an annotation as Python data.

The build scripts (``examples/demo/build.py``, ``examples/seeds/build.py``)
read a text, declare what it says with the helpers below and write canonical
fact files with :func:`ddfacts.dump`.  Quotes are short (at most a sentence);
offsets, prefixes and suffixes are computed from the text, never typed.

Times and quantities go through the library's parsers
(``ddfacts.parse_time``, ``ddfacts.parse_quantity``): the record holds the
parsed value with the expression as written.  Most are also declared by hand
(an EDTF string, a qualifier and a number) as a check; when the parser fails
or disagrees the record holds the hand value instead, and the case is
collected in :data:`PARSER_NOTES` and printed by the build scripts, so a
parser gap shows up instead of hiding in the data.  An expression declared
without a hand value must parse, or the build fails.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

import ddfacts
import ddfacts.anchors
from ddfacts import (
    Actor,
    Anchor,
    Attribution,
    Claim,
    Event,
    Hop,
    Identifier,
    Name,
    Participant,
    Precision,
    Provenance,
    Qualifier,
    Quantity,
    Rank,
    Rating,
    Record,
    Ref,
    ResolvedAgainst,
    Review,
    Role,
    Source,
    SourceLink,
    Statement,
    TimeSpan,
)

__all__ = [
    "PARSER_NOTES",
    "PROVENANCE",
    "Document",
    "Registry",
    "Shared",
    "ordered",
    "read_text",
    "span",
]

#: Who recorded the corpus (every record carries this provenance).
AGENT = "ddfacts corpus annotators"
#: A fixed time, so that the build is deterministic.
RECORDED = dt.datetime(2026, 11, 27, 12, 0, tzinfo=dt.timezone.utc)
#: The provenance of every record of the corpus.
PROVENANCE = Provenance(agent=AGENT, method="manual", recorded=RECORDED)
#: Where the library's parsers failed or disagreed with the hand annotation.
PARSER_NOTES: list[str] = []

#: A quote used as evidence: the words, or the words and their occurrence.
Quote = str | tuple[str, int]


def read_text(path: Path) -> str:
    """The text of *path* as stored: UTF-8 bytes decoded, no newline translation."""
    return path.read_bytes().decode("utf-8")


def sha256_of(path: Path) -> str:
    """The hex SHA-256 of the file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- times -------------------------------------------------------------------

_SEASONS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 2)}


def _point(edtf: str) -> tuple[dt.date | None, dt.date | None, Precision]:
    """The bounds and precision of one EDTF point (no interval)."""
    text = edtf.rstrip("~?%")
    if text in ("", ".."):
        return None, None, Precision.UNKNOWN
    if re.fullmatch(r"\d{3}X", text):
        start = int(text[:3]) * 10
        return dt.date(start, 1, 1), dt.date(start + 9, 12, 31), Precision.DECADE
    if re.fullmatch(r"\d{4}", text):
        year = int(text)
        return dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR
    match = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if match:
        year, month = int(match[1]), int(match[2])
        if month in _SEASONS:
            first, last = _SEASONS[month]
            end_year = year + 1 if last < first else year
            return (
                dt.date(year, first, 1),
                dt.date(end_year, last, calendar.monthrange(end_year, last)[1]),
                Precision.SEASON,
            )
        return (
            dt.date(year, month, 1),
            dt.date(year, month, calendar.monthrange(year, month)[1]),
            Precision.MONTH,
        )
    day = dt.date.fromisoformat(text)
    return day, day, Precision.DAY


def span(
    edtf: str,
    *,
    expression: str | None = None,
    precision: Precision | str | None = None,
    relative_to: ResolvedAgainst | None = None,
) -> TimeSpan:
    """A TimeSpan from an EDTF string (a point, ``a/b``, ``a/..`` or ``../b``).

    ``~`` marks an approximate time, ``?`` an uncertain one.  An interval
    takes the coarser precision of its ends (as ``ddfacts.parse_time`` does)
    unless *precision* is given.
    """
    approximate = "~" in edtf
    uncertain = "?" in edtf
    if "/" in edtf:
        left, right = edtf.split("/")
        earliest, _, p_left = _point(left)
        _, latest, p_right = _point(right)
        known = [p for p in (p_left, p_right) if p is not Precision.UNKNOWN]
        order = list(Precision)
        found = min(known, key=order.index) if known else Precision.UNKNOWN
    else:
        earliest, latest, found = _point(edtf)
    return TimeSpan(
        earliest=earliest,
        latest=latest,
        precision=Precision(precision) if precision is not None else found,
        edtf=edtf,
        approximate=approximate,
        uncertain=uncertain,
        expression=expression,
        resolved_against=relative_to,
    )


def _same_time(a: TimeSpan, b: TimeSpan) -> bool:
    # Same bounds: the parser's precision and EDTF ("2016-06-~21/2016-06-30") are kept.
    return (a.earliest, a.latest) == (b.earliest, b.latest)


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


def _hand_quantity(
    expression: str,
    qualifier: str,
    amount: float | None,
    unit: str | None,
    lower: float | None,
    upper: float | None,
) -> Quantity:
    """The Quantity declared by hand: the qualifier's bounds around *amount*."""
    q = Qualifier(qualifier)
    if q is Qualifier.EXACT:
        lower = upper = amount
    elif q in (Qualifier.MORE_THAN, Qualifier.AT_LEAST):
        lower = amount
    elif q in (Qualifier.LESS_THAN, Qualifier.AT_MOST):
        upper = amount
    elif q is Qualifier.APPROXIMATELY and lower is None:
        lower = upper = amount
    return Quantity(
        amount=amount, lower=lower, upper=upper, qualifier=q, unit=unit, expression=expression
    )


# -- anchors -----------------------------------------------------------------


def _as_in_text(text: str, exact: str) -> str:
    """*exact* as the text writes it, where the two differ only in kinds of space.

    The seed texts hold no-break spaces (U+00A0) where a reader sees a space;
    quotes are typed with plain spaces and matched to the text's own.
    """
    if exact in text:
        return exact
    pattern = r"[ \u00a0]".join(re.escape(part) for part in exact.split(" "))
    match = re.search(pattern, text)
    return match.group() if match else exact


def _anchor(text: str, exact: str, occurrence: int) -> Anchor:
    exact = _as_in_text(text, exact)
    from_quote = getattr(Anchor, "from_quote", None)
    if from_quote is not None:
        anchor: Anchor = from_quote(text, exact, occurrence=occurrence)
        return anchor
    start = -1
    for _ in range(occurrence):
        start = text.find(exact, start + 1)
        if start < 0:
            raise ValueError(f"quote not found (occurrence {occurrence}): {exact!r}")
    end = start + len(exact)
    return Anchor(
        start=start,
        end=end,
        exact=exact,
        prefix=text[max(0, start - 32) : start],
        suffix=text[end : end + 32],
    )


def _slug(words: str, limit: int = 48) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug or "x"


# -- the collection ----------------------------------------------------------


class Registry:
    """Records under construction, with the provenance every record gets."""

    def __init__(self) -> None:
        self.records: list[Record] = []

    def add(self, record: Record) -> str:
        """Add *record* (with the corpus provenance) and return its id."""
        if getattr(record, "provenance", None) is None:
            record = attrs.evolve(record, provenance=PROVENANCE)
        self.records.append(record)
        return record.id

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
        return self.add(
            Actor(
                id=f"actor:{slug}",
                kind=kind,
                name=name,
                names=names,
                identifiers=identifiers,
                **fields,
            )
        )


class Shared(Registry):
    """Records shared by several documents (actors), kept in their own file."""


class Document(Registry):
    """One text being annotated: its Source, its Statements and what they say.

    Args:
        key: the slug prefix of the document's statement and claim ids.
        source_id: the Source's id.
        path: the text file.
        relative_to: what relative expressions ("last week") resolve against,
            as recorded.
        within: the span the reference date is only known within (a text
            published some day of a month): relative expressions are parsed
            against it, so they cover every day it allows.
    """

    def __init__(
        self,
        *,
        key: str,
        source_id: str,
        path: Path,
        relative_to: ResolvedAgainst | None = None,
        within: TimeSpan | None = None,
    ) -> None:
        super().__init__()
        self.within = within
        self.key = key
        self.source_id = source_id
        self.path = path
        self.text = read_text(path)
        self.relative_to = relative_to
        self._statements: dict[tuple[str, int], str] = {}
        self._slugs: set[str] = set()

    # -- statements ----------------------------------------------------------

    def st(self, exact: str, occurrence: int = 1, **fields: Any) -> str:
        """The id of the Statement quoting *exact*, made on first use."""
        known = self._statements.get((exact, occurrence))
        if known is not None:
            return known
        anchor = _anchor(self.text, exact, occurrence)
        make_id = getattr(ddfacts.anchors, "statement_id", None)
        if make_id is not None:
            statement_id: str = make_id(self.source_id, self.text, anchor)
        else:
            slug = _slug(exact) + (f"-{occurrence}" if occurrence > 1 else "")
            statement_id = f"statement:{self.source_id.split(':', 1)[1]}/{slug}"
        # Two quotes may start with the same words: number the later ones.
        base, number = statement_id, 2
        while statement_id in self._slugs:
            statement_id, number = f"{base}-x{number}", number + 1
        self._slugs.add(statement_id)
        self.add(Statement(id=statement_id, source=self.source_id, anchor=anchor, **fields))
        self._statements[(exact, occurrence)] = statement_id
        return statement_id

    def ev(self, *quotes: Quote) -> tuple[str, ...]:
        """Statement ids for *quotes*: a quote, a quote and its occurrence, or a statement id."""
        return tuple(
            (q if q.startswith("statement:") else self.st(q)) if isinstance(q, str) else self.st(*q)
            for q in quotes
        )

    # -- values --------------------------------------------------------------

    def time(
        self,
        expression: str,
        edtf: str | None = None,
        *,
        relative: bool = False,
        precision: Precision | str | None = None,
        relative_to: dt.date | TimeSpan | None = None,
    ) -> TimeSpan:
        """The parsed TimeSpan of *expression*, checked against the hand annotation *edtf*.

        *relative* expressions ("last week", "Dec. 9") resolve against the
        document's reference (or *relative_to*: the date or span the text gave
        earlier, for "that day") and record it.  Without *edtf* the parse must
        succeed.
        """
        against: ResolvedAgainst | None = None
        reference: dt.date | TimeSpan | None = None
        if relative:
            against = self.relative_to
            reference = self.within or (against.date if against is not None else None)
            if relative_to is not None:
                against = _context(self.source_id, relative_to)
                reference = relative_to
        try:
            parsed = ddfacts.parse_time(expression, relative_to=reference)
        except ValueError as error:
            if edtf is None:
                raise
            PARSER_NOTES.append(f"parse_time({expression!r}) failed: {error}")
            return span(edtf, expression=expression, precision=precision, relative_to=against)
        if edtf is not None:
            hand = span(edtf, expression=expression, precision=precision, relative_to=against)
            if not _same_time(parsed, hand):
                PARSER_NOTES.append(
                    f"parse_time({expression!r}) gave {parsed.edtf} "
                    f"({parsed.earliest}..{parsed.latest}, {parsed.precision.value}); "
                    f"kept the hand value {hand.edtf}"
                )
                return hand
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
        """The parsed Quantity of *expression*, checked against the hand annotation.

        *unit* is the counted thing the claim is about, which the record
        keeps.  Without *qualifier* (no hand value) the parse must succeed.
        """
        try:
            parsed = ddfacts.parse_quantity(expression)
        except ValueError as error:
            if qualifier is None:
                raise
            PARSER_NOTES.append(f"parse_quantity({expression!r}) failed: {error}")
            return _hand_quantity(expression, qualifier, amount, unit, lower, upper)
        if qualifier is not None and (
            parsed.qualifier is not Qualifier(qualifier) or parsed.amount != amount
        ):
            PARSER_NOTES.append(
                f"parse_quantity({expression!r}) gave {parsed.qualifier.value} "
                f"{parsed.amount} {parsed.unit}; kept the hand value"
            )
            return _hand_quantity(expression, qualifier, amount, unit, lower, upper)
        # The parser's bounds convention (e.g. for "about") wins; the unit is
        # the counted thing the claim is about, which the hand value names.
        return attrs.evolve(parsed, unit=unit, expression=expression)

    # -- records -------------------------------------------------------------

    def source(self, **fields: Any) -> str:
        """Add the document's Source, with its sha256 and length from the text."""
        links = [
            link if isinstance(link, SourceLink) else SourceLink(**link)
            for link in fields.pop("links", ())
        ]
        return self.add(
            Source(
                id=self.source_id,
                sha256=sha256_of(self.path),
                length=len(self.text),
                links=links,
                **fields,
            )
        )

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
        return self.add(
            Event(
                id=f"event:{slug}",
                event_type=event_type,
                time=time,
                participants=[Participant(actor=a, role=r) for a, r in participants],
                evidence=self.ev(*evidence),
                **fields,
            )
        )

    def claim(
        self,
        slug: str,
        subject: str | None,
        prop: str | None,
        value: Quantity | TimeSpan | Ref | Rank | str | None,
        *,
        text: str,
        evidence: Iterable[Quote],
        mode: str = "states",
        speaker: str | None = None,
        original_language: str | None = None,
        chain: Sequence[Hop] = (),
        certainty: str = "certain",
        negated: bool = False,
        hedge: str | None = None,
        **fields: Any,
    ) -> str:
        """Add a Claim ``claim:<key>/<slug>`` carried by this document.

        ``subject``, ``prop`` and ``value`` may all be None when ``proposition=`` is given;
        ``chain``, ``certainty``, ``negated`` and ``hedge`` go to the attribution.
        """
        if isinstance(value, str) and value.startswith("actor:"):
            value = Ref(id=value)
        return self.add(
            Claim(
                id=f"claim:{self.key}/{slug}",
                subject=subject,
                property=prop,
                value=value,
                speaker=speaker,
                attribution=Attribution(
                    source=self.source_id,
                    mode=mode,
                    original_language=original_language,
                    chain=chain,
                    certainty=certainty,
                    negated=negated,
                    hedge=hedge,
                ),
                text=text,
                evidence=self.ev(*evidence),
                **fields,
            )
        )

    def review(self, slug: str, claim: str, *, rating: Rating, **fields: Any) -> str:
        """Add a Review ``review:<key>/<slug>`` of *claim*."""
        evidence = self.ev(*fields.pop("evidence", ()))
        return self.add(
            Review(
                id=f"review:{self.key}/{slug}",
                claim=claim,
                rating=rating,
                evidence=evidence,
                **fields,
            )
        )

    def role(
        self,
        position: str,
        organization: str | None,
        during: TimeSpan | None,
        *evidence: Quote,
    ) -> Role:
        """A Role held in *organization* *during* a time, shown by *evidence*."""
        return Role(
            position=position,
            organization=organization,
            during=during,
            evidence=self.ev(*evidence),
        )


_ORDER = {"source": 0, "actor": 1, "statement": 2, "event": 3, "claim": 4, "review": 5}


def ordered(records: Iterable[Record]) -> list[Record]:
    """Records in file order: sources, actors, statements by offset, events, claims, reviews.

    Records of one type other than statements keep the order they were declared in.
    """

    def key(record: Record) -> tuple[int, int]:
        offset = record.anchor.start if isinstance(record, Statement) else 0
        return (_ORDER[record.type], offset)

    return sorted(records, key=key)
