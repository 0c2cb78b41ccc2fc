"""Hostile ClaimReview input: every bad document is a located problem, never a traceback."""

from __future__ import annotations

import io

import pytest

from ddfacts.imports import from_claimreview
from ddfacts.limits import MAX_DEPTH, MAX_LINE_BYTES


def _codes(data: bytes) -> list[str]:
    return [problem.code for problem in from_claimreview(io.BytesIO(data), file="x.json").report]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (
            b'{"dataFeedElement": [' + b"[" * (MAX_DEPTH + 5) + b"]" * (MAX_DEPTH + 5) + b"]}",
            "json.depth",
        ),
        (b'[{"@type": "ClaimReview", "a": 1, "a": 2}]', "json.duplicate-key"),
        (b'[{"@type": "ClaimReview"}', "json.syntax"),
        (b'{"@graph": [1e999]}', "json.constant"),
        (b"[" + b"1" * 100 + b"]", "json.number"),
        (b'["\\ud800"]', "json.surrogate"),
        (b"\xff\xfe[]", "import.unreadable"),
        (b"[] trailing", "json.syntax"),
        (b"42", "json.syntax"),
    ],
)
def test_bad_documents_are_problems(data: bytes, code: str) -> None:
    """Each refusal names its code; the stream ends there."""
    assert code in _codes(data)


def test_an_item_past_the_limit_is_refused() -> None:
    """One item larger than MAX_LINE_BYTES is refused, not read whole into memory."""
    data = b'{"dataFeedElement": [["' + b"a" * (MAX_LINE_BYTES + 10) + b'"]]}'
    assert _codes(data) == ["import.item-too-large"]


def test_html_with_a_broken_block_keeps_the_good_one() -> None:
    """A broken JSON-LD block is a problem on its line; the page's other blocks still import."""
    page = (
        b"<html><script type='application/ld+json'>{oops</script>\n"
        b'<script type=\'application/ld+json\'>{"@type": "ClaimReview", "claimReviewed": "x",'
        b' "author": "A", "reviewRating": {"ratingValue": 1}}</script></html>'
    )
    result = from_claimreview(io.BytesIO(page), file="p.html")
    assert [p.code for p in result.report] == ["json.syntax"]
    assert result.summary.claimreviews == 1
