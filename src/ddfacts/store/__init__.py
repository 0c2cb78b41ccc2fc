"""Fact stores: fact files indexed into SQLite, read without loading the set.

``ddfacts db build`` (:func:`build_store`) indexes fact files into one SQLite
file; :func:`update_store` re-reads the files that changed; :class:`FactStore`
answers the :class:`~ddfacts.FactSet`'s reading API (``get``, the typed
accessors, ``query``, ``timeline``) from it, plus full-text :meth:`~FactStore.search`.
The JSON files stay the source of truth; ``docs/store.md`` describes the tables.
"""

from __future__ import annotations

from ._build import BuildSummary, build_store, update_store
from ._open import StoreError
from ._search import SearchHit
from ._store import FactStore

__all__ = ["BuildSummary", "FactStore", "SearchHit", "StoreError", "build_store", "update_store"]
