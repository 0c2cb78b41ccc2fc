"""to_fever() writes FEVER-style rows for reviewed claims, labelled by a documented rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import ddfacts as d
from ddfacts.export import export, fever_label, to_fever

from ._export_facts import build
from ._export_formats import FEVER_LABELS, check_fever
from ._facts11 import facts11

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"


class TestFeverLabel:
    @pytest.mark.parametrize(
        ("value", "worst", "best", "label"),
        [
            (5, 1, 5, "SUPPORTS"),
            (4, 1, 4, "SUPPORTS"),
            (1, 0, 3, "REFUTES"),
            (2, 0, 3, "SUPPORTS"),
            (3, 1, 5, "NOT ENOUGH INFO"),
            (1, 1, 5, "REFUTES"),
            (0, 10, 0, "SUPPORTS"),
        ],
    )
    def test_thirds_of_the_scale(self, value: int, worst: int, best: int, label: str) -> None:
        """The top third supports, the bottom third refutes, the middle is not enough."""
        assert fever_label(d.Rating(value=value, worst=worst, best=best)) == label


class TestToFever:
    def test_rows(self) -> None:
        """One row per reviewed claim, with the review's evidence as one set."""
        assert to_fever(build()) == [
            {
                "id": "claim:followers",
                "claim": "@VeloriaEmb followers: more than 9,000 followers",
                "label": "REFUTES",
                "verifiable": "VERIFIABLE",
                "review": "review:followers",
                "evidence": [
                    [
                        [
                            "source:gazette",
                            "statement:gazette/count",
                            "The ministry said the count was 4,000.",
                        ]
                    ]
                ],
            },
            {
                "id": "claim:ministry-count",
                "claim": "The account has 4,000 followers, the ministry says.",
                "label": "NOT ENOUGH INFO",
                "verifiable": "NOT VERIFIABLE",
                "review": "review:ministry-count",
                "evidence": [[[None, None, None]]],
            },
        ]

    def test_without_review_evidence_each_claim_statement_is_a_set(self) -> None:
        """A verdict with no evidence of its own falls back to the claim's statements."""
        facts = build()
        review = facts["review:ministry-count"]
        assert isinstance(review, d.Review)
        better = d.Review(
            id=review.id,
            claim=review.claim,
            rating=d.Rating(value=5, best=5, worst=1),
            reviewer=review.reviewer,
        )
        (_, row) = to_fever(facts.replace(better))
        assert row["label"] == "SUPPORTS"
        assert row["evidence"] == [
            [
                [
                    "source:gazette",
                    "statement:gazette/count",
                    "The ministry said the count was 4,000.",
                ]
            ],
            [["source:wire", "statement:wire/count", "the count was 4,000"]],
        ]

    def test_latest_review_decides(self) -> None:
        """With two reviews of one claim, the later published one gives the label."""
        import datetime as dt

        later = d.Review(
            id="review:followers-again",
            claim="claim:followers",
            rating=d.Rating(value=5, best=5, worst=1),
            reviewer="actor:checkers",
            published=dt.date(2024, 1, 1),
        )
        rows = to_fever(build().with_records([later]))
        assert (rows[0]["review"], rows[0]["label"]) == ("review:followers-again", "SUPPORTS")

    def test_json_lines(self) -> None:
        """The fever format is JSON Lines, one row a line."""
        text = export(build(), "fever")
        assert text is not None
        assert len(check_fever(text)) == 2

    def test_labels_pair_with_verifiable_as_in_fever(self) -> None:
        """Each label we write comes with the verifiable value the FEVER rows give it."""
        path = REFERENCE / "fever_evidence_structure_sample.json"
        if not path.is_file():
            pytest.skip("../shared/reference is absent")
        rows = json.loads(path.read_text(encoding="utf-8"))["rows"]
        theirs = {row["label"]: row["verifiable"] for row in rows}
        assert set(theirs) == FEVER_LABELS
        for row in to_fever(build()):
            assert row["verifiable"] == theirs[row["label"]]

    def test_not_enough_info_evidence_is_empty_as_in_fever(self) -> None:
        """A NOT ENOUGH INFO row's evidence holds only nulls, as FEVER's rows do."""
        path = REFERENCE / "fever_evidence_structure_sample.json"
        if not path.is_file():
            pytest.skip("../shared/reference is absent")
        rows = json.loads(path.read_text(encoding="utf-8"))["rows"]
        (theirs, *_) = [row for row in rows if row["label"] == "NOT ENOUGH INFO"]
        (ours,) = [row for row in to_fever(build()) if row["label"] == "NOT ENOUGH INFO"]
        assert all(item[1:] == [None, None, None] for item in theirs["evidence"][0])
        assert ours["evidence"] == [[[None, None, None]]]


def test_fever_claim_is_the_proposition_with_its_hedge() -> None:
    """A proposition-only claim's FEVER text is its proposition, hedge kept."""
    rows = {row["id"]: row for row in to_fever(facts11())}
    assert rows["claim:words"]["claim"] == "Canada isolates itself (probable: “apparently”)"
    assert rows["claim:words"]["label"] == "REFUTES"
