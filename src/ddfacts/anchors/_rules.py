"""The rules of an anchor: its span is exactly as long as its quote, and the quote stands there.

A rule is a plain function of raw values that returns what is wrong, as a
sentence, or None when the rule holds.  :class:`~ddfacts.anchors.Anchor`
raises ValueError with that sentence; validation reports it as a located
problem (``meaning.anchor-span``); the fast validation pass only asks
whether it holds.  This module imports nothing of ddfacts, so the Anchor
class and validation can both import it.
"""

from __future__ import annotations

__all__ = ["anchor_in_text", "anchor_span"]


def anchor_span(start: float, end: float, exact: str) -> str | None:
    """``start <= end`` and ``end - start`` is the quote's length in code points."""
    if end < start:
        return f"end {end} is before start {start}"
    if end - start != len(exact):
        return (
            f"the quote has {len(exact)} code points but the span {start}..{end} has "
            f"{end - start}; expected end - start == the quote's length"
        )
    return None


def anchor_in_text(start: int, end: int, exact: str, text: str) -> str | None:
    """None when the quote stands at its offsets in *text*, else the code that says why not.

    ``anchor.out-of-range`` when the span runs past the end of the text,
    ``anchor.mismatch`` when the text there reads otherwise.  Validation asks
    it of a statement, ``check`` of a claim's evidence; each words its own message.
    """
    if end > len(text) or start > len(text):
        return "anchor.out-of-range"
    if text[start:end] != exact:
        return "anchor.mismatch"
    return None
