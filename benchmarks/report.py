"""Render the benchmark results as docs/benchmarks.md (targets from the issues beside each number)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

# (label, path into results, target in ms or None)
LATENCIES = [
    ("entry JSON of the largest hub, built fresh every time (query layer)", ("inproc", "entry_json_hub"), None),
    ("entry JSON of an entry with ~8,174 interactions (TWIST1-sized), fresh (query layer)",
     ("inproc", "entry_json_8000"), 50),
    ("entry API `/api/v1/entries/{hub}` (ASGI, in-process; serialized JSON cached after the first request)",
     ("inproc", "entry_api_hub"), 25),
    ("entry page `/protein/{hub}`", ("inproc", "entry_page_hub"), 50),
    ("first page of an entry table (25 rows)", ("inproc", "entry_table_first_page"), 50),
    ("browse, first page (query layer)", ("inproc", "browse_first_page"), None),
    ("browse page (HTML)", ("inproc", "browse_page"), None),
    ("search, per prefix (query layer)", ("inproc", "search"), 15),
    ("autocomplete API `/api/v1/search`", ("inproc", "autocomplete_api"), 15),
    ("enrichment of 300 genes vs every TF of the organism", ("inproc", "enrichment_300_genes"), 100),
]


def _fmt(x: Any) -> str:
    if isinstance(x, float):
        return f"{x:,.2f}"
    if isinstance(x, int):
        return f"{x:,}"
    return str(x)


def _verdict(value: float, target: float | None, lower_is_better: bool = True) -> str:
    if target is None:
        return ""
    ok = value <= target if lower_is_better else value >= target
    if ok:
        return "met"
    by = value / target if lower_is_better else target / value
    return f"**missed** ({by:.1f}×)"


def render(res: dict[str, Any], docs: Path) -> str:
    out: list[str] = ["# Benchmarks", "",
                      "Written by `benchmarks/run_all.py` (`make bench`); every number is measured, none is asserted "
                      "in tests. Targets come from the issues; a missed target says by how much.", ""]
    out += _machine(res) + _imports(res) + _latencies(res) + _http(res) + _exports(res) + _others(docs)
    return "\n".join(out) + "\n"


def _machine(res: dict[str, Any]) -> list[str]:
    m = res["machine"]
    d = res["dataset"]
    lines = ["## Machine and data", "", "| | |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in m.items()]
    lines += [f"| run | {res['started']} → {res['finished']} |",
              f"| dataset | synthetic TFLink v1.0-format release at scale {res['scale']} (`tflink synth`, seed 7): "
              f"{d['interactions']:,} interactions, {d['sites']:,} binding sites |",
              f"| largest hub | {d['hub']} ({d['organism']}) |", ""]
    return lines


def _imports(res: dict[str, Any]) -> list[str]:
    lines = ["## Import", "", "| what | seconds | rows/s | peak memory (MiB) | size on disk (MiB) | target |",
             "|---|---:|---:|---:|---:|---|"]
    si = res["import_sqlite"]
    full = res["scale"] >= 1.0
    lines.append(f"| `tflink import-tflink` → SQLite | {_fmt(si['seconds'])} | {_fmt(si['rows_per_s'])} | "
                 f"{_fmt(si['peak_rss_mib'])} | {_fmt(si.get('size_on_disk_mib', '-'))} | ≥ 200,000 rows/s: "
                 f"{_verdict(si['rows_per_s'], 200000, False)}" + (f"; ≤ 600 s: {_verdict(si['seconds'], 600)}; "
                                                                   f"≤ 4096 MiB: {_verdict(si['peak_rss_mib'], 4096)}"
                                                                   if full else "") + " |")
    if "import_pg" in res:
        pg = res["import_pg"]
        lines.append(f"| `tflink import-tflink` → PostgreSQL | {_fmt(pg['seconds'])} | {_fmt(pg['rows_per_s'])} | "
                     f"{_fmt(pg['peak_rss_mib'])} | - | " + (f"≤ 600 s: {_verdict(pg['seconds'], 600)}" if full else "")
                     + " |")
    su = res["sqlite_utils"]
    lines.append(f"| `tflink import-tflink` of `{su['file']}` alone ({su['rows']:,} rows) | {_fmt(su['ours_seconds'])} | "
                 f"{_fmt(su['ours_rows_per_s'])} | | | |")
    lines.append(f"| `sqlite-utils insert --tsv` of the same file (no integration, no indexes) | "
                 f"{_fmt(su['seconds'])} | {_fmt(su['rows_per_s'])} | {_fmt(su['peak_rss_mib'])} | - | |")
    lines += ["", f"Side by side on the same file: our import (parse, integrate, index, derive functions and "
                  f"statistics) is **{su['ours_rows_per_s'] / su['rows_per_s']:.2f}×** the rows/s of "
                  f"`sqlite-utils insert` (which loads the TSV as text). The first row imports every organism's "
                  f"interactions **and** binding sites (rows/s counts both).", ""]
    return lines


def _latencies(res: dict[str, Any]) -> list[str]:
    lines = ["## Latency in-process (median / p99 ms)", ""]
    backends = [("SQLite", "inproc_sqlite")] + ([("PostgreSQL", "inproc_pg")] if "inproc_pg" in res else [])
    lines.append("| operation | " + " | ".join(f"{b} median | {b} p99" for b, _ in backends) + " | target (p99) |")
    lines.append("|---|" + "---:|---:|" * len(backends) + "---|")
    for label, (_, key), target in LATENCIES:
        cells = []
        verdicts = []
        if any(key not in res[k] for _, k in backends):
            continue
        for b, k in backends:
            s = res[k][key]
            cells += [_fmt(s["median_ms"]), _fmt(s["p99_ms"])]
            if target:
                verdicts.append(f"{b}: {_verdict(s['p99_ms'], target)}")
        tgt = f"≤ {target} ms — " + ", ".join(verdicts) if target else ""
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {tgt} |")
    return lines + [""]


def _http(res: dict[str, Any]) -> list[str]:
    lines = ["## Over HTTP (uvicorn, one process; median / p99 ms, requests/s)", "",
             "| endpoint | backend | 1 client | 16 clients |", "|---|---|---|---|"]
    for backend, key in (("SQLite", "http_sqlite"), ("PostgreSQL", "http_pg")):
        if key not in res:
            continue
        for name, r in res[key].items():
            if not isinstance(r, dict) or "c1" not in r:
                continue
            label = {"datasette_interactions": "datasette: the same filtered table (100 interactions of the hub)",
                     "static_entry_page": "static file server: pre-rendered entry page"}.get(name, name)
            cells = [f"{_fmt(r[c]['median_ms'])} / {_fmt(r[c]['p99_ms'])} ({_fmt(r[c]['req_per_s'])}/s"
                     + (f", {r[c]['errors']} errors" if r[c]["errors"] else "") + ")" for c in ("c1", "c16")]
            lines.append(f"| {label} | {backend} | {cells[0]} | {cells[1]} |")
        lines.append(f"| server peak memory | {backend} | {_fmt(res[key]['server_peak_rss_mib'])} MiB | "
                     f"target ≤ 1024 MiB: {_verdict(res[key]['server_peak_rss_mib'], 1024)} |")
    h = res["http_sqlite"]
    if "datasette_interactions" in h:
        ours, ds = h["interactions_api"], h["datasette_interactions"]
        page, static = h["entry_page"], h["static_entry_page"]
        lines += ["", "Side by side, same run, same rows (ratio = their median ÷ our median; > 1 means we are faster):",
                  "",
                  f"* our `/api/v1/interactions?tf=HUB&limit=100` vs datasette `interaction.json?tf_id=…&_size=100`: "
                  f"**{ds['c1']['median_ms'] / ours['c1']['median_ms']:.2f}** at 1 client, "
                  f"**{ds['c16']['median_ms'] / ours['c16']['median_ms']:.2f}** at 16 "
                  f"(target: at least as fast as datasette). Ours also resolves the TF by name/AC, joins entry names "
                  f"and builds typed JSON.",
                  f"* our dynamic entry page vs a static file server serving the same page pre-rendered: "
                  f"**{static['c1']['median_ms'] / page['c1']['median_ms']:.2f}** at 1 client, "
                  f"**{static['c16']['median_ms'] / page['c16']['median_ms']:.2f}** at 16."]
    return lines + [""]


def _exports(res: dict[str, Any]) -> list[str]:
    lines = ["## Export throughput (streamed, one organism, all scales)", "",
             "| format | backend | rows | seconds | rows/s | MiB | target |", "|---|---|---:|---:|---:|---:|---|"]
    for backend, key in (("SQLite", "exports_sqlite"), ("PostgreSQL", "exports_pg")):
        for fmt, r in res.get(key, {}).items():
            tgt = f"≥ 300,000 rows/s: {_verdict(r['rows_per_s'], 300000, False)}" if fmt == "table" else ""
            lines.append(f"| {fmt} | {backend} | {_fmt(r['rows'])} | {_fmt(r['seconds'])} | {_fmt(r['rows_per_s'])} | "
                         f"{r['bytes'] / 1048576:,.1f} | {tgt} |")
    return lines + [""]


def _others(docs: Path) -> list[str]:
    lines = ["## Component benchmarks", ""]
    for name, what in (("benchmarks_sources.md", "source adapters (rows/s per adapter, DoRothEA integration)"),
                       ("benchmarks_synth.md", "the synthetic release generator"),
                       ("benchmarks_web.md", "gateway pages and autocomplete on the demo release"),
                       ("benchmarks_exports.md", "exports and the entry API on the demo release"),
                       ("benchmarks_analyses.md", "analyses")):
        if (docs / name).exists():
            lines.append(f"* [{name}]({name}) — {what}")
    return lines
