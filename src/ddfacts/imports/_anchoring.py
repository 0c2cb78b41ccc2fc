"""Anchoring an annotation's selectors in its source's text: by position, else by quote."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any, Literal

from ..anchors import CONTEXT_LENGTH, Anchor

__all__ = ["Anchoring", "OffsetUnit", "SplitCharacter", "Utf16Index", "readings"]

#: How a TextPositionSelector counts: ``codepoints``, ``utf16``, or ``auto`` (try both).
OffsetUnit = Literal["auto", "codepoints", "utf16"]


def readings(hypothesis: bool, offsets: OffsetUnit) -> tuple[str, ...]:
    """The units to read a position in, in order: the Hypothesis client counts UTF-16."""
    if offsets != "auto":
        return (offsets,)
    return ("utf16", "codepoints") if hypothesis else ("codepoints", "utf16")


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class SplitCharacter(ValueError):
    """A UTF-16 offset falls between the two halves of a surrogate pair."""


class Utf16Index:
    """UTF-16 offsets of one text to code points, in logarithmic time (built once, linearly)."""

    def __init__(self, text: str) -> None:
        #: The UTF-16 offset of each character outside the Basic Multilingual Plane.
        self._starts = [
            match.start() + number for number, match in enumerate(_ASTRAL.finditer(text))
        ]
        self._length = len(text)

    def code_point(self, offset: int) -> int:
        """The code-point index of UTF-16 *offset*.

        Raises:
            SplitCharacter: *offset* falls inside a surrogate pair.
            ValueError: *offset* is negative or past the end.
        """
        before = bisect_left(self._starts, offset)
        if before and self._starts[before - 1] + 1 == offset:
            raise SplitCharacter(
                f"UTF-16 offset {offset} falls inside the surrogate pair of the character "
                f"at code point {self._starts[before - 1] - (before - 1)}"
            )
        index = offset - before
        if not 0 <= index <= self._length:
            raise ValueError(f"UTF-16 offset {offset} is outside the text")
        return index


def _span(
    text: str, position: dict[str, Any], unit: str, utf16: Utf16Index
) -> tuple[int, int] | None:
    """The position's span in code points of *text*, read in *unit*; None if it does not fit.

    Raises:
        SplitCharacter: read as UTF-16, the position splits a character.
    """
    start, end = position.get("start"), position.get("end")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
        return None
    assert isinstance(start, int) and isinstance(end, int)
    if unit == "utf16":
        try:
            start, end = utf16.code_point(start), utf16.code_point(end)
        except SplitCharacter:
            raise
        except ValueError:
            return None
    if not 0 <= start < end <= len(text):
        return None
    return start, end


class Anchoring:
    """Anchors one annotation's selectors in a text; says how, or why not."""

    def __init__(
        self, text: str, selectors: dict[str, dict[str, Any]], utf16: Utf16Index | None = None
    ) -> None:
        self.text = text
        self.utf16 = utf16 if utf16 is not None else Utf16Index(text)
        #: Why a reading of the position was refused (it splits a character), if one was.
        self.split: str | None = None
        quote = selectors.get("TextQuoteSelector", {})
        self.exact = quote.get("exact") if isinstance(quote.get("exact"), str) else None
        self.prefix = str(quote.get("prefix") or "")[-CONTEXT_LENGTH:]
        self.suffix = str(quote.get("suffix") or "")[:CONTEXT_LENGTH]
        self.position = selectors.get("TextPositionSelector")

    def _read(self, unit: str) -> tuple[int, int] | None:
        """The position read in *unit*; None, noting why, when it splits a character."""
        try:
            return _span(self.text, self.position or {}, unit, self.utf16)
        except SplitCharacter as error:
            self.split = str(error)
            return None

    def by_position(self, units: tuple[str, ...]) -> tuple[Anchor, str] | None:
        """The anchor at the position, read in the first unit that fits the quote; and how.

        Without a quote to check it by, a position is only read in the first
        unit: another reading would be a guess (a UTF-16 position that splits
        a character is refused, never shifted).
        """
        if self.position is None:
            return None
        for unit in units if self.exact is not None else units[:1]:
            span = self._read(unit)
            if span is None:
                continue
            found = self.text[span[0] : span[1]]
            if self.exact is None or found == self.exact:
                words = "UTF-16 code units" if unit == "utf16" else "code points"
                return Anchor.from_span(self.text, *span), f"by position in {words}"
        return None

    def by_quote(self, units: tuple[str, ...]) -> tuple[Anchor | None, str]:
        """The quote re-anchored near the position and how; or None and why not."""
        if not self.exact:
            if self.split is not None:
                return (
                    None,
                    f"the annotation has no quote, and its position is refused: {self.split}",
                )
            return None, "the annotation has no quote, and its position does not fit the text"
        hint = 0
        for unit in units:
            span = self._read(unit)
            if span is not None:
                hint = span[0]
                break
        guess = Anchor(
            start=hint,
            end=hint + len(self.exact),
            exact=self.exact,
            prefix=self.prefix,
            suffix=self.suffix,
        )
        found = guess.relocate(self.text)
        anchor = found.anchor(self.text)
        if anchor is None:
            return None, f"the quote cannot be placed in the text: {found.reason}"
        return anchor, f"re-anchored by quote ({found.method}, score {found.score:.2f})"

    def anchor(self, units: tuple[str, ...]) -> tuple[Anchor | None, str]:
        """By position if it fits, else by quote: the anchor (or None) and how (or why not)."""
        placed = self.by_position(units)
        return placed if placed is not None else self.by_quote(units)
