"""The demo release: built by the regular pipeline from the real data in `tflink/demo_data/`.

`build_demo(target)` is what the install step calls; `demo_config()` is the path of `demo.toml`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .pipeline import Progress, build

DEMO_DIR = Path(__file__).resolve().parent.parent / "demo_data"


def demo_config() -> Path:
    """The TOML config of the demo release."""
    return DEMO_DIR / "demo.toml"


def build_demo(target_dir: str | Path, progress: Progress | None = None) -> dict[str, Any]:
    """Build the demo release into `target_dir` (a release directory path or postgresql:// URL).

    Returns the build report (also saved in the release manifest). Takes about 15 s on one core.
    """
    return build(demo_config(), target_dir, progress)
