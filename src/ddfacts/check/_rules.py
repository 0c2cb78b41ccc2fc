"""The rules of :func:`ddfacts.check`, one function per code (contradictions and texts aside).

Each rule takes what it needs of one record (and its ordinal in the run), or
of the run, and returns the problems it finds; :class:`~ddfacts.check.CheckRun`
decides when to call it.  Problems are located at ``/records/<ordinal>``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from .._describe import describe_value
from ..problems._codes import problem
from ..problems._report import Location, Problem
from ..quantities._value import Quantity
from ..records import Claim, ClaimValue, Event, Mode
from ..times._span import TimeSpan
from ..validation._rules import role_allowed
from ..vocabulary import Vocabulary
from ._support import date_in, figure_in

__all__ = [
    "at",
    "attribution",
    "cycles",
    "no_evidence",
    "refinement",
    "roles",
    "unsupported",
]


def at(ordinal: int, *tokens: str | int) -> Location:
    """The location of a record (``/records/<ordinal>``) in the run, deeper by *tokens*."""
    return Location().child("records", ordinal, *tokens)


def _unsupported_what(value: ClaimValue, quotes: list[str]) -> str | None:
    """The figure or date none of *quotes* writes, described; None when one does."""
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


def unsupported(
    ordinal: int, claim_id: str, value: ClaimValue, statements: Sequence[tuple[str, str]]
) -> Problem | None:
    """``check.unsupported``: a claim's figure or date is in none of its evidence quotes.

    *statements* are the evidence statements' ids and quotes; with none, nothing is told.
    """
    if not statements:
        return None
    what = _unsupported_what(value, [quote for _, quote in statements])
    if what is None:
        return None
    names = ", ".join(item for item, _ in statements)
    return problem(
        "check.unsupported",
        f"{claim_id} gives {what}, which its evidence ({names}) does not write",
        at(ordinal, "value"),
        records=(claim_id, *(item for item, _ in statements)),
    )


def no_evidence(claim: Claim, ordinal: int) -> Problem | None:
    """``check.no-evidence``: a claim put in a speaker's mouth cites no evidence."""
    if claim.speaker is None or claim.evidence:
        return None
    return problem(
        "check.no-evidence",
        f"{claim.id} is attributed to {claim.speaker} but cites no evidence statement for it",
        at(ordinal, "evidence"),
        records=(claim.id, claim.speaker),
    )


def attribution(claim: Claim, ordinal: int) -> Problem | None:
    """``check.attribution``: a source quotes, reports or disputes a claim of nobody."""
    carried = claim.attribution
    if carried is None or carried.mode is Mode.STATES or claim.speaker is not None:
        return None
    return problem(
        "check.attribution",
        f"{carried.source} {carried.mode.value} {claim.id}, but the claim names no speaker; "
        "a claim the source makes itself has mode 'states'",
        at(ordinal, "attribution", "mode"),
        records=(claim.id, carried.source),
    )


def _exceeds(part: Quantity, whole: Quantity) -> bool:
    """Whether every value *part* allows is above every value *whole* allows."""
    if part.lower is None or whole.upper is None or not part.comparable(whole):
        return False
    low, high = part.lower - part.slack, whole.upper + whole.slack
    return low > high or (low == high and not (part.lower_inclusive and whole.upper_inclusive))


def refinement(
    ordinal: int, claim_id: str, value: Quantity, refined_id: str, refined: Quantity
) -> Problem | None:
    """``check.refinement``: a figure refining another ("6 of the 15") is larger than it."""
    if not _exceeds(value, refined):
        return None
    return problem(
        "check.refinement",
        f"{claim_id} refines {refined_id} but gives more: {describe_value(value)} "
        f"of {describe_value(refined)}",
        at(ordinal, "value"),
        records=(claim_id, refined_id),
    )


def roles(event: Event, ordinal: int, vocab: Vocabulary) -> Iterator[Problem]:
    """``vocab.role-not-allowed``: a participant in a role its event type does not allow.

    An event type the vocabulary does not know is left to validation.
    """
    allowed = vocab.roles_for(event.event_type)
    if allowed is None:
        return
    for number, participant in enumerate(event.participants):
        if role_allowed(participant.role, event.event_type, allowed) is None:
            continue
        yield problem(
            "vocab.role-not-allowed",
            f"{participant.actor} takes part in {event.id} as {participant.role!r}, "
            f"a role a {event.event_type!r} event does not have "
            f"(allowed: {', '.join(sorted(allowed))})",
            at(ordinal, "participants", number, "role"),
            records=(event.id, participant.actor),
        )


def cycles(found: Iterable[Sequence[str]], index: Mapping[str, int]) -> Iterator[Problem]:
    """``meaning.cycle``: records derived, quoted or translated from each other in a circle.

    *found* are the cycles among the derivation links (each the ids from the
    record a link returns to, as :func:`~ddfacts.validation._cycles.find_cycles`
    gives them); *index* gives ordinals.
    """
    for cycle in found:
        yield problem(
            "meaning.cycle",
            "records are derived from each other in a circle: " + " -> ".join([*cycle, cycle[0]]),
            at(index[cycle[0]], "provenance", "derived_from"),
            records=tuple(cycle),
        )
