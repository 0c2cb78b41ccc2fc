"""Level ``anchors``: statements against their sources' texts, and sources' identities.

Needs a text store (:class:`ddfacts.TextStore`, or anything offering
``get(source)`` like :class:`ddfacts.textstore.TextLookup`).  A source with
no text is a warning (``anchor.text-missing``), never an exception.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Union

import attrs

from ..anchors._rules import anchor_in_text
from ..errors import TextStoreError
from ..problems import Location, Problem, problem
from ..records import Source
from ..records._fields import is_id
from ..textstore import decode_text
from ._record import AnchorFacts, RecordSummary

__all__ = ["Group", "anchor_groups", "anchor_problems", "grouped_anchor_problems"]


def _source_of(source_id: str, summary: RecordSummary | None) -> Source:
    sha256, length = summary.identity if summary and summary.identity else (None, None)
    try:
        return Source(id=source_id, sha256=sha256, length=length)
    except (TypeError, ValueError):
        return Source(id=source_id)


def _text(store: Any, source: Source, where: Location) -> tuple[str | None, str, Problem | None]:
    """The source's text and the sha256 of its bytes, or a problem saying why there is none."""
    try:
        if hasattr(store, "find"):
            path = store.find(source)
            if path is not None:
                data = Path(path).read_bytes()
                return decode_text(data, str(path)), hashlib.sha256(data).hexdigest(), None
            text = None
        else:
            text = store.get(attrs.evolve(source, sha256=None, length=None))
    except (TextStoreError, OSError, ValueError) as error:
        return (
            None,
            "",
            problem(
                "anchor.text-refused",
                f"the text store refuses the text of {source.id}: {error}",
                where,
                records=(source.id,),
            ),
        )
    if text is None:
        return (
            None,
            "",
            problem(
                "anchor.text-missing",
                f"the text store has no text for {source.id}, so its statements' anchors are "
                "not checked",
                where,
                records=(source.id,),
            ),
        )
    return text, hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(), None


def _anchor(facts: AnchorFacts, text: str, where: Location) -> Iterator[Problem]:
    at = where.child("anchor")
    start, end, exact = facts.start, facts.end, facts.exact
    fault = anchor_in_text(start, end, exact, text)
    if fault == "anchor.out-of-range":
        yield problem(
            fault,
            f"the span {start}..{end} runs past the end of the text ({len(text)} code points)",
            at,
        )
        return
    if fault == "anchor.mismatch":
        found = text[start:end]
        elsewhere = text.find(exact)
        hint = (
            f"; the quote stands at {elsewhere}..{elsewhere + len(exact)} (run ddfacts anchor)"
            if elsewhere >= 0
            else "; the quote is nowhere in the text"
        )
        yield problem(
            fault,
            f"the text at {start}..{end} reads {_short(found)}, not the quote {_short(exact)}"
            f"{hint}",
            at,
        )
        return
    before = text[max(0, start - len(facts.prefix)) : start]
    after = text[end : end + len(facts.suffix)]
    for name, recorded, actual in (
        ("prefix", facts.prefix, before),
        ("suffix", facts.suffix, after),
    ):
        if recorded and recorded != actual:
            yield problem(
                "anchor.context",
                f"the {name} {_short(recorded)} differs from the text beside the quote, "
                f"{_short(actual)}",
                at.child(name),
            )


def _short(text: str, limit: int = 60) -> str:
    shown = repr(text)
    return shown if len(shown) <= limit else shown[: limit - 2] + "…" + shown[0]


#: One source's share of the anchors level: its id, its summary (None when only
#: statements name it), and its statements' summaries in input order.
Group = tuple[str, Union[RecordSummary, None], Sequence[RecordSummary]]  # noqa: UP007


def anchor_groups(summaries: Iterable[RecordSummary]) -> Iterator[Group]:
    """*summaries* by source: the sources in input order (the first of an id), then the
    ids only statements name, in the order they are first named."""
    sources: dict[str, RecordSummary] = {}
    statements: dict[str, list[RecordSummary]] = {}
    for summary in summaries:
        if summary.type == "source" and summary.id is not None:
            sources.setdefault(summary.id, summary)
        elif summary.anchor is not None:
            statements.setdefault(summary.anchor.source, []).append(summary)
    for source_id in [*sources, *(key for key in statements if key not in sources)]:
        yield source_id, sources.get(source_id), statements.get(source_id, [])


def anchor_problems(summaries: Iterable[RecordSummary], store: Any) -> Iterator[Problem]:
    """Every anchors-level problem of a run, given its record summaries and a text store."""
    return grouped_anchor_problems(anchor_groups(summaries), store)


def grouped_anchor_problems(groups: Iterable[Group], store: Any) -> Iterator[Problem]:
    """The anchors-level problems of *groups* (as :func:`anchor_groups` gives them), a
    source at a time: one source's text and statements are held, then let go."""
    for source_id, record, statements in groups:
        if not is_id(source_id, "source"):
            continue
        where = record.location if record is not None else statements[0].location
        text, digest, missing = _text(store, _source_of(source_id, record), where)
        if missing is not None:
            yield missing
            continue
        assert text is not None
        sha256, length = record.identity if record and record.identity else (None, None)
        if sha256 is not None and sha256 != digest:
            yield problem(
                "source.hash-mismatch",
                f"the text's sha256 is {digest} but the source records {sha256}; its "
                "statements are not checked against a different text",
                where.child("sha256"),
                records=(source_id,),
            )
            continue
        if length is not None and length != len(text):
            yield problem(
                "source.length-mismatch",
                f"the text has {len(text)} code points but the source records a length of {length}",
                where.child("length"),
                records=(source_id,),
            )
        for statement in statements:
            assert statement.anchor is not None
            yield from _anchor(statement.anchor, text, statement.location)
