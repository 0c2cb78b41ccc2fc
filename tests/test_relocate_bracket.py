"""Batch relocation searches where the landmarks bound a quote before the whole text.

The landmarks around a doubtful quote bracket where it must be: the search
looks there first (a window of a few thousand code points, grown only as far as
nearness needs), and only when that gives no clear answer, the whole text.
"""

from __future__ import annotations

import random

import pytest

from ddfacts import Anchor
from ddfacts.anchors import _relocate as relocate_module
from ddfacts.anchors import relocate_all
from ddfacts.anchors._search import Candidate, Query, fuzzy


def _paragraphs(seed: int, count: int, words: int = 40) -> list[str]:
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"

    def word() -> str:
        return "".join(rng.choice(letters) for _ in range(rng.randint(3, 8)))

    return [" ".join(word() for _ in range(words)) + ".\n\n" for _ in range(count)]


def _every(text: str, step: int, size: int = 30) -> list[Anchor]:
    """Anchors of *size* code points every *step* code points (word edges ignored)."""
    return [Anchor.from_span(text, at, at + size) for at in range(0, len(text) - size, step)]


def _whole_text_searches(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the searches of the whole text (``fuzzy``) relocation makes."""
    calls: list[int] = []

    def counted(q: Query) -> list[Candidate]:
        calls.append(q.anchor.start)
        return fuzzy(q)

    monkeypatch.setattr(relocate_module, "fuzzy", counted)
    return calls


QUOTE = "the press secretary confirmed the figures"


def _with_quote(seed: int) -> tuple[str, int]:
    """Forty paragraphs with the quote in the twentieth; the text and the quote's offset."""
    paragraphs = _paragraphs(seed, 40)
    paragraphs[20] = paragraphs[20][:100] + " " + QUOTE + " " + paragraphs[20][100:]
    old = "".join(paragraphs)
    return old, old.index(QUOTE)


class TestBracketFirst:
    def test_damaged_quote_in_bracket_with_a_copy_elsewhere(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A typo in the quote where the landmarks map it, and the intact quote with its
        context pasted far away: the damaged one between the landmarks is the answer,
        found without a search of the whole text."""
        old, at = _with_quote(1)
        quote = Anchor.from_span(old, at, at + len(QUOTE))
        anchors = [*_every(old, 400), quote]
        framed = old[at - 32 : at + len(QUOTE) + 32]
        damaged = old.replace("press secretary", "press secertary")
        new = "An opening line.\n\n" + damaged + "\n\nA later note: " + framed + "\n"
        calls = _whole_text_searches(monkeypatch)
        result = relocate_all(anchors, new)[-1]
        start = new.index("the press secertary")
        assert (result.start, result.end) == (start, start + len(QUOTE))
        assert result.method == "landmarks"
        assert quote.start not in calls

    def test_quote_far_from_its_mapped_place_in_a_wide_bracket(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Text inserted before the quote and as much deleted after it: the landmarks
        around it moved alike, but the quote moved 600 code points, farther than the usual
        window lets nearness decide; a wider window within the bracket finds it."""
        old, at = _with_quote(2)
        quote = Anchor.from_span(old, at, at + len(QUOTE))
        before = Anchor.from_span(old, at - 4000, at - 3970)
        after = Anchor.from_span(old, at + 4000, at + 4030)
        first = Anchor.from_span(old, 10, 40)
        last = Anchor.from_span(old, len(old) - 60, len(old) - 30)
        inserted = " ".join(["an inserted aside"] * 33) + " "
        cut = at + len(QUOTE) + 200
        new = old[: at - 300] + inserted + old[at - 300 : cut] + old[cut + len(inserted) :]
        calls = _whole_text_searches(monkeypatch)
        anchors = [first, before, quote, after, last]
        results = relocate_all(anchors, new)
        start = new.index(QUOTE)
        assert start - at == len(inserted) > 500
        assert (results[2].start, results[2].end) == (start, start + len(QUOTE))
        assert quote.start not in calls

    def test_nothing_in_the_bracket_falls_back_to_the_whole_text(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The quote's sentence moved far from where the landmarks map it: the bracket
        holds nothing like it, and the search of the whole text finds it."""
        old, at = _with_quote(3)
        quote = Anchor.from_span(old, at, at + len(QUOTE))
        anchors = [*_every(old, 400), quote]
        moved = old[at - 40 : at + len(QUOTE) + 40]
        new = old[: at - 40] + old[at + len(QUOTE) + 40 :] + "\n\n" + moved + "\n"
        calls = _whole_text_searches(monkeypatch)
        result = relocate_all(anchors, new)[-1]
        start = new.index(QUOTE)
        assert (result.start, result.end) == (start, start + len(QUOTE))
        assert result.method != "landmarks"
        assert quote.start in calls

    def test_deleted_quote_with_copies_elsewhere_stays_orphaned(self) -> None:
        """The quote deleted where the landmarks map it; copies of it, each with other
        context, stand elsewhere: no passage is clearly it."""
        old, at = _with_quote(4)
        quote = Anchor.from_span(old, at, at + len(QUOTE))
        anchors = [*_every(old, 400), quote]
        new = old[:at] + old[at + len(QUOTE) :]
        new += "".join(f"\n\nCopy {i}: {QUOTE}, it said." for i in range(3))
        result = relocate_all(anchors, new)[-1]
        assert result.orphaned
