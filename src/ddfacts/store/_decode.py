"""Stored records back into records: fast for rows as built, checked for rows changed since.

A row whose digest is the digest of its JSON under the store's key
(:mod:`._digest`) holds, byte for byte, the text the build wrote from a
record it had validated: it is parsed by ``json.loads``'s C scanner (text
``json.dumps`` wrote has no duplicate keys) and built by the generated
builder alone, :func:`ddfacts.jsonio._fast._load.structure_trusted`, with no
shape check.  Any other row (digest NULL, wrong, or not bytes; the JSON
edited in SQL) takes the checked path: the strict reader's fast parser
(:func:`ddfacts.jsonio._strict.decoder`: no duplicate keys, no nesting past
the depth limit), the compiled shape check and the builder of
:func:`ddfacts.jsonio._fast._load.structure_fast`.  A record neither path
vouches for goes through the strict reader and the codec, whose error
names the member at fault, and comes back as a :class:`StoreError` naming
the record.  The digest is no security measure (the key is in the file):
it only tells "as built" from "changed since".

Each path warms up as a bulk load does: the first
:data:`~ddfacts.jsonio._fast._load.TRUSTED_WARM_UP` trusted rows and the
first :data:`~ddfacts.jsonio._fast._load.WARM_UP` checked ones take the
codec, so a call reading a few records never pays for compiling builders
(about 2 ms a type) or shape checks (about 90 ms in all); a store as built
never compiles the shape checks at all.  The records of one query share
most of their time spans (claims of one property at one day), and the
builders hand back one instance for equal span JSON
(:mod:`ddfacts.jsonio._fast._shared`); the shape checks remember the
identifiers and days their patterns passed
(:mod:`ddfacts.jsonio._fast._patterns`); both tables are bounded and hold
only what passed, so a bad record is refused as before.
``benchmarks/store.py`` prints the cost of a record by each path.
"""

from __future__ import annotations

from collections.abc import Callable
from json import JSONDecoder
from json.scanner import make_scanner
from pathlib import Path
from typing import Any

from ..errors import LoadError
from ..jsonio._fast._load import TRUSTED_WARM_UP, WARM_UP, structure_fast, structure_trusted
from ..jsonio._files import from_json, parse_json
from ..jsonio._strict import decoder
from ..records import Record
from ._digest import digest_of
from ._open import StoreError

__all__ = ["Decoder"]

#: The strict reader's fast parser: a value, or ValueError/RecursionError when in doubt.
_parse_fast = decoder(finite=False)
#: The C scanner of ``json.loads``, for text the build wrote (its digest matches):
#: ``(value, end)``; ``json.dumps`` wrote no white space around the value.  (Typeshed
#: types the argument as the C scanner's own class; any JSONDecoder is what it takes.)
_scan_trusted: Callable[[str, int], tuple[Any, int]] = make_scanner(
    JSONDecoder()  # type: ignore[arg-type]
)


class Decoder:
    """Records from a store's ``records`` rows, for the store at *path* whose key is *key*.

    Without *key* every row takes the checked path.
    """

    __slots__ = ("_key", "_path", "_trusted_warm_up", "_warm_up")

    def __init__(
        self,
        path: Path,
        warm_up: int = WARM_UP,
        *,
        key: bytes | None = None,
        trusted_warm_up: int = TRUSTED_WARM_UP,
    ) -> None:
        self._path = path
        self._warm_up = warm_up
        self._key = key
        self._trusted_warm_up = trusted_warm_up

    def __call__(self, seq: int, record_id: object, text: object, digest: object = None) -> Record:
        """The record stored under *seq* and *record_id* as *text*, with *digest*.

        Raises:
            StoreError: the text is not a valid record (the store was changed
                after it was built); the message names the record.
        """
        if self.as_built(text, digest):
            assert isinstance(text, str)
            record = self._trusted(text)
            if record is not None:
                return record
        elif self._warm_up:
            self._warm_up -= 1
        elif type(text) is str:
            try:
                record = structure_fast(_parse_fast(text))
            except (ValueError, RecursionError):
                record = None
            if record is not None:
                return record
        return self._exact(seq, record_id, text)

    def as_built(self, text: object, digest: object) -> bool:
        """Whether *digest* is the digest of *text* under the store's key."""
        key = self._key
        return (
            key is not None
            and type(digest) is bytes
            and type(text) is str
            and digest == digest_of(text, key)
        )

    def _trusted(self, text: str) -> Record | None:
        """The record of text the build wrote, by the builder alone; None: use the codec."""
        if self._trusted_warm_up:
            self._trusted_warm_up -= 1
            return None
        try:
            value, end = _scan_trusted(text, 0)
        except (StopIteration, ValueError, RecursionError):
            return None
        return structure_trusted(value) if end == len(text) else None

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
