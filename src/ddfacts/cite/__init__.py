"""Citations: where a Statement or a Claim's evidence stands, and a link that opens it.

:func:`cite` gathers, for each quote, the source's title, authors, publisher,
date and URL, and a URL with a text fragment (``#:~:text=``, WICG Text
Fragments) that opens the page at the quote.  With a text store, context
words are added to the fragment until it matches the quote and nothing else
in the text.
"""

from __future__ import annotations

from ..errors import CiteError, TextDirectiveError
from ._cite import Citation, Passage, cite, text_fragment
from ._fragments import TextDirective

__all__ = [
    "Citation",
    "CiteError",
    "Passage",
    "TextDirective",
    "TextDirectiveError",
    "cite",
    "text_fragment",
]
