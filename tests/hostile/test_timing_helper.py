"""The complexity check itself: it passes a linear path and fails a quadratic one."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ._timing import ATTEMPTS, assert_near_linear


def _linear(n: int) -> Callable[[], int]:
    return lambda: sum(range(n * 100))


def _quadratic(n: int) -> Callable[[], int]:
    def run() -> int:
        total = 0
        for i in range(n):
            for _ in range(n):
                total += i
        return total

    return run


def test_linear_passes() -> None:
    """10x a linear loop stays under the bound."""
    assert_near_linear(_linear, 2_000)


def test_quadratic_fails_every_attempt() -> None:
    """10x a quadratic loop takes ~100x: every attempt fails, and the message says so."""
    with pytest.raises(AssertionError) as raised:
        assert_near_linear(_quadratic, 200)
    assert str(raised.value).count("ms ->") == ATTEMPTS
