"""TRED (Transcriptional Regulatory Element Database), as redistributed by RegNetwork (human, mouse).

Layouts: the RegNetwork web export CSV (header `regulator_symbol, regulator_id, target_symbol, target_id,
database, evidence, confidence`; rows whose `database` names TRED are taken) and the bulk `human.source` /
`mouse.source` (tab-separated `regulator_symbol regulator_id target_symbol target_id`, no database column:
only with `database=None`). Identifiers: NCBI Gene IDs (used) and symbols (fallback). No per-row PMIDs.
"""
from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from ..model import organism
from .records import RawEvidence, Rejector, open_text

NAME = "TRED"
LABEL = "TRED"
VERSION = "RegNetwork 2017 export"
URLS = {"regnetwork": "http://www.regnetworkweb.org/export.jsp"}
FILES = ("export_Fri_Sep_22_11_00_16_UTC_2017.csv", "human.source", "mouse.source")
LICENCE = "academic use (TRED); RegNetwork LGPL-3.0 (per OmniPath)"
CITATION_PMID = "17202159"
ATTRIBUTION = "Jiang C et al. TRED. Nucleic Acids Res 2007;35:D137-D140; Liu ZP et al. RegNetwork. Database 2015"
ORGANISMS = (9606, 10090)
_HEADER = ("regulator_symbol", "regulator_id", "target_symbol", "target_id")


def _pick(gid: str, sym: str) -> tuple[str, str]:
    gid = gid.strip()
    return (gid, "ncbi") if gid.isdigit() else (sym.strip(), "symbol")


def parse(path: str | Path, *, organism_id: int | str | None = None, database: str | None = "TRED",
          stats: Counter[str] | None = None, on_reject: Callable[[str, str], None] | None = None,
          **_: object) -> Iterator[RawEvidence]:
    """Yield RawEvidence for rows of `database` (None = every row, for the bulk .source files)."""
    taxid = organism(organism_id).taxid if organism_id is not None else (
        10090 if "mouse" in Path(path).name.lower() else 9606)
    stats = stats if stats is not None else Counter()
    reject = Rejector(path, on_reject)
    fname = Path(path).name
    with open_text(path) as fh:
        sample = fh.readline()
        delim = "\t" if "\t" in sample else ","
        header = [h.strip().lower() for h in next(csv.reader([sample], delimiter=delim), [])]
        has_header = header[:1] == ["regulator_symbol"]
        cols = {h: i for i, h in enumerate(header)} if has_header else {h: i for i, h in enumerate(_HEADER)}
        idb = cols.get("database")
        if database is not None and idb is None:
            reject(1, "no `database` column", f"pass database=None to take every row of {fname}")
            return
        rows = csv.reader(fh, delimiter=delim) if has_header else csv.reader([sample, *fh], delimiter=delim)
        for n, f in enumerate(rows, 2 if has_header else 1):
            if not f:
                continue
            stats["rows"] += 1
            if len(f) < 4:
                reject(n, "expected at least 4 fields", ",".join(f)[:80])
                continue
            if database is not None and database.lower() not in f[idb].lower().split(","):  # type: ignore[index]
                stats[f"skipped: database is not {database}"] += 1
                continue
            tf, tf_ns = _pick(f[cols["regulator_id"]], f[cols["regulator_symbol"]])
            tg, tg_ns = _pick(f[cols["target_id"]], f[cols["target_symbol"]])
            yield RawEvidence(tf, tf_ns, tg, tg_ns, taxid, LABEL, "", record_id=f"{fname}:{n}",
                              source_version=VERSION)
