"""The whole benchmark suite at 1 % as a smoke test (issue 7): every step runs and the report has every section.
No timing is asserted: the numbers only have to be there."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_benchmark_suite_runs_at_one_percent(tmp_path: Path) -> None:
    out, raw = tmp_path / "benchmarks.md", tmp_path / "benchmarks.json"
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run_all.py"), "--scale", "0.01", "--out",
                           str(out), "--json", str(raw), "--requests", "8", "--work", str(tmp_path / "work")],
                          capture_output=True, text=True, timeout=1200)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = out.read_text()
    for section in ("## Machine and data", "## Import", "## Latency in-process", "## Over HTTP",
                    "## Export throughput", "datasette", "sqlite-utils", "static file server", "PostgreSQL"):
        assert section in report
    res = json.loads(raw.read_text())
    assert res["import_sqlite"]["interactions"] == res["import_pg"]["interactions"] > 0
    assert res["import_sqlite"]["sites"] == res["import_pg"]["sites"] > 0
    for backend in ("http_sqlite", "http_pg"):
        for name, r in res[backend].items():
            if isinstance(r, dict) and "c1" in r and name != "static_entry_page":
                assert r["c1"]["errors"] == 0, (backend, name)
