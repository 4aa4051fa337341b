"""Fixtures of the analysis tests: `trrust_release` (real TRRUST human + mouse with orthologs, see trrust_data)."""
from __future__ import annotations

from pathlib import Path

import pytest
from analyses.trrust_data import build_trrust_release


@pytest.fixture(scope="session")
def trrust_release(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path) -> str:
    """Real TRRUST v2 human + mouse edges with real human-mouse orthologs, as a SQLite release."""
    return build_trrust_release(tmp_path_factory.mktemp("trrust"), shared_dir)
