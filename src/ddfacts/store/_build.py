"""Building and updating a fact store from fact files, in bounded memory.

Records are read one at a time by the one strict reader (:func:`ddfacts.iter_records`'s),
written in batches of :data:`BATCH` records, one transaction each, and never
kept: memory holds a batch, SQLite's page cache and the file list.  A build
writes a temporary file beside the target and renames it into place once it
is complete, so a failed or killed build leaves the previous store intact.
An update changes the store in one transaction, re-reading only the files
whose SHA-256 (or place in the list) changed.  Each record's row carries
the digest of its JSON under the store's key (:mod:`._digest`): a build
makes the key, an update reuses it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from .._escape import utf8_text
from .._version import __version__
from ..errors import DuplicateIdError, LoadError
from ..jsonio._files import _mode_for, iter_located, to_json
from ..jsonio._inputs import expand
from ..problems import Problem
from ..records import Record
from ._digest import digest_of, new_key, store_key
from ._open import StoreError, connect, open_store
from ._schema import FORMAT, SCHEMA, SEQ_TABLES, rows_of, seq_of, text_rowid

__all__ = ["BATCH", "BuildSummary", "build_store", "update_store"]

#: Records written per transaction.
BATCH = 20_000

_TYPED_INSERTS = {
    "sources": "INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?)",
    "statements": "INSERT INTO statements VALUES (?, ?, ?, ?, ?, ?)",
    "actors": "INSERT INTO actors VALUES (?, ?, ?, ?)",
    "events": "INSERT INTO events VALUES (?, ?, ?, ?, ?)",
    "claims": "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "reviews": "INSERT INTO reviews VALUES (?, ?, ?, ?, ?)",
}


@attrs.frozen(kw_only=True)
class BuildSummary:
    """What a build or update did.

    .. versionadded:: 0.2.0
    """

    #: The store written.
    path: str
    #: Fact files the store now indexes.
    files: int
    #: Files read by this run (all of them for a build; the changed ones for an update).
    read: int
    #: Records the store now holds.
    records: int


def _safe(value: object) -> object:
    return utf8_text(value) if isinstance(value, str) else value


def _files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    found: list[Path] = []
    for name in paths:
        for entry in expand(name):
            if isinstance(entry, Problem):
                raise StoreError(f"{name}: {entry.message}")
            found.append(Path(entry))
    if not found:
        raise StoreError("no fact files named")
    return found


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError as error:
        raise LoadError(f"cannot be read ({error.strerror})", file=str(path)) from None
    return digest.hexdigest()


def _place(path: str, line: int | None, position: int) -> str:
    return f"{path}:{line}" if line is not None else f"{path} /records/{position}"


class _Writer:
    """Adds the records of fact files to a store, a batch per transaction."""

    def __init__(self, connection: sqlite3.Connection, *, batch: int | None = BATCH) -> None:
        self._db = connection
        #: Records a transaction takes; None keeps one transaction for the whole run.
        self._batch = batch
        self._pending = 0
        #: Number of the next text indexed (the low bits of its ``texts`` rowid).
        self._texts = int(connection.execute(
            "SELECT value FROM meta WHERE key = 'next_text'").fetchone()[0])  # fmt: skip
        key = store_key(connection)
        if key is None:
            raise StoreError("the store's meta table has no digest_key: rebuild it")
        #: The store's key: each record's digest is its JSON's under it (:mod:`._digest`).
        self._key = key

    def _insert(self, record: Record, seq: int, rank: int, line: int | None) -> None:
        text = json.dumps(to_json(record), ensure_ascii=True, separators=(",", ":"))
        self._db.execute(
            "INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?)",
            (seq, utf8_text(record.id), record.type, rank, line, text, digest_of(text, self._key)),
        )
        rows = rows_of(record)
        table, values = rows.typed
        self._db.execute(_TYPED_INSERTS[table], (seq, *map(_safe, values)))
        db = self._db
        db.executemany("INSERT INTO refs VALUES (?, ?, ?)", ((seq, r, t) for r, t in rows.refs))
        times = ((seq, *map(_safe, t)) for t in rows.times)
        db.executemany("INSERT INTO times VALUES (?, ?, ?, ?, ?)", times)
        for field, text in rows.texts:
            row = (text_rowid(text, self._texts), utf8_text(text), field, seq)
            db.execute("INSERT INTO texts (rowid, text, field, seq) VALUES (?, ?, ?, ?)", row)
            self._texts += 1

    def _duplicate(
        self, record: Record, path: str, line: int | None, position: int, error: Exception
    ) -> None:
        row = self._db.execute(
            "SELECT files.path, records.line, records.seq & 4294967295 FROM records "
            "JOIN files ON files.rank = records.file WHERE records.id = ?",
            (utf8_text(record.id),),
        ).fetchone()
        here = _place(path, line, position)
        if row is None:
            raise StoreError(f"{here}: {record.id} cannot be stored ({error})", path=path)
        where = f"at {_place(row[0], row[1], row[2])} and {here}"
        raise DuplicateIdError(record.id, where=where)

    def add_file(self, path: Path, rank: int) -> int:
        """Add every record of *path* as the file of *rank*; the number of records."""
        name = str(path)
        digest = _sha256(path)
        self._db.execute("INSERT INTO files VALUES (?, ?, ?, 0)", (rank, utf8_text(name), digest))
        count = 0
        for position, (record, line) in enumerate(iter_located(path)):
            try:
                self._insert(record, seq_of(rank, position), rank, line)
            except sqlite3.IntegrityError as error:
                self._duplicate(record, name, line, position, error)
            count += 1
            self._pending += 1
            if self._batch is not None and self._pending >= self._batch:
                self.commit()
        self._db.execute("UPDATE files SET records = ? WHERE rank = ?", (count, rank))
        return count

    def save(self) -> None:
        """Record in ``meta`` where the numbering of texts goes on."""
        self._db.execute("UPDATE meta SET value = ? WHERE key = 'next_text'", (str(self._texts),))

    def commit(self) -> None:
        """End the current transaction and start the next one."""
        self.save()
        self._db.execute("COMMIT")
        self._db.execute("BEGIN")
        self._pending = 0

    def remove_file(self, rank: int) -> None:
        """Take every record of the file of *rank* out of the store."""
        low, high = seq_of(rank, 0), seq_of(rank + 1, 0)
        for table in SEQ_TABLES:
            self._db.execute(f"DELETE FROM {table} WHERE seq >= ? AND seq < ?", (low, high))
        self._db.execute("DELETE FROM files WHERE rank = ?", (rank,))


def _create(path: Path) -> sqlite3.Connection:
    connection = connect(path, readonly=False)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.executescript(SCHEMA)
    meta = {"kind": "ddfacts-store", "format": str(FORMAT), "ddfacts": __version__}
    meta |= {"next_text": "0", "complete": "no", "digest_key": new_key().hex()}
    connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    return connection


def _finish(connection: sqlite3.Connection) -> int:
    connection.execute("UPDATE meta SET value = 'yes' WHERE key = 'complete'")
    connection.execute("COMMIT")
    count: int = connection.execute("SELECT count(*) FROM records").fetchone()[0]
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.execute("PRAGMA journal_mode = DELETE")
    return count


def _discard(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _temporary(target: Path) -> Path:
    """A new empty file beside *target*, to build into."""
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".building")
    except OSError as error:
        message = f"{target}: cannot write the store ({error.strerror})"
        raise StoreError(message, path=str(target)) from None
    os.close(handle)
    return Path(name)


def build_store(
    paths: Iterable[str | os.PathLike[str]], target: str | os.PathLike[str]
) -> BuildSummary:
    """Index the fact files (folders expanded) into a new store at *target*, atomically.

    Raises:
        LoadError: a file cannot be read or holds a bad record.
        DuplicateIdError: an id repeats (both places named).
        StoreError: no fact files, or the store cannot be written.

    .. versionadded:: 0.2.0
    """
    files = _files(paths)
    target = Path(target)
    temporary = _temporary(target)
    connection: sqlite3.Connection | None = None
    try:
        connection = _create(temporary)
        connection.execute("BEGIN")
        writer = _Writer(connection)
        for rank, path in enumerate(files):
            writer.add_file(path, rank)
        writer.save()
        count = _finish(connection)
        connection.close()
        connection = None
        # mkstemp's file is private (0600): give the store the mode a plain write would.
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except (sqlite3.Error, OSError) as error:
        raise StoreError(f"{target}: cannot write the store ({error})", path=str(target)) from None
    finally:
        if connection is not None:
            connection.close()
        _discard(temporary)
    return BuildSummary(path=str(target), files=len(files), read=len(files), records=count)


def _stored(connection: sqlite3.Connection) -> dict[int, tuple[str, str]]:
    rows = connection.execute("SELECT rank, path, sha256 FROM files").fetchall()
    return {rank: (path, digest) for rank, path, digest in rows}


def _apply(connection: sqlite3.Connection, files: Sequence[Path]) -> int:
    stored = _stored(connection)
    writer = _Writer(connection, batch=None)
    read = 0
    for rank in [rank for rank in stored if rank >= len(files)]:
        writer.remove_file(rank)
    for rank, path in enumerate(files):
        if stored.get(rank) == (utf8_text(str(path)), _sha256(path)):
            continue
        if rank in stored:
            writer.remove_file(rank)
        writer.add_file(path, rank)
        read += 1
    writer.save()
    return read


def update_store(
    paths: Iterable[str | os.PathLike[str]], target: str | os.PathLike[str]
) -> BuildSummary:
    """Bring the store at *target* in step with the fact files, re-reading only changed ones.

    A file is re-read when its SHA-256 changed or it moved in the list; files
    no longer named are dropped.  The update is one transaction: if it fails
    or is killed, the store stays as it was.

    Raises:
        StoreError: *target* is not a whole, readable store (see :class:`FactStore`).
        LoadError, DuplicateIdError: as :func:`build_store`.

    .. versionadded:: 0.2.0
    """
    files = _files(paths)
    connection = open_store(Path(target), readonly=False)
    try:
        connection.execute("BEGIN IMMEDIATE")
        read = _apply(connection, files)
        count: int = connection.execute("SELECT count(*) FROM records").fetchone()[0]
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    finally:
        connection.close()
    return BuildSummary(path=str(target), files=len(files), read=read, records=count)
