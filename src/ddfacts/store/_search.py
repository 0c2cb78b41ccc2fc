"""Full-text search over a fact store's FTS5 index: words in, ranked rows out.

The words a user types never reach FTS5's query language: each becomes a
quoted string (its own double quotes doubled), so ``AND``, ``NEAR``, ``*``,
column filters and unbalanced quotes are only text.  Every word must occur.

Hits come shortest text first: a ``texts`` rowid holds the text's length in
words above its number (:func:`~._schema.text_rowid`), and FTS5 walks its
matches in rowid order, so a search reads only as far as its last hit.
Among texts that hold every word once, that is BM25's order (BM25 favours
the shorter text, and its IDF weights are the same for every hit of an
all-words query); FTS5's own ``bm25()`` would count every row holding each
word on every search, which grows with the store.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import attrs

from .._escape import utf8_text
from ..limits import MAX_PHRASE_CHARS
from ..records import Record, Source
from ._open import StoreError
from ._schema import text_words

__all__ = ["SearchHit", "fts_query", "search_rows"]

# Controls separate words: FTS5 ends a quoted string at a NUL.
_CONTROLS = re.compile("[\x00-\x1f\x7f]")


@attrs.frozen(kw_only=True)
class SearchHit:
    """One search result: the record, the text that matched, its rank and source.

    .. versionadded:: 0.2.0
    """

    #: The record found (a Statement, Claim or Actor).
    record: Record
    #: What matched: ``quote``, ``claim`` (a claim's text), ``proposition``, ``name``, ``alias``.
    field: str
    #: The text that matched.
    text: str
    #: The text's length in words: lower is better (hits come shortest first).
    score: float
    #: The source a statement or claim comes from, when the store has it.
    source: Source | None = None

    @property
    def id(self) -> str:
        """The id of the record found."""
        return self.record.id


def fts_query(words: str) -> str:
    """An FTS5 query matching every word of *words*, none of them read as an operator.

    Raises:
        StoreError: *words* is longer than :data:`~ddfacts.limits.MAX_PHRASE_CHARS`.
    """
    if len(words) > MAX_PHRASE_CHARS:
        raise StoreError(
            f"the search is {len(words)} characters long; the limit is {MAX_PHRASE_CHARS}"
        )
    quoted = (
        '"' + word.replace('"', '""') + '"' for word in _CONTROLS.sub(" ", utf8_text(words)).split()
    )
    return " ".join(quoted)


def search_rows(
    db: sqlite3.Connection, path: Path, words: str, limit: int
) -> list[tuple[int, str, str, float]]:
    """``(seq, field, text, score)`` of the best *limit* matches of *words*, best first.

    The work is bounded by the matches read before the last hit (FTS5's
    all-words merge in rowid order), not by the number of matches.
    """
    query = fts_query(words)
    if not query or limit <= 0:
        return []
    sql = "SELECT rowid, seq, field, text FROM texts WHERE texts MATCH ? ORDER BY rowid LIMIT ?"
    try:
        rows = db.execute(sql, (query, limit)).fetchall()
        return [(seq, field, text, float(text_words(rowid))) for rowid, seq, field, text in rows]
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path} cannot be searched ({error}).", path=str(path)) from None
