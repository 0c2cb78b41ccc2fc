"""Hypothesis strategies for ddfacts records, for testing tools built on ddfacts.

Every strategy yields valid values: records that construct, round-trip
through JSON and pass their schema; :func:`fact_sets` yields whole FactSets
whose references all resolve.  Claims cover every format-1.1 part
(propositions, chains of hops, certainty and hedges, members, conditions,
refinements, ranks, rounded figures).  Install with
``pip install ddfacts[strategies]``; for example::

    from hypothesis import given
    from ddfacts import strategies as dst

    @given(dst.fact_sets())
    def test_my_exporter(facts):
        my_exporter(facts)

Examples shrink towards short ids, few records and empty optional fields.
The core library never imports this module.
"""

from __future__ import annotations

from ._records import (
    actors,
    anchors_in_text,
    attributions,
    claims,
    events,
    fact_sets,
    ids,
    propositions,
    provenances,
    quantities,
    ranks,
    reviews,
    sources,
    statements,
    texts,
    texts_and_statements,
    time_spans,
)

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
