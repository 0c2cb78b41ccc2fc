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
                                     quotes (see :mod:`ddfacts._support` for what
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
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from itertools import combinations

from ._describe import describe_time, describe_value
from ._support import date_in, figure_in
from .errors import TextStoreError
from .factset import FactSet
from .problems import Location, Problem, Report, Severity
from .quantities import Quantity
from .records import Claim, ClaimValue, Mode, Ref, Source, Statement
from .textstore import TextLookup
from .times import TimeSpan, as_date
from .validation._set import find_cycles
from .vocabulary import Vocabulary, default_vocabulary

__all__ = ["check"]

_DAY = dt.timedelta(days=1)


class _Context:
    """What every rule needs: the facts, record positions, texts and vocabulary."""

    def __init__(self, factset: FactSet, texts: TextLookup | None, vocab: Vocabulary) -> None:
        self.factset = factset
        self.texts = texts
        self.vocab = vocab
        self.index = {record.id: number for number, record in enumerate(factset)}

    def at(self, record_id: str, *tokens: str | int) -> Location:
        """The location of a record (``/records/<n>``) in the set, deeper by *tokens*."""
        return Location().child("records", self.index[record_id], *tokens)

    def evidence(self, ids: tuple[str, ...]) -> list[Statement]:
        """The evidence statements that resolve."""
        found = (self.factset.get(i, Statement) for i in ids)
        return [statement for statement in found if statement is not None]


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


def _same_time(a: Claim, b: Claim) -> bool:
    if a.as_of is None or b.as_of is None:
        return a.as_of is None and b.as_of is None
    if a.as_of.is_unknown or b.as_of.is_unknown:
        return False
    return a.as_of.overlaps(b.as_of)


def _same_voice(a: Claim, b: Claim) -> bool:
    if a.attribution is None or b.attribution is None:
        return False
    return a.attribution.source == b.attribution.source and a.speaker == b.speaker


def _bounds(claim: Claim) -> tuple[dt.date, dt.date]:
    """Calendar bounds of a claim's as-of time, wide enough to never miss an overlap."""
    span = claim.as_of
    assert span is not None
    low = as_date(span.earliest) if span.earliest is not None else dt.date.min
    high = as_date(span.latest) if span.latest is not None else dt.date.max
    # A day's margin each side: time zones may move an instant across midnight.
    return (low - _DAY if low > dt.date.min else low, high + _DAY if high < dt.date.max else high)


def _candidate_pairs(claims: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
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
    active: list[tuple[dt.date, Claim]] = []
    for claim in timed:
        low, high = _bounds(claim)
        active = [(end, other) for end, other in active if end >= low]
        for _, other in active:
            yield (other, claim) if order[id(other)] < order[id(claim)] else (claim, other)
        active.append((high, claim))


def contradiction(ctx: _Context) -> Iterator[Problem]:
    """``check.contradiction``: single-valued claims that cannot all be true."""
    groups: dict[tuple[str, str], list[Claim]] = {}
    for claim in ctx.factset.claims:
        entry = ctx.vocab.properties.get(claim.property)
        if entry is not None and entry.single:
            groups.setdefault((claim.subject, claim.property), []).append(claim)
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
                message += f"; both come from {a.attribution.source if a.attribution else ''}"
            yield Problem(
                code="check.contradiction",
                severity=Severity.ERROR if same else Severity.WARNING,
                message=message,
                location=ctx.at(b.id, "value"),
                records=(a.id, b.id),
            )


def _unsupported_what(claim: Claim, quotes: list[str]) -> str | None:
    value = claim.value
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


def unsupported(ctx: _Context) -> Iterator[Problem]:
    """``check.unsupported``: a claim's figure or date is in none of its evidence quotes."""
    for claim in ctx.factset.claims:
        statements = ctx.evidence(claim.evidence)
        if not statements:
            continue
        what = _unsupported_what(claim, [s.anchor.exact for s in statements])
        if what is None:
            continue
        names = ", ".join(s.id for s in statements)
        yield Problem(
            code="check.unsupported",
            severity=Severity.ERROR,
            message=f"{claim.id} gives {what}, which its evidence ({names}) does not write",
            location=ctx.at(claim.id, "value"),
            records=(claim.id, *(s.id for s in statements)),
        )


def no_evidence(ctx: _Context) -> Iterator[Problem]:
    """``check.no-evidence``: a claim attributed to a speaker with no evidence statement."""
    for claim in ctx.factset.claims:
        if claim.speaker is not None and not claim.evidence:
            yield Problem(
                code="check.no-evidence",
                severity=Severity.ERROR,
                message=(
                    f"{claim.id} is attributed to {claim.speaker} but cites no evidence "
                    "statement for it"
                ),
                location=ctx.at(claim.id, "evidence"),
                records=(claim.id, claim.speaker),
            )


def attribution(ctx: _Context) -> Iterator[Problem]:
    """``check.attribution``: a source carries someone's words, but nobody is the speaker."""
    for claim in ctx.factset.claims:
        carried = claim.attribution
        if carried is None or carried.mode is Mode.STATES or claim.speaker is not None:
            continue
        yield Problem(
            code="check.attribution",
            severity=Severity.WARNING,
            message=(
                f"{carried.source} {carried.mode.value} {claim.id}, but the claim names no "
                "speaker; a claim the source makes itself has mode 'states'"
            ),
            location=ctx.at(claim.id, "attribution", "mode"),
            records=(claim.id, carried.source),
        )


def role(ctx: _Context) -> Iterator[Problem]:
    """``check.role``: an event participant in a role its event type does not allow."""
    for event in ctx.factset.events:
        allowed = ctx.vocab.roles_for(event.event_type)
        if allowed is None:
            continue
        for number, participant in enumerate(event.participants):
            if participant.role in allowed:
                continue
            yield Problem(
                code="check.role",
                severity=Severity.ERROR,
                message=(
                    f"{participant.actor} takes part in {event.id} as {participant.role!r}, "
                    f"a role a {event.event_type!r} event does not have "
                    f"(allowed: {', '.join(sorted(allowed))})"
                ),
                location=ctx.at(event.id, "participants", number, "role"),
                records=(event.id, participant.actor),
            )


def evidence_moved(ctx: _Context) -> Iterator[Problem]:
    """``check.evidence-moved``: with texts, a claim's evidence quote is not at its offsets."""
    if ctx.texts is None:
        return
    texts: dict[str, str | None] = {}
    for claim in ctx.factset.claims:
        for statement in ctx.evidence(claim.evidence):
            if statement.source not in texts:
                source = ctx.factset.get(statement.source, Source)
                try:
                    texts[statement.source] = (
                        ctx.texts.text_for(source) if source is not None else None
                    )
                except TextStoreError:
                    texts[statement.source] = None
            text = texts[statement.source]
            if text is None or statement.anchor.verify(text):
                continue
            yield Problem(
                code="check.evidence-moved",
                severity=Severity.ERROR,
                message=(
                    f"the evidence {statement.id} of {claim.id} no longer stands at "
                    f"{statement.anchor.start}..{statement.anchor.end} of {statement.source}'s "
                    "text; re-anchor it before relying on the claim"
                ),
                location=ctx.at(claim.id, "evidence"),
                records=(claim.id, statement.id),
            )


def derivation_cycle(ctx: _Context) -> Iterator[Problem]:
    """``check.derivation-cycle``: records derived, quoted or translated from each other."""
    edges = {
        record.id: [link.target for link in record.provenance.derived_from]
        for record in ctx.factset
        if record.provenance is not None
    }
    for cycle in find_cycles(edges):
        yield Problem(
            code="check.derivation-cycle",
            severity=Severity.ERROR,
            message="records are derived from each other in a circle: "
            + " -> ".join([*cycle, cycle[0]]),
            location=ctx.at(cycle[0], "provenance", "derived_from"),
            records=tuple(cycle),
        )


#: Every rule, in the order it runs.
RULES = (contradiction, unsupported, no_evidence, attribution, role, evidence_moved)


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
    ctx = _Context(factset, texts, vocab if vocab is not None else default_vocabulary())
    problems: list[Problem] = []
    for rule in (*RULES, derivation_cycle):
        problems.extend(rule(ctx))
    return Report(problems)
