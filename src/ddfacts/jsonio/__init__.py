"""Fact files: read and write records as JSON documents and JSON Lines.

A fact file is either one JSON document ``{"ddfacts": "1.1", "records": [...]}``
(``.json``) or JSON Lines, one record a line (``.jsonl``).  Output is
canonical: members in a fixed order, two-space indent for documents, UTF-8,
a newline at the end, so ``dump(load(f))`` reproduces a file written by
``dump`` byte for byte.  Writes are atomic.  :func:`migrate` rewrites a
format 1.0 file as 1.1.
"""

from __future__ import annotations

from ._files import (
    FORMAT_VERSION,
    MAX_DEPTH,
    dump,
    dumps,
    from_json,
    iter_records,
    load,
    loads,
    parse_json,
    to_json,
)
from ._migrate import migrate, migrate_records

__all__ = [
    "FORMAT_VERSION",
    "MAX_DEPTH",
    "dump",
    "dumps",
    "from_json",
    "iter_records",
    "load",
    "loads",
    "migrate",
    "migrate_records",
    "parse_json",
    "to_json",
]
