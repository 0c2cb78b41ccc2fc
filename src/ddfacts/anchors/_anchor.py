"""Anchors: cite a span of a text by position, quote and context.

Offsets are code points of the text exactly as stored (Python ``str``
indices).  An anchor is redundant on purpose: ``start``/``end``, the
``exact`` quote, and up to 32 code points of ``prefix``/``suffix`` context.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Any

import attrs

from ..errors import QuoteNotFoundError
from ._relocate import Relocation, relocate
from ._rules import anchor_span

__all__ = ["CONTEXT_LENGTH", "Anchor", "occurrence_of", "statement_id"]

#: How many code points of context ``prefix`` and ``suffix`` hold at most.
CONTEXT_LENGTH = 32


def _context(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{attribute.name} must be a string, got {value!r}")
    if len(value) > CONTEXT_LENGTH:
        raise ValueError(
            f"{attribute.name} holds {len(value)} code points; at most {CONTEXT_LENGTH} are kept"
        )


@attrs.frozen(kw_only=True)
class Anchor:
    """Where a quote stands in a text: ``text[start:end] == exact``.

    .. versionadded:: 0.1.0
    """

    #: First code point of the quote.
    start: int = attrs.field(validator=[attrs.validators.instance_of(int), attrs.validators.ge(0)])
    #: One past the last code point of the quote.
    end: int = attrs.field(validator=attrs.validators.instance_of(int))
    #: The quote, exactly as the text has it.
    exact: str = attrs.field(validator=attrs.validators.instance_of(str))
    #: Up to 32 code points just before the quote.
    prefix: str = attrs.field(default="", validator=_context)
    #: Up to 32 code points just after the quote.
    suffix: str = attrs.field(default="", validator=_context)

    def __attrs_post_init__(self) -> None:
        if isinstance(self.start, bool) or isinstance(self.end, bool):
            raise TypeError("start and end must be integers")
        message = anchor_span(self.start, self.end, self.exact)
        if message is not None:
            raise ValueError(message)
        if not self.exact:
            raise ValueError("the quote must not be empty")

    @classmethod
    def from_span(cls, text: str, start: int, end: int) -> Anchor:
        """The anchor of ``text[start:end]``, with up to 32 code points of context each side.

        Raises:
            ValueError: the span is empty or not inside the text.
        """
        if isinstance(start, bool) or isinstance(end, bool):
            raise TypeError("start and end must be integers")
        if not 0 <= start < end <= len(text):
            raise ValueError(
                f"the span {start}..{end} is empty or not inside the text (0..{len(text)})"
            )
        return cls(
            start=start,
            end=end,
            exact=text[start:end],
            prefix=text[max(0, start - CONTEXT_LENGTH) : start],
            suffix=text[end : end + CONTEXT_LENGTH],
        )

    @classmethod
    def from_quote(cls, text: str, exact: str, occurrence: int = 1) -> Anchor:
        """The anchor of the *occurrence*-th place (1-based) where *exact* stands in *text*.

        Occurrences are counted at every start position, so overlapping ones count.

        Raises:
            QuoteNotFoundError: the quote is not in the text, or has fewer occurrences.
            ValueError: the quote is empty or *occurrence* is below 1.
        """
        if not exact:
            raise ValueError("the quote must not be empty")
        if isinstance(occurrence, bool) or not isinstance(occurrence, int) or occurrence < 1:
            raise ValueError(f"occurrence must be a positive integer, got {occurrence!r}")
        found = 0
        start = text.find(exact)
        while start != -1:
            found += 1
            if found == occurrence:
                return cls.from_span(text, start, start + len(exact))
            start = text.find(exact, start + 1)
        shown = exact if len(exact) <= 60 else exact[:57] + "..."
        if found == 0:
            raise QuoteNotFoundError(f"the quote {shown!r} is not in the text")
        raise QuoteNotFoundError(
            f"the quote {shown!r} occurs {found} time{'s' if found != 1 else ''} in the text; "
            f"there is no occurrence {occurrence}"
        )

    def verify(self, text: str) -> bool:
        """Whether the quote stands at its offsets in *text*."""
        return text[self.start : self.end] == self.exact

    def relocate(self, new_text: str, *, old_length: int | None = None) -> Relocation:
        """Find this anchor's quote in *new_text*, a changed version of its text.

        Tries, in order: the recorded position, the exact quote, a normalized
        match and an approximate match; answers only when sure, and says
        ``orphaned`` otherwise.  See :class:`~ddfacts.Relocation`.

        *old_length*, the length of the text the anchor was made in (a
        Source's ``length``), lets the expected position scale with the
        text's change in size, so that nearness can tell apart passages that
        read alike (as in a text of near-copies).
        """
        return relocate(self, new_text, old_length=old_length)


def occurrence_of(text: str, anchor: Anchor) -> tuple[int, int]:
    """Which occurrence of its quote *anchor* is in *text*, and how many there are.

    Returns ``(occurrence, total)``, occurrence 1-based, counted as
    :meth:`Anchor.from_quote` counts them; occurrence is 0 when the anchor
    does not verify against *text*.
    """
    occurrence = 0
    total = 0
    start = text.find(anchor.exact)
    while start != -1:
        total += 1
        if start == anchor.start:
            occurrence = total
        start = text.find(anchor.exact, start + 1)
    return occurrence, total


#: How many words of the quote the default statement id keeps.
_ID_WORDS = 6
#: How long the quote part of the default statement id grows at most.
_ID_CHARS = 48


#: Cyrillic (Russian, Ukrainian, Belarusian, Serbian, Macedonian) and Greek letters in
#: Latin letters, after the common news-style romanizations (BGN/PCGN-like, no diacritics).
_ROMAN = {
    **dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye", strict=True)),
    **{"ё": "e", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch"},
    **{"ъ": "", "ь": "", "ю": "yu", "я": "ya", "є": "ye", "і": "i", "ї": "yi", "ґ": "g"},
    **{"ў": "u", "ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "џ": "dz"},
    **{"ѓ": "gj", "ќ": "kj", "ѕ": "dz"},
    **dict(zip("αβγδεζηικλμνξοπρσςτυφω", "avgdeziiklmnxoprsstyfo", strict=True)),
    **{"θ": "th", "χ": "ch", "ψ": "ps"},
}


def _romanizations() -> dict[int, str]:
    """The table for ``str.translate``: upper and lower case, and accented Greek letters."""
    table: dict[int, str] = {}
    for code in [*range(0x0370, 0x0530), *range(0x1F00, 0x2000)]:
        letter = chr(code).lower()
        base = unicodedata.normalize("NFD", letter)[:1]
        if letter in _ROMAN or base in _ROMAN:
            table[code] = _ROMAN.get(letter, _ROMAN.get(base, ""))
    return table


_TRANSLITERATE = _romanizations()


def _romanized(quote: str) -> str:
    """*quote* with Cyrillic and Greek romanized, when those letters outnumber Latin ones.

    A quote mostly in Latin letters is left as it is, so its id stays what it
    was before romanization existed (a Russian name inside an English sentence
    does not change the sentence's id).
    """
    other = sum(1 for char in quote if ord(char) in _TRANSLITERATE)
    latin = sum(1 for char in quote if char.isascii() and char.isalpha())
    return quote.translate(_TRANSLITERATE) if other > latin else quote


def _slug(quote: str) -> str:
    """The first words of *quote* as ``a-slug``: Latin letters and digits, a mostly
    Cyrillic or Greek quote romanized; ``q`` and a short hash when nothing is left."""
    ascii_ = unicodedata.normalize("NFKD", _romanized(quote))
    ascii_ = ascii_.encode("ascii", "ignore").decode("ascii").lower().replace("'", "")
    words = re.findall(r"[a-z0-9]+", ascii_)[:_ID_WORDS]
    slug = ""
    for word in words:
        longer = f"{slug}-{word}" if slug else word
        if len(longer) > _ID_CHARS:
            break
        slug = longer
    if not slug:
        slug = "q" + hashlib.sha256(quote.encode("utf-8")).hexdigest()[:10]
    return slug


def statement_id(source_id: str, text: str, anchor: Anchor) -> str:
    """The default id of a Statement citing *anchor* in *text*, the text of *source_id*.

    ``statement:<source slug>/<slug of the quote's first words>``, plus
    ``-<occurrence>`` when the quote occurs more than once in the text.  The
    id is made once, when the statement is created, and never changes when
    the anchor is re-anchored (DESIGN decision 6).  A quote mostly in Cyrillic
    or Greek letters is romanized (``"Мы не отступим"`` gives ``my-ne-otstupim``); a quote with
    nothing readable left (no Latin, Cyrillic or Greek letters, no digits) gets
    ``q`` and a short hash of the quote as its slug.

    Example: ``statement_id("source:rabble", text, anchor)`` may give
    ``"statement:rabble/more-than-9-000-followers"``.

    .. versionadded:: 0.1.0
    """
    source_slug = source_id.split(":", 1)[1] if ":" in source_id else source_id
    slug = _slug(anchor.exact)
    occurrence, total = occurrence_of(text, anchor)
    if total > 1 and occurrence > 0:
        slug += f"-{occurrence}"
    return f"statement:{source_slug}/{slug}"
