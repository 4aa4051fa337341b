"""HTRIdb: human TF -> target interactions with the experimental technique and one PMID per row.

Layout: header `ID_INTERACTION;GENEID_TF;SYMBOL_TF;GENEID_TG;SYMBOL_TG;TECHNIQUE;PUBMED_ID` (`;` in the web export,
tab in the 2016 literature-curated release). Identifiers: NCBI Gene IDs (used) and symbols (fallback).
The technique decides small- vs large-scale (ChIP-chip / ChIP-seq rows are large-scale; see build.rules).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from .records import RawEvidence, Rejector, numbered_lines, require_columns, split_pmids

NAME = "HTRIdb"
LABEL = "HTRI"
VERSION = "1 (2016 literature-curated release)"
URLS = {"rescued": "https://rescued.omnipathdb.org/HTRIdb.csv"}
FILES = ("HTRIdb.csv", "tf-target_network_052016_literaturecurated.txt")
LICENCE = "LGPL-3.0 (per OmniPath)"
CITATION_PMID = "22900683"
ATTRIBUTION = "Bovolenta LA et al. HTRIdb. BMC Genomics 2012;13:405"
ORGANISMS = (9606,)
COLUMNS = ("GENEID_TF", "SYMBOL_TF", "GENEID_TG", "SYMBOL_TG", "TECHNIQUE", "PUBMED_ID")


def _pick(gid: str, sym: str) -> tuple[str, str]:
    gid = gid.strip()
    return (gid, "ncbi") if gid.isdigit() else (sym.strip(), "symbol")


def parse(path: str | Path, *, stats: Counter[str] | None = None,
          on_reject: Callable[[str, str], None] | None = None, **_: object) -> Iterator[RawEvidence]:
    """Yield one RawEvidence per row (NCBI Gene IDs when present, else symbols)."""
    stats = stats if stats is not None else Counter()
    reject = Rejector(path, on_reject)
    lines = numbered_lines(path)
    first = next(lines, None)
    if first is None:
        return
    sep = "\t" if "\t" in first[1] else ";"
    cols = require_columns(path, first[0], [c.strip().upper() for c in first[1].split(sep)], COLUMNS)
    itf, istf, itg, istg, itech, ipm = (cols[c] for c in COLUMNS)
    iid = cols.get("ID_INTERACTION")
    fname = Path(path).name
    for n, line in lines:
        stats["rows"] += 1
        f = line.split(sep)
        if len(f) <= max(cols.values()):
            reject(n, f"expected {len(cols)} fields", line[:80])
            continue
        tf, tf_ns = _pick(f[itf], f[istf])
        tg, tg_ns = _pick(f[itg], f[istg])
        if not tf or not tg:
            reject(n, "no TF or target identifier", line[:80])
            continue
        rid = f"htri:{f[iid].strip()}" if iid is not None and f[iid].strip() else f"{fname}:{n}"
        yield RawEvidence(tf, tf_ns, tg, tg_ns, 9606, LABEL, f[itech].strip(), split_pmids(f[ipm]),
                          record_id=rid, source_version=VERSION)
