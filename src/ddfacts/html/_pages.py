"""What one page needs beyond the records: fragments, an actor's context, timeline rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
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
from ._charts import Chart
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
    by subject: built in one pass over the fact set, so each actor page costs its own rows."""

    def __init__(self, facts: FactSet, charts: Sequence[Chart]) -> None:
        self.facts = facts
        self.about: dict[str, list[Claim]] = {}
        self.said: dict[str, list[Claim]] = {}
        self.events: dict[str, list[Event]] = {}
        self.accounts: dict[str, list[str]] = {}
        self.charts: dict[str, list[Chart]] = {}
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
        for chart in charts:
            self.charts.setdefault(chart.subject, []).append(chart)


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
        "charts": index.charts.get(actor.id, []),
        "roles": sorted(actor.roles, key=lambda r: (_when(r.during), r.position)),
    }


def _claim_key(claim: Claim) -> tuple[tuple[dt.date, dt.date], str]:
    return (_when(claim.as_of), claim.id)


def _when(span: TimeSpan | None) -> tuple[dt.date, dt.date]:
    """A sort key for a time span: earliest then latest, unknown ends last."""
    if span is None:
        return (dt.date.max, dt.date.max)
    return (span.earliest or dt.date.max, span.latest or dt.date.max)


def timeline_rows(facts: FactSet) -> list[dict[str, str]]:
    """Events and dated claims in time order, with words, kind, link and anchor id."""
    rows = []
    undated = []
    for event in facts.events:
        if event.time is None:
            undated.append(
                {
                    "kind": "event",
                    "when": "-",
                    "id": slug(event.id),
                    "words": event.description or event.event_type,
                    "href": href_of(event),
                    "record": event.id,
                }
            )
        else:
            rows.append(
                (
                    *_when(event.time),
                    event.id,
                    {
                        "kind": "event",
                        "when": describe_time(event.time),
                        "id": slug(event.id),
                        "words": event.description or event.event_type,
                        "href": href_of(event),
                        "record": event.id,
                    },
                )
            )
    for claim in facts.claims:
        if claim.as_of is not None:
            rows.append(
                (
                    *_when(claim.as_of),
                    claim.id,
                    {
                        "kind": "claim",
                        "when": describe_time(claim.as_of),
                        "id": "",
                        "words": claim_words(facts, claim),
                        "href": href_of(claim),
                        "record": claim.id,
                    },
                )
            )
    rows.sort(key=lambda row: (row[0], row[1], row[2]))
    return [row[3] for row in rows] + sorted(undated, key=lambda row: row["record"])
