"""JSON Schema patterns (ECMA-262 regular expressions) as Python regular expressions.

JSON Schema's ``pattern`` and ``patternProperties`` are ECMA-262 regular
expressions, which differ from Python's ``re`` where it matters for
validation: ``\\d`` and ``\\w`` are ASCII only (Python's match any Unicode
digit or letter, such as ``'٣'``), ``\\s`` is a fixed set of white space
(not Python's ``str.isspace``), ``.`` stops at every line terminator, and
``$`` matches only at the very end (Python's also before a final newline,
so ``"actor:x\\n"`` would match ``^actor:x$``).  :func:`ecma_regex`
rewrites a pattern into a Python one with ECMA meaning, and refuses with
:class:`~ddfacts.errors.UnsupportedSchemaError` whatever it cannot translate
exactly (``\\p{Letter}``, ``\\k<name>``, ``\\cX``, surrogate escapes, ``\\D``
inside a class, Python-only syntax), instead of failing with ``re.error`` or
deciding differently.
"""

from __future__ import annotations

import re

from ...errors import UnsupportedSchemaError

__all__ = ["ecma_regex", "ecma_source"]

#: ECMA-262 WhiteSpace and LineTerminator: what ``\s`` matches, as class contents.
_SPACE = "\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
_DIGIT = "0-9"
_WORD = "A-Za-z0-9_"
#: Class escapes: the contents they stand for, and whether negated.
_CLASSES = {
    "d": (_DIGIT, False),
    "D": (_DIGIT, True),
    "w": (_WORD, False),
    "W": (_WORD, True),
    "s": (_SPACE, False),
    "S": (_SPACE, True),
}
#: Escapes whose meaning Python's ``re`` shares (``\b`` with :data:`re.ASCII`).
_SAME = frozenset("bBtnvfr")
_HEX = re.compile(r"x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}")
#: Group openings ECMA-262 and Python both read the same way.
_GROUPS = ("(?:", "(?=", "(?!", "(?<=", "(?<!")


def ecma_regex(pattern: str, where: str = "") -> re.Pattern[str]:
    """The compiled Python regular expression matching what the ECMA-262 *pattern* matches.

    Raises:
        UnsupportedSchemaError: the pattern uses what cannot be translated
            exactly, or is not a valid regular expression.
    """
    source = ecma_source(pattern, where)
    try:
        return re.compile(source, re.ASCII)
    except re.error as error:
        raise UnsupportedSchemaError(
            f"pattern {pattern!r} is not a regular expression this check can use: {error}",
            where=where,
        ) from None


def ecma_source(pattern: str, where: str = "") -> str:
    """The Python regular-expression source for the ECMA-262 *pattern* (see the module)."""
    out: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            text, index = _escape(pattern, index, where, in_class=False)
        elif char == "[":
            text, index = _class(pattern, index, where)
        elif char == "(":
            text, index = _group(pattern, index, where)
        elif char == ".":
            text, index = "[^\\n\\r\\u2028\\u2029]", index + 1
        elif char == "$":
            text, index = "\\Z", index + 1
        else:
            text, index = char, index + 1
        out.append(text)
    return "".join(out)


def _refuse(pattern: str, what: str, where: str) -> UnsupportedSchemaError:
    return UnsupportedSchemaError(
        f"pattern {pattern!r} uses {what}, which the fast shape check cannot translate "
        "from ECMA-262 exactly",
        where=where,
    )


def _escape(pattern: str, index: int, where: str, *, in_class: bool) -> tuple[str, int]:
    """The translation of the escape at *index*, and the index after it."""
    if index + 1 >= len(pattern):
        raise _refuse(pattern, "a trailing backslash", where)
    char = pattern[index + 1]
    if char in _CLASSES:
        contents, negated = _CLASSES[char]
        if not in_class:
            return f"[{'^' if negated else ''}{contents}]", index + 2
        if negated:
            raise _refuse(pattern, f"\\{char} inside a character class", where)
        return contents, index + 2
    if char in _SAME or (char == "0" and not pattern[index + 2 : index + 3].isdigit()):
        return "\\" + char, index + 2
    if char in "xu":
        found = _HEX.match(pattern, index + 1)
        if found is None:
            raise _refuse(pattern, f"\\{char} without its hex digits", where)
        if char == "u" and 0xD800 <= int(found.group()[1:], 16) <= 0xDFFF:
            raise _refuse(pattern, "a surrogate escape", where)
        return "\\" + found.group(), found.end()
    if char.isdigit() and not in_class:
        return "\\" + char, index + 2  # a back reference, as in Python
    if char.isascii() and not char.isalnum():
        return "\\" + char, index + 2  # an escaped syntax character: itself
    raise _refuse(pattern, f"the escape \\{char}", where)


def _class(pattern: str, index: int, where: str) -> tuple[str, int]:
    """The translation of the character class starting at *index*, and the index after it."""
    index += 1
    negated = pattern.startswith("^", index)
    index += negated
    if pattern.startswith("]", index):  # [] matches nothing, [^] anything
        return ("[\\s\\S]" if negated else "(?!)"), index + 1
    parts = ["[^" if negated else "["]
    while index < len(pattern) and pattern[index] != "]":
        char = pattern[index]
        if char == "\\":
            text, index = _escape(pattern, index, where, in_class=True)
        else:
            # Escape what Python reads specially in a class ("[[", "&&", "~~", "||").
            text, index = ("\\" + char if char in "[&~|" else char), index + 1
        parts.append(text)
    if index >= len(pattern):
        raise _refuse(pattern, "an unclosed character class", where)
    parts.append("]")
    return "".join(parts), index + 1


def _group(pattern: str, index: int, where: str) -> tuple[str, int]:
    """The translation of the group opening at *index*, and the index after it."""
    if not pattern.startswith("(?", index):
        return "(", index + 1
    for opening in _GROUPS:
        if pattern.startswith(opening, index):
            return opening, index + len(opening)
    named = re.compile(r"\(\?<([A-Za-z_][A-Za-z0-9_]*)>").match(pattern, index)
    if named is not None:
        return f"(?P<{named.group(1)}>", named.end()
    raise _refuse(pattern, "a group syntax that is not ECMA-262", where)
