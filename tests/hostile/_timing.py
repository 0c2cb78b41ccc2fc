"""Complexity ratios: time a function at two input sizes, require near-linear growth.

Absolute times belong in ``benchmarks/``; here only the ratio between two sizes
of the same input is checked, so a quadratic path (100x the time for 10x the
input) fails while a noisy machine (2 shared cores) does not.  The garbage
collector is paused while a call is timed (a full collection's cost follows
everything alive in the process, not the input), and a ratio over the bound
is measured again, up to :data:`ATTEMPTS` times: a quadratic path fails every
attempt, a burst of load on a shared machine rarely lasts through them.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import Any

#: 10x the input may take at most this many times as long.
MAX_RATIO = 20.0
#: Measurements of both sizes before a ratio over the bound fails the test.
ATTEMPTS = 3


def best_time(func: Callable[[], Any], *, repeat: int = 3) -> float:
    """The shortest of *repeat* CPU-time runs of *func*, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            func()
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


def assert_near_linear(
    make: Callable[[int], Callable[[], Any]],
    small: int,
    *,
    factor: int = 10,
    max_ratio: float = MAX_RATIO,
    floor: float = 0.002,
) -> tuple[float, float]:
    """Assert that ``make(small * factor)`` runs at most *max_ratio* times ``make(small)``.

    *make* builds the input of the given size and returns the call to time (the
    building is not timed).  Times below *floor* seconds are raised to it, so
    timer resolution cannot fake a large ratio.  Returns both times.
    """
    run_small = make(small)
    run_large = make(small * factor)
    seen = []
    for _ in range(ATTEMPTS):
        t_small = max(best_time(run_small), floor)
        t_large = best_time(run_large, repeat=2)
        ratio = t_large / t_small
        if ratio <= max_ratio:
            return t_small, t_large
        seen.append(f"{ratio:.1f}x ({t_small * 1000:.1f} ms -> {t_large * 1000:.1f} ms)")
    raise AssertionError(
        f"{factor}x the input took {', then '.join(seen)} the time; at most {max_ratio}x allowed"
    )
