"""Fixtures of the export tests: the real-sample release opened, and an export helper."""
from __future__ import annotations

from pathlib import Path

import pytest

REF = Path(__file__).resolve().parents[2].parent / "shared" / "sources" / "tflink_reference"
SAMPLES = REF / "release_samples"


@pytest.fixture(scope="session")
def rel(ref_release: str):  # noqa: ANN201 - a store.Release
    from tflink.query import open_release

    return open_release(ref_release)


def export_bytes(rel, fmt: str, **kw) -> bytes:  # noqa: ANN001
    from tflink.query.exports import export

    return b"".join(export(rel, fmt, **kw).chunks())


def export_text(rel, fmt: str, **kw) -> str:  # noqa: ANN001
    return export_bytes(rel, fmt, **kw).decode("utf-8")
