"""Authoring: from a text to records that cite it.

:class:`Document` holds a text and its Source and makes Statements, Actors,
Events, Claims and Reviews citing it; :func:`combine` puts several documents
in one :class:`~ddfacts.FactSet`.
"""

from __future__ import annotations

from ..errors import AmbiguousQuoteError
from ._document import Document, Evidence
from ._order import combine

__all__ = ["AmbiguousQuoteError", "Document", "Evidence", "combine"]
