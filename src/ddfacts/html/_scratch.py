"""A private SQLite file in a temporary folder: what the site build keeps on disk.

The build keeps its problems (:mod:`._problems`) and its cross-record
lookups (:mod:`._sitedb`) in such files, so that its memory does not grow
with the set.  Neither journal nor sync: the file lives only as long as the
build, and a crash leaves nothing worth recovering.  Its page cache holds
at most :data:`~ddfacts._scratchdb.CACHE_KIB`, as the spills' do.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from .._scratchdb import CACHE_KIB

__all__ = ["Scratch"]

S = TypeVar("S", bound="Scratch")


class Scratch:
    """A SQLite database made from *schema* in a new temporary folder; close it when done."""

    def __init__(self, name: str, schema: str) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="ddfacts-html-")
        self._db = sqlite3.connect(Path(self._folder.name) / f"{name}.sqlite")
        pragmas = "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; "
        pragmas += f"PRAGMA cache_size=-{CACHE_KIB};"
        self._db.executescript(pragmas + schema)

    def close(self) -> None:
        """Close the database and remove its folder."""
        self._db.close()
        self._folder.cleanup()

    def __enter__(self: S) -> S:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
