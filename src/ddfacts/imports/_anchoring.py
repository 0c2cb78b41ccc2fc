"""Anchoring an annotation's selectors in its source's text: by position, else by quote."""

from __future__ import annotations

from typing import Any, Literal

from ..anchors import CONTEXT_LENGTH, Anchor
from ..offsets import from_utf16

__all__ = ["Anchoring", "OffsetUnit", "readings"]

#: How a TextPositionSelector counts: ``codepoints``, ``utf16``, or ``auto`` (try both).
OffsetUnit = Literal["auto", "codepoints", "utf16"]


def readings(hypothesis: bool, offsets: OffsetUnit) -> tuple[str, ...]:
    """The units to read a position in, in order: the Hypothesis client counts UTF-16."""
    if offsets != "auto":
        return (offsets,)
    return ("utf16", "codepoints") if hypothesis else ("codepoints", "utf16")


def _span(text: str, position: dict[str, Any], unit: str) -> tuple[int, int] | None:
    """The position's span in code points of *text*, read in *unit*; None if it does not fit."""
    start, end = position.get("start"), position.get("end")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
        return None
    assert isinstance(start, int) and isinstance(end, int)
    try:
        if unit == "utf16":
            start, end = from_utf16(text, start), from_utf16(text, end)
    except ValueError:
        return None
    if not 0 <= start < end <= len(text):
        return None
    return start, end


class Anchoring:
    """Anchors one annotation's selectors in a text; says how, or why not."""

    def __init__(self, text: str, selectors: dict[str, dict[str, Any]]) -> None:
        self.text = text
        quote = selectors.get("TextQuoteSelector", {})
        self.exact = quote.get("exact") if isinstance(quote.get("exact"), str) else None
        self.prefix = str(quote.get("prefix") or "")[-CONTEXT_LENGTH:]
        self.suffix = str(quote.get("suffix") or "")[:CONTEXT_LENGTH]
        self.position = selectors.get("TextPositionSelector")

    def by_position(self, units: tuple[str, ...]) -> tuple[Anchor, str] | None:
        """The anchor at the position, read in the first unit that fits the quote; and how."""
        if self.position is None:
            return None
        for unit in units:
            span = _span(self.text, self.position, unit)
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
            return None, "the annotation has no quote, and its position does not fit the text"
        hint = 0
        for unit in units:
            span = _span(self.text, self.position or {}, unit)
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
