"""``ddfacts check``'s peak memory: kept in memory, spilled with the report in memory, streamed.

    python benchmarks/check_memory.py                          # 200,000 records
    python benchmarks/check_memory.py --records 200000 1000000
    python benchmarks/check_memory.py --records 50000 --trace  # who holds memory
    python benchmarks/check_memory.py --links 0.3               # derivation links too

One run writes a seeded, clean JSON Lines file per size (``_generate.py``),
then runs each step in a fresh process and prints its seconds and peak
resident memory (``ru_maxrss`` from ``os.wait4``):

``read``     the records streamed through :func:`~ddfacts.jsonio._run.stream_files`
             with nothing kept: the floor any streamed check stands on.
``memory``   the rules with what they keep in dicts and lists
             (``CheckRun(spill=False)``), the report in memory: the first
             ``ddfacts check``.
``spill``    what the rules keep spilled to a private temporary SQLite
             database (``spill=True``), but every problem listed, relocated
             into a :class:`~ddfacts.problems.Report` and rendered whole:
             ``ddfacts check`` before the report was streamed.
``stream``   ``ddfacts check --format F -o FILE`` as shipped: the problems
             sorted on disk too and the report written as it is read back.

With ``--links SHARE``, that share of the records is derived from the
record before it (chains of derivation links), one in 10,000 from itself,
and rings of three actors are added at the end: the cycle rule has links
to keep and cycles to find.

Every step writes the report (``--format``, json by default); the run says
whether the reports are byte for byte the same (SHA-256 and size printed).
``--trace`` runs the streamed check once more under :mod:`tracemalloc`
and prints the biggest holders at the end of each phase (records fed,
problems sorted, report written).  Needs only the standard library and
ddfacts.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _generate  # noqa: E402 - the benchmark folder is not a package
from _child import run_child  # noqa: E402

STEPS = ("read", "memory", "spill", "stream")
NAMES = {
    "read": "read only (floor)",
    "memory": "kept in memory, report in memory",
    "spill": "spilled, report in memory (before)",
    "stream": "spilled, report streamed (now)",
}


def _with_links(path: Path, share: float, seed: int) -> None:
    """Give *share* of the records in *path* derivation links, and add rings (see above)."""
    rng = random.Random(seed)
    linked = path.with_suffix(".linked.jsonl")
    previous = None
    with path.open(encoding="utf-8") as lines, linked.open("w", encoding="utf-8") as out:
        for number, line in enumerate(lines):
            value = json.loads(line)
            if rng.random() < share and previous is not None:
                target = value["id"] if number % 10_000 == 0 else previous
                links = [{"kind": "derived_from", "target": target}]
                value.setdefault("provenance", {})["derived_from"] = links
            previous = value["id"]
            out.write(json.dumps(value) + "\n")
        for ring in range(max(1, number // 100_000)):
            for step in range(3):
                links = [{"kind": "derived_from", "target": f"actor:ring-{ring}-{(step + 1) % 3}"}]
                actor = {"type": "actor", "id": f"actor:ring-{ring}-{step}", "name": "Ring"}
                actor.update(kind="person", provenance={"derived_from": links})
                out.write(json.dumps(actor) + "\n")
    linked.replace(path)


def _in_memory_report(facts: Path, out: Path, fmt: str, spill: bool) -> None:
    """The check with the whole report in memory, as ``ddfacts check`` had it."""
    from ddfacts.check import CheckRun
    from ddfacts.cli._check import _check_files
    from ddfacts.cli._reporters import REPORTERS
    from ddfacts.problems import Report
    from ddfacts.vocabulary import default_vocabulary

    run = CheckRun(None, default_vocabulary(), spill=spill)
    origins = _check_files([str(facts)], run)
    report = Report([origins.relocate(problem) for problem in run.finish()])
    out.write_text(REPORTERS[fmt](report), encoding="utf-8")


def _child(step: str, facts: Path, out: Path, fmt: str) -> None:
    """One step in this process; prints a JSON line of what it measured."""
    from ddfacts.cli import main
    from ddfacts.jsonio._run import stream_files

    start = time.perf_counter()
    if step == "read":
        stream_files([str(facts)], lambda _record: None)
    elif step in ("memory", "spill"):
        _in_memory_report(facts, out, fmt, spill=step == "spill")
    else:
        main(["check", str(facts), "--format", fmt, "-o", str(out)])
    result: dict[str, Any] = {"seconds": time.perf_counter() - start}
    if step != "read":
        data = out.read_bytes()
        result["sha256"] = hashlib.sha256(data).hexdigest()
        result["bytes"] = len(data)
    print(json.dumps(result))


def _trace(facts: Path, out: Path, fmt: str) -> None:
    """The streamed check's phases under tracemalloc: the biggest holders after each."""
    import tracemalloc

    from ddfacts.check import CheckRun
    from ddfacts.check._sorted import SortedProblems
    from ddfacts.cli._check import _check_files, _write_stream
    from ddfacts.cli._reporters import STREAMERS
    from ddfacts.vocabulary import default_vocabulary

    def show(phase: str) -> None:
        current, peak = tracemalloc.get_traced_memory()
        print(f"-- {phase}: traced now {current / 2**20:.1f} MB, peak {peak / 2**20:.1f} MB")
        for stat in tracemalloc.take_snapshot().statistics("lineno")[:6]:
            print(f"   {stat.size / 2**20:7.1f} MB {stat.count:>9,} blocks  {stat.traceback[0]}")
        tracemalloc.reset_peak()

    tracemalloc.start()
    run = CheckRun(None, default_vocabulary(), spill=True)
    origins = _check_files([str(facts)], run)
    show("records fed (kept on disk; origins in memory)")
    with SortedProblems() as found:
        for problem in run.problems():
            found.add(origins.relocate(problem))
        show(f"{len(found):,} problems sorted on disk")
        _write_stream(STREAMERS[fmt](found), str(out))
        show("report written")


def _run(step: str, facts: Path, out: Path, fmt: str) -> dict[str, Any]:
    return run_child(__file__, step, str(facts), str(out), fmt)


def _write(facts: Path, records: int, links: float) -> None:
    """A seeded, clean file of *records* records, with derivation links if *links*."""
    _generate.write(facts, records, seed=19, invalid=0.0)
    if links:
        _with_links(facts, links, seed=19)


def measure(records: int, folder: Path, fmt: str, links: float) -> dict[str, dict[str, Any]]:
    """Every step on a fresh file of *records* records."""
    facts = folder / f"facts-{records}.jsonl"
    _write(facts, records, links)
    results = {step: _run(step, facts, folder / f"{step}.out", fmt) for step in STEPS}
    facts.unlink()
    return results


def report(records: int, results: dict[str, dict[str, Any]], fmt: str) -> None:
    """Print one size's figures side by side."""
    print(f"{records:,} records, --format {fmt}; python {sys.version.split()[0]}")
    print(f"{'step':<38}{'seconds':>9}{'peak MB':>9}{'report MB':>11}  sha256")
    for step in STEPS:
        result = results[step]
        size = f"{result['bytes'] / 1e6:>11.1f}" if "bytes" in result else " " * 11
        digest = result.get("sha256", "")[:16]
        figures = f"{result['seconds']:>9.1f}{result['peak_mb']:>9.0f}{size}"
        print(f"{NAMES[step]:<38}{figures}  {digest}")
    before, now = results["spill"], results["stream"]
    digests = {results[step]["sha256"] for step in ("memory", "spill", "stream")}
    same = "byte for byte the same" if len(digests) == 1 else "DIFFERENT"
    print(
        f"peak memory, before / now: {before['peak_mb'] / now['peak_mb']:.1f}x "
        f"(in memory / now: {results['memory']['peak_mb'] / now['peak_mb']:.1f}x); "
        f"time, now / before: {now['seconds'] / before['seconds']:.2f}x; reports {same}"
    )


def main() -> None:
    """Parse the arguments; run the children, the comparison or the trace."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, nargs="+", default=[200_000])
    parser.add_argument("--format", choices=("json", "text", "github"), default="json")
    parser.add_argument("--trace", action="store_true", help="tracemalloc the streamed check")
    parser.add_argument("--links", type=float, default=0.0, help="share of records derived")
    parser.add_argument("--child", nargs=4, metavar=("STEP", "FACTS", "OUT", "FORMAT"))
    args = parser.parse_args()
    if args.child:
        step, facts, out, fmt = args.child
        _child(step, Path(facts), Path(out), fmt)
        return
    with tempfile.TemporaryDirectory() as folder:
        for records in args.records:
            if args.trace:
                facts = Path(folder) / "facts.jsonl"
                _write(facts, records, args.links)
                _trace(facts, Path(folder) / "report.out", args.format)
                continue
            results = measure(records, Path(folder), args.format, args.links)
            report(records, results, args.format)
            print(flush=True)


if __name__ == "__main__":
    main()
