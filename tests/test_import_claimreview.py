"""from_claimreview() and ``ddfacts import claimreview``: ClaimReview markup to records."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import ddfacts as d
from ddfacts.cli import main
from ddfacts.export import to_claimreview
from ddfacts.imports import from_claimreview, iter_claimreview, merge_records
from ddfacts.problems import CODES

from ._export_facts import build

FIXTURES = Path(__file__).parent / "fixtures" / "claimreview"
REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"


def _by_type(records: tuple[d.records.Record, ...], kind: str) -> list[d.records.Record]:
    return [record for record in records if record.type == kind]


class TestShapes:
    def test_single_object(self) -> None:
        """One ClaimReview gives its claim, review, reviewer, speaker and appearances."""
        result = from_claimreview(FIXTURES / "single.json")
        assert result.report.ok and not list(result.report)
        (claim,) = _by_type(result.records, "claim")
        (review,) = _by_type(result.records, "review")
        assert isinstance(claim, d.Claim) and isinstance(review, d.Review)
        assert claim.text == "The harbour budget tripled in 2022."
        assert claim.speaker == "actor:mara-lind"
        assert claim.attribution is not None
        assert claim.attribution.source == "source:news.example.com/port/lind-interview"
        assert claim.extensions["x-claimreview-appearances"] == [
            "source:video.example.com/watch/77"
        ]
        assert review.claim == claim.id
        assert review.id == "review:checks.example.org/2023/03/harbour-budget/f90ddf3f75be"
        assert (review.rating.value, review.rating.best, review.rating.worst) == (1, 5, 1)
        assert review.rating.label == "False"
        assert review.reviewer == "actor:checks.example.org"
        assert str(review.published) == "2023-03-14"
        assert review.url == "https://checks.example.org/2023/03/harbour-budget"
        assert review.explanation == "The budget rose by a fifth, not threefold."
        reviewer = next(r for r in result.records if r.id == "actor:checks.example.org")
        assert isinstance(reviewer, d.Actor) and reviewer.kind == "fact_checker"
        assert [(i.scheme, i.value) for i in reviewer.identifiers] == [
            ("url", "https://checks.example.org/")
        ]
        assert review.provenance is not None and review.provenance.method.value == "import"

    def test_datafeed_graph_and_array(self) -> None:
        """DataFeed items, @graph nodes and array elements are all read; other nodes counted."""
        feed = from_claimreview(FIXTURES / "feed.json")
        assert feed.summary.claimreviews == 2 and len(_by_type(feed.records, "review")) == 2
        graph = from_claimreview(FIXTURES / "graph.json")
        assert graph.summary.claimreviews == 1 and graph.summary.other_nodes == 2
        (review,) = _by_type(graph.records, "review")
        assert isinstance(review, d.Review) and review.rating.value == 1
        assert graph.summary.oddities["rating-string"] == 3
        parsed = json.loads((FIXTURES / "graph.json").read_text(encoding="utf-8"))
        assert from_claimreview(parsed).records == graph.records

    def test_html_page_with_two_blocks(self) -> None:
        """Both JSON-LD blocks of a page are read; relative URLs resolve against --base-url."""
        result = from_claimreview(FIXTURES / "page.html", base_url="https://checks.example.org/")
        assert result.report.ok and result.summary.claimreviews == 2
        sources = _by_type(result.records, "source")
        assert [s.id for s in sources] == ["source:checks.example.org/2023/03/source-video"]
        assert result.summary.oddities["url-relative-resolved"] == 3
        reviewers = {r.reviewer for r in _by_type(result.records, "review")}  # type: ignore[attr-defined]
        assert reviewers == {"actor:checks.example.org"}

    def test_schemaorg_example(self) -> None:
        """The schema.org ClaimReview example (older CreativeWork item) imports."""
        path = REFERENCE / "schemaorg_claimreview_mediareview_examples.json"
        if not path.is_file():
            pytest.skip("../shared/reference is absent")
        data = json.loads(path.read_text(encoding="utf-8"))
        result = from_claimreview(data["claimreview_issue_1061"])
        (review,) = _by_type(result.records, "review")
        assert isinstance(review, d.Review)
        assert (review.rating.value, review.rating.best, review.rating.worst) == (1, 6, 1)
        assert result.summary.oddities["item-creativework"] == 1
        assert result.summary.claimreviews == 1 and result.report.ok


class TestMessy:
    """Each oddity of messy.json maps to a record or becomes a located problem."""

    result = from_claimreview(FIXTURES / "messy.json")

    def test_every_problem_located_and_registered(self) -> None:
        found = sorted((p.location.pointer, p.code) for p in self.result.report)
        assert found == [
            ("/1/reviewRating", "import.rating-label-only"),
            ("/10", "import.not-claimreview"),
            ("/2/reviewRating", "import.no-rating"),
            ("/3/datePublished", "import.bad-date"),
            ("/4/itemReviewed/appearance/0", "import.bad-appearance"),
            ("/4/itemReviewed/appearance/0/url", "import.relative-url"),
            ("/4/url", "import.relative-url"),
            ("/5", "import.no-claim-text"),
            ("/6/author", "import.no-reviewer"),
            ("/7/reviewRating", "import.bad-rating"),
            ("/8/reviewRating/ratingValue", "import.bad-rating"),
        ]
        assert all(p.code in CODES and p.location.file for p in self.result.report)

    def test_mapped_variants_counted(self) -> None:
        assert dict(self.result.summary.oddities) == {
            "author-list": 2,
            "author-string": 2,
            "date-datetime": 1,
            "date-text": 1,
            "date-missing": 6,
            "item-creativework": 1,
            "rating-scale-default": 1,
            "url-missing": 1,
        }

    def test_records(self) -> None:
        claims = {c.text: c for c in _by_type(self.result.records, "claim")}  # type: ignore[attr-defined]
        reviews = {r.claim: r for r in _by_type(self.result.records, "review")}  # type: ignore[attr-defined]
        two = claims["Claim with two speakers."]
        assert two.speaker == "actor:olav-berg"
        assert two.extensions["x-claimreview-speakers"] == ["actor:mara-lind"]
        assert str(reviews[two.id].published) == "2023-03-14"  # from a date-time
        assert reviews[two.id].extensions["x-claimreview-reviewers"] == ["actor:ines-roth"]
        assert claims["Claim rated by label only."].id not in reviews  # label only: no review
        old = claims["Claim with an unreadable date."]
        assert old.speaker == "actor:mara-lind"  # the CreativeWork's author
        assert old.attribution is not None
        assert old.attribution.source == "source:news.example.com/old/story"
        assert reviews[old.id].published is None
        default = reviews[claims["Claim rated with the default scale."].id]
        assert (default.rating.best, default.rating.worst) == (5, 1)
        assert default.reviewer == "actor:example-checks"  # a bare name
        assert claims["Claim reviewed at a relative URL."].id.startswith("claim:unpublished/")
        assert len(claims) == 9

    def test_imported_facts_validate(self) -> None:
        """What the import makes is a valid fact set (no dangling ids, known vocabulary)."""
        facts = d.FactSet(self.result.records)
        assert d.validate(facts).ok


class TestStableIdsAndMerge:
    def test_same_feed_same_ids(self) -> None:
        first = from_claimreview(FIXTURES / "feed.json")
        again = from_claimreview(FIXTURES / "feed.json", file="elsewhere.json")
        assert first.records == again.records

    def test_merge_adds_only_new(self) -> None:
        old = from_claimreview(FIXTURES / "feed.json").records
        grown = list(iter_claimreview(FIXTURES / "single.json")) + list(old)
        merged = merge_records(old, [r for r in grown if not isinstance(r, d.Problem)])
        assert (merged.added, merged.unchanged, merged.changed) == (5, 8, 0)
        assert len(merged.records) == len(old) + 5

    def test_round_trip(self) -> None:
        """export --to claimreview then import gives back the claims and reviews."""
        facts = build()
        result = from_claimreview(to_claimreview(facts))
        assert result.report.ok
        back = {r.id: r for r in result.records}
        reviews = {r.id for r in result.records if isinstance(r, d.Review)}
        assert reviews == {review.id for review in facts.reviews}
        assert all(back[review.id].url for review in facts.reviews)  # type: ignore[union-attr]
        for review in facts.reviews:
            got = back[review.id]
            assert isinstance(got, d.Review)
            assert (got.claim, got.rating, got.published, got.url, got.explanation) == (
                review.claim,
                review.rating if review.rating.label else got.rating,
                review.published,
                review.url,
                review.explanation,
            )
            assert got.reviewer == review.reviewer
            claim = facts.get(review.claim, d.Claim)
            assert claim is not None
            assert back[claim.id].speaker == claim.speaker  # type: ignore[union-attr]

    def test_import_export_import_is_identity(self) -> None:
        first = from_claimreview(FIXTURES / "single.json").records
        again = from_claimreview(to_claimreview(d.FactSet(first))).records
        pick = {r.id: r for r in again}
        for record in first:
            if isinstance(record, (d.Claim, d.Review)):
                assert pick[record.id] == record


class TestCommand:
    def test_import_then_merge(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        out = tmp_path / "out.jsonl"
        assert main(["import", "claimreview", str(FIXTURES / "feed.json"), "-o", str(out)]) == 0
        assert len(out.read_text(encoding="utf-8").splitlines()) == 7
        code = main(
            [
                "import",
                "claimreview",
                str(FIXTURES / "feed.json"),
                str(FIXTURES / "single.json"),
                "--into",
                str(out),
            ]
        )
        assert code == 0
        err = capsys.readouterr().err
        assert "5 added, 8 unchanged, 0 changed" in err
        assert len(d.load(out).reviews) == 3

    def test_problems_exit_1(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        out = tmp_path / "m.json"
        assert main(["import", "claimreview", str(FIXTURES / "messy.json"), "-o", str(out)]) == 1
        err = capsys.readouterr().err
        assert "messy.json: /8/reviewRating/ratingValue" in err and "import.bad-rating" in err
        assert "Traceback" not in err
        assert d.load(out).reviews

    def test_bad_json_is_located(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        bad = tmp_path / "bad.json"
        bad.write_text('[{"@type": "ClaimReview", "url": "x", "url": "y"}]', encoding="utf-8")
        assert main(["import", "claimreview", str(bad)]) == 1
        assert "json.duplicate-key" in capsys.readouterr().err


def test_streamed_input_from_a_binary_file() -> None:
    """A file object is read in chunks; the feed's items come out as they are read."""
    text = (FIXTURES / "feed.json").read_bytes()
    things = list(iter_claimreview(io.BytesIO(text)))
    assert sum(isinstance(t, d.Review) for t in things) == 2
