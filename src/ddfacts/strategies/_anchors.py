"""Hypothesis strategies for anchors and statements (re-exported by ``ddfacts.strategies``).

Needs the ``strategies`` extra (Hypothesis).  The core never imports this module.
"""

from __future__ import annotations

from hypothesis import strategies as st

from ..anchors._anchor import Anchor, statement_id
from ..records import Statement

__all__ = ["anchors_in_text", "statements", "texts"]

_ALPHABET = st.characters(
    codec="utf-8", categories=("L", "N", "P", "Zs"), include_characters="\n\u2019\u2014\U0001f600"
)


def texts(*, min_size: int = 1, max_size: int = 200) -> st.SearchStrategy[str]:
    """Texts of words, punctuation, spaces, line breaks and a few characters outside the BMP.

    Shrinks towards short texts of ``"0"``.
    """
    if min_size < 1:
        raise ValueError(
            f"min_size must be at least 1 (an anchor needs a character), got {min_size}"
        )
    return st.text(_ALPHABET, min_size=min_size, max_size=max_size)


@st.composite
def anchors_in_text(draw: st.DrawFn, text: str | None = None) -> tuple[str, Anchor]:
    """A text and an anchor on a non-empty span of it; ``anchor.verify(text)`` always holds.

    Shrinks towards a short text and a span at its start.
    """
    if text is None:
        text = draw(texts())
    elif not text:
        raise ValueError("text must not be empty: an anchor needs at least one character")
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    return text, Anchor.from_span(text, start, end)


@st.composite
def statements(draw: st.DrawFn, source: str = "source:demo") -> tuple[str, Statement]:
    """A text and a Statement anchored in it, with its default id (``statement_id``).

    Shrinks like :func:`anchors_in_text`.
    """
    text, anchor = draw(anchors_in_text())
    return text, Statement(id=statement_id(source, text, anchor), source=source, anchor=anchor)
