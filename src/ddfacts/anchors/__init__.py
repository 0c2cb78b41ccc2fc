"""Anchors: cite a span of a text by position, quote and context.

Offsets are code points of the text exactly as stored (Python ``str``
indices).  An anchor is redundant on purpose: ``start``/``end``, the
``exact`` quote, and up to 32 code points of ``prefix``/``suffix`` context.
"""

from __future__ import annotations

from ._anchor import (
    CONTEXT_LENGTH,
    Anchor,
    occurrence_of,
    statement_id,
)

__all__ = [
    "CONTEXT_LENGTH",
    "Anchor",
    "occurrence_of",
    "statement_id",
]
