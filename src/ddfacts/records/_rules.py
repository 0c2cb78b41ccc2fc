"""The rules a record part keeps on its own: a review's rating and its scale.

A rule is a plain function of raw values that returns what is wrong, as a
sentence, or None when the rule holds.  The record class raises ValueError
with that sentence; validation reports it as a located problem
(``meaning.rating-scale``); the fast validation pass only asks whether it
holds.  This module imports nothing of ddfacts, so the record classes and
validation can both import it.
"""

from __future__ import annotations

__all__ = ["rating_scale", "rating_value"]


def rating_scale(best: float, worst: float) -> str | None:
    """The scale is not empty: ``best != worst``."""
    if best == worst:
        return f"the scale {worst}..{best} is empty; expected best != worst"
    return None


def rating_value(value: float, best: float, worst: float) -> str | None:
    """The rating lies on its scale, between ``worst`` and ``best`` (either way round)."""
    if not min(best, worst) <= value <= max(best, worst):
        return f"rating {value} lies outside its scale {worst}..{best}"
    return None
