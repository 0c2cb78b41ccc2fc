"""FactSet: an immutable, indexed collection of records."""

from __future__ import annotations

import pytest

import ddfacts as d

MORE = d.Quantity(amount=9000, lower=9000, qualifier="more_than", unit="follower")


def _facts() -> d.FactSet:
    return d.FactSet(
        [
            d.Source(id="source:a"),
            d.Statement(
                id="statement:a/1", source="source:a", anchor=d.Anchor(start=0, end=1, exact="x")
            ),
            d.Actor(id="actor:acct", kind="account", name="@A"),
            d.Actor(id="actor:b", kind="person", name="B"),
            d.Claim(
                id="claim:c",
                subject="actor:acct",
                property="followers",
                value=MORE,
                attribution=d.Attribution(source="source:a"),
            ),
            d.Event(
                id="event:e",
                event_type="summons",
                participants=[
                    d.Participant(actor="actor:b", role="agent"),
                    d.Participant(actor="actor:b", role="target"),
                ],
            ),
            d.Review(
                id="review:r",
                claim="claim:c",
                reviewer="actor:b",
                rating=d.Rating(value=1, best=2, worst=0),
            ),
        ]
    )


class TestFactSet:
    """Lookups, indexes and immutability."""

    def test_iterates_in_order(self) -> None:
        """Iteration gives the records in the order given."""
        assert [r.id for r in _facts()][:3] == ["source:a", "statement:a/1", "actor:acct"]

    def test_get(self) -> None:
        """get finds by id, checks the class when asked, and gives None when absent."""
        facts = _facts()
        assert facts.get("actor:b", d.Actor) is not None
        assert facts.get("actor:b", d.Claim) is None
        assert facts.get("actor:nobody") is None
        assert "claim:c" in facts and len(facts) == 7

    def test_typed_accessors(self) -> None:
        """The typed accessors give every record of their class."""
        facts = _facts()
        assert [a.id for a in facts.actors] == ["actor:acct", "actor:b"]
        assert [c.id for c in facts.claims] == ["claim:c"]
        assert len(facts.sources) == len(facts.statements) == len(facts.events) == 1
        assert len(facts.reviews) == 1

    def test_indexes(self) -> None:
        """Subject, source, property and type indexes find the right records, once each."""
        facts = _facts()
        assert [r.id for r in facts.by_subject("actor:acct")] == ["claim:c"]
        assert [r.id for r in facts.by_subject("actor:b")] == ["event:e"]
        assert [r.id for r in facts.by_subject("claim:c")] == ["review:r"]
        assert [r.id for r in facts.by_source("source:a")] == ["statement:a/1", "claim:c"]
        assert [r.id for r in facts.by_property("followers")] == ["claim:c"]
        assert facts.by_property("tweets") == ()
        assert [r.id for r in facts.by_type("event")] == ["event:e"]

    def test_duplicate_ids(self) -> None:
        """Two records with one id are refused, naming the id."""
        with pytest.raises(d.DuplicateIdError, match="actor:b"):
            _facts().with_records([d.Actor(id="actor:b", kind="person", name="Again")])

    def test_with_records_is_new(self) -> None:
        """with_records returns a new set and leaves the old one as it was."""
        facts = _facts()
        bigger = facts.with_records([d.Actor(id="actor:c", kind="person", name="C")])
        assert len(bigger) == 8 and len(facts) == 7

    def test_replace(self) -> None:
        """replace swaps the record of the same id, keeping the order."""
        facts = _facts().replace(d.Actor(id="actor:b", kind="person", name="Bee"))
        assert facts.get("actor:b", d.Actor).name == "Bee"  # type: ignore[union-attr]
        assert [r.id for r in facts][3] == "actor:b"
