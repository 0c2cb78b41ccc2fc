"""One headless Chromium per test module, for every browser test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ._cdp import Browser, find_browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    binary = find_browser()
    if binary is None:
        pytest.skip("no Chromium installed (apt-get install chromium; .ci/run does)")
    running = Browser(binary)
    try:
        yield running
    finally:
        running.close()
