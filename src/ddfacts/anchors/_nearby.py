"""The passages near the place where a quote is expected, found by one window scan.

Nearness decides alone (:func:`._decide.by_position`) only when every other
passage resembling the quote within its reach, four times the answer's move
plus 64 code points, lies in the window scanned, and the window holds no more
than ``MAX_PER_WINDOW`` of them.  The usual window reaches a thousand code
points (plus twice the quote) either side.  Where the anchors around a quote
mapped where it must be (:mod:`._landmarks`) and the nearest fitting passage
moved too far for that window to weigh it, one wider window is scanned, just
wide enough, when it stays within the span the landmarks bound (and
:data:`WIDEST`): the cost of a scan is linear in its width, and the search of
the whole text is left for what no window decides.
"""

from __future__ import annotations

from ._decide import by_position, distinct, needed_radius
from ._search import (
    LONG_QUOTE,
    MAX_PER_WINDOW,
    Candidate,
    Query,
    align,
    candidate,
    nearest,
    normalized_index,
)

__all__ = ["WIDEST", "around", "local"]

#: Code points either side of the expected place (plus twice the quote, up to
#: ``LONG_QUOTE``) scanned, unless the landmarks say how far to look.
_LOCAL_RADIUS = 1000
#: The widest radius (code points) scanned around a mapped place: wider, the whole text.
WIDEST = 8192


def local(q: Query, radius: int | None = None) -> tuple[int, list[Candidate]]:
    """Every passage resembling the quote within *radius* of the expected place (by
    default :data:`_LOCAL_RADIUS` plus twice the quote), and how near: the radius that
    was scanned completely, else 0."""
    m = len(q.quote)
    if radius is None:
        radius = _LOCAL_RADIUS + 2 * min(m, LONG_QUOTE)
    at = normalized_index(q.norm, q.expected)
    # An exact occurrence near the expected place needs only a small window to rule
    # out rivals (see by_position: four times its move, plus 64).
    after = q.norm.text.find(q.quote, at, at + radius + m)
    before = q.norm.text.rfind(q.quote, max(0, at - radius), at + m)
    moves = [abs(i - at) for i in (after, before) if i != -1]
    if moves:
        radius = min(radius, 6 * min(moves) + 120 + m)
        if 5 * min(moves) + 64 < m // 2:
            # Any rival within reach would overlap this occurrence: no window to align
            # (which would cost O(m * m / 64) for a long quote).
            near = after if after != -1 and abs(after - at) == min(moves) else before
            only = candidate(q, near, near + m, "normalized")
            if only is not None:
                return radius, [only]
    lo = max(0, at - radius)
    hi = at + radius + m + m // 4 + 8
    spans, complete = align(q, lo, hi, MAX_PER_WINDOW)
    # The scan keeps one match per half quote; exact ones in the window all count.
    exact: list[int] = []
    start = q.norm.text.find(q.quote, lo, hi)
    while start != -1:
        exact.append(start)
        start = q.norm.text.find(q.quote, start + 1, hi)
    spans += [(start, start + m) for start in nearest(exact, at)]
    found: list[Candidate] = []
    for span in dict.fromkeys(spans):
        c = candidate(q, span[0], span[1], "fuzzy")
        if c is not None:
            found.append(c)
    return (radius if complete else 0), found


def _wider(q: Query, ranked: list[Candidate], bracket: tuple[int, int] | None) -> int | None:
    """The radius of one more scan around a mapped place, after the usual one did not
    decide: wide enough for nearness to weigh the nearest fitting passage of *ranked*
    (:func:`._decide.needed_radius`), when that stays within *bracket* (the raw span the
    landmarks bound, plus the quote) and :data:`WIDEST`; else None (widening cannot help,
    or would search too far)."""
    if not q.mapped or bracket is None:
        return None
    need = needed_radius(q, ranked)
    cover = max(q.expected - bracket[0], bracket[1] - q.expected) + len(q.quote)
    usual = _LOCAL_RADIUS + 2 * min(len(q.quote), LONG_QUOTE)
    if need is None or not usual < need <= min(cover, WIDEST):
        return None
    return need


def around(
    q: Query, bracket: tuple[int, int] | None = None
) -> tuple[list[Candidate], list[Candidate], Candidate | None]:
    """The passages found near the expected place, the same best first without overlaps,
    and the one nearness chooses (:func:`._decide.by_position`) or None.

    The usual window (:func:`local`); for a mapped place, when it did not decide, one
    wide enough for nearness to weigh the nearest fitting passage (:func:`_wider`).
    Undecided, the usual window's passages are returned.

    Time: O(w * ceil(m / 64)) word operations for a quote of m code points and the
    widest window scanned, w <= 2 * (:data:`WIDEST` + m), plus its ``str.find`` scans.
    """
    reach, found = local(q)
    ranked = distinct(found)
    near = by_position(q, ranked, reach)
    if near is not None:
        return found, ranked, near
    # A crowded window (reach 0: too many passages resemble the quote) stays undecided.
    wide = _wider(q, ranked, bracket) if reach else None
    if wide is not None:
        reach, wider = local(q, wide)
        ranked_wide = distinct(wider)
        near = by_position(q, ranked_wide, reach)
        if near is not None:
            return wider, ranked_wide, near
    return found, ranked, None
