"""Relocating every anchor of one text at once: the certain ones guide the others.

The anchors of one text move together.  An anchor whose quote, with its whole
recorded prefix and suffix, occurs exactly once in the new text (as stored, or
normalized) is a *landmark*: it says where one place of the old text went.
Two landmarks whose new spans overlap although their old spans do not *clash*:
one passage cannot hold two places of the old text (in a text that repeats
itself, the quote and context stood twice), so neither is trusted, and the
answer of a clashing anchor by its quote alone must lie where the landmarks
map it.  Landmarks are taken in the order of their old offsets; neighbours
whose shifts (new offset minus old) agree form a run.  A run marking
:data:`_STRONG` or more places of the old text is trusted (a block of text
moved elsewhere keeps its landmarks together); a shorter run is trusted only
when it lies, in the new text, between the trusted landmarks around it, in
order with the runs next to it (unless they are shorter), and moved as one of
those landmarks did or between their shifts.  So a landmark that contradicts
its neighbours (the passage was deleted or edited and a near-copy one period
away carries the same words and context) places nothing, even when it lies
in order between landmarks far apart.

Every other anchor is expected where the nearest trusted landmark's shift puts
it, and relocated as :meth:`Anchor.relocate <ddfacts.Anchor.relocate>` does,
nearness to that place counting whether or not the old text's length is
known; there, a quote whose own letters were edited is placed by a prefix and
suffix that match strongly, when no other passage resembling it has that
context (:func:`._decide.by_context`).  An answer that nearness or that context
decided must lie between the landmarks before and after the anchor (its
method is then ``landmarks``); otherwise, or when
those landmarks are out of order (a block moved between them), the anchor is
relocated alone, as without landmarks, save that an answer by nearness to the
old place must still start between those landmarks' new places, and an answer
outside the window they map the anchor to must be certain by itself and leave
that window empty of anything resembling the quote (:func:`._window.elsewhere`):
when the landmarks' evidence and the quote's conflict, the anchor is orphaned.  An anchor
still orphaned then is looked for in the window between those two landmarks,
shifted as they were, where one passage may be clearly its quote although
copies of it, context and all, stand elsewhere (:mod:`._window`).  When the two
landmarks moved differently, that window (a few hundred code points) is looked
in first: nearness to either place they map to would scan thousands.  Passages
elsewhere are no rivals where the landmarks mapped the place, so the whole text
is searched only when nothing near that place decides (:mod:`._nearby`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from ._decide import BY_CONTEXT, BY_POSITION, Relocation
from ._normalize import Normalized, cached_normalize, normalized_text
from ._relocate import placed_at, relocate
from ._window import ELSEWHERE, Mark, elsewhere, in_window

if TYPE_CHECKING:
    from ._anchor import Anchor

__all__ = ["relocate_all"]

#: The quote with its context must be at least this long to be a landmark.
_MIN_FRAME = 24
#: A run of this many agreeing landmarks is trusted by itself.
_STRONG = 3
#: Two neighbouring landmarks agree when their shifts differ by at most this much plus a
#: quarter of the old text between them, and never by more than :data:`_AGREE_CAP`.
_AGREE_SLACK = 16
_AGREE_CAP = 2000
#: Landmarks whose shifts differ by at most this much map the text between them alike.
_SAME_SHIFT = 8
#: How far (code points) outside the landmarks around it an answer by nearness may lie.
_BRACKET_SLACK = 64
_ELSEWHERE = "only nearness to the old place says where, and the anchors around it disagree"
_BY_LANDMARKS = "fits, and lies far nearer the place the anchors around it map to than any other"
#: The reasons of answers that rest on the place the landmarks mapped: given only when the
#: answer lies between the landmarks around it, and every place they map to gives it.
_BY_MAP = (BY_POSITION, BY_CONTEXT)


def _unique(haystack: str, needle: str) -> int:
    """Where *needle* occurs in *haystack* when it occurs exactly once, else -1."""
    at = haystack.find(needle)
    if at == -1 or haystack.find(needle, at + 1) != -1:
        return -1
    return at


def _landmark(anchor: Anchor, text: str, norm: Normalized) -> tuple[int, int] | None:
    """The new span of *anchor*'s quote when its quote and whole context occur once."""
    framed = anchor.prefix + anchor.exact + anchor.suffix
    if len(framed) < _MIN_FRAME:
        return None
    at = _unique(text, framed)
    if at != -1:
        start = at + len(anchor.prefix)
        return start, start + len(anchor.exact)
    quote = normalized_text(anchor.exact)
    at = _unique(norm.text, normalized_text(framed)) if quote else -1
    if at == -1:
        return None
    before = len(normalized_text(anchor.prefix))
    # Spaces where the context meets the quote may have merged into one.
    inner = norm.text.find(quote, at + max(0, before - 1), at + before + 1 + len(quote))
    if inner == -1:
        return None
    start, end = norm.raw_span(inner, inner + len(quote))
    # A space at the quote's edge may stand for a run of raw spaces: the raw quote inside.
    exact = text.find(anchor.exact, max(0, start - 1), end + 1)
    return (exact, exact + len(anchor.exact)) if exact != -1 else (start, end)


def _agree(a: Mark, b: Mark) -> bool:
    """Whether landmark *b*, after *a* in the old text, moved as *a* did (give or take)."""
    gap = b[0] - a[0]
    tolerance = min(_AGREE_SLACK + gap // 4, _AGREE_CAP)
    return b[1] >= a[1] and abs((b[1] - b[0]) - (a[1] - a[0])) <= tolerance


def _runs(marks: list[Mark]) -> list[list[Mark]]:
    runs: list[list[Mark]] = []
    for mark in marks:
        if runs and _agree(runs[-1][-1], mark):
            runs[-1].append(mark)
        else:
            runs.append([mark])
    return runs


def _between(run: list[Mark], before: Mark | None, after: Mark | None) -> bool:
    """Whether *run* starts, in the new text, after *before* and before *after* (ties allowed:
    anchors may overlap)."""
    if before is not None and run[0][1] < before[1]:
        return False
    return after is None or run[-1][1] <= after[1]


def _outvoted(runs: list[list[Mark]], i: int) -> bool:
    """Whether run *i* is out of order, in the new text, with a neighbouring run at least as
    long: of two short runs that contradict each other, neither is trusted over a longer."""
    run = runs[i]
    if i and runs[i - 1][-1][1] > run[0][1] and len(runs[i - 1]) >= len(run):
        return True
    return i + 1 < len(runs) and run[-1][1] > runs[i + 1][0][1] and len(runs[i + 1]) >= len(run)


def _places(run: list[Mark]) -> int:
    """How many places of the old text *run* marks (anchors on one span count once)."""
    return len({mark[0] for mark in run})


def _isolated(run: list[Mark], before: Mark | None, after: Mark | None) -> bool:
    """Whether a weak *run*, between two guide landmarks, moved unlike both: its shifts
    agree with neither (:func:`_agree`) and do not lie between theirs (give or take
    :data:`_AGREE_SLACK`), as they would if the edits between the guides moved the text
    gradually.  In a text that repeats itself, the quote and whole context of an anchor
    whose passage was edited may stand once, on a copy one period away, and still lie
    in order between its neighbours; a real edit moves the text around a landmark with
    it.  A run with a guide on one side only is not judged."""
    if before is None or after is None or _agree(before, run[0]) or _agree(run[-1], after):
        return False
    ends = (before[1] - before[0], after[1] - after[0])
    low, high = min(ends) - _AGREE_SLACK, max(ends) + _AGREE_SLACK
    return any(not low <= mark[1] - mark[0] <= high for mark in run)


def _trusted(marks: list[Mark]) -> list[Mark]:
    """The landmarks to trust, in old order: strong runs, and weak runs in order between
    and moving as a neighbour does.

    *marks* must be sorted by old start.  A run is strong when it marks
    :data:`_STRONG` places of the old text.  With no strong run, a weak run is checked
    against the runs next to it.  Linear in the number of landmarks.
    """
    runs = _runs(marks)
    strong = [_places(run) >= _STRONG for run in runs]
    weak_only = not any(strong)
    guide = [is_strong or weak_only for is_strong in strong]
    after: list[Mark | None] = [None] * len(runs)
    following: Mark | None = None
    for i in range(len(runs) - 1, -1, -1):
        after[i] = following
        if guide[i]:
            following = runs[i][0]
    out: list[Mark] = []
    before: Mark | None = None
    for i, run in enumerate(runs):
        if strong[i] or (
            _between(run, before, after[i])
            and not _outvoted(runs, i)
            and (weak_only or not _isolated(run, before, after[i]))
        ):
            out.extend(run)
        if guide[i]:
            before = run[-1]
    return out


def _bracket(marks: list[Mark], old_start: int, text: str) -> tuple[list[int], int, int] | None:
    """Where the quote at *old_start* is expected, and the new span it must lie in.

    Returns ``(expected places, low, high)``: one place when the landmarks before
    and after it moved alike (within :data:`_SAME_SHIFT`), else both places they
    say.  None when they are out of order (a block moved between them) or there
    are none.
    """
    i = bisect_right(marks, (old_start, len(text) + 1))
    around = [
        mark for mark in (marks[i - 1] if i else None, marks[i] if i < len(marks) else None) if mark
    ]
    if not around:
        return None
    low = max(0, around[0][1] - _BRACKET_SLACK) if i else 0
    high = around[-1][2] + _BRACKET_SLACK if i < len(marks) else len(text)
    if high <= low:
        return None
    shifts = sorted({mark[1] - mark[0] for mark in around})
    if shifts[-1] - shifts[0] <= _SAME_SHIFT:
        nearest = min(around, key=lambda mark: abs(mark[0] - old_start))
        shifts = [nearest[1] - nearest[0]]
    return [min(max(0, old_start + shift), len(text)) for shift in shifts], low, high


def _alone(
    anchor: Anchor, text: str, marks: list[Mark], old_length: int | None, split: bool = False
) -> Relocation:
    """*anchor* relocated as without landmarks, except that nearness to its old place is
    no evidence when the landmarks around it say otherwise: when they moved differently
    and the places they map it to hold different passages (*split*), or when the answer
    does not start between their new places (none lies between when a block moved
    between them).  In a text that repeats itself, the old place may hold another copy
    of the quote and its context."""
    found = relocate(anchor, text, old_length=old_length)
    if found.reason != BY_POSITION or found.start is None or not marks:
        return found
    i = bisect_right(marks, (anchor.start, len(text) + 1))
    low = marks[i - 1][1] - _BRACKET_SLACK if i else 0
    high = marks[i][1] + _BRACKET_SLACK if i < len(marks) else len(text)
    if not split and low <= found.start <= high:
        return found
    return _orphaned(found, _ELSEWHERE)


def _orphaned(found: Relocation, reason: str) -> Relocation:
    """*found* turned into an orphan, for *reason*, keeping the candidates weighed."""
    return attrs.evolve(
        found,
        start=None,
        end=None,
        method="orphaned",
        score=0.0,
        distance=None,
        margin=None,
        reason=reason,
    )


def _mapped(
    anchor: Anchor,
    text: str,
    marks: list[Mark],
    old_length: int | None,
    where: tuple[list[int], int, int] | None,
) -> Relocation:
    """*anchor* relocated near where the landmarks map it (*where*, from :func:`_bracket`);
    alone when they cannot say.

    When the landmarks around it moved differently (an edit between them), nearness
    to either place must give the same answer: in a text that repeats itself, the
    two places may each lie on a copy.  Orphaned from the first, it stays orphaned.
    """
    if where is None:
        return _alone(anchor, text, marks, old_length)
    places, low, high = where
    answers: list[Relocation] = []
    for at in places:
        answers.append(
            relocate(anchor, text, old_length=old_length, expected=at, bracket=(low, high))
        )
        if answers[-1].start is None:
            break
    found = answers[0]
    spans = {(r.start, r.end) for r in answers}
    if found.start is None or found.end is None or found.reason not in _BY_MAP:
        if len(spans) == 1:
            return found
    elif len(spans) == 1 and low <= found.start and found.end <= high:
        reason = _BY_LANDMARKS if found.reason == BY_POSITION else found.reason
        return attrs.evolve(found, method="landmarks", reason=reason)
    return _alone(anchor, text, marks, old_length, split=len(spans) > 1)


def _placed(
    anchor: Anchor, text: str, marks: list[Mark], ends: list[int], old_length: int | None
) -> Relocation:
    """*anchor*, not a landmark, relocated by the trusted landmarks *marks* around it.

    When they moved differently, the quote lies between the two places they map it to:
    the window between them (:func:`._window.in_window`) is searched first, a few
    hundred code points where nearness to either place would scan thousands.  Else,
    or when they moved alike, nearness to the mapped place (:func:`_mapped`), and when
    that leaves the anchor orphaned, the window.
    """
    where = _bracket(marks, anchor.start, text)
    split = where is not None and len(where[0]) > 1
    if split:
        found = in_window(anchor, text, marks, ends, old_length)
        if found is not None:
            return found
    found = _mapped(anchor, text, marks, old_length, where)
    if found.start is None and not split:
        return in_window(anchor, text, marks, ends, old_length) or found
    return found


def landmarks(anchors: Sequence[Anchor], new_text: str) -> tuple[list[Mark], set[int]]:
    """The trusted landmarks of *anchors* in *new_text*, sorted by old start
    (:func:`_landmark`, :func:`_trusted`), and the anchors (indices) whose quote and
    context stand once but on a passage another landmark claims (:func:`_clashing`)."""
    norm = cached_normalize(new_text)
    marks: list[Mark] = []
    for index, anchor in enumerate(anchors):
        span = _landmark(anchor, new_text, norm)
        if span is not None:
            marks.append((anchor.start, span[0], span[1], index))
    clashing = _clashing(marks, anchors)
    return _trusted(sorted(mark for mark in marks if mark[3] not in clashing)), clashing


def _clashing(marks: list[Mark], anchors: Sequence[Anchor]) -> set[int]:
    """The anchors (indices) of *marks* whose new span overlaps another's although their
    old spans do not overlap: one passage cannot hold two places of the old text, so the
    quote and context of one of them stood twice there (a text that repeats itself), and
    neither says which place went where.  O(k log k) for k landmarks: each is compared
    with the one, of those starting before it in the new text, that ends last."""
    out: set[int] = set()
    last: Mark | None = None
    for mark in sorted(marks, key=lambda mark: (mark[1], mark[2])):
        if last is not None and mark[1] < last[2]:
            a, b = anchors[last[3]], anchors[mark[3]]
            if a.end <= b.start or b.end <= a.start:
                out.update((last[3], mark[3]))
        if last is None or mark[2] > last[2]:
            last = mark
    return out


def relocate_all(
    anchors: Sequence[Anchor], new_text: str, *, old_length: int | None = None
) -> list[Relocation]:
    """Find the quotes of *anchors*, all made in one text, in *new_text*, its new version.

    The anchors whose quote and whole recorded context occur once in the new
    text, and agree with their neighbours on how the text moved, are
    *landmarks*: they map every region of the old text into the new one, so
    that each other anchor is looked for where it must be, whether or not
    *old_length* (the old text's length, a Source's ``length``) is known.  A
    landmark that contradicts its neighbours is not trusted; an answer is
    given only when sure, as :meth:`Anchor.relocate <ddfacts.Anchor.relocate>`
    gives it, or when the one passage between the landmarks around an anchor,
    shifted as they were, is clearly its quote; the others say ``orphaned``.  Returns one
    :class:`~ddfacts.Relocation` per anchor, in order; its ``method`` says
    ``landmarks`` when the landmarks' map decided.

    Time: O(k * n) for k anchors in a text of n code points (a bounded number
    of ``str.find`` scans per anchor, as for one relocation, and an alignment
    in a window of at most 8,192 code points), plus O(k log k).

    Example::

        moved = relocate_all([s.anchor for s in statements], new_text, old_length=source.length)

    .. versionadded:: 0.1.0
    """
    good, clashing = landmarks(anchors, new_text)
    by_index = {mark[3]: mark for mark in good}
    ends = [anchors[mark[3]].end for mark in good]
    out: list[Relocation] = []
    for index, anchor in enumerate(anchors):
        mark = by_index.get(index)
        if mark is not None:
            reason = "the quote with its whole context occurs once, where its neighbours moved"
            out.append(placed_at(anchor, new_text, mark[1], mark[2], reason))
        else:
            found = _placed(anchor, new_text, good, ends, old_length)
            contested = index in clashing
            if found.method != "landmarks" and elsewhere(
                anchor, found, new_text, good, ends, old_length, contested
            ):
                found = _orphaned(found, ELSEWHERE)
            out.append(found)
    return out
