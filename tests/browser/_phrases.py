"""Short repeated phrases of a text, the cases where text fragments go wrong in a browser.

A phrase is one to three words that occur more than once in the text; the
occurrences picked stand at a paragraph's edge, before an apostrophe
(``He`` of ``He's``), or anywhere else, in that order of preference.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ddfacts.cite._match import BLANK_LINE

#: A word: letters and digits (an apostrophe or a point ends it).
_WORD = re.compile(r"[^\W_]+")


def _edges(text: str) -> set[int]:
    """Offsets where a paragraph starts or ends."""
    found = {0, len(text)}
    for blank in BLANK_LINE.finditer(text):
        found.update((blank.start(), blank.end()))
    return found


def _spans(text: str) -> Iterator[tuple[int, int]]:
    """Every run of one to three words separated by single spaces."""
    words = [match.span() for match in _WORD.finditer(text)]
    for index, (start, _) in enumerate(words):
        for size in range(1, 4):
            if index + size > len(words):
                break
            end = words[index + size - 1][1]
            if size > 1 and text[words[index + size - 2][1]] != " ":
                break
            if size > 1 and words[index + size - 1][0] - words[index + size - 2][1] != 1:
                break
            yield start, end


def _kind(text: str, start: int, end: int, edges: set[int]) -> int:
    """0: at a paragraph's edge; 1: before an apostrophe; 2: elsewhere."""
    if start in edges or end in edges or text[end : end + 1] in ("\n",):
        return 0
    if text[end : end + 2] in ("'s", "\u2019s"):
        return 1
    return 2


def phrases(text: str, count: int) -> list[tuple[int, int]]:
    """*count* spans of repeated short phrases, edges and apostrophes first, spread evenly."""
    edges = _edges(text)
    seen: dict[str, int] = {}
    spans = list(_spans(text))
    for start, end in spans:
        phrase = text[start:end].casefold()
        seen[phrase] = seen.get(phrase, 0) + 1
    kinds: list[list[tuple[int, int]]] = [[], [], []]
    for start, end in spans:
        if seen[text[start:end].casefold()] > 1:
            kinds[_kind(text, start, end, edges)].append((start, end))
    picked: list[tuple[int, int]] = []
    for found, share in zip(kinds, (count // 2, count // 4, count), strict=True):
        room = min(share, count - len(picked))
        step = max(1, len(found) // max(room, 1))
        picked.extend(found[::step][:room])
    rest = [span for found in kinds for span in found if span not in picked]
    picked.extend(rest[: count - len(picked)])
    return sorted(picked)
