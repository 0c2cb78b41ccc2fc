"""Hostile input to the site build's spilled validation pass (ids, numbers, pointers, sizes).

The spilled run (``problems_of(..., spill=True)``, what ``ddfacts html``
runs) keeps ids, claim groups and anchors-level summaries in SQLite: ids
SQLite text would refuse (lone surrogates, NUL), numbers past 64 bits,
pointers that only look like ``/records/N``, and thousands of sources no
record defines must give the problems the in-memory run gives, in the same
order, in linear time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from ddfacts.problems import Location, Problem
from ddfacts.validation import _anchorspill, _spillmap
from ddfacts.validation._places import Places

from ..test_html_memory import TEXT, Texts, _problems, _source, _statement
from ._timing import assert_near_linear


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Spill batches of 3 rows, so that every answer is read back from the disk."""
    monkeypatch.setattr(_spillmap, "_BATCH", 3)
    monkeypatch.setattr(_anchorspill, "_BATCH", 3)


def _same(values: list[Any], texts: Any) -> list[Problem]:
    kept = _problems(values, texts, spill=False)
    assert _problems(values, texts, spill=True) == kept
    return kept


HOSTILE_IDS = [
    "source:\ud800",
    "source:a\x00b",
    "source:" + "x" * 5000,
    "source:é",
    "source:e\u0301",
]


def test_hostile_source_ids() -> None:
    """Surrogates, NUL, very long and look-alike ids: each its own source, as in memory."""
    values: list[Any] = []
    texts: dict[str, str | None] = {}
    for n, source_id in enumerate(HOSTILE_IDS):
        texts[source_id] = TEXT if n % 2 else None
        values.append(_statement(n, source_id, 4, 11))
        values.append(_source(source_id, TEXT))
    values.append({"type": "claim", "id": "claim:\udfff", "subject": "actor:\ud800"})
    found = _same(values, Texts(texts))
    assert found


def test_numbers_past_64_bits() -> None:
    """Lengths and offsets SQLite could not hold as integers go through as they are."""
    big = 2**70
    source = _source("source:a", TEXT, length=big)
    statement = _statement(1, "source:a", 4, 11)
    statement["anchor"] |= {"start": big, "end": big + 3}
    _same([source, statement], Texts({"source:a": TEXT}))


@pytest.mark.parametrize(
    "pointer",
    ["/records/007", "/records/" + "9" * 30, "/records/١٢", "/records/-1", "/records/", "/x/3"],
)
def test_pointers_that_look_like_record_numbers(pointer: str) -> None:
    """Only a plain ``/records/N`` is kept as a number; any other comes back as written."""
    places = Places()
    places.add(0, "f.json", None, "/records/0")
    places.add(1, "f.json", None, pointer)
    places.add(2, "f.json", None, "")
    places.add(3, "f.json", None, "/records/12")
    assert [places[n][2] for n in range(4)] == ["/records/0", pointer, "", "/records/12"]
    assert places.location(1) == Location(file="f.json", pointer=pointer)


def _orphans(count: int) -> Callable[[], object]:
    values = [_statement(n, f"source:s{n}", 4, 11) for n in range(count)]
    texts = Texts({})
    return lambda: _problems(values, texts, spill=True)


def test_many_sources_no_record_defines_is_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    """Thousands of statements, each naming a source no record defines: linear time."""
    monkeypatch.setattr(_spillmap, "_BATCH", 2000)
    monkeypatch.setattr(_anchorspill, "_BATCH", 2000)
    assert_near_linear(_orphans, 200, factor=5, max_ratio=10.0)
