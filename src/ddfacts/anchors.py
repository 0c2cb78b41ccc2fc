"""Anchors: cite a span of a text by position, quote and context.

Offsets are code points of the text exactly as stored (Python ``str``
indices).  An anchor is redundant on purpose: ``start``/``end``, the
``exact`` quote, and up to 32 code points of ``prefix``/``suffix`` context.
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["CONTEXT_LENGTH", "Anchor"]

#: How many code points of context ``prefix`` and ``suffix`` hold at most.
CONTEXT_LENGTH = 32


def _context(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{attribute.name} must be a string, got {value!r}")
    if len(value) > CONTEXT_LENGTH:
        raise ValueError(
            f"{attribute.name} holds {len(value)} code points; at most {CONTEXT_LENGTH} are kept"
        )


@attrs.frozen(kw_only=True)
class Anchor:
    """Where a quote stands in a text: ``text[start:end] == exact``.

    .. versionadded:: 0.1.0
    """

    #: First code point of the quote.
    start: int = attrs.field(validator=[attrs.validators.instance_of(int), attrs.validators.ge(0)])
    #: One past the last code point of the quote.
    end: int = attrs.field(validator=attrs.validators.instance_of(int))
    #: The quote, exactly as the text has it.
    exact: str = attrs.field(validator=attrs.validators.instance_of(str))
    #: Up to 32 code points just before the quote.
    prefix: str = attrs.field(default="", validator=_context)
    #: Up to 32 code points just after the quote.
    suffix: str = attrs.field(default="", validator=_context)

    def __attrs_post_init__(self) -> None:
        if isinstance(self.start, bool) or isinstance(self.end, bool):
            raise TypeError("start and end must be integers")
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        if self.end - self.start != len(self.exact):
            raise ValueError(
                f"the quote has {len(self.exact)} code points but the span "
                f"{self.start}..{self.end} has {self.end - self.start}"
            )
        if not self.exact:
            raise ValueError("the quote must not be empty")

    def verify(self, text: str) -> bool:
        """Whether the quote stands at its offsets in *text*."""
        return text[self.start : self.end] == self.exact
