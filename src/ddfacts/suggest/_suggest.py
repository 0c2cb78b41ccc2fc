"""suggest: what each text says that no Statement cites yet."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ..factset import FactSet
from ..jsonio._codec import codec_for
from ..quantities import Quantity
from ..records import Source, Statement
from ..textstore import TextLookup, sha256_of
from ..times import ResolvedAgainst, TimeSpan
from ._scan import Found, dates, figures, quotes, roles

__all__ = ["Coverage", "Suggestion", "coverage", "suggest"]


@attrs.frozen(kw_only=True)
class Suggestion:
    """A span of a text worth citing, and whether a Statement covers it.

    .. versionadded:: 0.2.0
    """

    #: The Source's id (or the text's name when no Source matches it).
    source: str
    #: First code point.
    start: int
    #: One past the last code point.
    end: int
    #: ``figure``, ``date``, ``quote`` or ``role``.
    kind: str
    #: The span's text.
    text: str
    #: The parsed quantity or time, when the parser reads it.
    parsed: Quantity | TimeSpan | None = None
    #: For a quote: who the text says spoke it.
    speaker: str | None = None
    #: Whether some Statement of the source covers the span.
    covered: bool = False

    def to_json(self) -> dict[str, Any]:
        """The suggestion as a JSON object (``parsed`` as the fact files write values)."""
        out: dict[str, Any] = {
            "source": self.source,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "text": self.text,
            "covered": self.covered,
        }
        if self.parsed is not None:
            tag = "quantity" if isinstance(self.parsed, Quantity) else "time"
            out["parsed"] = {tag: codec_for(type(self.parsed)).dump(self.parsed)}
        if self.speaker is not None:
            out["speaker"] = self.speaker
        return out


@attrs.frozen(kw_only=True)
class Coverage:
    """How many of a source's suggestions existing Statements cover."""

    #: The source.
    source: str
    #: Suggestions covered.
    covered: int
    #: All suggestions.
    total: int


def _found(text: str, reference: ResolvedAgainst | None) -> list[Found]:
    found = list(dates(text, reference))
    taken = sorted((start, end) for start, end, *_ in found)
    found.extend(figures(text, taken))
    found.extend(quotes(text))
    found.extend(roles(text))
    return sorted(found, key=lambda item: (item[0], item[1], item[2]))


def _covering(statements: Iterable[Statement]) -> tuple[list[int], list[int]]:
    """Statement starts, sorted, with the furthest end reached by any start up to each."""
    spans = sorted((s.anchor.start, s.anchor.end) for s in statements)
    starts, reach, furthest = [], [], -1
    for start, end in spans:
        furthest = max(furthest, end)
        starts.append(start)
        reach.append(furthest)
    return starts, reach


def _reference(source: Source | None) -> ResolvedAgainst | None:
    published = source.published if source is not None else None
    if published is None or published.earliest is None or published.earliest != published.latest:
        return None
    return ResolvedAgainst(date=published.earliest, basis=f"{source.id} published")  # type: ignore[union-attr]


def _texts(
    factset: FactSet, texts: Mapping[str, str] | TextLookup
) -> list[tuple[str, Source | None, str]]:
    if not isinstance(texts, Mapping):
        return [(s.id, s, t) for s in factset.sources if (t := texts.get(s)) is not None]
    by_hash = {s.sha256: s for s in factset.sources if s.sha256 is not None}
    found = []
    for name, text in texts.items():
        source = factset.get(name, Source) or by_hash.get(sha256_of(text))
        found.append((source.id if source is not None else name, source, text))
    return found


def suggest(factset: FactSet, texts: Mapping[str, str] | TextLookup) -> tuple[Suggestion, ...]:
    """What each text says that is worth citing: figures, dates, quotations, roles.

    Args:
        factset: the records so far; a suggestion inside one of a source's
            Statements is marked ``covered``.
        texts: texts by source id or name (a Source whose sha256 matches is
            found), or a text store read for each of the factset's Sources.

    .. versionadded:: 0.2.0
    """
    out: list[Suggestion] = []
    for source_id, source, text in _texts(factset, texts):
        starts, reach = _covering(s for s in factset.statements if s.source == source_id)
        for start, end, kind, parsed, speaker in _found(text, _reference(source)):
            at = bisect.bisect_right(starts, start) - 1
            covered = at >= 0 and reach[at] >= end
            out.append(
                Suggestion(
                    source=source_id,
                    start=start,
                    end=end,
                    kind=kind,
                    text=text[start:end],
                    parsed=parsed,
                    speaker=speaker,
                    covered=covered,
                )
            )
    return tuple(out)


def coverage(suggestions: Iterable[Suggestion]) -> tuple[Coverage, ...]:
    """Per source, in order of first appearance: covered and total suggestions."""
    counts: dict[str, list[int]] = {}
    for item in suggestions:
        count = counts.setdefault(item.source, [0, 0])
        count[0] += item.covered
        count[1] += 1
    return tuple(Coverage(source=s, covered=c, total=t) for s, (c, t) in counts.items())
