"""The rules a record part keeps on its own: a review's rating, a claim's parts.

A rule is a plain function of raw values that returns what is wrong, as a
sentence, or None when the rule holds.  The record class raises ValueError
with that sentence; validation reports it as a located problem
(``meaning.rating-scale``); the fast validation pass only asks whether it
holds.  This module imports nothing of ddfacts, so the record classes and
validation can both import it.
"""

from __future__ import annotations

__all__ = [
    "attribution_forms",
    "claim_content",
    "members_overlap",
    "rank_position",
    "rating_scale",
    "rating_value",
]


def rating_scale(best: float, worst: float) -> str | None:
    """The scale is not empty: ``best != worst``."""
    if best == worst:
        return f"the scale {worst}..{best} is empty; expected best != worst"
    return None


def rating_value(value: float, best: float, worst: float) -> str | None:
    """The rating lies on its scale, between ``worst`` and ``best`` (either way round)."""
    if not min(best, worst) <= value <= max(best, worst):
        return f"rating {value} lies outside its scale {worst}..{best}"
    return None


#: The members of a claim's triple, in order.
TRIPLE = ("subject", "property", "value")


def claim_content(subject: bool, property: bool, value: bool, proposition: bool) -> str | None:
    """A claim says something: a whole triple, a proposition, or both (flags: which are given)."""
    given = dict(zip(TRIPLE, (subject, property, value), strict=True))
    missing = [name for name, present in given.items() if not present]
    if not missing:
        return None
    if len(missing) < len(TRIPLE):
        gave = ", ".join(repr(name) for name, present in given.items() if present)
        lack = ", ".join(repr(name) for name in missing)
        return f"a claim's subject, property and value go together: it has {gave} but no {lack}"
    if not proposition:
        return "a claim needs a subject, property and value, or a proposition"
    return None


def attribution_forms(chain: bool, via: bool, translated_by: bool) -> str | None:
    """A chain of hops replaces the 1.0 members ``via``/``via_source``/``translated_by``."""
    if chain and (via or translated_by):
        old = "'via'" if via else "'translated_by'"
        return (
            f"the attribution has both a 'chain' and {old}: give every hop in the chain "
            "('ddfacts migrate' rewrites the 1.0 members as hops)"
        )
    return None


def members_overlap(named: tuple[str, ...], excluding: tuple[str, ...]) -> str | None:
    """No member is both named and excluded."""
    both = sorted(set(named) & set(excluding))
    if both:
        return f"{both[0]!r} is both named and excluded; a member is one or the other"
    return None


def rank_position(position: object) -> str | None:
    """A rank's position is a whole number from 1."""
    if isinstance(position, bool) or not isinstance(position, int) or position < 1:
        return f"a rank's position is a whole number from 1, got {position!r}"
    return None
