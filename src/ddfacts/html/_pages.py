"""What one page needs beyond the records: fragments, an actor's context, timeline rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import attrs

from .._describe import describe_time
from .._escape import markdown_url
from ..cite._fragments import build_directive, link_with
from ..cite._match import Folded
from ..records import Actor, Claim, Event, Record, Source, Statement
from ..times import TimeSpan
from ._blocks import slug
from ._charts import charts
from ._model import Facts, claim_words, href_of
from ._sitedb import SiteIndex

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
    """Where an actor page's lists come from: the records about the actor (the fact set's
    index), and the claims it said, the accounts it operates and its charts (the site
    index, :mod:`._sitedb`), so each actor page costs its own rows."""

    def __init__(self, facts: Facts, site: SiteIndex) -> None:
        self.facts = facts
        self.site = site


def actor_context(index: ActorIndex, actor: Actor) -> dict[str, Any]:
    """An actor page's lists: claims about and by the actor, events, accounts, charts."""
    facts = index.facts
    near = facts.by_subject(actor.id)
    about = sorted((r for r in near if isinstance(r, Claim)), key=_claim_key)
    fetched = (facts.get(claim_id, Claim) for claim_id in index.site.said(actor.id))
    said = sorted((c for c in fetched if c is not None), key=_claim_key)
    events = sorted((r for r in near if isinstance(r, Event)), key=lambda e: (_when(e.time), e.id))
    return {
        "about": [(c, claim_words(facts, c)) for c in about],
        "said": [(c, claim_words(facts, c)) for c in said],
        "events": events,
        "accounts": index.site.accounts(actor.id),
        "charts": list(charts(facts, index.site, actor.id)),
        "roles": sorted(actor.roles, key=lambda r: (_when(r.during), r.position)),
    }


def _claim_key(claim: Claim) -> tuple[tuple[dt.date, dt.date], str]:
    return (_when(claim.as_of), claim.id)


def _when(span: TimeSpan | None) -> tuple[dt.date, dt.date]:
    """A sort key for a time span: earliest then latest, unknown ends last."""
    if span is None:
        return (dt.date.max, dt.date.max)
    return (span.earliest or dt.date.max, span.latest or dt.date.max)


def _row(record: Event | Claim, words: str, href: str) -> dict[str, str]:
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
        "href": href,
        "record": record.id,
    }


def timeline_rows(
    facts: Facts, order: Iterable[str], href: Callable[[Record], str] = href_of
) -> Iterator[dict[str, str]]:
    """The rows of the events and claims *order* names (the site index's time order).

    Each record is fetched, and its row's words made, as the row is written;
    *href* says where a row links (the paged claims table and timeline).
    """
    for record_id in order:
        record = facts.get(record_id)
        if isinstance(record, (Event, Claim)):
            yield _row(record, _words(facts, record), href(record))


def _words(facts: Facts, record: Event | Claim) -> str:
    if isinstance(record, Event):
        return record.description or record.event_type
    return claim_words(facts, record)
