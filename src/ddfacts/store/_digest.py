"""The digest that tells a stored record as built from one changed since.

A build writes each record's JSON (``json.dumps`` of a record the strict
reader and the codec accepted) and, beside it in ``records.digest``, a keyed
BLAKE2b of that text under the store's own key: 16 random bytes made when
the store is first built, kept in ``meta.digest_key`` (hex) and reused by
``ddfacts db update``.  A row whose digest is the digest of its text under
the store's key holds, byte for byte, what the build wrote, so the decoder
(:mod:`._decode`) need not check it again; any other row (text edited in
SQL, digest NULL, copied from another store) is checked as before.

This is NOT a security measure: the key is in the same file, so whoever can
write the file can write a matching digest.  It tells "as built" from
"changed since", nothing more.  :func:`digest_of` is the one function that
computes a digest, for the build, the update and the decoder alike.
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
from functools import lru_cache

__all__ = ["DIGEST_BYTES", "KEY_BYTES", "digest_of", "key_problem", "new_key", "store_key"]

#: Bytes of the store's key.
KEY_BYTES = 16
#: Bytes of a record's digest.
DIGEST_BYTES = 16


def new_key() -> bytes:
    """A new random key, for a new store."""
    return secrets.token_bytes(KEY_BYTES)


def digest_of(text: str, key: bytes) -> bytes:
    """The digest of a record's JSON *text* under the store's *key*.

    A lone surrogate (which no build writes: its JSON is ASCII) is encoded
    as it stands, so any text has a digest and none raises.
    """
    hasher = _keyed(key).copy()
    hasher.update(text.encode("utf-8", "surrogatepass"))
    return hasher.digest()


@lru_cache(maxsize=8)
def _keyed(key: bytes) -> hashlib.blake2b:
    """A BLAKE2b keyed with *key* and fed nothing yet: copying it saves hashing the key."""
    return hashlib.blake2b(key=key, digest_size=DIGEST_BYTES)


def _parsed(value: object) -> bytes | None:
    """The key *value* (``meta.digest_key``) spells in hex, or None."""
    if not isinstance(value, str) or len(value) != 2 * KEY_BYTES:
        return None
    try:
        return bytes.fromhex(value)
    except ValueError:
        return None


def key_problem(meta: dict[str, str]) -> str | None:
    """What is wrong with the key in a store's *meta* table, or None."""
    if _parsed(meta.get("digest_key")) is None:
        return f"its meta table has no digest_key of {KEY_BYTES} bytes in hex"
    return None


def store_key(connection: sqlite3.Connection) -> bytes | None:
    """The key of the store open on *connection*, or None if its meta table has none.

    ``open_store`` refuses a store without one, so None means the table was
    changed after the store was opened.
    """
    row = connection.execute("SELECT value FROM meta WHERE key = 'digest_key'").fetchone()
    return _parsed(row[0] if row else None)
