"""Server-side timings of the gateway (run on demand: `.venv/bin/python benchmarks/bench_web.py [RELEASE]`).

Measures, in-process through the ASGI app (no network): the entry page of the largest hub, the first page of
each of its tables, the network view and autocomplete. Targets: pages <= 50 ms, autocomplete <= 15 ms.
Writes docs/benchmarks_web.md.
"""
from __future__ import annotations

import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from fastapi.testclient import TestClient

from tflink.query import open_release
from tflink.web.app import create_app

ROOT = Path(__file__).resolve().parents[1]
REPEAT = 30


def largest_hub(location: str) -> str:
    """The entry with the most interaction rows among the top browse rows of each organism."""
    rel = open_release(location)
    from tflink.query import entries

    top = []  # browse-table counts can be declared ones: rank the top 50 per organism by rows actually held
    for o in rel.manifest.get("organisms", []):
        top += entries.browse(rel, o, sort="n_interactions", desc=True, limit=50).rows
    return max(top, key=lambda e: e["n_as_tf"] + e["n_as_target"])["uniprot"]


def timed(client: TestClient, url: str) -> dict[str, float]:
    client.get(url)  # warm caches
    times = []
    for _ in range(REPEAT):
        t = time.perf_counter()
        r = client.get(url)
        times.append((time.perf_counter() - t) * 1000)
        assert r.status_code == 200, (url, r.status_code)
    return {"median": statistics.median(times), "p95": sorted(times)[int(0.95 * len(times)) - 1], "max": max(times)}


def main(location: str) -> None:
    client = TestClient(create_app(location))
    hub = largest_hub(location)
    cases = [("entry page of the largest hub", f"/protein/{hub}", 50),
             ("targets table, first page", f"/protein/{hub}/table/targets", 50),
             ("TFs table, first page", f"/protein/{hub}/table/tfs", 50),
             ("binding sites table, first page", f"/protein/{hub}/table/binding_sites", 50),
             ("network, 100 nodes", f"/api/v1/entries/{hub}/network?max_nodes=100", 50),
             ("browse, human first page", "/browse?organism=Homo+sapiens", 50),
             ("autocomplete 'tw'", "/api/v1/search?q=tw&limit=10", 15),
             ("autocomplete 'twist1'", "/api/v1/search?q=twist1&limit=10", 15)]
    lines = ["# Web gateway benchmarks", "",
             f"Run {datetime.now(UTC).isoformat(timespec='seconds')} on `{location}` "
             f"(hub {hub}); {REPEAT} requests each through the in-process ASGI app (TestClient: server time plus "
             "a small client overhead), 2-core machine.", "",
             "| case | URL | median ms | p95 ms | max ms | target ms | ok |", "|---|---|---|---|---|---|---|"]
    for label, url, target in cases:
        t = timed(client, url)
        ok = "yes" if t["median"] <= target else "NO"
        lines.append(f"| {label} | `{url}` | {t['median']:.1f} | {t['p95']:.1f} | {t['max']:.1f} | {target} | {ok} |")
        print(lines[-1])
    out = ROOT / "docs" / "benchmarks_web.md"
    out.write_text("\n".join(lines) + "\n")
    print(f"written {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(Path("/tmp/myrel")))
