"""Problems: what is wrong, where, and how bad; and the one registry of problem codes.

A :class:`Problem` has a stable ``code`` from :data:`CODES`, a
:class:`Severity`, a one-sentence message and a :class:`Location` (file,
line, column, JSON pointer, record id).  A :class:`Report` holds the
problems of a run, sorted, with summaries for people and machines.  Every
code that ddfacts can report, whether from validation, ``check``, an import
or a text store, is registered in :data:`CODES` and documented in
``docs/problems.md``; :func:`problem` refuses an unregistered code.
"""

from __future__ import annotations

from ._codes import ALL_LEVELS, CODES, CodeInfo, Level, problem
from ._report import Location, Problem, Report, Severity, escape_pointer, pointer_of

__all__ = [
    "ALL_LEVELS",
    "CODES",
    "CodeInfo",
    "Level",
    "Location",
    "Problem",
    "Report",
    "Severity",
    "escape_pointer",
    "pointer_of",
    "problem",
]
