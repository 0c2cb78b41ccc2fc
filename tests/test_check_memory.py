"""``ddfacts check`` in bounded memory: the spilled run gives the report the in-memory run gives.

:class:`ddfacts.check.CheckRun` with ``spill=True`` (what the CLI uses)
keeps what the rules need in a private temporary SQLite database; with
``spill=False`` (what :func:`ddfacts.check` uses) in dicts and lists.  These
tests feed both the same records and compare the problems, on the demo,
seed and fixture fact files (the seeds also against their texts) and on a
generated set with contradictions planted, shuffled so that evidence and
groups' first claims come in any order; then they measure, with
:func:`sys.getallocatedblocks`, that the spilled run's memory does not grow with the
records fed while the in-memory one's does.
"""

from __future__ import annotations

import gc
import json
import random
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

import ddfacts
from ddfacts.check import CheckRun, _spill
from ddfacts.check._sorted import SortedProblems
from ddfacts.problems import Location, Problem
from ddfacts.records import Record
from ddfacts.textstore import TextLookup, TextStore
from ddfacts.validation import _spillmap
from ddfacts.vocabulary import default_vocabulary

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import _generate  # noqa: E402 - the benchmark folder is not a package

SEEDS = ROOT.parent / "shared" / "seeds"
FACT_FILES = sorted(
    [
        *(ROOT / "examples" / "seeds").glob("*.facts.json"),
        ROOT / "examples/demo/demo.facts.json",
        *(ROOT / "tests/fixtures/valid").glob("*.facts.json*"),
    ]
)


def _problems(
    records: Iterable[Record], *, spill: bool, texts: TextLookup | None = None
) -> list[Problem]:
    run = CheckRun(texts, default_vocabulary(), spill=spill)
    for record in records:
        assert run.add(record) is None
    return run.finish()


def _both(records: list[Record], texts: TextLookup | None = None) -> list[Problem]:
    kept = _problems(records, spill=False, texts=texts)
    spilled = _problems(records, spill=True, texts=texts)
    assert spilled == kept
    return spilled


@pytest.mark.parametrize("source", FACT_FILES, ids=lambda p: p.name)
def test_fact_files(source: Path) -> None:
    records = list(ddfacts.load(source))
    assert _both(records) == list(ddfacts.check(ddfacts.FactSet(records)))


@pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared/seeds")
def test_seed_files_with_texts() -> None:
    records = [record for source in FACT_FILES[:3] for record in ddfacts.load(source)]
    random.Random(19).shuffle(records)
    _both(records, TextStore(SEEDS))


def test_fixture_with_texts_and_a_moved_quote() -> None:
    path = ROOT / "tests/fixtures/valid/freedonia.facts.json"
    values = json.loads(path.read_text(encoding="utf-8"))["records"]
    moved = [value for value in values if value["type"] == "statement"][:2]
    for value in moved:
        value["anchor"]["start"] += 1
        value["anchor"]["end"] += 1
    records = [ddfacts.from_json(value) for value in values]
    random.Random(2).shuffle(records)
    problems = _both(records, TextStore(ROOT / "tests/fixtures/texts"))
    assert "anchor.mismatch" in {problem.code for problem in problems}


def _planted(count: int, seed: int) -> list[dict[str, Any]]:
    """Generated records, with a clashing twin of some single-valued claims."""
    rng = random.Random(seed)
    values = list(_generate.records(count, seed=seed))
    twins = []
    for value in values:
        if value["type"] != "claim" or rng.random() > 0.3:
            continue
        twin = {**value, "id": value["id"] + "-twin"}
        if "quantity" in value["value"]:
            amount = 10**9 + rng.randrange(1000)
            unit = value["value"]["quantity"]["unit"]
            bounds = {"amount": amount, "lower": amount, "upper": amount}
            twin["value"] = {"quantity": {"qualifier": "exact", "unit": unit, **bounds}}
        elif "entity" in value["value"]:
            twin["value"] = {"entity": value["subject"]}
        if rng.random() < 0.5:  # a second voice: a warning, not an error
            twin["speaker"] = value["subject"]
        if rng.random() < 0.3:  # timeless pairs
            value.pop("as_of")
            twin.pop("as_of", None)
        twins.append(twin)
    return values + twins


def test_generated_with_contradictions_planted() -> None:
    records = [ddfacts.from_json(value) for value in _planted(1200, 19)]
    random.Random(19).shuffle(records)
    problems = _both(records)
    codes = [problem.code for problem in problems]
    assert codes.count("check.contradiction") > 20
    assert "check.unsupported" in codes
    severities = {p.severity.value for p in problems if p.code == "check.contradiction"}
    assert severities == {"warning", "error"}


def _fed(count: int, seed: int) -> Iterator[Record]:
    for value in _generate.records(count, seed=seed):
        yield ddfacts.from_json(value)


def _growth(spill: bool, small: int, large: int) -> int:
    """Memory blocks the run holds after *large* records beyond what it held after *small*."""
    run = CheckRun(None, default_vocabulary(), spill=spill)
    held = []
    for number, record in enumerate(_fed(large, 7), 1):
        run.add(record)
        if number in (small, large):
            gc.collect()
            held.append(sys.getallocatedblocks())
    run.finish()
    return held[1] - held[0]


def test_spilled_memory_does_not_grow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_spill, "BATCH", 100)
    kept = _growth(False, 500, 2000)
    spilled = _growth(True, 500, 2000)
    assert kept > 5_000  # the in-memory run holds what the rules need...
    assert spilled < kept // 10  # ...the spilled one does not
    print(f"blocks held by 1500 more records: in memory {kept}, spilled {spilled}")


def _problem_blocks(count: int) -> int:
    """Memory blocks held by a SortedProblems after *count* problems beyond an empty one."""
    with SortedProblems() as found:
        gc.collect()
        before = sys.getallocatedblocks()
        for number in range(count):
            where = Location(file="a.jsonl", line=count - number, pointer="/value")
            found.add(
                Problem(code="check.unsupported", severity="error", message="m", location=where)
            )
        gc.collect()
        held = sys.getallocatedblocks() - before
        assert sum(1 for _ in found) == count
    return held


def test_problems_sorted_on_disk_do_not_grow(monkeypatch: pytest.MonkeyPatch) -> None:
    """The report's problems are held on disk: 3000 more cost (next to) nothing in memory."""
    monkeypatch.setattr(_spillmap, "_BATCH", 100)  # the batch SortedProblems writes in
    few, many = _problem_blocks(200), _problem_blocks(3200)
    # Held in a list, 3000 problems are 3000 Problems and 3000 Locations at least.
    assert many - few < 1000
