"""Reading JSON-LD for import: the items of a document, streamed, and the blocks of an HTML page.

:func:`iter_items` yields the nodes of a JSON-LD document one at a time,
each with its JSON pointer: the document itself when it is one object; the
elements of a top-level array; the elements of a top-level object's
``@graph`` or ``dataFeedElement`` array.  It reads the text in chunks and
keeps one item in memory at a time, so a feed of any size imports in
bounded memory: each item is at most :data:`~ddfacts.limits.MAX_LINE_BYTES`
bytes of JSON.  Each item is parsed by the strict reader
(:mod:`ddfacts.jsonio._strict`): duplicate keys, deep nesting, long numbers
and lone surrogates are refused with a located fault.

:func:`html_blocks` finds the ``<script type="application/ld+json">`` blocks
of an HTML page (stdlib :mod:`html.parser`; linear in the page).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any, Protocol

from ..jsonio._strict import Fault, fault, parse
from ..limits import MAX_LINE_BYTES
from ..problems import Location

__all__ = ["STREAMED_ARRAYS", "html_blocks", "iter_items", "iter_text_items"]

#: The members of a top-level object whose array elements are the items.
STREAMED_ARRAYS = ("@graph", "dataFeedElement")
#: How many characters are read at a time.
_CHUNK = 1 << 16
_SPACE = re.compile(r"[ \t\r\n]*")
_FINDER = json.JSONDecoder()


class Readable(Protocol):
    """A text stream: ``read(size)`` returns "" at the end."""

    def read(self, size: int, /) -> str:
        """At most about *size* characters; "" at the end."""


class _Buffer:
    """A window on a text stream: the unread text, refilled on demand."""

    def __init__(self, handle: Readable) -> None:
        self._handle = handle
        self.text = ""
        self.pos = 0
        self.eof = False
        #: Characters consumed before ``text`` starts (for messages).
        self.before = 0

    def fill(self, at_least: int = _CHUNK) -> bool:
        """Read at least *at_least* more characters; False at the end of the stream."""
        if self.eof:
            return False
        if self.pos > _CHUNK:
            self.before += self.pos
            self.text, self.pos = self.text[self.pos :], 0
        more = self._handle.read(max(at_least, _CHUNK))
        if not more:
            self.eof = True
            return False
        self.text += more
        return True

    def skip_space(self) -> str:
        """Skip white space; the next character, or "" at the end."""
        while True:
            self.pos = _SPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.text) or not self.fill():
                return self.text[self.pos : self.pos + 1]

    def expect(self, chars: str, where: Location) -> str:
        """The next non-space character, which must be one of *chars*."""
        found = self.skip_space()
        if not found or found not in chars:
            shown = repr(found) if found else "the end of the text"
            raise fault(
                "json.syntax",
                f"invalid JSON: expected one of {chars!r} at character {self.before + self.pos}, "
                f"found {shown}",
                where,
                "invalid JSON: a document cut short or malformed",
            )
        self.pos += 1
        return found

    def value_text(self, where: Location) -> str:
        """The text of the JSON value that starts here (at most MAX_LINE_BYTES characters)."""
        self.skip_space()
        while True:
            try:
                end = _FINDER.raw_decode(self.text, self.pos)[1]
                if end == len(self.text) and self.fill():
                    continue  # a number may go on in the next chunk
            except (ValueError, RecursionError):
                if len(self.text) - self.pos > MAX_LINE_BYTES:
                    raise _too_large(where) from None
                if self.fill(len(self.text) - self.pos):
                    continue
                end = len(self.text)
            if end - self.pos > MAX_LINE_BYTES:
                raise _too_large(where)
            text = self.text[self.pos : end]
            self.pos = end
            return text


def _too_large(where: Location) -> Fault:
    return fault(
        "import.item-too-large",
        f"one item is longer than {MAX_LINE_BYTES} bytes of JSON; no ClaimReview needs so much",
        where,
        f"an item longer than {MAX_LINE_BYTES} bytes",
    )


def _array(buffer: _Buffer, where: Location) -> Iterator[tuple[Location, Any]]:
    """The elements of the array whose ``[`` was just read."""
    index = 0
    if buffer.skip_space() == "]":
        buffer.pos += 1
        return
    while True:
        at = where.child(index)
        yield at, parse(buffer.value_text(at), at, finite=True)
        index += 1
        if buffer.expect(",]", where) == "]":
            return


def _object(buffer: _Buffer, where: Location) -> Iterator[tuple[Location, Any]]:
    """The items of a top-level object: its streamed arrays' elements, else itself."""
    members: dict[str, Any] = {}
    streamed = False
    if buffer.skip_space() != "}":
        while True:
            key = parse(buffer.value_text(where), where, finite=True)
            if not isinstance(key, str):
                raise fault("json.syntax", "invalid JSON: a key is not a string", where, "bad key")
            buffer.expect(":", where)
            at = where.child(key)
            if key in STREAMED_ARRAYS and buffer.skip_space() == "[":
                buffer.pos += 1
                streamed = True
                yield from _array(buffer, at)
            else:
                members[key] = parse(buffer.value_text(at), at, finite=True)
            if buffer.expect(",}", where) == "}":
                break
    else:
        buffer.pos += 1
    if not streamed:
        yield where, members


def iter_items(handle: Readable, *, file: str | None = None) -> Iterator[tuple[Location, Any]]:
    """The items of the JSON-LD document read from *handle*, one at a time, located.

    Raises:
        Fault: the document is not JSON, or an item is refused by the strict reader.
    """
    buffer = _Buffer(handle)
    where = Location(file=file)
    first = buffer.expect("[{", where)
    yield from (_array if first == "[" else _object)(buffer, where)
    if buffer.skip_space():
        raise fault(
            "json.syntax",
            "invalid JSON: text after the end of the document",
            where,
            "invalid JSON: extra data",
        )


def iter_text_items(text: str, *, file: str | None = None) -> Iterator[tuple[Location, Any]]:
    """The items of a JSON-LD document given as one text (an HTML block)."""
    return iter_items(io.StringIO(text), file=file)


class _Scripts(HTMLParser):
    """Collects the text of ``<script type="application/ld+json">`` elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[int, str]] = []
        self._open: tuple[int, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kind = dict(attrs).get("type") or ""
        if tag == "script" and kind.split(";")[0].strip().lower() == "application/ld+json":
            self._open = (self.getpos()[0], [])

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._open is not None:
            self.blocks.append((self._open[0], "".join(self._open[1])))
            self._open = None


def html_blocks(page: str) -> list[tuple[int, str]]:
    """The JSON-LD blocks of an HTML page, each with the line its ``<script>`` starts on."""
    scripts = _Scripts()
    scripts.feed(page)
    scripts.close()
    return scripts.blocks
