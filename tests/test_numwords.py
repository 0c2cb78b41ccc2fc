"""Tests for the shared English number words (``ddfacts._numwords``) and the modules using them."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ddfacts import parse_quantity
from ddfacts._numwords import (
    CARDINALS,
    MULTIPLIERS,
    ORDINAL_VALUES,
    ORDINALS,
    SCALE_SUFFIXES,
    SCALES,
    TENS,
    WORD_VALUES,
    words_value,
)
from ddfacts.check._support import date_in, numbers_in
from ddfacts.times import parse_time
from ddfacts.times._words import COUNTS, MONTHS

_NAMES = ((1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand"))


def spell(number: int) -> str:
    """*number* (below a trillion) in English words, as news text writes it."""
    if number < 20:
        return CARDINALS[number]
    if number < 100:
        tens, ones = divmod(number, 10)
        return TENS[tens - 2] + (f"-{CARDINALS[ones]}" if ones else "")
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        return f"{CARDINALS[hundreds]} hundred" + (f" and {spell(rest)}" if rest else "")
    for scale, name in _NAMES:
        if number >= scale:
            count, rest = divmod(number, scale)
            return f"{spell(count)} {name}" + (f" {spell(rest)}" if rest else "")
    raise AssertionError(number)  # pragma: no cover


def _words(text: str) -> list[str]:
    return re.split(r"[\s-]+", text)


class TestTables:
    """The word tables."""

    def test_cardinals_and_tens(self) -> None:
        """Zero to nineteen and the tens name their values."""
        assert len(CARDINALS) == 20
        assert WORD_VALUES["nineteen"] == 19
        assert [WORD_VALUES[word] for word in TENS] == list(range(20, 100, 10))

    def test_ordinals(self) -> None:
        """Ordinals count as their number, the tens' ordinals too."""
        assert len(ORDINALS) == 20
        assert ORDINAL_VALUES["first"] == 1
        assert ORDINAL_VALUES["twelfth"] == 12
        assert ORDINAL_VALUES["twentieth"] == 20
        assert ORDINAL_VALUES["ninetieth"] == 90
        assert not ORDINAL_VALUES.keys() & WORD_VALUES.keys()

    def test_multipliers(self) -> None:
        """Multiplicative stems name their factors, two to eight."""
        assert MULTIPLIERS["doubl"] == 2
        assert MULTIPLIERS["tripl"] == MULTIPLIERS["trebl"] == 3
        assert MULTIPLIERS["quadrupl"] == 4
        assert sorted(set(MULTIPLIERS.values())) == list(range(2, 9))

    def test_scales(self) -> None:
        """Scale words and suffixes agree on their factors."""
        assert SCALES["thousand"] == SCALE_SUFFIXES["k"] == 1_000
        assert SCALES["million"] == SCALE_SUFFIXES["m"] == SCALE_SUFFIXES["mln"]
        assert SCALES["billion"] == SCALE_SUFFIXES["bn"] == 10**9
        assert "dozen" not in SCALES


class TestWordsValue:
    """``words_value`` reads one run of number words."""

    @pytest.mark.parametrize(
        ("words", "value"),
        [
            ("zero", 0),
            ("twenty five", 25),
            ("two hundred", 200),
            ("two hundred and five", 205),
            ("two hundred thousand and five", 200_005),
            ("one million two hundred thousand", 1_200_000),
            ("nine thousand", 9_000),
            ("thousand", 1_000),
            ("hundred thousand", 100_000),
            ("three billion", 3_000_000_000),
        ],
    )
    def test_values(self, words: str, value: int) -> None:
        """Cardinals add, scales multiply, and a thousand or more closes a group."""
        assert words_value(words.split()) == value

    @pytest.mark.parametrize("words", [[], ["and"], ["two", "apples"], ["second"], ["dozen"]])
    def test_not_a_number(self, words: list[str]) -> None:
        """No number word, or a word that is not one (by default), gives None."""
        assert words_value(words) is None

    def test_ordinals(self) -> None:
        """With ordinals, "twenty first" is 21."""
        assert words_value(["second"], ordinals=True) == 2
        assert words_value(["twenty", "first"], ordinals=True) == 21
        assert words_value(["ninetieth"], ordinals=True) == 90

    def test_extra_scales(self) -> None:
        """A caller's own scale words ("dozen") multiply like "hundred"."""
        scales = {"dozen": 12, **SCALES}
        assert words_value(["two", "dozen"], scales=scales) == 24
        assert words_value(["dozen"], scales=scales) == 12

    @given(st.integers(min_value=0, max_value=10**12 - 1))
    def test_spelled_numbers(self, number: int) -> None:
        """Every number spelled out in words reads back as itself."""
        assert words_value(_words(spell(number))) == number


class TestUsers:
    """The modules that read number words agree with each other."""

    @given(st.integers(min_value=1, max_value=10**12 - 1))
    def test_quantity_and_support_agree(self, number: int) -> None:
        """A spelled number is the quantity's amount, and counts as written in a quote."""
        text = spell(number)
        assert parse_quantity(f"{text} followers").amount == number
        assert float(number) in numbers_in(f"they had {text} followers")

    @given(st.integers(min_value=1, max_value=999).filter(lambda n: n % 100 != 0))
    def test_spelled_ordinals(self, number: int) -> None:
        """A spelled ordinal ("one hundred and twenty-first") ranks as its number."""
        words = spell(number)
        last = re.split(r"[\s-]", words)[-1]
        value = WORD_VALUES[last]
        ordinal = ORDINALS[value] if value < 20 else last[:-1] + "ieth"
        text = words[: len(words) - len(last)] + ordinal
        quantity = parse_quantity(f"the {text} largest")
        assert (quantity.amount, quantity.unit) == (number, "place")

    @pytest.mark.parametrize(
        ("text", "amount"),
        [("a dozen people", 12), ("two dozen people", 24), ("a hundred people", 100)],
    )
    def test_quantity_words(self, text: str, amount: int) -> None:
        """Quantities also read "dozen" and a leading "a"."""
        assert parse_quantity(text).amount == amount

    def test_support_words(self) -> None:
        """Quotes count ordinals and scale suffixes after digits, in every run of words."""
        assert {2.0, 25.0} <= numbers_in("the second summons, twenty-five days later")
        assert {9_000.0, 2e9} <= numbers_in("9k views, 2bn dollars")

    def test_counts(self) -> None:
        """Relative times count with the cardinals up to twelve, and vague counts."""
        assert {word: COUNTS[word] for word in CARDINALS[:13]} == dict(
            zip(CARDINALS[:13], range(13), strict=True)
        )
        assert "thirteen" not in COUNTS
        assert COUNTS["a few"] == 3

    def test_months_shared(self) -> None:
        """A quote names a month by the names time parsing reads."""
        assert MONTHS["sept"] == MONTHS["september"] == 9
        span = parse_time("September 2016")
        for form in ("september", "sep", "sept"):
            assert date_in(span, f"in {form} 2016")
        assert not date_in(span, "in october 2016")
