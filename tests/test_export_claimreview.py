"""to_claimreview() writes schema.org ClaimReview JSON-LD for every reviewed Claim."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import ddfacts as d
from ddfacts.export import to_claimreview

from ._export_facts import build
from ._export_formats import check_claimreview

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"


def _by_id(facts: d.FactSet) -> dict[str, dict[str, object]]:
    return {review["@id"]: review for review in to_claimreview(facts)}


class TestToClaimreview:
    def test_keeps_the_required_members(self) -> None:
        """Every ClaimReview has the members schema.org and Google require, typed right."""
        reviews = to_claimreview(build())
        check_claimreview(reviews)
        assert [review["@id"] for review in reviews] == [
            "urn:ddfacts:review:followers",
            "urn:ddfacts:review:ministry-count",
        ]

    def test_review_members(self) -> None:
        """Rating, reviewer, date, body and the claim sentence come from the records."""
        review = _by_id(build())["urn:ddfacts:review:followers"]
        assert review["reviewRating"] == {
            "@type": "Rating",
            "ratingValue": 1,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": "False",
        }
        assert review["author"] == {
            "@type": "Organization",
            "@id": "urn:ddfacts:actor:checkers",
            "name": "Check Desk",
        }
        assert review["datePublished"] == "2023-03-12"
        assert review["reviewBody"] == "The ministry's count is 4,000."
        assert review["claimReviewed"] == "@VeloriaEmb followers: more than 9,000 followers"

    def test_item_reviewed_names_speaker_and_appearances(self) -> None:
        """The Claim's author is the speaker; its appearances are the sources carrying it."""
        item = _by_id(build())["urn:ddfacts:review:followers"]["itemReviewed"]
        assert item["@type"] == "Claim"  # type: ignore[index]
        assert item["author"]["name"] == "Embassy of Veloria"  # type: ignore[index]
        (appearance,) = item["appearance"]  # type: ignore[index]
        assert appearance["url"] == "https://gazette.example/2023/03/followers"
        assert appearance["publisher"]["sameAs"] == ["https://www.wikidata.org/wiki/Q1"]
        assert item["firstAppearance"] == appearance  # type: ignore[index]

    def test_first_appearance_is_the_earliest_source(self) -> None:
        """Of several sources, the earliest published is the first appearance."""
        item = _by_id(build())["urn:ddfacts:review:ministry-count"]["itemReviewed"]
        assert [work["@id"] for work in item["appearance"]] == [  # type: ignore[index]
            "https://gazette.example/2023/03/followers",
            "urn:ddfacts:source:wire",
        ]
        assert item["firstAppearance"]["@id"] == "urn:ddfacts:source:wire"  # type: ignore[index]
        assert "author" not in item  # type: ignore[operator]

    def test_unlabelled_rating_gets_an_alternate_name(self) -> None:
        """A rating without a label is named by its place on the scale."""
        rating = _by_id(build())["urn:ddfacts:review:ministry-count"]["reviewRating"]
        assert rating["alternateName"] == "3 on a scale from 1 to 5"  # type: ignore[index]

    def test_reviews_of_missing_claims_are_left_out(self) -> None:
        """A review whose claim is not in the set has nothing to describe."""
        review = d.Review(
            id="review:x",
            claim="claim:absent",
            rating=d.Rating(value=1, best=2, worst=1),
            reviewer="actor:x",
        )
        assert to_claimreview(d.FactSet([review])) == []

    def test_shape_matches_the_schema_org_example(self) -> None:
        """Our members are a superset of the canonical example's, nested the same way."""
        path = REFERENCE / "schemaorg_claimreview_mediareview_examples.json"
        if not path.is_file():
            pytest.skip("../shared/reference is absent")
        example = json.loads(path.read_text(encoding="utf-8"))["claimreview_issue_1061"]
        ours = _by_id(build())["urn:ddfacts:review:followers"]
        wanted = set(example) - {"claimReviewSiteLogo", "url", "@type", "@context"}
        assert wanted <= set(ours)
        assert set(example["reviewRating"]) <= set(ours["reviewRating"])  # type: ignore[arg-type]
        assert "ClaimReview" in example["@type"] and ours["@type"] == "ClaimReview"
