"""REDfly: curated Drosophila transcription factor binding sites (TFBS GFF3 dump, dm6).

Rows: `chr2L REDfly regulatory_region <start> <end> . . . ID=...;Dbxref="FB:<FBgn target>,PMID:<pmid>,
REDfly:RFTF:...";factor=FB:<FBgn TF>:<TF name>;target=FB:<FBgn>:<gene>;evidence=<term>`; older dumps use
`Dbxref="Flybase:FBgn...", "PMID:..."` and `Evidence=`. Each TFBS yields a TF -> target evidence (FlyBase
IDs) and a binding site (GFF coordinates, 1-based inclusive; no strand).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from .records import RawEvidence, RawSite, Rejector, numbered_lines, split_pmids

NAME = "REDfly"
LABEL = "REDfly"
VERSION = "6.0.2"
URLS = {"tfbs": "http://redfly.ccr.buffalo.edu/datadumps/tfbs/tfb_dump.gff"}
FILES = ("tfb_dump.gff",)
LICENCE = "free for academic use (no explicit data licence; code GPL-3.0)"
CITATION_PMID = "20965965"
ATTRIBUTION = "Gallo SM et al. REDfly v3.0. Nucleic Acids Res 2011;39:D118-D123 (redfly.ccr.buffalo.edu)"
ORGANISMS = (7227,)
ASSEMBLY = "dm6"
_ATTR = re.compile(r'\s*([A-Za-z_]+)\s*=\s*("(?:[^"]*)"(?:\s*,\s*"[^"]*")*|[^;]*)\s*;?')
_FBGN = re.compile(r"FBgn\d+")


def attributes(text: str) -> dict[str, str]:
    """GFF3 column-9 attributes, lower-cased keys, quotes removed (`a="x", "y"` -> `x,y`)."""
    return {m.group(1).lower(): m.group(2).replace('"', "").replace(", ", ",").strip()
            for m in _ATTR.finditer(text)}


def _fb(value: str) -> tuple[str, str] | None:
    """`FB:FBgn0000022:ac` -> ("FBgn0000022", "ac")."""
    m = _FBGN.search(value)
    if not m:
        return None
    rest = value[m.end():].lstrip(":")
    return m.group(0), rest


def parse(path: str | Path, *, assembly: str = ASSEMBLY, stats: Counter[str] | None = None,
          on_reject: Callable[[str, str], None] | None = None, **_: object) -> Iterator[RawEvidence | RawSite]:
    """Yield RawEvidence + RawSite per TFBS row of a REDfly GFF3 dump."""
    stats = stats if stats is not None else Counter()
    reject = Rejector(path, on_reject)
    for n, line in numbered_lines(path):
        if line.startswith("#"):
            continue
        stats["rows"] += 1
        f = line.split("\t")
        if len(f) < 9 or not f[3].strip().isdigit() or not f[4].strip().isdigit():
            reject(n, "expected 9 GFF3 columns with integer start/end", line[:80])
            continue
        a = attributes(f[8])
        tf = _fb(a.get("factor", ""))
        if tf is None:
            stats["skipped: no factor (not a TFBS row)"] += 1
            continue
        dbx = a.get("dbxref", "")
        target = _fb(a.get("target", "")) or _fb(dbx)
        rid = next((x for x in dbx.split(",") if x.startswith("REDfly:")), "") or a.get("id", f"{Path(path).name}:{n}")
        method = a.get("evidence", "")
        pmids = split_pmids(dbx, ",")
        chrom = f[0] if f[0].startswith("chr") else f"chr{f[0]}"
        if target is not None:
            yield RawEvidence(tf[0], "flybase", target[0], "flybase", 7227, LABEL, method, pmids,
                              record_id=rid.lower() if rid.startswith("REDfly") else rid, source_version=VERSION)
        yield RawSite(tf[0], "flybase", 7227, LABEL, assembly, chrom, int(f[3]), int(f[4]), None, method=method,
                      pmids=pmids, record_id=rid, source_version=VERSION,
                      target_id=target[0] if target else None, target_namespace="flybase" if target else None)
