"""Hypothesis strategies for ddfacts records, for testing tools built on ddfacts.

The public names are re-exported by :mod:`ddfacts.strategies`, whose docstring explains them.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Sequence

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..factset import FactSet
from ..records import (
    Actor,
    Claim,
    Event,
    Identifier,
    LinkKind,
    Name,
    Participant,
    Rank,
    Rating,
    Record,
    Review,
    Role,
    Source,
    SourceLink,
    Statement,
)
from ._anchors import anchors_in_text, texts
from ._anchors import statements as _texts_and_statements
from ._claims import attributions, claims, propositions, ranks
from ._common import LANGUAGES, TEXT, evidence, ids, pick, provenances
from ._values import quantities, time_spans

__all__ = [
    "actors",
    "anchors_in_text",
    "attributions",
    "claims",
    "events",
    "fact_sets",
    "ids",
    "propositions",
    "provenances",
    "quantities",
    "ranks",
    "reviews",
    "sources",
    "statements",
    "texts",
    "texts_and_statements",
    "time_spans",
]


def sources(
    *, actor_ids: Sequence[str] = (), source_ids: Sequence[str] = ()
) -> st.SearchStrategy[Source]:
    """Sources; authors and publisher drawn from *actor_ids* when given."""
    actor = pick(actor_ids) if actor_ids else ids("actor")
    other = pick(source_ids) if source_ids else ids("source")
    link = st.builds(
        SourceLink,
        kind=st.sampled_from(LinkKind),
        source=other,
        url=st.none() | st.just("https://example.org/copy"),
    )
    return st.builds(
        Source,
        id=ids("source"),
        title=st.none() | TEXT,
        authors=st.lists(actor, max_size=2),
        publisher=st.none() | actor,
        url=st.none() | st.just("https://example.org/article"),
        published=st.none() | time_spans(),
        language=st.none() | LANGUAGES,
        kind=st.none() | st.sampled_from(["news_article", "blog_post", "analysis"]),
        sha256=st.none() | st.text("0123456789abcdef", min_size=64, max_size=64),
        length=st.none() | st.integers(0, 10**6),
        links=st.lists(link, max_size=2),
        provenance=st.none() | provenances(),
        extensions=st.dictionaries(
            st.text(string.ascii_lowercase, min_size=1, max_size=5).map(lambda k: f"x-{k}"),
            st.none() | st.integers() | TEXT,
            max_size=2,
        ),
    )


def actors(
    *, actor_ids: Sequence[str] = (), statement_ids: Sequence[str] | None = None
) -> st.SearchStrategy[Actor]:
    """Actors of several kinds, with names, identifiers and roles over time."""
    other = pick(actor_ids) if actor_ids else ids("actor")
    supporting = evidence(statement_ids)
    role = st.builds(
        Role,
        position=st.sampled_from(["press secretary", "ambassador", "first secretary"]),
        organization=st.none() | other,
        during=st.none() | time_spans(),
        evidence=supporting,
    )
    return st.builds(
        Actor,
        id=ids("actor"),
        kind=st.sampled_from(["person", "government_body", "diplomatic_mission", "account"]),
        name=st.text(string.ascii_letters + " ", min_size=1, max_size=20).filter(str.strip),
        names=st.lists(
            st.builds(
                Name, text=st.sampled_from(["Kalinin", "Калинин"]), language=st.none() | LANGUAGES
            ),
            max_size=2,
        ),
        aliases=st.lists(TEXT, max_size=2),
        identifiers=st.lists(
            st.builds(Identifier, scheme=st.just("wikidata"), value=st.just("Q42")), max_size=1
        ),
        roles=st.lists(role, max_size=2),
        platform=st.none() | st.just("twitter"),
        handle=st.none() | st.just("@example"),
        operated_by=st.none() | other,
        evidence=supporting,
        provenance=st.none() | provenances(),
    )


def events(
    *, actor_ids: Sequence[str] = (), statement_ids: Sequence[str] | None = None
) -> st.SearchStrategy[Event]:
    """Events with participants drawn from *actor_ids* and evidence from *statement_ids*."""
    actor = pick(actor_ids) if actor_ids else ids("actor")
    supporting = evidence(statement_ids)
    return st.builds(
        Event,
        id=ids("event"),
        event_type=st.sampled_from(["summons", "interview", "statement", "meeting"]),
        time=st.none() | time_spans(),
        place=st.none() | TEXT,
        participants=st.lists(
            st.builds(Participant, actor=actor, role=st.sampled_from(["agent", "target"])),
            max_size=3,
        ),
        description=st.none() | TEXT,
        evidence=supporting,
        provenance=st.none() | provenances(),
    )


@st.composite
def _ratings(draw: st.DrawFn) -> Rating:
    worst = draw(st.integers(0, 3))
    best = draw(st.integers(worst + 1, worst + 6))
    value = draw(st.integers(worst, best))
    return Rating(value=value, best=best, worst=worst, label=draw(st.none() | TEXT))


def reviews(
    *,
    claim_ids: Sequence[str] = (),
    actor_ids: Sequence[str] = (),
    statement_ids: Sequence[str] | None = None,
) -> st.SearchStrategy[Review]:
    """Reviews of claims in *claim_ids* by reviewers in *actor_ids*."""
    return st.builds(
        Review,
        id=ids("review"),
        claim=pick(claim_ids) if claim_ids else ids("claim"),
        rating=_ratings(),
        reviewer=pick(actor_ids) if actor_ids else ids("actor"),
        published=st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)),
        explanation=st.none() | TEXT,
        url=st.none() | st.just("https://example.org/review"),
        evidence=evidence(statement_ids),
        provenance=st.none() | provenances(),
    )


def statements(*, source_ids: Sequence[str] = ()) -> st.SearchStrategy[Statement]:
    """Statements anchored in generated texts, of a source drawn from *source_ids*.

    Each anchor verifies against the text it was drawn from (see
    :func:`texts_and_statements` to get the text too); the id is the default
    statement id.  Shrinks towards a one-character quote at the start.
    """
    source = pick(source_ids) if source_ids else ids("source")
    return source.flatmap(_texts_and_statements).map(lambda pair: pair[1])


def texts_and_statements(
    *, source: str = "source:demo"
) -> st.SearchStrategy[tuple[str, Statement]]:
    """A text and a Statement of *source* anchored in it."""
    return _texts_and_statements(source)


def _unique_ids(kind: str, count: int) -> st.SearchStrategy[list[str]]:
    return st.lists(ids(kind), min_size=count, max_size=count, unique=True)


@st.composite
def fact_sets(draw: st.DrawFn, *, max_records: int = 12) -> FactSet:
    """Whole FactSets whose references all resolve to records of the right type.

    Every id a record names (authors, publishers, subjects, speakers,
    evidence, participants, reviewed claims, derivations, hops, members,
    rankings, what a proposition is about) is in the set; ids are unique; a
    claim that ``refines`` another names one of the set with the same
    subject and property.  Shrinks towards a single source and a single actor.
    """
    if max_records < 2:
        raise InvalidArgument(f"max_records must be at least 2, got {max_records}")
    quarter = max(1, max_records // 4)
    source_ids = draw(_unique_ids("source", draw(st.integers(1, quarter))))
    actor_ids = draw(_unique_ids("actor", draw(st.integers(1, quarter))))
    statement_list = draw(
        st.lists(statements(source_ids=source_ids), max_size=quarter, unique_by=lambda s: s.id)
    )
    statement_ids = [statement.id for statement in statement_list]
    claim_list = draw(_claims_with_refinements(quarter, actor_ids, source_ids, statement_ids))
    claim_ids = [claim.id for claim in claim_list]
    records: list[Record] = []
    some_source = sources(actor_ids=actor_ids, source_ids=source_ids)
    for source_id in source_ids:
        records.append(attrs.evolve(draw(some_source), id=source_id))
    some_actor = actors(actor_ids=actor_ids, statement_ids=statement_ids)
    for actor_id in actor_ids:
        records.append(attrs.evolve(draw(some_actor), id=actor_id))
    records.extend(statement_list)
    records.extend(claim_list)
    if claim_ids:
        records.extend(
            draw(
                st.lists(
                    reviews(claim_ids=claim_ids, actor_ids=actor_ids, statement_ids=statement_ids),
                    max_size=2,
                    unique_by=lambda r: r.id,
                )
            )
        )
    known = {record.id for record in records}
    return FactSet(_without_dangling_derivations(record, known) for record in records)


@st.composite
def _claims_with_refinements(
    draw: st.DrawFn,
    count: int,
    actor_ids: Sequence[str],
    source_ids: Sequence[str],
    statement_ids: Sequence[str],
) -> list[Claim]:
    """Up to *count* claims, and some claims that refine one of them ("6 of the 15")."""
    drawn = claims(
        actor_ids=actor_ids, source_ids=source_ids, statement_ids=statement_ids, claim_ids=()
    )
    found = draw(st.lists(drawn, max_size=count, unique_by=lambda c: c.id))
    taken = {claim.id for claim in found}
    for base in [claim for claim in found if claim.subject is not None]:
        if not draw(st.booleans()) or f"{base.id}/of" in taken:
            continue
        other = draw(drawn)
        same_kind = other.value is not None and (
            isinstance(other.value, Rank) == isinstance(base.value, Rank)
        )
        found.append(
            attrs.evolve(
                other,
                id=f"{base.id}/of",
                subject=base.subject,
                property=base.property,
                value=other.value if same_kind else base.value,
                refines=base.id,
            )
        )
        taken.add(f"{base.id}/of")
    return found


def _without_dangling_derivations(record: Record, known: set[str]) -> Record:
    """The record, minus provenance derivations that point outside the set."""
    provenance = record.provenance
    if provenance is None or all(d.target in known for d in provenance.derived_from):
        return record
    kept = [d for d in provenance.derived_from if d.target in known]
    return attrs.evolve(record, provenance=attrs.evolve(provenance, derived_from=kept))
