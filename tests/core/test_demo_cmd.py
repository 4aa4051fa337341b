"""`tflink demo --if-missing`: builds the demo once, keeps it while current, rebuilds it when its inputs change."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def _demo(data_dir: Path) -> subprocess.CompletedProcess[str]:
    import os

    env = {**os.environ, "TFLINK_DATA_DIR": str(data_dir)}
    env.pop("TFLINK_DB", None)
    return subprocess.run([sys.executable, "-m", "tflink", "demo", "--if-missing"], capture_output=True, text=True,
                          env=env, timeout=300)


def test_demo_built_once_then_kept_then_rebuilt_when_stale(tmp_path: Path) -> None:
    first = _demo(tmp_path)
    assert first.returncode == 0, first.stderr
    manifest = tmp_path / "releases" / "demo" / "manifest.json"
    built = json.loads(manifest.read_text())["built_at"]
    assert json.loads(manifest.read_text())["totals"]["interactions"] > 0
    second = _demo(tmp_path)
    assert "already" in second.stderr
    assert json.loads(manifest.read_text())["built_at"] == built
    (tmp_path / "releases" / "demo.fingerprint").write_text("an older tflink")
    third = _demo(tmp_path)
    assert third.returncode == 0 and "built" in third.stderr
    assert (tmp_path / "releases" / "demo.fingerprint").read_text() != "an older tflink"
