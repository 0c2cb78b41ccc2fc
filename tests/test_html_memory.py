"""The site build's one pass keeps no per-statement summaries: the anchors level spills them.

``problems_of(..., spill=True)`` (what :mod:`ddfacts.html._gather` runs) must
give the anchors level's problems of ``spill=False``, in the same order, while
holding no summary in memory once a record has gone by.  Compared here on the
fixtures, the demo and the seeds, and on generated sets where statements
come before their source, name a source no record has, or share a source id
with a duplicate source.
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ddfacts
from ddfacts.jsonio._codec import unstructure
from ddfacts.jsonio._reader import Parsed
from ddfacts.problems import ALL_LEVELS, Location, Problem
from ddfacts.validation import _anchorspill, _spillmap
from ddfacts.validation._anchorspill import AnchorSpill
from ddfacts.validation._pass import rows
from ddfacts.validation._record import RecordSummary, summarize
from ddfacts.validation._run import parse_levels, problems_of
from ddfacts.vocabulary import default_vocabulary

from .test_validation_stream import _records as _fixture_records

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
DEMO = ROOT / "examples" / "demo"
SEED_FACTS = ROOT / "examples" / "seeds"
VOCAB = default_vocabulary()
LEVELS = parse_levels(ALL_LEVELS)

TEXT = "The embassy said it has more than 9,000 followers. Привет <script>&amp;</script> 🙂."


class Texts:
    """A text store over a dict: source id -> text (None: no text)."""

    def __init__(self, texts: dict[str, str | None]) -> None:
        self._texts = texts

    def get(self, source: ddfacts.Source) -> str | None:
        return self._texts.get(source.id)


def _parsed(values: Iterable[Any]) -> Iterator[Parsed]:
    for ordinal, value in enumerate(values):
        yield Parsed(value, None, None, f"/records/{ordinal}", None)


def _problems(values: list[Any], texts: Any, *, spill: bool) -> list[Problem]:
    checked = rows(_parsed(values), VOCAB, LEVELS, True)
    return list(problems_of(checked, VOCAB, LEVELS, store=texts, spill=spill))


def _same(values: list[Any], texts: Any) -> list[Problem]:
    kept = _problems(values, texts, spill=False)
    assert _problems(values, texts, spill=True) == kept
    return kept


def _jsonl(path: Path) -> list[Any]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_fixtures_spilled_alike() -> None:
    """Every anchors fixture, as one run with a text per source: the same problems."""
    values = [v for p in sorted((FIXTURES / "anchors").glob("*.jsonl")) for v in _jsonl(p)]
    texts: dict[str, str | None] = {"source:freedonia": "The Consuls of Freedonia say so."}
    found = _same(values, Texts(texts))
    assert {p.code for p in found} >= {"source.hash-mismatch"}


@pytest.mark.parametrize("batch", [3, 10_000])
def test_every_fixture_record_spilled_alike(batch: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """All fixture records as one run (duplicate ids, forward and dangling references,
    single-valued clashes, refinements, cycles): the spilled whole-set pass agrees, its
    writes read back from the disk (a batch of 3) or still waiting (a batch of 10,000)."""
    monkeypatch.setattr(_spillmap, "_BATCH", batch)
    monkeypatch.setattr(_anchorspill, "_BATCH", batch)
    values = _fixture_records()
    found = _same(values, None)
    codes = {p.code for p in found}
    assert {"ref.duplicate-id", "ref.missing"} <= codes
    _same(values[::-1], None)


def test_demo_and_seeds_spilled_alike() -> None:
    """The demo and the seed fact files (with their texts when present): the same problems."""
    demo = [unstructure(r) for r in ddfacts.load(DEMO / "demo.facts.json")]
    _same(demo, ddfacts.TextStore(DEMO))
    seeds = ROOT.parent / "shared" / "seeds"
    values = [
        unstructure(r) for p in sorted(SEED_FACTS.glob("*.facts.json")) for r in ddfacts.load(p)
    ]
    _same(values, ddfacts.TextStore(seeds) if seeds.is_dir() else Texts({}))


def _source(source_id: str, text: str | None, *, length: int | None = None) -> dict[str, Any]:
    record: dict[str, Any] = {"type": "source", "id": source_id, "title": "t"}
    if text is not None:
        record["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        record["length"] = len(text) if length is None else length
    return record


def _statement(n: int, source_id: str, start: int, end: int) -> dict[str, Any]:
    exact = TEXT[start:end] or "x"
    anchor = {"start": start, "end": end, "exact": exact, "prefix": TEXT[max(0, start - 3) : start]}
    return {"type": "statement", "id": f"statement:s{n}", "source": source_id, "anchor": anchor}


SOURCE_IDS = ["source:a", "source:b", "source:c", "source:\ud800x", "nosource", "source:a"]


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Spill batches of 3 rows, so that small runs read their answers back from the disk."""
    monkeypatch.setattr(_spillmap, "_BATCH", 3)
    monkeypatch.setattr(_anchorspill, "_BATCH", 3)


@st.composite
def anchored_sets(draw: st.DrawFn) -> tuple[list[Any], dict[str, str | None]]:
    """Sources and statements in any order: duplicates, orphans, bad ids, wrong spans."""
    texts: dict[str, str | None] = {"source:a": TEXT, "source:b": TEXT[:-3], "source:c": None}
    texts["source:\ud800x"] = TEXT
    values: list[Any] = []
    for source_id in draw(st.lists(st.sampled_from(SOURCE_IDS), max_size=5)):
        length = draw(st.one_of(st.none(), st.integers(0, 200)))
        values.append(_source(source_id, texts.get(source_id) or TEXT, length=length))
    spans = st.tuples(st.integers(0, len(TEXT) + 5), st.integers(0, 8))
    for n, (source_id, (start, width)) in enumerate(
        draw(st.lists(st.tuples(st.sampled_from(SOURCE_IDS), spans), max_size=8))
    ):
        values.append(_statement(n, source_id, start, start + width))
    return draw(st.permutations(values)), texts


@settings(max_examples=80)
@given(anchored_sets())
def test_any_order_spilled_alike(case: tuple[list[Any], dict[str, str | None]]) -> None:
    """Whatever the order of sources and statements: the same problems, in the same order."""
    values, texts = case
    _same(values, Texts(texts))


def _summaries_alive() -> int:
    gc.collect()
    return sum(1 for item in gc.get_objects() if isinstance(item, RecordSummary))


def test_spill_holds_no_summary() -> None:
    """Once the last record has gone into a spilled run, no summary is left in memory."""
    values = [_source("source:a", TEXT)] + [_statement(n, "source:a", 4, 11) for n in range(300)]
    before = _summaries_alive()
    seen: list[int] = []

    def watched() -> Iterator[Parsed]:
        yield from _parsed(values)
        seen.append(_summaries_alive() - before)

    checked = rows(watched(), VOCAB, LEVELS, True)
    found = list(problems_of(checked, VOCAB, LEVELS, store=Texts({"source:a": TEXT}), spill=True))
    assert found == []
    assert len(seen) == 1 and seen[0] <= 1  # the row being read, at most


def test_spill_groups_one_source_at_a_time() -> None:
    """The spill gives back each source with its own statements only, sources in order."""
    spill = AnchorSpill()
    try:
        location = Location(pointer="/records/0")
        for value in [_statement(0, "source:b", 0, 3), _source("source:a", TEXT)]:
            spill.add(_summary_of(value, location))
        groups = [(source_id, len(statements)) for source_id, _, statements in spill.groups()]
    finally:
        spill.close()
    assert groups == [("source:a", 0), ("source:b", 1)]


def _summary_of(value: Any, location: Location) -> RecordSummary:
    return summarize(value, location)
