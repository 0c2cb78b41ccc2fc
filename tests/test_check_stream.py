"""``ddfacts check`` streams JSON Lines: the FactSet path's report, and no records kept.

The CLI feeds records one by one to :class:`ddfacts.check.CheckRun`;
:func:`ddfacts.check` feeds a FactSet's records to the same run.  These
tests compare the CLI's report on JSON Lines with :func:`ddfacts.check` on
the loaded FactSet, relocated by hand (record *n* of a file written without
blank lines is on line *n* + 1), on the demo and seed fact files and on
generated records shuffled so that evidence comes after the claims citing it.
"""

from __future__ import annotations

import contextlib
import gc
import io
import json
import random
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

import ddfacts
from ddfacts.check import CheckRun
from ddfacts.cli import main
from ddfacts.cli._check import _check_files
from ddfacts.cli._reporters import REPORTERS
from ddfacts.problems import Location, Report
from ddfacts.records import Record
from ddfacts.textstore import TextStore
from ddfacts.vocabulary import default_vocabulary

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import _generate  # noqa: E402 - the benchmark folder is not a package

SEEDS = ROOT.parent / "shared" / "seeds"
FACT_FILES = sorted(
    [*(ROOT / "examples" / "seeds").glob("*.facts.json"), ROOT / "examples/demo/demo.facts.json"]
)


def _cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", *argv, "--format", "json"])
    return code, out.getvalue()


def _expected(path: Path, texts: Any = None) -> str:
    """The FactSet path's report on a JSON Lines file with no blank lines, located by line."""
    report = ddfacts.check(ddfacts.load(path), texts=texts)
    relocated = []
    for problem in report:
        pointer = problem.location.pointer
        _, _, ordinal, *rest = pointer.split("/", 3)
        where = Location(
            file=str(path), line=int(ordinal) + 1, pointer="/" + rest[0] if rest else ""
        )
        relocated.append(attrs.evolve(problem, location=where))
    return REPORTERS["json"](Report(relocated))


def _as_jsonl(records: list[Record], path: Path) -> Path:
    path.write_text(ddfacts.dumps(records, jsonl=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("source", FACT_FILES, ids=lambda p: p.name)
def test_fact_files_as_json_lines(source: Path, tmp_path: Path) -> None:
    path = _as_jsonl(list(ddfacts.load(source)), tmp_path / (source.stem + ".jsonl"))
    _code, out = _cli(str(path))
    assert out == _expected(path)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared/seeds")
def test_seed_files_with_texts(tmp_path: Path) -> None:
    records = [record for source in FACT_FILES[:-1] for record in ddfacts.load(source)]
    random.Random(3).shuffle(records)  # sources and statements after the claims citing them
    path = _as_jsonl(records, tmp_path / "seeds.jsonl")
    _code, out = _cli(str(path), "--texts", str(SEEDS))
    assert out == _expected(path, TextStore(SEEDS))


def test_moved_evidence_with_texts(tmp_path: Path) -> None:
    document = json.loads((ROOT / "examples/demo/demo.facts.json").read_text(encoding="utf-8"))
    records = document["records"]
    moved = [record for record in records if record["type"] == "statement"][:2]
    for record in moved:
        record["anchor"]["start"] += 1
        record["anchor"]["end"] += 1
    random.Random(1).shuffle(records)
    path = tmp_path / "moved.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    _code, out = _cli(str(path), "--texts", str(ROOT / "examples/demo"))
    assert "anchor.mismatch" in out
    assert out == _expected(path, TextStore(ROOT / "examples/demo"))


def _generated(count: int, seed: int) -> list[Record]:
    return [ddfacts.from_json(value) for value in _generate.records(count, seed=seed)]


@pytest.mark.parametrize("seed", [0, 1])
def test_generated_records_shuffled(seed: int, tmp_path: Path) -> None:
    records = _generated(3000, seed)
    random.Random(seed).shuffle(records)
    path = _as_jsonl(records, tmp_path / "generated.jsonl")
    code, out = _cli(str(path))
    problems = json.loads(out)
    assert problems, "the generated records should give the rules something to find"
    assert {item["code"] for item in problems} >= {"check.unsupported"}
    assert out == _expected(path)
    assert code == (1 if any(p["severity"] == "error" for p in problems) else 0)


def test_derivation_cycles(tmp_path: Path) -> None:
    values = list(_generate.records(400, seed=6))
    ids = [value["id"] for value in values]
    # a -> b -> c -> a, a self-loop, a link out of any cycle, and records derived from nothing.
    links = {ids[10]: [ids[50]], ids[50]: [ids[90]], ids[90]: [ids[10]], ids[120]: [ids[120]]}
    links[ids[130]] = [ids[10]]
    for value in values:
        provenance = value.setdefault("provenance", {})
        provenance["derived_from"] = [
            {"kind": "derived_from", "target": target} for target in links.get(value["id"], [])
        ]
    records = [ddfacts.from_json(value) for value in values]
    random.Random(6).shuffle(records)
    path = _as_jsonl(records, tmp_path / "cycles.jsonl")
    _code, out = _cli(str(path))
    assert out.count("meaning.cycle") == 2
    assert out == _expected(path)


def test_files_in_order_match_one_factset(tmp_path: Path) -> None:
    """Records split over a document and JSON Lines: located in their own files."""
    records = _generated(600, 2)
    first = tmp_path / "a.json"
    first.write_text(ddfacts.dumps(records[:250]), encoding="utf-8")
    second = _as_jsonl(records[250:], tmp_path / "b.jsonl")
    _code, out = _cli(str(first), str(second))
    report = ddfacts.check(ddfacts.FactSet(records))
    expected = []
    for problem in report:
        _, _, ordinal, *rest = problem.location.pointer.split("/", 3)
        number, tail = int(ordinal), "/" + rest[0] if rest else ""
        where = (
            Location(file=str(first), pointer=f"/records/{number}{tail}")
            if number < 250
            else Location(file=str(second), line=number - 250 + 1, pointer=tail)
        )
        expected.append(attrs.evolve(problem, location=where))
    assert out == REPORTERS["json"](Report(expected))


def test_duplicates_are_refused_as_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = _generated(50, 4)
    within = _as_jsonl([*records, records[3]], tmp_path / "within.jsonl")
    assert main(["check", str(within)]) == 2
    assert f"duplicate record id {records[3].id!r}" in capsys.readouterr().err
    other = _as_jsonl(records[3:5], tmp_path / "other.jsonl")
    alone = _as_jsonl(records, tmp_path / "alone.jsonl")
    assert main(["check", str(alone), str(other)]) == 2
    assert f"duplicate record id {records[3].id!r}" in capsys.readouterr().err


def _reachable_records(root: object) -> list[Record]:
    """Every record object reachable from *root* through references."""
    seen: set[int] = set()
    stack = [root]
    found: list[Record] = []
    while stack:
        item = stack.pop()
        if id(item) in seen or isinstance(item, type):
            continue
        seen.add(id(item))
        if isinstance(item, Record):
            found.append(item)
            continue
        stack.extend(gc.get_referents(item))
    return found


def test_the_run_holds_no_records(tmp_path: Path) -> None:
    records = _generated(2000, 5)
    random.Random(5).shuffle(records)
    path = _as_jsonl(records, tmp_path / "generated.jsonl")
    del records
    run = CheckRun(None, default_vocabulary())
    origins = _check_files([str(path)], run)
    assert _reachable_records(run) == []
    assert _reachable_records(origins) == []
    assert run.finish()
