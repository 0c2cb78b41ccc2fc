"""Hypothesis strategies for claims and their format-1.1 parts.

Re-exported by :mod:`ddfacts.strategies`.

Claims come in the three shapes a claim may take (a subject-property-value
triple, a proposition in words, or both), with attributions of both forms
(a ``chain`` of hops, or the 1.0 members ``via``/``via_source``/
``translated_by``, never the two together), certainty, negation and hedges,
claims about members of a group, conditions, refinements and ranks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st

from ..records import (
    Attribution,
    Certainty,
    Claim,
    ClaimValue,
    Condition,
    Hop,
    Members,
    Mode,
    Proposition,
    Rank,
    Ranking,
    RankOrder,
    Ref,
    Scope,
)
from ._common import LANGUAGES, TEXT, evidence, ids, pick, provenances
from ._values import quantities, time_spans

__all__ = ["attributions", "claims", "propositions", "ranks"]

_WORDS = st.sampled_from(
    ["Canada leads an effort to isolate Russia.", "Ясно.", "It tweets in English only."]
)
_HEDGES = st.sampled_from(["apparently", "seems to", "probably", "almost exclusively"])
_MEASURES = st.sampled_from(["followers", "subscribers", "impact"])
_COUNTED = st.sampled_from(["followers", "subscribers", "tweets"])
_PROPERTIES = st.sampled_from(["followers", "tweets", "position", "launched", "members"])


_MODES = st.sampled_from(Mode)
_CERTAINTIES = st.sampled_from(Certainty)
_SCOPES = st.sampled_from(Scope)
_MAYBE_LANGUAGE = st.none() | LANGUAGES
_QUALIFIERS = st.dictionaries(st.sampled_from(["platform", "place"]), TEXT, max_size=2)
_SPANS = st.none() | time_spans()
_DATE_SPANS = st.none() | time_spans(allow_datetimes=False)
_CONDITIONS = st.builds(
    Condition, property=_COUNTED, value=quantities(min_value=0, max_value=10**6)
)
_PROVENANCES = st.none() | provenances()


def _pool(pool: Sequence[str], kind: str) -> st.SearchStrategy[str]:
    return pick(pool) if pool else ids(kind)


def propositions(*, about_ids: Sequence[str] = ()) -> st.SearchStrategy[Proposition]:
    """Propositions in words, about records drawn from *about_ids* (random actor ids if empty)."""
    return st.builds(
        Proposition,
        text=_WORDS | TEXT.filter(str.strip),
        about=st.lists(_pool(about_ids, "actor"), max_size=2, unique=True),
        language=_MAYBE_LANGUAGE,
    )


@st.composite
def _attribution(
    draw: st.DrawFn,
    actor: st.SearchStrategy[str],
    source: st.SearchStrategy[str],
    chains: st.SearchStrategy[list[Hop]],
) -> Attribution:
    form = draw(st.sampled_from(["plain", "chain", "1.0"]))
    relay: dict[str, object] = {}
    if form == "chain":
        relay["chain"] = draw(chains)
    elif form == "1.0":
        relay["via"] = draw(st.none() | actor)
        relay["via_source"] = draw(st.none() | source)
        relay["translated_by"] = draw(st.none() | actor)
    negated = draw(st.booleans())
    certainty = draw(_CERTAINTIES)
    hedged = negated or certainty is not Certainty.CERTAIN
    return Attribution(
        source=draw(source),
        mode=draw(_MODES),
        original_language=draw(_MAYBE_LANGUAGE),
        certainty=certainty,
        negated=negated,
        hedge=draw(st.none() | _HEDGES) if hedged else None,
        **relay,  # type: ignore[arg-type]
    )


def attributions(
    *, actor_ids: Sequence[str] = (), source_ids: Sequence[str] = ()
) -> st.SearchStrategy[Attribution]:
    """Attributions: plain, with a chain of hops, or with the 1.0 ``via`` members (never both).

    Certainty, negation and the hedging words vary; hops, ``via`` and
    ``translated_by`` name actors of *actor_ids*, sources come from
    *source_ids* (random ids where a pool is empty).  Shrinks towards a plain
    certain attribution.
    """
    actor, source = _pool(actor_ids, "actor"), _pool(source_ids, "source")
    hop = st.builds(Hop, by=actor, mode=_MODES, language=_MAYBE_LANGUAGE, source=st.none() | source)
    return _attribution(actor, source, st.lists(hop, min_size=1, max_size=3))


def ranks(*, actor_ids: Sequence[str] = ()) -> st.SearchStrategy[Rank]:
    """Ranks: a position from 1 in a declared ranking of a group of *actor_ids*."""
    actor = _pool(actor_ids, "actor")
    ranking = st.builds(
        Ranking,
        of=actor,
        measure=_MEASURES,
        order=st.sampled_from(RankOrder),
        as_of=_DATE_SPANS,
        among=st.lists(actor, max_size=3, unique=True),
    )
    return st.builds(Rank, position=st.integers(1, 200), ranking=ranking, tied=st.booleans())


@st.composite
def _members(draw: st.DrawFn, chosen: st.SearchStrategy[list[str]]) -> Members:
    some = draw(chosen)
    cut = draw(st.integers(0, len(some)))
    return Members(scope=draw(_SCOPES), named=some[:cut], excluding=some[cut:])


@st.composite
def _content(
    draw: st.DrawFn,
    actor: st.SearchStrategy[str],
    values: st.SearchStrategy[ClaimValue],
    rank: st.SearchStrategy[Rank],
    proposition: st.SearchStrategy[Proposition],
) -> dict[str, object]:
    """A claim's content: a triple, a proposition, or both (never neither)."""
    shape = draw(st.sampled_from(["triple", "proposition", "both"]))
    content: dict[str, object] = {}
    if shape != "proposition":
        content["subject"] = draw(actor)
        if draw(st.integers(0, 4)) == 0:
            content["property"], content["value"] = "rank", draw(rank)
        else:
            content["property"], content["value"] = draw(_PROPERTIES), draw(values)
    if shape != "triple":
        content["proposition"] = draw(proposition)
    return content


@st.composite
def _claim(draw: st.DrawFn, parts: dict[str, st.SearchStrategy[Any]]) -> Claim:
    fields = {name: draw(strategy) for name, strategy in parts.items() if name != "content"}
    return Claim(id=draw(ids("claim")), **draw(parts["content"]), **fields)


def claims(
    *,
    actor_ids: Sequence[str] = (),
    source_ids: Sequence[str] = (),
    statement_ids: Sequence[str] | None = None,
    claim_ids: Sequence[str] | None = None,
) -> st.SearchStrategy[Claim]:
    """Claims of every shape, with every format-1.1 part, over the given ids.

    A claim has a subject-property-value triple (a rank in a declared
    ranking for ``rank``), a proposition about actors, or both; it may be
    about members of its subject, counted under a condition, and refine
    another claim.  Subjects, speakers, members, rankings, propositions'
    ``about`` and hops come from *actor_ids*; sources from *source_ids*;
    evidence from *statement_ids*; ``refines`` from *claim_ids* (random ids
    where a pool is empty or None; never when *claim_ids* is an empty
    sequence).  :func:`fact_sets` makes refinements whose target has the
    same subject and property.  Shrinks towards a plain triple.
    """
    actor = _pool(actor_ids, "actor")
    never = claim_ids is not None and not claim_ids
    values = st.one_of(quantities(), time_spans(), actor.map(lambda i: Ref(id=i)), TEXT)
    content = _content(actor, values, ranks(actor_ids=actor_ids), propositions(about_ids=actor_ids))
    parts: dict[str, st.SearchStrategy[Any]] = {
        "content": content,
        "members": st.none() | _members(st.lists(actor, max_size=3, unique=True)),
        "where": st.none() | _CONDITIONS,
        "refines": st.none() if never else st.none() | _pool(claim_ids or (), "claim"),
        "as_of": _SPANS,
        "qualifiers": _QUALIFIERS,
        "speaker": st.none() | actor,
        "attribution": st.none() | attributions(actor_ids=actor_ids, source_ids=source_ids),
        "text": st.none() | TEXT,
        "evidence": evidence(statement_ids),
        "provenance": _PROVENANCES,
    }
    return _claim(parts)
