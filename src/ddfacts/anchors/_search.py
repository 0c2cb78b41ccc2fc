"""Where an anchor's quote may be in a new text: candidate spans, scored.

Exact and normalized occurrences are found with ``str.find``; approximate ones
from exact seed pieces of the quote, then aligned by bit-parallel edit
distance.  Passages near the expected place are found by one scan of a window
around it (:mod:`._nearby`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

from ._distance import (
    levenshtein,
    prefix_distances,
    search_distances,
    similarity,
)
from ._normalize import Normalized

if TYPE_CHECKING:
    from ._anchor import Anchor

__all__ = ["Candidate"]

#: Weights of quote, context and nearness in a candidate's score.
W_QUOTE, W_CONTEXT, W_POSITION = 0.55, 0.30, 0.15
#: How far (code points) a move halves the nearness score.
_POSITION_SCALE = 2000.0
#: Least similarity of the better context side, when context was recorded.
_MIN_CONTEXT = 0.55
#: Least quote similarity of a passage counted as a rival.
MIN_RIVAL = 0.7
#: Seed pieces occurring more often than this are too common to locate anything.
_MAX_SEED_HITS = 400
#: How many seed clusters are aligned: the best seeded, and the nearest well seeded.
_MAX_CLUSTERS = 12
_MAX_NEAREST = 6
#: Beyond this length (code points) a quote widens the first scan no further, and adds no
#: further seed pieces: each piece costs a scan of the text.
LONG_QUOTE = 500
_MAX_PIECES = 64
#: How many passages one window scan yields at most.
MAX_PER_WINDOW = 8
#: How many exact occurrences of the quote are scored at most (the rest are only counted).
MAX_SCORED = 32
DIGITS = re.compile(r"\d")


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


@attrs.define
class Query:
    anchor: Anchor
    text: str
    norm: Normalized
    quote: str
    prefix: str
    suffix: str
    digits: str
    #: Where the quote is expected in the new raw text.
    expected: int
    #: Whether that estimate is scaled by the old text's known length (or mapped by landmarks).
    scaled: bool
    mapped: bool = False  #: Whether the landmarks around the anchor mapped that estimate.


def _side(recorded: str, found: str, at_boundary: bool, was_boundary: bool) -> float | None:
    """How well one side's context fits; None when nothing was recorded on that side.

    No context recorded at the text's edge (a quote that began the text) is evidence too:
    a passage at the edge fits it, any other does not.
    """
    if not recorded:
        if was_boundary:
            return 1.0 if at_boundary else 0.0
        return 1.0 if at_boundary else None
    return similarity(recorded, found)


def _whole(norm: Normalized, start: int, end: int) -> tuple[int, int]:
    """The normalized span ``start..end`` widened to whole raw characters.

    One raw character may fold to several (``ß`` to ``ss``, ``…`` to ``...``);
    a match starting or ending inside those stands for the whole character.
    """
    starts = norm.starts
    while start > 0 and starts[start - 1] == starts[start]:
        start -= 1
    while end < len(starts) and starts[end] == starts[end - 1]:
        end += 1
    return start, end


def candidate(q: Query, start: int, end: int, method: str) -> Candidate | None:
    """Score the normalized span ``start..end``; None when its digits differ from the quote's."""
    n = q.norm.text
    start, end = _whole(q.norm, start, end)
    span = n[start:end]
    if "".join(DIGITS.findall(span)) != q.digits:
        return None
    distance = levenshtein(q.quote, span)
    quote = max(0.0, 1.0 - distance / max(len(q.quote), 1))
    sides = [
        _side(q.prefix, n[max(0, start - len(q.prefix)) : start], start == 0, q.anchor.start == 0),
        _side(q.suffix, n[end : end + len(q.suffix)], end == len(n), False),
    ]
    known = [side for side in sides if side is not None]
    context = sum(known) / len(known) if known else 0.5
    context_ok = not known or max(known) >= _MIN_CONTEXT
    raw_start, raw_end = q.norm.raw_span(start, end)
    moved = abs(raw_start - q.expected)
    position = 1.0 / (1.0 + moved / _POSITION_SCALE)
    if method == "fuzzy" and distance == 0:
        method = "normalized"
    elif method == "normalized" and distance:
        method = "fuzzy"  # widened to whole characters, it no longer matches exactly
    if method == "normalized":
        # A whitespace run at an edge folds to one space: the raw quote may stand inside.
        inner = q.text.find(q.anchor.exact, raw_start, raw_end)
        if inner != -1:
            raw_start, raw_end, method = inner, inner + len(q.anchor.exact), "exact"
    score = W_QUOTE * quote + W_CONTEXT * context + W_POSITION * position
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


@attrs.frozen(kw_only=True)
class Occurrences:
    """The exact (normalized) occurrences of the quote: the few scored, and how many in all."""

    #: The scored occurrences: those with their recorded context, then the nearest.
    scored: list[Candidate]
    #: How many occurrences the text holds.
    total: int
    #: How many of them stand between their whole recorded prefix and suffix.
    framed: int


def _sides(q: Query, at: int) -> int:
    """How many context sides (0..2) stand exactly as recorded around the occurrence at *at*."""
    n = q.norm.text
    end = at + len(q.quote)
    before = n[at - len(q.prefix) : at] == q.prefix if q.prefix else at == 0
    after = n[end : end + len(q.suffix)] == q.suffix if q.suffix else end == len(n)
    return int(before) + int(after)


def nearest(starts: list[int], target: int) -> list[int]:
    """The :data:`MAX_SCORED` entries of sorted *starts* around *target* (half each side)."""
    middle = bisect_left(starts, target)
    half = MAX_SCORED // 2
    return starts[max(0, middle - half) : middle + half]


def occurrences(q: Query) -> Occurrences:
    """The quote's exact occurrences in the normalized text, a bounded number of them scored.

    Finding and counting them is one linear scan (``str.find``, and two slice
    comparisons per occurrence).  Scored are only the occurrences nearest the
    expected place among those framed by their whole recorded context, among
    those with one side of it, and among all (at most :data:`MAX_SCORED` of
    each), so that a text repeating the quote a million times costs one scan.
    """
    n = q.norm.text
    by_sides: tuple[list[int], list[int], list[int]] = ([], [], [])
    at = n.find(q.quote)
    while at != -1:
        by_sides[_sides(q, at)].append(at)
        at = n.find(q.quote, at + 1)
    expected = normalized_index(q.norm, q.expected)
    # The nearest of each group include the nearest of all.
    chosen = {at for group in by_sides for at in nearest(group, expected)}
    scored: list[Candidate] = []
    for at in sorted(chosen):
        c = candidate(q, at, at + len(q.quote), "normalized")
        if c is not None:
            scored.append(c)
    total = sum(len(group) for group in by_sides)
    return Occurrences(scored=scored, total=total, framed=len(by_sides[2]))


def _clusters(q: Query) -> list[tuple[int, int]]:
    """Normalized windows where seed pieces of the quote say the quote may be."""
    m = len(q.quote)
    size = max(3, min(16, m // 6))
    n = q.norm.text
    hits: list[tuple[int, int]] = []
    step = max(size, (m - size) // (_MAX_PIECES - 1))
    for piece_no, offset in enumerate(range(0, m - size + 1, step)):
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
    old = normalized_index(q.norm, q.expected)
    most = max((len(g[2]) for g in groups), default=0)
    nearest = sorted((g for g in groups if 2 * len(g[2]) >= most), key=lambda g: abs(g[0] - old))[
        :_MAX_NEAREST
    ]
    groups.sort(key=lambda g: (-len(g[2]), abs(g[0] - old)))
    slack = m // 4 + 8
    chosen = {(g[0], g[1]) for g in groups[:_MAX_CLUSTERS] + nearest}
    windows = [(max(0, low - slack), high + m + slack) for low, high in sorted(chosen)]
    margin = 4 * min(m, LONG_QUOTE) + 400
    windows.append((max(0, old - margin), old + m + margin))
    return windows


def normalized_index(norm: Normalized, raw: int) -> int:
    return bisect_left(norm.starts, raw)


def _best_boundary(distances: list[int], key: Callable[[int], int]) -> int:
    """Index of the least distance; ties go to the better boundary ``key``, then the first."""
    low = min(distances)
    tied = [i for i, d in enumerate(distances) if d == low]
    if len(tied) == 1:
        return tied[0]
    return min(tied, key=lambda i: (key(i), i))


def _align_end(q: Query, lo: int, end: int, distance: int) -> tuple[int, int] | None:
    """The best approximate match of the quote ending near normalized *end*, as a span.

    *distance* is the match's edit distance: it is at most ``len(quote) + distance``
    long, which bounds the text aligned.
    """
    n = q.norm.text
    longest = len(q.quote) + distance + 8
    # Fix the start: align the reversed quote against the text before ``end``;
    # among equally good starts, the one whose preceding text fits the prefix.
    before = n[max(lo, end - longest) : end][::-1]
    if not before:
        return None
    tail = q.prefix[-6:]

    edge = not q.prefix and q.anchor.start == 0  # the quote began the text

    def start_key(j: int) -> int:
        at = end - j - 1
        return levenshtein(tail, n[max(0, at - len(tail)) : at]) + (edge and at > 0)

    start = end - _best_boundary(prefix_distances(q.quote[::-1], before), start_key) - 1
    # Then refine the end from that start, with the suffix to break ties.
    after = n[start : start + longest]
    head = q.suffix[:6]

    def end_key(j: int) -> int:
        return levenshtein(head, n[start + j + 1 : start + j + 1 + len(head)])

    end = start + _best_boundary(prefix_distances(q.quote, after), end_key) + 1
    return (start, end) if end > start else None


def align(q: Query, lo: int, hi: int, most: int = 1) -> tuple[list[tuple[int, int]], bool]:
    """The best approximate matches of the quote in normalized ``lo..hi``, as spans.

    The best match, and with *most* > 1 up to that many further ones that differ
    from the quote by at most ``1 - MIN_RIVAL`` of its length, each the best
    within half the quote's length either side; and whether those were all.
    """
    window = q.norm.text[lo:hi]
    if not window:
        return [], True
    ends = search_distances(q.quote, window)
    # Among equally good ends, the nearest to where the quote would end at the expected place.
    target = normalized_index(q.norm, q.expected) + len(q.quote) - 1 - lo
    low = min(ends)
    picked = [min((j for j, d in enumerate(ends) if d == low), key=lambda j: abs(j - target))]
    if most > 1:
        bound = int((1 - MIN_RIVAL) * len(q.quote))
        gap = max(1, len(q.quote) // 2)
        ranked = sorted((d, abs(j - target), j) for j, d in enumerate(ends) if d <= bound)
        for _, _, j in ranked:
            if all(abs(j - k) > gap for k in picked):
                if len(picked) >= most:
                    return _spans(q, lo, picked, ends), False
                picked.append(j)
    return _spans(q, lo, picked, ends), True


def _spans(q: Query, lo: int, picked: list[int], ends: list[int]) -> list[tuple[int, int]]:
    spans = []
    for j in picked:
        span = _align_end(q, lo, lo + j + 1, ends[j])
        if span is not None:
            spans.append(span)
    return spans


def fuzzy(q: Query) -> list[Candidate]:
    """Approximate matches: the best two in each seed cluster, and the best few near the
    expected place (rivals included, so that a passage repeated nearby is seen as one)."""
    found: list[Candidate] = []
    seen: set[tuple[int, int]] = set()
    windows = _clusters(q)
    for number, (lo, hi) in enumerate(windows):
        most = MAX_PER_WINDOW if number == len(windows) - 1 else 2
        spans, _ = align(q, lo, hi, most)
        for span in spans:
            if span in seen:
                continue
            seen.add(span)
            c = candidate(q, span[0], span[1], "fuzzy")
            if c is not None:
                found.append(c)
    return found
