"""Shared test set-up: Hypothesis profiles and the seed texts."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=100, deadline=None)
settings.register_profile(
    "ci", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("fast", max_examples=20, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

#: The repository's root folder.
ROOT = Path(__file__).resolve().parent.parent
#: Where the seed texts live: ../shared/seeds beside the repository.
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    """The folder of seed texts; skips the test when it is absent (a fresh clone)."""
    if not SEEDS.is_dir():
        pytest.skip(f"the seed texts are not here ({SEEDS} is absent: a fresh clone)")
    return SEEDS
