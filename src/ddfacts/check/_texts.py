"""With texts: does each claim's evidence quote still stand at its offsets?

A quote the text no longer holds at its offsets is ``anchor.mismatch``, and
offsets past the end of the text ``anchor.out-of-range``: the codes
validation gives the statement itself, here reported at the claim that cites
it.  A source with no text is skipped (validation reports it); a text the
store refuses (wrong hash or length, not UTF-8, a path leaving the folder or
one the system cannot open) is ``anchor.text-refused``, once per source, at
the Source with the store's reason, and its quotes are not checked.

Texts are read as the claims come (in record order) and only the last few
used are kept (:data:`KEEP_TEXTS`, at most :data:`KEEP_POINTS` code points
together beside the one in use): claims cite their own article's
statements, so a file in article order reads each text once, and memory is
bounded by the largest text, not by the sum of the texts.  (Claims that
jump back and forth between more sources than that read a text again.)
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping
from typing import NamedTuple

from ..anchors._rules import anchor_in_text
from ..errors import TextStoreError
from ..problems._codes import problem
from ..problems._report import Problem
from ..records import Source
from ..textstore import TextLookup
from ._rules import at

__all__ = ["KEEP_POINTS", "KEEP_TEXTS", "Cited", "Quote", "moved_evidence"]

#: The most texts kept read at once by the evidence rule.
KEEP_TEXTS = 16
#: The most code points the texts kept may hold together (beyond the last one read).
KEEP_POINTS = 1_000_000


class Quote(NamedTuple):
    """A statement as the evidence rules need it against texts."""

    #: The quoted text.
    exact: str
    #: The source's id.
    source: str
    #: Where the quote starts in the source's text, in code points.
    start: int
    #: Where it ends.
    end: int


class Cited(NamedTuple):
    """A claim that cites evidence, as the text rule needs it."""

    #: The claim's ordinal in the run.
    ordinal: int
    #: The claim's id.
    claim: str
    #: The ids of its evidence statements.
    evidence: tuple[str, ...]


class _Texts:
    """Each source's text; None when there is none or the store refuses it.

    The last texts used are kept (see the module doc); each refusal is kept
    as a problem (:attr:`refused`), once per source, located at the Source.
    """

    def __init__(
        self, lookup: TextLookup, sources: Mapping[str, Source], index: Mapping[str, int]
    ) -> None:
        self._lookup = lookup
        self._sources = sources
        self._index = index
        self._read: OrderedDict[str, str | None] = OrderedDict()
        self._points = 0
        #: Why the store refused a text, one problem per source, in the order met.
        self.refused: list[Problem] = []
        self._refused: set[str] = set()

    def __getitem__(self, source_id: str) -> str | None:
        if source_id in self._read:
            self._read.move_to_end(source_id)
            return self._read[source_id]
        text = self._text(source_id)
        self._read[source_id] = text
        self._points += len(text or "")
        while len(self._read) > 1 and (
            len(self._read) > KEEP_TEXTS or self._points - len(text or "") > KEEP_POINTS
        ):
            self._points -= len(self._read.popitem(last=False)[1] or "")
        return text

    def _text(self, source_id: str) -> str | None:
        """Read the text of *source_id* (a refusal is kept the first time only)."""
        source = self._sources.get(source_id)
        try:
            return self._lookup.get(source) if source is not None else None
        except TextStoreError as error:
            if source_id not in self._refused:
                self._refused.add(source_id)
                self.refused.append(
                    problem(
                        "anchor.text-refused",
                        f"the text of {source_id} is refused, so its quotes are not checked: "
                        f"{error}",
                        at(self._index.get(source_id, 0)),
                        records=(source_id,),
                    )
                )
            return None


def _moved(cited: Cited, item: str, quote: Quote, text: str) -> Problem | None:
    """The problem with one evidence quote against its source's text, if any."""
    code = anchor_in_text(quote.start, quote.end, quote.exact, text)
    if code is None:
        return None
    where = f"{quote.start}..{quote.end} of {quote.source}'s text"
    what = f"no longer stands at {where}"
    if code == "anchor.out-of-range":
        what += f", which has {len(text)} code points"
    return problem(
        code,
        f"the evidence {item} of {cited.claim} {what}; re-anchor it before relying on the claim",
        at(cited.ordinal, "evidence"),
        records=(cited.claim, item),
    )


def moved_evidence(
    cited: Iterable[Cited],
    quotes: Mapping[str, Quote | str],
    sources: Mapping[str, Source],
    lookup: TextLookup,
    index: Mapping[str, int],
) -> Iterator[Problem]:
    """Each cited evidence quote that no longer stands at its offsets in its source's text.

    *quotes* holds the statements by id (kept whole, as :class:`Quote`, when
    texts are checked), *sources* the Sources by id, *index* every record's
    ordinal by id.  Then each text the store refuses, once per source.
    """
    texts = _Texts(lookup, sources, index)
    for claim in cited:
        for item in claim.evidence:
            quote = quotes.get(item)
            if quote is None:
                continue
            assert not isinstance(quote, str)  # kept whole with texts
            text = texts[quote.source]
            if text is None:
                continue
            found = _moved(claim, item, quote, text)
            if found is not None:
                yield found
    yield from texts.refused
