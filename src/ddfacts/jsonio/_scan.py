"""Linear scans behind the strict parser: nesting depth, number literals, lone surrogates.

Python's :mod:`json` recurses once per nesting level, turns a number
literal of any length into an ``int`` (or fails past Python's digit limit)
and decodes ``"\\ud800"`` to a string that cannot be written as UTF-8.  The
strict parser (:mod:`ddfacts.jsonio._strict`) asks these scans first, so
that each of those inputs becomes a located fault instead:

- :func:`depth_of` measures nesting without recursion, in time linear in the
  text and mostly in C (bytes ``replace``/``translate`` and one
  ``accumulate`` over the brackets);
- the number hooks see every number literal the decoder meets and refuse,
  or mark, those longer than :data:`~ddfacts.limits.MAX_NUMBER_CHARS`;
- :func:`may_hold_surrogate` is a cheap test (a ``\\u`` search, then one
  regular expression) run before :func:`first_bad` walks a parsed value to
  find the JSON pointer of a lone surrogate or a marked number.
"""

from __future__ import annotations

import re
from array import array
from itertools import accumulate
from typing import Any

from ..limits import MAX_NUMBER_CHARS
from ..problems import escape_pointer

__all__ = [
    "Bad",
    "LongNumber",
    "Marked",
    "depth_of",
    "first_bad",
    "lone_surrogate",
    "long_float",
    "long_int",
    "marked_float",
    "marked_int",
    "may_hold_surrogate",
]

#: A ``\u`` escape of a UTF-16 surrogate (D800-DFFF), any case of hex digits.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
#: A surrogate code point in a decoded string: only a lone one survives decoding.
_LONE = re.compile("[\ud800-\udfff]")
#: Every byte but quotes and brackets, deleted before the depth count.
_NOT_STRUCTURE = bytes(byte for byte in range(256) if byte not in b'"[]{}')
#: Opening brackets count +1 and closing ones -1 (as signed bytes).
_STEP = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")


class LongNumber(ValueError):
    """A number literal longer than :data:`~ddfacts.limits.MAX_NUMBER_CHARS`."""

    def __init__(self, literal: str) -> None:
        super().__init__(f"a number literal of {len(literal)} characters")
        #: The literal as written.
        self.literal = literal


class Marked:
    """A too-long number literal left in a parsed value, for :func:`first_bad` to find."""

    __slots__ = ("literal",)

    def __init__(self, literal: str) -> None:
        #: The literal as written.
        self.literal = literal


def long_int(literal: str) -> int:
    """``parse_int``: the literal's value; raise :class:`LongNumber` when it is too long."""
    if len(literal) > MAX_NUMBER_CHARS:
        raise LongNumber(literal)
    return int(literal)


def long_float(literal: str) -> float:
    """``parse_float``: the literal's value; raise :class:`LongNumber` when it is too long."""
    if len(literal) > MAX_NUMBER_CHARS:
        raise LongNumber(literal)
    return float(literal)


def marked_int(literal: str) -> int | Marked:
    """``parse_int`` that marks a too-long literal instead of raising."""
    return Marked(literal) if len(literal) > MAX_NUMBER_CHARS else int(literal)


def marked_float(literal: str) -> float | Marked:
    """``parse_float`` that marks a too-long literal instead of raising."""
    return Marked(literal) if len(literal) > MAX_NUMBER_CHARS else float(literal)


def depth_of(text: str) -> int:
    """How deep arrays and objects nest in the JSON *text*, counted without recursion.

    Brackets inside strings do not count.  Exact for valid JSON; for invalid
    JSON it may say anything, and the parser then reports the syntax.
    """
    data = text.encode("utf-8", "surrogatepass")
    # Escaped backslashes, then escaped quotes: what is left of '"' ends or starts strings.
    data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    # Two quotes side by side enclose no bracket: dropping them keeps every
    # bracket's parity (inside or outside a string), and leaves few quotes.
    data = data.translate(None, _NOT_STRUCTURE).replace(b'""', b"")
    outside = b"".join(data.split(b'"')[::2])
    return max(accumulate(array("b", outside.translate(_STEP))), default=0)


def may_hold_surrogate(text: str) -> bool:
    """Whether the JSON *text* may decode to a lone surrogate (it has such an escape)."""
    return "\\u" in text and _SURROGATE_ESCAPE.search(text) is not None


#: What :func:`first_bad` found: the pointer, and the offending key, string or number.
Bad = tuple[str, str, str]


def first_bad(value: Any) -> Bad | None:
    """The first lone surrogate or marked number in *value*, in document order, or None.

    Returns (pointer, kind, what): *kind* is ``"key"`` (the pointer is the
    object's: a pointer holding a surrogate could not be printed),
    ``"string"`` or ``"number"``; *what* is the key or string, or the literal.
    """
    stack: list[tuple[str, Any]] = [("", value)]
    while stack:
        pointer, item = stack.pop()
        if isinstance(item, dict):
            children = []
            for key, child in item.items():
                if _LONE.search(key):
                    return pointer, "key", key
                children.append((f"{pointer}/{escape_pointer(key)}", child))
            stack.extend(reversed(children))
        elif isinstance(item, list):
            items = [(f"{pointer}/{index}", child) for index, child in enumerate(item)]
            stack.extend(reversed(items))
        elif isinstance(item, str):
            if _LONE.search(item):
                return pointer, "string", item
        elif isinstance(item, Marked):
            return pointer, "number", item.literal
    return None


def lone_surrogate(text: str) -> str:
    """The first lone surrogate in *text*, written as its JSON escape (``\\ud800``)."""
    found = _LONE.search(text)
    return "" if found is None else f"\\u{ord(found.group()):04x}"
