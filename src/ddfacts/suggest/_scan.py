"""What in a text is worth citing: figures, dates, direct quotations, roles.

Each finder is one pass of a regular expression whose repetitions are all
bounded, so a scan is linear in the text's length; the figures and dates
found are checked with the library's parsers (``parse_quantity``,
``parse_time``), never re-implemented.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from ..errors import QuantityParseError, TimeParseError
from ..quantities import Quantity, parse_quantity
from ..times import ResolvedAgainst, TimeSpan, parse_time

__all__ = ["Found", "dates", "figures", "quotes", "roles"]

#: ``(start, end, kind, parsed, speaker)`` of one thing found.
Found = tuple[int, int, str, Quantity | TimeSpan | None, str | None]

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_DATE = re.compile(
    rf"\b(?:(?:early|mid|late)[- ])?(?:\d{{1,2}} )?{_MONTH}(?: \d{{1,2}}(?:st|nd|rd|th)?)?"
    rf"(?:,? \d{{4}})?(?![\w])"
    r"|\b(?:in |since |by )?(?:1[5-9]\d\d|20\d\d)(?:s|\b)(?:[-\u2013](?:1[5-9]\d\d|20\d\d))?"
    r"|\b(?:last|next|this) (?:week|month|year)\b|\byesterday\b|\btoday\b"
)
_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    r"|forty|fifty|eighty|hundreds?|thousands?|millions?|dozens?|half|twice|couple|single"
    r"|first|second|third|fourth|fifth|sixth|tenth"
)
#: Words that follow a number without being what it counts.
_FUNCTION_WORDS = (
    "in|on|of|at|to|the|and|a|an|or|by|for|from|with|too|is|was|were|are|as|that|than|who"
)
_FIGURE = re.compile(
    r"(?:(?:more than|less than|fewer than|at least|at most|about|around|nearly|almost"
    r"|over|some|up to|roughly|only) )?"
    rf"(?:\d+(?:[.,]\d+){{0,6}}|\b(?:{_NUMBER_WORDS})\b)"
    r"(?: ?(?:%|per ?cent|million|billion|thousand|hundred))?"
    rf"(?: (?!(?:{_FUNCTION_WORDS})\b)[a-z][a-z-]{{1,30}})?",
    re.IGNORECASE,
)
_QUOTE = re.compile(r"[\u201c\"]([^\u201c\u201d\"\n]{2,600})[\u201d\"]")
_NAME = r"[A-Z][\w.'-]{0,30}(?: [A-Z][\w.'-]{0,30}){0,3}"
_SPEAKER_AFTER = re.compile(
    rf",? ?(?:(he|she|they|{_NAME}) (?:said|says|told|wrote|added|tweeted)"
    rf"|(?:said|says|added|wrote) ({_NAME}))"
)
_ROLE = re.compile(
    rf"({_NAME}), (?:the |a |an )?([a-z][a-z -]{{2,50}}?) (?:of|at|for|in) (?:the )?({_NAME})"
)


def _parsed_quantity(phrase: str) -> Quantity | None:
    try:
        return parse_quantity(phrase)
    except (QuantityParseError, ValueError):
        return None


def _parsed_time(phrase: str, reference: ResolvedAgainst | None) -> TimeSpan | None:
    try:
        return parse_time(phrase, relative_to=reference)
    except (TimeParseError, ValueError):
        return None


def dates(text: str, reference: ResolvedAgainst | None) -> Iterator[Found]:
    """Month names, years, decades and relative times ("last week"), parsed where possible."""
    for match in _DATE.finditer(text):
        start, end = match.span()
        phrase = match.group()
        for lead in ("in ", "since ", "by "):
            if phrase.startswith(lead):
                start, phrase = start + len(lead), phrase[len(lead) :]
        yield start, end, "date", _parsed_time(phrase, reference), None


def figures(text: str, taken: list[tuple[int, int]]) -> Iterator[Found]:
    """Numbers in digits or words with their qualifier and unit, outside the *taken* spans."""
    for match in _FIGURE.finditer(text):
        start, end = match.span()
        # *taken* comes from one finditer: sorted and non-overlapping.
        at = bisect.bisect_left(taken, (end, end)) - 1
        if at >= 0 and taken[at][1] > start:
            continue
        parsed = _parsed_quantity(match.group())
        yield start, end, "figure", parsed, None


def quotes(text: str) -> Iterator[Found]:
    """Direct quotations, with the speaker the text names right after them."""
    for match in _QUOTE.finditer(text):
        after = _SPEAKER_AFTER.match(text, match.end(), match.end() + 80)
        speaker = None
        if after is not None:
            speaker = after.group(1) or after.group(2)
        yield match.start(), match.end(), "quote", None, speaker


def roles(text: str) -> Iterator[Found]:
    """ "X, the press secretary of Y": a person, a position, an organization."""
    for match in _ROLE.finditer(text):
        yield match.start(), match.end(), "role", None, None
