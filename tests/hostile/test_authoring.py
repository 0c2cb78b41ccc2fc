"""Hostile input to ddfacts.authoring: huge, repetitive and malformed texts and quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddfacts.authoring import AmbiguousQuoteError, Document
from ddfacts.authoring._quotes import MAX_COUNTED, MAX_QUOTE_CHARS, locate
from ddfacts.errors import TextStoreError

from ._timing import assert_near_linear


def test_repetitive_text_is_scanned_in_linear_time() -> None:
    """A quote of repeated letters in a text of the same letter stays near-linear."""

    def make(size: int) -> object:
        text = "a" * size + "b"
        return lambda: locate(text, "a" * 50 + "b")

    assert_near_linear(make, 20_000)


def test_occurrences_are_counted_up_to_a_bound() -> None:
    """A quote occurring a million times is refused after MAX_COUNTED, listing ten."""
    with pytest.raises(AmbiguousQuoteError) as caught:
        locate("ab" * 1_000_000, "ab")
    assert len(caught.value.starts) == MAX_COUNTED
    assert f"at least {MAX_COUNTED} times" in str(caught.value)
    assert str(caught.value).count("\n  occurrence=") == 10


def test_long_and_empty_quotes_are_refused() -> None:
    """A quote longer than the bound, or blank, is a ValueError, not a scan."""
    text = "x" * (MAX_QUOTE_CHARS + 10)
    with pytest.raises(ValueError, match="cite at most"):
        locate(text, text[:-1])
    with pytest.raises(ValueError, match="non-empty"):
        locate(text, "  ")


def test_after_out_of_range_and_bad_types() -> None:
    """after= outside the text, or of the wrong type, is refused with a sentence."""
    with pytest.raises(ValueError, match="not an offset"):
        locate("abc", "b", after=10)
    with pytest.raises(TypeError):
        locate("abc", "b", after=1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="positive integer"):
        locate("abc", "b", occurrence=0)


@pytest.mark.parametrize(
    "data",
    [b"\xef\xbb\xbfbom", b"\xff\xfe\x00binary\x00", "caf\u00e9".encode("cp1252")],
)
def test_non_utf8_files_are_refused(tmp_path: Path, data: bytes) -> None:
    """A BOM, a binary or a legacy encoding is a TextStoreError naming the file."""
    path = tmp_path / "in.txt"
    path.write_bytes(data)
    with pytest.raises(TextStoreError, match=r"in\.txt"):
        Document.from_file(path, id="source:x")


def test_control_characters_in_context_do_not_break_the_message() -> None:
    """Newlines in the listed context are shown as spaces: one line per occurrence."""
    with pytest.raises(AmbiguousQuoteError) as caught:
        locate("x\ny\nx\n", "x")
    assert len(str(caught.value).splitlines()) == 3


def test_suggest_scans_hostile_texts_in_linear_time() -> None:
    """Long runs of digits, capitals, commas and open quotes keep the scan near-linear."""
    import ddfacts
    from ddfacts.suggest import suggest

    def make(size: int) -> object:
        text = ("1,2,3 May May A, B C D, the x of Y \u201c" * size)[: size * 20]
        return lambda: suggest(ddfacts.FactSet(), {"t": text})

    assert_near_linear(make, 20)
