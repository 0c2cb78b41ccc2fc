"""What one page needs beyond the records: fragments, an actor's context, timeline rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from .._describe import describe_time
from .._escape import markdown_url
from ..cite._fragments import build_directive, link_with
from ..cite._match import Folded
from ..factset import FactSet
from ..records import Actor, Claim, Event, Source, Statement
from ..times import TimeSpan
from ._blocks import slug
from ._charts import Group, draw
from ._model import claim_words, href_of

__all__ = ["NAV", "ActorIndex", "Fragment", "actor_context", "source_fragments", "timeline_rows"]

#: The navigation links every page starts with, as (page, words).
NAV = (
    ("index.html", "Sources"),
    ("claims.html", "Claims"),
    ("timeline.html", "Timeline"),
    ("charts.html", "Charts"),
)


@attrs.frozen
class Fragment:
    """A statement's text fragments: on this site's page, and on the original."""

    site: str
    original: str | None
    unique: bool | None


def page_preface(source: Source) -> str:
    """The text a browser sees on a source page before the article: navigation and title."""
    words = ["ddfacts", *(label for _, label in NAV), source.title or source.id]
    return "\n\n".join(words) + "\n\n"


def source_fragments(
    source: Source, statements: Sequence[Statement], text: str | None
) -> dict[str, Fragment]:
    """Each statement's fragments, made unique against the page and the text."""
    preface = page_preface(source)
    page = None if text is None else preface + text
    result = {}
    folded_page = None if page is None or not statements else Folded(page)
    url = markdown_url(source.url) if source.url else None
    # The original's fold is needed only for a link to it: built once, and only then.
    folded_text = None if text is None or not url or not statements else Folded(text)
    for statement in statements:
        anchor = statement.anchor
        placed = text is not None and anchor.verify(text)
        position = anchor.start + len(preface) if placed else None
        on_page, unique = build_directive(anchor.exact, page, position, folded=folded_page)
        original = None
        if url:
            directive, _ = build_directive(
                anchor.exact, text, anchor.start if placed else None, folded=folded_text
            )
            original = link_with(url, directive)
        result[statement.id] = Fragment(f"#:~:{on_page}", original, unique)
    return result


class ActorIndex:
    """Claims by subject and by speaker, events by participant, accounts by operator, charts
    by subject: built in one pass over the fact set, so each actor page costs its own rows.
    The lists hold references to the records; charts are drawn when their page is made."""

    def __init__(self, facts: FactSet, charts: Sequence[Group]) -> None:
        self.facts = facts
        self.about: dict[str, list[Claim]] = {}
        self.said: dict[str, list[Claim]] = {}
        self.events: dict[str, list[Event]] = {}
        self.accounts: dict[str, list[str]] = {}
        self.charts: dict[str, list[Group]] = {}
        for claim in facts.claims:
            for about in claim.about:
                self.about.setdefault(about, []).append(claim)
            if claim.speaker is not None:
                self.said.setdefault(claim.speaker, []).append(claim)
        for event in facts.events:
            for actor_id in dict.fromkeys(p.actor for p in event.participants):
                self.events.setdefault(actor_id, []).append(event)
        for actor in facts.actors:
            if actor.operated_by is not None:
                self.accounts.setdefault(actor.operated_by, []).append(actor.id)
        for group in charts:
            self.charts.setdefault(group[0][0], []).append(group)


def actor_context(index: ActorIndex, actor: Actor) -> dict[str, Any]:
    """An actor page's lists: claims about and by the actor, events, accounts, charts."""
    facts = index.facts
    about = sorted(index.about.get(actor.id, ()), key=_claim_key)
    said = sorted(index.said.get(actor.id, ()), key=_claim_key)
    events = sorted(index.events.get(actor.id, ()), key=lambda e: (_when(e.time), e.id))
    return {
        "about": [(c, claim_words(facts, c)) for c in about],
        "said": [(c, claim_words(facts, c)) for c in said],
        "events": events,
        "accounts": sorted(index.accounts.get(actor.id, ())),
        "charts": [draw(facts, key, points) for key, points in index.charts.get(actor.id, ())],
        "roles": sorted(actor.roles, key=lambda r: (_when(r.during), r.position)),
    }


def _claim_key(claim: Claim) -> tuple[tuple[dt.date, dt.date], str]:
    return (_when(claim.as_of), claim.id)


def _when(span: TimeSpan | None) -> tuple[dt.date, dt.date]:
    """A sort key for a time span: earliest then latest, unknown ends last."""
    if span is None:
        return (dt.date.max, dt.date.max)
    return (span.earliest or dt.date.max, span.latest or dt.date.max)


def _row(record: Event | Claim, words: str) -> dict[str, str]:
    """One line of the timeline: kind, time in words, anchor id, words, link and id."""
    if isinstance(record, Event):
        when, anchor = record.time, slug(record.id)
    else:
        when, anchor = record.as_of, ""
    return {
        "kind": record.type,
        "when": describe_time(when) if when is not None else "-",
        "id": anchor,
        "words": words,
        "href": href_of(record),
        "record": record.id,
    }


def timeline_rows(facts: FactSet) -> Iterator[dict[str, str]]:
    """Events and dated claims in time order, then undated events by id: one row at a time.

    Only the sort keys (dates, id, a reference to the record) are held; each
    row's words are made as it is written.
    """
    keyed: list[tuple[dt.date, dt.date, str, Event | Claim]] = []
    undated: list[tuple[str, Event]] = []
    for event in facts.events:
        if event.time is None:
            undated.append((event.id, event))
        else:
            keyed.append((*_when(event.time), event.id, event))
    keyed.extend((*_when(c.as_of), c.id, c) for c in facts.claims if c.as_of is not None)
    keyed.sort(key=lambda row: row[:3])
    undated.sort(key=lambda row: row[0])
    for *_, record in keyed:
        yield _row(record, _words(facts, record))
    for _, event in undated:
        yield _row(event, _words(facts, event))


def _words(facts: FactSet, record: Event | Claim) -> str:
    if isinstance(record, Event):
        return record.description or record.event_type
    return claim_words(facts, record)
