"""Hostile input for the store's query path: a tampered candidate is refused by query()
itself (not only by get), and the cached time statement stays a few shapes."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

import ddfacts as d
from ddfacts.cli._base import load_all
from ddfacts.jsonio._files import to_json
from ddfacts.store import FactStore, StoreError, build_store
from ddfacts.store._decode import Decoder
from ddfacts.store._times import _statement, overlapping

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo" / "demo.facts.json"


@pytest.mark.parametrize(
    ("member", "field", "value"),
    [
        ("provenance", "recorded", "2012-13-03T16:15:00+00:00"),  # no 13th month
        ("provenance", "recorded", "2012-01-03T16:15:00+24:00"),  # no such offset
        ("as_of", "earliest", "2022-02-30"),  # no such day
    ],
)
def test_tampered_candidate_refused_by_query(
    tmp_path: Path, member: str, field: str, value: str
) -> None:
    """A claim a property+time query reads, changed after the build, raises StoreError
    naming the record: the fast decode and the re-filter never let it through."""
    path = tmp_path / "f.sqlite"
    build_store([DEMO], path)
    claim = next(
        r for r in load_all([str(DEMO)]) if isinstance(r, d.Claim) and r.as_of and r.property
    )
    changed = to_json(claim)
    changed[member] = {**changed.get(member, {}), field: value}
    text = json.dumps(changed)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE records SET json = ? WHERE id = ?", (text, claim.id))
    connection.close()
    with FactStore(path) as store:
        store._decode = Decoder(path, warm_up=0)
        with pytest.raises(StoreError, match=rf"{claim.id!r}.*{member}"):
            store.query(property=claim.property, at=claim.as_of)


def test_statement_cache_stays_small() -> None:
    """Thousands of distinct days and bounds make a bounded number of statement texts."""
    _statement.cache_clear()
    for year in range(1, 10000, 7):
        day = f"{year:04d}-06-15"
        overlapping(day, day, "p")
        overlapping(day, None)
        overlapping(None, day, "p")
    assert _statement.cache_info().currsize <= 2 * 2 * 2 * 25
