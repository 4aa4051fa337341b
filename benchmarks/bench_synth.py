"""Time `tflink.synth.generate` at one scale: wall time, rows per second, peak memory, bytes written.

Usage: ``python benchmarks/bench_synth.py --scale 0.1 [--seed 1] [--out DIR] [--verify] [--json]``.
Prints a dict (or JSON) that the lead folds into docs/benchmarks.md; :func:`run` returns it.
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from tflink.synth import generate, planned_rows, verify_counts


def _peak_rss_mb() -> float:
    """Peak resident memory of this process in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(scale: float, seed: int = 1, out: Path | None = None, verify: bool = False,
        organisms: list[str] | None = None) -> dict[str, object]:
    """Generate once into ``out`` (a temporary directory, removed afterwards, if None) and measure it."""
    tmp = None
    if out is None:
        tmp = Path(tempfile.mkdtemp(prefix="tflink-synth-"))
        out = tmp
    try:
        rows = planned_rows(scale, organisms)
        start = time.perf_counter()
        plan = generate(out, scale, seed, organisms)
        seconds = time.perf_counter() - start
        result: dict[str, object] = {
            "benchmark": "synth.generate", "scale": scale, "seed": seed, "organisms": organisms or "all",
            "rows": rows, "interactions": sum(c["total"]["interactions"] for c in plan.values()),
            "binding_site_rows": sum(c["total"]["binding_sequences"] for c in plan.values()),
            "seconds": round(seconds, 2), "rows_per_second": round(rows / seconds),
            "bytes_written": sum(p.stat().st_size for p in out.iterdir()), "peak_rss_mb": round(_peak_rss_mb(), 1),
            "python": sys.version.split()[0],
        }
        if verify:
            start = time.perf_counter()
            found = verify_counts(out)
            result["verify_seconds"] = round(time.perf_counter() - start, 2)
            result["verified"] = all(found.get(o) == plan[o] for o in plan)
            result["peak_rss_mb"] = round(_peak_rss_mb(), 1)
        return result
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=0.01)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=None, help="keep the files here (default: temporary, removed)")
    ap.add_argument("--organism", action="append", default=None)
    ap.add_argument("--verify", action="store_true", help="also time verify_counts (reads everything back)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    result = run(args.scale, args.seed, args.out, args.verify, args.organism)
    print(json.dumps(result, indent=1) if args.json else result)


if __name__ == "__main__":
    main()
