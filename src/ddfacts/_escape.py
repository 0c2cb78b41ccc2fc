"""Where text leaves the program: each destination escaped for the program that reads it.

Records hold whatever text their documents hold, and a record built in
Python may even hold lone surrogates, which no UTF-8 file or stream can
carry.  Every writer passes its text through one function here, chosen by
who reads it next:

==========================  ====================================================
destination                 what is escaped, and how
==========================  ====================================================
a file or stream            :func:`utf8_text`: a surrogate pair becomes the
(every writer, last step)   character it encodes, a lone surrogate U+FFFD (as a
                            browser turns a string into USV text)
a terminal or CI log        :func:`for_terminal`: C0 and C1 controls, DEL, line
                            and paragraph separators, bidi overrides and lone
                            surrogates become visible escapes (``\\x1b``,
                            ``\\n``, ``\\u2028``), so a value is one line and
                            cannot move the cursor, colour the screen or start
                            a line of its own
GitHub workflow commands    :func:`github_data`, :func:`github_property`: as the
                            terminal, then ``%``, CR and LF percent-encoded
                            (and ``:`` and ``,`` in properties), as the
                            workflow-command syntax requires
a CSV cell (spreadsheets)   :func:`csv_cell`: a text cell starting with ``=``,
                            ``+``, ``-``, ``@``, tab, CR or ``'`` gets a leading
                            ``'`` (OWASP's advice against formula injection);
                            :func:`csv_original` drops it again
Markdown                    :func:`markdown_text`: backslash before the
                            characters that make markup, HTML or links;
                            :func:`markdown_url`: only ``http``/``https`` URLs
                            become links
JSON inside HTML            :func:`json_text`: ``<``, ``>``, ``&``, U+2028 and
(``<script>`` blocks)       U+2029 written as ``\\u003c``…, so ``</script>``
                            cannot end the block; still JSON, the same data
==========================  ====================================================

Each function takes any ``str`` (lone surrogates included) and runs in time
linear in its length.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

__all__ = [
    "csv_cell",
    "csv_original",
    "for_terminal",
    "github_data",
    "github_property",
    "json_text",
    "markdown_text",
    "markdown_url",
    "utf8_text",
]

_SURROGATE = re.compile("[\ud800-\udfff]")


def utf8_text(text: str) -> str:
    """*text* as Unicode scalar values, so that it always encodes as UTF-8.

    A surrogate pair (two code points, as UTF-16 stores one character) is
    joined into its character; a lone surrogate becomes U+FFFD, the
    replacement character.  Text without surrogates is returned as it is.
    """
    if _SURROGATE.search(text) is None:
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


# C0 and C1 controls, DEL, line and paragraph separators, the bidi embedding,
# override and isolate controls ("Trojan Source"), and surrogates.
_TERMINAL_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    point = ord(char)
    return f"\\x{point:02x}" if point < 0x100 else f"\\u{point:04x}"


def for_terminal(text: str) -> str:
    """*text* made safe to print on a terminal or in a log, as one line.

    Every control character (C0, DEL, C1: newline, carriage return, escape
    included), U+2028, U+2029, the bidi controls U+202A..U+202E and
    U+2066..U+2069, and lone surrogates become visible escapes in Python's
    notation (``\\n``, ``\\x1b``, ``\\u202e``, ``\\udcff``).  Everything else,
    backslashes included, is left as it is: the result is for people, not to
    be parsed back.
    """
    return _TERMINAL_UNSAFE.sub(_visible, text)


def github_data(text: str) -> str:
    """*text* as the message of a GitHub Actions workflow command (after ``::``).

    Controls are made visible as by :func:`for_terminal`, except CR and LF,
    which are percent-encoded with ``%`` itself (``%0D``, ``%0A``, ``%25``),
    as GitHub documents: the runner decodes them into a multi-line message,
    and the log line holding the command stays one line.
    """
    escaped = _TERMINAL_UNSAFE.sub(
        lambda match: match.group() if match.group() in "\r\n" else _visible(match), text
    )
    return escaped.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """*text* as a property value of a workflow command (``file=…``, ``title=…``).

    As :func:`github_data`, and ``:`` and ``,`` percent-encoded too, since they
    end a property.
    """
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


#: First characters that make a spreadsheet read a cell as a formula (OWASP),
#: and the quote that marks a cell this export protected.
CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def csv_cell(text: str) -> str:
    """A text value as a CSV cell a spreadsheet shows as text, never runs as a formula.

    A value starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return
    gets a ``'`` in front, as OWASP advises; so does one starting with ``'``,
    so that the rule can be undone: a reader drops the first character of
    every text cell that starts with ``'`` (:func:`csv_original`).  Lone
    surrogates become U+FFFD (:func:`utf8_text`).  Numbers are not text and
    never pass through here: ``-5`` stays a number.
    """
    text = utf8_text(text)
    return "'" + text if text.startswith(CSV_FORMULA_STARTS) else text


def csv_original(cell: str) -> str:
    """The value :func:`csv_cell` was given, from the cell it made."""
    return cell[1:] if cell.startswith("'") else cell


# Backslash-escaped everywhere: the characters that make emphasis, code, links,
# images, raw HTML, entities, tables, strikethrough, and the backslash itself.
_MARKDOWN_INLINE = re.compile(r"[\\`*_\[\]<>&|~]")
# Escaped at the start of a line (after up to three spaces): headings, block
# quotes, list items, thematic breaks, setext underlines, ordered lists.
_MARKDOWN_BLOCK = re.compile(r"^( {0,3})([#>+\-=]|\d{1,9}(?=[.)]))", re.MULTILINE)


def markdown_text(text: str) -> str:
    """*text* as Markdown that renders as exactly this text: no markup, HTML or link.

    ASCII punctuation that makes markup is backslash-escaped (CommonMark
    renders ``\\<`` as ``<``); controls, line breaks included, become
    visible escapes as by :func:`for_terminal`, so the text is one line
    wherever it is put.  Lone surrogates become U+FFFD.  A CommonMark reader
    gets *text* back, controls aside, by dropping each backslash that stands
    before ASCII punctuation.
    """
    escaped = _MARKDOWN_INLINE.sub(lambda match: "\\" + match.group(), utf8_text(text))
    escaped = _MARKDOWN_BLOCK.sub(_block_escape, escaped)
    return for_terminal(escaped)


def _block_escape(match: re.Match[str]) -> str:
    indent, marker = match.group(1), match.group(2)
    if marker[0].isdigit():
        return f"{indent}{marker}\\"  # "1." -> "1\." (escapes the . or ) after it)
    return f"{indent}\\{marker}"


_WEB_URL = re.compile(r"https?://[^\s/?#]+\S*\Z", re.IGNORECASE)
# Unreserved and reserved URL characters, and % (already-encoded bytes), stay;
# everything else (spaces, <, >, parentheses, quotes, backslash, non-ASCII) is
# percent-encoded, so the URL cannot end a Markdown link or an HTML attribute.
_URL_SAFE = ":/?#[]@!$&*+,;=%-._~"


def markdown_url(url: str) -> str | None:
    """*url* ready to be a Markdown link target, or None when it is not a web URL.

    Only ``http://`` and ``https://`` URLs with a host are links; anything
    else (``javascript:``, ``data:``, a relative path) is None, and the caller
    shows it as text.  Characters that could end the link are
    percent-encoded (``(`` as ``%28``, a space as ``%20``).
    """
    if _WEB_URL.match(url) is None:
        return None
    return quote(utf8_text(url), safe=_URL_SAFE)


# The HTML-significant characters, the JavaScript line terminators, and DEL
# and the C1 controls (not allowed in HTML text; line breaks to some readers).
_JSON_IN_HTML_RE = re.compile("[<>&\u2028\u2029\x7f-\x9f]")


def json_text(
    value: Any, *, indent: int | None = None, separators: tuple[str, str] | None = None
) -> str:
    """*value* as JSON text that is safe inside an HTML ``<script>`` block.

    ``<``, ``>``, ``&``, U+2028 and U+2029 are written as ``\\u003c``,
    ``\\u003e``, ``\\u0026``, ``\\u2028``, ``\\u2029`` (and DEL and the C1
    controls as ``\\u007f``…``\\u009f``): the text stays JSON and
    :func:`json.loads` gives the same value, but ``</script>`` or ``<!--``
    cannot appear in it, and no JavaScript parser sees a line break inside a
    string.  Other characters are written as UTF-8, not escaped; lone
    surrogates become U+FFFD.  *indent* and *separators* are
    :func:`json.dumps`'s.  No final newline.
    """
    text = json.dumps(value, ensure_ascii=False, indent=indent, separators=separators)
    # These characters can only stand inside JSON strings, where the escape
    # means the same character.
    escaped = _JSON_IN_HTML_RE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
    return utf8_text(escaped)
