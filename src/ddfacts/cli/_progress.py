"""A progress line on stderr for long runs: records done, records per second, time left.

Only when stderr is a terminal and the run has lasted :data:`DELAY` seconds:
pipes, files and CI logs stay clean, and short runs print nothing.  The
line is redrawn in place (``\\r``) at most every :data:`EVERY` seconds and
wiped when the run ends.  The time left is estimated from the inputs' sizes
and the average size of their first lines.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

__all__ = ["DELAY", "EVERY", "Progress", "estimate_records", "progress_for"]

#: Seconds a run lasts before the line appears.
DELAY = 2.0
#: Seconds between redraws.
EVERY = 0.5
_SAMPLE = 1 << 16


def estimate_records(paths: Iterable[str | os.PathLike[str]]) -> int | None:
    """About how many records the files hold (size over the average size of their first lines)."""
    total_bytes = 0
    sample_bytes = sample_lines = 0
    for name in paths:
        path = Path(name)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            try:
                total_bytes += file.stat().st_size
                if sample_lines < 100:
                    with open(file, "rb") as handle:
                        head = handle.read(_SAMPLE)
                    sample_bytes += len(head)
                    sample_lines += head.count(b"\n")
            except OSError:
                continue
    if not sample_lines or not total_bytes:
        return None
    return max(1, round(total_bytes * sample_lines / sample_bytes))


def _duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


class Progress:
    """Call it with the number of records done; it draws the line when it is time to.

    Args:
        stream: where the line goes (stderr).
        total: the expected number of records, for the time left (None: not shown).
        clock: seconds, monotonic (for tests).
    """

    def __init__(
        self,
        stream: IO[str],
        *,
        total: int | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._stream = stream
        self._total = total
        self._clock = clock
        self._start = clock()
        self._last = self._start
        self._width = 0

    def __call__(self, done: int) -> None:
        """Note that *done* records are checked; redraw the line if it is time."""
        now = self._clock()
        elapsed = now - self._start
        if elapsed < DELAY or now - self._last < EVERY:
            return
        self._last = now
        rate = done / elapsed if elapsed > 0 else 0.0
        line = f"ddfacts: {done:,} records, {rate:,.0f} records/s"
        if self._total and rate > 0:
            if done < self._total:
                line += f", about {_duration((self._total - done) / rate)} left"
            else:
                line += ", finishing"
        self._draw(line)

    def _draw(self, line: str) -> None:
        padding = " " * max(0, self._width - len(line))
        self._stream.write("\r" + line + padding)
        self._stream.flush()
        self._width = len(line)

    def close(self) -> None:
        """Wipe the line, if one was drawn."""
        if self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._width = 0


def progress_for(paths: Iterable[str | os.PathLike[str]], stream: Any = None) -> Progress | None:
    """A progress line for a run over *paths*, or None when *stream* (stderr) is not a terminal."""
    stream = sys.stderr if stream is None else stream
    isatty = getattr(stream, "isatty", None)
    if isatty is None or not isatty():
        return None
    names = [name for name in paths if os.fspath(name) != "-"]
    return Progress(stream, total=estimate_records(names))
