"""Hostile 1.1 claim parts in the outputs: propositions and hedges are escaped where they land."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import ddfacts as d
from ddfacts.export import csv_tables, to_prov_json

from .._facts11 import facts11

SCRIPT = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://evil.example","x")'


def _hostile() -> d.FactSet:
    claim = facts11().get("claim:words", d.Claim)
    assert claim is not None and claim.proposition is not None and claim.attribution is not None
    claim = attrs.evolve(
        claim,
        proposition=attrs.evolve(claim.proposition, text=SCRIPT),
        attribution=attrs.evolve(claim.attribution, hedge=FORMULA),
    )
    return facts11().replace(claim)


def test_html_escapes_propositions_and_hedges(tmp_path: Path) -> None:
    """A proposition holding markup is shown as text in the claims page."""
    pytest.importorskip("jinja2")
    from ddfacts.html import build

    build(_hostile(), None, tmp_path / "site")
    page = (tmp_path / "site" / "claims.html").read_text(encoding="utf-8")
    assert SCRIPT not in page
    assert "&lt;script&gt;" in page


def test_csv_defuses_a_formula_in_a_hedge() -> None:
    """A hedge that starts like a formula is written with a quote in front."""
    claims = csv_tables(_hostile())["claims.csv"]
    assert "'=HYPERLINK" in claims
    assert ",=HYPERLINK" not in claims


def test_a_long_chain_exports_in_linear_size() -> None:
    """Every hop adds a bounded number of PROV nodes and relations."""
    claim = facts11().get("claim:words", d.Claim)
    assert claim is not None and claim.attribution is not None
    sizes = []
    for length in (50, 100):
        hops = [d.Hop(by="actor:tass", mode="reports")] * length
        longer = attrs.evolve(claim, attribution=attrs.evolve(claim.attribution, chain=hops))
        document = to_prov_json(facts11().replace(longer))
        sizes.append(len(document["entity"]) + len(document["wasDerivedFrom"]))
    assert sizes[1] - sizes[0] == 2 * 50
