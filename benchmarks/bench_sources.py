"""Rows per second of each source adapter (parse only) and of the whole integration of DoRothEA.

Real samples come from ../shared/sources; small samples (GTRD, ReMap, Yeastract, SYNTHETIC fixtures) are
repeated into a temporary file so that each measurement reads at least ~50,000 rows. Prints a Markdown table.

    .venv/bin/python benchmarks/bench_sources.py            # all
    .venv/bin/python benchmarks/bench_sources.py trrust     # adapters whose name contains "trrust"
"""
from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from tflink import sources

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared" / "sources").resolve()
SYN = ROOT / "tests" / "data" / "synthetic"


def repeated(path: Path, times: int, header_lines: int, tmp: Path) -> Path:
    """A copy of `path` whose data lines are repeated `times` times (header kept once)."""
    lines = path.read_text().splitlines(keepends=True)
    out = tmp / path.name
    with open(out, "w") as fh:
        fh.writelines(lines[:header_lines])
        for _ in range(times):
            fh.writelines(lines[header_lines:])
    return out


def cases(tmp: Path) -> list[tuple[str, str, Path | str, dict[str, Any]]]:
    """(label, source, path, options) of every measurement."""
    return [
        ("TRRUST human (real)", "trrust", SHARED / "trrust" / "trrust_rawdata.human.tsv", {}),
        ("TRRUST mouse (real)", "trrust", SHARED / "trrust" / "trrust_rawdata.mouse.tsv", {}),
        ("DoRothEA entire_database.rda, TFLink filter (real)", "dorothea",
         SHARED / "dorothea" / "entire_database.rda", {}),
        ("DoRothEA entire_database.rda, all curated + ChIP-seq (real)", "dorothea",
         SHARED / "dorothea" / "entire_database.rda", {"curated": "all", "chip_seq": True}),
        ("DoRothEA dorothea_hs.rda, A-E (real)", "dorothea", SHARED / "dorothea" / "dorothea_hs.rda",
         {"confidence": "ABCDE"}),
        ("DoRothEA 2018 CSV (real excerpt)", "dorothea", SHARED / "dorothea" / "database_PANCANCER_20181030.csv", {}),
        ("GTRD meta-clusters (real lines x 10,000)", "gtrd",
         repeated(SHARED / "gtrd" / "Homo_sapiens_meta_clusters.interval", 10_000, 1, tmp), {}),
        ("ReMap BED (real x 100)", "remap", repeated(SHARED / "remap" / "ReMap_nrPeaks_public_chr22_SOX2.bed", 100, 0,
                                                     tmp), {}),
        ("Yeastract two-column (real x 50)", "yeastract",
         repeated(SHARED / "yeastract" / "RegulationTwoColumnTable_both.tsv", 50, 0, tmp), {}),
        ("Yeastract matrix (real, 8 TFs)", "yeastract", SHARED / "yeastract" / "RegulationMatrix_Documented_both.csv",
         {}),
        ("JASPAR 2020 matrices (pyjaspar SQLite)", "jaspar", "pyjaspar:JASPAR2020", {}),
        ("HTRIdb (SYNTHETIC x 20,000)", "htridb", repeated(SYN / "HTRIdb.synthetic.csv", 20_000, 1, tmp), {}),
        ("ORegAnno (SYNTHETIC x 10,000)", "oreganno", repeated(SYN / "ORegAnno_Combined.synthetic.tsv", 10_000, 1, tmp),
         {}),
        ("REDfly GFF3 (SYNTHETIC x 20,000)", "redfly", repeated(SYN / "redfly_tfbs.synthetic.gff", 20_000, 3, tmp), {}),
        ("TRED RegNetwork (SYNTHETIC x 20,000)", "tred", repeated(SYN / "regnetwork_export.synthetic.csv", 20_000, 1, tmp),
         {}),
    ]


def measure(source: str, path: Path | str, options: dict[str, Any]) -> tuple[int, int, float]:
    """(rows read, records yielded, seconds) of one full parse."""
    stats: Counter[str] = Counter()
    t = time.perf_counter()
    n = sum(1 for _ in sources.get(source).parse(path, stats=stats, on_reject=lambda r, e: None, **options))
    return stats["rows"], n, time.perf_counter() - t


def integration() -> tuple[int, int, float]:
    """Build.integrate of entire_database.rda (all curated + ChIP-seq) with the human UniProt/TFLink tables."""
    from tflink.build.config import load_config
    from tflink.build.pipeline import Build

    with tempfile.TemporaryDirectory() as d:
        cfg = Path(d) / "b.toml"
        cfg.write_text(f'''[release]\nversion = "bench"
[[idmap]]\nformat = "uniprot_tab"\npath = "{SHARED / 'idmapping' / 'hsa_uniprot_20180314.txt'}"\norganism = "human"
[[idmap]]\nformat = "tflink_browse"\npath = "{SHARED / 'tflink_reference' / 'browse_tables' / 'Homo_sapiens_browse.csv'}"
organism = "human"
[[input]]\nsource = "dorothea"\npath = "{SHARED / 'dorothea' / 'entire_database.rda'}"
options = {{ curated = "all", chip_seq = true }}
''')
        t = time.perf_counter()
        b = Build(load_config(cfg))
        its = b.integrate()
        return b.input_stats["DoRothEA:entire_database.rda"]["counts"]["rows"], len(its), time.perf_counter() - t


def main(filters: list[str]) -> None:
    print("| adapter | rows read | records | seconds | rows/s |\n|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as d:
        for label, source, path, options in cases(Path(d)):
            if filters and not any(f in label.lower() for f in filters):
                continue
            rows, n, sec = measure(source, path, options)
            print(f"| {label} | {rows:,} | {n:,} | {sec:.2f} | {rows / sec:,.0f} |", flush=True)
    if not filters or "integrat" in " ".join(filters):
        rows, n, sec = integration()
        print(f"| integrate DoRothEA entire_database.rda (parse + map + aggregate) | {rows:,} | {n:,} interactions"
              f" | {sec:.2f} | {rows / sec:,.0f} |")


if __name__ == "__main__":
    main([a.lower() for a in sys.argv[1:]])
