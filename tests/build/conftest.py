"""Fixtures of the source-adapter tests: the synthetic fixture folder (real samples come from `shared_dir`)."""
from __future__ import annotations

from pathlib import Path

import pytest

SYNTHETIC = Path(__file__).resolve().parents[1] / "data" / "synthetic"


@pytest.fixture(scope="session")
def synthetic_dir() -> Path:
    """tests/data/synthetic — hand-written SYNTHETIC fixtures (see its README)."""
    assert (SYNTHETIC / "README.md").read_text().startswith("# SYNTHETIC")
    return SYNTHETIC
