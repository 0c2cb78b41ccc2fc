"""Pattern tests that remember the strings they passed, for the compiled shape checks.

A record repeats the same few identifiers and days many times (a claim's
subject and speaker, its source, the bounds of its as-of), and a regular
expression search costs several times a set lookup.  So the compiled check
of a ``pattern`` (:mod:`._schemacompile`) asks ``x in seen or match(x)``:
``seen`` holds strings the pattern matched, ``match`` searches and, on a
match, adds the string.  Only a string the expression matched is ever in
``seen``, so the answer is the search's; the set is bounded
(:data:`PATTERN_MEMO_LIMIT`: emptied when full), so memory stays bounded
and a test stays O(length of the string).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

__all__ = ["PATTERN_MEMO_LIMIT", "remembering"]

#: Strings a pattern test keeps before it starts again.
PATTERN_MEMO_LIMIT = 8192


@cache
def remembering(
    regex: re.Pattern[str], limit: int = PATTERN_MEMO_LIMIT
) -> tuple[set[str], Callable[[str], bool]]:
    """The set of strings *regex* matched, and the test that searches and fills it.

    One pair per compiled expression, shared by every check that uses it.
    """
    if limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")
    seen: set[str] = set()
    search = regex.search

    def match(text: str) -> bool:
        if search(text) is None:
            return False
        if len(seen) >= limit:
            seen.clear()
        seen.add(text)
        return True

    return seen, match
