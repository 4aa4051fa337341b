"""The benchmark steps of the full-scale suite (issue 7): each returns a dict of measurements."""
from __future__ import annotations

import gzip
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from harness import (dir_size_mib, free_port, http_load, peak_rss_mib, run_measured, server, summary, time_calls,
                     tool)


def synth(work: Path, scale: float, seed: int = 7, reuse: bool = False) -> dict[str, Any]:
    out = work / "synth"
    seconds = None
    if not (reuse and out.is_dir()):
        if out.exists():
            shutil.rmtree(out)
        seconds = run_measured([tool("tflink"), "synth", str(out), "--scale", str(scale), "--seed", str(seed)])["seconds"]
    files = sorted(out.glob("TFLink_*")) + sorted(out.glob("*_browse.csv"))
    return {"dir": str(out), "files": [str(f) for f in files], "seconds": seconds}


def import_release(files: list[str], target: str) -> dict[str, Any]:
    """`tflink import-tflink` of every synthetic file: time, peak memory, rows per second."""
    from tflink.query import forget
    from tflink.store import Release

    forget()
    m = run_measured([tool("tflink"), "import-tflink", *files, "--db", target, "--version", "bench"])
    rel = Release(target)
    n_int, n_site = rel.count("interaction"), rel.count("site")
    rel.close()
    out = {"seconds": m["seconds"], "peak_rss_mib": m["peak_rss_mib"], "interactions": n_int, "sites": n_site,
           "rows_per_s": round((n_int + n_site) / m["seconds"])}
    if not target.startswith("postgres"):
        out["size_on_disk_mib"] = dir_size_mib(Path(target))
    return out


def sqlite_utils_insert(work: Path, files: list[str], organism: str = "Drosophila_melanogaster") -> dict[str, Any]:
    """`sqlite-utils insert --tsv` vs our import, on the same interaction file (one organism keeps it bounded)."""
    table = next(f for f in files if "simpleFormat" in f and organism in f)
    tsv = work / "interactions.tsv"
    with gzip.open(table, "rt") as fh, open(tsv, "w") as out:
        shutil.copyfileobj(fh, out)
    n = sum(1 for _ in open(tsv)) - 1
    db = work / "sqlite_utils.db"
    db.unlink(missing_ok=True)
    theirs = run_measured([tool("sqlite-utils"), "insert", str(db), "interactions", str(tsv), "--tsv"])
    ours = run_measured([tool("tflink"), "import-tflink", table, "--db", str(work / "one-organism")])
    tsv.unlink()
    return {"file": Path(table).name, "rows": n, "seconds": theirs["seconds"],
            "rows_per_s": round(n / theirs["seconds"]), "peak_rss_mib": theirs["peak_rss_mib"],
            "ours_seconds": ours["seconds"], "ours_rows_per_s": round(n / ours["seconds"])}


def hub_and_genes(location: str) -> tuple[str, str, list[str]]:
    """The largest hub (by interactions), its organism, and 300 of its targets as a gene list."""
    from tflink import model
    from tflink.store import Release

    rel = Release(location)
    best = None
    for o in model.ORGANISMS:
        page = rel.browse(o.taxid, sort="n_interactions", desc=True, limit=1)
        if page.rows and (best is None or page.rows[0]["n_interactions"] > best["n_interactions"]):
            best = page.rows[0]
    assert best is not None, "empty release"
    targets = rel.partners(best["id"], "targets", limit=300).rows
    rel.close()
    return best["uniprot"], model.organism(best["taxid"]).name, [t["uniprot"] for t in targets]


def in_process(location: str, hub: str, organism: str, genes: list[str], n: int) -> dict[str, Any]:
    """Latency of the query functions and of rendering pages in-process (no network)."""
    from fastapi.testclient import TestClient

    from tflink.query import entries, forget, open_release
    from tflink.query.analyses import enrichment
    from tflink.web.app import create_app

    forget()
    rel = open_release(location)
    prefixes = ["tw", "sox", "a0a", "ctcf", "p1", "q9", "myc", "1"]
    out: dict[str, Any] = {
        "entry_json_hub": time_calls(lambda: entries.entry_json(rel, hub), max(5, n // 5)),
        "entry_table_first_page": time_calls(lambda: entries.entry_table(rel, hub, "targets", limit=25), n),
        "search": time_calls(lambda: [entries.search(rel, p, limit=10) for p in prefixes], n // 4),
        "browse_first_page": time_calls(lambda: entries.browse(rel, organism, limit=25), n),
        "enrichment_300_genes": time_calls(lambda: enrichment(rel, genes, organism), max(5, n // 5)),
    }
    out["search"] = {k: (round(v / len(prefixes), 2) if k.endswith("_ms") else v) for k, v in out["search"].items()}
    mid = _entry_near(rel, 8174)  # the size of TWIST1, the reference hub
    if mid is not None:
        out["entry_json_8000"] = {**time_calls(lambda: entries.entry_json(rel, mid["uniprot"]), max(5, n // 5)),
                                  "rows": mid["n_interactions"]}
    client = TestClient(create_app(location))
    out["entry_page_hub"] = time_calls(lambda: client.get(f"/protein/{hub}"), max(5, n // 5))
    out["browse_page"] = time_calls(lambda: client.get(f"/browse?organism={organism.replace(' ', '_')}"), n // 2)
    out["autocomplete_api"] = time_calls(lambda: client.get("/api/v1/search?q=tw&limit=10"), n)
    out["entry_api_hub"] = time_calls(lambda: client.get(f"/api/v1/entries/{hub}"), max(5, n // 5))
    return out


def _entry_near(rel: Any, n: int) -> dict[str, Any] | None:
    """The entry whose number of interactions is closest to n (within ±15 %)."""
    from tflink import model

    best = None
    for o in model.ORGANISMS:
        for e in rel.browse(o.taxid, min_n=int(n * 0.85), max_n=int(n * 1.15), limit=50).rows:
            if best is None or abs(e["n_interactions"] - n) < abs(best["n_interactions"] - n):
                best = e
    return best


def exports(location: str, organism: str, work: Path, formats: list[str]) -> dict[str, Any]:
    """Streaming export throughput per format for one organism (rows/s of the interactions or sites read)."""
    from tflink.query import forget, open_release
    from tflink.query.exports import export

    from tflink.query import entries

    forget()
    rel = open_release(location)
    total = next(s for s in entries.stats(rel) if s["organism"] == organism and s["scale"] == "total")
    site_formats = {"sites", "gff3", "fasta"}
    out: dict[str, Any] = {}
    for fmt in formats:
        path = work / f"export.{fmt}"
        t = time.perf_counter()
        ex = export(rel, fmt, organism, "all")
        with open(path, "wb") as fh:
            for chunk in ex.chunks():
                fh.write(chunk if isinstance(chunk, bytes) else chunk.encode())
        seconds = time.perf_counter() - t
        rows = total["binding_sequences"] if fmt in site_formats else total["interactions"]
        out[fmt] = {"seconds": round(seconds, 2), "bytes": path.stat().st_size, "rows": rows,
                    "rows_per_s": round(rows / seconds) if seconds else 0}
        path.unlink()
    return out


def http(location: str, hub: str, organism: str, work: Path, requests: int) -> dict[str, Any]:
    """Our server over HTTP at 1 and 16 clients, beside datasette and a static file server on the same rows."""
    from tflink.store import Release

    port = free_port()
    org = organism.replace(" ", "_")
    paths = {"entry_api": [f"/api/v1/entries/{hub}"], "entry_page": [f"/protein/{hub}"],
             "search_api": ["/api/v1/search?q=tw&limit=10", "/api/v1/search?q=sox&limit=10"],
             "browse_page": [f"/browse?organism={org}"], "interactions_api": [f"/api/v1/interactions?tf={hub}&limit=100"]}
    out: dict[str, Any] = {}
    with server([tool("tflink"), "serve", "--db", location, "--port", str(port)], port, "/api/v1/stats") as proc:
        base = f"http://127.0.0.1:{port}"
        for name, p in paths.items():
            out[name] = {f"c{c}": http_load(base, p, c, max(2, requests // c)) for c in (1, 16)}
        out["server_peak_rss_mib"] = peak_rss_mib(proc.pid)
        import httpx

        page_html = httpx.get(f"{base}/protein/{hub}").text
    if location.startswith("postgres"):
        return out
    rel = Release(location)
    tf_id = rel.entry(hub)["id"]
    db_file = str(rel.path)
    rel.close()
    dport = free_port()
    with server([tool("datasette"), "serve", db_file, "--port", str(dport), "--immutable", db_file,
                 "--setting", "sql_time_limit_ms", "10000"], dport, "/-/versions.json"):
        dbase = f"http://127.0.0.1:{dport}"
        dpath = [f"/tflink/interaction.json?tf_id={tf_id}&_size=100&_shape=array"]
        out["datasette_interactions"] = {f"c{c}": http_load(dbase, dpath, c, max(2, requests // c)) for c in (1, 16)}
    static = work / "static"
    (static / "protein" / hub).mkdir(parents=True, exist_ok=True)
    (static / "protein" / hub / "index.html").write_text(page_html)
    sport = free_port()
    with server([sys.executable, "-m", "http.server", str(sport), "--bind", "127.0.0.1", "--directory", str(static)],
                sport, f"/protein/{hub}/"):
        out["static_entry_page"] = {f"c{c}": http_load(f"http://127.0.0.1:{sport}", [f"/protein/{hub}/"], c,
                                                       max(2, requests // c)) for c in (1, 16)}
    return out


def ratio(a: dict[str, Any], b: dict[str, Any]) -> float:
    """How many times faster a is than b (by median latency)."""
    return round(b["median_ms"] / a["median_ms"], 2) if a.get("median_ms") else 0.0


__all__ = ["synth", "import_release", "sqlite_utils_insert", "hub_and_genes", "in_process", "exports", "http",
           "ratio", "summary"]
