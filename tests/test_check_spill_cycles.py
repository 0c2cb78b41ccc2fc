"""The cycle rule on disk (issue 19): the spilled run finds the cycles the in-memory one finds.

With ``spill=True`` a :class:`ddfacts.check.CheckRun` keeps the derivation
links in its SQLite database and finds the cycles there
(:mod:`ddfacts.check._links`: prune the nodes that reach no cycle, walk the
rest by indexed queries).  These tests hold it to
:func:`~ddfacts.validation._cycles.find_cycles` over a dict: on random graphs
(duplicate ids, dangling targets, self-loops, repeated links), on the demo
and seed fact files and a generated set with cycles planted, and through
``ddfacts check``'s JSON report.  The 100,000-link chains are in
``tests/hostile/test_check_cycles_hostile.py``.
"""

from __future__ import annotations

import contextlib
import io
import json
import random
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ddfacts
from ddfacts.check import CheckRun, _links
from ddfacts.check._keep import Keeper, MemoryKeeper
from ddfacts.check._spill import SpillKeeper
from ddfacts.cli import main
from ddfacts.cli._check import _check_files
from ddfacts.cli._reporters import REPORTERS
from ddfacts.problems import Problem, Report
from ddfacts.validation._cycles import find_cycles
from ddfacts.vocabulary import default_vocabulary

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import _generate  # noqa: E402 - the benchmark folder is not a package

FACT_FILES = sorted(
    [*(ROOT / "examples" / "seeds").glob("*.facts.json"), ROOT / "examples/demo/demo.facts.json"]
)

Links = list[tuple[str, list[str]]]


def _cycles(keeper: Keeper, links: Links) -> list[list[str]]:
    for ordinal, (record_id, targets) in enumerate(links):
        keeper.keep_links(record_id, ordinal, targets)
    try:
        return list(keeper.cycles())
    finally:
        keeper.close()


def _as_dict(links: Links) -> dict[str, list[str]]:
    """The links as the first ``CheckRun`` held them: each id's last links, at its first place."""
    edges: dict[str, list[str]] = {}
    for record_id, targets in links:
        edges[record_id] = targets
    return edges


_ids = st.sampled_from([f"claim:c{number}" for number in range(12)])


@settings(max_examples=100)
@given(st.lists(st.tuples(_ids, st.lists(_ids, min_size=1, max_size=4)), max_size=30))
def test_random_graphs(links: Links) -> None:
    expected = list(find_cycles(_as_dict(links)))
    assert _cycles(MemoryKeeper(), links) == expected
    assert _cycles(SpillKeeper(), links) == expected
    wide = _links.WIDE
    _links.WIDE = 1  # prune round after round, down to the nodes that reach a cycle
    try:
        assert _cycles(SpillKeeper(), links) == expected
    finally:
        _links.WIDE = wide


def test_the_shapes_the_dict_finder_is_known_by() -> None:
    links: Links = [
        ("a", ["b"]),
        ("b", ["a", "c"]),
        ("c", ["a"]),
        ("d", ["d"]),
        ("e", ["zz"]),
        ("f", ["b"]),
    ]
    assert _cycles(SpillKeeper(), links) == [["a", "b"], ["a", "b", "c"], ["d"]]
    # Entered from a record that is on no cycle, the cycle starts where the walk came in.
    entered: Links = [("p", ["c"]), ("b", ["c"]), ("c", ["b"])]
    assert _cycles(SpillKeeper(), entered) == [["c", "b"]] == list(find_cycles(_as_dict(entered)))


def test_a_later_record_with_the_id_replaces_the_links_in_the_first_place() -> None:
    links: Links = [("x", ["y"]), ("y", ["z"]), ("z", ["q"]), ("x", ["z"]), ("z", ["y"])]
    expected = list(find_cycles(_as_dict(links)))
    assert expected == [["z", "y"]]  # x -> z (its second links), z -> y, y -> z
    assert _cycles(SpillKeeper(), links) == expected


def test_no_links_no_cycles() -> None:
    assert _cycles(SpillKeeper(), []) == []
    assert _cycles(SpillKeeper(), [("a", ["b"]), ("b", ["c"])]) == []


def _planted(values: list[dict[str, Any]], seed: int) -> list[dict[str, Any]]:
    """*values* with derivation links: rings, self-loops, chains into rings and out of them."""
    rng = random.Random(seed)
    ids = [value["id"] for value in values]
    links: dict[str, list[str]] = {}
    for _ in range(max(3, len(ids) // 8)):
        length = rng.randint(1, 5)
        ring = rng.sample(ids, min(length, len(ids)))
        for here, there in zip(ring, [*ring[1:], ring[0]], strict=True):
            links.setdefault(here, []).append(there)
    for _ in range(len(ids) // 4):
        links.setdefault(rng.choice(ids), []).append(rng.choice([*ids, "source:gone"]))
    out = []
    for value in values:
        targets = links.get(value["id"], [])
        if targets:
            provenance = value.setdefault("provenance", {})
            provenance["derived_from"] = [
                {"kind": "derived_from", "target": target} for target in targets
            ]
        out.append(value)
    rng.shuffle(out)
    return out


def _problems(values: Iterable[dict[str, Any]], spill: bool) -> list[Problem]:
    run = CheckRun(None, default_vocabulary(), spill=spill)
    for value in values:
        run.add(ddfacts.from_json(value))
    return run.finish()


def _compare(values: list[dict[str, Any]]) -> list[Problem]:
    kept = _problems(values, spill=False)
    assert _problems(values, spill=True) == kept
    found = [item for item in kept if item.code == "meaning.cycle"]
    assert found, "the planted links should make cycles"
    return found


@pytest.mark.parametrize("source", FACT_FILES, ids=lambda path: path.name)
def test_fact_files_with_cycles_planted(source: Path) -> None:
    values = [ddfacts.to_json(record) for record in ddfacts.load(source)]
    _compare(_planted(values, seed=len(values)))


def test_generated_set_with_cycles_planted() -> None:
    _compare(_planted(list(_generate.records(800, seed=19)), seed=19))


def _report(path: Path, spill: bool) -> str:
    """``ddfacts check``'s JSON report on *path*, what the rules keep spilled or in memory."""
    run = CheckRun(None, default_vocabulary(), spill=spill)
    origins = _check_files([str(path)], run)
    return REPORTERS["json"](Report([origins.relocate(found) for found in run.finish()]))


def test_the_json_report_is_byte_for_byte_the_in_memory_one(tmp_path: Path) -> None:
    values = _planted(list(_generate.records(600, seed=7)), seed=7)
    path = tmp_path / "cycles.jsonl"
    path.write_text("".join(json.dumps(value) + "\n" for value in values), encoding="utf-8")
    spilled = _report(path, spill=True)
    assert spilled == _report(path, spill=False)
    assert '"meaning.cycle"' in spilled
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", str(path), "--format", "json"])
    assert out.getvalue().rstrip("\n") == spilled.rstrip("\n")
