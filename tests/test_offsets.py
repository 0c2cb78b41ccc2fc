"""Tests for ddfacts.offsets: code points to and from UTF-16 units and UTF-8 bytes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ddfacts.offsets import from_utf8, from_utf16, to_utf8, to_utf16

#: "a", an emoji outside the BMP (2 UTF-16 units, 4 bytes), "é" (2 bytes), "b".
TEXT = "a\U0001f600\u00e9b"


class TestToUtf16:
    def test_counts_surrogate_pairs(self) -> None:
        """A character outside the BMP counts two UTF-16 code units."""
        assert [to_utf16(TEXT, i) for i in range(5)] == [0, 1, 3, 4, 5]

    def test_refuses_out_of_range(self) -> None:
        """An index past the end is a ValueError."""
        with pytest.raises(ValueError, match="outside the text"):
            to_utf16(TEXT, 5)


class TestFromUtf16:
    def test_maps_back(self) -> None:
        """Each UTF-16 boundary maps back to its code point."""
        assert [from_utf16(TEXT, u) for u in (0, 1, 3, 4, 5)] == [0, 1, 2, 3, 4]

    def test_refuses_inside_surrogate_pair(self) -> None:
        """An offset between the halves of a surrogate pair is refused."""
        with pytest.raises(ValueError, match="surrogate pair"):
            from_utf16(TEXT, 2)

    @pytest.mark.parametrize("offset", [-1, 6])
    def test_refuses_out_of_range(self, offset: int) -> None:
        """Negative offsets and offsets past the end are refused."""
        with pytest.raises(ValueError):
            from_utf16(TEXT, offset)


class TestToUtf8:
    def test_counts_bytes(self) -> None:
        """Code points count 1 to 4 bytes as UTF-8 encodes them."""
        assert [to_utf8(TEXT, i) for i in range(5)] == [0, 1, 5, 7, 8]


class TestFromUtf8:
    def test_maps_back(self) -> None:
        """Each character boundary in bytes maps back to its code point."""
        assert [from_utf8(TEXT, b) for b in (0, 1, 5, 7, 8)] == [0, 1, 2, 3, 4]

    @pytest.mark.parametrize("offset", [2, 3, 4, 6])
    def test_refuses_inside_a_character(self, offset: int) -> None:
        """A byte offset inside a multi-byte character is refused."""
        with pytest.raises(ValueError, match="inside the bytes"):
            from_utf8(TEXT, offset)

    def test_refuses_past_end(self) -> None:
        """A byte offset past the end is refused."""
        with pytest.raises(ValueError, match="past the end"):
            from_utf8(TEXT, 9)


class TestRoundTrips:
    @given(st.text(), st.data())
    def test_utf16_round_trip(self, text: str, data: st.DataObject) -> None:
        """from_utf16(to_utf16(i)) is i and agrees with the UTF-16 encoding's length."""
        index = data.draw(st.integers(0, len(text)))
        units = to_utf16(text, index)
        assert units == len(text[:index].encode("utf-16-le", "surrogatepass")) // 2
        assert from_utf16(text, units) == index

    @given(st.text(), st.data())
    def test_utf8_round_trip(self, text: str, data: st.DataObject) -> None:
        """from_utf8(to_utf8(i)) is i."""
        index = data.draw(st.integers(0, len(text)))
        assert from_utf8(text, to_utf8(text, index)) == index
