"""Text stores: resolve a Source to its text, safely and by hash.

Texts live outside fact files (DESIGN decision 10).  A :class:`TextStore`
serves them from a folder: a file named after the source id's slug
(``source:foo`` is ``foo.txt``; a ``/`` in the slug is a sub-folder, so
``source:globalnews/2022-10`` is ``globalnews/2022-10.txt``), a file named
after the sha256 (``<sha256>.txt``), or else *any* file in the folder whose
bytes hash to the Source's ``sha256`` (the folder is hashed lazily, once).

The store refuses paths that escape its folder (``..``, absolute paths,
symlinks pointing out) and texts whose hash differs from the Source's.  Texts
are UTF-8 without a byte-order mark, decoded exactly: no newline translation.

Anything that offers ``text_for`` and ``get`` like :class:`TextStore` can
stand in for it (:class:`TextLookup`), e.g. a dict-backed store in tests.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Protocol, runtime_checkable

from .errors import TextStoreError
from .problems._codes import problem
from .problems._report import Location, Problem
from .records import Source

__all__ = ["TEXT_SUFFIX", "TextLookup", "TextStore", "decode_text", "sha256_of"]

#: The suffix of text files named after a source id or a sha256.
TEXT_SUFFIX = ".txt"


@runtime_checkable
class TextLookup(Protocol):
    """What ddfacts needs of a text store: a Source's text, or why there is none."""

    def text_for(self, source: Source) -> str:
        """The source's text; raises :class:`~ddfacts.errors.TextStoreError` if unavailable."""
        ...

    def get(self, source: Source) -> str | None:
        """The source's text, or None when the store has none for it."""
        ...


def sha256_of(text: str) -> str:
    """The hex SHA-256 of *text*'s UTF-8 bytes, as ``Source.sha256`` holds it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def decode_text(data: bytes, name: str) -> str:
    """Decode a text file's bytes: UTF-8, no byte-order mark, newlines kept as they are.

    Raises:
        TextStoreError: the bytes start with a byte-order mark or are not UTF-8.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        raise TextStoreError(f"{name}: the text starts with a UTF-8 byte-order mark; remove it")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise TextStoreError(f"{name}: invalid UTF-8 at byte {error.start}") from None


class TextStore:
    """A folder of texts, found by source id slug, by sha256 file name, or by content hash.

    Args:
        folder: the folder holding the texts.

    .. versionadded:: 0.1.0
    """

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self._folder = Path(folder)
        self._root = self._folder.resolve()
        self._by_hash: dict[str, Path] | None = None

    @property
    def folder(self) -> Path:
        """The folder the texts are in."""
        return self._folder

    def __repr__(self) -> str:
        return f"TextStore({str(self._folder)!r})"

    def _inside(self, path: Path) -> Path:
        """*path* resolved (symlinks followed); refuse it when it leaves the folder."""
        try:
            resolved = path.resolve()
        except OSError as error:
            raise _unreadable(path, error) from None
        if resolved != self._root and self._root not in resolved.parents:
            raise TextStoreError(
                f"{path}: refusing a path that leads outside the text folder {self._folder}"
            )
        return resolved

    def path_for_id(self, source_id: str) -> Path:
        """Where the text of the source with id *source_id* would be named after its slug.

        Raises:
            TextStoreError: the slug is absolute or leads outside the folder.
        """
        slug = source_id.split(":", 1)[1] if ":" in source_id else source_id
        parts = slug.split("/")
        if not slug or slug.startswith("/") or any(part in ("", ".", "..") for part in parts):
            raise TextStoreError(
                f"{source_id}: refusing a source id whose path leaves the text folder"
            )
        path = self._folder.joinpath(*parts[:-1], parts[-1] + TEXT_SUFFIX)
        self._inside(path)
        return path

    def _index(self) -> dict[str, Path]:
        if self._by_hash is None:
            index: dict[str, Path] = {}
            try:
                paths = sorted(self._folder.rglob("*")) if self._folder.is_dir() else []
            except OSError:
                paths = []  # a folder the system will not list serves nothing by hash
            for path in paths:
                try:
                    if not path.is_file():
                        continue
                    resolved = self._inside(path)
                    digest = hashlib.sha256(resolved.read_bytes()).hexdigest()
                except (OSError, TextStoreError):
                    continue  # unreadable files and escaping links are not served
                index.setdefault(digest, path)
            self._by_hash = index
        return self._by_hash

    def find(self, source: Source) -> Path | None:
        """The file holding *source*'s text, or None when the folder has none.

        Tried in order: the id's slug, ``<sha256>.txt``, any file with the same hash.

        Raises:
            TextStoreError: the id's path leaves the folder (``..``, symlinks).
        """
        candidates = [self.path_for_id(source.id)]
        if source.sha256 is not None:
            candidates.append(self._folder / (source.sha256 + TEXT_SUFFIX))
        for path in candidates:
            if _is_file(path):
                self._inside(path)
                return path
        if source.sha256 is not None:
            return self._index().get(source.sha256)
        return None

    def _bytes(self, path: Path) -> bytes:
        """The bytes of the file at *path*, confined to the folder."""
        try:
            return self._inside(path).read_bytes()
        except OSError as error:
            raise _unreadable(path, error) from None

    def _read(self, source: Source, path: Path) -> str:
        data = self._bytes(path)
        wrong = _wrong_hash(source, data, path)
        if wrong is not None:
            raise TextStoreError(wrong)
        text = decode_text(data, str(path))
        wrong = _wrong_length(source, text, path)
        if wrong is not None:
            raise TextStoreError(wrong)
        return text

    def current(self, source: Source) -> str | None:
        """The text now filed under *source*'s id, whatever its hash; else :meth:`get`.

        Re-anchoring works on texts that changed since the Source recorded its
        sha256, so this skips the hash check for the file named after the id
        (paths are still confined to the folder).

        Raises:
            TextStoreError: the path leaves the folder, or the file is not UTF-8.
        """
        path = self.path_for_id(source.id)
        if _is_file(path):
            return decode_text(self._bytes(path), str(path))
        return self.get(source)

    def get(self, source: Source) -> str | None:
        """*source*'s text, or None when the folder holds no file for it.

        Raises:
            TextStoreError: a file was found but is refused (escaping path,
                wrong hash or length, not UTF-8).
        """
        path = self.find(source)
        return None if path is None else self._read(source, path)

    def text_for(self, source: Source) -> str:
        """*source*'s text.

        Raises:
            TextStoreError: there is no text for it, or the text is refused.
        """
        text = self.get(source)
        if text is None:
            wanted = f"{self.path_for_id(source.id).relative_to(self._folder)}"
            if source.sha256 is not None:
                wanted += f" or a file with sha256 {source.sha256}"
            raise TextStoreError(f"{source.id}: no text in {self._folder} (looked for {wanted})")
        return text

    def _why_not(self, source: Source) -> tuple[str, str, tuple[str, ...]] | None:
        """Why *source* has no usable text: a code, a message, the Source's field; or None."""
        try:
            path = self.find(source)
            if path is None:
                return (
                    "anchor.text-missing",
                    f"no text for {source.id} in {self._folder}, so its anchors are not checked",
                    (),
                )
            data = self._bytes(path)
            wrong = _wrong_hash(source, data, path)
            if wrong is not None:
                return "source.hash-mismatch", wrong, ("sha256",)
            text = decode_text(data, str(path))
        except TextStoreError as error:
            return "anchor.text-refused", str(error), ()
        wrong = _wrong_length(source, text, path)
        return None if wrong is None else ("source.length-mismatch", wrong, ("length",))

    def problem(self, source: Source, location: Location | None = None) -> Problem | None:
        """Why *source* has no usable text, as a validation problem; None when it has one.

        The codes are those validation's ``anchors`` level gives:
        ``anchor.text-missing`` (a warning: the text is simply not here),
        ``source.hash-mismatch`` and ``source.length-mismatch`` (the text is not
        the one the Source records; located at its ``sha256`` or ``length``), and
        ``anchor.text-refused`` (escaping path, unreadable file, bad UTF-8).
        *location* is the Source's.
        """
        why = self._why_not(source)
        if why is None:
            return None
        code, message, field = why
        where = location if location is not None else Location()
        return problem(code, message, where.child(*field), records=(source.id,))


def _unreadable(path: Path, error: OSError) -> TextStoreError:
    """The refusal of a text file the system cannot open (name too long, no permission…)."""
    return TextStoreError(f"{path}: cannot read the text: {error.strerror or error}")


def _is_file(path: Path) -> bool:
    """Whether *path* is a file; an error the system gives (e.g. a name too long) is a refusal.

    Raises:
        TextStoreError: the system cannot tell.
    """
    try:
        return path.is_file()
    except OSError as error:
        raise _unreadable(path, error) from None


def _wrong_hash(source: Source, data: bytes, path: Path) -> str | None:
    """How *data* differs from the sha256 *source* records, or None."""
    if source.sha256 is None:
        return None
    digest = hashlib.sha256(data).hexdigest()
    if digest == source.sha256:
        return None
    return f"{path}: the text's sha256 is {digest} but {source.id} records {source.sha256}"


def _wrong_length(source: Source, text: str, path: Path) -> str | None:
    """How *text* differs from the length *source* records, or None."""
    if source.length is None or len(text) == source.length:
        return None
    return (
        f"{path}: the text has {len(text)} code points but {source.id} "
        f"records a length of {source.length}"
    )
