"""Edit distances, bit-parallel (Myers 1999), on Python integers of any width.

Each text character costs a dozen integer operations whatever the pattern's
length, which keeps approximate matching fast enough in pure Python.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["levenshtein", "prefix_distances", "search_distances", "similarity"]


@lru_cache(maxsize=256)
def _peq(pattern: str) -> dict[str, int]:
    """Per character of *pattern*, the bit mask of where it occurs (cached: a quote is
    aligned against many windows)."""
    table: dict[str, int] = {}
    for index, char in enumerate(pattern):
        table[char] = table.get(char, 0) | (1 << index)
    return table


def _columns(pattern: str, text: str, *, free_start: bool) -> list[int]:
    """Last-row values of the edit-distance table of *pattern* against each prefix of *text*.

    With *free_start*, the match may start anywhere in *text* (search);
    otherwise it starts at the beginning (prefix alignment).  Entry ``j`` is
    the distance for ``text[:j + 1]``.
    """
    m = len(pattern)
    peq = _peq(pattern)
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    carry = 0 if free_start else 1
    pv = mask
    mv = 0
    score = m
    out: list[int] = []
    append = out.append
    get = peq.get
    for char in text:
        eq = get(char, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        # Bits above the pattern's never reach those below: only pv needs the mask
        # (mv = ph & xv is within it, as xv is); ph may be negative, its low bits right.
        ph = mv | ~(xh | pv)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = (ph << 1) | carry
        pv = ((mh << 1) | ~(xv | ph)) & mask
        mv = ph & xv
        append(score)
    return out


def search_distances(pattern: str, text: str) -> list[int]:
    """For each end ``j + 1`` in *text*: the least edit distance of *pattern* to a text
    span ending there (the span may start anywhere)."""
    if not pattern:
        return [0] * len(text)
    return _columns(pattern, text, free_start=True)


def prefix_distances(pattern: str, text: str) -> list[int]:
    """``[levenshtein(pattern, text[:j + 1]) for j in range(len(text))]``, computed at once."""
    if not pattern:
        return list(range(1, len(text) + 1))
    return _columns(pattern, text, free_start=False)


def levenshtein(a: str, b: str) -> int:
    """The edit distance (insertions, deletions, substitutions) between *a* and *b*."""
    if a == b:
        return 0
    if not a or not b:
        return len(a) + len(b)
    return _columns(a, b, free_start=False)[-1]


def similarity(a: str, b: str) -> float:
    """``1 - levenshtein(a, b) / max(len(a), len(b))``: 1 for equal strings, 0 for disjoint."""
    if a == b:
        return 1.0
    return 1.0 - levenshtein(a, b) / max(len(a), len(b))
