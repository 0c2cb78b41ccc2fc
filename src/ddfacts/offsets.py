"""Offsets at the border: code points to and from UTF-16 code units and UTF-8 bytes.

ddfacts counts offsets in code points of the text as stored (Python ``str``
indices).  JavaScript clients such as the Hypothesis client count UTF-16 code
units, and byte-oriented tools count UTF-8 bytes; these functions convert at
the border, on import and export.  Characters outside the Basic Multilingual
Plane take two UTF-16 code units (a surrogate pair) and four UTF-8 bytes, so
an offset that falls inside one of them is refused with :class:`ValueError`.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

__all__ = ["from_utf8", "from_utf16", "to_utf8", "to_utf16"]


def _check_index(text: str, index: int) -> None:
    if isinstance(index, bool) or not isinstance(index, int):
        raise TypeError(f"an offset must be an integer, got {index!r}")
    if not 0 <= index <= len(text):
        raise ValueError(f"code point index {index} is outside the text (0..{len(text)})")


def _utf8_width(char: str) -> int:
    code = ord(char)
    if code < 0x80:
        return 1
    if code < 0x800:
        return 2
    if code < 0x10000:
        return 3
    return 4


def to_utf16(text: str, index: int) -> int:
    """The UTF-16 code-unit offset of code-point *index* in *text*.

    Raises:
        ValueError: *index* is outside ``0..len(text)``.
    """
    _check_index(text, index)
    return index + sum(1 for char in text[:index] if ord(char) > 0xFFFF)


def from_utf16(text: str, offset: int) -> int:
    """The code-point index of UTF-16 code-unit *offset* in *text*.

    Raises:
        ValueError: *offset* is negative, past the end, or between the two
            halves of a surrogate pair.
    """
    if isinstance(offset, bool) or not isinstance(offset, int):
        raise TypeError(f"an offset must be an integer, got {offset!r}")
    if offset < 0:
        raise ValueError(f"UTF-16 offset {offset} is negative")
    units = 0
    for index, char in enumerate(text):
        if units == offset:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
        if units > offset:
            raise ValueError(
                f"UTF-16 offset {offset} falls inside the surrogate pair of the character "
                f"at code point {index} (U+{ord(char):04X})"
            )
    if units == offset:
        return len(text)
    raise ValueError(f"UTF-16 offset {offset} is past the end of the text ({units} code units)")


def to_utf8(text: str, index: int) -> int:
    """The UTF-8 byte offset of code-point *index* in *text*.

    Raises:
        ValueError: *index* is outside ``0..len(text)``.
    """
    _check_index(text, index)
    return len(text[:index].encode("utf-8", "surrogatepass"))


def from_utf8(text: str, offset: int) -> int:
    """The code-point index of UTF-8 byte *offset* in *text*.

    Raises:
        ValueError: *offset* is negative, past the end, or inside the bytes of
            one character.
    """
    if isinstance(offset, bool) or not isinstance(offset, int):
        raise TypeError(f"an offset must be an integer, got {offset!r}")
    if offset < 0:
        raise ValueError(f"UTF-8 offset {offset} is negative")
    size = 0
    for index, char in enumerate(text):
        if size == offset:
            return index
        size += _utf8_width(char)
        if size > offset:
            raise ValueError(
                f"UTF-8 offset {offset} falls inside the bytes of the character "
                f"at code point {index} (U+{ord(char):04X})"
            )
    if size == offset:
        return len(text)
    raise ValueError(f"UTF-8 offset {offset} is past the end of the text ({size} bytes)")
