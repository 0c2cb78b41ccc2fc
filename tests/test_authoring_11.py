"""Document writes the format-1.1 parts of a claim: propositions, hedges, chains, groups, ranks."""

from __future__ import annotations

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
