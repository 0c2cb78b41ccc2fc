"""One way to open a private temporary SQLite database, for runs that spill to disk.

Check (:mod:`ddfacts.check._spill`, :mod:`ddfacts.check._sorted`) and
validation (:mod:`ddfacts.validation._spillmap`,
:mod:`ddfacts.validation._anchorspill`) keep what would grow with the records
in such a database.  SQLite makes the file itself (an empty name), private to
the connection, and deletes it when the connection closes; nothing is
journalled or synced, because nothing in it outlives the run.
"""

from __future__ import annotations

import sqlite3

__all__ = ["CACHE_KIB", "scratch_db"]

#: The page cache a scratch database holds at most, in KiB, unless told otherwise.
#: Spills write mostly in order and read back in index order: a few MB is plenty
#: (the site build keeps seven or so such databases open at once).
CACHE_KIB = 2 * 1024

_PRAGMAS = ("journal_mode = OFF", "synchronous = OFF", "temp_store = FILE")


def scratch_db(cache_kib: int = CACHE_KIB, schema: tuple[str, ...] = ()) -> sqlite3.Connection:
    """A new private temporary database with *schema* made and a transaction begun.

    *cache_kib* bounds SQLite's page cache (the memory the database may hold).
    """
    db = sqlite3.connect("", isolation_level=None)
    for pragma in (*_PRAGMAS, f"cache_size = -{int(cache_kib)}"):
        db.execute(f"PRAGMA {pragma}")
    for statement in schema:
        db.execute(statement)
    db.execute("BEGIN")
    return db
