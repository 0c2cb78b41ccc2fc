"""Deciding among candidate places: the rules that make a relocation answer or orphan.

The best candidate answers only when its quote is close enough, its context
supports it, and it beats the runner-up by a clear margin (or, when the
expected place is known well, lies far nearer it than any other passage that
resembles the quote).  :class:`Relocation` is the result, saying how it was
found, its score and its margin.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from typing import TYPE_CHECKING, Literal

import attrs

from ._distance import levenshtein
from ._normalize import normalized_text
from ._search import MIN_RIVAL, W_CONTEXT, W_QUOTE, Candidate, Query

if TYPE_CHECKING:
    from ._anchor import Anchor

__all__ = [
    "BY_CONTEXT",
    "BY_POSITION",
    "MARGIN",
    "Relocation",
    "RelocationMethod",
    "answer",
    "by_context",
    "by_position",
    "decide",
    "distinct",
    "fits",
    "needed_radius",
    "orphan",
    "rivalled",
    "unrivalled",
]

#: How a relocation found its answer.
RelocationMethod = Literal["position", "exact", "normalized", "fuzzy", "landmarks", "orphaned"]

#: How much better than the runner-up the best candidate must score.
MARGIN = 0.05
#: Least quote similarity of an approximate match.
_MIN_QUOTE = 0.8
#: Least nearness score (moved at most 8 code points) that may decide between passages
#: fitting the quote and context equally well, when the old text's length is unknown: in
#: a text of near-copies, a copy that happens to sit a few hundred code points from the
#: old place is no evidence.
_TIE_POSITION = 0.996
#: Nearness decides alone when the nearest passage moved at most this much (with
#: :data:`_NEAR_SHARE` of the text's length when the old length is known) and every other
#: passage resembling the quote is :data:`_NEAR_RATIO` times farther, plus 8 times this.
_NEAR_SLACK = 8
_NEAR_SHARE = 0.015
_NEAR_RATIO = 4
#: Nearness decides from a window scan only when that reach is at most this share of the
#: window's radius: every rival within reach was scanned.
_SCANNED = 0.8
#: A quote at least this long, nearly unchanged and resembling nothing else, is taken even
#: when its context changed (the sentences around it were deleted or moved).
_LONG = 40
BY_POSITION = "fits, and lies far nearer the expected place than any other passage"
#: Least context similarity (the mean of prefix and suffix) that is evidence enough, at the
#: place the anchors around a quote mapped, for a quote whose own letters were edited.
_STRONG_CONTEXT = 0.9
BY_CONTEXT = (
    "its prefix and suffix match strongly where the anchors around it map, and no other "
    "passage resembling the quote has the recorded context"
)
#: How many candidates a Relocation keeps to explain its choice.
_KEEP = 5
#: Candidates whose fit by quote and context differ by at most this much fit alike.
_TIE = 0.02


@attrs.frozen(kw_only=True)
class Relocation:
    """Where an anchor's quote is in a new text, how that was found, and how sure it is.

    Offsets index the new raw text; the span is the (possibly edited) quote
    itself, from its first to its last character.  Both are None when the
    quote is orphaned.

    .. versionadded:: 0.1.0
    """

    #: The anchor that was relocated; :meth:`anchor` makes the new one like it.
    original: Anchor = attrs.field(repr=False)
    #: First code point of the quote in the new text, or None when orphaned.
    start: int | None
    #: One past its last code point, or None when orphaned.
    end: int | None
    #: ``position``, ``exact``, ``normalized``, ``fuzzy``, ``landmarks`` (placed by the
    #: anchors around it, see :func:`~ddfacts.anchors.relocate_all`) or ``orphaned``.
    method: RelocationMethod
    #: Confidence, 0..1 (0 when orphaned).
    score: float
    #: Edit distance between the normalized quote and the normalized new span (None: orphaned).
    distance: int | None = None
    #: The places considered, best first (at most five).
    candidates: tuple[Candidate, ...] = ()
    #: One sentence saying why this answer (or why none).
    reason: str = ""
    #: How much better the answer scored than the runner-up, 0..1; None when no other
    #: passage was weighed (or orphaned).
    margin: float | None = None

    @property
    def orphaned(self) -> bool:
        """Whether the quote could not be placed with confidence."""
        return self.start is None

    def anchor(self, new_text: str) -> Anchor | None:
        """The new anchor for the relocated span (None when orphaned)."""
        if self.start is None or self.end is None:
            return None
        # The class of the original, so that this module need not import the Anchor class.
        return type(self.original).from_span(new_text, self.start, self.end)


def distinct(candidates: list[Candidate]) -> list[Candidate]:
    """Best first, dropping any candidate that overlaps a better one.

    O(k log k) for k candidates: the spans kept are disjoint, so they are kept
    sorted by start, and only the two neighbours of a new span can overlap it.
    """
    kept: list[Candidate] = []
    starts: list[int] = []
    ends: list[int] = []
    for c in sorted(candidates, key=lambda c: (-c.score, c.start)):
        i = bisect_right(starts, c.start)
        if (i and ends[i - 1] > c.start) or (i < len(starts) and starts[i] < c.end):
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        kept.append(c)
    return kept


def orphan(q: Query, reason: str, candidates: list[Candidate]) -> Relocation:
    return Relocation(
        original=q.anchor,
        start=None,
        end=None,
        method="orphaned",
        score=0.0,
        candidates=tuple(candidates[:_KEEP]),
        reason=reason,
    )


def _content(c: Candidate) -> float:
    """How well a candidate fits by what it says (quote and context), ignoring position."""
    return (W_QUOTE * c.quote + W_CONTEXT * c.context) / (W_QUOTE + W_CONTEXT)


def fits(q: Query, c: Candidate) -> bool:
    """Whether the candidate's quote is close enough to be an answer at all.

    A short quote may differ by one edit; by two only when its context fits well.
    """
    if c.quote < _MIN_QUOTE:
        return False
    if len(q.quote) < 24 and c.distance > 1:
        return c.distance == 2 and len(q.quote) >= 12 and c.context_ok and c.context >= 0.7
    return True


def by_position(q: Query, ranked: list[Candidate], radius: int | None) -> Candidate | None:
    """The fitting passage nearest the expected place, when it is far nearer than any other.

    *ranked* holds every passage within *radius* (normalized code points) of the
    expected place, or every passage found in the text when *radius* is None.
    """
    near = _nearest_fitting(q, ranked)
    if near is None or not q.scaled:
        return None
    moved = abs(near.start - q.expected)
    limit = _NEAR_SLACK + _NEAR_SHARE * len(q.text)
    reach = _reach(moved)
    if moved > limit or (radius is not None and reach > _SCANNED * radius):
        return None
    rivals = [
        c
        for c in ranked
        if c is not near
        and (c.quote >= _MIN_QUOTE or (c.quote >= MIN_RIVAL and c.context_ok))
        and (len(q.quote) >= 24 or c.distance <= 2)
        and abs(c.start - q.expected) < reach
    ]
    return None if rivals or not unrivalled(q, near, ranked) else near


def _nearest_fitting(q: Query, ranked: list[Candidate]) -> Candidate | None:
    """The passage of *ranked* nearest the expected place that fits, context and all."""
    fitting = [c for c in ranked if c.context_ok and fits(q, c)]
    return min(fitting, key=lambda c: abs(c.start - q.expected)) if fitting else None


def _reach(moved: int) -> int:
    """How far from the expected place a rival blocks an answer that moved *moved*."""
    return _NEAR_RATIO * moved + 8 * _NEAR_SLACK


def needed_radius(q: Query, ranked: list[Candidate]) -> int | None:
    """The radius a window scan around the expected place needs for :func:`by_position`
    to weigh the nearest passage of *ranked* that fits (every rival within its reach
    scanned); None when none fits."""
    near = _nearest_fitting(q, ranked)
    if near is None:
        return None
    return math.ceil(_reach(abs(near.start - q.expected)) / _SCANNED) + 1


def unrivalled(q: Query, near: Candidate, others: list[Candidate]) -> bool:
    """Whether nearness may choose *near*: no passage of *others* (any distance away)
    fits the quote and its recorded context better (the quote between its whole recorded
    context always does, unless *near* is that too), and when one fits as well, *near* is
    the quote between its whole context and moved at most :data:`_NEAR_SLACK` code points,
    or the anchors around it mapped where it must be.  In a text of near-copies, or when
    a block of text moved by about the copies' period, a copy near the expected place is
    no evidence by itself.  When the
    anchors around it mapped the expected place, only the rivals near it count (those
    :func:`by_position` weighs): a passage elsewhere lies in another region of the text."""
    if q.mapped:
        return True
    content = _content(near)
    tie_ok = abs(near.start - q.expected) <= _NEAR_SLACK and _framed(near)
    for c in others:
        if c.quote < MIN_RIVAL or (c.start < near.end and near.start < c.end):
            continue
        if _content(c) > content + _TIE or (_framed(c) and not _framed(near)):
            return False
        if not tie_ok and _content(c) >= content - _TIE:
            return False
    return True


def by_context(q: Query, best: Candidate, ranked: list[Candidate]) -> bool:
    """Whether the context is evidence enough for *best*, the best supported passage:
    the anchors around the quote mapped where it must be, *best* fits the quote (a short
    one by at most one edit, or two with good context: :func:`fits`) between a prefix and
    suffix that match strongly, and no other passage of *ranked* that resembles the quote
    has the recorded context or fits nearly as well.  A short quote whose context is weak
    there, or whose context fits elsewhere too, is not placed by this rule.  The caller
    checks that *best* lies between the anchors around it (:mod:`._landmarks`)."""
    if not q.mapped or best.context < _STRONG_CONTEXT or not fits(q, best):
        return False
    return not rivalled(best, ranked)


def rivalled(best: Candidate, others: list[Candidate]) -> bool:
    """Whether a passage of *others* but *best* resembles the quote and has the recorded
    context, or fits the quote and context nearly as well as *best*."""
    floor = _content(best) - _TIE
    return any(
        c is not best and ((c.context_ok and c.quote >= MIN_RIVAL) or _content(c) >= floor)
        for c in others
    )


def _framed(c: Candidate) -> bool:
    """Whether the candidate is the quote itself between its whole recorded context."""
    return c.distance == 0 and c.context == 1.0


def answer(q: Query, best: Candidate, ranked: list[Candidate], reason: str) -> Relocation:
    """The relocation to *best*, with its margin over the best other of *ranked*."""
    span = q.text[best.start : best.end]
    distance = levenshtein(q.quote, normalized_text(span))
    runner = next((c for c in ranked if c is not best), None)
    return Relocation(
        original=q.anchor,
        start=best.start,
        end=best.end,
        method=best.method,  # type: ignore[arg-type]
        score=best.score,
        distance=distance,
        candidates=tuple(ranked[:_KEEP]),
        reason=reason,
        margin=None if runner is None else round(max(0.0, best.score - runner.score), 4),
    )


def _unfit(best: Candidate) -> str:
    """Why no passage fits the quote closely enough, the closest being *best*."""
    if best.quote < _MIN_QUOTE:
        return f"the closest passage matches the quote only to {best.quote:.2f}"
    return "the quote is short and the closest passage differs too much"


def _unsupported(q: Query, only: Candidate, ranked: list[Candidate]) -> Relocation:
    """Passages fit the quote but none has the recorded context: *only* is the best of them."""
    alike = [c for c in ranked if c.quote >= MIN_RIVAL]
    if len(alike) == 1 and len(q.quote) >= _LONG and only.quote >= 0.95:
        return answer(q, only, ranked, "the context changed, but the long quote fits nowhere else")
    return orphan(q, "the context around the closest passage differs from the recorded one", ranked)


def _framed_rival(q: Query, best: Candidate, ranked: list[Candidate]) -> Candidate | None:
    """Another passage far from the expected place whose context fits at least as well as
    *best*'s and whose quote fits (edited): the quote was edited where it stood, or the
    context is not distinctive (a text of near-copies); nothing tells which."""
    if best.position >= _TIE_POSITION:
        return None
    return next(
        (
            c
            for c in ranked
            if c is not best and c.context_ok and c.context >= best.context and fits(q, c)
        ),
        None,
    )


def _doubt(q: Query, best: Candidate, ranked: list[Candidate]) -> str | None:
    """Why the best supported passage cannot be trusted over the others, or None."""
    rival = next(
        (c for c in ranked if c is not best and _content(c) >= _content(best) - _TIE), None
    )
    if rival is not None and _content(rival) > _content(best) + _TIE:
        return (
            f"the passage at {rival.start} fits the quote and context better; only nearness "
            f"favours the one at {best.start}"
        )
    if rival is not None and best.position < _TIE_POSITION:
        return (
            f"the passage at {rival.start} fits the quote and context as well; "
            f"only nearness would decide, and the text moved too much to trust it"
        )
    framed = _framed_rival(q, best, ranked)
    if framed is not None:
        return (
            f"the passage at {framed.start} carries the recorded context as well, with the quote "
            f"edited; only the quote's letters would decide"
        )
    if best.method == "fuzzy" and any(c is not best and c.quote >= _MIN_QUOTE for c in ranked):
        return "several passages resemble the quote and none matches it exactly or by place"
    runner = next((c for c in ranked if c is not best), None)
    if runner is not None and best.score - runner.score < MARGIN:
        return (
            f"two passages score alike ({best.score:.2f} at {best.start}, "
            f"{runner.score:.2f} at {runner.start})"
        )
    return None


def decide(q: Query, candidates: list[Candidate]) -> Relocation:
    """The answer among *candidates*: the best one if it is clearly right, else orphaned."""
    ranked = distinct(candidates)
    if not ranked:
        return orphan(q, "no passage resembles the quote", ranked)
    fitting = [c for c in ranked if fits(q, c)]
    if not fitting:
        return orphan(q, _unfit(ranked[0]), ranked)
    near = by_position(q, ranked, None)
    if near is not None:
        return answer(q, near, ranked, BY_POSITION)
    supported = [c for c in fitting if c.context_ok]
    if not supported:
        return _unsupported(q, fitting[0], ranked)
    best = supported[0]
    if by_context(q, best, ranked):
        return answer(q, best, ranked, BY_CONTEXT)
    doubt = _doubt(q, best, ranked)
    if doubt is not None:
        return orphan(q, doubt, ranked)
    runner = next((c for c in ranked if c is not best), None)
    reason = (
        "the only passage that fits"
        if runner is None
        else f"beats the runner-up at {runner.start} by {best.score - runner.score:.2f}"
    )
    return answer(q, best, ranked, reason)
