"""Hostile input to the 1.1 check rules (issue 16): many ranks at one position, long chains.

A ranking where every subject claims the first place, every subject claims
every place, or a long chain of claims each refining the last, is checked
in time linear in the claims (at most two problems per rank claim); a
ranking whose measure looks like SQL spills as data, the spilled run giving
the problems the in-memory run gives.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ddfacts as d
from ddfacts.check import CheckRun, check
from ddfacts.vocabulary import default_vocabulary

from ._timing import assert_near_linear

NASTY = "x'); DROP TABLE ranks; --\u0000\"%_*"


def _rank(number: int, subject: str, position: int, measure: str = "impact") -> d.Claim:
    ranking = d.Ranking(of="actor:group", measure=measure)
    return d.Claim(
        id=f"claim:{number}",
        subject=subject,
        property="rank",
        value=d.Rank(position=position, ranking=ranking),
        attribution=d.Attribution(source="source:a"),
    )


def _count(number: int) -> d.Claim:
    value = d.Quantity(amount=number, lower=number, upper=number, qualifier="exact", unit="member")
    refines = f"claim:{number - 1}" if number else None
    return d.Claim(
        id=f"claim:{number}",
        subject="actor:group",
        property="members",
        value=value,
        refines=refines,
        attribution=d.Attribution(source="source:a"),
    )


def _checking(records: list[d.Claim]) -> Callable[[], Any]:
    facts = d.FactSet(records)
    return lambda: check(facts)


def test_every_subject_first() -> None:
    def make(size: int) -> Callable[[], Any]:
        return _checking([_rank(n, f"actor:{n}", 1) for n in range(size)])

    assert_near_linear(make, 300)
    report = check(d.FactSet([_rank(n, f"actor:{n}", 1) for n in range(50)]))
    assert len(report.problems) == 49


def test_one_subject_every_place() -> None:
    def make(size: int) -> Callable[[], Any]:
        return _checking([_rank(n, "actor:uk", n + 1) for n in range(size)])

    assert_near_linear(make, 1_000)


def test_a_long_chain_of_refinements() -> None:
    """Each count refines the one before and is larger: one problem each, in linear time."""

    def make(size: int) -> Callable[[], Any]:
        return _checking([_count(n) for n in range(size)])

    assert_near_linear(make, 300)
    found = check(d.FactSet([_count(n) for n in range(20)]))
    assert [p.code for p in found] == ["check.refinement"] * 19


def test_sql_looking_ranking_spills_as_data() -> None:
    records = [_rank(n, f"actor:{n % 3}", n % 2 + 1, NASTY) for n in range(12)]
    runs = []
    for spill in (False, True):
        run = CheckRun(None, default_vocabulary(), spill=spill)
        for record in records:
            run.add(record)
        runs.append(run.finish())
    assert runs[0] == runs[1]
    assert runs[0]
