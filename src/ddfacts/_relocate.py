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

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

import attrs

from ._distance import levenshtein, prefix_distances, search_distances, similarity
from ._normalize import Normalized, cached_normalize, normalized_text

if TYPE_CHECKING:
    from .anchors import Anchor

__all__ = ["MARGIN", "Candidate", "Relocation", "RelocationMethod", "relocate"]

#: How a relocation found its answer.
RelocationMethod = Literal["position", "exact", "normalized", "fuzzy", "orphaned"]

#: Weights of quote, context and nearness in a candidate's score.
_W_QUOTE, _W_CONTEXT, _W_POSITION = 0.55, 0.30, 0.15
#: How far (code points) a move halves the nearness score.
_POSITION_SCALE = 2000.0
#: How much better than the runner-up the best candidate must score.
MARGIN = 0.05
#: Least quote similarity of an approximate match.
_MIN_QUOTE = 0.8
#: Least similarity of the better context side, when context was recorded.
_MIN_CONTEXT = 0.55
#: Exact occurrences farther than this from the old place are checked against fuzzy ones.
_NEAR = 2000
#: Least nearness score (moved at most 8 code points) that may decide between passages
#: fitting the quote and context equally well: in a text of near-copies, a copy that
#: happens to sit a few hundred code points from the old place is no evidence.
_TIE_POSITION = 0.996
#: How many candidates a Relocation keeps to explain its choice.
_KEEP = 5
#: Seed pieces occurring more often than this are too common to locate anything.
_MAX_SEED_HITS = 400
#: How many seed clusters are aligned.
_MAX_CLUSTERS = 12
_DIGITS = re.compile(r"\d")


@attrs.frozen(kw_only=True)
class Candidate:
    """One place considered for the quote, with the scores that ranked it."""

    #: First code point of the candidate span in the new text.
    start: int
    #: One past its last code point.
    end: int
    #: How it was found: ``position``, ``exact``, ``normalized`` or ``fuzzy``.
    method: str
    #: Edit distance between the normalized quote and the normalized span.
    distance: int
    #: Quote similarity, 0..1.
    quote: float
    #: Context similarity, 0..1 (0.5 when the anchor recorded no context).
    context: float
    #: Nearness to the recorded position, 0..1.
    position: float
    #: Whether the recorded context supports the candidate.
    context_ok: bool
    #: The weighted score, 0..1.
    score: float


@attrs.frozen(kw_only=True)
class Relocation:
    """Where an anchor's quote is in a new text, how that was found, and how sure it is.

    Offsets index the new raw text; the span is the (possibly edited) quote
    itself, from its first to its last character.  Both are None when the
    quote is orphaned.

    .. versionadded:: 0.1.0
    """

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
        from .anchors import Anchor

        if self.start is None or self.end is None:
            return None
        return Anchor.from_span(new_text, self.start, self.end)


@attrs.define
class _Query:
    anchor: Anchor
    text: str
    norm: Normalized
    quote: str
    prefix: str
    suffix: str
    digits: str


def _side(recorded: str, found: str, at_boundary: bool) -> float | None:
    if not recorded:
        return 1.0 if at_boundary else None
    return similarity(recorded, found)


def _candidate(q: _Query, start: int, end: int, method: str) -> Candidate | None:
    """Score the normalized span ``start..end``; None when its digits differ from the quote's."""
    n = q.norm.text
    span = n[start:end]
    if "".join(_DIGITS.findall(span)) != q.digits:
        return None
    distance = levenshtein(q.quote, span)
    quote = max(0.0, 1.0 - distance / max(len(q.quote), 1))
    sides = [
        _side(q.prefix, n[max(0, start - len(q.prefix)) : start], start == 0),
        _side(q.suffix, n[end : end + len(q.suffix)], end == len(n)),
    ]
    known = [side for side in sides if side is not None]
    context = sum(known) / len(known) if known else 0.5
    context_ok = not known or max(known) >= _MIN_CONTEXT
    raw_start, raw_end = q.norm.raw_span(start, end)
    moved = abs(raw_start - q.anchor.start)
    position = 1.0 / (1.0 + moved / _POSITION_SCALE)
    if method == "normalized" and q.text[raw_start:raw_end] == q.anchor.exact:
        method = "exact"
    score = _W_QUOTE * quote + _W_CONTEXT * context + _W_POSITION * position
    return Candidate(
        start=raw_start,
        end=raw_end,
        method=method,
        distance=distance,
        quote=round(quote, 4),
        context=round(context, 4),
        position=round(position, 4),
        context_ok=context_ok,
        score=round(score, 4),
    )


def _occurrences(q: _Query) -> list[Candidate]:
    found: list[Candidate] = []
    n = q.norm.text
    at = n.find(q.quote)
    while at != -1:
        candidate = _candidate(q, at, at + len(q.quote), "normalized")
        if candidate is not None:
            found.append(candidate)
        at = n.find(q.quote, at + 1)
    return found


def _clusters(q: _Query) -> list[tuple[int, int]]:
    """Normalized windows where seed pieces of the quote say the quote may be."""
    m = len(q.quote)
    size = max(3, min(16, m // 6))
    n = q.norm.text
    hits: list[tuple[int, int]] = []
    for piece_no, offset in enumerate(range(0, m - size + 1, size)):
        piece = q.quote[offset : offset + size]
        found: list[int] = []
        at = n.find(piece)
        while at != -1 and len(found) <= _MAX_SEED_HITS:
            found.append(at - offset)
            at = n.find(piece, at + 1)
        if len(found) <= _MAX_SEED_HITS:
            hits.extend((diagonal, piece_no) for diagonal in found)
    hits.sort()
    groups: list[tuple[int, int, set[int]]] = []
    for diagonal, piece_no in hits:
        if groups and diagonal - groups[-1][1] <= max(8, m // 3):
            low, _, pieces = groups[-1]
            pieces.add(piece_no)
            groups[-1] = (low, diagonal, pieces)
        else:
            groups.append((diagonal, diagonal, {piece_no}))
    old = _normalized_index(q.norm, q.anchor.start)
    groups.sort(key=lambda g: (-len(g[2]), abs(g[0] - old)))
    slack = m // 4 + 8
    windows = [(max(0, low - slack), high + m + slack) for low, high, _ in groups[:_MAX_CLUSTERS]]
    windows.append((max(0, old - 4 * m - 400), old + 5 * m + 400))
    return windows


def _normalized_index(norm: Normalized, raw: int) -> int:
    from bisect import bisect_left

    return bisect_left(norm.starts, raw)


def _best_boundary(distances: list[int], key: Callable[[int], int]) -> int:
    """Index of the least distance; ties go to the better boundary ``key``, then the first."""
    low = min(distances)
    tied = [i for i, d in enumerate(distances) if d == low]
    if len(tied) == 1:
        return tied[0]
    return min(tied, key=lambda i: (key(i), i))


def _align(q: _Query, lo: int, hi: int) -> tuple[int, int] | None:
    """The best approximate match of the quote in normalized ``lo..hi``, as a span."""
    n = q.norm.text
    window = n[lo:hi]
    if not window:
        return None
    ends = search_distances(q.quote, window)
    end = lo + ends.index(min(ends)) + 1
    # Fix the start: align the reversed quote against the text before ``end``;
    # among equally good starts, the one whose preceding text fits the prefix.
    before = n[max(lo, end - 2 * len(q.quote) - 8) : end][::-1]
    tail = q.prefix[-6:]

    def start_key(j: int) -> int:
        at = end - j - 1
        return levenshtein(tail, n[max(0, at - len(tail)) : at])

    start = end - _best_boundary(prefix_distances(q.quote[::-1], before), start_key) - 1
    # Then refine the end from that start, with the suffix to break ties.
    after = n[start : start + 2 * len(q.quote) + 8]
    head = q.suffix[:6]

    def end_key(j: int) -> int:
        return levenshtein(head, n[start + j + 1 : start + j + 1 + len(head)])

    end = start + _best_boundary(prefix_distances(q.quote, after), end_key) + 1
    return (start, end) if end > start else None


def _fuzzy(q: _Query) -> list[Candidate]:
    found: list[Candidate] = []
    seen: set[tuple[int, int]] = set()
    for lo, hi in _clusters(q):
        span = _align(q, lo, hi)
        if span is None or span in seen:
            continue
        seen.add(span)
        candidate = _candidate(q, span[0], span[1], "fuzzy")
        if candidate is not None:
            found.append(candidate)
    return found


def _distinct(candidates: list[Candidate]) -> list[Candidate]:
    """Best first, dropping any candidate that overlaps a better one."""
    kept: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (-c.score, c.start)):
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return kept


def _orphan(reason: str, candidates: list[Candidate]) -> Relocation:
    return Relocation(
        start=None,
        end=None,
        method="orphaned",
        score=0.0,
        candidates=tuple(candidates[:_KEEP]),
        reason=reason,
    )


def _content(c: Candidate) -> float:
    """How well a candidate fits by what it says (quote and context), ignoring position."""
    return (_W_QUOTE * c.quote + _W_CONTEXT * c.context) / (_W_QUOTE + _W_CONTEXT)


def _decide(q: _Query, candidates: list[Candidate]) -> Relocation:
    ranked = _distinct(candidates)
    if not ranked:
        return _orphan("no passage resembles the quote", ranked)
    best = ranked[0]
    runner = ranked[1] if len(ranked) > 1 else None
    if best.quote < _MIN_QUOTE:
        return _orphan(f"the closest passage matches the quote only to {best.quote:.2f}", ranked)
    if len(q.quote) < 24 and best.distance > 1:
        return _orphan("the quote is short and the closest passage differs too much", ranked)
    if not best.context_ok:
        return _orphan(
            "the context around the closest passage differs from the recorded one", ranked
        )
    rival = next((c for c in ranked[1:] if _content(c) >= _content(best) - 0.02), None)
    if rival is not None and _content(rival) > _content(best) + 0.02:
        return _orphan(
            f"the passage at {rival.start} fits the quote and context better; only nearness "
            f"favours the one at {best.start}",
            ranked,
        )
    if rival is not None and best.position < _TIE_POSITION:
        return _orphan(
            f"the passage at {rival.start} fits the quote and context as well; "
            f"only nearness would decide, and the text moved too much to trust it",
            ranked,
        )
    if runner is not None and best.score - runner.score < MARGIN:
        return _orphan(
            f"two passages score alike ({best.score:.2f} at {best.start}, "
            f"{runner.score:.2f} at {runner.start})",
            ranked,
        )
    span = q.text[best.start : best.end]
    distance = levenshtein(q.quote, normalized_text(span))
    reason = (
        "the only passage that fits"
        if runner is None
        else (f"beats the runner-up at {runner.start} by {best.score - runner.score:.2f}")
    )
    return Relocation(
        start=best.start,
        end=best.end,
        method=best.method,  # type: ignore[arg-type]
        score=best.score,
        distance=distance,
        candidates=tuple(ranked[:_KEEP]),
        reason=reason,
    )


def _context_unchanged(anchor: Anchor, text: str) -> bool:
    before = text[max(0, anchor.start - len(anchor.prefix)) : anchor.start]
    return before == anchor.prefix and text[anchor.end : anchor.end + len(anchor.suffix)] == (
        anchor.suffix
    )


def relocate(anchor: Anchor, new_text: str) -> Relocation:
    """Find *anchor*'s quote in *new_text*; see the module docstring for how."""
    norm = cached_normalize(new_text)
    quote = normalized_text(anchor.exact)
    q = _Query(
        anchor=anchor,
        text=new_text,
        norm=norm,
        quote=quote,
        prefix=normalized_text(anchor.prefix),
        suffix=normalized_text(anchor.suffix),
        digits="".join(_DIGITS.findall(quote)),
    )
    if not quote:
        return _orphan("the quote is only spaces or invisible characters", [])
    if anchor.verify(new_text) and (
        _context_unchanged(anchor, new_text)
        or (
            new_text.find(anchor.exact) == anchor.start
            and new_text.find(anchor.exact, anchor.start + 1) == -1
        )
    ):
        low = _normalized_index(norm, anchor.start)
        high = _normalized_index(norm, anchor.end)
        here = _candidate(q, low, high, "position") if high > low else None
        return Relocation(
            start=anchor.start,
            end=anchor.end,
            method="position",
            score=here.score if here else 1.0,
            distance=0,
            candidates=() if here is None else (here,),
            reason="the quote is still at its position",
        )
    exact = _occurrences(q)
    ranked = _distinct(exact)
    if ranked and ranked[0].context_ok and abs(ranked[0].start - anchor.start) <= _NEAR:
        runner = ranked[1] if len(ranked) > 1 else None
        if runner is None or ranked[0].score - runner.score >= MARGIN:
            return _decide(q, exact)
    return _decide(q, exact + _fuzzy(q))
