"""``check.rank-conflict``: ranks in one ranking that cannot all be true.

Two rank claims belong to one ranking when their :class:`~ddfacts.records.Ranking`
values are equal (a ranking without its own ``as_of`` takes the claim's).
They conflict when two different subjects hold the same position and
neither is ``tied``, or when one subject holds two positions.  As with
contradictions, two voices disagreeing is a warning and one source saying
both in one speaker's voice an error; a hedged rank is ``check.hedged``.
Negated ranks ("not the first") and ranks of members of a group are not
compared.

Each ranking's claims are read once, with two dicts (first holder of each
position, first position of each subject): time linear in the rank claims,
and at most two problems per claim.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

import attrs

from .._describe import describe_rank
from ..problems._report import Problem
from ..records import Claim, Rank
from ._contradiction import Said, disagreement

__all__ = ["rank_conflicts", "ranking_key"]


def ranking_key(claim: Claim) -> str | None:
    """The ranking a claim's rank is a position in, as a key; None when it is not compared."""
    value = claim.value
    negated = claim.attribution is not None and claim.attribution.negated
    if not isinstance(value, Rank) or claim.subject is None or negated or claim.members is not None:
        return None
    ranking = value.ranking
    if ranking.as_of is None and claim.as_of is not None:
        ranking = attrs.evolve(ranking, as_of=claim.as_of)
    return repr(ranking)


def _rank(said: Said) -> Rank:
    assert isinstance(said.value, Rank)  # kept by ranking_key
    return said.value


def _conflict(first: Said, later: Said, what: str, ordinal: int) -> Problem:
    message = f"{first.id} and {later.id} {what} of one ranking ({describe_rank(_rank(later))})"
    return disagreement(first, later, message, "check.rank-conflict", ordinal)


def _one_ranking(claims: list[Said], index: Mapping[str, int]) -> Iterator[Problem]:
    holders: dict[int, Said] = {}
    positions: dict[str, Said] = {}
    for said in claims:
        rank, subject = _rank(said), said.subject or ""
        first = positions.setdefault(subject, said)
        if _rank(first).position != rank.position:
            what = f"put {subject} at positions {_rank(first).position} and {rank.position}"
            yield _conflict(first, said, what, index[said.id])
        if rank.tied:
            continue
        holder = holders.setdefault(rank.position, said)
        if holder.subject != said.subject:
            what = f"put both {holder.subject} and {subject} at position {rank.position}, untied,"
            yield _conflict(holder, said, what, index[said.id])


def rank_conflicts(
    rankings: Iterable[tuple[str, list[Said]]], index: Mapping[str, int]
) -> Iterator[Problem]:
    """``check.rank-conflict`` (or ``check.hedged``) in each ranking's claims, in record order.

    *rankings* are the rank claims by :func:`ranking_key`; *index* gives
    each id's ordinal: the problem is located at the later claim's value.
    """
    for _key, claims in rankings:
        yield from _one_ranking(claims, index)
