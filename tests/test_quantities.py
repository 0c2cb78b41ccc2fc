"""Tests for ``Quantity`` comparisons and ``parse_quantity``."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis.errors import InvalidArgument

import ddfacts
from ddfacts import Claim, Qualifier, Quantity, QuantityParseError, parse_quantity
from ddfacts.strategies._values import quantities


def exact(n: float, unit: str | None = None) -> Quantity:
    """An exact quantity."""
    return Quantity(amount=n, lower=n, upper=n, qualifier="exact", unit=unit)


def _assert_parsed(
    text: str, expected: tuple[str, float | None, float | None, float | None, str | None]
) -> None:
    """parse_quantity(text) has this qualifier, amount, bounds and unit, and keeps the text."""
    q = parse_quantity(text)
    assert (q.qualifier.value, q.amount, q.lower, q.upper, q.unit) == expected
    assert q.expression == text


class TestParseQuantity:
    """``parse_quantity`` on the forms news text uses."""

    @pytest.mark.parametrize(
        ("text", "qualifier", "amount", "lower", "upper", "unit"),
        [
            ("more than 9,000 followers", "more_than", 9000, 9000, None, "follower"),
            ("between 1,000 and 3,000", "between", None, 1000, 3000, None),
            ("between 1,000 and 3,000 followers", "between", None, 1000, 3000, "follower"),
            ("1,000-3,000 followers", "between", None, 1000, 3000, "follower"),
            ("from 10 to 20 accounts", "between", None, 10, 20, "account"),
            ("414 Tweets", "exact", 414, 414, 414, "tweet"),
            ("about 350 followers", "approximately", 350, 315, 385, "follower"),
            ("some 2,000 followers", "approximately", 2000, 1800, 2200, "follower"),
            ("nearly 9,000", "approximately", 9000, 8100, 9000, None),
            ("almost 100 percent", "approximately", 100, 90, 100, "percent"),
            ("over 9000", "more_than", 9000, 9000, None, None),
            ("at least one account", "at_least", 1, 1, None, "account"),
            ("under 40%", "less_than", 40, None, 40, "percent"),
            ("up to 5,000 people", "at_most", 5000, None, 5000, "person"),
            ("not more than 10", "at_most", 10, None, 10, None),
            ("two", "exact", 2, 2, 2, None),
            ("five times", "exact", 5, 5, 5, "time"),
            ("more than 28,000 times", "more_than", 28000, 28000, None, "time"),
            ("Eighty per cent", "exact", 80, 80, 80, "percent"),
            ("12.5%", "exact", 12.5, 12.5, 12.5, "percent"),
            ("twenty-five people", "exact", 25, 25, 25, "person"),
            ("two hundred posts", "exact", 200, 200, 200, "post"),
            ("a dozen embassies", "exact", 12, 12, 12, "embassy"),
            ("2.5 million users", "exact", 2500000, 2500000, 2500000, "user"),
            ("38 100 subscribers", "exact", 38100, 38100, 38100, "subscriber"),
            ("thousands of Russian citizens", "at_least", 2000, 2000, None, "citizen"),
            ("hundreds of thousands of people", "at_least", 200000, 200000, None, "person"),
            ("hundreds and thousands of retweets", "at_least", 200, 200, None, "retweet"),
            ("number of followers (46,600)", "exact", 46600, 46600, 46600, "follower"),
            ("$5 per month", "exact", 5, 5, 5, "dollar"),
            ("15,000 Russian users", "exact", 15000, 15000, 15000, "user"),
        ],
    )
    def test_table(
        self,
        text: str,
        qualifier: str,
        amount: float | None,
        lower: float | None,
        upper: float | None,
        unit: str | None,
    ) -> None:
        """The text gives this qualifier, these figures and this unit."""
        _assert_parsed(text, (qualifier, amount, lower, upper, unit))

    @pytest.mark.parametrize("text", ["", "no number here", "a few followers", "between 10 and 5"])
    def test_errors(self, text: str) -> None:
        """No number (or a backward range) raises QuantityParseError naming the text."""
        with pytest.raises(QuantityParseError) as info:
            parse_quantity(text)
        assert repr(text) in str(info.value)
        assert isinstance(info.value, ValueError)


class TestRanksAndFactors:
    """Ordinals, superlatives and growth factors, when the text has no cardinal figure."""

    @pytest.mark.parametrize(
        ("text", "qualifier", "amount", "lower", "upper", "unit"),
        [
            ("Second", "exact", 2, 2, 2, "place"),
            ("Third", "exact", 3, 3, 3, "place"),
            ("Third in this list", "exact", 3, 3, 3, "place"),
            ("second by the number of followers", "exact", 2, 2, 2, "place"),
            ("the fourth largest", "exact", 4, 4, 4, "place"),
            ("the tenth most popular", "exact", 10, 10, 10, "place"),
            ("the 10th most popular", "exact", 10, 10, 10, "place"),
            ("the twenty-first largest", "exact", 21, 21, 21, "place"),
            ("one hundred and first", "exact", 101, 101, 101, "place"),
            ("ranked 3rd among embassies", "exact", 3, 3, 3, "place"),
            ("in second place", "exact", 2, 2, 2, "place"),
            ("at least the fifth most", "at_least", 5, 5, None, "place"),
            ("the third summons", "exact", 3, 3, 3, "summons"),
            ("the second time", "exact", 2, 2, 2, "time"),
            ("the most followed", "exact", 1, 1, 1, "place"),
            ("the most followed diplomatic mission", "exact", 1, 1, 1, "place"),
            ("the largest embassy", "exact", 1, 1, 1, "place"),
            ("more than quadrupling", "more_than", 4, 4, None, "time"),
            ("doubled", "exact", 2, 2, 2, "time"),
            ("nearly doubled its followers", "approximately", 2, 1.8, 2, "time"),
            ("trebling", "exact", 3, 3, 3, "time"),
            ("a tenfold rise", "exact", 10, 10, 10, "time"),
            ("more than 10-fold", "more_than", 10, 10, None, "time"),
            ("a two-fold increase", "exact", 2, 2, 2, "time"),
        ],
    )
    def test_table(
        self,
        text: str,
        qualifier: str,
        amount: float | None,
        lower: float | None,
        upper: float | None,
        unit: str | None,
    ) -> None:
        """The ordinal, superlative or factor gives this qualifier, number and unit."""
        _assert_parsed(text, (qualifier, amount, lower, upper, unit))

    @pytest.mark.parametrize(
        ("text", "amount", "unit"),
        [
            ("Second by the number of followers (46,600)", 46600, "follower"),
            ("the second 500 followers", 500, "follower"),
            ("one of the most shared messages", 1, None),
            ("doubled to 9,000 followers", 9000, "follower"),
        ],
    )
    def test_cardinal_figure_wins(self, text: str, amount: int, unit: str | None) -> None:
        """A cardinal figure in the text is the quantity, before any ordinal or superlative."""
        q = parse_quantity(text)
        assert (q.amount, q.unit if unit else None) == (amount, unit)

    @pytest.mark.parametrize(
        "text", ["most people", "the latest figures", "the interest", "the protest", "secondly"]
    )
    def test_not_ranks(self, text: str) -> None:
        """Words that look like superlatives or ordinals but are not raise QuantityParseError."""
        with pytest.raises(QuantityParseError):
            parse_quantity(text)


class TestApproximately:
    """The documented tolerance of "approximately N"."""

    @pytest.mark.parametrize(
        ("amount", "lower", "upper"),
        [(9000, 8100, 9900), (350, 315, 385), (0, -1, 1), (-50, -55, -45), (0.5, 0.45, 0.55)],
    )
    def test_default(self, amount: float, lower: float, upper: float) -> None:
        """N ± 10% of N (±1 for 0), whole bounds as ints."""
        q = Quantity.approximately(amount)
        assert (q.lower, q.upper) == (lower, upper)
        assert q.lower < amount < q.upper  # type: ignore[operator]

    def test_tolerance(self) -> None:
        """Another tolerance can be given; a non-positive one is refused."""
        assert Quantity.approximately(100, tolerance=0.25).lower == 75
        with pytest.raises(ValueError, match="tolerance"):
            Quantity.approximately(100, tolerance=0)


class TestOverlaps:
    """Two quantities agree when their intervals can overlap."""

    @pytest.mark.parametrize(
        ("a", "b", "expected"),
        [
            ("more than 9,000 followers", "9,400 followers", True),
            ("more than 9,000 followers", "8,000 followers", False),
            ("more than 9,000 followers", "9,000 followers", False),
            ("at least 9,000 followers", "9,000 followers", True),
            ("less than 40%", "40%", False),
            ("at most 40%", "40%", True),
            ("about 350 followers", "380 followers", True),
            ("about 350 followers", "400 followers", False),
            ("between 1,000 and 3,000", "more than 2,999", True),
            ("between 1,000 and 3,000", "more than 3,000", False),
            ("less than 10", "more than 10", False),
            ("at most 10", "at least 10", True),
            ("more than 5", "more than 1,000", True),
        ],
    )
    def test_table(self, a: str, b: str, expected: bool) -> None:
        """Open bounds exclude their figure; the result is the same either way round."""
        assert parse_quantity(a).overlaps(parse_quantity(b)) is expected
        assert parse_quantity(b).overlaps(parse_quantity(a)) is expected

    def test_different_units(self) -> None:
        """Quantities of different units cannot be compared; no unit compares with any."""
        assert not exact(5, "follower").comparable(exact(5, "tweet"))
        assert exact(5).comparable(exact(5, "tweet"))
        with pytest.raises(ValueError, match="cannot compare"):
            exact(5, "follower").overlaps(exact(5, "tweet"))

    @given(quantities(units=[None]), quantities(units=[None]))
    def test_symmetric(self, a: Quantity, b: Quantity) -> None:
        """Overlap is symmetric."""
        assert a.overlaps(b) is b.overlaps(a)


class TestContains:
    """Every value the other allows is allowed by this one."""

    @pytest.mark.parametrize(
        ("a", "b", "expected"),
        [
            ("more than 9,000", "9,400", True),
            ("more than 9,000", "at least 9,000", False),
            ("at least 9,000", "more than 9,000", True),
            ("between 1,000 and 3,000", "about 2,000", True),
            ("between 1,000 and 3,000", "more than 2,000", False),
            ("about 2,000", "2,000", True),
            ("up to 5,000", "less than 5,000", True),
            ("less than 5,000", "up to 5,000", False),
        ],
    )
    def test_table(self, a: str, b: str, expected: bool) -> None:
        """Containment honours open and closed bounds."""
        assert parse_quantity(a).contains(parse_quantity(b)) is expected

    @given(quantities(units=[None]), quantities(units=[None]))
    def test_contains_implies_overlaps(self, a: Quantity, b: Quantity) -> None:
        """A quantity that contains another agrees with it."""
        if a.contains(b):
            assert a.overlaps(b)

    @given(quantities())
    def test_reflexive(self, a: Quantity) -> None:
        """Every quantity contains and overlaps itself."""
        assert a.contains(a) and a.overlaps(a)


class TestStrategy:
    """``quantities`` yields valid values and checks its arguments."""

    @given(quantities())
    def test_bounds_ordered_and_json(self, q: Quantity) -> None:
        """Bounds are ordered and a quantity survives the JSON round trip in a claim."""
        if q.lower is not None and q.upper is not None:
            assert q.lower <= q.upper
        claim = Claim(id="claim:q", subject="actor:a", property="followers", value=q)
        assert ddfacts.from_json(ddfacts.to_json(claim)) == claim

    @pytest.mark.parametrize(
        "kwargs",
        [{"min_value": 1.5}, {"max_value": True}, {"min_value": 5, "max_value": 1}, {"units": []},
         {"units": [3]}],
    )  # fmt: skip
    def test_invalid(self, kwargs: dict[str, object]) -> None:
        """Bad arguments raise InvalidArgument when the strategy is built."""
        with pytest.raises(InvalidArgument):
            quantities(**kwargs)  # type: ignore[arg-type]

    def test_qualifier_values(self) -> None:
        """The qualifiers are the seven of DESIGN decision 4."""
        assert [q.value for q in Qualifier] == [
            "exact",
            "approximately",
            "more_than",
            "at_least",
            "less_than",
            "at_most",
            "between",
        ]
