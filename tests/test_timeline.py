"""timeline() lists an actor's roles, events and claims in time order."""

from __future__ import annotations

import datetime as dt

import pytest

import ddfacts as d
from ddfacts.timeline import EntryKind, timeline


def _year(first: int, last: int | None) -> d.TimeSpan:
    edtf = f"{first}/{last if last is not None else '..'}"
    return d.TimeSpan(
        earliest=dt.date(first, 1, 1),
        latest=dt.date(last, 12, 31) if last is not None else None,
        precision="year",
        edtf=edtf,
    )


EMBASSY = "actor:embassy"
SECRETARIAT = _year(2012, 2016)


@pytest.fixture
def facts() -> d.FactSet:
    """A diplomat who directs a department, then becomes ambassador, and an account."""
    return d.FactSet(
        [
            d.Source(id="source:paper", published=_year(2021, 2021)),
            d.Actor(
                id="actor:envoy",
                kind="person",
                name="Ivo Marek",
                names=[
                    d.Name(text="Иво Марек", language="ru"),
                    d.Name(text="Ivo Marek", language="ru-Latn", kind="transliteration"),
                ],
                aliases=["I. Marek"],
                identifiers=[d.Identifier(scheme="wikidata", value="Q4115189")],
                roles=[
                    d.Role(position="ambassador", organization=EMBASSY, during=_year(2020, None)),
                    d.Role(position="press secretary", organization=EMBASSY, during=SECRETARIAT),
                    d.Role(position="first secretary", organization=EMBASSY, during=SECRETARIAT),
                    d.Role(position="department director", during=_year(2017, 2019)),
                    d.Role(position="adviser"),
                ],
            ),
            d.Actor(
                id="actor:account",
                kind="account",
                name="Embassy account",
                platform="twitter",
                handle="@EmbassyExample",
                operated_by="actor:envoy",
            ),
            d.Event(
                id="event:summons",
                event_type="summons",
                time=d.TimeSpan(earliest=dt.date(2022, 10, 3), latest=dt.date(2022, 10, 3),
                                precision="day", edtf="2022-10-03"),
                participants=[d.Participant(actor="actor:envoy", role="target")],
            ),
            d.Claim(
                id="claim:said",
                subject="actor:account",
                property="stance",
                value="no real diplomacy",
                speaker="actor:envoy",
                attribution=d.Attribution(source="source:paper", mode="quotes"),
            ),
            d.Claim(
                id="claim:position",
                subject="actor:envoy",
                property="position",
                value="dean of the corps",
                as_of=_year(2018, 2018),
            ),
            d.Claim(id="claim:unknown", subject="actor:envoy", property="position", value="x"),
        ]
    )  # fmt: skip


class TestTimeline:
    """Roles, events and claims, earliest first, unknown times last."""

    def test_order(self, facts: d.FactSet) -> None:
        """Entries come by earliest time, then latest, then file order; unknown last."""
        entries = timeline(facts, "actor:envoy")
        assert [(e.kind.value, e.role.position if e.role else e.id) for e in entries] == [
            ("role", "press secretary"),
            ("role", "first secretary"),
            ("role", "department director"),
            ("claim", "claim:position"),
            ("role", "ambassador"),
            ("said", "claim:said"),
            ("event", "event:summons"),
            ("role", "adviser"),
            ("claim", "claim:unknown"),
        ]

    def test_said_uses_source_date(self, facts: d.FactSet) -> None:
        """A claim without as-of time takes its source's publication time."""
        (said,) = [e for e in timeline(facts, "actor:envoy") if e.kind is EntryKind.SAID]
        assert said.time is not None and said.time.edtf == "2021/2021"

    def test_concurrent_roles(self, facts: d.FactSet) -> None:
        """Two roles held at once both appear, with their spans."""
        spans = [e.time for e in timeline(facts, "actor:envoy") if e.kind is EntryKind.ROLE]
        assert spans[0] == spans[1] == _year(2012, 2016)

    def test_account(self, facts: d.FactSet) -> None:
        """An account's timeline holds the claim about it, not its operator's roles."""
        assert [(e.kind, e.id) for e in timeline(facts, "actor:account")] == [
            (EntryKind.CLAIM, "claim:said")
        ]

    def test_unknown_actor(self, facts: d.FactSet) -> None:
        """Asking for an actor that is not in the set raises KeyError."""
        with pytest.raises(KeyError):
            timeline(facts, "actor:nobody")

    def test_method(self, facts: d.FactSet) -> None:
        """FactSet.timeline gives the same entries as the function."""
        assert facts.timeline("actor:envoy") == timeline(facts, "actor:envoy")
