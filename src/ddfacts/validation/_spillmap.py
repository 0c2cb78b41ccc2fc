"""Maps on disk for the whole-set pass of a run that must not grow with the set.

:class:`~ddfacts.validation._checker.RunChecker` keeps an entry for every
record with an id (its id index), every single-valued claim group and every
counted claim.  With ``spill=True`` (the site build, :mod:`ddfacts.html._gather`)
those maps are :class:`SpillMap` tables in one private temporary SQLite
database (:class:`SpillBase`, opened on the empty file name as
:class:`~ddfacts.check._spill.SpillKeeper` is: deleted when the connection
closes).  A map answers what the checker asks of a dict (``get``, ``in``,
``[]``, assignment, never deletion): writes wait in a small batch, which
lookups read first, so an answer is the one a dict would give.  The problems
the pass finds wait in a :class:`SpillSorted` table, which gives them back
in report order as ``sorted`` over a list would.  Memory: the
batches and SQLite's page cache (:data:`CACHE_KIB`); each lookup costs one
indexed query.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Generic, Protocol, TypeVar

from .._scratchdb import scratch_db

__all__ = ["CACHE_KIB", "MapLike", "SpillBase", "SpillMap", "SpillSorted"]

#: The most SQLite keeps in memory, in KiB of page cache.
CACHE_KIB = 2 * 1024
#: Writes kept in memory before they go to the table.
_BATCH = 2000

K = TypeVar("K")
V = TypeVar("V")
KC = TypeVar("KC", contravariant=True)


class MapLike(Protocol[KC, V]):
    """What the whole-set pass asks of a map: a dict, or a :class:`SpillMap`."""

    def get(self, key: KC, /) -> V | None: ...
    def __getitem__(self, key: KC, /) -> V: ...
    def __contains__(self, key: KC, /) -> bool: ...
    def __setitem__(self, key: KC, value: V, /) -> None: ...


class SpillBase:
    """One private temporary SQLite database for a run's maps; :meth:`close` it when done."""

    def __init__(self, cache_kib: int = CACHE_KIB) -> None:
        self.db = scratch_db(cache_kib)
        self._tables = 0

    def table(self, definition: str = "(key PRIMARY KEY, value) WITHOUT ROWID") -> str:
        """A new table (of keys and values, unless *definition* says otherwise), by name."""
        self._tables += 1
        name = f"map{self._tables}"
        self.db.execute(f"CREATE TABLE {name} {definition}")
        return name

    def close(self) -> None:
        """Let the database go (SQLite deletes its file)."""
        self.db.close()


class SpillMap(Generic[K, V]):
    """A dict-like map from *K* to *V* in a table of *base*.

    *key* turns a key into what SQLite stores and compares (text, bytes or an
    int: equal keys must give equal values); *encode* and *decode* do the same
    for values (by default they are stored as they are).
    """

    def __init__(
        self,
        base: SpillBase,
        key: Callable[[K], Any],
        encode: Callable[[V], Any] | None = None,
        decode: Callable[[Any], V] | None = None,
    ) -> None:
        self._db = base.db
        name = base.table()
        self._select = f"SELECT value FROM {name} WHERE key = ?"  # our own table name
        self._insert = f"INSERT INTO {name} VALUES (?, ?)"
        self._key = key
        self._encode = encode
        self._decode = decode
        self._pending: dict[K, V] = {}

    def get(self, key: K, default: V | None = None) -> V | None:
        """The value of *key*, or *default*."""
        found = self._pending.get(key)
        if found is not None:
            return found
        row = self._db.execute(self._select, (self._key(key),)).fetchone()
        if row is None:
            return default
        return row[0] if self._decode is None else self._decode(row[0])

    def __getitem__(self, key: K) -> V:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: K) -> bool:
        return self.get(key) is not None

    def __setitem__(self, key: K, value: V) -> None:
        """Set *key*, which must not be set yet (the checker never replaces a value)."""
        self._pending[key] = value
        if len(self._pending) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        encode, to_key = self._encode, self._key
        rows = (
            (to_key(key), value if encode is None else encode(value))
            for key, value in self._pending.items()
        )
        self._db.executemany(self._insert, rows)
        self._pending.clear()


class SpillSorted(Generic[V]):
    """Values under keys of *width* parts, in a table of *base*, given back sorted by key.

    What ``sorted(pairs, key=first)`` gives over a list of (key, value)
    pairs: by key, values with equal keys in the order they came.  A key's
    parts are what SQLite stores and compares (ints, text or bytes).  Writes
    wait in a batch; :meth:`in_order` sorts on disk (SQLite's ``ORDER BY``,
    past the page cache too) and reads one row at a time.  *encode* and
    *decode* turn a value into bytes and back.  Validation's whole-set pass
    and ``ddfacts check``'s report (:class:`ddfacts.check._sorted.SortedProblems`)
    keep their problems so.
    """

    def __init__(
        self,
        base: SpillBase,
        encode: Callable[[V], bytes],
        decode: Callable[[bytes], V],
        width: int = 3,
    ) -> None:
        self._db = base.db
        parts = [f"k{part}" for part in range(width)]
        name = base.table(f"({', '.join(parts)}, value BLOB NOT NULL)")
        marks = ", ".join("?" * (width + 1))
        self._insert = f"INSERT INTO {name} VALUES ({marks})"  # our own table name
        self._select = f"SELECT value FROM {name} ORDER BY {', '.join(parts)}, rowid"
        self._encode = encode
        self._decode = decode
        self._pending: list[tuple[Any, ...]] = []

    def __len__(self) -> int:
        """How many values wait in memory to be written."""
        return len(self._pending)

    def append(self, pair: tuple[tuple[Any, ...], V]) -> None:
        """Keep a (key, value) pair; the key has *width* parts."""
        key, value = pair
        self._pending.append((*key, self._encode(value)))
        if len(self._pending) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        self._db.executemany(self._insert, self._pending)
        self._pending.clear()

    def in_order(self) -> Iterator[V]:
        """Every value kept, by key, then in the order kept."""
        self._flush()
        for (value,) in self._db.execute(self._select):
            yield self._decode(value)
