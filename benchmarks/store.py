"""The SQLite fact store against loading the set, side by side, at scale.

    python benchmarks/store.py                      # 200,000 records
    python benchmarks/store.py --records 1000000
    python benchmarks/store.py --records 1000000 --keep /tmp/store1m   # build once, query again

One run writes a seeded, clean JSON Lines file (``_generate.py``), then runs
each step in a fresh process and prints its seconds and peak resident memory
(``ru_maxrss`` from ``os.wait4``):

``build``      ``ddfacts db build`` (``ddfacts.store.build_store``); also the store's size.
``store``      ``FactStore`` open + the queries below, each asked in turn (so both meet
               the same machine load) of two stores open on the file: one decoding
               through the store's decoder (``ddfacts.store._decode``: once warm, the
               builder alone for rows as built, the fast path of a bulk load for rows
               changed since, the codec for what neither vouches for), one ("strict")
               decoding every record by the strict reader and the codec, as before.
``load``       ``ddfacts.load`` + ``FactSet.query`` for the same queries.

Queries (``--queries`` of each): by subject; by property and time (``at``, a
day); ``search`` of three words (store only).  Their values are drawn from the
first ``--sample-from`` records (50,000), which the seeded generator writes
alike at every size, so each size answers the same queries; the answer sizes
(records per answer, and the candidate rows the store decodes for them) are
printed too, since a query whose answer grows with the set cannot stay flat.
Latencies are median and p95 in milliseconds, with the ratios strict/store
and load+FactSet/store.  Last, the CPU cost of decoding one stored record (the
property+time queries' rows, best of three passes): the store's decoder on rows as
built (trusted: their digest matches, no shape check), the checked path (fast parser,
shape check, builder: what a row changed since takes), and the strict reader and
codec.  Needs only the standard library and ddfacts.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _generate  # noqa: E402 - the benchmark folder is not a package
from _child import run_child  # noqa: E402


def _sample(path: Path, count: int, seed: int, first: int) -> dict[str, list[Any]]:
    """Query values drawn from the file's *first* records: subjects, (property, day) pairs,
    three-word searches."""
    rng = random.Random(seed)
    subjects, pairs, words = [], [], []
    with path.open(encoding="utf-8") as handle:
        for line in itertools.islice(handle, first):
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


def _calls(target: Any, queries: dict[str, list[Any]], search: bool) -> dict[str, list[Any]]:
    """Each query kind's calls on *target* (a FactStore or a FactSet)."""
    import datetime as dt

    calls: dict[str, list[Any]] = {
        "subject": [lambda s=s: target.query(subject=s) for s in queries["subject"]],
        "property_at": [
            lambda p=p, a=a: target.query(property=p, at=dt.date.fromisoformat(a))
            for p, a in queries["property_at"]
        ],
    }
    if search:
        calls["search"] = [lambda w=w: target.search(w) for w in queries["search"]]
    return calls


def _latencies(target: Any, queries: dict[str, list[Any]], search: bool) -> dict[str, Any]:
    """Milliseconds of each call, and the length of each answer, by query kind."""
    return _interleaved({"": target}, queries, search)[""]


def _interleaved(
    targets: dict[str, Any], queries: dict[str, list[Any]], search: bool
) -> dict[str, dict[str, Any]]:
    """:func:`_latencies` of several targets, each query asked of each in turn.

    On a busy machine the load changes from second to second; asking each
    query of every target back to back (in an order that rotates) lets them
    meet the same load, so their ratio means something.
    """
    names = list(targets)
    kinds = {name: _calls(target, queries, search) for name, target in targets.items()}
    out: dict[str, dict[str, Any]] = {name: {"sizes": {}} for name in names}
    for kind in kinds[names[0]]:
        for name in names:
            out[name][kind], out[name]["sizes"][kind] = [], []
        for index in range(len(kinds[names[0]][kind])):
            turn = index % len(names)
            for name in names[turn:] + names[:turn]:
                start = time.perf_counter()
                answer = kinds[name][kind][index]()
                out[name][kind].append((time.perf_counter() - start) * 1000)
                out[name]["sizes"][kind].append(len(answer))
    return out


def _candidates(store: Any, queries: dict[str, list[Any]]) -> list[int]:
    """Rows the store decodes for each property+time query (a superset of the answer)."""
    import datetime as dt

    from ddfacts.store._store import _driver

    counts = []
    for prop, day in queries["property_at"]:
        filters = dict.fromkeys(("type", "subject", "source", "speaker"))
        filters |= {"property": prop, "at": dt.date.fromisoformat(day)}
        sql, params = _driver(filters)
        counts.append(store._rows(f"SELECT count(*) FROM ({sql})", params)[0][0])
    return counts


def _decode_costs(store: Any, queries: dict[str, list[Any]]) -> dict[str, float]:
    """Microseconds per record to decode the property+time queries' rows, each the best
    of three passes (taken in turn): the store's decoder (warm) on rows as built ("trusted": digest
    matches, no shape check), the same decoder without the store's key ("checked": every
    row takes the fast parser + shape check + builder), and the strict reader + codec."""
    import datetime as dt

    from ddfacts.store._decode import Decoder
    from ddfacts.store._digest import store_key
    from ddfacts.store._store import _COLUMNS, _driver

    rows = []
    for prop, day in queries["property_at"]:
        filters = dict.fromkeys(("type", "subject", "source", "speaker"))
        filters |= {"property": prop, "at": dt.date.fromisoformat(day)}
        sql, params = _driver(filters)
        rows += store._rows(f"SELECT {_COLUMNS} FROM records WHERE seq IN ({sql})", params)
    key = store_key(store._db)
    costs = {}
    decoders = {
        "trusted": Decoder(store.path, warm_up=0, key=key, trusted_warm_up=0),
        "checked": Decoder(store.path, warm_up=0),
        "strict": Decoder(store.path, warm_up=sys.maxsize),
    }
    as_built = decoders["trusted"].as_built
    costs["as_built"], costs["rows"] = sum(as_built(r[2], r[3]) for r in rows), len(rows)
    best = dict.fromkeys(decoders, float("inf"))
    for _ in range(3):  # the decoders in turn, so that each meets the same machine load
        for name, decode in decoders.items():
            start = time.process_time()
            for row in rows:
                decode(*row)
            best[name] = min(best[name], time.process_time() - start)
    costs |= {name: seconds / max(len(rows), 1) * 1e6 for name, seconds in best.items()}
    return costs


def child(step: str, facts: str, db: str, queries_path: str) -> None:
    """Run one step in this process and print its figures as JSON."""
    import ddfacts
    from ddfacts.store import FactStore, build_store
    from ddfacts.store._decode import Decoder

    queries = json.loads(Path(queries_path).read_text())
    start = time.perf_counter()
    result: dict[str, Any] = {}
    if step == "build":
        build_store([facts], db)
        result["size"] = os.path.getsize(db)
    elif step == "store":
        with FactStore(db) as store, FactStore(db) as strict:
            result["open"] = time.perf_counter() - start
            strict._decode = Decoder(strict.path, warm_up=sys.maxsize)  # the codec throughout
            both = _interleaved({"store": store, "strict": strict}, queries, search=True)
            result["latency"], result["strict"] = both["store"], both["strict"]
            result["candidates"] = _candidates(store, queries)
            result["decode_us"] = _decode_costs(store, queries)
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


def _answers(sizes: list[int]) -> str:
    return f"median {statistics.median(sizes):g}, max {max(sizes)}"


def report(records: int, results: dict[str, dict[str, Any]]) -> None:
    """Print the figures side by side."""
    build, store, load = (results[k] for k in ("build", "store", "load"))
    strict = {"latency": store["strict"]}
    print(f"{records:,} records; python {sys.version.split()[0]}; load average {_load()}")
    print(f"{'step':<28}{'seconds':>10}{'peak MB':>10}")
    print(f"{'db build':<28}{build['seconds']:>10.1f}{build['peak_mb']:>10.0f}"
          f"   store {build['size'] / 2**20:.0f} MB on disk")  # fmt: skip
    print(f"{'FactStore open':<28}{store['open']:>10.3f}{store['peak_mb']:>10.0f}")
    print(f"{'ddfacts.load':<28}{load['open']:>10.1f}{load['peak_mb']:>10.0f}")
    print(f"\n{'query (ms)':<14}{'strict p50':>11}{'p95':>8}{'store p50':>11}{'p95':>8}"
          f"{'load p50':>10}{'p95':>8}{'strict/store':>14}{'load/store':>12}")  # fmt: skip
    for name in ("subject", "property_at", "search"):
        b50, b95 = _ms(strict["latency"][name])
        s50, s95 = _ms(store["latency"][name])
        line = f"{name:<14}{b50:>11.2f}{b95:>8.2f}{s50:>11.2f}{s95:>8.2f}"
        if name in load["latency"]:
            l50, l95 = _ms(load["latency"][name])
            line += f"{l50:>10.2f}{l95:>8.2f}{b50 / s50:>14.1f}{l50 / s50:>12.1f}"
        else:
            line += f"{'-':>10}{'-':>8}{b50 / s50:>14.1f}{'-':>12}"
        print(line)
    print("\nanswer sizes (records per answer)")
    for name in ("subject", "property_at", "search"):
        sizes = store["latency"]["sizes"][name]
        same = (
            ""
            if name not in load["latency"]
            else (
                "  (= FactSet)"
                if load["latency"]["sizes"][name] == sizes
                else "  (FactSet DIFFERS)"
            )
        )
        print(f"  {name:<12}{_answers(sizes)}{same}")
    print(f"  {'candidates':<12}{_answers(store['candidates'])}  (rows decoded for property_at)")
    costs = store["decode_us"]
    strict_us, checked_us, trusted_us = (costs[k] for k in ("strict", "checked", "trusted"))
    print(f"\ndecode (CPU us per record, property_at rows; {costs['as_built']:.0f} of "
          f"{costs['rows']:.0f} as built): strict {strict_us:.1f}, checked {checked_us:.1f}, "
          f"trusted {trusted_us:.1f}; checked/trusted {checked_us / trusted_us:.1f}, "
          f"strict/trusted {strict_us / trusted_us:.1f}")  # fmt: skip


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    """Generate, build, query; print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sample-from", type=int, default=50_000)
    parser.add_argument(
        "--keep",
        metavar="DIR",
        help="keep the generated file and the store in DIR; a later run with the same DIR "
        "reuses them and asks the queries again (its build figures are then not measured)",
    )
    parser.add_argument("--child", nargs=4, metavar=("STEP", "FACTS", "DB", "QUERIES"))
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(args.keep or scratch)
        folder.mkdir(parents=True, exist_ok=True)
        facts, db, queries = (folder / n for n in ("f.jsonl", "f.sqlite", "q.json"))
        built = args.keep is not None and db.is_file()
        if not built:
            _generate.write(facts, args.records, seed=args.seed, invalid=0.0)
        sample = _sample(facts, args.queries, args.seed, args.sample_from)
        queries.write_text(json.dumps(sample))
        results = {"build": _kept(facts, db)} if built else {}
        for step in ("build", "store", "load"):
            if step not in results:
                results[step] = _run(step, facts, db, queries)
        report(args.records, results)


def _kept(facts: Path, db: Path) -> dict[str, Any]:
    """The build step's figures when ``--keep`` found a store already built (not timed)."""
    return {"seconds": float("nan"), "peak_mb": float("nan"), "size": db.stat().st_size}


if __name__ == "__main__":
    main()
