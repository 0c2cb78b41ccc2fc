"""check() on the format 1.1 fields: certainty, negation, members, conditions, refinements, ranks.

Each planted conflict is reported (a negated claim against a positive one,
two ranks in one ranking, a refinement above what it refines); a hedged
claim, a claim about members, a count under another condition and a rounded
figure are not called contradicted.  The spilled run gives the same problems.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import ddfacts as d
from ddfacts.check import CheckRun, check
from ddfacts.vocabulary import default_vocabulary

ROOT = Path(__file__).resolve().parent.parent
SEEDS_FACTS = ROOT / "examples" / "seeds"
MARCH = d.TimeSpan(
    earliest=dt.date(2017, 3, 1), latest=dt.date(2017, 3, 31), precision="month", edtf="2017-03"
)
MAY = d.TimeSpan(
    earliest=dt.date(2017, 5, 1), latest=dt.date(2017, 5, 31), precision="month", edtf="2017-05"
)
NETWORK = "actor:missions"

Problems = list[tuple[str, str, tuple[str, ...]]]


def _exact(amount: int, unit: str = "follower", **fields: Any) -> d.Quantity:
    return d.Quantity(
        amount=amount, lower=amount, upper=amount, qualifier="exact", unit=unit, **fields
    )


def _more_than(amount: int, unit: str = "follower") -> d.Quantity:
    return d.Quantity(amount=amount, lower=amount, qualifier="more_than", unit=unit)


def _at_most(amount: int, unit: str = "follower") -> d.Quantity:
    return d.Quantity(amount=amount, upper=amount, qualifier="at_most", unit=unit)


def _between(lower: int, upper: int, unit: str = "follower") -> d.Quantity:
    return d.Quantity(lower=lower, upper=upper, qualifier="between", unit=unit)


def _said(
    certainty: str = "certain",
    *,
    negated: bool = False,
    hedge: str | None = None,
    source: str = "source:a",
) -> d.Attribution:
    return d.Attribution(source=source, certainty=certainty, negated=negated, hedge=hedge)


def _claim(ident: str, **fields: Any) -> d.Claim:
    values: dict[str, Any] = {
        "subject": "actor:account",
        "property": "followers",
        "value": _exact(9000),
        "as_of": MARCH,
        "attribution": _said(),
    }
    values.update(fields)
    return d.Claim(id=ident, **values)


def _problems(*records: d.Record) -> Problems:
    """The problems as (code, severity, records); the spilled run must give the same."""
    found = [(p.code, p.severity.value, p.records) for p in check(d.FactSet(records))]
    run = CheckRun(None, default_vocabulary(), spill=True)
    for record in records:
        run.add(record)
    assert [(p.code, p.severity.value, p.records) for p in run.finish()] == found
    return found


class TestCertainty:
    """A hedged claim is not contradicted by a certain one; two certain ones still are."""

    def test_two_certain_claims_in_one_voice(self) -> None:
        found = _problems(_claim("claim:a"), _claim("claim:b", value=_exact(5000)))
        assert found == [("check.contradiction", "error", ("claim:a", "claim:b"))]

    def test_two_certain_voices_stay_a_warning(self) -> None:
        records = (
            _claim("claim:a"),
            _claim("claim:b", value=_exact(5000), attribution=_said(source="source:b")),
        )
        assert _problems(*records) == [("check.contradiction", "warning", ("claim:a", "claim:b"))]

    @pytest.mark.parametrize("certainty", ["probable", "possible"])
    def test_hedged_against_certain(self, certainty: str) -> None:
        hedged = _claim(
            "claim:b", value=_exact(5000), attribution=_said(certainty, hedge="seems to")
        )
        report = check(d.FactSet([_claim("claim:a"), hedged]))
        (problem,) = report.problems
        assert (problem.code, problem.severity.value) == ("check.hedged", "warning")
        assert problem.message.endswith(
            f"a hedged claim is not contradicted (claim:b is {certainty}: “seems to”)"
        )
        assert report.ok

    def test_hedged_that_agrees(self) -> None:
        hedged = _claim("claim:b", value=_more_than(8000), attribution=_said("probable"))
        assert _problems(_claim("claim:a"), hedged) == []


class TestNegation:
    """A certain negated claim contradicts a certain positive one of the same value."""

    def _platform(self, ident: str, platform: str, **said: Any) -> d.Claim:
        return _claim(
            ident,
            subject="actor:embassy-china",
            property="on_platform",
            value=d.Ref(id=platform),
            as_of=None,
            attribution=_said(**said),
        )

    def test_not_on_twitter_against_on_twitter(self) -> None:
        records = (
            self._platform("claim:not", "actor:twitter", negated=True, hedge="not"),
            self._platform("claim:is", "actor:twitter"),
        )
        report = check(d.FactSet(records))
        (problem,) = report.problems
        assert (problem.code, problem.severity.value, problem.records) == (
            "check.contradiction",
            "error",
            ("claim:not", "claim:is"),
        )
        assert "not actor:twitter vs actor:twitter" in problem.message
        assert _problems(*records) == [("check.contradiction", "error", ("claim:not", "claim:is"))]

    def test_not_on_twitter_against_on_facebook(self) -> None:
        records = (
            self._platform("claim:not", "actor:twitter", negated=True),
            self._platform("claim:is", "actor:facebook"),
        )
        assert _problems(*records) == []

    def test_two_negations_agree(self) -> None:
        records = (
            self._platform("claim:a", "actor:twitter", negated=True),
            self._platform("claim:b", "actor:facebook", negated=True),
        )
        assert _problems(*records) == []

    def test_hedged_negation(self) -> None:
        records = (
            self._platform("claim:not", "actor:twitter", negated=True, certainty="possible"),
            self._platform("claim:is", "actor:twitter"),
        )
        assert _problems(*records) == [("check.hedged", "warning", ("claim:not", "claim:is"))]

    def test_negated_figure(self) -> None:
        """ "not more than 10,000" denies 12,000 but not 9,000."""
        negated = _claim("claim:not", value=_more_than(10000), attribution=_said(negated=True))
        assert _problems(negated, _claim("claim:a")) == []
        assert _problems(negated, _claim("claim:b", value=_exact(12000))) == [
            ("check.contradiction", "error", ("claim:not", "claim:b"))
        ]


class TestMembers:
    """A claim about members is never compared with the group's own figure."""

    def test_average_member_against_the_group(self) -> None:
        group = _claim("claim:group", subject=NETWORK, value=_exact(652000))
        average = _claim(
            "claim:average",
            subject=NETWORK,
            value=_between(1000, 3000),
            members=d.Members(scope="average"),
        )
        assert _problems(group, average) == []

    def test_each_except_against_the_group(self) -> None:
        group = _claim(
            "claim:group", subject=NETWORK, property="subscribers", value=_exact(9000, "subscriber")
        )
        each = _claim(
            "claim:each",
            subject=NETWORK,
            property="subscribers",
            value=_at_most(150, "subscriber"),
            members=d.Members(scope="each", excluding=["actor:kuwait"]),
        )
        assert _problems(group, each) == []

    def test_two_averages_disagree(self) -> None:
        first, second = (
            _claim(ident, subject=NETWORK, value=value, members=d.Members(scope="average"))
            for ident, value in (("claim:a", _between(1000, 3000)), ("claim:b", _exact(9000)))
        )
        assert _problems(first, second) == [
            ("check.contradiction", "error", ("claim:a", "claim:b"))
        ]

    def test_some_members_are_compared_with_nothing(self) -> None:
        first, second = (
            _claim(ident, subject=NETWORK, value=value, members=d.Members(scope="some"))
            for ident, value in (("claim:a", _exact(100)), ("claim:b", _exact(9000)))
        )
        assert _problems(first, second) == []


def _count(ident: str, amount: int, threshold: int | None, **fields: Any) -> d.Claim:
    where = None
    if threshold is not None:
        where = d.Condition(property="followers", value=_more_than(threshold))
    return _claim(
        ident,
        subject=NETWORK,
        property="members",
        value=_exact(amount, "member"),
        where=where,
        **fields,
    )


class TestConditionsAndRefinements:
    """Counts under different conditions differ; a refinement above its whole is reported."""

    def test_different_conditions(self) -> None:
        records = (_count("claim:15", 15, 5000), _count("claim:6", 6, 10000))
        assert _problems(*records) == []

    def test_same_condition_disagreeing(self) -> None:
        records = (_count("claim:15", 15, 5000), _count("claim:16", 16, 5000))
        assert _problems(*records) == [("check.contradiction", "error", ("claim:15", "claim:16"))]

    def test_six_of_the_fifteen(self) -> None:
        records = (_count("claim:15", 15, 5000), _count("claim:6", 6, 10000, refines="claim:15"))
        assert _problems(*records) == []

    def test_a_refinement_is_not_the_whole(self) -> None:
        """ "6 of the 15" without a condition is not a second figure for the 15."""
        records = (_count("claim:15", 15, 5000), _count("claim:6", 6, 5000, refines="claim:15"))
        assert _problems(*records) == []

    def test_sixteen_of_the_fifteen(self) -> None:
        records = (_count("claim:16", 16, 5000, refines="claim:15"), _count("claim:15", 15, 5000))
        report = check(d.FactSet(records))
        (problem,) = report.problems
        assert (problem.code, problem.severity.value, problem.records) == (
            "check.refinement",
            "error",
            ("claim:16", "claim:15"),
        )
        assert problem.location.pointer == "/records/0/value"
        assert _problems(*records) == [("check.refinement", "error", ("claim:16", "claim:15"))]

    def test_fifteen_of_the_fifteen(self) -> None:
        records = (_count("claim:15", 15, 5000), _count("claim:all", 15, 5000, refines="claim:15"))
        assert _problems(*records) == []


def _ranking(measure: str = "impact", **fields: Any) -> d.Ranking:
    return d.Ranking(of=NETWORK, measure=measure, **fields)


def _rank(
    ident: str, subject: str, position: int, ranking: d.Ranking | None = None, **fields: Any
) -> d.Claim:
    tied = fields.pop("tied", False)
    value = d.Rank(position=position, ranking=ranking or _ranking(), tied=tied)
    fields.setdefault("as_of", None)
    return _claim(ident, subject=subject, property="rank", value=value, **fields)


class TestRanks:
    """Ranks in one ranking conflict: one position twice untied, or one subject twice."""

    def test_two_subjects_first(self) -> None:
        records = (_rank("claim:uk", "actor:uk", 1), _rank("claim:us", "actor:us", 1))
        report = check(d.FactSet(records))
        (problem,) = report.problems
        assert (problem.code, problem.severity.value, problem.records) == (
            "check.rank-conflict",
            "error",
            ("claim:uk", "claim:us"),
        )
        assert problem.message.startswith(
            "claim:uk and claim:us put both actor:uk and actor:us at position 1, untied, "
            "of one ranking (1st of actor:missions by impact, descending)"
        )
        assert _problems(*records)[0][0] == "check.rank-conflict"

    def test_one_subject_two_positions(self) -> None:
        records = (
            _rank("claim:first", "actor:uk", 1),
            _rank("claim:fourth", "actor:uk", 4, attribution=_said(source="source:b")),
        )
        assert _problems(*records) == [
            ("check.rank-conflict", "warning", ("claim:first", "claim:fourth"))
        ]

    def test_tied(self) -> None:
        records = (_rank("claim:uk", "actor:uk", 1, tied=True), _rank("claim:us", "actor:us", 1))
        assert _problems(*records) == []

    def test_a_consistent_order(self) -> None:
        records = [
            _rank(f"claim:{n}", subject, n)
            for n, subject in enumerate(("actor:us", "actor:un", "actor:turkey"), start=1)
        ]
        assert _problems(*records) == []

    def test_different_rankings(self) -> None:
        records = (
            _rank("claim:impact", "actor:uk", 1),
            _rank("claim:followers", "actor:us", 1, _ranking("followers")),
            _rank("claim:march", "actor:uk", 4, as_of=MARCH),
            _rank("claim:may", "actor:uk", 2, as_of=MAY),
        )
        assert _problems(*records) == []

    def test_hedged_rank(self) -> None:
        records = (
            _rank("claim:uk", "actor:uk", 1),
            _rank("claim:us", "actor:us", 1, attribution=_said("probable", hedge="may be")),
        )
        assert _problems(*records) == [("check.hedged", "warning", ("claim:uk", "claim:us"))]

    def test_negated_rank(self) -> None:
        records = (
            _rank("claim:uk", "actor:uk", 1),
            _rank("claim:us", "actor:us", 1, attribution=_said(negated=True)),
        )
        assert _problems(*records) == []


class TestRounding:
    """A rounded figure agrees with what it rounds."""

    def test_rounded_to_a_hundred(self) -> None:
        rounded = _claim("claim:a", value=_exact(38100, rounded_to=100))
        assert _problems(rounded, _claim("claim:b", value=_exact(38140))) == []

    def test_not_rounded(self) -> None:
        records = (_claim("claim:a", value=_exact(38100)), _claim("claim:b", value=_exact(38140)))
        assert _problems(*records) == [("check.contradiction", "error", ("claim:a", "claim:b"))]

    def test_beyond_the_rounding(self) -> None:
        rounded = _claim("claim:a", value=_exact(38100, rounded_to=100))
        found = _problems(rounded, _claim("claim:b", value=_exact(38160)))
        assert found == [("check.contradiction", "error", ("claim:a", "claim:b"))]


def test_the_seeds_have_no_false_conflict(seeds_dir: Path) -> None:
    """The annotated seeds: no contradiction, rank conflict or refinement problem."""
    paths = sorted(SEEDS_FACTS.glob("*.facts.json"))
    facts = d.FactSet([record for path in paths for record in d.load(path)])
    report = check(facts, texts=d.TextStore(seeds_dir))
    codes = {"check.contradiction", "check.rank-conflict", "check.refinement"}
    assert [p.message for p in report if p.code in codes] == []
