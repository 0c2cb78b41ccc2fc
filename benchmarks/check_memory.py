"""``ddfacts check``'s peak memory: kept in memory (before) against spilled to disk, side by side.

    python benchmarks/check_memory.py                          # 200,000 records
    python benchmarks/check_memory.py --records 200000 1000000

One run writes a seeded, clean JSON Lines file per size (``_generate.py``),
then runs each step in a fresh process and prints its seconds and peak
resident memory (``ru_maxrss`` from ``os.wait4``):

``read``     the records streamed through :func:`~ddfacts.jsonio._run.stream_files`
             with nothing kept: the floor any streamed check stands on.
``memory``   the rules with what they keep in dicts and lists
             (``CheckRun(spill=False)``): what ``ddfacts check`` did before.
``spill``    ``ddfacts check --format json`` as shipped: what the rules keep
             goes to a private temporary SQLite database (``spill=True``).

Both checks write the JSON report; the run says whether the two reports are
byte for byte the same (their SHA-256 and problem counts are printed).
Needs only the standard library and ddfacts.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _generate  # noqa: E402 - the benchmark folder is not a package
from _child import run_child  # noqa: E402

STEPS = ("read", "memory", "spill")


def _child(step: str, facts: Path, out: Path) -> None:
    """One step in this process; prints a JSON line of what it measured."""
    from ddfacts.check import CheckRun
    from ddfacts.cli import main
    from ddfacts.cli._check import _check_files
    from ddfacts.cli._reporters import REPORTERS
    from ddfacts.jsonio._run import stream_files
    from ddfacts.problems import Report
    from ddfacts.vocabulary import default_vocabulary

    start = time.perf_counter()
    if step == "read":
        stream_files([str(facts)], lambda _record: None)
    elif step == "memory":
        run = CheckRun(None, default_vocabulary(), spill=False)
        origins = _check_files([str(facts)], run)
        report = Report([origins.relocate(problem) for problem in run.finish()])
        out.write_text(REPORTERS["json"](report), encoding="utf-8")
    else:
        saved = os.dup(1)
        with out.open("w", encoding="utf-8") as handle:
            os.dup2(handle.fileno(), 1)
            try:
                main(["check", str(facts), "--format", "json"])
            finally:
                sys.stdout.flush()
                os.dup2(saved, 1)
    result: dict[str, Any] = {"seconds": time.perf_counter() - start}
    if step != "read":
        data = out.read_bytes()
        result["sha256"] = hashlib.sha256(data).hexdigest()
        result["problems"] = len(json.loads(data))
    print(json.dumps(result))


def _run(step: str, facts: Path, out: Path) -> dict[str, Any]:
    return run_child(__file__, step, str(facts), str(out))


def measure(records: int, folder: Path) -> dict[str, dict[str, Any]]:
    """Every step on a fresh file of *records* records."""
    facts = folder / f"facts-{records}.jsonl"
    _generate.write(facts, records, seed=19, invalid=0.0)
    results = {step: _run(step, facts, folder / f"{step}.json") for step in STEPS}
    facts.unlink()
    return results


def report(records: int, results: dict[str, dict[str, Any]]) -> None:
    """Print one size's figures side by side."""
    print(f"{records:,} records; python {sys.version.split()[0]}")
    print(f"{'step':<34}{'seconds':>10}{'peak MB':>10}{'problems':>10}")
    names = {
        "read": "read only (floor)",
        "memory": "check, kept in memory (before)",
        "spill": "check, spilled to SQLite (now)",
    }
    for step in STEPS:
        result = results[step]
        problems = f"{result['problems']:>10,}" if "problems" in result else ""
        print(f"{names[step]:<34}{result['seconds']:>10.1f}{result['peak_mb']:>10.0f}{problems}")
    memory, spill = results["memory"], results["spill"]
    same = "the same" if memory["sha256"] == spill["sha256"] else "DIFFERENT"
    print(
        f"peak memory, before / now: {memory['peak_mb'] / spill['peak_mb']:.1f}x; "
        f"time, now / before: {spill['seconds'] / memory['seconds']:.2f}x; reports {same}"
    )


def main() -> None:
    """Parse the arguments; run the children or the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, nargs="+", default=[200_000])
    parser.add_argument("--child", nargs=3, metavar=("STEP", "FACTS", "OUT"))
    args = parser.parse_args()
    if args.child:
        step, facts, out = args.child
        _child(step, Path(facts), Path(out))
        return
    with tempfile.TemporaryDirectory() as folder:
        for records in args.records:
            report(records, measure(records, Path(folder)))
            print()


if __name__ == "__main__":
    main()
