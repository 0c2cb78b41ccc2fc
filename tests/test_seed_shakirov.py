"""Seed 002 (Shakirov) holds what the text says in the 1.1 forms, without loss.

Each test names the audit bullet of issue 16 it covers; the records are read
from the committed fact files (no seed text needed).
"""

from __future__ import annotations

import ddfacts
from ddfacts import Claim, Quantity, Rank

from .conftest import ROOT

SEEDS = ROOT / "examples" / "seeds"
KEY = "claim:shakirov-digital-diplomacy-2016/"


def _claims() -> dict[str, Claim]:
    facts = ddfacts.load(SEEDS / "shakirov-digital-diplomacy-2016.facts.json")
    return {c.id.removeprefix(KEY): c for c in facts.claims}


CLAIMS = _claims()


def test_counts_with_a_condition_refine_each_other() -> None:
    """ "15 missions over 5,000 followers and 6 of them over 10,000": conditions, a refinement."""
    fifteen, six = CLAIMS["missions-over-5000"], CLAIMS["missions-over-10000"]
    assert fifteen.subject == six.subject == "actor:russian-diplomatic-network"
    assert fifteen.where is not None and six.where is not None
    assert (fifteen.where.value.lower, six.where.value.lower) == (5000, 10000)
    assert six.refines == fifteen.id
    facts = ddfacts.load(SEEDS / "shakirov-digital-diplomacy-2016.facts.json")
    assert not [a for a in facts.actors if "over-5000" in a.id or "over-10000" in a.id]


def test_ranks_are_positions_in_declared_rankings() -> None:
    """Ranks are Rank values; no free-text ``ranking`` qualifier is left."""
    ranked = {k: c.value for k, c in CLAIMS.items() if c.property == "rank"}
    ranks = {k: v for k, v in ranked.items() if isinstance(v, Rank)}
    assert ranks and len(ranks) == len(ranked)
    assert not [k for k, c in CLAIMS.items() if "ranking" in c.qualifiers]
    first = ranks["nato-mission-top-of-list"]
    assert ranks["uk-embassy-rank"].ranking == ranks["japan-embassy-rank"].ranking == first.ranking
    impact = ranks["uk-embassy-impact-rank"]
    assert (impact.position, impact.ranking.measure) == (1, "impact")
    three = [ranks[f"{k}-mission-rank"] for k in ("us", "un", "tr")]
    assert [r.position for r in three] == [1, 2, 3]
    assert len(three[0].ranking.among) == 3 and three[0].ranking != first.ranking


def test_member_figures_are_not_the_networks() -> None:
    """ "each at most 150, except Kuwait" and "an average mission" say which members."""
    each = CLAIMS["embassy-instagram-subscribers"].members
    assert each is not None and each.scope.value == "each"
    assert each.excluding == ("actor:russian-embassy-kuwait",)
    average = CLAIMS["average-mission-followers"].members
    assert average is not None and average.scope.value == "average"


def test_catch_alls_are_propositions() -> None:
    """No ``stance`` is left; Putin's words are propositions about the West, his voice."""
    assert not [k for k, c in CLAIMS.items() if c.property == "stance"]
    putin = CLAIMS["putin-information-attacks"]
    assert putin.proposition is not None and putin.property is None
    assert putin.speaker == "actor:vladimir-putin"
    assert "actor:the-west" in putin.proposition.about
    venue = CLAIMS["unga-session-71"]
    assert venue.property is None and venue.proposition is not None


def test_negation_hedge_and_rounding() -> None:
    """ "not on Twitter" is negated; "almost exclusively" kept; rounded figures say so."""
    china = CLAIMS["china-embassy-not-on-twitter"].attribution
    assert china is not None and china.negated and not china.hedged
    japan = CLAIMS["japan-embassy-language"].attribution
    assert japan is not None and japan.hedge == "almost exclusively"
    for key, unit in (("mfa-instagram-subscribers", 100), ("nato-mission-followers", 1000)):
        value = CLAIMS[key].value
        assert isinstance(value, Quantity) and value.rounded_to == unit


def test_counts_under_different_conditions_are_not_one_value() -> None:
    """Validation groups single-valued figures by their members and condition too."""
    report = ddfacts.validate(
        [SEEDS / "shakirov-digital-diplomacy-2016.facts.json", SEEDS / "actors.facts.json"]
    )
    assert not [p for p in report if p.code == "meaning.single-valued"], report.render_text()
