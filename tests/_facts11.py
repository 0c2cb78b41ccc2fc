"""A small in-memory FactSet with format 1.1's claim parts, shared by the output tests.

- ``claim:words`` — a proposition only (Stepanov on Canada), hedged "apparently",
  carried by a chain Stepanov -> TASS (reports, ru) -> the embassy (translates, en)
  -> the wire;
- ``claim:each`` — each member of the missions, except Kuwait, at most 150
  subscribers, counting members with more than 100 followers, negated;
- ``claim:rank`` — the embassy is 4th of the missions by followers;
- ``claim:relayed`` — a 1.0 attribution (via TASS, translated by the embassy).
"""

from __future__ import annotations

import ddfacts as d

ANCHOR = d.Anchor(start=0, end=4, exact="Text")


def _count(amount: int, qualifier: str = "exact") -> d.Quantity:
    if qualifier == "at_most":
        return d.Quantity(amount=amount, upper=amount, qualifier=qualifier, unit="subscriber")
    if qualifier == "more_than":
        return d.Quantity(amount=amount, lower=amount, qualifier=qualifier, unit="follower")
    return d.Quantity(amount=amount, lower=amount, upper=amount, qualifier=qualifier)


def facts11() -> d.FactSet:
    """The records listed in the module documentation."""
    chain = [
        d.Hop(by="actor:tass", mode="reports", language="ru", source="source:tass"),
        d.Hop(by="actor:embassy", mode="translates", language="en"),
    ]
    return d.FactSet(
        [
            d.Source(id="source:wire", title="The wire story", url="https://example.org/wire"),
            d.Source(id="source:tass", title="TASS item"),
            d.Statement(id="statement:wire/one", source="source:wire", anchor=ANCHOR),
            d.Actor(id="actor:stepanov", kind="person", name="Oleg Stepanov"),
            d.Actor(id="actor:tass", kind="organization", name="TASS"),
            d.Actor(id="actor:embassy", kind="diplomatic_mission", name="Embassy of Russia"),
            d.Actor(id="actor:canada", kind="country", name="Canada"),
            d.Actor(id="actor:missions", kind="group", name="Russian missions"),
            d.Actor(id="actor:kuwait", kind="diplomatic_mission", name="Embassy in Kuwait"),
            d.Claim(
                id="claim:words",
                proposition=d.Proposition(
                    text="Canada isolates itself", about=["actor:canada"], language="en"
                ),
                speaker="actor:stepanov",
                attribution=d.Attribution(
                    source="source:wire",
                    mode="reports",
                    chain=chain,
                    certainty="probable",
                    hedge="apparently",
                ),
                evidence=["statement:wire/one"],
            ),
            d.Claim(
                id="claim:each",
                subject="actor:missions",
                property="subscribers",
                value=_count(150, "at_most"),
                members=d.Members(scope="each", excluding=["actor:kuwait"]),
                where=d.Condition(property="followers", value=_count(100, "more_than")),
                attribution=d.Attribution(source="source:wire", negated=True),
                evidence=["statement:wire/one"],
            ),
            d.Claim(
                id="claim:rank",
                subject="actor:embassy",
                property="rank",
                value=d.Rank(
                    position=4,
                    ranking=d.Ranking(of="actor:missions", measure="followers"),
                ),
                attribution=d.Attribution(source="source:wire"),
            ),
            d.Claim(
                id="claim:relayed",
                subject="actor:canada",
                property="position",
                value="isolated",
                speaker="actor:stepanov",
                attribution=d.Attribution(
                    source="source:wire",
                    mode="quotes",
                    via="actor:tass",
                    via_source="source:tass",
                    original_language="ru",
                    translated_by="actor:embassy",
                ),
            ),
            d.Review(
                id="review:words",
                claim="claim:words",
                rating=d.Rating(value=1, best=5, worst=1, label="False"),
                reviewer="actor:tass",
                url="https://example.org/check",
                evidence=["statement:wire/one"],
            ),
            d.Review(
                id="review:each",
                claim="claim:each",
                rating=d.Rating(value=5, best=5, worst=1, label="True"),
                reviewer="actor:tass",
                url="https://example.org/check2",
            ),
        ]
    )
