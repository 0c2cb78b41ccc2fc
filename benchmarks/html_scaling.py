"""How ``ddfacts.html.build`` grows with the set: CPU seconds by step at doubling sizes.

    python benchmarks/html_scaling.py                          # 10k, 20k, 40k records
    python benchmarks/html_scaling.py --records 10000 --records 80000
    python benchmarks/html_scaling.py --before HEAD            # also the code of git HEAD

Each size is a seeded generated set with its texts (as ``html_site.py`` writes
them), built in a fresh process.  The child times the build's steps by CPU
time (``time.process_time``: other processes on the machine do not inflate
it) and by wall time: the problems and the site index (``gather``, or
``validate`` and ``check``), then each page template (index, source, actor,
claims, timeline, charts) summed over its pages.  It also counts the
collections of Python's cyclic garbage collector and the seconds they took
(``gc.callbacks``).  Printed: per size, each step's CPU seconds and
microseconds per record; then, for each step, the ratio of its time at the
largest size to its time at the smallest over the ratio of the sizes (1.0
is linear, 2.0 at x4 records is quadratic).  With ``--before REV`` each size
is also built by the package at git REV, in the same run.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import html_site  # noqa: E402 - the benchmark folder is not a package
from _child import run_child  # noqa: E402

_Clock = dict[str, list[float]]


def _timed(clock: _Clock, step: str, call: Callable[..., Any]) -> Callable[..., Any]:
    """*call*, adding its CPU and wall seconds to *clock* under *step*."""

    def run(*args: Any, **kwargs: Any) -> Any:
        cpu, wall = time.process_time(), time.perf_counter()
        try:
            return call(*args, **kwargs)
        finally:
            spent = clock.setdefault(step, [0.0, 0.0])
            spent[0] += time.process_time() - cpu
            spent[1] += time.perf_counter() - wall

    return run


def _gc_clock(clock: _Clock) -> None:
    """Time each collection of the cyclic garbage collector into *clock* (``gc``)."""
    started: list[float] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started[:] = [time.process_time(), time.perf_counter()]
        elif started:
            spent = clock.setdefault(f"gc{info['generation']}", [0.0, 0.0, 0.0])
            spent[0] += time.process_time() - started[0]
            spent[1] += time.perf_counter() - started[1]
            spent[2] += 1

    gc.callbacks.append(note)


def _instrument(clock: _Clock) -> None:
    """Wrap the build's steps so that each adds its time to *clock*."""
    from ddfacts.html import _build

    stream = _build._stream

    def page(path: Path, template: Any, **context: Any) -> None:
        name = Path(template.name).stem
        _timed(clock, name, stream)(path, template, **context)

    _build._stream = page  # type: ignore[assignment]
    for name in ("gather", "_problems", "paging"):  # whichever the revision has
        if hasattr(_build, name):
            setattr(_build, name, _timed(clock, name.strip("_"), getattr(_build, name)))


def _child(facts: str, texts: str, out: str) -> None:
    import ddfacts
    from ddfacts.html import build
    from ddfacts.textstore import TextStore

    factset = ddfacts.load(facts)
    clock: _Clock = {}
    _instrument(clock)
    _gc_clock(clock)
    cpu, wall = time.process_time(), time.perf_counter()
    build(factset, TextStore(texts), out)
    clock["build"] = [time.process_time() - cpu, time.perf_counter() - wall]
    print(json.dumps({"records": len(factset), "clock": clock}))


def _measure(size: int, work: Path, code: Path | None) -> dict[str, Any]:
    facts, texts = work / f"gen-{size}.jsonl", work / f"texts-{size}"
    if not facts.exists():
        html_site.write_generated(size, 0, facts, texts)
    site = work / f"site-{size}-{'before' if code else 'after'}"
    saved = os.environ.get("PYTHONPATH")
    if code is not None:
        os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(code), saved]))
    try:
        return run_child(__file__, "build", str(texts), str(site), str(facts))
    finally:
        if saved is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = saved


def report(label: str, rows: list[dict[str, Any]]) -> None:
    """Print each step's CPU seconds per size, microseconds per record, and growth."""
    steps = sorted({s for r in rows for s in r["clock"]}, key=lambda s: (s == "build", s))
    print(f"\n{label}: CPU seconds (wall seconds), us/record in brackets")
    print(f"{'step':<12}" + "".join(f"{r['records']:>26,}" for r in rows) + "   growth")
    for step in steps:
        cells = []
        for r in rows:
            cpu, wall = r["clock"].get(step, [0.0, 0.0])[:2]
            per = cpu / r["records"] * 1e6
            cells.append(f"{cpu:8.2f} ({wall:7.2f}) [{per:5.0f}]")
        first, last = rows[0], rows[-1]
        low = first["clock"].get(step, [0.0])[0]
        high = last["clock"].get(step, [0.0])[0]
        scale = last["records"] / first["records"]
        growth = f"{high / low / scale:7.2f}" if low > 0.05 else "      -"
        print(f"{step:<12}" + "".join(f"{c:>26}" for c in cells) + growth)
    for r in rows:
        counts = {s: int(v[2]) for s, v in r["clock"].items() if s.startswith("gc")}
        print(f"collections at {r['records']:,}: {counts}")


def main() -> None:
    """Build each size (and with ``--before``, the older code too) and print the steps."""
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _child(sys.argv[5], sys.argv[3], sys.argv[4])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, action="append", help="generated set sizes")
    parser.add_argument("--before", metavar="REV", help="also build with the code of git REV")
    parser.add_argument("--work", type=Path, help="keep the generated sets in this folder")
    args = parser.parse_args()
    sizes = sorted(args.records or [10_000, 20_000, 40_000])
    with tempfile.TemporaryDirectory(prefix="ddfacts-html-scaling-") as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        before = html_site.extract(args.before, Path(tmp) / "before") if args.before else None
        results: dict[str, list[dict[str, Any]]] = {"after": [], "before": []}
        for size in sizes:
            if before is not None:
                results["before"].append(_measure(size, work, before))
            results["after"].append(_measure(size, work, None))
    print(f"python {sys.version.split()[0]}")
    if before is not None:
        report(f"before ({args.before})", results["before"])
    report("after (this tree)", results["after"])


if __name__ == "__main__":
    main()
