"""Type-checked use of the public API (``mypy --strict src tests/typing`` in CI).

Not collected by pytest: it exists so that a change to the public types shows
up as a type error here, the way users' code would see it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import ddfacts
from ddfacts import strategies
from ddfacts.cite import Passage, TextDirective, text_fragment
from ddfacts.quantities import parse_quantity
from ddfacts.timeline import EntryKind
from ddfacts.times import parse_time

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy
    from typing_extensions import assert_type


def use_records(facts: ddfacts.FactSet) -> None:
    """Lookups keep their types."""
    assert_type(facts.get("actor:a"), ddfacts.Record | None)
    assert_type(facts.get("actor:a", ddfacts.Actor), ddfacts.Actor | None)
    assert_type(facts.claims, tuple[ddfacts.Claim, ...])
    for record in facts:
        assert_type(record.id, str)
    claim = facts.claims[0]
    assert_type(
        claim.value,
        ddfacts.Quantity | ddfacts.TimeSpan | ddfacts.Ref | ddfacts.Rank | str | None,
    )
    assert_type(claim.speaker, str | None)


def use_values() -> None:
    """Parsers and value types."""
    span = ddfacts.parse_time("December 2014")
    assert_type(span, ddfacts.TimeSpan)
    assert_type(span.earliest, dt.date | None)
    assert_type(span.overlaps(span), bool)
    quantity = ddfacts.parse_quantity("more than 9,000 followers")
    assert_type(quantity.lower, int | float | None)
    assert_type(quantity.overlaps(quantity), bool)


def use_submodules() -> None:
    """The parsers keep their types through their own packages, and the cite toolkit too."""
    assert_type(parse_time("December 2014"), ddfacts.TimeSpan)
    assert_type(parse_quantity("about 350 people"), ddfacts.Quantity)
    assert_type(text_fragment("a quote"), TextDirective)


def use_consumers(facts: ddfacts.FactSet, at: dt.date) -> None:
    """Query, timeline and cite, as functions and as FactSet methods."""
    assert_type(ddfacts.query(facts, subject="actor:a", at=at), tuple[ddfacts.Record, ...])
    assert_type(facts.query(property="follower_count"), tuple[ddfacts.Record, ...])
    entries = facts.timeline("actor:a")
    assert_type(entries, tuple[ddfacts.TimelineEntry, ...])
    assert_type(ddfacts.timeline(facts, "actor:a"), tuple[ddfacts.TimelineEntry, ...])
    assert_type(entries[0].kind, EntryKind)
    citation = ddfacts.cite(facts, "claim:a")
    assert_type(citation, ddfacts.Citation)
    assert_type(citation.passages, tuple[Passage, ...])


def use_io_and_validation(path: str) -> None:
    """Loading, dumping, validating."""
    facts = ddfacts.load(path)
    assert_type(facts, ddfacts.FactSet)
    ddfacts.dump(facts, path)
    report = ddfacts.validate(path)
    assert_type(report, ddfacts.Report)
    assert_type(report.ok, bool)
    for problem in report:
        assert_type(problem, ddfacts.Problem)
        assert_type(problem.location.pointer, str)


def use_anchors(text: str) -> None:
    """Anchors and relocation."""
    anchor = ddfacts.Anchor.from_quote(text, "quote")
    assert_type(anchor.verify(text), bool)
    relocation = anchor.relocate(text)
    assert_type(relocation, ddfacts.Relocation)
    assert_type(relocation.start, int | None)


def use_strategies() -> None:
    """Strategies are typed for users' tests."""
    assert_type(strategies.fact_sets(), SearchStrategy[ddfacts.FactSet])
    assert_type(strategies.claims(), SearchStrategy[ddfacts.Claim])
