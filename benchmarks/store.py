"""The SQLite fact store against loading the set, side by side, at scale.

    python benchmarks/store.py                      # 200,000 records
    python benchmarks/store.py --records 1000000

One run writes a seeded, clean JSON Lines file (``_generate.py``), then runs
each step in a fresh process and prints its seconds and peak resident memory
(``ru_maxrss`` from ``os.wait4``):

``build``      ``ddfacts db build`` (``ddfacts.store.build_store``); also the store's size.
``store``      ``FactStore`` open + the queries below.
``load``       ``ddfacts.load`` + ``FactSet.query`` for the same queries.

Queries (``--queries`` of each, values drawn from the file): by subject; by
property and time (``at``, a day); ``search`` of three words (store only).
Latencies are printed as median and p95 in milliseconds, with the ratio of
load+FactSet to the store.  Needs only the standard library and ddfacts.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _generate  # noqa: E402 - the benchmark folder is not a package
from _child import run_child  # noqa: E402


def _sample(path: Path, count: int, seed: int) -> dict[str, list[Any]]:
    """Query values drawn from the file: subjects, (property, day) pairs, three-word searches."""
    rng = random.Random(seed)
    subjects, pairs, words = [], [], []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["type"] == "claim":
                subjects.append(record["subject"])
                if "as_of" in record and record["as_of"].get("earliest"):
                    pairs.append((record["property"], record["as_of"]["earliest"][:10]))
            elif record["type"] == "statement":
                words.append(" ".join(record["anchor"]["exact"].rstrip(".").split()[:3]))
    return {
        "subject": [rng.choice(subjects) for _ in range(count)],
        "property_at": [rng.choice(pairs) for _ in range(count)],
        "search": [rng.choice(words) for _ in range(count)],
    }


def _timed(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return (time.perf_counter() - start) * 1000


def _latencies(target: Any, queries: dict[str, list[Any]], search: bool) -> dict[str, Any]:
    import datetime as dt

    out: dict[str, Any] = {}
    out["subject"] = [_timed(lambda s=s: target.query(subject=s)) for s in queries["subject"]]
    out["property_at"] = [
        _timed(lambda p=p, a=a: target.query(property=p, at=dt.date.fromisoformat(a)))
        for p, a in queries["property_at"]
    ]
    if search:
        out["search"] = [_timed(lambda w=w: target.search(w)) for w in queries["search"]]
    return out


def child(step: str, facts: str, db: str, queries_path: str) -> None:
    """Run one step in this process and print its figures as JSON."""
    import ddfacts
    from ddfacts.store import FactStore, build_store

    queries = json.loads(Path(queries_path).read_text())
    start = time.perf_counter()
    result: dict[str, Any] = {}
    if step == "build":
        build_store([facts], db)
        result["size"] = os.path.getsize(db)
    elif step == "store":
        with FactStore(db) as store:
            result["open"] = time.perf_counter() - start
            result["latency"] = _latencies(store, queries, search=True)
    else:
        factset = ddfacts.load(facts)
        result["open"] = time.perf_counter() - start
        result["latency"] = _latencies(factset, queries, search=False)
    result["seconds"] = time.perf_counter() - start
    print(json.dumps(result))


def _run(step: str, facts: Path, db: Path, queries: Path) -> dict[str, Any]:
    return run_child(__file__, step, str(facts), str(db), str(queries))


def _ms(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def report(records: int, results: dict[str, dict[str, Any]]) -> None:
    """Print the figures side by side."""
    build, store, load = results["build"], results["store"], results["load"]
    print(f"{records:,} records; python {sys.version.split()[0]}")
    print(f"{'step':<28}{'seconds':>10}{'peak MB':>10}")
    print(f"{'db build':<28}{build['seconds']:>10.1f}{build['peak_mb']:>10.0f}"
          f"   store {build['size'] / 2**20:.0f} MB on disk")  # fmt: skip
    print(f"{'FactStore open':<28}{store['open']:>10.3f}{store['peak_mb']:>10.0f}")
    print(f"{'ddfacts.load':<28}{load['open']:>10.1f}{load['peak_mb']:>10.0f}")
    print(f"\n{'query (ms)':<22}{'store p50':>10}{'store p95':>10}{'load p50':>10}"
          f"{'load p95':>10}{'ratio p50':>10}")  # fmt: skip
    for name in ("subject", "property_at", "search"):
        s50, s95 = _ms(store["latency"][name])
        if name in load["latency"]:
            l50, l95 = _ms(load["latency"][name])
            tail = f"{l50:>10.2f}{l95:>10.2f}{l50 / s50:>10.1f}"
        else:
            tail = f"{'-':>10}{'-':>10}{'-':>10}"
        print(f"{name:<22}{s50:>10.2f}{s95:>10.2f}{tail}")


def main() -> None:
    """Generate, build, query; print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--child", nargs=4, metavar=("STEP", "FACTS", "DB", "QUERIES"))
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as folder:
        facts, db, queries = (Path(folder) / n for n in ("f.jsonl", "f.sqlite", "q.json"))
        _generate.write(facts, args.records, seed=args.seed, invalid=0.0)
        queries.write_text(json.dumps(_sample(facts, args.queries, args.seed)))
        results = {step: _run(step, facts, db, queries) for step in ("build", "store", "load")}
        report(args.records, results)


if __name__ == "__main__":
    main()
