"""to_claimreview() writes schema.org ClaimReview JSON-LD for every reviewed Claim."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import attrs
import pytest

import ddfacts as d
from ddfacts.cli import main
from ddfacts.errors import ExportError
from ddfacts.export import export, to_claimreview

from ._export_facts import build
from ._export_formats import (
    GOOGLE_CLAIM_RECOMMENDED,
    GOOGLE_CLAIMREVIEW_RECOMMENDED,
    GOOGLE_CLAIMREVIEW_REQUIRED,
    GOOGLE_RATING_RECOMMENDED,
    GOOGLE_RATING_REQUIRED,
    check_claimreview,
)
from ._facts11 import facts11

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
            "name": "False",
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


def _without_url(facts: d.FactSet, review_id: str) -> d.FactSet:
    return d.FactSet(attrs.evolve(r, url=None) if r.id == review_id else r for r in facts)


class TestRequiredProperties:
    def test_google_required_and_recommended(self) -> None:
        """Every property Google's guide requires or recommends is there (the first review)."""
        review = _by_id(build())["urn:ddfacts:review:followers"]
        assert set(review) >= GOOGLE_CLAIMREVIEW_REQUIRED | GOOGLE_CLAIMREVIEW_RECOMMENDED
        rating = set(review["reviewRating"])  # type: ignore[arg-type]
        assert rating >= GOOGLE_RATING_REQUIRED | GOOGLE_RATING_RECOMMENDED
        assert set(review["itemReviewed"]) >= GOOGLE_CLAIM_RECOMMENDED  # type: ignore[arg-type]

    def test_id_is_the_review_and_url_the_article(self) -> None:
        """@id names the review (so an import gives its id back); url is the article."""
        review = _by_id(build())["urn:ddfacts:review:followers"]
        assert review["url"] == "https://checkdesk.example/2023/03/followers"

    def test_review_without_url_is_refused(self) -> None:
        """A Review without url stops the export with an error naming it."""
        facts = _without_url(build(), "review:ministry-count")
        with pytest.raises(ExportError, match=r"^review:ministry-count: no url"):
            to_claimreview(facts)
        with pytest.raises(ExportError, match="review:ministry-count"):
            export(facts, "claimreview")

    def test_skip_incomplete_warns_and_leaves_it_out(self) -> None:
        """With skip_incomplete the review is left out, with a warning naming it."""
        facts = _without_url(build(), "review:ministry-count")
        with pytest.warns(UserWarning, match="review:ministry-count: no url"):
            reviews = to_claimreview(facts, skip_incomplete=True)
        assert [r["@id"] for r in reviews] == ["urn:ddfacts:review:followers"]
        told: list[str] = []
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            text = export(facts, "claimreview", skip_incomplete=True, on_skip=told.append)
        assert text is not None and len(json.loads(text)) == 1
        assert told == [told[0]] and told[0].startswith("review:ministry-count: no url")

    def test_command_refuses_then_skips(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The command exits 1 naming the review; --skip-incomplete warns and writes the rest."""
        path = tmp_path / "facts.json"
        d.dump(_without_url(build(), "review:ministry-count"), path)
        out = tmp_path / "out.jsonld"
        assert main(["export", str(path), "--to", "claimreview", "-o", str(out)]) == 1
        err = capsys.readouterr().err
        assert err.startswith("ddfacts export: review:ministry-count: no url")
        assert "Traceback" not in err and not out.exists()
        args = ["export", str(path), "--to", "claimreview", "--skip-incomplete", "-o", str(out)]
        assert main(args) == 0
        err = capsys.readouterr().err
        assert err.startswith("ddfacts export: warning: review:ministry-count: no url")
        assert len(json.loads(out.read_text(encoding="utf-8"))) == 1


class TestFormat11:
    """Propositions, their ``about`` entities and hedges reach the ClaimReview."""

    def test_proposition_is_claim_reviewed_with_its_hedge_and_about(self) -> None:
        """claimReviewed is the proposition, hedged; about names what it is about."""
        documents = {doc["@id"]: doc for doc in to_claimreview(facts11())}
        words = documents["urn:ddfacts:review:words"]
        assert words["claimReviewed"] == "Canada isolates itself (probable: “apparently”)"
        canada = {"@type": "Organization", "@id": "urn:ddfacts:actor:canada", "name": "Canada"}
        assert words["about"] == words["itemReviewed"]["about"] == [canada]
        check_claimreview(list(documents.values()))

    def test_negation_and_members_do_not_vanish(self) -> None:
        """A built sentence says which members, the condition and the negation."""
        documents = {doc["@id"]: doc for doc in to_claimreview(facts11())}
        sentence = documents["urn:ddfacts:review:each"]["claimReviewed"]
        assert sentence.startswith("each member of Russian missions except Embassy in Kuwait")
        assert "followers more than 100" in sentence and sentence.endswith("(negated)")
        assert "about" not in documents["urn:ddfacts:review:each"]
