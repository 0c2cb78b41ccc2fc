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
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Iterator

import attrs

__all__ = ["BLANK_LINE", "Folded", "Search", "Term"]


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
#: A blank line (a newline, optional spaces, a newline, and any more such lines): where one
#: block of a text ends and the next begins, in a browser's rendering as on the site's pages.
BLANK_LINE = re.compile(r"\n(?:[^\S\n]*\n)+")
#: Marks that join two letters into one word for a browser (``He's``, ``l·l``).
_MID_LETTER = frozenset("'\u2019\u2018\u00b7\u2027\uff07")
#: Marks that join two digits into one number for a browser (``9,000``, ``3.5``).
_MID_DIGIT = frozenset("'\u2019\u2018.,;\uff0c\uff1b\uff0e\uff07")


def _fold(text: str) -> str:
    """*text* lower-cased letter by letter (same length), as ``re.IGNORECASE`` compares."""
    return text.replace("\u0130", "i").lower().translate(_FOLD)


def _is_word(char: str) -> bool:
    """Whether *char* belongs to a word: a letter, digit, ``_``, combining mark or format mark."""
    return (
        char.isalnum()
        or char == "_"
        or unicodedata.category(char)[0] == "M"
        or (unicodedata.category(char) == "Cf")
    )


def _joined(left: str, mark: str, right: str) -> bool:
    """Whether *mark* between *left* and *right* keeps them one word (``He's``, ``9,000``)."""
    if mark in _MID_LETTER and left.isalpha() and right.isalpha():
        return True
    return mark in _MID_DIGIT and left.isdecimal() and right.isdecimal()


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
        #: Where each block starts and ends in the text (blocks are split at blank lines).
        self.block_starts = array("q", [0])
        self.block_ends = array("q")
        for blank in BLANK_LINE.finditer(text):
            self.block_ends.append(blank.start())
            self.block_starts.append(blank.end())
        self.block_ends.append(len(text))

    def block(self, raw: int) -> int:
        """The number of the block the code point at *raw* of the text stands in (or after)."""
        return max(0, bisect_left(self.block_starts, raw + 1) - 1)

    def raw(self, index: int) -> int:
        """The offset in the text of the code point at *index* of ``norm`` (not a space)."""
        return index + self._dropped[bisect_left(self._runs, index)]

    def norm_of(self, raw: int) -> int:
        """The offset in ``norm`` of the code point at *raw* in the text (not a space)."""
        return raw - self._dropped[bisect_left(self._raw_runs, raw)]

    def _char(self, index: int) -> str:
        """The raw code point at *index* of ``norm`` (a space outside the text)."""
        if not 0 <= index < len(self.norm) or self.norm[index] == " ":
            return " "
        return self.text[self.raw(index)]

    def boundary(self, index: int) -> bool:
        """Whether a browser sees a word boundary before *index* of ``norm``.

        As Chromium's whole-word test: none between two word characters, nor
        around an apostrophe or a middle dot between letters (``He's``), nor
        around a point, comma, semicolon or apostrophe between digits (``9,000``).
        """
        before, after = self._char(index - 1), self._char(index)
        if before == " " or after == " ":
            return True
        if _is_word(before) and _is_word(after):
            return False
        if _is_word(before):
            return not _joined(before, after, self._char(index + 1))
        if _is_word(after):
            return not _joined(self._char(index - 2), before, after)
        return True


@attrs.frozen
class Term:
    """One term of a directive as matched: its words, folded.

    Where a term must start or end on a word boundary depends on its role, as
    the specification's find algorithm has it: a prefix starts on one, a
    suffix ends on one, the start term starts on one unless a prefix stands
    before it and ends on one when an end term follows or no suffix does, the
    end term starts on one and ends on one unless a suffix follows.
    """

    needle: str

    @classmethod
    def of(cls, term: str) -> Term:
        """The term of the words of *term*."""
        return cls(_fold(" ".join(term.split())))

    def at(self, folded: Folded, index: int, *, head: bool = True, tail: bool = True) -> bool:
        """Whether the term occurs at *index* of ``folded.norm``, on a word boundary at its
        *head* and *tail* where asked."""
        if not folded.norm.startswith(self.needle, index):
            return False
        if head and not folded.boundary(index):
            return False
        return not (tail and not folded.boundary(index + len(self.needle)))

    def ending_at(self, folded: Folded, index: int) -> bool:
        """Whether the term (a prefix) ends at *index* of ``folded.norm``, or one space before."""
        if self._at_end(folded, index):
            return True
        return index > 0 and folded.norm[index - 1] == " " and self._at_end(folded, index - 1)

    def _at_end(self, folded: Folded, index: int) -> bool:
        start = index - len(self.needle)
        return start >= 0 and self.at(folded, start, tail=False)

    def starting_at(self, folded: Folded, index: int) -> bool:
        """Whether the term (a suffix) starts at *index* of ``folded.norm``, or one space after."""
        if self.at(folded, index, head=False):
            return True
        return folded.norm[index : index + 1] == " " and self.at(folded, index + 1, head=False)

    def valid(self, folded: Folded, suffix: Term | None) -> list[int]:
        """Each occurrence of this (end) term that *suffix* follows, if given."""
        size = len(self.needle)
        return [
            at
            for at in self.occurrences(folded, tail=suffix is None)
            if suffix is None or suffix.starting_at(folded, at + size)
        ]

    def occurrences(
        self,
        folded: Folded,
        begin: int = 0,
        last: int | None = None,
        *,
        head: bool = True,
        tail: bool = True,
    ) -> Iterator[int]:
        """Each offset of ``folded.norm`` from *begin* (to *last*) where the term occurs.

        Overlapping occurrences count.
        """
        norm, needle = folded.norm, self.needle
        stop = len(norm) if last is None else last + len(needle)
        index = norm.find(needle, begin, stop)
        while index >= 0:
            if self.at(folded, index, head=head, tail=tail):
                yield index
            index = norm.find(needle, index + 1, stop)

    def occurrences_back(self, folded: Folded, *, tail: bool = True) -> Iterator[int]:
        """Each offset where the term occurs, the last first."""
        norm, needle = folded.norm, self.needle
        index = norm.rfind(needle)
        while index >= 0:
            if self.at(folded, index, tail=tail):
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


@attrs.frozen
class Shape:
    """Which context terms a directive has: they decide where its terms must meet word
    boundaries (see :class:`Term`)."""

    prefix: bool
    suffix: bool


class Search:
    """One form's matches in a text as context words are added, in linear time overall.

    For one :class:`Shape`, adding words of context only ever removes matches
    (a longer prefix or suffix ends with the shorter one), so each occurrence
    of the start term other than the target's is dropped at most once, from a
    queue, and each end term from another: the form costs one pass over the
    text plus the context words of each step, however often its first words
    repeat.  A caller makes one search per shape (at most three: none, a
    prefix, both).
    """

    def __init__(
        self, folded: Folded, start: str, end: str | None, target: tuple[int, int], shape: Shape
    ) -> None:
        self._folded = folded
        self._start = Term.of(start)
        self._end = None if end is None else Term.of(end)
        self._target = target
        self._shape = shape
        #: Where the start term must meet word boundaries, and where the end term must end on one.
        self._head = not shape.prefix
        self._tail = end is not None or not shape.suffix
        self._end_tail = not shape.suffix
        self._at = folded.norm_of(target[0])
        at = self._at
        occurrences = self._start.occurrences(folded, head=self._head, tail=self._tail)
        self._others = Queue(i for i in occurrences if i != at)
        ends = (
            iter(())
            if self._end is None
            else self._end.occurrences_back(folded, tail=self._end_tail)
        )
        self._last_ends = Queue(ends)

    def verdict(self, prefix: str | None, suffix: str | None) -> bool | None:
        """True: the form with this context matches the target alone; None: others too;
        False: it misses the target."""
        assert self._shape == Shape(prefix is not None, suffix is not None)
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
        if not self._start.at(folded, at, head=self._head, tail=self._tail):
            return False
        if before is not None and not before.ending_at(folded, at):
            return False
        stop = at + len(self._start.needle)
        if self._end is None:
            if after is not None and not after.starting_at(folded, stop):
                return False
        else:
            last = folded.norm_of(self._target[1] - 1)
            for end in self._end.occurrences(folded, stop, last, tail=self._end_tail):
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
