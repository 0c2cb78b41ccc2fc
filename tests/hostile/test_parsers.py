"""Hostile phrases for :func:`ddfacts.parse_time` and :func:`ddfacts.parse_quantity`.

Deeply nested qualifiers, figures beyond float range and long repeated words
give the parser's own error (never RecursionError, OverflowError or a
ValueError of Python's), in time linear in the phrase; the CLI prints the
error and exits 1 (``time``, ``quantity``) or 2 (``query --at``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ddfacts import QuantityParseError, TimeParseError, parse_quantity, parse_time
from ddfacts.cli import main
from ddfacts.limits import MAX_PHRASE_CHARS
from ddfacts.quantities._parse import _parse as parse_quantity_unbounded
from ddfacts.times._parse import _Budget, _read
from ddfacts.times._period import NotTime

from ._timing import assert_near_linear

DEMO = str(Path(__file__).resolve().parents[2] / "examples" / "demo" / "demo.facts.json")

#: The issue's time phrases: each crashed with RecursionError.
DEEP_TIMES = {
    "question marks": "2020" + "?" * 991,
    "about": "about " * 991 + "2020",
    "in": "in " * 991 + "2020",
    "early": "early " * 991 + "2020",
    "ranges": "2020 to " * 494 + "2020",
    "since, 99 KB": "since " * 16_500 + "2020",
}
#: The same families within the phrase limit: too deep to read, refused as such.
NESTED_TIMES = {
    "about": "about " * 82 + "2020",
    "in": "in " * 160 + "2020",
    "early": "early " * 82 + "2020",
    "ranges": "2020 to " * 61 + "2020",
    "since": "since " * 82 + "2020",
    "until": "until " * 82 + "2020",
    "the end of": "the end of " * 45 + "2020",
    "possessive adverbs": "again " * 82 + "2020",
}


def _phrase(word: str, chars: int, tail: str = "") -> str:
    """*word* repeated to about *chars* characters, then *tail*."""
    return word * max(1, (chars - len(tail)) // len(word)) + tail


class TestDeepTimes:
    """Nested qualifiers, parts and ranges in a time phrase."""

    @pytest.mark.parametrize("phrase", DEEP_TIMES.values(), ids=DEEP_TIMES.keys())
    def test_over_the_limit(self, phrase: str) -> None:
        """A phrase over MAX_PHRASE_CHARS is refused with the limit named, not read."""
        with pytest.raises(TimeParseError, match="MAX_PHRASE_CHARS") as info:
            parse_time(phrase)
        assert f"{len(phrase)} characters long" in str(info.value)
        assert len(str(info.value)) < 200  # the phrase is not echoed whole

    @pytest.mark.parametrize("phrase", NESTED_TIMES.values(), ids=NESTED_TIMES.keys())
    def test_nested_within_the_limit(self, phrase: str) -> None:
        """A phrase under the limit that nests too deep is a TimeParseError saying so."""
        assert len(phrase) <= MAX_PHRASE_CHARS
        with pytest.raises(TimeParseError, match="nests more than"):
            parse_time(phrase, dt.date(2020, 6, 1))

    def test_question_marks_are_one_reading(self) -> None:
        """A run of "?" reads as one: uncertain, whatever its length."""
        assert parse_time("2020" + "?" * (MAX_PHRASE_CHARS - 4)).edtf == "2020?"
        assert parse_time("June 2016 ? ?").edtf == "2016-06?"

    def test_real_nesting_still_reads(self) -> None:
        """The deepest real phrases read as before the bound."""
        assert parse_time("from about early June 2016 until about late 2017?").edtf == (
            "2016-06-01%/2017-12%"
        )
        assert parse_time("in in in 2020").edtf == "2020"
        assert parse_time("possibly about the very end of 2016?").edtf == "2016-~12%/2016-12%"

    def test_invalid_span_is_a_parse_error(self) -> None:
        """A reading no valid TimeSpan holds comes out as TimeParseError, not a bare ValueError."""
        try:
            parse_time("yesterday ? and 2016")
        except ValueError as error:
            assert type(error) is TimeParseError

    def test_exactly_the_limit(self) -> None:
        """A phrase of exactly MAX_PHRASE_CHARS characters is read, one more is refused."""
        phrase = " " * (MAX_PHRASE_CHARS - 4) + "2020"
        assert parse_time(phrase).edtf == "2020"
        with pytest.raises(TimeParseError, match="MAX_PHRASE_CHARS"):
            parse_time(" " + phrase)


#: The issue's quantity phrases: OverflowError, ValueError, or many seconds.
HOSTILE_QUANTITIES = {
    "400 nines": "9" * 400,
    "5,000 digits": "1" * 5000,
    "hundreds and, 99 KB": "hundreds and " * 7600,
    "parentheses, 99 KB": "(" * 99_000 + "1",
}
#: Figures beyond float range within the phrase limit.
HUGE_FIGURES = {
    "digits": "9" * 400,
    "decimal": "9" * 400 + ".5",
    "scaled": "9" * 300 + " billion followers",
    "approximate": "about " + "9" * 320 + " followers",
    "range": "between 1 and " + "9" * 400,
    "fold": "9" * 320 + "-fold",
    "ordinal": "9" * 320 + "th largest",
}


class TestQuantities:
    """Figures too large or too long, and long repeated words, in a quantity phrase."""

    @pytest.mark.parametrize("phrase", HOSTILE_QUANTITIES.values(), ids=HOSTILE_QUANTITIES.keys())
    def test_issue_phrases(self, phrase: str) -> None:
        """Each gives QuantityParseError."""
        with pytest.raises(QuantityParseError):
            parse_quantity(phrase)

    def test_over_the_limit(self) -> None:
        """A phrase over MAX_PHRASE_CHARS is refused with the limit named."""
        with pytest.raises(QuantityParseError, match="MAX_PHRASE_CHARS") as info:
            parse_quantity("1" * 5000)
        assert "5000 characters long" in str(info.value)

    @pytest.mark.parametrize("phrase", HUGE_FIGURES.values(), ids=HUGE_FIGURES.keys())
    def test_beyond_float_range(self, phrase: str) -> None:
        """A figure beyond a 64-bit float is a QuantityParseError saying so."""
        with pytest.raises(QuantityParseError, match="64-bit float"):
            parse_quantity(phrase)

    def test_largest_figures_still_read(self) -> None:
        """Figures up to float range read as before."""
        assert parse_quantity("9" * 300).amount == int("9" * 300)
        assert parse_quantity("1" + "0" * 307 + " followers").amount == 10**307
        assert parse_quantity("hundred " * 60 + "times").amount == 10**120

    def test_parentheses_within_the_limit(self) -> None:
        """Unclosed and nested parentheses read in one pass."""
        assert parse_quantity("(" * 499 + "1").amount == 1
        assert parse_quantity("followers (" + "(" * 400 + "46,600)").amount == 46_600


class TestCommandLine:
    """The CLI prints the parser's error and exits with the documented code."""

    @pytest.mark.parametrize(
        "phrase", [*DEEP_TIMES.values(), *NESTED_TIMES.values()], ids=[*DEEP_TIMES, *NESTED_TIMES]
    )
    def test_time(self, phrase: str, capsys: pytest.CaptureFixture[str]) -> None:
        """``ddfacts time`` exits 1 with one line on stderr."""
        assert main(["time", phrase]) == 1
        err = capsys.readouterr().err
        assert err.startswith("ddfacts time: ") and err.count("\n") == 1

    def test_query_at(self, capsys: pytest.CaptureFixture[str]) -> None:
        """``ddfacts query --at`` with a hostile phrase is a usage error, exit 2."""
        assert main(["query", DEMO, "--at", DEEP_TIMES["question marks"]]) == 2
        assert "--at:" in capsys.readouterr().err

    @pytest.mark.parametrize(
        "phrase",
        [*HOSTILE_QUANTITIES.values(), *HUGE_FIGURES.values()],
        ids=[*HOSTILE_QUANTITIES, *HUGE_FIGURES],
    )
    def test_quantity(self, phrase: str, capsys: pytest.CaptureFixture[str]) -> None:
        """``ddfacts quantity`` exits 1 with one line on stderr."""
        assert main(["quantity", phrase]) == 1
        err = capsys.readouterr().err
        assert err.startswith("ddfacts quantity: ") and err.count("\n") == 1


#: Repeated-word inputs for the complexity ratios: (word, tail).
TIME_WORDS = [("since ", "2020"), ("about ", "2020"), ("early ", "2020"), ("2020 to ", "2020"),
              ("in ", "2020"), ("?", ""), ("may ", ""), ("1-", "")]  # fmt: skip
QUANTITY_WORDS = [("hundreds and ", ""), ("(", "1"), ("1 ", ""), ("one ", ""), ("1st ", ""),
                  ("tens of ", ""), ("a (b ", ""), ("more than ", "9")]  # fmt: skip


def _repeatedly(call: Callable[[], object], times: int) -> Callable[[], None]:
    """*call* made *times* times, swallowing the parsers' own errors."""

    def run() -> None:
        for _ in range(times):
            with contextlib.suppress(TimeParseError, QuantityParseError, NotTime):
                call()

    return run


class TestComplexity:
    """10x the phrase takes at most 20x the time, up to the limit and, inside, beyond it."""

    @pytest.mark.parametrize(("word", "tail"), TIME_WORDS)
    def test_parse_time(self, word: str, tail: str) -> None:
        """parse_time from 50 characters to the phrase limit."""
        assert_near_linear(
            lambda n: _repeatedly(lambda: parse_time(_phrase(word, n, tail)), 150),
            MAX_PHRASE_CHARS // 10,
        )

    @pytest.mark.parametrize(("word", "tail"), QUANTITY_WORDS)
    def test_parse_quantity(self, word: str, tail: str) -> None:
        """parse_quantity from 50 characters to the phrase limit."""
        assert_near_linear(
            lambda n: _repeatedly(lambda: parse_quantity(_phrase(word, n, tail)), 150),
            MAX_PHRASE_CHARS // 10,
        )

    @pytest.mark.parametrize(("word", "tail"), TIME_WORDS)
    def test_time_reader_beyond_the_limit(self, word: str, tail: str) -> None:
        """The time reader itself (no length check) from 5,000 to 50,000 characters."""
        assert_near_linear(
            lambda n: _repeatedly(lambda: _read(_phrase(word, n, tail), None, _Budget()), 3),
            5000,
        )

    @pytest.mark.parametrize(("word", "tail"), QUANTITY_WORDS)
    def test_quantity_reader_beyond_the_limit(self, word: str, tail: str) -> None:
        """The quantity reader itself (no length check) from 5,000 to 50,000 characters."""
        assert_near_linear(
            lambda n: _repeatedly(lambda: parse_quantity_unbounded(_phrase(word, n, tail)), 3),
            5000,
        )


#: The parsers' own vocabulary, for the fuzz: words, figures, punctuation, prefixes.
VOCABULARY = (
    "about",
    "around",
    "circa",
    "possibly",
    "maybe",
    "in",
    "on",
    "the",
    "during",
    "early",
    "mid",
    "late",
    "very",
    "end",
    "beginning",
    "of",
    "since",
    "from",
    "until",
    "till",
    "between",
    "and",
    "to",
    "through",
    "by",
    "again",
    "only",
    "yesterday's",
    "today",
    "last",
    "next",
    "week",
    "month",
    "year",
    "years",
    "ago",
    "that",
    "day",
    "same",
    "summer",
    "1990s",
    "19th",
    "century",
    "june",
    "dec.",
    "9",
    "2016",
    "1945",
    "2016-11-30",
    "193x",
    "?",
    "~",
    "%",
    "/",
    "..",
    "–",
    "-",
    ",",
    "(",
    ")",
    "'s",
    "more",
    "than",
    "over",
    "under",
    "at",
    "least",
    "most",
    "nearly",
    "some",
    "hundreds",
    "thousands",
    "tens",
    "dozens",
    "millions",
    "or",
    "two",
    "hundred",
    "twenty-five",
    "a",
    "dozen",
    "9,000",
    "1.2",
    "million",
    "k",
    "bn",
    "$",
    "€",
    "%",
    "per",
    "cent",
    "percent",
    "followers",
    "people",
    "fourth",
    "largest",
    "doubled",
    "tenfold",
    "10-fold",
    "21st",
    "first",
    "place",
    "times",
    "в",
    "сентябре",
    "20",
    "сентября",
    "с.г.",
    "года",
)
#: One call may take at most this long (CPU seconds): a hang detector, not a benchmark.
HANG = 1.0


@st.composite
def phrases(draw: st.DrawFn) -> str:
    """Phrases of the vocabulary, a piece of it repeated up to the phrase limit and past it.

    Shrinks towards fewer, earlier words and fewer repeats.
    """
    words = draw(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=8))
    glue = draw(st.sampled_from([" ", "", "-", ", "]))
    repeat = draw(st.sampled_from([1, 1, 2, 5, 30, 120]))
    cut = draw(st.integers(0, len(words)))
    return glue.join(words[:cut]) + (glue.join(words[cut:]) + glue) * repeat


def _timed(call: Callable[[], object], errors: tuple[type[Exception], ...]) -> None:
    """Run *call*: only *errors* may escape, and it must not hang."""
    start = time.process_time()
    with contextlib.suppress(*errors):
        call()
    assert time.process_time() - start < HANG


class TestFuzz:
    """Only the documented errors escape, on any phrase of the parsers' vocabulary."""

    @given(phrases(), st.sampled_from([None, dt.date(2018, 2, 28)]))
    def test_parse_time(self, phrase: str, reference: dt.date | None) -> None:
        """parse_time returns a span or raises TimeParseError, quickly."""
        _timed(lambda: parse_time(phrase, reference), (TimeParseError,))

    @given(phrases())
    def test_parse_quantity(self, phrase: str) -> None:
        """parse_quantity returns a quantity or raises QuantityParseError, quickly."""
        _timed(lambda: parse_quantity(phrase), (QuantityParseError,))
