"""check() reports contradictions, unsupported figures and dates, missing evidence, bad roles."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ddfacts as d
from ddfacts.check import check
from ddfacts.check._support import date_in, figure_in, numbers_in
from ddfacts.problems import Severity

MARCH = d.TimeSpan(
    earliest=dt.date(2017, 3, 1), latest=dt.date(2017, 3, 31), precision="month", edtf="2017-03"
)
MARCH_22 = d.TimeSpan(
    earliest=dt.date(2017, 3, 22), latest=dt.date(2017, 3, 22), precision="day", edtf="2017-03-22"
)
MAY = d.TimeSpan(
    earliest=dt.date(2017, 5, 1), latest=dt.date(2017, 5, 31), precision="month", edtf="2017-05"
)
MORE_9000 = d.Quantity(amount=9000, lower=9000, qualifier="more_than", unit="follower")
EXACTLY_5000 = d.Quantity(amount=5000, lower=5000, upper=5000, qualifier="exact", unit="follower")
ABOUT_9500 = d.Quantity(
    amount=9500, lower=9000, upper=10000, qualifier="approximately", unit="follower"
)


class _Texts:
    """A text store backed by a dict, for tests."""

    def __init__(self, texts: dict[str, str]) -> None:
        self.texts = texts

    def text_for(self, source: d.Source) -> str:
        if source.id not in self.texts:
            raise d.TextStoreError(source.id)
        return self.texts[source.id]

    def get(self, source: d.Source) -> str | None:
        return self.texts.get(source.id)


def _statement(ident: str, quote: str, source: str = "source:a", start: int = 0) -> d.Statement:
    anchor = d.Anchor(start=start, end=start + len(quote), exact=quote)
    return d.Statement(id=ident, source=source, anchor=anchor)


def _claim(ident: str, **fields: Any) -> d.Claim:
    values: dict[str, Any] = {
        "subject": "actor:account",
        "property": "followers",
        "value": MORE_9000,
        "as_of": MARCH,
        "attribution": d.Attribution(source="source:a"),
    }
    values.update(fields)
    return d.Claim(id=ident, **values)


def _problems(*records: d.Record, **kwargs: Any) -> list[tuple[str, str, tuple[str, ...]]]:
    report = check(d.FactSet(records), **kwargs)
    return [(p.code, p.severity.value, p.records) for p in report]


class TestContradiction:
    """Single-valued claims that cannot all be true are reported, naming both."""

    def test_planted(self) -> None:
        """Disjoint follower counts of one account at overlapping times, from two sources."""
        first = _claim("claim:a", value=MORE_9000)
        second = _claim(
            "claim:b",
            value=EXACTLY_5000,
            as_of=MARCH_22,
            attribution=d.Attribution(source="source:b"),
        )
        report = check(d.FactSet([first, second]))
        (problem,) = report.problems
        assert (problem.code, problem.severity, problem.records) == (
            "check.contradiction",
            Severity.WARNING,
            ("claim:a", "claim:b"),
        )
        assert problem.message == (
            "claim:a and claim:b give values of 'followers' for actor:account that cannot "
            "both be true (as of 2017-03 and 2017-03-22): more than 9,000 follower vs "
            "5,000 follower"
        )
        assert problem.location.pointer == "/records/1/value"

    def test_same_voice_is_an_error(self) -> None:
        """One source giving both values in one voice is an error."""
        records = (_claim("claim:a"), _claim("claim:b", value=EXACTLY_5000))
        assert _problems(*records) == [("check.contradiction", "error", ("claim:a", "claim:b"))]

    def test_overlapping_values_agree(self) -> None:
        """ "more than 9,000" and "about 9,500" can both be true."""
        assert _problems(_claim("claim:a"), _claim("claim:b", value=ABOUT_9500)) == []

    def test_different_times(self) -> None:
        """Disjoint figures at times that do not overlap are a change, not a contradiction."""
        records = (_claim("claim:a"), _claim("claim:b", value=EXACTLY_5000, as_of=MAY))
        assert _problems(*records) == []

    def test_one_time_missing(self) -> None:
        """A claim without as-of time cannot be placed against one with a time."""
        records = (_claim("claim:a"), _claim("claim:b", value=EXACTLY_5000, as_of=None))
        assert _problems(*records) == []

    def test_different_qualifiers(self) -> None:
        """Claims about different platforms do not contradict each other."""
        records = (
            _claim("claim:a", qualifiers={"platform": "twitter"}),
            _claim("claim:b", value=EXACTLY_5000, qualifiers={"platform": "facebook"}),
        )
        assert _problems(*records) == []

    def test_multi_valued_property(self) -> None:
        """Different values of a multi-valued property (affiliation) are not reported."""
        records = (
            _claim("claim:a", property="affiliation", value=d.Ref(id="actor:x"), as_of=None),
            _claim("claim:b", property="affiliation", value=d.Ref(id="actor:y"), as_of=None),
        )
        assert _problems(*records) == []

    def test_different_entities(self) -> None:
        """Two employers at once, for a single-valued property, are reported."""
        records = (
            _claim("claim:a", property="employer", value=d.Ref(id="actor:x"), as_of=None),
            _claim(
                "claim:b",
                property="employer",
                value=d.Ref(id="actor:y"),
                as_of=None,
                attribution=d.Attribution(source="source:b"),
            ),
        )
        assert _problems(*records) == [("check.contradiction", "warning", ("claim:a", "claim:b"))]

    def test_different_dates(self) -> None:
        """Two launch dates that cannot overlap are reported."""
        records = (
            _claim("claim:a", property="launched", value=MARCH, as_of=None),
            _claim("claim:b", property="launched", value=MAY, as_of=None),
        )
        assert [p[0] for p in _problems(*records)] == ["check.contradiction"]

    def test_different_units_are_not_compared(self) -> None:
        """Quantities of different units are not set against each other."""
        tweets = d.Quantity(amount=10, lower=10, upper=10, qualifier="exact", unit="tweet")
        assert _problems(_claim("claim:a"), _claim("claim:b", value=tweets)) == []


class TestUnsupported:
    """A claim's figure or date must be written in one of its evidence quotes."""

    def test_figure_absent(self) -> None:
        """A figure that no evidence quote writes is reported with the claim and statements."""
        records = (
            _statement("statement:a/1", "a pretty savvy social media operation"),
            _claim("claim:a", evidence=["statement:a/1"]),
        )
        report = check(d.FactSet(records))
        (problem,) = report.problems
        assert (problem.code, problem.severity, problem.records) == (
            "check.unsupported",
            Severity.ERROR,
            ("claim:a", "statement:a/1"),
        )
        assert problem.message == (
            "claim:a gives the figure more than 9,000 follower, which its evidence "
            "(statement:a/1) does not write"
        )

    @pytest.mark.parametrize(
        "quote", ["more than 9,000 followers", "over 9000 fans", "nine thousand", "9 000", "9k"]
    )
    def test_figure_present(self, quote: str) -> None:
        """Each written form of the figure supports the claim."""
        records = (
            _statement("statement:a/1", quote),
            _claim("claim:a", evidence=["statement:a/1"]),
        )
        assert _problems(*records) == []

    def test_any_evidence_suffices(self) -> None:
        """The figure need only be in one of the evidence quotes."""
        records = (
            _statement("statement:a/1", "a savvy operation"),
            _statement("statement:a/2", "with 9,000 followers", start=20),
            _claim("claim:a", evidence=["statement:a/1", "statement:a/2"]),
        )
        assert _problems(*records) == []

    def test_date_absent(self) -> None:
        """A date value not written in the evidence is reported."""
        records = (
            _statement("statement:a/1", "the account was launched in 2016"),
            _claim(
                "claim:a", property="launched", value=MARCH, as_of=None, evidence=["statement:a/1"]
            ),
        )
        assert [p[0] for p in _problems(*records)] == ["check.unsupported"]

    def test_date_present(self) -> None:
        """A date written with its month and year supports the claim."""
        records = (
            _statement("statement:a/1", "launched in March 2017"),
            _claim(
                "claim:a", property="launched", value=MARCH, as_of=None, evidence=["statement:a/1"]
            ),
        )
        assert _problems(*records) == []

    def test_no_evidence_no_support_check(self) -> None:
        """A source's own claim without evidence is not checked for support."""
        assert _problems(_claim("claim:a")) == []


class TestNoEvidence:
    """Claims put in a speaker's mouth need evidence."""

    def test_speaker_without_evidence(self) -> None:
        """A claim with a speaker and no evidence names the claim and the speaker."""
        claim = _claim(
            "claim:a",
            speaker="actor:envoy",
            attribution=d.Attribution(source="source:a", mode="quotes"),
        )
        assert _problems(claim) == [("check.no-evidence", "error", ("claim:a", "actor:envoy"))]


class TestAttribution:
    """A carried claim needs a speaker."""

    def test_quotes_without_speaker(self) -> None:
        """A source that quotes nobody is reported as a warning."""
        claim = _claim("claim:a", attribution=d.Attribution(source="source:a", mode="quotes"))
        assert _problems(claim) == [("check.attribution", "warning", ("claim:a", "source:a"))]


class TestRole:
    """Event participants must have roles their event type allows."""

    def test_bad_role(self) -> None:
        """A summons has no 'interviewer'."""
        event = d.Event(
            id="event:e",
            event_type="summons",
            participants=[
                d.Participant(actor="actor:ministry", role="agent"),
                d.Participant(actor="actor:envoy", role="interviewer"),
            ],
        )
        report = check(d.FactSet([event]))
        assert [(p.code, p.records, p.location.pointer) for p in report] == [
            ("vocab.role-not-allowed", ("event:e", "actor:envoy"), "/records/0/participants/1/role")
        ]

    def test_broader_type_roles(self) -> None:
        """A tweet allows the roles of a post."""
        event = d.Event(
            id="event:e",
            event_type="tweet",
            participants=[d.Participant(actor="actor:a", role="platform")],
        )
        assert _problems(event) == []

    def test_unknown_type_skipped(self) -> None:
        """An event type the vocabulary does not know is left to validation."""
        event = d.Event(
            id="event:e",
            event_type="x-party",
            participants=[d.Participant(actor="actor:a", role="dancer")],
        )
        assert _problems(event) == []


class TestEvidenceMoved:
    """With texts, evidence quotes must stand at their offsets."""

    def test_moved(self) -> None:
        """A quote no longer at its offsets is reported with the claim and the statement."""
        records = (
            d.Source(id="source:a"),
            _statement("statement:a/1", "9,000 followers"),
            _claim("claim:a", evidence=["statement:a/1"]),
        )
        texts = _Texts({"source:a": "now: 9,000 followers"})
        assert _problems(*records, texts=texts) == [
            ("anchor.mismatch", "error", ("claim:a", "statement:a/1"))
        ]

    def test_in_place_or_absent(self) -> None:
        """A quote at its offsets, or a source with no text, is not reported."""
        records = (
            d.Source(id="source:a"),
            d.Source(id="source:b"),
            _statement("statement:a/1", "9,000 followers"),
            _statement("statement:b/1", "9,000 followers", source="source:b"),
            _claim("claim:a", evidence=["statement:a/1", "statement:b/1"]),
        )
        texts = _Texts({"source:a": "9,000 followers now"})
        assert _problems(*records, texts=texts) == []


class TestDerivationCycle:
    """Records may not be derived from each other in a circle."""

    def test_cycle(self) -> None:
        """Two claims derived from each other are reported once, naming both."""

        def derived(target: str) -> d.Provenance:
            return d.Provenance(derived_from=[d.Derivation(kind="derived_from", target=target)])

        records = (
            _claim("claim:a", provenance=derived("claim:b")),
            _claim("claim:b", provenance=derived("claim:a")),
            _claim("claim:c", provenance=derived("claim:a")),
        )
        report = check(d.FactSet(records))
        assert [(p.code, p.records, p.message) for p in report] == [
            (
                "meaning.cycle",
                ("claim:a", "claim:b"),
                "records are derived from each other in a circle: claim:a -> claim:b -> claim:a",
            )
        ]


class TestNumbersIn:
    """numbers_in reads figures in their written forms."""

    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("9,000", 9000),
            ("9000", 9000),
            ("9\u00a0000", 9000),
            ("nine thousand", 9000),
            ("twenty-five", 25),
            ("1.5 million", 1_500_000),
            ("2bn", 2e9),
            ("one hundred and twenty", 120),
        ],
    )
    def test_forms(self, text: str, value: float) -> None:
        """Each form yields its value."""
        assert value in numbers_in(text)

    def test_decimal_point(self) -> None:
        """9.000 is nine, not nine thousand."""
        assert numbers_in("9.000") == {9.0}

    def test_comma_grouping_is_one_number(self) -> None:
        """9,000 is not also read as 9."""
        assert numbers_in("9,000") == {9000.0}

    @given(st.integers(min_value=0, max_value=10**12))
    def test_grouped_digits_round_trip(self, number: int) -> None:
        """Any integer written with comma grouping is read back."""
        assert float(number) in numbers_in(f"about {number:,} followers")


class TestFigureAndDate:
    """figure_in and date_in say whether a quote writes a quantity or a time."""

    def test_range_needs_both_bounds(self) -> None:
        """A bare range is supported only when both bounds are written."""
        between = d.Quantity(lower=5000, upper=7000, qualifier="between")
        assert (figure_in(between, "5,000 to 7,000"), figure_in(between, "5,000 or so")) == (
            True,
            False,
        )

    def test_day(self) -> None:
        """A day is found by month, day and year, or by its ISO form."""
        assert (date_in(MARCH_22, "on March 22, 2017"), date_in(MARCH_22, "2017-03-22")) == (
            True,
            True,
        )

    def test_relative_day(self) -> None:
        """A resolved relative date needs no year in the quote."""
        span = d.TimeSpan(
            earliest=dt.date(2022, 12, 9),
            latest=dt.date(2022, 12, 9),
            precision="day",
            edtf="2022-12-09",
            resolved_against=d.ResolvedAgainst(date=dt.date(2022, 12, 12)),
        )
        assert date_in(span, "summoned on Dec. 9") is True

    def test_unknown_precision(self) -> None:
        """A season without an expression cannot be told."""
        span = d.TimeSpan(
            earliest=dt.date(2017, 3, 1),
            latest=dt.date(2017, 5, 31),
            precision="season",
            edtf="2017-21",
        )
        assert date_in(span, "in spring") is None
