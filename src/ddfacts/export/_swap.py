"""Write a folder of files all or nothing: a new folder beside it takes its place."""

from __future__ import annotations

import errno
import os
import secrets
import shutil
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

__all__ = ["replace_folder"]


def _default_mode(kind: int) -> int:
    umask = os.umask(0)
    os.umask(umask)
    return kind & ~umask


def _mode_of(path: Path, default: int) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return _default_mode(default)


def _write(path: Path, text: str, old: Path) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    # The mode a plain write would give: the old file's, or the default.
    os.chmod(path, _mode_of(old, 0o666))


def _carry_over(old: Path, new: Path, written: Mapping[str, str]) -> None:
    """Put every entry of *old* that *written* does not name into *new*, unchanged.

    Files are hard-linked (copied where links are not supported), symbolic
    links recreated, folders copied; *old* itself is not touched.
    """
    with os.scandir(old) as entries:
        for entry in entries:
            if entry.name in written:
                continue
            source, copy = Path(entry.path), new / entry.name
            if entry.is_symlink():
                os.symlink(os.readlink(source), copy)
            elif entry.is_dir():
                shutil.copytree(source, copy, symlinks=True)
            else:
                try:
                    os.link(source, copy)
                except OSError:
                    shutil.copy2(source, copy)


def _sync_folder(folder: Path) -> None:
    """Make renames in *folder* durable where the system allows it (not on Windows)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _swap(new: Path, target: Path) -> None:
    """Rename *new* to *target*; an existing *target* is set aside first, then removed."""
    if not target.exists():
        os.rename(new, target)
        return
    aside = target.parent / f".{target.name}.old-{secrets.token_hex(6)}"
    os.rename(target, aside)
    try:
        os.rename(new, target)
    except BaseException:
        os.rename(aside, target)
        raise
    shutil.rmtree(aside, ignore_errors=True)


def replace_folder(folder: Path, files: Mapping[str, str]) -> Path:
    """Make *folder* hold *files* (text by name, written as UTF-8), all or nothing.

    The files are written, and fsynced, into a new folder beside *folder*;
    entries of *folder* that *files* does not name are carried over; then
    the new folder is renamed into place and the old one removed.  A reader
    sees the old folder or the new one, never a mix (between the two renames
    the name is briefly absent).  If anything fails, *folder* is as it was
    and the new folder is removed.  A symbolic link to a folder is followed:
    the folder it names is replaced.  Returns *folder*.

    Raises:
        OSError: *folder* exists and is not a folder, or cannot be written.
    """
    target = Path(os.path.realpath(folder))
    if target.exists() and not target.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))
    target.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.new-"))
    try:
        for name, text in files.items():
            _write(new / name, text, target / name)
        if target.is_dir():
            _carry_over(target, new, files)
        os.chmod(new, _mode_of(target, 0o777))
        _swap(new, target)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    _sync_folder(target.parent)
    return folder
