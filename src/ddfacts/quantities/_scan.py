"""Linear-time scans of a quantity phrase: vague plurals and parentheses (for ``_parse``)."""

from __future__ import annotations

import re

__all__ = ["VAGUE", "outside_parentheses", "parenthesized", "vague_plural"]

#: Vague plurals -> the lower bound they give, longest phrase first where one
#: begins another ("hundreds of thousands" before "hundreds").
VAGUE: dict[str, int] = {
    "hundreds of thousands": 200_000,
    "tens of thousands": 20_000,
    "tens of millions": 20_000_000,
    "hundreds of millions": 200_000_000,
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2_000,
    "millions": 2_000_000,
    "billions": 2_000_000_000,
}
_VAGUE_START = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in VAGUE) + ")")
#: The plurals joined to the first: "hundreds or thousands", "dozens and dozens".
_JOINED = re.compile(r"(?:\s+(?:and|or)\s+\w+)*")
_OF = re.compile(r"\s+of\b")


def vague_plural(low: str) -> tuple[str, int] | None:
    """The first vague plural of *low* followed by "of", and where the "of" ends, or None.

    "hundreds of", "tens of thousands of", "hundreds or thousands of" (the first
    plural counts).  The phrases joined by "and"/"or" after a plural are scanned
    once: when no "of" follows them, no plural among them is followed by one
    either, so the search goes on after them and the scan stays linear.
    """
    pos = 0
    while (start := _VAGUE_START.search(low, pos)) is not None:
        reach = start.end()
        for phrase in VAGUE:
            if low.startswith(phrase, start.start()):
                joined = _JOINED.match(low, start.start() + len(phrase))
                assert joined is not None  # the pattern matches the empty string
                of = _OF.match(low, joined.end())
                if of is not None:
                    return phrase, of.end()
                reach = max(reach, joined.end())
        pos = reach
    return None


def outside_parentheses(low: str) -> str:
    """*low* with each parenthesized part replaced by a space, in one pass.

    Each "(" closes at the first ")" after it; an unclosed one stays, as does
    the text after it.
    """
    parts = []
    pos = 0
    while (start := low.find("(", pos)) >= 0 and (end := low.find(")", start)) >= 0:
        parts += [low[pos:start], " "]
        pos = end + 1
    return "".join([*parts, low[pos:]])


def parenthesized(low: str) -> tuple[int, str] | None:
    """Where the first closed parenthesis of *low* opens, and the text inside it, or None."""
    start = low.find("(")
    end = low.find(")", start) if start >= 0 else -1
    return None if end < 0 else (start, low[start + 1 : end])
