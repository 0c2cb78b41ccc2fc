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

from bisect import bisect_right
from typing import TYPE_CHECKING, Literal

import attrs

from ._distance import levenshtein
from ._normalize import cached_normalize, normalized_text
from ._search import (
    DIGITS,
    MIN_RIVAL,
    W_CONTEXT,
    W_QUOTE,
    Candidate,
    Occurrences,
    Query,
    candidate,
    fuzzy,
    local,
    normalized_index,
    occurrences,
)

if TYPE_CHECKING:
    from ._anchor import Anchor

__all__ = ["MARGIN", "Candidate", "Relocation", "RelocationMethod", "relocate"]

#: How a relocation found its answer.
RelocationMethod = Literal["position", "exact", "normalized", "fuzzy", "orphaned"]

#: How much better than the runner-up the best candidate must score.
MARGIN = 0.05
#: Least quote similarity of an approximate match.
_MIN_QUOTE = 0.8
#: Exact occurrences farther than this from the expected place are checked against fuzzy ones.
_NEAR = 2000
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
#: A quote at least this long, nearly unchanged and resembling nothing else, is taken even
#: when its context changed (the sentences around it were deleted or moved).
_LONG = 40
_BY_POSITION = "fits, and lies far nearer the expected place than any other passage"
#: How many candidates a Relocation keeps to explain its choice.
_KEEP = 5


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
    #: ``position``, ``exact``, ``normalized``, ``fuzzy`` or ``orphaned``.
    method: RelocationMethod
    #: Confidence, 0..1 (0 when orphaned).
    score: float
    #: Edit distance between the normalized quote and the normalized new span (None: orphaned).
    distance: int | None = None
    #: The places considered, best first (at most five).
    candidates: tuple[Candidate, ...] = ()
    #: One sentence saying why this answer (or why none).
    reason: str = ""

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


def _distinct(candidates: list[Candidate]) -> list[Candidate]:
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


def _orphan(q: Query, reason: str, candidates: list[Candidate]) -> Relocation:
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


def _fits(q: Query, c: Candidate) -> bool:
    """Whether the candidate's quote is close enough to be an answer at all.

    A short quote may differ by one edit; by two only when its context fits well.
    """
    if c.quote < _MIN_QUOTE:
        return False
    if len(q.quote) < 24 and c.distance > 1:
        return c.distance == 2 and len(q.quote) >= 12 and c.context_ok and c.context >= 0.7
    return True


def _by_position(q: Query, ranked: list[Candidate], radius: int | None) -> Candidate | None:
    """The fitting passage nearest the expected place, when it is far nearer than any other.

    *ranked* holds every passage within *radius* (normalized code points) of the
    expected place, or every passage found in the text when *radius* is None.
    """
    fits = [c for c in ranked if c.context_ok and _fits(q, c)]
    if not fits or not q.scaled:
        return None
    near = min(fits, key=lambda c: abs(c.start - q.expected))
    moved = abs(near.start - q.expected)
    limit = _NEAR_SLACK + _NEAR_SHARE * len(q.text)
    reach = _NEAR_RATIO * moved + 8 * _NEAR_SLACK
    if moved > limit or (radius is not None and reach > 0.8 * radius):
        return None
    rivals = [
        c
        for c in ranked
        if c is not near
        and (c.quote >= _MIN_QUOTE or (c.quote >= MIN_RIVAL and c.context_ok))
        and (len(q.quote) >= 24 or c.distance <= 2)
        and abs(c.start - q.expected) < reach
    ]
    return None if rivals else near


def _answer(q: Query, best: Candidate, ranked: list[Candidate], reason: str) -> Relocation:
    span = q.text[best.start : best.end]
    distance = levenshtein(q.quote, normalized_text(span))
    return Relocation(
        original=q.anchor,
        start=best.start,
        end=best.end,
        method=best.method,  # type: ignore[arg-type]
        score=best.score,
        distance=distance,
        candidates=tuple(ranked[:_KEEP]),
        reason=reason,
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
        return _answer(q, only, ranked, "the context changed, but the long quote fits nowhere else")
    return _orphan(
        q, "the context around the closest passage differs from the recorded one", ranked
    )


def _doubt(best: Candidate, ranked: list[Candidate]) -> str | None:
    """Why the best supported passage cannot be trusted over the others, or None."""
    rival = next(
        (c for c in ranked if c is not best and _content(c) >= _content(best) - 0.02), None
    )
    if rival is not None and _content(rival) > _content(best) + 0.02:
        return (
            f"the passage at {rival.start} fits the quote and context better; only nearness "
            f"favours the one at {best.start}"
        )
    if rival is not None and best.position < _TIE_POSITION:
        return (
            f"the passage at {rival.start} fits the quote and context as well; "
            f"only nearness would decide, and the text moved too much to trust it"
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


def _decide(q: Query, candidates: list[Candidate]) -> Relocation:
    """The answer among *candidates*: the best one if it is clearly right, else orphaned."""
    ranked = _distinct(candidates)
    if not ranked:
        return _orphan(q, "no passage resembles the quote", ranked)
    fits = [c for c in ranked if _fits(q, c)]
    if not fits:
        return _orphan(q, _unfit(ranked[0]), ranked)
    near = _by_position(q, ranked, None)
    if near is not None:
        return _answer(q, near, ranked, _BY_POSITION)
    supported = [c for c in fits if c.context_ok]
    if not supported:
        return _unsupported(q, fits[0], ranked)
    best = supported[0]
    doubt = _doubt(best, ranked)
    if doubt is not None:
        return _orphan(q, doubt, ranked)
    runner = next((c for c in ranked if c is not best), None)
    reason = (
        "the only passage that fits"
        if runner is None
        else f"beats the runner-up at {runner.start} by {best.score - runner.score:.2f}"
    )
    return _answer(q, best, ranked, reason)


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
    if not _fits(q, found) or n.find(q.quote, max(0, low - 1), low + 1 + len(q.quote)) != -1:
        return None
    if n.find(q.quote) != -1:
        reason = "the quote was edited where it stood, yet stands unchanged elsewhere too"
        return _orphan(q, reason, [found])
    reason = "edited in place: the recorded context stands unchanged at the quote's offsets"
    return _answer(q, found, [found], reason)


def _many(q: Query, found: Occurrences) -> Relocation:
    """When the quote occurs too often to score: by place, by unique context, or orphaned."""
    ranked = _distinct(found.scored)
    near = _by_position(q, ranked, None)
    if near is not None:
        return _answer(q, near, ranked, _BY_POSITION)
    framed = [c for c in ranked if c.context == 1.0]
    if found.framed == 1 and len(framed) == 1:
        return _answer(q, framed[0], ranked, "the only occurrence with the recorded context")
    reason = f"the quote occurs {found.total} times, {found.framed} with the recorded context"
    return _orphan(q, reason + "; nothing tells them apart", ranked)


def _query(anchor: Anchor, new_text: str, old_length: int | None) -> Query:
    quote = normalized_text(anchor.exact)
    return Query(
        anchor=anchor,
        text=new_text,
        norm=cached_normalize(new_text),
        quote=quote,
        prefix=normalized_text(anchor.prefix),
        suffix=normalized_text(anchor.suffix),
        digits="".join(DIGITS.findall(quote)),
        expected=(round(anchor.start * len(new_text) / old_length) if old_length else anchor.start),
        scaled=bool(old_length),
    )


def relocate(anchor: Anchor, new_text: str, *, old_length: int | None = None) -> Relocation:
    """Find *anchor*'s quote in *new_text*; see the module docstring for how.

    With *old_length* (the length of the anchor's text), the quote is expected at
    its old offset scaled by the change in length; otherwise at its old offset.

    Time: linear in the text's length n (normalizing it, one ``str.find`` scan
    per quote and seed piece, a bounded number of occurrences scored), and
    O(w * ceil(m / 64)) word operations to align a quote of m code points in
    the windows examined, whose total length w is O(m + 1000) per window for a
    bounded number of windows.
    """
    q = _query(anchor, new_text, old_length)
    if not q.quote:
        return _orphan(q, "the quote is only spaces or invisible characters", [])
    if _still_there(anchor, new_text):
        return _in_place(q)
    edited = _edited_in_place(q, old_length)
    if edited is not None:
        return edited
    radius, nearby = local(q)
    ranked = _distinct(nearby)
    near = _by_position(q, ranked, radius)
    if near is not None:
        return _answer(q, near, ranked, _BY_POSITION)
    found = occurrences(q)
    if found.total > len(found.scored):
        return _many(q, found)
    exact = found.scored
    ranked = _distinct(exact)
    if ranked and ranked[0].context_ok and abs(ranked[0].start - q.expected) <= _NEAR:
        runner = ranked[1] if len(ranked) > 1 else None
        # An exact match comes first, unless a passage nearby that the quote was edited
        # into fits better (its context, its place).
        better = [c for c in nearby if c.score > ranked[0].score]
        if runner is None or ranked[0].score - runner.score >= MARGIN:
            return _decide(q, exact + better)
    return _decide(q, exact + fuzzy(q))
