"""Document writes the format-1.1 parts of a claim: propositions, hedges, chains, groups, ranks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import ddfacts

TEXT = (Path(__file__).resolve().parent.parent / "examples/demo/demo.txt").read_text("utf-8")


@pytest.fixture
def doc() -> ddfacts.Document:
    return ddfacts.Document(TEXT, id="source:ledger", published="14 March 2023", language="en")


def test_says_makes_a_proposition_with_a_chain(doc: ddfacts.Document) -> None:
    embassy = doc.actor("embassy", "diplomatic_mission", "Embassy of Veloria")
    courrier = doc.actor("courrier", "newspaper", "Le Courrier de Velor")
    varro = doc.actor("varro", "person", "Ilse Varro")
    claim = doc.says(
        "Our doors remain open, even to critics.",
        about=[embassy],
        speaker=varro,
        mode="translates",
        chain=[(courrier, "quotes", "fr"), (embassy, "translates", "en")],
        original_language="fr",
        evidence=['"Our doors remain open, even to critics."'],
    )
    assert claim.subject is None and claim.proposition is not None
    assert claim.proposition.about == ("actor:embassy",)
    assert claim.attribution is not None
    assert [(h.by, h.mode.value, h.language) for h in claim.attribution.hops] == [
        ("actor:courrier", "quotes", "fr"),
        ("actor:embassy", "translates", "en"),
    ]
    assert claim.id == "claim:ledger/our-doors-remain-open-even-to"
    assert ddfacts.validate(doc.factset()).ok


def test_counts_under_conditions_and_a_refinement(doc: ddfacts.Document) -> None:
    veloria = doc.actor("veloria", "country", "Veloria")
    over_1000 = doc.claim(
        veloria, "accounts", "14 accounts", where=("followers", "more than 1,000 followers")
    )
    over_10000 = doc.claim(
        veloria,
        "accounts",
        "3 accounts",
        id="over-10000",
        where=("followers", "more than 10,000"),
        refines=over_1000,
    )
    assert over_1000.where is not None and over_1000.where.value.lower == 1000
    assert over_10000.refines == over_1000.id
    assert over_10000.where is not None and over_10000.where.value.unit == "follower"


def test_hedges_members_and_ranks(doc: ddfacts.Document) -> None:
    embassy = doc.actor("embassy", "diplomatic_mission", "Embassy of Veloria")
    account = doc.actor("account", "account", "@VeloriaInOstr", operated_by=embassy)
    group = doc.actor("missions", "group", "Twitter accounts of Veloria's missions")
    hedged = doc.claim(
        account, "share_of_audience", "About 60 per cent", certainty="probable",
        hedge="he estimated",
    )  # fmt: skip
    each = doc.claim(group, "followers", "at most 400 followers", members="each")
    rank = doc.claim(
        account,
        "rank",
        ddfacts.Rank(position=2, ranking=ddfacts.Ranking(of=group.id, measure="followers")),
    )
    assert hedged.attribution is not None and hedged.attribution.hedged
    assert each.members == ddfacts.Members(scope="each")
    assert isinstance(rank.value, ddfacts.Rank) and rank.value.position == 2


def test_bad_parts_fail_at_the_call(doc: ddfacts.Document) -> None:
    veloria = doc.actor("veloria", "country", "Veloria")
    with pytest.raises(ddfacts.VocabularyError, match="followerz"):
        doc.claim(veloria, "accounts", "14 accounts", where=("followerz", "more than 1,000"))
    with pytest.raises(ddfacts.VocabularyError, match="condition compares a figure"):
        doc.claim(veloria, "accounts", "14 accounts", where=("handle", "@x"))
    with pytest.raises(ValueError, match="not a valid Scope"):
        doc.claim(veloria, "accounts", "14 accounts", members="nearly all")


def test_says_keeps_the_claims_text(doc: ddfacts.Document) -> None:
    claim = doc.says(
        "We answer every question, even the rude ones",
        text="Tomas Brell says the account answers every question.",
        evidence=['"We answer every question, even the rude ones," he said.'],
    )
    assert claim.text == "Tomas Brell says the account answers every question."
    assert claim.proposition is not None
    assert claim.proposition.text == "We answer every question, even the rude ones"


def test_a_phrase_the_parser_cannot_read_is_given_as_edtf(doc: ddfacts.Document) -> None:
    with pytest.raises(ddfacts.TimeParseError):
        doc.time("in three months")
    saturday = ddfacts.ResolvedAgainst(date=dt.date(2023, 3, 11), basis="the statement")
    span = doc.time("in three months", edtf="2022-12-11~/2023-03-11", relative_to=saturday)
    assert (span.earliest, span.latest) == (dt.date(2022, 12, 11), dt.date(2023, 3, 11))
    assert span.approximate and span.expression == "in three months"
    assert span.resolved_against == saturday
    since = doc.time("Since then", edtf="2020-01/2023-03-12")
    assert since.expression == "Since then" and since.resolved_against is None
    assert since.precision is ddfacts.Precision.MONTH
    now = doc.time("now", edtf="2023-03-14", relative_to=doc.reference)
    assert now.resolved_against == doc.reference
    dated = doc.time("that day", edtf="2023-03-10", relative_to=dt.date(2023, 3, 10))
    assert dated.resolved_against == ddfacts.ResolvedAgainst(date=dt.date(2023, 3, 10))
    claim = doc.claim(
        doc.actor("varro", "person", "Ilse Varro"), "summonses", "the third summons",
        as_of=span, evidence=['"the third summons in three months"'],
    )  # fmt: skip
    assert claim.as_of == span


def test_a_phrase_relative_to_another_day(doc: ddfacts.Document) -> None:
    before_friday = doc.time("Saturday", relative_to=dt.date(2023, 3, 10))
    assert before_friday.earliest == dt.date(2023, 3, 4)
    assert before_friday.resolved_against == ddfacts.ResolvedAgainst(date=dt.date(2023, 3, 10))
    assert doc.time("Saturday").earliest == dt.date(2023, 3, 11)


def test_a_bad_edtf_reading_fails_at_the_call(doc: ddfacts.Document) -> None:
    with pytest.raises(ValueError, match="month '13'"):
        doc.time("in the thirteenth month", edtf="2023-13")
    with pytest.raises(ValueError, match="non-empty"):
        doc.time("  ", edtf="2023-03")
    with pytest.raises(ValueError, match="at most 500"):
        doc.time("x" * 501, edtf="2023-03")
    with pytest.raises(TypeError, match="edtf= reads a phrase"):
        doc.time(dt.date(2023, 3, 1), edtf="2023-03")
    with pytest.raises(TypeError, match="edtf= reads a phrase"):
        doc.time("then", edtf="2023-03", relative_to=doc.time("March 2023"))
    with pytest.raises(TypeError, match="resolved against a date"):
        doc.time("then", edtf="2023-03", relative_to=dt.datetime(2023, 3, 1))


def test_says_takes_qualifiers_as_claim_does(doc: ddfacts.Document) -> None:
    embassy = doc.actor("embassy", "diplomatic_mission", "Embassy of Veloria")
    claim = doc.says(
        "Our doors remain open, even to critics.",
        about=[embassy],
        qualifiers={"venue": "Le Courrier de Velor"},
        evidence=['"Our doors remain open, even to critics."'],
    )
    assert dict(claim.qualifiers) == {"venue": "Le Courrier de Velor"}
    assert claim.attribution is not None and claim.attribution.certainty.value == "certain"
    assert ddfacts.validate(doc.factset()).ok
    bare = doc.says("Veloria has 38 missions abroad", about=[embassy], id="bare")
    assert dict(bare.qualifiers) == {}
