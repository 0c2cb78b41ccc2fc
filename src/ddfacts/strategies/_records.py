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
from ..provenance import (
    Activity,
    Derivation,
    DerivationKind,
    Method,
    Provenance,
)
from ..records import (
    Actor,
    Attribution,
    Claim,
    ClaimValue,
    Event,
    Identifier,
    LinkKind,
    Mode,
    Name,
    Participant,
    Rating,
    Record,
    Ref,
    Review,
    Role,
    Source,
    SourceLink,
    Statement,
)
from ._anchors import anchors_in_text, texts
from ._anchors import statements as _texts_and_statements
from ._values import quantities, time_spans

__all__ = [
    "actors",
    "anchors_in_text",
    "claims",
    "events",
    "fact_sets",
    "ids",
    "provenances",
    "quantities",
    "reviews",
    "sources",
    "statements",
    "texts",
    "texts_and_statements",
    "time_spans",
]

_KINDS = ("source", "statement", "actor", "event", "claim", "review")
_SLUG_EDGE = string.ascii_lowercase + string.digits
_SLUG_INNER = _SLUG_EDGE + "-._/"
_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20)
_LANGS = st.sampled_from(["en", "ru", "fr", "en-CA", "ru-Latn"])
_UTC_TIMES = st.datetimes(
    min_value=dt.datetime(1990, 1, 1),
    max_value=dt.datetime(2030, 12, 31),
    timezones=st.just(dt.timezone.utc),
)


def ids(kind: str) -> st.SearchStrategy[str]:
    """Well-formed ids of record type *kind* (``"actor"`` gives ``actor:…``).

    Shrinks towards ``<kind>:0``.
    """
    if kind not in _KINDS:
        raise InvalidArgument(f"kind must be one of {_KINDS}, got {kind!r}")
    edge = st.sampled_from(_SLUG_EDGE)
    inner = st.text(st.sampled_from(_SLUG_INNER), max_size=12)
    short = edge.map(lambda first: f"{kind}:{first}")
    longer = st.tuples(edge, inner, edge).map(lambda parts: f"{kind}:{''.join(parts)}")
    return st.one_of(short, longer)


def provenances() -> st.SearchStrategy[Provenance]:
    """Provenance records: agent, tool, time, method, confidence, derivations, history."""
    return st.builds(
        Provenance,
        agent=st.none() | _TEXT,
        tool=st.none() | st.just("ddfacts"),
        tool_version=st.none() | st.just("0.1.0"),
        recorded=st.none() | _UTC_TIMES,
        method=st.sampled_from(Method),
        confidence=st.none() | st.floats(0, 1),
        derived_from=st.lists(
            st.builds(
                Derivation,
                kind=st.sampled_from(DerivationKind),
                target=st.sampled_from(_KINDS).flatmap(ids),
            ),
            max_size=2,
        ),
        history=st.lists(
            st.builds(
                Activity,
                activity=st.just("reanchored"),
                at=st.none() | _UTC_TIMES,
                agent=st.none() | _TEXT,
                note=st.none() | _TEXT,
            ),
            max_size=2,
        ),
    )


def _pick(pool: Sequence[str]) -> st.SearchStrategy[str]:
    if not pool:
        raise InvalidArgument("expected a non-empty pool of ids to pick from")
    return st.sampled_from(list(pool))


def _evidence(statement_ids: Sequence[str] | None) -> st.SearchStrategy[list[str]]:
    """Evidence lists: random statement ids (None), picked from a pool, or none (empty pool)."""
    if statement_ids is None:
        return st.lists(ids("statement"), max_size=2)
    if not statement_ids:
        return st.just([])
    return st.lists(st.sampled_from(list(statement_ids)), max_size=2)


def sources(
    *, actor_ids: Sequence[str] = (), source_ids: Sequence[str] = ()
) -> st.SearchStrategy[Source]:
    """Sources; authors and publisher drawn from *actor_ids* when given."""
    actor = _pick(actor_ids) if actor_ids else ids("actor")
    other = _pick(source_ids) if source_ids else ids("source")
    link = st.builds(
        SourceLink,
        kind=st.sampled_from(LinkKind),
        source=other,
        url=st.none() | st.just("https://example.org/copy"),
    )
    return st.builds(
        Source,
        id=ids("source"),
        title=st.none() | _TEXT,
        authors=st.lists(actor, max_size=2),
        publisher=st.none() | actor,
        url=st.none() | st.just("https://example.org/article"),
        published=st.none() | time_spans(),
        language=st.none() | _LANGS,
        kind=st.none() | st.sampled_from(["news_article", "blog_post", "analysis"]),
        sha256=st.none() | st.text("0123456789abcdef", min_size=64, max_size=64),
        length=st.none() | st.integers(0, 10**6),
        links=st.lists(link, max_size=2),
        provenance=st.none() | provenances(),
        extensions=st.dictionaries(
            st.text(string.ascii_lowercase, min_size=1, max_size=5).map(lambda k: f"x-{k}"),
            st.none() | st.integers() | _TEXT,
            max_size=2,
        ),
    )


def actors(
    *, actor_ids: Sequence[str] = (), statement_ids: Sequence[str] | None = None
) -> st.SearchStrategy[Actor]:
    """Actors of several kinds, with names, identifiers and roles over time."""
    other = _pick(actor_ids) if actor_ids else ids("actor")
    evidence = _evidence(statement_ids)
    role = st.builds(
        Role,
        position=st.sampled_from(["press secretary", "ambassador", "first secretary"]),
        organization=st.none() | other,
        during=st.none() | time_spans(),
        evidence=evidence,
    )
    return st.builds(
        Actor,
        id=ids("actor"),
        kind=st.sampled_from(["person", "government_body", "diplomatic_mission", "account"]),
        name=st.text(string.ascii_letters + " ", min_size=1, max_size=20).filter(str.strip),
        names=st.lists(
            st.builds(
                Name, text=st.sampled_from(["Kalinin", "Калинин"]), language=st.none() | _LANGS
            ),
            max_size=2,
        ),
        aliases=st.lists(_TEXT, max_size=2),
        identifiers=st.lists(
            st.builds(Identifier, scheme=st.just("wikidata"), value=st.just("Q42")), max_size=1
        ),
        roles=st.lists(role, max_size=2),
        platform=st.none() | st.just("twitter"),
        handle=st.none() | st.just("@example"),
        operated_by=st.none() | other,
        evidence=evidence,
        provenance=st.none() | provenances(),
    )


def events(
    *, actor_ids: Sequence[str] = (), statement_ids: Sequence[str] | None = None
) -> st.SearchStrategy[Event]:
    """Events with participants drawn from *actor_ids* and evidence from *statement_ids*."""
    actor = _pick(actor_ids) if actor_ids else ids("actor")
    evidence = _evidence(statement_ids)
    return st.builds(
        Event,
        id=ids("event"),
        event_type=st.sampled_from(["summons", "interview", "statement", "meeting"]),
        time=st.none() | time_spans(),
        place=st.none() | _TEXT,
        participants=st.lists(
            st.builds(Participant, actor=actor, role=st.sampled_from(["agent", "target"])),
            max_size=3,
        ),
        description=st.none() | _TEXT,
        evidence=evidence,
        provenance=st.none() | provenances(),
    )


def _values(entity_ids: Sequence[str]) -> st.SearchStrategy[ClaimValue]:
    entity = _pick(entity_ids) if entity_ids else ids("actor")
    return st.one_of(quantities(), time_spans(), entity.map(lambda i: Ref(id=i)), _TEXT)


def claims(
    *,
    actor_ids: Sequence[str] = (),
    source_ids: Sequence[str] = (),
    statement_ids: Sequence[str] | None = None,
) -> st.SearchStrategy[Claim]:
    """Claims whose subject, speaker, source and evidence come from the given ids."""
    actor = _pick(actor_ids) if actor_ids else ids("actor")
    source = _pick(source_ids) if source_ids else ids("source")
    attribution = st.builds(
        Attribution,
        source=source,
        mode=st.sampled_from(Mode),
        via=st.none() | actor,
        original_language=st.none() | _LANGS,
        translated_by=st.none() | actor,
    )
    return st.builds(
        Claim,
        id=ids("claim"),
        subject=actor,
        property=st.sampled_from(["followers", "tweets", "position", "launched"]),
        value=_values(actor_ids),
        as_of=st.none() | time_spans(),
        qualifiers=st.dictionaries(st.sampled_from(["platform", "place"]), _TEXT, max_size=2),
        speaker=st.none() | actor,
        attribution=st.none() | attribution,
        text=st.none() | _TEXT,
        evidence=_evidence(statement_ids),
        provenance=st.none() | provenances(),
    )


@st.composite
def _ratings(draw: st.DrawFn) -> Rating:
    worst = draw(st.integers(0, 3))
    best = draw(st.integers(worst + 1, worst + 6))
    value = draw(st.integers(worst, best))
    return Rating(value=value, best=best, worst=worst, label=draw(st.none() | _TEXT))


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
        claim=_pick(claim_ids) if claim_ids else ids("claim"),
        rating=_ratings(),
        reviewer=_pick(actor_ids) if actor_ids else ids("actor"),
        published=st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)),
        explanation=st.none() | _TEXT,
        url=st.none() | st.just("https://example.org/review"),
        evidence=_evidence(statement_ids),
        provenance=st.none() | provenances(),
    )


def statements(*, source_ids: Sequence[str] = ()) -> st.SearchStrategy[Statement]:
    """Statements anchored in generated texts, of a source drawn from *source_ids*.

    Each anchor verifies against the text it was drawn from (see
    :func:`texts_and_statements` to get the text too); the id is the default
    statement id.  Shrinks towards a one-character quote at the start.
    """
    source = _pick(source_ids) if source_ids else ids("source")
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
    evidence, participants, reviewed claims, derivations) is in the set; ids
    are unique.  Shrinks towards a single source and a single actor.
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
    claim_list = draw(
        st.lists(
            claims(actor_ids=actor_ids, source_ids=source_ids, statement_ids=statement_ids),
            max_size=quarter,
            unique_by=lambda c: c.id,
        )
    )
    claim_ids = [claim.id for claim in claim_list]
    records: list[Record] = []
    for source_id in source_ids:
        source = draw(sources(actor_ids=actor_ids, source_ids=source_ids))
        records.append(attrs.evolve(source, id=source_id))
    for actor_id in actor_ids:
        actor = draw(actors(actor_ids=actor_ids, statement_ids=statement_ids))
        records.append(attrs.evolve(actor, id=actor_id))
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


def _without_dangling_derivations(record: Record, known: set[str]) -> Record:
    """The record, minus provenance derivations that point outside the set."""
    provenance = record.provenance
    if provenance is None or all(d.target in known for d in provenance.derived_from):
        return record
    kept = [d for d in provenance.derived_from if d.target in known]
    return attrs.evolve(record, provenance=attrs.evolve(provenance, derived_from=kept))
