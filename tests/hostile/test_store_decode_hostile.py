"""Hostile input for the decoder's shared tables: floods stay bounded and linear, and
a tampered record that collapses to a value already shared is still refused."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import ddfacts as d
from ddfacts.cli._base import load_all
from ddfacts.jsonio._fast._load import structure_fast
from ddfacts.jsonio._fast._patterns import remembering
from ddfacts.jsonio._fast._shared import shared
from ddfacts.jsonio._files import to_json
from ddfacts.store import FactStore, StoreError, build_store
from ddfacts.store._decode import Decoder
from ddfacts.times import TimeSpan

from ._timing import assert_near_linear

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo" / "demo.facts.json"


def _days(count: int) -> list[dict[str, Any]]:
    """*count* distinct one-day spans (years 1000 onwards, one a day)."""
    import datetime as dt

    first = dt.date(1000, 1, 1)
    days = [(first + dt.timedelta(days=n)).isoformat() for n in range(count)]
    return [{"earliest": x, "latest": x, "precision": "day", "edtf": x} for x in days]


def test_flood_of_distinct_spans_linear() -> None:
    """Distinct spans past the table's limit cost the same each: no growth, no rehash storm."""
    build = shared(lambda v: TimeSpan.from_edtf(v["edtf"]), limit=64)  # every span misses

    def make(size: int) -> Callable[[], Any]:
        values = _days(size)
        return lambda: [build(v) for v in values]

    assert_near_linear(make, 1_000)


def test_flood_of_distinct_ids_linear_and_bounded() -> None:
    """A pattern test fed 20,000 distinct matching strings keeps at most its limit."""
    seen, match = remembering(re.compile(r"^actor:[a-z0-9-]+\Z"), 256)

    def make(size: int) -> Callable[[], Any]:
        ids = [f"actor:flood-{n}" for n in range(size)]
        return lambda: [match(x) for x in ids]

    assert_near_linear(make, 2_000)
    assert len(seen) <= 256


def test_duplicate_key_in_a_shared_span_refused(tmp_path: Path) -> None:
    """``as_of`` with a repeated key that would collapse to a shared span is refused."""
    path = tmp_path / "f.sqlite"
    build_store([DEMO], path)
    claim = next(
        r
        for r in load_all([str(DEMO)])
        if isinstance(r, d.Claim) and r.as_of is not None and r.as_of.resolved_against is None
    )
    good = to_json(claim)
    assert structure_fast(good) is not None  # its span is now in the shared table
    span = json.dumps(good["as_of"])
    twice = span[:-1] + f', "edtf": {json.dumps(good["as_of"]["edtf"])}}}'
    text = json.dumps(good).replace(span, twice)
    assert text != json.dumps(good)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE records SET json = ? WHERE id = ?", (text, claim.id))
    connection.close()
    with FactStore(path) as store:
        store._decode = Decoder(path, warm_up=0)
        with pytest.raises(StoreError, match=r"duplicate key 'edtf'"):
            store.get(claim.id)
