"""query() keeps the records that pass every filter, in file order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import ddfacts as d
from ddfacts.cli import main
from ddfacts.query import query, record_times, span_of

from ._facts11 import facts11


def _span(first: dt.date, last: dt.date | None, edtf: str, precision: str = "day") -> d.TimeSpan:
    return d.TimeSpan(earliest=first, latest=last, precision=precision, edtf=edtf)


MARCH = _span(dt.date(2017, 3, 1), dt.date(2017, 3, 31), "2017-03", "month")
OCTOBER = _span(dt.date(2022, 10, 12), dt.date(2022, 10, 12), "2022-10-12")
ANCHOR = d.Anchor(start=0, end=4, exact="text")


def _count(amount: int) -> d.Quantity:
    return d.Quantity(amount=amount, lower=amount, upper=amount, qualifier="exact")


@pytest.fixture
def facts() -> d.FactSet:
    """Two sources, an account with two follower claims, a summons and a press secretary."""
    return d.FactSet(
        [
            d.Source(id="source:blog", published=MARCH),
            d.Source(id="source:news", published=OCTOBER),
            d.Statement(id="statement:blog/1", source="source:blog", anchor=ANCHOR),
            d.Statement(id="statement:news/1", source="source:news", anchor=ANCHOR),
            d.Actor(
                id="actor:secretary",
                kind="person",
                name="Press Secretary",
                roles=[
                    d.Role(
                        position="press secretary",
                        during=_span(dt.date(2015, 1, 1), None, "2015/..", "year"),
                    )
                ],
            ),
            d.Actor(id="actor:account", kind="account", name="Account", platform="twitter"),
            d.Claim(
                id="claim:followers-2017",
                subject="actor:account",
                property="followers",
                value=_count(9000),
                as_of=MARCH,
                speaker="actor:secretary",
                attribution=d.Attribution(source="source:blog", mode="reports"),
                evidence=["statement:blog/1"],
            ),
            d.Claim(
                id="claim:followers-2022",
                subject="actor:account",
                property="followers",
                value=_count(50000),
                as_of=OCTOBER,
                attribution=d.Attribution(source="source:news"),
            ),
            d.Claim(
                id="claim:position",
                subject="actor:secretary",
                property="position",
                value="press secretary",
                evidence=["statement:news/1"],
            ),
            d.Event(
                id="event:summons",
                event_type="summons",
                time=OCTOBER,
                participants=[d.Participant(actor="actor:secretary", role="target")],
                about=["actor:account"],
                evidence=["statement:news/1"],
            ),
            d.Review(
                id="review:1",
                claim="claim:followers-2017",
                reviewer="actor:secretary",
                rating=d.Rating(value=1, best=5, worst=1),
                published=dt.date(2023, 1, 5),
            ),
        ]
    )


def _ids(records: tuple[d.Record, ...]) -> list[str]:
    return [record.id for record in records]


class TestQuery:
    """Each filter, alone and combined."""

    def test_no_filter(self, facts: d.FactSet) -> None:
        """Without filters every record comes back, in file order."""
        assert _ids(query(facts)) == [record.id for record in facts]

    def test_type(self, facts: d.FactSet) -> None:
        """type keeps records of that JSON type."""
        assert _ids(query(facts, type="event")) == ["event:summons"]

    def test_subject(self, facts: d.FactSet) -> None:
        """subject finds claims about it and events it is in or that are about it."""
        assert _ids(query(facts, subject="actor:account")) == [
            "claim:followers-2017",
            "claim:followers-2022",
            "event:summons",
        ]

    def test_subject_of_review(self, facts: d.FactSet) -> None:
        """A claim as subject finds the reviews of it."""
        assert _ids(query(facts, subject="claim:followers-2017")) == ["review:1"]

    def test_property(self, facts: d.FactSet) -> None:
        """property keeps claims of that property."""
        assert _ids(query(facts, property="position")) == ["claim:position"]

    def test_source(self, facts: d.FactSet) -> None:
        """source finds statements, carried claims and records with evidence in it."""
        assert _ids(query(facts, source="source:news")) == [
            "statement:news/1",
            "claim:followers-2022",
            "claim:position",
            "event:summons",
        ]

    def test_speaker(self, facts: d.FactSet) -> None:
        """speaker keeps claims the actor asserts."""
        assert _ids(query(facts, speaker="actor:secretary")) == ["claim:followers-2017"]

    def test_at_date(self, facts: d.FactSet) -> None:
        """A date matches records whose time overlaps it, and roles running through it."""
        assert _ids(query(facts, at=dt.date(2022, 10, 12))) == [
            "source:news",
            "actor:secretary",
            "claim:followers-2022",
            "event:summons",
        ]

    def test_at_span(self, facts: d.FactSet) -> None:
        """A span matches by overlap: a year finds a month within it."""
        year = _span(dt.date(2017, 1, 1), dt.date(2017, 12, 31), "2017", "year")
        assert _ids(query(facts, type="claim", at=year)) == ["claim:followers-2017"]

    def test_at_excludes_timeless(self, facts: d.FactSet) -> None:
        """A claim with no as-of time never matches a time."""
        assert query(facts, property="position", at=dt.date(2022, 10, 12)) == ()

    def test_combined(self, facts: d.FactSet) -> None:
        """Filters combine with and."""
        found = query(facts, subject="actor:account", property="followers", at=MARCH)
        assert _ids(found) == ["claim:followers-2017"]

    def test_nothing_matches(self, facts: d.FactSet) -> None:
        """An unknown subject gives an empty result, not an error."""
        assert query(facts, subject="actor:nobody") == ()

    def test_factset_method(self, facts: d.FactSet) -> None:
        """FactSet.query gives the same result as the function."""
        assert facts.query(property="followers", at=OCTOBER) == query(
            facts, property="followers", at=OCTOBER
        )


class TestRecordTimes:
    """record_times gives the spans a record holds at."""

    def test_unknown_is_skipped(self) -> None:
        """An unknown time is no time to match."""
        event = d.Event(id="event:x", event_type="summons", time=d.TimeSpan.unknown())
        assert record_times(event) == ()

    def test_statement_has_none(self) -> None:
        """A statement has no time of its own."""
        statement = d.Statement(id="statement:x", source="source:x", anchor=ANCHOR)
        assert record_times(statement) == ()


class TestSpanOf:
    """span_of turns a date into the day it names."""

    def test_date(self) -> None:
        """A date becomes a one-day span at day precision."""
        span = span_of(dt.date(2022, 10, 12))
        assert (span.earliest, span.latest, span.precision, span.edtf) == (
            dt.date(2022, 10, 12),
            dt.date(2022, 10, 12),
            d.Precision.DAY,
            "2022-10-12",
        )

    def test_span_passes_through(self) -> None:
        """A span is returned as it is."""
        assert span_of(MARCH) is MARCH


class TestFormat11:
    """subject= reaches propositions; certainty and proposition filters; hop sources."""

    def test_subject_finds_a_proposition_about_it(self) -> None:
        """A proposition-only claim about Canada is found by subject, as the index finds it."""
        facts = facts11()
        found = [r.id for r in query(facts, type="claim", subject="actor:canada")]
        assert found == ["claim:words", "claim:relayed"]
        assert [r.id for r in facts.by_subject("actor:canada")] == found

    def test_certainty(self) -> None:
        """Only claims asserted that firmly; a claim without hedge is certain."""
        facts = facts11()
        assert [r.id for r in query(facts, certainty="probable")] == ["claim:words"]
        certain = [r.id for r in query(facts, certainty=d.Certainty.CERTAIN)]
        assert certain == ["claim:each", "claim:rank", "claim:relayed"]
        assert query(facts, certainty="possible") == ()

    def test_proposition_words(self) -> None:
        """Words of the proposition, case ignored; "" finds every claim with one."""
        facts = facts11()
        assert [r.id for r in query(facts, proposition="ISOLATES")] == ["claim:words"]
        assert [r.id for r in query(facts, proposition="")] == ["claim:words"]
        assert query(facts, proposition="sanctions") == ()

    def test_source_of_a_hop(self) -> None:
        """A hop's own publication counts as a source the claim relays."""
        found = [r.id for r in query(facts11(), type="claim", source="source:tass")]
        assert found == ["claim:words", "claim:relayed"]


def test_cli_certainty_and_proposition(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``ddfacts query --certainty`` and ``--proposition`` filter; the table says the hedge."""
    path = tmp_path / "f.facts.json"
    path.write_text(d.dumps(list(facts11())), encoding="utf-8")
    assert main(["query", str(path), "--certainty", "probable"]) == 0
    out = capsys.readouterr().out
    assert "claim:words" in out and "claim:each" not in out
    assert "probable “apparently”" in out and "via actor:tass -> actor:embassy" in out
    assert main(["query", str(path), "--proposition"]) == 0
    assert "proposition: Canada isolates itself" in capsys.readouterr().out
    assert main(["query", str(path), "--certainty", "sure"]) == 2
