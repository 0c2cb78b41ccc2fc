"""What a claim's row says beyond its triple, in words: format 1.1's parts of a claim.

Each line is plain text (the template escapes it): the proposition and what
it is about, how firmly the speaker asserts it (with the hedge as written),
which members of the subject it is about, the condition on the members it
counts, the claim it refines, its rank (when its words do not show it), and
the chain of reported speech.  A rank and a factuality are worded by
:mod:`.._describe`, as in check messages and exports.
"""

from __future__ import annotations

from collections.abc import Callable

from .._describe import describe_factuality, describe_rank, describe_value
from ..records import Attribution, Claim, Members, Rank, Source
from ._model import Facts, name_of

__all__ = ["claim_details"]


def _names(ids: tuple[str, ...], name: Callable[[str], str]) -> str:
    return ", ".join(name(record_id) for record_id in ids)


def _members(members: Members, subject: str, name: Callable[[str], str]) -> str:
    scope = members.scope.value
    words = f"about {'the average' if scope == 'average' else scope} member"
    words += f"{'s' if scope in ('all', 'most', 'some') else ''} of {name(subject)}"
    if members.named:
        words += f": {_names(members.named, name)}"
    if members.excluding:
        words += f", except {_names(members.excluding, name)}"
    return words


def _chain(facts: Facts, attribution: Attribution, name: Callable[[str], str]) -> str | None:
    if not attribution.hops:
        return None
    links = []
    for hop in attribution.hops:
        how = hop.mode.value + (f", in {hop.language}" if hop.language else "")
        links.append(f"{name(hop.by)} ({how})")
    source = facts.get(attribution.source, Source)
    title = source.title if source is not None and source.title else attribution.source
    return "passed on by " + " → ".join(links) + f" → {title}"


def _structure(claim: Claim, name: Callable[[str], str]) -> list[str]:
    lines = []
    if claim.members is not None and claim.subject is not None:
        lines.append(_members(claim.members, claim.subject, name))
    if claim.where is not None:
        bound = claim.where.value
        value = describe_value(bound)
        if bound.unit and value.endswith(f" {bound.unit}"):
            value = value[: -len(bound.unit) - 1]
        lines.append(f"counting only members with {claim.where.property}: {value}")
    if claim.refines is not None:
        lines.append(f"narrows {claim.refines}")
    # The claim's words (describe_claim) show its triple, rank included, unless it has a text.
    shown = not claim.text and claim.subject is not None and claim.property is not None
    if isinstance(claim.value, Rank) and not shown:
        lines.append("rank: " + describe_rank(claim.value, name))
    return lines


def claim_details(facts: Facts, claim: Claim) -> list[str]:
    """The lines a claim's row shows under its words, plain text, in a fixed order."""

    def name(record_id: str) -> str:
        return name_of(facts, record_id)

    lines = []
    proposition = claim.proposition
    if proposition is not None:
        # A claim with no text nor triple is already shown by its proposition.
        shown = claim.text is None and (claim.subject is None or claim.property is None)
        words = "" if shown else f"proposition: “{proposition.text}”"
        if proposition.language:
            words += f" ({proposition.language})" if words else f"in {proposition.language}"
        if proposition.about:
            words += f"{', ' if words else ''}about {_names(proposition.about, name)}"
        if words:
            lines.append(words)
    lines.extend(_structure(claim, name))
    attribution = claim.attribution
    if attribution is not None:
        for line in (describe_factuality(attribution), _chain(facts, attribution, name)):
            if line:
                lines.append(line)
    return lines
