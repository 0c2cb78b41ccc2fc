"""Tests for ``parse_time``: the time expressions of news text."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from ddfacts import ResolvedAgainst, TimeParseError, parse_time
from ddfacts.times import Precision, TimeSpan

REFERENCE = Path(__file__).resolve().parent.parent.parent / "shared" / "reference"
REF = dt.date(2022, 12, 15)


def _iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


class TestAbsolute:
    """Expressions that need no reference date."""

    @pytest.mark.parametrize(
        ("expression", "edtf", "earliest", "latest", "precision"),
        [
            ("May 2, 1945", "1945-05-02", "1945-05-02", "1945-05-02", "day"),
            ("November 30, 2016", "2016-11-30", "2016-11-30", "2016-11-30", "day"),
            ("2 May 1945", "1945-05-02", "1945-05-02", "1945-05-02", "day"),
            ("2016-11-30", "2016-11-30", "2016-11-30", "2016-11-30", "day"),
            ("December 2014", "2014-12", "2014-12-01", "2014-12-31", "month"),
            ("In February 2017", "2017-02", "2017-02-01", "2017-02-28", "month"),
            ("summer 2015", "2015-22", "2015-06-01", "2015-08-31", "season"),
            ("the summer of 2015", "2015-22", "2015-06-01", "2015-08-31", "season"),
            ("in 2006", "2006", "2006-01-01", "2006-12-31", "year"),
            ("the year 2006", "2006", "2006-01-01", "2006-12-31", "year"),
            ("the 1930s", "193X", "1930-01-01", "1939-12-31", "decade"),
            ("the 19th century", "18XX", "1800-01-01", "1899-12-31", "century"),
            ("from 2007 until 2010", "2007/2010", "2007-01-01", "2010-12-31", "year"),
            ("between 1941 and 1945", "1941/1945", "1941-01-01", "1945-12-31", "year"),
            ("2007–2010", "2007/2010", "2007-01-01", "2010-12-31", "year"),
            ("from March until May 2016", "2016-03/2016-05", "2016-03-01", "2016-05-31", "month"),
            ("from December until February 2017", "2016-12/2017-02", "2016-12-01",
             "2017-02-28", "month"),
            ("since 1956", "1956/..", "1956-01-01", None, "year"),
            ("Since summer 2015", "2015-22/..", "2015-06-01", None, "season"),
            ("until 2010", "/2010", None, "2010-12-31", "year"),
            ("by February 2017", "/2017-02", None, "2017-02-28", "month"),
            ("about 2006", "2006~", "2006-01-01", "2006-12-31", "year"),
            ("1862?", "1862?", "1862-01-01", "1862-12-31", "year"),
            ("2004-06~", "2004-06~", "2004-06-01", "2004-06-30", "month"),
        ],
    )  # fmt: skip
    def test_table(
        self,
        expression: str,
        edtf: str,
        earliest: str | None,
        latest: str | None,
        precision: str,
    ) -> None:
        """The expression gives this EDTF, these bounds and this precision."""
        for reference in (None, REF):
            span = parse_time(expression, reference)
            assert span.edtf == edtf
            assert (_iso(span.earliest), _iso(span.latest)) == (earliest, latest)
            assert span.precision is Precision(precision)
            assert span.expression == expression
            assert span.resolved_against is None


class TestPartsOfPeriods:
    """ "early", "mid", "late", "the end of": approximate, never dropped."""

    @pytest.mark.parametrize(
        ("expression", "edtf", "earliest", "latest", "precision"),
        [
            ("late June 2016", "2016-06-~21/2016-06-30", "2016-06-21", "2016-06-30", "month"),
            ("early June 2016", "2016-06-01/2016-06-~10", "2016-06-01", "2016-06-10", "month"),
            ("mid-June 2016", "2016-06-~11/2016-06-~20", "2016-06-11", "2016-06-20", "month"),
            ("late 2016", "2016-~09/2016-12", "2016-09-01", "2016-12-31", "year"),
            ("mid-2016", "2016-~05/2016-~08", "2016-05-01", "2016-08-31", "year"),
            ("Towards the end of 2016", "2016-~09/2016-12", "2016-09-01", "2016-12-31", "year"),
            ("early 1990s", "1990/~1993", "1990-01-01", "1993-12-31", "decade"),
            ("late 19th century", "~1867/1899", "1867-01-01", "1899-12-31", "century"),
            ("early summer 2015", "2015-~06", "2015-06-01", "2015-06-30", "season"),
        ],
    )  # fmt: skip
    def test_table(
        self, expression: str, edtf: str, earliest: str, latest: str, precision: str
    ) -> None:
        """The part is the documented third of the period, flagged approximate."""
        span = parse_time(expression)
        assert span.edtf == edtf
        assert (_iso(span.earliest), _iso(span.latest)) == (earliest, latest)
        assert span.precision is Precision(precision)
        assert span.approximate

    def test_without_year(self) -> None:
        """ "early November" with no reference keeps the part and leaves the year unspecified."""
        span = parse_time("early November")
        assert span.edtf == "XXXX-11-01/XXXX-11-~10"
        assert (span.earliest, span.latest) == (None, None)
        assert span.approximate

    def test_with_reference(self) -> None:
        """ "in early November" resolves against the reference date."""
        span = parse_time("in early November", REF)
        assert span.edtf == "2022-11-01/2022-11-~10"
        assert span.resolved_against == ResolvedAgainst(date=REF)


class TestVeryEdge:
    """ "the very end of" / "the very beginning of": narrower than "late" / "early"."""

    @pytest.mark.parametrize(
        ("expression", "edtf", "earliest", "latest", "precision"),
        [
            ("at the very end of 2016", "2016-~12/2016-12", "2016-12-01", "2016-12-31", "year"),
            ("the very beginning of 2016", "2016-01/2016-~01", "2016-01-01", "2016-01-31",
             "year"),
            ("at the very end of June 2016", "2016-06-~24/2016-06-30", "2016-06-24",
             "2016-06-30", "month"),
            ("the very start of February 2016", "2016-02-01/2016-02-~07", "2016-02-01",
             "2016-02-07", "month"),
            ("the very end of the 1930s", "~1939/1939", "1939-01-01", "1939-12-31", "decade"),
            ("the very end of the 19th century", "~1890/1899", "1890-01-01", "1899-12-31",
             "century"),
            ("the very end of summer 2015", "2015-~08", "2015-08-01", "2015-08-31", "season"),
        ],
    )  # fmt: skip
    def test_table(
        self, expression: str, edtf: str, earliest: str, latest: str, precision: str
    ) -> None:
        """The edge is the documented last or first sub-unit, the inner bound approximate."""
        span = parse_time(expression)
        assert span.edtf == edtf
        assert (_iso(span.earliest), _iso(span.latest)) == (earliest, latest)
        assert span.precision is Precision(precision)
        assert span.approximate

    def test_narrower_than_late(self) -> None:
        """ "the very end of 2016" lies within "late 2016" and is shorter."""
        very, late = parse_time("the very end of 2016"), parse_time("late 2016")
        assert late.contains(very) and very != late

    def test_relative_without_reference(self) -> None:
        """ "the very end of last year" with no reference is an explicit unknown time."""
        assert parse_time("the very end of last year").is_unknown


class TestYearNoun:
    """A year naming a dated thing ("the 2013 edition") is that year."""

    @pytest.mark.parametrize(
        "expression",
        ["the 2013 edition", "2013 edition", "the 2016 election", "the 2014 Olympics",
         "the 2016 study", "in the 2013 edition"],
    )  # fmt: skip
    def test_table(self, expression: str) -> None:
        """The expression is the year, at year precision, not resolved."""
        span = parse_time(expression)
        assert span.edtf == expression.split()[-2]
        assert span.precision is Precision.YEAR
        assert span.resolved_against is None


class TestAdverbsAndPossessives:
    """Possessives and adverbs that do not move the time are passed over."""

    @pytest.mark.parametrize(
        ("expression", "edtf"),
        [
            ("yesterday's", "2022-12-14"),
            ("Today’s", "2022-12-15"),
            ("last week's", "2022-12-05/2022-12-11"),
            ("this year's", "2022"),
            ("again this month", "2022-12"),
            ("once again last month", "2022-11"),
            ("only last year", "2021"),
            ("just yesterday", "2022-12-14"),
            ("also in February", "2022-02"),
        ],
    )
    def test_table(self, expression: str, edtf: str) -> None:
        """The expression reads as the time without the possessive or adverb."""
        span = parse_time(expression, REF)
        assert span.edtf == edtf
        assert span.resolved_against == ResolvedAgainst(date=REF)

    def test_decade_apostrophe_kept(self) -> None:
        """ "the 1930's" stays a decade: only a word's "'s" is a possessive."""
        assert parse_time("the 1930's").edtf == "193X"


class TestAnaphora:
    """ "that day", "that year": the caller passes the antecedent as the reference."""

    @pytest.mark.parametrize(
        ("expression", "reference", "edtf", "precision", "approximate"),
        [
            ("that day", dt.date(1945, 5, 2), "1945-05-02", "day", False),
            ("the same day", dt.date(1945, 5, 2), "1945-05-02", "day", False),
            ("that year", dt.date(2015, 6, 10), "2015", "year", False),
            ("that month", dt.date(2015, 6, 10), "2015-06", "month", False),
            ("the same year", dt.date(2015, 6, 10), "2015", "year", False),
            ("Later that year", dt.date(2015, 6, 10), "2015-06-10~/2015-12-31", "year", True),
            ("earlier that year", dt.date(2015, 6, 10), "2015-01-01/2015-06-10~", "year", True),
            ("later that month", dt.date(2015, 6, 10), "2015-06-10~/2015-06-30", "month", True),
            ("between 1941 and that day", dt.date(1945, 5, 2), "1941/1945-05-02", "year",
             False),
            ("from that day until 1950", dt.date(1945, 5, 2), "1945-05-02/1950", "year", False),
        ],
    )  # fmt: skip
    def test_table(
        self,
        expression: str,
        reference: dt.date,
        edtf: str,
        precision: str,
        approximate: bool,
    ) -> None:
        """The expression resolves against the antecedent and records it."""
        span = parse_time(expression, reference)
        assert span.edtf == edtf
        assert span.precision is Precision(precision)
        assert span.approximate is approximate
        assert span.resolved_against == ResolvedAgainst(date=reference)

    @pytest.mark.parametrize(
        ("expression", "edtf", "earliest", "latest"),
        [
            ("that year", "XXXX", None, None),
            ("Later that year", "XXXX", None, None),
            ("between 1941 and that day", "1941/", "1941-01-01", None),
            ("between that day and 1945", "/1945", None, "1945-12-31"),
        ],
    )
    def test_without_reference(
        self, expression: str, edtf: str, earliest: str | None, latest: str | None
    ) -> None:
        """With no antecedent the anaphor is unknown: the whole time, or that end of a range."""
        span = parse_time(expression)
        assert span.edtf == edtf
        assert (_iso(span.earliest), _iso(span.latest)) == (earliest, latest)
        assert span.resolved_against is None


class TestRussianThisYear:
    """ "с.г." (сего года, "of this year") takes the reference's year."""

    @pytest.mark.parametrize(
        ("expression", "reference", "edtf", "resolved"),
        [
            ("4 сентября с.г.", dt.date(2016, 9, 20), "2016-09-04", True),
            ("25 сентября с. г.", dt.date(2016, 9, 20), "2016-09-25", True),
            ("4 сентября сего года", dt.date(2016, 9, 20), "2016-09-04", True),
            ("в октябре текущего года", dt.date(2016, 9, 20), "2016-10", True),
            ("4 сентября с.г.", None, "XXXX-09-04", False),
        ],
    )
    def test_table(
        self, expression: str, reference: dt.date | None, edtf: str, resolved: bool
    ) -> None:
        """The reference's year, even for a day after the reference date."""
        span = parse_time(expression, reference)
        assert span.edtf == edtf
        assert (span.resolved_against is not None) is resolved


FEBRUARY_2018 = parse_time("February 2018")
DECEMBER_2014 = parse_time("December 2014")
LATE_DECEMBER_2022 = parse_time("2022-12-09/2022-12-31")


class TestSpanReference:
    """A reference known only as a range: the result spans the resolutions against its ends."""

    @pytest.mark.parametrize(
        ("expression", "reference", "edtf", "precision"),
        [
            ("last week", FEBRUARY_2018, "2018-01-22/2018-02-25", "week"),
            ("yesterday's", FEBRUARY_2018, "2018-01-31/2018-02-27", "day"),
            ("today", FEBRUARY_2018, "2018-02", "month"),
            ("last year", FEBRUARY_2018, "2017", "year"),
            ("last week", LATE_DECEMBER_2022, "2022-11-28/2022-12-25", "week"),
            ("this month", LATE_DECEMBER_2022, "2022-12", "month"),
            ("Earlier this month", LATE_DECEMBER_2022, "2022-12-01/2022-12-31", "month"),
            ("Dec. 9", LATE_DECEMBER_2022, "2022-12-09", "day"),
            ("in November", LATE_DECEMBER_2022, "2022-11", "month"),
            ("over the previous two years", DECEMBER_2014, "2012-12/2014-12", "month"),
            ("over the previous two years", parse_time("2014"), "2012/2014", "year"),
            ("Later that year", parse_time("in 2015"), "2015-01-01~/2015-12-31", "year"),
            ("between 1941 and that day", parse_time("May 2, 1945"), "1941/1945-05-02",
             "year"),
        ],
    )  # fmt: skip
    def test_table(self, expression: str, reference: TimeSpan, edtf: str, precision: str) -> None:
        """The hull of the two resolutions, at the reference's precision when it falls on it."""
        span = parse_time(expression, reference)
        assert span.edtf == edtf
        assert span.precision is Precision(precision)
        assert span.resolved_against is not None
        assert span.resolved_against.date == reference.earliest

    @pytest.mark.parametrize(
        "expression",
        ["last week", "yesterday", "Earlier this month", "later this month", "two weeks ago",
         "over the past ten days", "in November", "Dec. 9", "this week", "next month"],
    )  # fmt: skip
    def test_covers_every_day_between(self, expression: str) -> None:
        """The result contains the resolution against every day of the reference span."""
        reference = parse_time("2022-11-25/2022-12-31")
        span = parse_time(expression, reference)
        day = dt.date(2022, 11, 25)
        while day <= dt.date(2022, 12, 31):
            assert span.contains(parse_time(expression, day)), (expression, day)
            day += dt.timedelta(days=1)

    def test_records_the_span(self) -> None:
        """ "resolved_against" holds the span's first day and its expression and EDTF form."""
        span = parse_time("last week", FEBRUARY_2018)
        assert span.resolved_against == ResolvedAgainst(
            date=dt.date(2018, 2, 1), basis="February 2018 (2018-02)"
        )
        bare = parse_time("last week", LATE_DECEMBER_2022).resolved_against
        assert bare == ResolvedAgainst(date=dt.date(2022, 12, 9), basis="2022-12-09/2022-12-31")

    def test_absolute_ignores_it(self) -> None:
        """An absolute expression is not resolved, so it records no reference."""
        span = parse_time("May 2, 1945", FEBRUARY_2018)
        assert span.edtf == "1945-05-02" and span.resolved_against is None

    def test_one_day_span_is_a_date(self) -> None:
        """A span of one day resolves exactly as that date does."""
        day = parse_time("May 2, 1945")
        assert parse_time("that year", day).edtf == parse_time("that year", day.earliest).edtf

    @pytest.mark.parametrize("edtf", ["2016/..", "/2016", "XXXX"])
    def test_open_span_refused(self, edtf: str) -> None:
        """A span without both bounds cannot be a reference: ValueError."""
        with pytest.raises(ValueError, match="needs both bounds"):
            parse_time("last week", TimeSpan.from_edtf(edtf))


class TestWithoutYear:
    """Months and days written without a year."""

    @pytest.mark.parametrize(
        ("expression", "reference", "edtf", "resolved"),
        [
            ("Dec. 9", None, "XXXX-12-09", False),
            ("Dec. 9", REF, "2022-12-09", True),
            ("Dec. 16", REF, "2021-12-16", True),
            ("in February", None, "XXXX-02", False),
            ("in February", REF, "2022-02", True),
            ("in November", REF, "2022-11", True),
            ("December", REF, "2022-12", True),
            ("Feb 29", REF, "2020-02-29", True),
            ("summer", dt.date(2016, 3, 1), "2015-22", True),
            ("20 сентября", None, "XXXX-09-20", False),
            ("20 сентября", REF, "2022-09-20", True),
            ("4 сентября 2016 года", REF, "2016-09-04", False),
            ("в сентябре 2016", REF, "2016-09", False),
            ("в 2016 году", None, "2016", False),
            ("с 2014 года", None, "2014/..", False),
        ],
    )
    def test_table(
        self, expression: str, reference: dt.date | None, edtf: str, resolved: bool
    ) -> None:
        """Without a reference the year is unspecified; with one, the latest not after it."""
        span = parse_time(expression, reference)
        assert span.edtf == edtf
        assert (span.resolved_against is not None) is resolved

    def test_never_the_current_year(self) -> None:
        """A day with no year and no reference has no bounds at all."""
        span = parse_time("Dec. 9")
        assert (span.earliest, span.latest, span.precision) == (None, None, Precision.DAY)


class TestRelative:
    """Relative expressions against the reference date."""

    @pytest.mark.parametrize(
        ("expression", "edtf", "precision"),
        [
            ("last week", "2022-12-05/2022-12-11", "week"),
            ("this week", "2022-12-12/2022-12-18", "week"),
            ("this month", "2022-12", "month"),
            ("last month", "2022-11", "month"),
            ("Earlier this month", "2022-12-01/2022-12-15", "month"),
            ("this year", "2022", "year"),
            ("Last year", "2021", "year"),
            ("the next year", "2023", "year"),
            ("late last year", "2021-~09/2021-12", "year"),
            ("over the previous two years", "2020-12-15/2022-12-15", "day"),
            ("Over past two years", "2020-12-15/2022-12-15", "day"),
            ("during previous two weeks", "2022-12-01/2022-12-15", "day"),
            ("two years ago", "2020~", "year"),
            ("3 days ago", "2022-12-12", "day"),
            ("yesterday", "2022-12-14", "day"),
            ("Saturday", "2022-12-10", "day"),
            ("on Thursday", "2022-12-15", "day"),
            ("last Thursday", "2022-12-08", "day"),
            ("next Monday", "2022-12-19", "day"),
            ("this Friday", "2022-12-16", "day"),
            ("Tue.", "2022-12-13", "day"),
            ("on Thurs.", "2022-12-15", "day"),
        ],
    )
    def test_table(self, expression: str, edtf: str, precision: str) -> None:
        """The expression resolves against the reference date and records it."""
        reference = ResolvedAgainst(date=REF, basis="source:cp published")
        span = parse_time(expression, reference)
        assert span.edtf == edtf
        assert span.precision is Precision(precision)
        assert span.resolved_against == reference

    def test_without_reference(self) -> None:
        """A relative expression with no reference date is an explicit unknown time."""
        span = parse_time("last week")
        assert span.is_unknown
        assert span.expression == "last week"

    def test_datetime_reference(self) -> None:
        """A datetime reference counts by its date."""
        span = parse_time("this year", dt.datetime(2016, 12, 31, 23, 0))
        assert span.edtf == "2016"
        assert span.resolved_against == ResolvedAgainst(date=dt.date(2016, 12, 31))


class TestErrors:
    """What is not a time expression."""

    @pytest.mark.parametrize(
        "expression",
        ["", "   ", "hello", "9,000 followers", "10/11/2012", "June 31", "90", "since",
         "from 2010 to 2007", "the 2000 followers", "the 2013 tweets", "the embassy's",
         "between that day and last week", "the very end of", "very end of hello"],
    )  # fmt: skip
    def test_not_a_time(self, expression: str) -> None:
        """TimeParseError (a ValueError) names the expression."""
        with pytest.raises(TimeParseError, match="is not a time expression") as info:
            parse_time(expression)
        assert repr(expression) in str(info.value)
        assert isinstance(info.value, ValueError)

    def test_bad_reference(self) -> None:
        """A reference that is not a date is a TypeError."""
        with pytest.raises(TypeError):
            parse_time("Dec. 9", "2022-12-15")  # type: ignore[arg-type]


class TestConstraints:
    """The constraint cases written for ddfacts."""

    def test_cases(self) -> None:
        """Every case holds."""
        path = REFERENCE / "date_expression_constraints.json"
        if not path.is_file():
            pytest.skip(f"the reference data is not here ({path} is absent)")
        cases = json.loads(path.read_text(encoding="utf-8"))["cases"]
        for case in cases:
            ref = case["reference_date"]
            span = parse_time(case["expression"], dt.date.fromisoformat(ref) if ref else None)
            expect = case["expect"]
            for key in ("earliest", "latest"):
                if key in expect:
                    assert _iso(getattr(span, key)) == expect[key], case
            if "precision" in expect:
                assert span.precision.value == expect["precision"]
            if expect.get("edtf"):
                assert span.edtf == expect["edtf"]
            if expect.get("resolved_against_required"):
                assert span.resolved_against is not None
            if expect.get("year_known") is False:
                assert span.edtf.startswith("XXXX") and span.earliest is None
            if "start_earliest" in expect:
                assert _iso(span.earliest) == expect["start_earliest"]
                assert span.latest is None and span.end_open
            if "earliest_after_or_on" in expect:
                assert _iso(span.earliest) >= expect["earliest_after_or_on"]  # type: ignore[operator]
                low, high = expect["within"]
                assert low <= _iso(span.earliest) and _iso(span.latest) <= high  # type: ignore[operator]
                assert span.approximate is expect["approximate"]


#: Expressions that occur in the seed texts (file prefix, expression).
SEED_EXPRESSIONS = [
    ("000", "December 2014"), ("000", "over the previous two years"), ("000", "in 2006"),
    ("000", "the next year"), ("000", "until 2010"), ("000", "In 2013"), ("000", "last week"),
    ("000", "since 1956"), ("000", "May 2, 1945"), ("001", "Earlier this month"),
    ("001", "this year"), ("001", "in November"), ("001", "this month"), ("001", "Dec. 9"),
    ("001", "Last week"), ("002", "late June"), ("002", "in 2012"),
    ("002", "November 30, 2016"), ("002", "Since 2014"), ("002", "since summer 2015"),
    ("002", "Towards the end of 2016"), ("002", "In February 2017"), ("002", "Last year"),
    ("002", "In June 2016"), ("002", "20 сентября"), ("002", "4 сентября"),
    ("002", "early November"), ("002", "by February 2017"), ("002", "in July 2016"),
    ("002", "Over past two years"), ("002", "at the very end of 2016"),
    ("002", "during previous two weeks"), ("002", "in 2016"), ("000", "yesterday's"),
    ("000", "between 1941 and that day"), ("001", "again this month"),
    ("002", "the 2013 edition"), ("002", "4 сентября с.г."), ("002", "Later that year"),
]  # fmt: skip


class TestSeeds:
    """Every date expression of the seed articles parses."""

    def test_each_parses(self, seeds_dir: Path) -> None:
        """Each listed expression occurs in its article and gives a known, resolved span."""
        texts = {p.name[:3]: p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")}
        for prefix, expression in SEED_EXPRESSIONS:
            assert expression in texts[prefix], expression
            span = parse_time(expression, REF)
            assert not span.is_unknown, expression
            assert span.earliest is not None or span.latest is not None, expression
