"""A small invented fact set, with its texts, shared by the export and import tests."""

from __future__ import annotations

import datetime as dt

import ddfacts as d
from ddfacts.textstore import sha256_of

#: The text of ``source:gazette``: an emoji (outside the BMP) before the quotes.
GAZETTE = (
    "Lindholm, 9 March 2023 🐟 The Embassy of Veloria said its account "
    'now has "more than 9,000 followers". The ministry disputed it. '
    "🐟🐟 The ministry said the count was 4,000."
)
#: The text of ``source:wire``: a wire copy without a URL.
WIRE = "The ministry said the count was 4,000, the wire reported."

RECORDED = dt.datetime(2023, 3, 10, 12, 0, tzinfo=dt.timezone.utc)
DAY = d.TimeSpan(
    earliest=dt.date(2023, 3, 9), latest=dt.date(2023, 3, 9), precision="day", edtf="2023-03-09"
)
EARLIER = d.TimeSpan(
    earliest=dt.date(2023, 3, 8), latest=dt.date(2023, 3, 8), precision="day", edtf="2023-03-08"
)


def _statement(ident: str, source: str, text: str, quote: str, **extra: object) -> d.Statement:
    return d.Statement(
        id=ident,
        source=source,
        anchor=d.Anchor.from_quote(text, quote),
        **extra,  # type: ignore[arg-type]
    )


def build() -> d.FactSet:
    """Two sources, five actors, three statements, two claims, an event and two reviews."""
    by_hand = d.Provenance(
        agent="actor:ana", tool="annotator", tool_version="2.1", recorded=RECORDED
    )
    return d.FactSet(
        [
            d.Source(
                id="source:gazette",
                title="Embassy counts its followers",
                url="https://gazette.example/2023/03/followers",
                authors=["actor:ana"],
                publisher="actor:gazette",
                published=DAY,
                sha256=sha256_of(GAZETTE),
                length=len(GAZETTE),
            ),
            d.Source(
                id="source:wire",
                published=EARLIER,
                sha256=sha256_of(WIRE),
                length=len(WIRE),
                provenance=d.Provenance(
                    agent="Bo Berg",
                    derived_from=[d.Derivation(kind="quoted_from", target="source:gazette")],
                ),
            ),
            d.Actor(id="actor:ana", kind="person", name="Ana Ark"),
            d.Actor(
                id="actor:gazette",
                kind="media_outlet",
                name="The Gazette",
                identifiers=[d.Identifier(scheme="wikidata", value="Q1")],
            ),
            d.Actor(id="actor:embassy", kind="diplomatic_mission", name="Embassy of Veloria"),
            d.Actor(
                id="actor:embassy-account",
                kind="account",
                name="@VeloriaEmb",
                operated_by="actor:embassy",
            ),
            d.Actor(id="actor:checkers", kind="organization", name="Check Desk"),
            _statement(
                "statement:gazette/followers",
                "source:gazette",
                GAZETTE,
                "more than 9,000 followers",
                provenance=by_hand,
                note="The embassy's own figure.",
            ),
            _statement(
                "statement:gazette/count",
                "source:gazette",
                GAZETTE,
                "The ministry said the count was 4,000.",
                provenance=by_hand,
            ),
            _statement(
                "statement:wire/count",
                "source:wire",
                WIRE,
                "the count was 4,000",
            ),
            d.Claim(
                id="claim:followers",
                subject="actor:embassy-account",
                property="followers",
                value=d.Quantity(amount=9000, lower=9000, qualifier="more_than", unit="follower"),
                speaker="actor:embassy",
                attribution=d.Attribution(source="source:gazette", mode="quotes"),
                evidence=["statement:gazette/followers"],
                provenance=by_hand,
            ),
            d.Claim(
                id="claim:ministry-count",
                subject="actor:embassy-account",
                property="followers",
                value=d.Quantity(amount=4000, lower=4000, upper=4000, qualifier="exact"),
                attribution=d.Attribution(source="source:gazette", mode="reports"),
                text="The account has 4,000 followers, the ministry says.",
                evidence=["statement:gazette/count", "statement:wire/count"],
            ),
            d.Event(
                id="event:dispute",
                event_type="statement",
                participants=[d.Participant(actor="actor:embassy", role="target")],
                evidence=["statement:gazette/count"],
            ),
            d.Review(
                id="review:followers",
                claim="claim:followers",
                rating=d.Rating(value=1, best=5, worst=1, label="False"),
                reviewer="actor:checkers",
                published=dt.date(2023, 3, 12),
                url="https://checkdesk.example/2023/03/followers",
                explanation="The ministry's count is 4,000.",
                evidence=["statement:gazette/count"],
            ),
            d.Review(
                id="review:ministry-count",
                claim="claim:ministry-count",
                rating=d.Rating(value=3, best=5, worst=1),
                reviewer="actor:checkers",
                url="https://checkdesk.example/2023/03/ministry-count",
            ),
        ]
    )
