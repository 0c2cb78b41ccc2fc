"""Anchors: cite a span of a text by position, quote and context; find it again.

Offsets are code points of the text exactly as stored (Python ``str``
indices).  An anchor is redundant on purpose: ``start``/``end``, the
``exact`` quote, and up to 32 code points of ``prefix``/``suffix`` context.
When a text changes, :meth:`Anchor.relocate` finds the quote again (a
:class:`Relocation`); :func:`relocate_all` finds all the anchors of one text at once,
the certain ones guiding the others.  Re-anchoring whole records (statements and sources,
with provenance) is :mod:`ddfacts.reanchoring`'s: it builds on the records,
which build on this package.
"""

from __future__ import annotations

from ._anchor import (
    CONTEXT_LENGTH,
    Anchor,
    occurrence_of,
    statement_id,
)
from ._landmarks import relocate_all
from ._relocate import Relocation, RelocationMethod
from ._search import Candidate

__all__ = [
    "CONTEXT_LENGTH",
    "Anchor",
    "Candidate",
    "Relocation",
    "RelocationMethod",
    "occurrence_of",
    "relocate_all",
    "statement_id",
]
