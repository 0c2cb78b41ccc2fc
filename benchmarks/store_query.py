"""FactStore.query on a kept store, query only: wall and CPU per query, split by phase.

    python benchmarks/store_query.py /tmp/store1m              # the store and q.json a
                                                               # ``store.py --keep`` run left
    python benchmarks/store_query.py /tmp/store1m --before /tmp/before/src --rounds 3
    python benchmarks/store_query.py /tmp/store1m3 --before /tmp/before/src \
        --before-folder /tmp/store1m --rounds 3     # "before" reads its own store

No ``ddfacts.load`` and no build: it opens ``DIR/f.sqlite`` and asks the
``property_at`` queries of ``DIR/q.json`` (property + ``at`` a day).  Each
round runs one child process per variant, alternating (``--before SRC``
adds the ddfacts found at *SRC*, e.g. a ``git worktree`` of an older
commit, as "before"; ``--before-folder`` gives it its own ``f.sqlite``, for
an older store format), so both meet the same machine load.  A child first
asks every query once (warm-up: the decoder's codec records, the page
cache), then asks them again, timed: wall ms (median, p95), CPU ms per query
(``time.process_time``, median), and the CPU split of the same queries into
their phases, asked apart: ``sql`` (the candidate rows), ``decode`` (the rows
into records), ``filter`` (the records into the answer).  Needs only the
standard library and ddfacts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

_PHASES = ("sql", "decode", "filter")


def _phased(store: Any) -> Any:
    """A function (filters -> {phase: CPU seconds}, answer) over *store*'s internals.

    Knows the current layout (``_candidate_rows``/``_decoded``/``_filtered``)
    and the older one (``_driver`` + ``_Subset`` + ``ddfacts.query``).
    """
    if hasattr(store, "_candidate_rows"):
        steps = (store._candidate_rows, store._decoded, store._filtered)

        def run(filters: dict[str, Any]) -> tuple[dict[str, float], Any]:
            times, value = {}, filters
            for name, step in zip(_PHASES, steps, strict=True):
                start = time.process_time()
                value = step(value, filters) if name == "filter" else step(value)
                times[name] = time.process_time() - start
            return times, value

        return run
    from ddfacts.query import query
    from ddfacts.store._store import _driver, _Subset

    def run_old(filters: dict[str, Any]) -> tuple[dict[str, float], Any]:
        start = time.process_time()
        sql, params = _driver(filters)
        sql = f"SELECT seq, id, json FROM records WHERE seq IN ({sql}) ORDER BY seq"
        rows = store._rows(sql, params)
        middle = time.process_time()
        records = tuple(store._decode(*row) for row in rows)
        late = time.process_time()
        answer = query(_Subset(store, records).as_factset(), **filters)
        end = time.process_time()
        return {"sql": middle - start, "decode": late - middle, "filter": end - late}, answer

    return run_old


def child(db: str, queries_path: str) -> None:
    """Ask the queries of the store at *db*; print the figures as JSON."""
    from ddfacts.store import FactStore

    pairs = json.loads(Path(queries_path).read_text())["property_at"]
    calls = [{"property": p, "at": dt.date.fromisoformat(a)} for p, a in pairs]
    with FactStore(db) as store:
        for call in calls:  # warm-up
            store.query(**call)
        wall, cpu, sizes = [], [], []
        for call in calls:
            start, cpu_start = time.perf_counter(), time.process_time()
            sizes.append(len(store.query(**call)))
            cpu.append((time.process_time() - cpu_start) * 1000)
            wall.append((time.perf_counter() - start) * 1000)
        run = _phased(store)
        split: dict[str, list[float]] = {name: [] for name in _PHASES}
        for call in calls:
            filters = dict.fromkeys(("type", "subject", "source", "speaker")) | call
            times, answer = run(filters)
            assert len(answer) == sizes[len(split["sql"])], "phases differ from query()"
            for name in _PHASES:
                split[name].append(times[name] * 1000)
        trusted = _trusted_share(store, calls)
    print(
        json.dumps({"wall": wall, "cpu": cpu, "split": split, "sizes": sizes, "trusted": trusted})
    )


def _trusted_share(store: Any, calls: list[dict[str, Any]]) -> list[int] | None:
    """Of the queries' candidate rows: [as built (digest matches), all]; None before digests."""
    as_built = getattr(store._decode, "as_built", None)
    if as_built is None or not hasattr(store, "_candidate_rows"):
        return None
    rows = [
        row
        for call in calls
        for row in store._candidate_rows(dict.fromkeys(("type", "subject", "source", "speaker"))
                                         | call)
    ]  # fmt: skip
    return [sum(1 for row in rows if as_built(row[2], row[3])), len(rows)]


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def _run(src: str | None, db: Path, queries: Path) -> dict[str, Any]:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(db), str(queries)],
        env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return dict(json.loads(out.stdout.splitlines()[-1]))


def main() -> None:
    """Run the rounds; print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", help="a folder holding f.sqlite and q.json")
    parser.add_argument("--before", metavar="SRC", help="also run the ddfacts at SRC")
    parser.add_argument(
        "--before-folder", metavar="DIR", help="the folder whose f.sqlite --before reads"
    )
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--child", nargs=2, metavar=("DB", "QUERIES"))
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    folder = Path(args.folder)
    db, queries = folder / "f.sqlite", folder / "q.json"
    before_db = Path(args.before_folder) / "f.sqlite" if args.before_folder else db
    variants = {"before": (args.before, before_db)} if args.before else {}
    variants["now"] = (None, db)
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in variants}
    for _ in range(args.rounds):
        for name, (src, store) in variants.items():
            runs[name].append(_run(src, store, queries))
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{db}: {len(runs['now'][0]['wall'])} property+at queries x {args.rounds} rounds; "
          f"load average {load}")  # fmt: skip
    if before_db != db:
        print(f"before reads {before_db}")
    print(f"{'':<8}{'wall p50':>9}{'p95':>8}{'cpu p50':>9}"
          + "".join(f"{n:>8}" for n in _PHASES) + f"{'answer':>8}")  # fmt: skip
    medians: dict[str, float] = {}
    for name, found in runs.items():
        wall = [ms for run in found for ms in run["wall"]]
        cpu = [ms for run in found for ms in run["cpu"]]
        phases = [statistics.median(ms for run in found for ms in run["split"][p]) for p in _PHASES]
        medians[name] = statistics.median(cpu)
        line = f"{name:<8}{statistics.median(wall):>9.2f}{_p95(wall):>8.2f}{medians[name]:>9.2f}"
        line += "".join(f"{ms:>8.2f}" for ms in phases)
        print(line + f"{statistics.median(found[0]['sizes']):>8g}")
    for name, found in runs.items():
        if found[0].get("trusted"):
            share = found[0]["trusted"]
            print(f"{name}: {share[0]} of {share[1]} candidate rows as built (trusted path)")
    if "before" in runs:
        same = runs["before"][0]["sizes"] == runs["now"][0]["sizes"]
        print(f"cpu before/now {medians['before'] / medians['now']:.2f}; "
              f"answer sizes {'equal' if same else 'DIFFER'}")  # fmt: skip


if __name__ == "__main__":
    main()
