"""Text fragments (WICG Text Fragments): build, encode, parse and match ``text=`` directives.

A directive ``text=[prefix-,]start[,end][,-suffix]`` opens a page at a quote.
Its terms are percent-encoded: ``-``, ``&`` and ``,`` always (they are the
syntax), and everything outside the URL unreserved set, so the result is safe
in any URL fragment.

Matching follows the specification's find algorithm on a plain text: terms
match case-insensitively, each term starts and ends on a word boundary,
only whitespace may stand between the prefix and the start and between the
end (or start) and the suffix, ``end`` is the first occurrence after
``start``, and a run of whitespace in a term matches any run of whitespace.
A browser searches the rendered page, so a page whose markup splits a quote
across blocks may still differ: the directive is made unique for the text
the text store holds.
"""

from __future__ import annotations

from bisect import bisect_left
from urllib.parse import quote, unquote

import attrs

from ..errors import TextDirectiveError
from ._match import Folded, Search, Term

__all__ = ["TextDirective", "TextDirectiveError", "build_directive", "link_with"]

#: Quotes longer than this many code points use the ``start,end`` form.
LONG_QUOTE = 150
#: How many words of context may be added on each side to make a match unique.
MAX_CONTEXT_WORDS = 12
#: How many words a ``start`` or ``end`` term of a long quote holds at first.
RANGE_WORDS = 4


def _encode(term: str) -> str:
    return quote(term, safe="").replace("-", "%2D").replace("~", "%7E")


def _normal(term: str) -> str:
    return " ".join(term.split())


@attrs.frozen(kw_only=True)
class TextDirective:
    """One ``text=`` directive: a start term, and optional end, prefix and suffix terms.

    ``str(directive)`` is its encoded form, e.g. ``text=more%20than%209%2C000``.

    .. versionadded:: 0.1.0
    """

    #: The quote, or the first words of a long quote.
    start: str
    #: The last words of a long quote, or None.
    end: str | None = None
    #: Words just before the quote, or None.
    prefix: str | None = None
    #: Words just after the quote, or None.
    suffix: str | None = None

    def __attrs_post_init__(self) -> None:
        for name in ("start", "end", "prefix", "suffix"):
            value = getattr(self, name)
            if value is not None and not value.split():
                raise TextDirectiveError(f"the {name} term of a text directive must hold a word")

    def __str__(self) -> str:
        parts = []
        if self.prefix is not None:
            parts.append(_encode(self.prefix) + "-")
        parts.append(_encode(self.start))
        if self.end is not None:
            parts.append(_encode(self.end))
        if self.suffix is not None:
            parts.append("-" + _encode(self.suffix))
        return "text=" + ",".join(parts)

    @classmethod
    def parse(cls, directive: str) -> TextDirective:
        """Decode a directive (``text=…``, or a URL or fragment holding one)."""
        if ":~:" in directive:
            directive = directive.split(":~:", 1)[1]
        texts = [part for part in directive.split("&") if part.startswith("text=")]
        if not texts:
            raise TextDirectiveError(f"no 'text=' directive in {directive!r}")
        parts = texts[0][len("text=") :].split(",")
        prefix = suffix = None
        if parts and parts[0].endswith("-"):
            prefix = unquote(parts.pop(0)[:-1])
        if parts and parts[-1].startswith("-"):
            suffix = unquote(parts.pop()[1:])
        if len(parts) not in (1, 2) or any(not part for part in parts):
            raise TextDirectiveError(f"malformed text directive {texts[0]!r}")
        try:
            return cls(
                start=unquote(parts[0]),
                end=unquote(parts[1]) if len(parts) == 2 else None,
                prefix=prefix,
                suffix=suffix,
            )
        except TextDirectiveError:
            raise TextDirectiveError(f"malformed text directive {texts[0]!r}") from None

    def matches(self, text: str) -> list[tuple[int, int]]:
        """Every span of *text* the directive can highlight, as ``(start, end)`` offsets.

        Linear in the text and the terms, up to a logarithmic factor per
        occurrence of the start term: no search is retried from each occurrence.
        """
        folded = Folded(text)
        start = Term.of(self.start)
        prefix = None if self.prefix is None else Term.of(self.prefix)
        suffix = None if self.suffix is None else Term.of(self.suffix)
        end = None if self.end is None else Term.of(self.end)
        ends = None if end is None else end.valid(folded, suffix)
        spans: list[tuple[int, int]] = []
        for at in start.occurrences(folded):
            stop = at + len(start.needle)
            if prefix is not None and not prefix.ending_at(folded, at):
                continue
            if end is not None and ends is not None:
                # The first end term after the start, as ``start.*?end`` finds it.
                index = bisect_left(ends, stop)
                if index == len(ends):
                    break
                stop = ends[index] + len(end.needle)
            elif suffix is not None and not suffix.starting_at(folded, stop):
                continue
            spans.append((folded.raw(at), folded.raw(stop - 1) + 1))
        return spans


def _words_before(text: str, position: int, count: int) -> str | None:
    """The last *count* words before *position* (reading back only as far as needed)."""
    width = 64
    while True:
        window = text[max(0, position - width) : position]
        words = window.split()
        if len(words) > count or width >= position:
            break
        width *= 4
    if width < position and window[:1].split():
        words = words[1:]  # the window may have cut the first word
    return " ".join(words[-count:]) if count and words[-count:] else None


def _words_after(text: str, position: int, count: int) -> str | None:
    """The first *count* words after *position* (reading on only as far as needed)."""
    width = 64
    while True:
        window = text[position : position + width]
        words = window.split()
        if len(words) > count or position + width >= len(text):
            break
        width *= 4
    return " ".join(words[:count]) if count and words[:count] else None


def _candidates(quote_: str) -> list[TextDirective]:
    """Context-free forms of a quote, most readable first."""
    exact = TextDirective(start=_normal(quote_))
    words = quote_.split()
    if len(quote_) <= LONG_QUOTE or len(words) < 2 * RANGE_WORDS + 1:
        return [exact]
    forms = []
    for size in range(RANGE_WORDS, len(words) // 2 + 1, 2):
        forms.append(TextDirective(start=" ".join(words[:size]), end=" ".join(words[-size:])))
    forms.append(exact)
    return forms


def build_directive(
    quote_: str,
    text: str | None = None,
    position: int | None = None,
    *,
    folded: Folded | None = None,
) -> tuple[TextDirective, bool | None]:
    """The shortest directive that highlights *quote_*, and whether it is unique.

    Without *text* the directive is the quote itself (its first and last
    words when long), and uniqueness is unknown (None).  With *text* and the
    quote's *position* in it, words of context are added, prefix then
    suffix, until the directive matches that occurrence and no other; if no
    directive within :data:`MAX_CONTEXT_WORDS` words does, the most precise
    one is returned with False.  A caller citing many quotes of one text
    passes its ``Folded(text)`` as *folded*, so the text is folded once.
    """
    if not quote_.split():
        raise TextDirectiveError("a text fragment needs a quote with a word in it")
    forms = _candidates(quote_)
    if text is None:
        return forms[0], None
    if position is None:
        position = text.find(quote_)
        if position < 0:
            return forms[0], False
    lead = len(quote_) - len(quote_.lstrip())
    target = (position + lead, position + len(quote_.rstrip()))
    best = forms[-1]
    if folded is None or folded.text is not text:
        folded = Folded(text)
    for form in forms:
        search = Search(folded, form.start, form.end, target)
        for step in range(2 * MAX_CONTEXT_WORDS + 1):
            prefix = _words_before(text, target[0], (step + 1) // 2)
            suffix = _words_after(text, target[1], step // 2)
            verdict = search.verdict(prefix, suffix)
            candidate = attrs.evolve(form, prefix=prefix, suffix=suffix)
            if verdict:
                return candidate, True
            if verdict is False:
                break
            best = candidate
    return best, False


def link_with(url: str, directive: TextDirective) -> str:
    """*url* with the directive in its fragment (after ``:~:``, keeping any fragment)."""
    if "#" in url:
        return f"{url}:~:{directive}"
    return f"{url}#:~:{directive}"
