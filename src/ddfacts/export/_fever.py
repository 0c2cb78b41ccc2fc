"""Reviewed claims as FEVER-style rows, for training and evaluating verification models.

One row per Claim that has a Review, sorted by claim id::

    {"id": "claim:x", "claim": "…", "label": "REFUTES", "verifiable": "VERIFIABLE",
     "review": "review:x", "evidence": [[["source:a", "statement:b", "the quote"]]]}

``claim`` is the claim's ``text``, else its proposition, else a sentence
made from its triple, keeping the speaker's hedge or negation
(:func:`~ddfacts.export._common.claim_sentence`).

``label`` follows the latest review of the claim (by publication date, then
id), by where its rating falls on its scale: the share
``(value - worst) / (best - worst)`` is 2/3 or more: ``SUPPORTS``; 1/3 or
less: ``REFUTES``; in between: ``NOT ENOUGH INFO``.

``evidence`` is, as in FEVER, a list of alternative evidence sets, each a
list of ``[source id, statement id, quote]``: the review's own evidence
statements form one set; a review without evidence falls back to the
claim's evidence statements, each a set of its own.  A ``NOT ENOUGH INFO``
row has ``verifiable`` ``NOT VERIFIABLE`` and the evidence
``[[[null, null, null]]]``, as FEVER writes it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..factset import FactSet
from ..records import Rating, Review, Statement
from ._common import claim_sentence, sorted_by_id

__all__ = ["NOT_ENOUGH_INFO", "REFUTES", "SUPPORTS", "fever_label", "to_fever"]

SUPPORTS = "SUPPORTS"
REFUTES = "REFUTES"
NOT_ENOUGH_INFO = "NOT ENOUGH INFO"


def fever_label(rating: Rating) -> str:
    """The FEVER label of a rating: its share of the scale, in thirds."""
    share = (rating.value - rating.worst) / (rating.best - rating.worst)
    if share >= 2 / 3:
        return SUPPORTS
    if share <= 1 / 3:
        return REFUTES
    return NOT_ENOUGH_INFO


def _latest(reviews: list[Review]) -> Review:
    return max(reviews, key=lambda r: (r.published or dt.date.min, r.id))


def _item(statement_id: str, facts: FactSet) -> list[str | None]:
    statement = facts.get(statement_id, Statement)
    if statement is None:
        return [None, statement_id, None]
    return [statement.source, statement.id, statement.anchor.exact]


def to_fever(facts: FactSet) -> list[dict[str, Any]]:
    """A FEVER-style row for every reviewed Claim in *facts*, sorted by claim id."""
    reviews: dict[str, list[Review]] = {}
    for review in facts.reviews:
        reviews.setdefault(review.claim, []).append(review)
    rows = []
    for claim in sorted_by_id(facts.claims):
        if claim.id not in reviews:
            continue
        review = _latest(reviews[claim.id])
        label = fever_label(review.rating)
        evidence: list[list[list[str | None]]]
        if label == NOT_ENOUGH_INFO:
            evidence = [[[None, None, None]]]
        elif review.evidence:
            evidence = [[_item(statement_id, facts) for statement_id in review.evidence]]
        else:
            evidence = [[_item(statement_id, facts)] for statement_id in claim.evidence]
        rows.append(
            {
                "id": claim.id,
                "claim": claim_sentence(claim, facts),
                "label": label,
                "verifiable": "NOT VERIFIABLE" if label == NOT_ENOUGH_INFO else "VERIFIABLE",
                "review": review.id,
                "evidence": evidence,
            }
        )
    return rows
