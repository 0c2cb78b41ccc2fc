"""Stored records back into records: fast for a store as built, exact for one that was not.

A store's JSON was validated when it was built, so the usual record goes
through the fast path a bulk load uses: the strict reader's fast parser
(:func:`ddfacts.jsonio._strict.decoder`: no duplicate keys, no nesting past
the depth limit) and the compiled shape check and generated builder of
:func:`ddfacts.jsonio._fast._load.structure_fast`.  The shape check is kept
because the file may have been changed since: a record it does not vouch
for goes through the strict reader and the codec, whose error names the
member at fault, and comes back as a :class:`StoreError` naming the record.

As a bulk load does, the first :data:`~ddfacts.jsonio._fast._load.WARM_UP`
records take the codec, so a call that reads a few records never pays for
compiling the shape checks.  The records of one query share most of their
time spans (claims of one property at one day), and the fast builders hand
back one instance for equal span JSON (:mod:`ddfacts.jsonio._fast._shared`),
while the shape checks remember the identifiers and days their patterns
passed (:mod:`ddfacts.jsonio._fast._patterns`); both tables are bounded and
hold only what passed, so a bad record is refused as before.  Per record,
the fast path costs about two fifths of the strict reader and codec
(``benchmarks/store.py`` prints both).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import LoadError
from ..jsonio._fast._load import WARM_UP, structure_fast
from ..jsonio._files import from_json, parse_json
from ..jsonio._strict import decoder
from ..records import Record
from ._open import StoreError

__all__ = ["Decoder"]

#: The strict reader's fast parser: a value, or ValueError/RecursionError when in doubt.
_parse_fast = decoder(finite=False)


class Decoder:
    """Records from a store's ``records.json`` texts, for the store at *path*."""

    __slots__ = ("_path", "_warm_up")

    def __init__(self, path: Path, warm_up: int = WARM_UP) -> None:
        self._path = path
        self._warm_up = warm_up

    def __call__(self, seq: int, record_id: object, text: object) -> Record:
        """The record stored under *seq* and *record_id* as *text*.

        Raises:
            StoreError: the text is not a valid record (the store was changed
                after it was built); the message names the record.
        """
        if self._warm_up:
            self._warm_up -= 1
        elif type(text) is str:
            try:
                record = structure_fast(_parse_fast(text))
            except (ValueError, RecursionError):
                record = None
            if record is not None:
                return record
        return self._exact(seq, record_id, text)

    def _exact(self, seq: int, record_id: object, text: object) -> Record:
        """The record by the strict reader and the codec, or the StoreError saying why not."""
        if not isinstance(text, str):
            problem = f"its JSON is stored as {type(text).__name__}, not text"
        else:
            try:
                return from_json(parse_json(text))
            except LoadError as error:
                problem = f"{error.pointer or 'its JSON'}: {error.message}"
        where = f"{self._path} holds a bad record ({record_id!r}, seq {seq})"
        raise StoreError(f"{where}: {problem}; rebuild the store", path=str(self._path))
