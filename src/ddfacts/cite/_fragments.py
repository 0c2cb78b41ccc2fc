"""Text fragments (WICG Text Fragments): build, encode, parse and match ``text=`` directives.

A directive ``text=[prefix-,]start[,end][,-suffix]`` opens a page at a quote.
Its terms are percent-encoded: ``-``, ``&`` and ``,`` always (they are the
syntax), and everything outside the URL unreserved set, so the result is safe
in any URL fragment.

Matching follows the specification's find algorithm on a plain text: terms
match case-insensitively, on word boundaries as a browser sees them (``He``
is not a whole word of ``He's``; see :class:`~ddfacts.cite._match.Term` for
which edge of which term must meet one), only whitespace may stand between
the prefix and the start and between the end (or start) and the suffix,
``end`` is the first occurrence after ``start``, and a run of whitespace in a
term matches any run of whitespace.

A browser never matches one term across two blocks (paragraphs), so the
text is taken as blocks split at blank lines, as the site's pages render it:
context words come from the quote's own block, or, when the quote opens or
closes its block, one word of the block beside it; a quote that spans
blocks is cited in the ``start,end`` form with each term inside one block.
"""

from __future__ import annotations

from bisect import bisect_left
from urllib.parse import quote, unquote

import attrs

from ..errors import TextDirectiveError
from ._match import BLANK_LINE, Folded, Search, Shape, Term

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
        head, tail = prefix is None, end is not None or suffix is None
        for at in start.occurrences(folded, head=head, tail=tail):
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


def _words_before(text: str, position: int, count: int, floor: int = 0) -> str | None:
    """The last *count* words of ``text[floor:position]`` (reading back only as far as needed)."""
    width = 64
    while True:
        window = text[max(floor, position - width) : position]
        words = window.split()
        if len(words) > count or width >= position - floor:
            break
        width *= 4
    if width < position - floor and window[:1].split():
        words = words[1:]  # the window may have cut the first word
    return " ".join(words[-count:]) if count and words[-count:] else None


def _words_after(text: str, position: int, count: int, ceiling: int | None = None) -> str | None:
    """The first *count* words of ``text[position:ceiling]`` (reading on only as needed)."""
    ceiling = len(text) if ceiling is None else ceiling
    width = 64
    while True:
        window = text[position : min(ceiling, position + width)]
        words = window.split()
        if len(words) > count or position + width >= ceiling:
            break
        width *= 4
    return " ".join(words[:count]) if count and words[:count] else None


@attrs.frozen
class _Context:
    """Where a quote's context words may come from: its blocks, and the blocks beside them."""

    folded: Folded
    target: tuple[int, int]

    def before(self, count: int) -> str | None:
        """The last *count* words before the quote in its block, else one of the block before."""
        folded, at = self.folded, self.target[0]
        number = folded.block(at)
        floor = folded.block_starts[number]
        words = _words_before(folded.text, at, count, floor)
        if words is None and count and number:
            words = _words_before(
                folded.text, folded.block_ends[number - 1], 1, folded.block_starts[number - 1]
            )
        return words

    def after(self, count: int) -> str | None:
        """The first *count* words after the quote in its block, else one of the block after."""
        folded, at = self.folded, self.target[1]
        number = folded.block(max(at - 1, 0))
        ceiling = folded.block_ends[number]
        words = _words_after(folded.text, at, count, ceiling)
        if words is None and count and number + 1 < len(folded.block_starts):
            words = _words_after(
                folded.text, folded.block_starts[number + 1], 1, folded.block_ends[number + 1]
            )
        return words


def _candidates(quote_: str) -> list[TextDirective]:
    """Context-free forms of a quote, most readable first.

    A short quote inside one block is its own ``start`` term; a long one, or
    one that spans blocks, is cited by its first and last words, each term
    inside one block (the exact form of a quote across blocks never matches).
    """
    parts = BLANK_LINE.split(quote_.strip())
    words = quote_.split()
    if len(parts) == 1 and (len(quote_) <= LONG_QUOTE or len(words) < 2 * RANGE_WORDS + 1):
        return [TextDirective(start=_normal(quote_))]
    head, tail = parts[0].split(), parts[-1].split()
    largest = len(words) // 2 if len(parts) == 1 else max(len(head), len(tail), RANGE_WORDS)
    forms = []
    for size in range(RANGE_WORDS, largest + 1, 2):
        form = TextDirective(start=" ".join(head[:size]), end=" ".join(tail[-size:]))
        if form not in forms:
            forms.append(form)
    if len(parts) == 1:
        forms.append(TextDirective(start=_normal(quote_)))
    else:
        whole = TextDirective(start=" ".join(head), end=" ".join(tail))
        if whole not in forms:
            forms.append(whole)
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
    if folded is None or folded.text is not text:
        folded = Folded(text)
    context = _Context(folded, target)
    best = forms[-1]
    for form in forms:
        found, best = _with_context(form, context, best)
        if found is not None:
            return found, True
    return best, False


def _with_context(
    form: TextDirective, context: _Context, best: TextDirective
) -> tuple[TextDirective | None, TextDirective]:
    """The form with the fewest context words that matches the target alone (or None),
    and the most precise form that still hits it (else *best*).

    Words are added prefix first, then suffix, in turn.  A form that misses
    the target without a prefix or a suffix may hit it with them (a quote
    that ends before ``'s`` is no whole word alone): only a miss with both
    ends the search.
    """
    searches: dict[Shape, Search] = {}
    previous: tuple[str | None, str | None] | None = None
    for step in range(2 * MAX_CONTEXT_WORDS + 1):
        prefix = context.before((step + 1) // 2)
        suffix = context.after(step // 2)
        if (prefix, suffix) == previous:
            continue  # this side has no more words to give
        previous = (prefix, suffix)
        shape = Shape(prefix is not None, suffix is not None)
        if shape not in searches:
            searches[shape] = Search(context.folded, form.start, form.end, context.target, shape)
        verdict = searches[shape].verdict(prefix, suffix)
        candidate = attrs.evolve(form, prefix=prefix, suffix=suffix)
        if verdict:
            return candidate, best
        if verdict is None:
            best = candidate
        elif (
            step >= 2
            and (shape.prefix or context.before(1) is None)
            and (shape.suffix or context.after(1) is None)
        ):
            break
    return None, best


def link_with(url: str, directive: TextDirective) -> str:
    """*url* with the directive in its fragment (after ``:~:``, keeping any fragment)."""
    if "#" in url:
        return f"{url}:~:{directive}"
    return f"{url}#:~:{directive}"
