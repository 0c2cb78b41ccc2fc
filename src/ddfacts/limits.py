"""The input limits of ddfacts, in one place.

Every input that ddfacts reads (a fact file, a text, a phrase given to
:func:`~ddfacts.parse_time` or :func:`~ddfacts.parse_quantity`, an annotation
file to import) is bounded, so that no input can make a command run out of
stack or memory, or take more than linear time.  Each limit below is enforced
where the input is read, with a located problem (:func:`ddfacts.validate`), a
:class:`~ddfacts.errors.LoadError` naming the file, line and JSON pointer
(:func:`ddfacts.load`), or the parser's own error; the CLI turns each into a
message and an exit code, never a traceback.

========================  ===========  =============================================
limit                     value        what happens beyond it
========================  ===========  =============================================
:data:`MAX_DEPTH`         64           ``json.depth``: arrays/objects nest too deep
:data:`MAX_LINE_BYTES`    16 MiB       ``file.line-too-long``: one JSON Lines line
:data:`MAX_FILE_BYTES`    4 GiB        ``file.too-large``: a whole JSON document
:data:`MAX_NUMBER_CHARS`  64           ``json.number``: a JSON number literal
:data:`MAX_ID_LENGTH`     200          ``id.too-long``: a record id (and its file name)
:data:`MAX_PHRASE_CHARS`  500          ``TimeParseError`` / ``QuantityParseError``
========================  ===========  =============================================

Numbers must also fit a 64-bit float (``|x| < 1.8e308``): a quantity bound
of ``10**309`` is refused, not rounded to infinity.
"""

from __future__ import annotations

__all__ = [
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_ID_LENGTH",
    "MAX_LINE_BYTES",
    "MAX_NUMBER_CHARS",
    "MAX_PHRASE_CHARS",
]

#: Deepest nesting of arrays and objects accepted in a fact file or an
#: imported document.
MAX_DEPTH = 64
#: Longest line of a JSON Lines file, in bytes (one record per line).
MAX_LINE_BYTES = 16 * 1024 * 1024
#: Largest JSON document (not JSON Lines) read whole, in bytes.
MAX_FILE_BYTES = 4 * 1024 * 1024 * 1024
#: Longest JSON number literal, in characters (sign, digits, point, exponent).
MAX_NUMBER_CHARS = 64
#: Longest record id, in characters; ids are ASCII, so also in bytes.  A text
#: file named after a source id (``<slug>.txt``) stays under the 255-byte limit
#: of common file systems.
MAX_ID_LENGTH = 200
#: Longest phrase :func:`~ddfacts.parse_time` and
#: :func:`~ddfacts.parse_quantity` read, in characters.
MAX_PHRASE_CHARS = 500
