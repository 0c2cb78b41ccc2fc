"""Benchmark ``ddfacts.suggest``: time on the seed texts and on 10x and 100x texts, and coverage.

Run ``python benchmarks/suggest.py [--sizes 1,10,100] [--show KIND]`` (needs
the seed texts in ``../shared/seeds``).  It prints, per seed text and size,
the number of suggestions by kind and the time, the time per 100,000 code
points (flat when suggest is linear), and how many suggestions the seed fact
files cover.  ``--show KIND`` lists that kind's suggestions on the seeds with
an empty fact set, for judging precision by reading them (the figure a
careful reader kept is in the issue's note and the report).
"""

from __future__ import annotations

import argparse
import collections
import time
from pathlib import Path

import ddfacts
from ddfacts.suggest import suggest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
FACTS = ROOT / "examples" / "seeds"


def _texts() -> dict[str, str]:
    return {p.name: p.read_bytes().decode("utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def _time(texts: dict[str, str]) -> tuple[float, tuple[ddfacts.suggest.Suggestion, ...]]:
    started = time.perf_counter()
    found = suggest(ddfacts.FactSet(), texts)
    return time.perf_counter() - started, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1,10,100")
    parser.add_argument("--show", choices=("figure", "date", "quote", "role"))
    args = parser.parse_args()
    texts = _texts()
    print(f"{'text':26} {'size':>5} {'code points':>12} {'found':>6} {'s':>8} {'s/100k cp':>10}")
    for name, text in texts.items():
        for size in (int(s) for s in args.sizes.split(",")):
            big = "\n".join([text] * size)
            seconds, found = _time({name: big})
            per = seconds / len(big) * 100_000
            print(f"{name:26} {size:>4}x {len(big):>12} {len(found):>6} {seconds:8.3f} {per:10.4f}")
    _, found = _time(texts)
    kinds = collections.Counter(item.kind for item in found)
    print("\nsuggestions on the seeds, empty fact set:", dict(sorted(kinds.items())))
    facts = ddfacts.FactSet(r for p in sorted(FACTS.glob("*.facts.json")) for r in ddfacts.load(p))
    covered = suggest(facts, ddfacts.TextStore(SEEDS))
    for kind in sorted(kinds):
        mine = [item for item in covered if item.kind == kind]
        print(
            f"  {kind:7} covered by the seed fact files: {sum(i.covered for i in mine)}/{len(mine)}"
        )
    if args.show:
        for item in found:
            if item.kind == args.show:
                print(f"{item.source}:{item.start}: {item.text!r} speaker={item.speaker!r}")


if __name__ == "__main__":
    main()
