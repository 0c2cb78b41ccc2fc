"""Records refuse invalid values at construction."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

import ddfacts as d

SPAN = d.TimeSpan(
    earliest=dt.date(2014, 12, 1), latest=dt.date(2014, 12, 31), precision="month", edtf="2014-12"
)
MORE = d.Quantity(amount=9000, lower=9000, qualifier="more_than", unit="follower")
ANCHOR = d.Anchor(start=3, end=6, exact="abc")


def _valid() -> dict[str, Any]:
    return {
        "source": d.Source(id="source:a", sha256="0" * 64, length=10),
        "statement": d.Statement(id="statement:a/1", source="source:a", anchor=ANCHOR),
        "actor": d.Actor(id="actor:a", kind="person", name="A"),
        "event": d.Event(id="event:e", event_type="summons"),
        "claim": d.Claim(id="claim:c", subject="actor:a", property="followers", value=MORE),
        "review": d.Review(
            id="review:r",
            claim="claim:c",
            reviewer="actor:a",
            rating=d.Rating(value=1, best=5, worst=1),
        ),
    }


INVALID = [
    ("source", {"id": "actor:a"}, "id of the wrong type"),
    ("source", {"id": "source:A"}, "upper case slug"),
    ("source", {"id": "source:"}, "empty slug"),
    ("source", {"id": "source:a-"}, "slug ending in punctuation"),
    ("source", {"sha256": "xyz"}, "bad sha256"),
    ("source", {"length": -1}, "negative length"),
    ("source", {"language": "English"}, "not a language tag"),
    ("source", {"authors": "actor:a"}, "a string where a list belongs"),
    ("source", {"authors": ["Jane Doe"]}, "an author that is not an actor id"),
    ("statement", {"source": "source"}, "malformed source id"),
    ("actor", {"name": "  "}, "blank name"),
    ("actor", {"operated_by": "nobody"}, "malformed operated_by"),
    ("event", {"event_type": ""}, "empty event type"),
    ("claim", {"value": 9000}, "a bare number as value"),
    ("claim", {"subject": "kalinin"}, "untyped subject"),
    ("claim", {"extensions": {"foo": 1}}, "extension without x-"),
    ("claim", {"qualifiers": {"platform": 1}}, "non-string qualifier"),
    ("review", {"claim": "actor:a"}, "reviewed record is not a claim"),
]


class TestConstruction:
    """Every record class constructs from valid values and refuses invalid ones."""

    @pytest.mark.parametrize("kind", sorted(_valid()))
    def test_valid(self, kind: str) -> None:
        """A record built from valid values has its record type."""
        assert _valid()[kind].type == kind

    @pytest.mark.parametrize(("kind", "change", "why"), INVALID, ids=[w for *_, w in INVALID])
    def test_invalid(self, kind: str, change: dict[str, Any], why: str) -> None:
        """A record with one invalid field raises ValueError or TypeError."""
        with pytest.raises((ValueError, TypeError)):
            attrs.evolve(_valid()[kind], **change)

    def test_frozen(self) -> None:
        """Records cannot be changed in place."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            _valid()["actor"].name = "B"  # type: ignore[misc]

    def test_keyword_only(self) -> None:
        """Fields are keyword-only, so adding a field never breaks a caller."""
        with pytest.raises(TypeError):
            d.Actor("actor:a", "person", "A")  # type: ignore[misc]

    def test_extensions_read_only(self) -> None:
        """Extension members are a read-only mapping."""
        source = d.Source(id="source:a", extensions={"x-a": 1})
        with pytest.raises(TypeError):
            source.extensions["x-b"] = 2  # type: ignore[index]

    def test_hashable(self) -> None:
        """Records are hashable even with extension members, and equal records hash alike."""
        first = d.Source(id="source:a", extensions={"x-a": [1]})
        second = d.Source(id="source:a", extensions={"x-a": [1]})
        assert first == second and hash(first) == hash(second)


class TestValueInvariants:
    """TimeSpan, Quantity, Anchor and Rating keep their bounds ordered."""

    @pytest.mark.parametrize(
        "kwargs",
        [
            {"earliest": dt.date(2015, 1, 1), "latest": dt.date(2014, 1, 1)},
            {"earliest": "2014-01-01"},
            {"edtf": " "},
            {"precision": "fortnight"},
        ],
    )
    def test_time_span(self, kwargs: dict[str, Any]) -> None:
        """A TimeSpan with disordered bounds, a string date, blank EDTF or bad precision fails."""
        with pytest.raises((ValueError, TypeError)):
            attrs.evolve(SPAN, **kwargs)

    @pytest.mark.parametrize(
        "kwargs",
        [
            {"amount": 5, "lower": 6, "upper": 4, "qualifier": "between"},
            {"amount": 5, "lower": 5, "upper": 6, "qualifier": "exact"},
            {"amount": 5, "lower": 4, "qualifier": "more_than"},
            {"amount": 5, "lower": 5, "upper": 9, "qualifier": "at_least"},
            {"amount": 5, "upper": 6, "qualifier": "at_most"},
            {"amount": 5, "lower": 6, "upper": 7, "qualifier": "approximately"},
            {"lower": 1, "qualifier": "between"},
            {"amount": float("nan"), "lower": 1, "upper": 2, "qualifier": "approximately"},
            {"amount": True, "lower": True, "upper": True, "qualifier": "exact"},
        ],
    )
    def test_quantity(self, kwargs: dict[str, Any]) -> None:
        """A Quantity whose bounds contradict its qualifier, or that is not finite, fails."""
        with pytest.raises((ValueError, TypeError)):
            d.Quantity(**kwargs)

    def test_quantity_inclusive(self) -> None:
        """'more than' excludes its bound; 'at least' includes it."""
        assert not MORE.lower_inclusive
        assert d.Quantity(amount=1, lower=1, qualifier="at_least").lower_inclusive

    @pytest.mark.parametrize(
        "kwargs",
        [
            {"start": -1, "end": 2, "exact": "abc"},
            {"start": 5, "end": 2, "exact": "abc"},
            {"start": 0, "end": 2, "exact": "abc"},
            {"start": 0, "end": 0, "exact": ""},
            {"start": 0, "end": 3, "exact": "abc", "prefix": "x" * 33},
            {"start": True, "end": 4, "exact": "abc"},
        ],
    )
    def test_anchor(self, kwargs: dict[str, Any]) -> None:
        """An Anchor with bad offsets, a length unlike the quote's, or long context fails."""
        with pytest.raises((ValueError, TypeError)):
            d.Anchor(**kwargs)

    def test_anchor_verify(self) -> None:
        """verify is true exactly when the quote stands at its offsets."""
        assert ANCHOR.verify("abcdefg") is False
        assert ANCHOR.verify("xxxabcyy") is True

    @pytest.mark.parametrize(("value", "best", "worst"), [(6, 5, 1), (1, 1, 1), (0, 1, 5)])
    def test_rating(self, value: int, best: int, worst: int) -> None:
        """A rating outside its scale, or a scale with best == worst, fails."""
        with pytest.raises(ValueError):
            d.Rating(value=value, best=best, worst=worst)

    def test_unknown_time(self) -> None:
        """TimeSpan.unknown() is explicit: no bounds, precision unknown, EDTF XXXX."""
        unknown = d.TimeSpan.unknown("at some point")
        assert (unknown.earliest, unknown.latest, unknown.edtf) == (None, None, "XXXX")
        assert unknown.is_unknown and unknown.expression == "at some point"

    def test_provenance_confidence(self) -> None:
        """Confidence outside [0, 1] fails."""
        with pytest.raises(ValueError):
            d.Provenance(confidence=1.5)
