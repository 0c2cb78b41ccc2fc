"""Benchmark the phrase parsers on hostile inputs: time per case, and what came out.

Run ``python benchmarks/parsers_hostile.py`` (``--limit 60`` seconds per case).
To measure another checkout, put its ``src`` first:
``PYTHONPATH=/path/to/checkout/src python benchmarks/parsers_hostile.py``.

Inputs (issue 14, cases 4 and 5), each also at the phrase limit
(:data:`ddfacts.limits.MAX_PHRASE_CHARS`, 500 characters) where the issue's
size is over it:

- ``parse_time`` on "2020" and 991 "?"; 991 "about ", "in ", "early "; 494
  "2020 to "; 99 KB of "since ";
- ``parse_quantity`` on 400 nines, 5,000 digits, 99 KB of "hundreds and ",
  99 KB of "(" and a "1".

Each line: parser, input, characters, CPU seconds (one run) and the outcome:
the result, or the exception's type and the start of its message.  A case
over the limit prints ``>limit``.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from collections.abc import Callable
from types import FrameType

from ddfacts import parse_quantity, parse_time

#: The phrase limit of this version; older ones had none.
LIMIT = 500


def _cases() -> list[tuple[str, str, Callable[[str], object]]]:
    # name: (parser, head, repeated word, count, tail)
    cases: dict[str, tuple[Callable[[str], object], str, str, int, str]] = {
        "2020 + ?": (parse_time, "2020", "?", 991, ""),
        "about": (parse_time, "", "about ", 991, "2020"),
        "in": (parse_time, "", "in ", 991, "2020"),
        "early": (parse_time, "", "early ", 991, "2020"),
        "2020 to": (parse_time, "", "2020 to ", 494, "2020"),
        "since": (parse_time, "", "since ", 16_500, "2020"),
        "nines": (parse_quantity, "", "9", 400, ""),
        "digits": (parse_quantity, "", "1", 5000, ""),
        "hundreds and": (parse_quantity, "", "hundreds and ", 7600, ""),
        "parentheses": (parse_quantity, "", "(", 99_000, "1"),
    }
    out: list[tuple[str, str, Callable[[str], object]]] = []
    for name, (parser, head, word, count, tail) in cases.items():
        phrase = head + word * count + tail
        out.append((name, phrase, parser))
        if len(phrase) > LIMIT:
            fitting = (LIMIT - len(head) - len(tail)) // len(word)
            out.append((f"{name} (at the limit)", head + word * fitting + tail, parser))
    return out


def _outcome(value: object) -> str:
    edtf = getattr(value, "edtf", None)
    if edtf is not None:
        return f"edtf {edtf}"
    qualifier = getattr(value, "qualifier", None)
    return f"{getattr(qualifier, 'value', '')} {getattr(value, 'amount', value)}"[:60]


class _Timeout(Exception):
    pass


def _alarm(_signum: int, _frame: FrameType | None) -> None:
    raise _Timeout


def main(argv: list[str] | None = None) -> int:
    """Run every case once and print one line each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=60, help="seconds per case")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGALRM, _alarm)
    print(f"{'parser':15} {'input':26} {'chars':>7} {'seconds':>8}  outcome")
    for name, phrase, parse in _cases():
        signal.alarm(args.limit)
        start = time.process_time()
        try:
            outcome = _outcome(parse(phrase))
        except _Timeout:
            outcome = ">limit"
        except Exception as error:  # what escapes is the point
            outcome = f"{type(error).__name__}: {str(error)[-70:]}"
        finally:
            signal.alarm(0)
        seconds = time.process_time() - start
        print(f"{parse.__name__:15} {name:26} {len(phrase):>7} {seconds:>8.3f}  {outcome}")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
