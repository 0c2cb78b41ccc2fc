"""Hostile batch relocation: periodic texts never turn landmarks into wrong answers."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from ddfacts import Anchor
from ddfacts.anchors import relocate_all

from ._timing import assert_near_linear

CELL = "The embassy account posted {n} messages in its first year, the ministry said.\n\n"


def _copies(count: int, *, numbered: bool = True) -> str:
    return "".join(CELL.format(n=1000 + 7 * i if numbered else 1000) for i in range(count))


def _anchors(text: str, quote: str, every: int = 1) -> list[Anchor]:
    out = []
    at = text.find(quote)
    while at != -1:
        out.append(Anchor.from_span(text, at, at + len(quote)))
        at = text.find(quote, at + 1)
    return out[::every]


@pytest.mark.parametrize("cells", [1, 5, 7])
def test_deleting_whole_periods(cells: int) -> None:
    """Deleting a whole number of periods makes the shift of the landmarks after the edit
    point exactly at a copy of every deleted quote: the deleted ones stay orphaned.
    (Cells differ by their number: in a text of identical cells, which one was deleted
    cannot be told, and any answer is as right as another.)"""
    old = _copies(200)
    period = len(CELL.format(n=1000))
    anchors = _anchors(old, "posted") + _anchors(old, "messages in its first year")
    cut = 100 * period
    new = old[:cut] + old[cut + cells * period :]
    for anchor, result in zip(anchors, relocate_all(anchors, new), strict=True):
        if cut <= anchor.start and anchor.end <= cut + cells * period:
            assert result.start is None, (anchor, result)
        elif result.start is not None:
            shift = -cells * period if anchor.start >= cut + cells * period else 0
            assert result.start == anchor.start + shift, (anchor, result)


def test_same_quote_everywhere() -> None:
    """A hundred anchors on copies of one identical cell, text shifted: none misplaced."""
    old = _copies(500, numbered=False)
    anchors = _anchors(old, "posted", every=5)
    new = "x" + old
    for anchor, result in zip(anchors, relocate_all(anchors, new), strict=True):
        assert result.start is None or result.start == anchor.start + 1


@pytest.mark.parametrize("numbered", [True, False])
def test_damaged_handle_among_copies(numbered: bool) -> None:
    """Issue 17, point 2, hostile: one handle misspelt in a text of copies that all carry
    it between the same words.  The context fits at every copy, so it is no evidence: the
    misspelt one is orphaned or found where it is, and no anchor lands on another copy."""
    cell = "Message {n} was signed by @RussianEmbassyC and two other handles, it said.\n\n"
    old = "".join(cell.format(n=1000 + 7 * i if numbered else 1000) for i in range(300))
    anchors = _anchors(old, "@RussianEmbassyC", every=3)
    damaged = anchors[50]
    new = old[: damaged.start] + "@RussianEmbussyC" + old[damaged.end :]
    new = "An opening line. " * 20 + new
    shift = 17 * 20
    for anchor, result in zip(anchors, relocate_all(anchors, new), strict=True):
        assert result.start is None or result.start == anchor.start + shift, (anchor, result)


def _batch(size: int) -> Callable[[], object]:
    old = _copies(size // 80)
    anchors = _anchors(old, "posted", every=max(1, size // 8000))[:100]
    new = "An inserted opening. " + old[: len(old) // 2] + old[len(old) // 2 + 300 :]
    return lambda: relocate_all(anchors, new)


def test_linear_in_the_text() -> None:
    """A hundred anchors in a 20 KB and a 200 KB text: near-linear in the text's length."""
    assert_near_linear(_batch, 20_000)


# Issue 17, the window the landmarks map a doubtful anchor to (``anchors/_window.py``).

SECTION = (
    "Report {n} opens with a line of its own. "
    "The embassy account posted many messages in its first year, the ministry said. "
    "Critics answered every one of those messages within the hour, in kind. "
    "Closing remark {n} ends the section.\n\n"
)
MIDDLE = "The embassy account posted many messages in its first year, the ministry said. "


def _sections(count: int) -> tuple[str, list[Anchor]]:
    """Sections alike but for their first and last lines (the landmarks); anchors on those
    and on the quote every section carries with the same context."""
    old = "".join(SECTION.format(n=n) for n in range(count))
    anchors = []
    for n in range(count):
        base = old.index(SECTION.format(n=n))
        for key in (f"Report {n} opens", f"Closing remark {n}", "posted many messages"):
            at = old.index(key, base)
            anchors.append(Anchor.from_span(old, at, at + len(key)))
    return old, anchors


def _edited(old: str, count: int, edit: Callable[[int, str], str]) -> str:
    """*old* with each section *n* replaced by ``edit(n, section)``, and a line added first."""
    sections = [edit(n, SECTION.format(n=n)) for n in range(count)]
    assert "".join(SECTION.format(n=n) for n in range(count)) == old
    return "An opening line added later.\n\n" + "".join(sections)


@pytest.mark.parametrize("length", [True, False])
def test_window_never_takes_a_neighbours_copy(length: bool) -> None:
    """Every other section loses its middle sentence, and every third one gains an aside
    (the landmarks around it move apart): copies of the deleted quote, context and all,
    stand one section away.  The deleted ones stay orphaned; the others are found where
    they are."""

    def edit(n: int, section: str) -> str:
        if n % 3 == 0:
            section = section.replace("opens with", "opens, after an aside by an editor, with")
        return section.replace(MIDDLE, "") if n % 2 else section

    old, anchors = _sections(40)
    new = _edited(old, 40, edit)
    found = relocate_all(anchors, new, old_length=len(old) if length else None)
    for number, (anchor, result) in enumerate(zip(anchors, found, strict=True)):
        n, role = divmod(number, 3)
        if role != 2:
            assert result.start is None or new[result.start : result.end] == anchor.exact
            continue
        if n % 2:
            assert result.start is None, (n, result)
        else:
            section = new.index(f"Report {n} opens")
            assert result.start == new.index(anchor.exact, section), (n, result)


def test_window_with_its_landmark_deleted_too() -> None:
    """A middle sentence deleted together with the landmark after it and the start of the
    next section, so that the window runs into the next section's copy, which now stands
    right after this section's first line."""
    old, anchors = _sections(60)
    cut = old.index(MIDDLE, old.index("Report 30 opens"))
    resume = old.index("own. ", old.index("Report 31 opens")) + len("own. ")
    new = old[:cut] + old[resume:]
    for anchor, result in zip(anchors, relocate_all(anchors, new), strict=True):
        # Whatever is placed reads as its quote; the deleted quote is not put two sections on.
        assert result.start is None or new[result.start : result.end] == anchor.exact
        if anchor.start == old.index("posted", cut):
            assert result.start in (None, new.index("posted", cut - 40))


def _far_from_the_map(size: int) -> Callable[[], object]:
    """*size* code points of distinct words, an anchor every 500; every tenth anchor's
    quote damaged and moved 600 code points from where the landmarks map it (text
    inserted before it, as much cut after it): a wider window, never the whole text."""
    rng = random.Random(size)
    letters = "abcdefghijklmnopqrstuvwxyz"
    old = " ".join("".join(rng.choice(letters) for _ in range(6)) for _ in range(size // 7))
    anchors = [Anchor.from_span(old, at, at + 40) for at in range(100, len(old) - 200, 500)]
    new = old
    for anchor in reversed(anchors[5:-5:10]):
        at = anchor.start
        damaged = "#" + old[at + 1 : anchor.end]
        new = new[: at - 300] + "x" * 600 + new[at - 300 : at] + damaged + new[anchor.end + 600 :]
    return lambda: relocate_all(anchors, new)


def test_wider_windows_stay_linear() -> None:
    """Quotes far from their mapped place are looked for in bounded windows: the batch's
    time grows with the text, not with the text times the anchors."""
    assert_near_linear(_far_from_the_map, 20_000, max_ratio=40.0)  # O(n log n) plus GC: 12-22x seen


def test_many_anchors_claiming_one_surviving_copy() -> None:
    """Eighty copies of one passage, each anchored, and one left in the new text:
    every anchor's quote with its whole context stands once, on the same passage.  One
    passage cannot hold eighty places of the old text: none is a landmark, and no
    anchor but the survivor's own may be placed there."""
    rng = random.Random(5)
    letters = "abcdefghijklmnopqrstuvwxyz"
    # The passage with more than a whole context (32 code points) either side.
    passage = (
        "Here begins the part repeated in full. The same passage, said once more, word "
        "for word. Here ends the part repeated in full."
    )
    sections = [
        " ".join("".join(rng.choice(letters) for _ in range(6)) for _ in range(12))
        for _ in range(80)
    ]
    old = "\n\n".join(f"{section} {passage} {section}" for section in sections)
    keep = 50
    anchors = _anchors(old, "The same passage, said once more, word for word.")
    new = "\n\n".join(
        f"{section} {passage} {section}" if i == keep else f"{section} {section}"
        for i, section in enumerate(sections)
    )
    start = new.index("The same passage")
    for length in (len(old), None):
        results = relocate_all(anchors, new, old_length=length)
        placed = [i for i, r in enumerate(results) if r.start is not None]
        assert placed in ([], [keep])
        assert all(results[i].start == start for i in placed)
