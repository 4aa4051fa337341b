"""Run the whole benchmark suite on a synthetic TFLink-format release and rewrite docs/benchmarks.md.

    .venv/bin/python benchmarks/run_all.py --scale 1.0            # full TFLink v1.0 size (~20-40 min)
    .venv/bin/python benchmarks/run_all.py --scale 0.01 --out /tmp/b.md --no-postgres   # smoke run

Steps: generate (tflink synth) → import into SQLite and PostgreSQL (time, peak memory, rows/s, size) → sqlite-utils
insert of the same rows → in-process latencies (entry JSON of the largest hub, entry page, browse, search,
autocomplete, enrichment) → export throughput per format → HTTP at 1 and 16 clients, beside datasette (same SQLite
file, equivalent filtered-table query) and a static file server (pre-rendered entry page). No assertion on speed:
the numbers are written down, targets are compared in the report.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import suite  # noqa: E402
from harness import ROOT, machine_info  # noqa: E402
from report import render  # noqa: E402

FORMATS = ["table", "mitab", "gmt-uniprot", "sites", "gff3", "fasta", "jsonl", "parquet", "graphml", "sif"]
PG_BASE = "postgresql://postgres@127.0.0.1:5432/test"


def run(scale: float, work: Path, postgres: bool, requests: int, log: Any = print,
        reuse: bool = False) -> dict[str, Any]:
    res: dict[str, Any] = {"scale": scale, "machine": machine_info(), "started": time.strftime("%Y-%m-%d %H:%M:%S")}
    log(f"synth at scale {scale} …")
    res["synth"] = suite.synth(work, scale, reuse=reuse)
    files = res["synth"]["files"]
    sqlite_target = str(work / "release")
    log("import into SQLite …")
    res["import_sqlite"] = suite.import_release(files, sqlite_target)
    log("sqlite-utils insert …")
    res["sqlite_utils"] = suite.sqlite_utils_insert(work, files)
    hub, organism, genes = suite.hub_and_genes(sqlite_target)
    res["dataset"] = {"hub": hub, "organism": organism, "genes": len(genes),
                      "interactions": res["import_sqlite"]["interactions"], "sites": res["import_sqlite"]["sites"]}
    n = 60
    log("in-process latencies (SQLite) …")
    res["inproc_sqlite"] = suite.in_process(sqlite_target, hub, organism, genes, n)
    log("exports (SQLite) …")
    res["exports_sqlite"] = suite.exports(sqlite_target, organism, work, FORMATS)
    log("HTTP (SQLite, datasette, static) …")
    res["http_sqlite"] = suite.http(sqlite_target, hub, organism, work, requests)
    if postgres:
        url = f"{PG_BASE}?schema=bench_{uuid.uuid4().hex[:8]}"
        try:
            log("import into PostgreSQL …")
            res["import_pg"] = suite.import_release(files, url)
            log("in-process latencies (PostgreSQL) …")
            res["inproc_pg"] = suite.in_process(url, hub, organism, genes, n)
            log("exports (PostgreSQL) …")
            res["exports_pg"] = suite.exports(url, organism, work, ["table", "mitab"])
            log("HTTP (PostgreSQL) …")
            res["http_pg"] = suite.http(url, hub, organism, work, requests)
        finally:
            _drop_schema(url)
    res["finished"] = time.strftime("%Y-%m-%d %H:%M:%S")
    return res


def _drop_schema(url: str) -> None:
    import psycopg

    from tflink.query import forget

    forget()
    schema = url.split("schema=")[1]
    with psycopg.connect(PG_BASE, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=float, default=0.01)
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    ap.add_argument("--json", type=Path, default=None, help="Also write the raw results as JSON.")
    ap.add_argument("--work", type=Path, default=None, help="Working directory (default: a temporary one).")
    ap.add_argument("--no-postgres", action="store_true")
    ap.add_argument("--requests", type=int, default=200, help="HTTP requests per endpoint and concurrency level.")
    ap.add_argument("--reuse", action="store_true", help="Reuse the synthetic files already in --work.")
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="tflink-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        res = run(args.scale, work, not args.no_postgres, args.requests,
                  log=lambda m: print(m, file=sys.stderr, flush=True), reuse=args.reuse)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    args.out.write_text(render(res, ROOT / "docs"))
    if args.json:
        args.json.write_text(json.dumps(res, indent=1, default=str))
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
