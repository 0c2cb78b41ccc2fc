"""Normalized text with a map back to raw offsets, for re-anchoring.

Normalizing folds what editors change without changing what a text says:
whitespace runs and line breaks (one space), curly and straight quotes,
dashes (a run of dashes is one ``-``), ellipses, non-breaking spaces, case,
Unicode compatibility forms (NFKC), and invisible characters (soft hyphens,
zero-width spaces), which are dropped.  Every normalized character remembers
the raw characters it came from, so a match in normalized text maps back to
raw offsets of the text as stored.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import attrs

__all__ = ["Normalized", "normalize", "normalized_text"]

_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u0060\u00b4"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"

_TABLE: dict[str, str] = {}


def _fold(char: str) -> str:
    """What one raw character becomes: a string, possibly empty or several characters."""
    folded = _TABLE.get(char)
    if folded is not None:
        return folded
    if char in _INVISIBLE:
        folded = ""
    elif char.isspace():
        folded = " "
    elif char in _SINGLE_QUOTES:
        folded = "'"
    elif char in _DOUBLE_QUOTES:
        folded = '"'
    elif char in _DASHES:
        folded = "-"
    else:
        folded = unicodedata.normalize("NFKC", char).casefold()
        folded = "".join(_fold(c) if c != char else c for c in folded)
    _TABLE[char] = folded
    return folded


@attrs.frozen
class Normalized:
    """A normalized text and, per normalized character, the raw span it came from."""

    #: The normalized text.
    text: str
    #: Raw index of the first raw character behind each normalized character.
    starts: list[int]
    #: Raw index one past the last raw character behind each normalized character.
    ends: list[int]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw span behind the normalized span ``start..end`` (not empty)."""
        return self.starts[start], self.ends[end - 1]


#: Runs that normalize to themselves lowercased: printable ASCII but for dashes, backticks
#: and spaces, with single spaces between.  Most of a text is such runs, copied at once.
_PLAIN = re.compile(r"[!-,.-_a-~]+(?: [!-,.-_a-~]+)*")


class _Builder:
    """A normalized text being built, with its map back to raw offsets."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.last = ""

    def plain(self, text: str, start: int, end: int) -> None:
        """Copy the :data:`_PLAIN` run ``text[start:end]``, lowercased (ASCII: one for one)."""
        self.out.append(text[start:end].lower())
        self.starts.extend(range(start, end))
        self.ends.extend(range(start + 1, end + 1))
        self.last = "x"  # a run ends with a character that nothing merges with

    def chars(self, text: str, start: int, end: int) -> None:
        """Fold ``text[start:end]`` character by character."""
        out, starts, ends = self.out, self.starts, self.ends
        last = self.last
        for index in range(start, end):
            char = text[index]
            folded = _TABLE.get(char)
            if folded is None:
                folded = _fold(char)
            if not folded:
                continue
            if (folded == " " or folded == "-") and last == folded:
                ends[-1] = index + 1  # a run of spaces or dashes is one character
                continue
            for piece in folded:
                out.append(piece)
                starts.append(index)
                ends.append(index + 1)
            last = folded[-1]
        self.last = last

    def done(self) -> Normalized:
        return Normalized("".join(self.out), self.starts, self.ends)


def _by_character(text: str) -> Normalized:
    """:func:`normalize` without the fast path for plain runs (what it must equal)."""
    builder = _Builder()
    builder.chars(text, 0, len(text))
    return builder.done()


def normalize(text: str) -> Normalized:
    """*text* normalized, with the map back to raw offsets; linear in its length."""
    builder = _Builder()
    at = 0
    for match in _PLAIN.finditer(text):
        start, end = match.span()
        builder.chars(text, at, start)
        builder.plain(text, start, end)
        at = end
    builder.chars(text, at, len(text))
    return builder.done()


def normalized_text(text: str) -> str:
    """*text* normalized, without the map."""
    return normalize(text).text


@lru_cache(maxsize=4)
def cached_normalize(text: str) -> Normalized:
    """:func:`normalize`, remembered for the last few texts (relocating many anchors)."""
    return normalize(text)
