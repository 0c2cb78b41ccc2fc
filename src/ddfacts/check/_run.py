"""Check what a FactSet says against itself: contradictions, unsupported figures, roles.

:func:`check` runs every rule below and returns a :class:`~ddfacts.problems.Report`
whose problems name, in ``records`` and in the message, every record involved.

=========================== ======== =================================================
Code                        Severity What it finds
=========================== ======== =================================================
``check.contradiction``     warning  Two claims of a single-valued property about the
                                     same subject, at overlapping as-of times (or both
                                     timeless), whose values cannot both be true:
                                     disjoint quantity intervals, times that cannot
                                     overlap, different entities, different texts.
                                     Two sources or speakers disagreeing is
                                     information about the world, not a fault of the
                                     fact file, so it is a warning; it is an error
                                     when one source gives both in one speaker's
                                     voice (a recording mistake, or a source at odds
                                     with itself that deserves a look).
``check.unsupported``       error    A claim's figure (its quantity) or date (its time
                                     value) is not written in any of its evidence
                                     quotes (see :mod:`ddfacts.check._support` for what
                                     counts).
``check.no-evidence``       error    A claim put in a speaker's mouth with no evidence
                                     statement.
``check.attribution``       warning  A claim a source quotes, paraphrases, reports,
                                     disputes or translates, with no speaker.
``check.role``              error    An event participant whose role the event type
                                     (or a broader one) does not allow.
``check.evidence-moved``    error    With texts: a claim's evidence quote no longer
                                     stands at its offsets in its source's text.
``check.derivation-cycle``  error    Records derived from each other in a circle.
=========================== ======== =================================================

References that do not resolve and unknown vocabulary terms are left to
:func:`ddfacts.validate`; a rule skips what it cannot resolve.

The rules run over records fed one at a time (:class:`CheckRun`), keeping
only what they need, never the records: :func:`check` feeds a FactSet's
records, and ``ddfacts check`` streams JSON Lines files through the same run,
so its memory grows with the ids, statements' quotes and single-valued
claims, not with the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from itertools import combinations
from sys import intern

from .._describe import describe_time, describe_value
from ..errors import TextStoreError
from ..factset import FactSet
from ..problems import (
    Location,
    Problem,
    Report,
    Severity,
)
from ..quantities._value import Quantity
from ..records import (
    Claim,
    ClaimValue,
    Event,
    Mode,
    Record,
    Ref,
    Source,
    Statement,
)
from ..textstore import TextLookup
from ..times._span import TimeSpan, as_date
from ..validation._cycles import find_cycles
from ..vocabulary import Vocabulary, default_vocabulary
from ._support import date_in, figure_in

__all__ = ["CheckRun", "check"]

_DAY = dt.timedelta(days=1)


class _Said:
    """What the contradiction rule needs of a single-valued claim (never the claim itself)."""

    __slots__ = ("as_of", "id", "qualifiers", "source", "speaker", "value")

    def __init__(self, claim: Claim) -> None:
        self.id = claim.id
        self.as_of = claim.as_of
        self.qualifiers = claim.qualifiers
        self.value = claim.value
        self.source = claim.attribution.source if claim.attribution is not None else None
        self.speaker = claim.speaker


#: A statement as the evidence rules need it: quote, source id, start, end.
_Quote = tuple[str, str, int, int]


def _exact(quote: _Quote | str) -> str:
    return quote if isinstance(quote, str) else quote[0]


def _at(ordinal: int, *tokens: str | int) -> Location:
    """The location of a record (``/records/<n>``) in the run, deeper by *tokens*."""
    return Location().child("records", ordinal, *tokens)


def _compatible_qualifiers(a: Mapping[str, str], b: Mapping[str, str]) -> bool:
    return all(a[key] == b[key] for key in a.keys() & b.keys())


def _values_clash(a: ClaimValue, b: ClaimValue) -> bool:
    if isinstance(a, Quantity) and isinstance(b, Quantity):
        return a.comparable(b) and not a.overlaps(b)
    if isinstance(a, TimeSpan) and isinstance(b, TimeSpan):
        return not (a.is_unknown or b.is_unknown or a.overlaps(b))
    if isinstance(a, Ref) and isinstance(b, Ref):
        return a.id != b.id
    if isinstance(a, str) and isinstance(b, str):
        return " ".join(a.casefold().split()) != " ".join(b.casefold().split())
    return False


def _same_time(a: _Said, b: _Said) -> bool:
    if a.as_of is None or b.as_of is None:
        return a.as_of is None and b.as_of is None
    if a.as_of.is_unknown or b.as_of.is_unknown:
        return False
    return a.as_of.overlaps(b.as_of)


def _same_voice(a: _Said, b: _Said) -> bool:
    if a.source is None or b.source is None:
        return False
    return a.source == b.source and a.speaker == b.speaker


def _bounds(claim: _Said) -> tuple[dt.date, dt.date]:
    """Calendar bounds of a claim's as-of time, wide enough to never miss an overlap."""
    span = claim.as_of
    assert span is not None
    low = as_date(span.earliest) if span.earliest is not None else dt.date.min
    high = as_date(span.latest) if span.latest is not None else dt.date.max
    # A day's margin each side: time zones may move an instant across midnight.
    return (low - _DAY if low > dt.date.min else low, high + _DAY if high < dt.date.max else high)


def _candidate_pairs(claims: list[_Said]) -> Iterator[tuple[_Said, _Said]]:
    """Pairs of claims whose as-of times may overlap, in file order within each pair.

    Timeless claims are paired with each other; timed ones by a sweep over
    their bounds, so a long series of dated counts costs n log n, not n².
    """
    order = {id(claim): number for number, claim in enumerate(claims)}
    timeless = [c for c in claims if c.as_of is None]
    yield from combinations(timeless, 2)
    timed = sorted(
        (c for c in claims if c.as_of is not None and not c.as_of.is_unknown),
        key=lambda c: _bounds(c)[0],
    )
    active: list[tuple[dt.date, _Said]] = []
    for claim in timed:
        low, high = _bounds(claim)
        active = [(end, other) for end, other in active if end >= low]
        for _, other in active:
            yield (other, claim) if order[id(other)] < order[id(claim)] else (claim, other)
        active.append((high, claim))


def _contradictions(
    groups: dict[tuple[str, str], list[_Said]], index: dict[str, int]
) -> Iterator[Problem]:
    """``check.contradiction``: single-valued claims that cannot all be true."""
    for (subject, prop), claims in groups.items():
        for a, b in _candidate_pairs(claims):
            if not (
                _same_time(a, b)
                and _compatible_qualifiers(a.qualifiers, b.qualifiers)
                and _values_clash(a.value, b.value)
            ):
                continue
            same = _same_voice(a, b)
            when = (
                "timeless"
                if a.as_of is None
                else f"as of {describe_time(a.as_of)} and {describe_time(b.as_of)}"
            )
            message = (
                f"{a.id} and {b.id} give values of {prop!r} for {subject} that cannot both "
                f"be true ({when}): {describe_value(a.value)} vs {describe_value(b.value)}"
            )
            if same:
                message += f"; both come from {a.source or ''}"
            yield Problem(
                code="check.contradiction",
                severity=Severity.ERROR if same else Severity.WARNING,
                message=message,
                location=_at(index[b.id], "value"),
                records=(a.id, b.id),
            )


def _unsupported_what(value: ClaimValue, quotes: list[str]) -> str | None:
    if isinstance(value, Quantity):
        if any(figure_in(value, quote) for quote in quotes):
            return None
        return f"the figure {describe_value(value)}"
    if isinstance(value, TimeSpan):
        found = [date_in(value, quote) for quote in quotes]
        if True in found or None in found:
            return None
        return f"the date {value.expression or value.edtf}"
    return None


class CheckRun:
    """The rules over records fed one at a time, in order: what :func:`check` runs.

    It keeps what the rules need, never a record: the id index (id ->
    ordinal), each statement's quote, source and offsets, the single-valued
    claims' values, as-of times, qualifiers and voices, derivation links, the
    problems found so far, and claims whose evidence has not been met yet
    (checked when the run ends).  With *texts*, sources and the claims that
    cite evidence are kept too, for ``check.evidence-moved``.  Problems are
    located at ``/records/<ordinal>``; :meth:`finish` gives them in the order
    :func:`check` does.
    """

    def __init__(self, texts: TextLookup | None, vocab: Vocabulary) -> None:
        self._texts = texts
        self._vocab = vocab
        self._count = 0
        self._index: dict[str, int] = {}
        self._quotes: dict[str, _Quote | str] = {}
        self._sources: dict[str, Source] = {}
        self._groups: dict[tuple[str, str], list[_Said]] = {}
        self._unsupported: list[tuple[int, Problem]] = []
        self._pending: list[tuple[int, str, ClaimValue, tuple[str, ...]]] = []
        self._no_evidence: list[Problem] = []
        self._attribution: list[Problem] = []
        self._roles: list[Problem] = []
        self._cited: list[tuple[int, str, tuple[str, ...]]] = []
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
                else (anchor.exact, intern(record.source), anchor.start, anchor.end)
            )
        elif isinstance(record, Claim):
            self._claim(record, ordinal)
        elif isinstance(record, Event):
            self._event(record, ordinal)
        elif isinstance(record, Source) and self._texts is not None:
            self._sources[record_id] = record
        return None if earlier == ordinal else earlier

    def _claim(self, claim: Claim, ordinal: int) -> None:
        entry = self._vocab.properties.get(claim.property)
        if entry is not None and entry.single:
            self._groups.setdefault((claim.subject, claim.property), []).append(_Said(claim))
        evidence, value = claim.evidence, claim.value
        if evidence and isinstance(value, (Quantity, TimeSpan)):
            if all(item in self._index for item in evidence):
                self._support(ordinal, claim.id, value, evidence)
            else:  # evidence still to come: decided when the run ends
                self._pending.append((ordinal, claim.id, value, evidence))
        if claim.speaker is not None and not evidence:
            self._no_evidence.append(
                Problem(
                    code="check.no-evidence",
                    severity=Severity.ERROR,
                    message=(
                        f"{claim.id} is attributed to {claim.speaker} but cites no evidence "
                        "statement for it"
                    ),
                    location=_at(ordinal, "evidence"),
                    records=(claim.id, claim.speaker),
                )
            )
        carried = claim.attribution
        if carried is not None and carried.mode is not Mode.STATES and claim.speaker is None:
            self._attribution.append(
                Problem(
                    code="check.attribution",
                    severity=Severity.WARNING,
                    message=(
                        f"{carried.source} {carried.mode.value} {claim.id}, but the claim names "
                        "no speaker; a claim the source makes itself has mode 'states'"
                    ),
                    location=_at(ordinal, "attribution", "mode"),
                    records=(claim.id, carried.source),
                )
            )
        if self._texts is not None and evidence:
            self._cited.append((ordinal, claim.id, evidence))

    def _support(
        self, ordinal: int, claim_id: str, value: ClaimValue, evidence: tuple[str, ...]
    ) -> None:
        """``check.unsupported``: a claim's figure or date is in none of its evidence quotes."""
        quotes = self._quotes
        statements = [(item, _exact(quotes[item])) for item in evidence if item in quotes]
        if not statements:
            return
        what = _unsupported_what(value, [quote for _, quote in statements])
        if what is None:
            return
        names = ", ".join(item for item, _ in statements)
        self._unsupported.append(
            (
                ordinal,
                Problem(
                    code="check.unsupported",
                    severity=Severity.ERROR,
                    message=f"{claim_id} gives {what}, which its evidence ({names}) does not write",
                    location=_at(ordinal, "value"),
                    records=(claim_id, *(item for item, _ in statements)),
                ),
            )
        )

    def _event(self, event: Event, ordinal: int) -> None:
        """``check.role``: an event participant in a role its event type does not allow."""
        allowed = self._vocab.roles_for(event.event_type)
        if allowed is None:
            return
        for number, participant in enumerate(event.participants):
            if participant.role in allowed:
                continue
            self._roles.append(
                Problem(
                    code="check.role",
                    severity=Severity.ERROR,
                    message=(
                        f"{participant.actor} takes part in {event.id} as {participant.role!r}, "
                        f"a role a {event.event_type!r} event does not have "
                        f"(allowed: {', '.join(sorted(allowed))})"
                    ),
                    location=_at(ordinal, "participants", number, "role"),
                    records=(event.id, participant.actor),
                )
            )

    def _evidence_moved(self) -> Iterator[Problem]:
        """``check.evidence-moved``: with texts, a claim's evidence quote is not at its offsets."""
        if self._texts is None:
            return
        texts: dict[str, str | None] = {}
        for ordinal, claim_id, evidence in self._cited:
            for item in evidence:
                quote = self._quotes.get(item)
                if quote is None:
                    continue
                assert not isinstance(quote, str)  # kept whole with texts
                exact, source_id, start, end = quote
                if source_id not in texts:
                    source = self._sources.get(source_id)
                    try:
                        texts[source_id] = (
                            self._texts.text_for(source) if source is not None else None
                        )
                    except TextStoreError:
                        texts[source_id] = None
                text = texts[source_id]
                if text is None or text[start:end] == exact:
                    continue
                yield Problem(
                    code="check.evidence-moved",
                    severity=Severity.ERROR,
                    message=(
                        f"the evidence {item} of {claim_id} no longer stands at "
                        f"{start}..{end} of {source_id}'s "
                        "text; re-anchor it before relying on the claim"
                    ),
                    location=_at(ordinal, "evidence"),
                    records=(claim_id, item),
                )

    def _cycles(self) -> Iterator[Problem]:
        """``check.derivation-cycle``: records derived, quoted or translated from each other."""
        for cycle in find_cycles(self._edges):
            yield Problem(
                code="check.derivation-cycle",
                severity=Severity.ERROR,
                message="records are derived from each other in a circle: "
                + " -> ".join([*cycle, cycle[0]]),
                location=_at(self._index[cycle[0]], "provenance", "derived_from"),
                records=tuple(cycle),
            )

    def finish(self) -> list[Problem]:
        """Every problem, rule by rule, each rule's in record order."""
        for ordinal, claim_id, value, evidence in self._pending:
            self._support(ordinal, claim_id, value, evidence)
        self._pending.clear()
        self._unsupported.sort(key=lambda pair: pair[0])
        problems = list(_contradictions(self._groups, self._index))
        problems.extend(problem for _, problem in self._unsupported)
        problems.extend(self._no_evidence)
        problems.extend(self._attribution)
        problems.extend(self._roles)
        problems.extend(self._evidence_moved())
        problems.extend(self._cycles())
        return problems


def check(
    factset: FactSet, *, texts: TextLookup | None = None, vocab: Vocabulary | None = None
) -> Report:
    """Every problem the rules find in *factset* (see the module documentation for the codes).

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
