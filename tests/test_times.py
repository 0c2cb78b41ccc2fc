"""Tests for ``TimeSpan`` comparisons, invariants and JSON round trips."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis.errors import InvalidArgument

import ddfacts
from ddfacts import Claim, TimeSpan
from ddfacts.strategies._values import time_spans
from ddfacts.times import Precision
from ddfacts.times._span import as_date


def span(edtf: str) -> TimeSpan:
    """The span of an EDTF string."""
    return TimeSpan.from_edtf(edtf)


def moment(text: str) -> TimeSpan:
    """A one-instant span at a date-time."""
    value = dt.datetime.fromisoformat(text)
    return TimeSpan(earliest=value, latest=value, precision="second", edtf=text)


class TestOverlaps:
    """``TimeSpan.overlaps``: can the two spans share an instant?"""

    @pytest.mark.parametrize(
        ("a", "b", "expected"),
        [
            ("2014-12", "2014-12-09", True),
            ("2014-12", "2015-01", False),
            ("2014", "2014-12-31", True),
            ("1956/..", "2022", True),
            ("1956/..", "1955", False),
            ("1956/", "2022", True),
            ("1956/", "1955-12-31", False),
            ("../1985-04", "1985-04-30", True),
            ("../1985-04", "1985-05-01", False),
            ("XXXX", "2014", True),
            ("XXXX-12-09", "2014-06", True),
            ("2016-06-~21/2016-06-30", "2016-06-15", False),
            ("2015-24", "2016-02", True),
        ],
    )
    def test_table(self, a: str, b: str, expected: bool) -> None:
        """Overlap follows the possible instants, open and unknown ends reaching out."""
        assert span(a).overlaps(span(b)) is expected
        assert span(b).overlaps(span(a)) is expected

    def test_date_and_datetime(self) -> None:
        """A date covers its whole day when compared with a date-time."""
        assert span("2016-11-30").overlaps(moment("2016-11-30T23:59:59"))
        assert not span("2016-11-30").overlaps(moment("2016-12-01T00:00:00"))

    def test_aware_and_naive(self) -> None:
        """Aware date-times compare in UTC; naive ones are taken as UTC."""
        aware = moment("2016-12-01T01:00:00+02:00")
        assert aware.overlaps(span("2016-11-30"))
        assert aware.overlaps(moment("2016-11-30T23:00:00"))

    @given(time_spans(), time_spans())
    def test_symmetric(self, a: TimeSpan, b: TimeSpan) -> None:
        """Overlap is symmetric."""
        assert a.overlaps(b) is b.overlaps(a)

    @given(time_spans())
    def test_reflexive(self, a: TimeSpan) -> None:
        """Every span overlaps itself."""
        assert a.overlaps(a)


class TestContains:
    """``TimeSpan.contains``: is every possible instant of the other certainly inside?"""

    @pytest.mark.parametrize(
        ("a", "b", "expected"),
        [
            ("2014", "2014-12", True),
            ("2014-12", "2014", False),
            ("2014-12", "2014-12-09", True),
            ("1956/..", "2022-12-15", True),
            ("1956/..", "1956/..", True),
            ("1956/", "1960", False),
            ("../2006", "1066", True),
            ("/2006", "2005", False),
            ("XXXX", "2014", False),
            ("2014", "XXXX", False),
            ("2014", "2014/..", False),
            ("XXXX-12-09", "XXXX-12-09", False),
        ],
    )
    def test_table(self, a: str, b: str, expected: bool) -> None:
        """Open ends run forever; unknown ends and years certainly cover nothing."""
        assert span(a).contains(span(b)) is expected

    @given(time_spans(), time_spans())
    def test_contains_implies_overlaps(self, a: TimeSpan, b: TimeSpan) -> None:
        """A span that contains another also overlaps it."""
        if a.contains(b):
            assert a.overlaps(b)


class TestBefore:
    """``TimeSpan.before`` and ``after``: certain order."""

    @pytest.mark.parametrize(
        ("a", "b", "expected"),
        [
            ("2014-12-09", "2014-12-10", True),
            ("2014-12-09", "2014-12-09", False),
            ("2014", "2014-12-31", False),
            ("2013", "2014-12", True),
            ("1956/..", "3000", False),
            ("1956/", "3000", False),
            ("../1950", "1956/..", True),
            ("2013", "/2020", False),
            ("XXXX", "2014", False),
        ],
    )
    def test_table(self, a: str, b: str, expected: bool) -> None:
        """True only when the first certainly ends before the second starts."""
        assert span(a).before(span(b)) is expected
        assert span(b).after(span(a)) is expected

    def test_mixed_datetimes_do_not_crash(self) -> None:
        """A naive date-time, an aware one and a date compare without error."""
        assert span("2016-11-29").before(moment("2016-11-30T00:00:00+00:00"))
        assert not moment("2016-11-30T00:00:00").before(moment("2016-11-30T00:00:00+00:00"))

    @given(time_spans(), time_spans())
    def test_before_excludes_overlap(self, a: TimeSpan, b: TimeSpan) -> None:
        """Spans in certain order never overlap."""
        if a.before(b):
            assert not a.overlaps(b)
            assert not b.before(a)


class TestInvariants:
    """What every span holds."""

    @given(time_spans())
    def test_bounds_ordered(self, a: TimeSpan) -> None:
        """``earliest`` is never after ``latest``."""
        if a.earliest is not None and a.latest is not None:
            assert as_date(a.earliest) <= as_date(a.latest)

    def test_unordered_bounds_refused(self) -> None:
        """A span that ends before it starts cannot be made."""
        with pytest.raises(ValueError, match="after latest"):
            TimeSpan(
                earliest=dt.date(2016, 1, 2),
                latest=dt.date(2016, 1, 1),
                precision="day",
                edtf="2016-01-02/2016-01-01",
            )

    def test_open_flags(self) -> None:
        """``end_open``/``start_open`` tell ``..`` ends from unknown ones."""
        assert span("1956/..").end_open
        assert not span("1956/").end_open
        assert span("../1956").start_open
        assert not span("1956").start_open

    def test_unknown(self) -> None:
        """The unknown time is explicit."""
        unknown = TimeSpan.unknown("some time")
        assert unknown.is_unknown
        assert unknown.precision is Precision.UNKNOWN
        assert unknown.expression == "some time"


class TestJson:
    """Spans travel through fact files unchanged."""

    @given(time_spans())
    def test_round_trip_in_a_claim(self, a: TimeSpan) -> None:
        """A span as a claim's value and as-of time survives to_json/from_json."""
        claim = Claim(id="claim:t", subject="actor:a", property="launched", value=a, as_of=a)
        assert ddfacts.from_json(ddfacts.to_json(claim)) == claim


class TestStrategyArguments:
    """``time_spans`` checks its arguments."""

    @pytest.mark.parametrize(
        "kwargs",
        [
            {"min_year": 0},
            {"max_year": 10000},
            {"min_year": 2000, "max_year": 1999},
            {"min_year": "1"},
            {"allow_open": 1},
        ],
    )
    def test_invalid(self, kwargs: dict[str, object]) -> None:
        """Bad arguments raise InvalidArgument when the strategy is built."""
        with pytest.raises(InvalidArgument):
            time_spans(**kwargs)  # type: ignore[arg-type]

    @given(time_spans(min_year=2000, max_year=2001, allow_open=False, allow_unknown=False))
    def test_limits(self, a: TimeSpan) -> None:
        """Limits are kept: no unknown time, no open ends, years in range."""
        assert not a.is_unknown
        assert not a.edtf.endswith("/") and not a.edtf.startswith("/")
        assert "/.." not in a.edtf and "../" not in a.edtf
        if a.earliest is not None:
            assert 2000 <= a.earliest.year <= 2001
