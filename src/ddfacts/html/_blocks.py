"""A source text as paragraphs of text and statement marks, well nested whatever overlaps.

A text is split into blocks at blank lines; each block is rendered as one
``<p>`` and the blank lines between blocks are kept as they are between the
paragraphs, so the page's text content is the source text, code point for
code point.  Statements become ``<mark>`` elements.  Nested statements nest;
a statement that crosses another's end, or a blank line, is split into parts:
its first part carries its ``id`` and offsets, each later part only
``data-statement``.  Cost: linear in the text plus, per statement end, the
marks still open inside it (the overlap depth), which bounds the output too.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs

from ..cite._match import BLANK_LINE

__all__ = ["Block", "Mark", "Piece", "blocks", "slug"]

#: Characters a slug keeps as they are.
_SAFE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")
#: Slugs longer than this are cut and end with a hash of the id.
_LONGEST_SLUG = 120


def slug(record_id: str) -> str:
    """A URL- and file-safe form of *record_id*, one to one (``:`` -> ``.``, ``/`` -> ``_``).

    Other characters become ``~`` + hex code + ``.``; a long result is cut and
    ends with a hash of the id, so names stay under file-system limits.
    """
    parts = []
    for char in record_id:
        if char in _SAFE:
            parts.append(char)
        elif char == ":":
            parts.append(".")
        elif char == "/":
            parts.append("_")
        else:
            parts.append(f"~{ord(char):x}.")
    result = "".join(parts)
    if len(result) > _LONGEST_SLUG:
        import hashlib

        digest = hashlib.sha256(record_id.encode("utf-8", "surrogatepass")).hexdigest()[:20]
        result = f"{result[: _LONGEST_SLUG - 22]}~~{digest}"
    return result


@attrs.frozen
class Mark:
    """One statement to mark: its id and code-point offsets."""

    statement: str
    start: int
    end: int


@attrs.frozen
class Piece:
    """One step of a block: text, the opening of a mark (``first``: its first part), or a close."""

    kind: str  # "text", "open" or "close"
    text: str = ""
    mark: Mark | None = None
    first: bool = False


@attrs.frozen
class Block:
    """One paragraph's pieces, and the blank lines that follow it in the text."""

    pieces: tuple[Piece, ...]
    gap: str


def _spans(text: str) -> Iterator[tuple[int, int, str]]:
    """Each block's start and end, and the blank lines after it."""
    at = 0
    for match in BLANK_LINE.finditer(text):
        yield at, match.start(), match.group()
        at = match.end()
    yield at, len(text), ""


def blocks(text: str, marks: Sequence[Mark]) -> list[Block]:
    """The blocks of *text* with *marks* placed; marks must lie inside the text."""
    order = sorted(marks, key=lambda m: (m.start, -m.end, m.statement))
    ends: dict[int, list[Mark]] = {}
    for mark in order:
        ends.setdefault(mark.end, []).append(mark)
    stops = sorted({m.start for m in order} | set(ends))
    state = _State(order, ends)
    result: list[Block] = []
    cursor = 0  # next stop
    for begin, finish, gap in _spans(text):
        pieces = state.begin_block(begin)
        at = begin
        while cursor < len(stops) and stops[cursor] <= finish:
            point = stops[cursor]
            cursor += 1
            if point < at:
                continue
            if point > at:
                pieces.append(Piece("text", text=text[at:point]))
            at = point
            state.step(point, pieces, last=point == finish and bool(gap))
        if finish > at:
            pieces.append(Piece("text", text=text[at:finish]))
        pieces.extend(Piece("close") for _ in state.open_)
        result.append(Block(tuple(pieces), gap))
    return result


class _State:
    """The marks open while a text is walked, and the next mark to open."""

    def __init__(self, order: list[Mark], ends: dict[int, list[Mark]]) -> None:
        self.order = order
        self.ends = ends
        self.open_: list[Mark] = []
        self.begun: set[str] = set()
        self.index = 0

    def _open(self, mark: Mark, pieces: list[Piece]) -> None:
        pieces.append(Piece("open", mark=mark, first=mark.statement not in self.begun))
        self.begun.add(mark.statement)
        self.open_.append(mark)

    def begin_block(self, begin: int) -> list[Piece]:
        """Reopen the marks going on into this block; open those that began in the gap."""
        self.open_ = [m for m in self.open_ if m.end > begin]
        pieces = [Piece("open", mark=m) for m in self.open_]
        while self.index < len(self.order) and self.order[self.index].start < begin:
            mark = self.order[self.index]
            self.index += 1
            if mark.end > begin:
                self._open(mark, pieces)
        return pieces

    def step(self, point: int, pieces: list[Piece], *, last: bool) -> None:
        """Close the marks ending at *point*, open those starting there (not at a block's end)."""
        _close(self.ends.get(point, ()), self.open_, pieces)
        order = self.order
        while self.index < len(order) and order[self.index].start == point:
            mark = order[self.index]
            if last and mark.end > point:
                return  # it opens at the next block's start
            self.index += 1
            self._open(mark, pieces)
            if mark.end == point:
                _close([mark], self.open_, pieces)


def _close(closing: Sequence[Mark], open_: list[Mark], pieces: list[Piece]) -> None:
    """Close each mark of *closing*; marks opened inside it are closed and reopened."""
    for mark in closing:
        if mark not in open_:
            continue
        depth = len(open_) - open_.index(mark)
        above = open_[len(open_) - depth + 1 :]
        pieces.extend(Piece("close") for _ in range(depth))
        del open_[len(open_) - depth :]
        for other in above:
            pieces.append(Piece("open", mark=other))
            open_.append(other)
