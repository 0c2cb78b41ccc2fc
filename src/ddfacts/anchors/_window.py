"""The one passage where the landmarks map an anchor that nothing else could place.

Two trusted landmarks, one before an anchor's old place and one after it, in
order in the new text, bound where its quote can be: a monotone map carries
the old text between them into the new text between them, each place shifted
by about as much as the landmarks were (between their two shifts, when the
text between them was edited).  That *window* is small.  In a text that
repeats itself, the quote with its whole context may stand in several copies
and nothing but place tells them apart; the landmarks are that place.  When
one passage in the window fits the quote between its recorded context (strong
when the quote was edited), and no other there has that context or fits nearly
as well (or, when the context changed, the quote stands there nearly intact,
long, and alone), it is the answer (:func:`in_window`), whatever
stands elsewhere.  Otherwise the anchor stays orphaned.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

import attrs

from ._decide import (
    _LONG,
    _STRONG_CONTEXT,
    Relocation,
    _content,
    answer,
    distinct,
    fits,
    rivalled,
)
from ._normalize import cached_normalize, normalized_text
from ._relocate import query
from ._search import MIN_RIVAL, Candidate, Query, align, candidate, normalized_index

if TYPE_CHECKING:
    from ._anchor import Anchor

__all__ = ["BY_WINDOW", "elsewhere", "in_window", "window"]

#: A landmark: (old start, new start, new end, index of its anchor).
Mark = tuple[int, int, int, int]

#: How far (code points) a place between two landmarks may have shifted beyond both
#: their shifts (the edits between them both inserted and deleted text).
_SHIFT_SLACK = 64
#: The widest window (code points) searched: wider, the landmarks say too little.
_WIDEST = 8192
#: How many passages resembling the quote the window may hold (more: none is placed).
_MOST = 8
#: Least quote similarity of a passage placed without its context, when the quote is at
#: least ``_decide._LONG`` code points (a shorter one may stand in another sentence near
#: its deleted one).  Passages fit alike, and an edited quote's context is strong, as
#: :mod:`._decide` says (:func:`._decide.rivalled`, ``_STRONG_CONTEXT``).
_NEARLY = 0.95
BY_WINDOW = (
    "the one passage that fits the quote and its context where the anchors around it map, "
    "between them and shifted as they were"
)
ELSEWHERE = (
    "the anchors around it map it elsewhere, and what was found here is not the quote with "
    "its recorded context standing alone"
)


def window(
    anchor: Anchor, marks: list[Mark], ends: list[int], length: int
) -> tuple[int, int] | None:
    """The span of a new text of *length* code points where *anchor*'s quote must now
    stand, by the trusted *marks* (sorted by old start; ``ends[i]`` is where the quote
    of ``marks[i]`` ended in the old text) around it.

    The quote starts at or after the landmark before it, and after its end when their
    old quotes did not overlap (one passage cannot hold two places of the old text);
    it ends before the landmark after it when their old quotes did not overlap, else
    no later than that landmark when it ended no later in the old text.  Its start and
    end shifted by as much as theirs, give or take :data:`_SHIFT_SLACK`.  None when it
    is not between two landmarks, when they are out of order (a block moved between
    them), or when the quote's possible starts span more than :data:`_WIDEST`.
    """
    i = bisect_right(marks, (anchor.start, length + 1))
    if not 0 < i < len(marks):
        return None
    before, after = marks[i - 1], marks[i]
    shifts = (before[1] - before[0], after[1] - after[0])
    first = before[2] if ends[i - 1] <= anchor.start else before[1]
    last = length  # when its old quote ran past the landmark after it
    if anchor.end <= ends[i]:
        last = after[1] if anchor.end <= after[0] else after[2]
    low = max(first, anchor.start + min(shifts) - _SHIFT_SLACK)
    high = min(last, anchor.end + max(shifts) + _SHIFT_SLACK)
    size = len(anchor.exact)
    if high - low < size // 2 or high - low - size > _WIDEST:
        return None
    return low, high


def _resembling(q: Query, low: int, high: int) -> list[Candidate] | None:
    """Every passage inside raw ``low..high`` that resembles the quote (quote similarity
    at least ``MIN_RIVAL``), best first; None when there are more than :data:`_MOST`."""
    n = q.norm.text
    m = len(q.quote)
    lo = normalized_index(q.norm, low)
    hi = normalized_index(q.norm, high)
    spans, complete = align(q, lo, hi, _MOST)
    if not complete:
        return None
    at = n.find(q.quote, lo, hi)
    while at != -1:
        spans.append((at, at + m))
        at = n.find(q.quote, at + 1, hi)
    found = [candidate(q, start, end, "fuzzy") for start, end in spans]
    inside = [c for c in found if c is not None and low <= c.start and c.end <= high]
    return distinct([c for c in inside if c.quote >= MIN_RIVAL])


def _supported(q: Query, c: Candidate) -> bool:
    """Whether what surrounds *c* says it is the quote: a strong context; the recorded
    context, when the quote stands there intact; or, with a weak context, the quote
    itself, at least ``_decide._LONG`` code points long and nearly intact."""
    if c.context >= _STRONG_CONTEXT or (c.context_ok and c.distance == 0):
        return True
    return len(q.quote) >= _LONG and c.quote >= _NEARLY


def _only(q: Query, found: list[Candidate]) -> Candidate | None:
    """The passage of *found* (all that resemble the quote in the window) that is the
    answer, or None: the best that fits (:func:`._decide.fits`) and is supported
    (:func:`_supported`), when no other has the recorded context or fits nearly as well,
    and none at all resembles the quote when the answer's context changed."""
    fitting = sorted((c for c in found if fits(q, c)), key=lambda c: -_content(c))
    if not fitting or not _supported(q, fitting[0]):
        return None
    best = fitting[0]
    if not best.context_ok:
        return None if len(found) > 1 else best
    return None if rivalled(best, found) else best


def in_window(
    anchor: Anchor, text: str, marks: list[Mark], ends: list[int], old_length: int | None
) -> Relocation | None:
    """*anchor* placed in the window the landmarks map it to (:func:`window`) when one
    passage there is clearly its quote (:func:`_only`); else None.

    Time: O(w * ceil(m / 64)) for a window of w <= :data:`_WIDEST` code points and a
    quote of m, plus one ``str.find`` scan of the window.
    """
    where = window(anchor, marks, ends, len(text))
    if where is None:
        return None
    q = query(anchor, text, old_length, (where[0] + where[1]) // 2)
    found = _resembling(q, *where)
    best = None if found is None else _only(q, found)
    if found is None or best is None:
        return None
    return attrs.evolve(answer(q, best, found, BY_WINDOW), method="landmarks")


def _certain(found: Relocation, text: str) -> bool:
    """Whether *found* is the quote itself, unedited, its recorded context supporting it
    (strong, or the quote stands nowhere else in *text*), and no other passage weighed
    has the recorded context or fits nearly as well (:func:`._decide.rivalled`): what
    can be trusted where the landmarks say nothing."""
    best = next((c for c in found.candidates if c.start == found.start), None)
    if found.distance != 0 or best is None or not best.context_ok:
        return False
    quote = normalized_text(found.original.exact)
    norm = cached_normalize(text).text
    first = norm.find(quote)
    once = first != -1 and norm.find(quote, first + 1) == -1
    if best.context < _STRONG_CONTEXT and not once:
        return False
    return not rivalled(best, list(found.candidates))


def elsewhere(
    anchor: Anchor,
    found: Relocation,
    text: str,
    marks: list[Mark],
    ends: list[int],
    old_length: int | None,
    contested: bool = False,
) -> bool:
    """Whether *found*, an answer for *anchor* given by its quote and context (not by the
    landmarks' map), contradicts the trusted *marks* around it: it lies outside the window
    they map the anchor to (:func:`window`), and either something resembling the quote,
    its surroundings saying it is the quote (:func:`_supported`), stands in that window
    (the passage is still where the map puts it: the answer is a copy; a weak look-alike
    with a foreign context does not count) or the answer is not certain by itself (the
    quote unedited with a strong context: a passage moved away, its landmarks with it).
    In a text that repeats itself, a copy of a deleted or edited passage stands
    elsewhere.  When *contested*
    (the quote with its whole context stands once, on a passage another anchor's quote
    and context claim too), only the window may hold the answer.

    Time: O(w * ceil(m / 64)) for a window of w <= :data:`_WIDEST` code points, only for
    an answer outside it.
    """
    if found.start is None or found.end is None:
        return False
    where = window(anchor, marks, ends, len(text))
    if where is not None and where[0] <= found.start and found.end <= where[1]:
        return False
    if contested or where is None:
        return contested
    if not _certain(found, text):
        return True
    q = query(anchor, text, old_length, (where[0] + where[1]) // 2)
    near = _resembling(q, *where)
    return near is None or any(_supported(q, c) for c in near)
