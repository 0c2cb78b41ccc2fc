"""Where a quote stands in a text: every occurrence, and the one a citation means.

A quote that occurs more than once is never guessed: the caller says which
occurrence (``occurrence=``) or what it follows (``after=``), and otherwise
gets an :class:`AmbiguousQuoteError` listing every occurrence with its
context.  Quotes typed with plain spaces match the text's no-break spaces.
Finding the occurrences is one scan of the text (``str.find``), linear in its
length plus the quote's length for each occurrence counted.
"""

from __future__ import annotations

from ..errors import AmbiguousQuoteError, QuoteNotFoundError
from ..limits import MAX_PHRASE_CHARS

__all__ = ["MAX_COUNTED", "MAX_QUOTE_CHARS", "AmbiguousQuoteError", "locate", "occurrences"]

#: How many code points of context each listed occurrence shows on each side.
_SHOWN_CONTEXT = 30
#: How many occurrences an error message lists at most.
_SHOWN_OCCURRENCES = 10
#: A quote is a passage, not a chapter: longer ones are refused.
MAX_QUOTE_CHARS = 10 * MAX_PHRASE_CHARS
#: How many occurrences of one quote are counted at most.
MAX_COUNTED = 1000
_NBSP = "\u00a0"


def _shown(words: str, limit: int = 60) -> str:
    return words if len(words) <= limit else words[: limit - 3] + "..."


def occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    """Every ``(start, end)`` where *quote* stands in *text*, overlapping ones included.

    A space in the quote matches a space or a no-break space in the text (texts
    keep no-break spaces where a reader sees a space).  At most
    :data:`MAX_COUNTED` occurrences are counted, so the scan costs
    O(len(text) + MAX_COUNTED * len(quote)).

    Raises:
        ValueError: the quote is empty or longer than :data:`MAX_QUOTE_CHARS`.
    """
    if not isinstance(quote, str) or not quote.strip():
        raise ValueError("the quote must be a non-empty string")
    if len(quote) > MAX_QUOTE_CHARS:
        raise ValueError(
            f"the quote is {len(quote)} code points long; cite at most {MAX_QUOTE_CHARS}"
        )
    # Replacing one code point by one keeps every offset.
    plain, needle = text.replace(_NBSP, " "), quote.replace(_NBSP, " ")
    found: list[tuple[int, int]] = []
    start = plain.find(needle)
    while start != -1 and len(found) < MAX_COUNTED:
        found.append((start, start + len(needle)))
        start = plain.find(needle, start + 1)
    return found


def _listing(text: str, spans: list[tuple[int, int]]) -> str:
    lines = []
    for number, (start, end) in enumerate(spans[:_SHOWN_OCCURRENCES], start=1):
        before = text[max(0, start - _SHOWN_CONTEXT) : start].replace("\n", " ")
        after = text[end : end + _SHOWN_CONTEXT].replace("\n", " ")
        lines.append(f"  occurrence={number} at {start}: ...{before}[{text[start:end]}]{after}...")
    if len(spans) > _SHOWN_OCCURRENCES:
        lines.append(f"  and {len(spans) - _SHOWN_OCCURRENCES} more")
    return "\n".join(lines)


def _times(count: int) -> str:
    return f"at least {count} times" if count >= MAX_COUNTED else f"{count} times"


def _ambiguous(
    text: str, quote: str, spans: list[tuple[int, int]], why: str
) -> AmbiguousQuoteError:
    message = (
        f"the quote {_shown(quote)!r} occurs {_times(len(spans))}{why}; say which with "
        f"occurrence= or after=:\n{_listing(text, spans)}"
    )
    return AmbiguousQuoteError(message, quote=quote, starts=tuple(s for s, _ in spans))


def _not_found(quote: str, spans: list[tuple[int, int]], occurrence: int | None) -> Exception:
    if not spans:
        return QuoteNotFoundError(f"the quote {_shown(quote)!r} is not in the text")
    return QuoteNotFoundError(
        f"the quote {_shown(quote)!r} occurs {len(spans)} time{'s' if len(spans) != 1 else ''}"
        f" in the text; there is no occurrence {occurrence}"
    )


def _after_offset(text: str, after: str | int) -> int:
    """The offset a quote must start at or after: an offset, or the end of a unique quote."""
    if isinstance(after, bool) or not isinstance(after, (str, int)):
        raise TypeError(f"after must be a quote or an offset, got {after!r}")
    if isinstance(after, int):
        if not 0 <= after <= len(text):
            raise ValueError(f"after={after} is not an offset in the text (0..{len(text)})")
        return after
    return locate(text, after)[1]


def locate(
    text: str, quote: str, *, occurrence: int | None = None, after: str | int | None = None
) -> tuple[int, int]:
    """The ``(start, end)`` of the occurrence of *quote* a citation means.

    With neither *occurrence* nor *after* the quote must occur once.
    *occurrence* (1-based) picks one of all the occurrences; *after* (an
    offset, or a quote that occurs once) keeps those starting at or after it,
    and the first of them is meant unless *occurrence* counts among them.

    Raises:
        AmbiguousQuoteError: the quote occurs more than once and neither was given.
        QuoteNotFoundError: the quote, or the asked occurrence, is not in the text.
    """
    if occurrence is not None and (
        isinstance(occurrence, bool) or not isinstance(occurrence, int) or occurrence < 1
    ):
        raise ValueError(f"occurrence must be a positive integer, got {occurrence!r}")
    spans = occurrences(text, quote)
    if after is not None:
        floor = _after_offset(text, after)
        spans = [span for span in spans if span[0] >= floor]
        if occurrence is None:
            occurrence = 1
    if occurrence is None:
        if len(spans) > 1:
            raise _ambiguous(text, quote, spans, " in the text")
        occurrence = 1
    if occurrence > len(spans):
        raise _not_found(quote, spans, occurrence)
    return spans[occurrence - 1]
