"""The exceptions ddfacts raises when work cannot go on.

Bad *data* is never an exception in validation: :func:`ddfacts.validate`
returns a :class:`~ddfacts.problems.Report`.  Exceptions are for unreadable
input, bad arguments and misuse.  Each one subclasses :class:`DdfactsError`
and the fitting builtin, so ``except ValueError`` keeps working.
"""

from __future__ import annotations

__all__ = [
    "AmbiguousQuoteError",
    "CiteError",
    "DdfactsError",
    "DuplicateIdError",
    "EdtfError",
    "EdtfUnsupportedError",
    "ExportError",
    "LevelError",
    "LoadError",
    "QuantityParseError",
    "QuoteNotFoundError",
    "SiteError",
    "StoreError",
    "StructureError",
    "TextDirectiveError",
    "TextStoreError",
    "TimeParseError",
    "UnsupportedSchemaError",
    "VocabularyError",
]


class DdfactsError(Exception):
    """Base class of every exception ddfacts raises on purpose."""


class LoadError(DdfactsError, ValueError):
    """A fact file could not be read into records.

    The message names the file, the line (JSON Lines), the JSON pointer of the
    offending value, and the problem.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        pointer: str = "",
    ) -> None:
        #: What went wrong, one sentence.
        self.message = message
        #: The file's name, or None for an in-memory document.
        self.file = file
        #: 1-based line (JSON Lines, or a JSON syntax error), or None.
        self.line = line
        #: 1-based column of a JSON syntax error, or None.
        self.column = column
        #: JSON pointer of the offending value ("" for the whole document).
        self.pointer = pointer
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file or "<input>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        if self.pointer:
            where += f": {self.pointer}"
        return f"{where}: {self.message}"

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild_load_error,
            (self.message, self.file, self.line, self.column, self.pointer),
        )


def _rebuild_load_error(
    message: str, file: str | None, line: int | None, column: int | None, pointer: str
) -> LoadError:
    return LoadError(message, file=file, line=line, column=column, pointer=pointer)


class DuplicateIdError(DdfactsError, ValueError):
    """Two records in one FactSet share an id."""

    def __init__(self, record_id: str, *, where: str | None = None) -> None:
        #: The id that occurs more than once.
        self.record_id = record_id
        #: Where it occurs (files, lines or pointers), when known.
        self.where = where
        super().__init__(f"duplicate record id {record_id!r}" + (f" {where}" if where else ""))


class QuoteNotFoundError(DdfactsError, ValueError):
    """A quote (or the requested occurrence of it) is not in the text."""


class TextStoreError(DdfactsError, LookupError):
    """A text store cannot give the text of a source (missing, escaping, wrong hash)."""


class TimeParseError(DdfactsError, ValueError):
    """An expression is not a time expression ddfacts understands."""


class QuantityParseError(DdfactsError, ValueError):
    """A text holds no quantity ddfacts understands."""


class ExportError(DdfactsError, ValueError):
    """An export cannot be made as asked (unknown format, a folder format without a folder)."""


class UnsupportedSchemaError(DdfactsError, ValueError):
    """A schema uses a keyword or form the fast shape compiler does not support."""

    def __init__(self, message: str, *, where: str) -> None:
        #: What is not supported.
        self.message = message
        #: The schema location (URI and JSON pointer) it was found at.
        self.where = where
        super().__init__(f"{where}: {message}")


class StructureError(DdfactsError, ValueError):
    """A JSON value does not make a record; ``pointer`` says where."""

    def __init__(self, message: str, pointer: str) -> None:
        self.message = message
        self.pointer = pointer
        super().__init__(f"{pointer or '/'}: {message}")


class EdtfError(DdfactsError, ValueError):
    """A string is not valid EDTF (as far as ddfacts reads it)."""

    def __init__(self, edtf: str, reason: str) -> None:
        #: The offending string.
        self.edtf = edtf
        #: Why it was refused, one phrase.
        self.reason = reason
        super().__init__(f"{edtf!r} is not an EDTF date or interval ddfacts reads: {reason}")


class EdtfUnsupportedError(EdtfError):
    """A string may be valid EDTF but no span of Python dates can hold it."""


class TextDirectiveError(DdfactsError, ValueError):
    """A string is not a text directive (``text=…``)."""


class CiteError(DdfactsError, LookupError):
    """The record to cite is missing, or is neither a Statement nor a Claim."""


class LevelError(DdfactsError, ValueError):
    """A level name that is not ``shape``, ``refs``, ``meaning`` or ``anchors``."""


class VocabularyError(DdfactsError, ValueError):
    """A vocabulary file cannot be used: unreadable, not JSON, or not a valid vocabulary."""


class StoreError(DdfactsError, ValueError):
    """A fact store cannot be read or written: missing, truncated, unfinished, too new.

    .. versionadded:: 0.2.0
    """

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        #: The store's path, when the error is about one file.
        self.path = path


class AmbiguousQuoteError(DdfactsError, ValueError):
    """A quote occurs more than once and the call did not say which occurrence it means.

    .. versionadded:: 0.2.0
    """

    def __init__(self, message: str, *, quote: str, starts: tuple[int, ...]) -> None:
        super().__init__(message)
        #: The quote as given.
        self.quote = quote
        #: The offsets (code points) where it starts, in text order.
        self.starts = starts


class SiteError(DdfactsError, ValueError):
    """The site cannot be written where asked (a folder that is not a ddfacts site)."""
