"""suggest: what in a text is worth citing and not yet covered by a Statement.

Figures (read with :func:`~ddfacts.parse_quantity`), dates and periods
(:func:`~ddfacts.parse_time`, against the source's publication day), direct
quotations with their speaker, and roles ("X, the press secretary of Y").
"""

from __future__ import annotations

from ._suggest import Coverage, Suggestion, coverage, suggest

__all__ = ["Coverage", "Suggestion", "coverage", "suggest"]
