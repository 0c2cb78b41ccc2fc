"""Tests for ddfacts.anchors: making anchors, verifying them, default statement ids."""

from __future__ import annotations

import pytest
from hypothesis import given

from ddfacts import Anchor, QuoteNotFoundError, Statement
from ddfacts.anchors import occurrence_of, statement_id
from ddfacts.records._fields import is_id
from ddfacts.strategies._anchors import anchors_in_text, statements

TEXT = "The embassy has 2,400 followers. Later the embassy had 12,400 followers."


class TestFromSpan:
    def test_quote_and_context(self) -> None:
        """from_span keeps the span as the quote and up to 32 code points each side."""
        anchor = Anchor.from_span(TEXT, 16, 31)
        assert (anchor.exact, anchor.prefix, anchor.suffix) == (
            "2,400 followers",
            "The embassy has ",
            ". Later the embassy had 12,400 f",
        )

    @pytest.mark.parametrize(("start", "end"), [(3, 3), (5, 2), (-1, 4), (0, 999)])
    def test_bad_span(self, start: int, end: int) -> None:
        """Empty, reversed or out-of-text spans are refused."""
        with pytest.raises(ValueError, match="empty or not inside"):
            Anchor.from_span(TEXT, start, end)

    @given(anchors_in_text())
    def test_verifies(self, case: tuple[str, Anchor]) -> None:
        """An anchor made by from_span verifies against its text."""
        text, anchor = case
        assert anchor.verify(text)


class TestFromQuote:
    def test_first_occurrence(self) -> None:
        """By default the first occurrence is taken."""
        assert Anchor.from_quote(TEXT, "embassy").start == 4

    def test_second_occurrence(self) -> None:
        """occurrence=2 takes the second place the quote stands."""
        assert Anchor.from_quote(TEXT, "embassy", occurrence=2).start == 43

    def test_absent(self) -> None:
        """A quote that is not in the text raises QuoteNotFoundError."""
        with pytest.raises(QuoteNotFoundError, match="'9,000' is not in the text"):
            Anchor.from_quote(TEXT, "9,000")

    def test_missing_occurrence(self) -> None:
        """Asking for an occurrence past the last one says how many there are."""
        with pytest.raises(QuoteNotFoundError, match=r"occurs 2 times.*no occurrence 3"):
            Anchor.from_quote(TEXT, "embassy", occurrence=3)

    @pytest.mark.parametrize("occurrence", [0, -1])
    def test_bad_occurrence(self, occurrence: int) -> None:
        """Occurrences count from 1."""
        with pytest.raises(ValueError, match="positive integer"):
            Anchor.from_quote(TEXT, "embassy", occurrence=occurrence)


class TestVerify:
    def test_changed_text(self) -> None:
        """An anchor does not verify once the text at its offsets changed."""
        anchor = Anchor.from_quote(TEXT, "2,400 followers")
        assert not anchor.verify("X" + TEXT)


class TestOccurrenceOf:
    def test_counts(self) -> None:
        """occurrence_of says which occurrence an anchor is, and how many there are."""
        anchor = Anchor.from_quote(TEXT, "followers", occurrence=2)
        assert occurrence_of(TEXT, anchor) == (2, 2)


class TestStatementId:
    def test_unique_quote(self) -> None:
        """A unique quote gives the slug of its first words."""
        anchor = Anchor.from_quote(TEXT, "Later the embassy had 12,400 followers.")
        assert statement_id("source:demo", TEXT, anchor) == (
            "statement:demo/later-the-embassy-had-12-400"
        )

    def test_repeated_quote(self) -> None:
        """A quote that occurs more than once gets its occurrence number."""
        anchor = Anchor.from_quote(TEXT, "embassy", occurrence=2)
        assert statement_id("source:demo", TEXT, anchor) == "statement:demo/embassy-2"

    def test_apostrophes_dropped(self) -> None:
        """Apostrophes, straight or curly, do not split words."""
        text = "He\u2019s no bot, but Russia's media guy"
        anchor = Anchor.from_span(text, 0, len(text))
        assert statement_id("source:r", text, anchor) == "statement:r/hes-no-bot-but-russias-media"

    def test_no_latin_letters(self) -> None:
        """A Cyrillic quote is romanized; one with no letters to read gets a hash slug."""
        text = "Посольство России"
        anchor = Anchor.from_span(text, 0, len(text))
        assert statement_id("source:r", text, anchor) == "statement:r/posolstvo-rossii"
        text = "俄罗斯大使馆"
        anchor = Anchor.from_span(text, 0, len(text))
        assert statement_id("source:r", text, anchor).startswith("statement:r/q")

    @given(statements())
    def test_always_valid(self, case: tuple[str, Statement]) -> None:
        """The default id is always a well-formed statement id."""
        _, statement = case
        assert is_id(statement.id, "statement")
