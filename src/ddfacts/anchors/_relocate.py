"""Re-anchoring: find an anchor's quote in a changed text, or say it is orphaned.

The order (DESIGN decision 2): the recorded position; the exact quote and
its normalized form (several occurrences are told apart by context, then by
nearness to the old position); then an approximate match, found from exact
seed pieces of the quote and aligned by edit distance.  Every candidate gets
a score from its quote similarity, its context similarity and its nearness;
the best answers only when its quote is close enough, its context supports
it, and it beats the runner-up by a clear margin.  Otherwise: orphaned.

A candidate whose digits differ from the quote's is never taken: moving a
citation of "12,400 followers" onto "2,400 followers" would change what it says.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from ._decide import (
    BY_POSITION,
    MARGIN,
    Relocation,
    RelocationMethod,
    answer,
    by_position,
    decide,
    distinct,
    fits,
    orphan,
    unrivalled,
)
from ._nearby import around
from ._normalize import cached_normalize, normalized_text
from ._search import (
    DIGITS,
    Candidate,
    Occurrences,
    Query,
    candidate,
    fuzzy,
    normalized_index,
    occurrences,
)

if TYPE_CHECKING:
    from ._anchor import Anchor

__all__ = ["MARGIN", "Candidate", "Relocation", "RelocationMethod", "relocate"]

#: Exact occurrences farther than this from the expected place are checked against fuzzy ones.
_NEAR = 2000


def _still_there(anchor: Anchor, text: str) -> bool:
    """Whether the quote still stands at its offsets, with its context or alone in the text."""
    if not anchor.verify(text):
        return False
    before = text[max(0, anchor.start - len(anchor.prefix)) : anchor.start]
    after = text[anchor.end : anchor.end + len(anchor.suffix)]
    if before == anchor.prefix and after == anchor.suffix:
        return True
    return (
        text.find(anchor.exact) == anchor.start and text.find(anchor.exact, anchor.start + 1) == -1
    )


def _in_place(q: Query) -> Relocation:
    """The answer for a quote still at its position."""
    anchor = q.anchor
    low = normalized_index(q.norm, anchor.start)
    high = normalized_index(q.norm, anchor.end)
    here = candidate(q, low, high, "position") if high > low else None
    return Relocation(
        original=anchor,
        start=anchor.start,
        end=anchor.end,
        method="position",
        score=here.score if here else 1.0,
        distance=0,
        candidates=() if here is None else (here,),
        reason="the quote is still at its position",
    )


def _edited_in_place(q: Query, old_length: int | None) -> Relocation | None:
    """The answer for a quote edited where it stood (or None): the recorded prefix and
    suffix stand exactly at its offsets (the suffix moved by the text's change in length,
    when known) and the passage between them fits the quote.  In a text of near-copies
    nothing else tells them apart.  When the old quote still stands elsewhere, the two
    kinds of evidence disagree: orphaned."""
    anchor, text = q.anchor, q.text
    if not (anchor.prefix or anchor.suffix):
        return None
    end = anchor.end + (len(text) - old_length if old_length else 0)
    before = text[max(0, anchor.start - len(anchor.prefix)) : anchor.start]
    after = text[end : end + len(anchor.suffix)]
    if end <= anchor.start or before != anchor.prefix or after != anchor.suffix:
        return None
    low = normalized_index(q.norm, anchor.start)
    high = normalized_index(q.norm, end)
    found = candidate(q, low, high, "fuzzy") if high > low else None
    # Inside the old place (spaces at its edges may merge with the context's), and edited:
    # where the quote itself still starts (within a merged space), the exact path decides.
    if found is None or not anchor.start <= found.start < found.end <= end:
        return None
    n = q.norm.text
    if not fits(q, found) or n.find(q.quote, max(0, low - 1), low + 1 + len(q.quote)) != -1:
        return None
    if n.find(q.quote) != -1:
        reason = "the quote was edited where it stood, yet stands unchanged elsewhere too"
        return orphan(q, reason, [found])
    reason = "edited in place: the recorded context stands unchanged at the quote's offsets"
    return answer(q, found, [found], reason)


def _many(q: Query, found: Occurrences) -> Relocation:
    """When the quote occurs too often to score: by place, by unique context, or orphaned."""
    ranked = distinct(found.scored)
    near = by_position(q, ranked, None)
    if near is not None:
        return answer(q, near, ranked, BY_POSITION)
    framed = [c for c in ranked if c.context == 1.0]
    if found.framed == 1 and len(framed) == 1:
        return answer(q, framed[0], ranked, "the only occurrence with the recorded context")
    reason = f"the quote occurs {found.total} times, {found.framed} with the recorded context"
    return orphan(q, reason + "; nothing tells them apart", ranked)


def query(anchor: Anchor, new_text: str, old_length: int | None, expected: int | None) -> Query:
    """What is looked for: *anchor*'s quote and context, normalized, and where it is expected."""
    quote = normalized_text(anchor.exact)
    mapped = expected is not None
    scaled = bool(old_length) or mapped
    if expected is None:
        expected = round(anchor.start * len(new_text) / old_length) if old_length else anchor.start
    return Query(
        anchor=anchor,
        text=new_text,
        norm=cached_normalize(new_text),
        quote=quote,
        prefix=normalized_text(anchor.prefix),
        suffix=normalized_text(anchor.suffix),
        digits="".join(DIGITS.findall(quote)),
        expected=expected,
        scaled=scaled,
        mapped=mapped,
    )


def placed_at(anchor: Anchor, new_text: str, start: int, end: int, reason: str) -> Relocation:
    """The relocation of *anchor* to ``new_text[start:end]``, found by other means (a
    landmark: its quote with its whole context, once in the text), scored as a candidate."""
    q = query(anchor, new_text, None, start)
    if start == anchor.start and end == anchor.end:
        return _in_place(q)
    low = normalized_index(q.norm, start)
    high = normalized_index(q.norm, end)
    found = candidate(q, low, high, "normalized") if high > low else None
    if found is None:
        return relocate(anchor, new_text, expected=start)
    if new_text[start:end] == anchor.exact:
        # Spaces at the quote's edges fold into the context's: the raw span is the answer.
        found = attrs.evolve(found, start=start, end=end, method="exact", distance=0, quote=1.0)
    return answer(q, found, [found], reason)


def relocate(
    anchor: Anchor,
    new_text: str,
    *,
    old_length: int | None = None,
    expected: int | None = None,
    bracket: tuple[int, int] | None = None,
) -> Relocation:
    """Find *anchor*'s quote in *new_text*; see the module docstring for how.

    With *old_length* (the length of the anchor's text), the quote is expected at
    its old offset scaled by the change in length; otherwise at its old offset.
    *expected*, when given, is where the quote is expected instead (mapped by the
    anchors around it, :mod:`._landmarks`), and nearness to it counts; *bracket*
    is then the span of *new_text* those anchors bound, which the first search
    around the expected place may grow to cover (:func:`._nearby.around`).

    Time: linear in the text's length n (normalizing it, one ``str.find`` scan
    per quote and seed piece, a bounded number of occurrences scored), and
    O(w * ceil(m / 64)) word operations to align a quote of m code points in
    the windows examined, whose total length w is O(m + 1000) per window for a
    bounded number of windows.
    """
    q = query(anchor, new_text, old_length, expected)
    if not q.quote:
        return orphan(q, "the quote is only spaces or invisible characters", [])
    if _still_there(anchor, new_text):
        return _in_place(q)
    edited = _edited_in_place(q, old_length)
    if edited is not None:
        return edited
    nearby, ranked, near = around(q, bracket)
    if near is not None and q.mapped:
        # Where the landmarks mapped the place, passages elsewhere are no rivals
        # (:func:`._decide.unrivalled`): no search of the whole text.
        return answer(q, near, ranked, BY_POSITION)
    found = occurrences(q)
    approximate: list[Candidate] | None = None
    if near is not None:
        # Nearness was weighed in the window only: no passage elsewhere may fit better.
        framed = near.distance == 0 and near.context == 1.0
        approximate = None if framed else fuzzy(q)
        if unrivalled(q, near, found.scored + (approximate or [])):
            return answer(q, near, ranked, BY_POSITION)
    if found.total > len(found.scored):
        return _many(q, found)
    exact = found.scored
    ranked = distinct(exact)
    if ranked and ranked[0].context_ok and abs(ranked[0].start - q.expected) <= _NEAR:
        runner = ranked[1] if len(ranked) > 1 else None
        # An exact match comes first, unless a passage nearby that the quote was edited
        # into fits better (its context, its place).
        better = [c for c in nearby if c.score > ranked[0].score]
        if runner is None or ranked[0].score - runner.score >= MARGIN:
            return decide(q, exact + better)
    if approximate is None:
        approximate = fuzzy(q)
    return decide(q, exact + approximate)
