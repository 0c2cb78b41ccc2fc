"""Benchmark re-anchoring on hostile inputs: time per size, and what was answered.

Run ``python benchmarks/relocate_hostile.py`` (``--sizes 50,200,1000`` in KB,
``--limit 60`` seconds per case).  To measure another checkout, put its
``src`` first: ``PYTHONPATH=/path/to/checkout/src python benchmarks/relocate_hostile.py``.

Inputs:

- ``repeated``: ``'word ' * n``, shifted by 3 characters (the quote occurs
  everywhere, each copy with the same context);
- ``typo-fixed``: ``'word ' * n`` with one ``wurd`` in the middle, the anchor on
  ``word wurd word``, and the typo fixed in the new text (issue 14, case 1: the
  right answer is the same span, or orphaned);
- ``long-quote``: a 10,000-character quote in the middle of a text of varied
  words, shifted by 3 characters;
- ``long-quote-typo``: the same, with a typo inside the quote.

Each line: input, size, seconds (wall clock, one run), method and span answered.
A case over the limit prints ``>limit``.
"""

from __future__ import annotations

import argparse
import random
import signal
import sys
import time
from collections.abc import Callable
from types import FrameType

from ddfacts import Anchor

Case = Callable[[int], tuple[Anchor, str, int]]


def repeated(size: int) -> tuple[Anchor, str, int]:
    old = "word " * (size // 5)
    middle = len(old) // 2
    return Anchor.from_span(old, middle, middle + 14), "abc" + old, len(old)


def typo_fixed(size: int) -> tuple[Anchor, str, int]:
    half = size // 10
    old = "word " * half + "wurd " + "word " * (half - 1)
    start = old.index("word wurd word")
    return Anchor.from_span(old, start, start + 14), "word " * (2 * half), len(old)


def _varied(size: int) -> str:
    rng = random.Random(14)
    words = ["embassy", "account", "ministry", "posted", "followers", "said", "the", "a", "of"]
    out: list[str] = []
    length = 0
    while length < size:
        word = rng.choice(words) + str(rng.randrange(100))
        out.append(word)
        length += len(word) + 1
    return " ".join(out)[:size]


def long_quote(size: int) -> tuple[Anchor, str, int]:
    old = _varied(size)
    start = len(old) // 2
    return Anchor.from_span(old, start, start + 10_000), "abc" + old, len(old)


def long_quote_typo(size: int) -> tuple[Anchor, str, int]:
    anchor, new, old_length = long_quote(size)
    at = 3 + anchor.start + 5_000
    while not new[at].isalpha():  # a changed digit would rightly orphan the quote
        at += 1
    return anchor, new[:at] + "#" + new[at + 1 :], old_length


CASES: dict[str, Case] = {
    "repeated": repeated,
    "typo-fixed": typo_fixed,
    "long-quote": long_quote,
    "long-quote-typo": long_quote_typo,
}


class _Timeout(Exception):
    pass


def _alarm(_signum: int, _frame: FrameType | None) -> None:
    raise _Timeout


def run(name: str, case: Case, size_kb: int, limit: int) -> str:
    anchor, new, old_length = case(size_kb * 1000)
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(limit)
    start = time.perf_counter()
    try:
        result = anchor.relocate(new, old_length=old_length)
    except _Timeout:
        return f"{name:16} {size_kb:6} KB  >{limit} s"
    finally:
        signal.alarm(0)
    seconds = time.perf_counter() - start
    span = "-" if result.orphaned else f"{result.start}..{result.end}"
    return (
        f"{name:16} {size_kb:6} KB  {seconds:8.3f} s  {result.method:9} "
        f"{anchor.start}..{anchor.end} -> {span}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="50,200,1000,5000", help="text sizes in KB")
    parser.add_argument("--limit", type=int, default=60, help="seconds per case at most")
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated inputs")
    args = parser.parse_args(argv)
    for name in args.cases.split(","):
        for size in (int(s) for s in args.sizes.split(",")):
            print(run(name, CASES[name], size, args.limit), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
