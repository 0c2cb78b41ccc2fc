"""Matching text directives in linear time: a folded text, its terms, and the search for one quote.

The matching rules are those :mod:`ddfacts.cite._fragments` states; here
they run on the text folded once (case folded as ``re.IGNORECASE`` compares,
each whitespace run one space), with ``str.find`` for each term, and offsets
mapped back to the raw text by binary search.  No search is retried from
each occurrence of a term, so a quote whose first words repeat all through
the text costs one pass, not one per occurrence.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Iterator

import attrs

__all__ = ["Folded", "Search", "Term"]


#: Letters that ``re.IGNORECASE`` takes as one letter beyond their lower case
#: (Python's ``re`` extra cases), each group folded to its first member.
_SAME_LETTER = (
    "iı",
    "sſ",
    "μµ",
    "ιͅι",
    "ΐΐ",
    "ΰΰ",
    "βϐ",
    "εϵ",
    "θϑ",
    "κϰ",
    "πϖ",
    "ρϱ",
    "σς",
    "φϕ",
    "вᲀ",
    "дᲁ",
    "оᲂ",
    "сᲃ",
    "тᲄᲅ",
    "ъᲆ",
    "ѣᲇ",
    "ꙋᲈ",
    "ṡẛ",
    "ﬆﬅ",
)
_FOLD = {ord(other): group[0] for group in _SAME_LETTER for other in group[1:]}
#: A run of whitespace, as ``\s`` in a pattern (and ``str.split``) sees it.
_SPACE = re.compile(r"\s+")


def _fold(text: str) -> str:
    """*text* lower-cased letter by letter (same length), as ``re.IGNORECASE`` compares."""
    return text.replace("\u0130", "i").lower().translate(_FOLD)


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


class Folded:
    """A text folded for matching: case folded, each whitespace run one space; raw offsets back.

    Building it is linear in the text; :meth:`raw` maps an offset back in
    logarithmic time.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        folded = _fold(text)
        self.norm = _SPACE.sub(" ", folded)
        #: For each whitespace run: the offset of its one space in ``norm``.
        self._runs = array("q")
        #: Code points dropped by the runs before each run (one more entry).
        self._dropped = array("q", [0])
        #: For each whitespace run: its offset in the text.
        self._raw_runs = array("q")
        dropped = 0
        for run in _SPACE.finditer(folded):
            self._raw_runs.append(run.start())
            self._runs.append(run.start() - dropped)
            dropped += run.end() - run.start() - 1
            self._dropped.append(dropped)

    def raw(self, index: int) -> int:
        """The offset in the text of the code point at *index* of ``norm`` (not a space)."""
        return index + self._dropped[bisect_left(self._runs, index)]

    def norm_of(self, raw: int) -> int:
        """The offset in ``norm`` of the code point at *raw* in the text (not a space)."""
        return raw - self._dropped[bisect_left(self._raw_runs, raw)]

    def word_at(self, index: int) -> bool:
        """Whether the code point at *index* of ``norm`` is a word character (False outside)."""
        if not 0 <= index < len(self.norm) or self.norm[index] == " ":
            return False
        return _is_word(self.text[self.raw(index)])


@attrs.frozen
class Term:
    """One term of a directive as matched: its folded words, and its word boundaries."""

    needle: str
    head: bool
    tail: bool

    @classmethod
    def of(cls, term: str) -> Term:
        words = term.split()
        return cls(_fold(" ".join(words)), _is_word(words[0][0]), _is_word(words[-1][-1]))

    def at(self, folded: Folded, index: int) -> bool:
        """Whether the term occurs at *index* of ``folded.norm``, on its word boundaries."""
        if not folded.norm.startswith(self.needle, index):
            return False
        if self.head and folded.word_at(index - 1):
            return False
        return not (self.tail and folded.word_at(index + len(self.needle)))

    def ending_at(self, folded: Folded, index: int) -> bool:
        """Whether the term ends at *index* of ``folded.norm``, or one space before it."""
        if self._at_end(folded, index):
            return True
        return index > 0 and folded.norm[index - 1] == " " and self._at_end(folded, index - 1)

    def _at_end(self, folded: Folded, index: int) -> bool:
        start = index - len(self.needle)
        return start >= 0 and self.at(folded, start)

    def starting_at(self, folded: Folded, index: int) -> bool:
        """Whether the term starts at *index* of ``folded.norm``, or one space after it."""
        if self.at(folded, index):
            return True
        return folded.norm[index : index + 1] == " " and self.at(folded, index + 1)

    def valid(self, folded: Folded, suffix: Term | None) -> list[int]:
        """Each occurrence of this (end) term that *suffix* follows, if given."""
        size = len(self.needle)
        return [
            at
            for at in self.occurrences(folded)
            if suffix is None or suffix.starting_at(folded, at + size)
        ]

    def occurrences(self, folded: Folded, begin: int = 0, last: int | None = None) -> Iterator[int]:
        """Each offset of ``folded.norm`` from *begin* (to *last*) where the term occurs.

        Overlapping occurrences count.
        """
        norm, needle = folded.norm, self.needle
        stop = len(norm) if last is None else last + len(needle)
        index = norm.find(needle, begin, stop)
        while index >= 0:
            if self.at(folded, index):
                yield index
            index = norm.find(needle, index + 1, stop)

    def occurrences_back(self, folded: Folded) -> Iterator[int]:
        """Each offset where the term occurs, the last first."""
        norm, needle = folded.norm, self.needle
        index = norm.rfind(needle)
        while index >= 0:
            if self.at(folded, index):
                yield index
            index = norm.rfind(needle, 0, index + len(needle) - 1)


class Queue:
    """An iterator whose first item can be looked at before it is taken."""

    def __init__(self, items: Iterator[int]) -> None:
        self._items = items
        self.head: int | None = next(items, None)

    def pop(self) -> None:
        """Drop the first item."""
        self.head = next(self._items, None)


class Search:
    """One form's matches in a text as context words are added, in linear time overall.

    Adding words of context only ever removes matches (a longer prefix or
    suffix ends with the shorter one), so each occurrence of the start term
    other than the target's is dropped at most once, from a queue, and each
    end term from another: the form costs one pass over the text plus the
    context words of each step, however often its first words repeat.
    """

    def __init__(
        self, folded: Folded, start: str, end: str | None, target: tuple[int, int]
    ) -> None:
        self._folded = folded
        self._start = Term.of(start)
        self._end = None if end is None else Term.of(end)
        self._target = target
        self._at = folded.norm_of(target[0])
        at = self._at
        self._others = Queue(i for i in self._start.occurrences(folded) if i != at)
        ends = iter(()) if self._end is None else self._end.occurrences_back(folded)
        self._last_ends = Queue(ends)

    def verdict(self, prefix: str | None, suffix: str | None) -> bool | None:
        """True: the form with this context matches the target alone; None: others too;
        False: it misses the target."""
        before = None if prefix is None else Term.of(prefix)
        after = None if suffix is None else Term.of(suffix)
        if not self._hits_target(before, after):
            return False
        others = self._others
        while others.head is not None and not self._keeps(others.head, before, after):
            others.pop()
        return True if others.head is None else None

    def _end_ok(self, at: int, after: Term | None) -> bool:
        assert self._end is not None
        return after is None or after.starting_at(self._folded, at + len(self._end.needle))

    def _hits_target(self, before: Term | None, after: Term | None) -> bool:
        folded, at = self._folded, self._at
        if not self._start.at(folded, at):
            return False
        if before is not None and not before.ending_at(folded, at):
            return False
        stop = at + len(self._start.needle)
        if self._end is None:
            if after is not None and not after.starting_at(folded, stop):
                return False
        else:
            last = folded.norm_of(self._target[1] - 1)
            for end in self._end.occurrences(folded, stop, last):
                if self._end_ok(end, after):
                    break
            else:
                return False
            stop = end + len(self._end.needle)
        return folded.raw(stop - 1) + 1 == self._target[1]

    def _keeps(self, at: int, before: Term | None, after: Term | None) -> bool:
        """Whether the start term at *at* still gives a match (another than the target)."""
        folded = self._folded
        if before is not None and not before.ending_at(folded, at):
            return False
        stop = at + len(self._start.needle)
        if self._end is None:
            return after is None or after.starting_at(folded, stop)
        ends = self._last_ends
        while ends.head is not None and not self._end_ok(ends.head, after):
            ends.pop()
        return ends.head is not None and ends.head >= stop
