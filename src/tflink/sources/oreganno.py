"""ORegAnno 3.0 combined dump: curated regulatory annotations incl. PAZAR records (6 TFLink species).

Layout (`ORegAnno_Combined_2016.01.19.tsv`): tab-separated with header `ORegAnno_ID, Species, Outcome, Type,
Gene_Symbol, Gene_ID, Gene_Source, Regulatory_Element_Symbol, Regulatory_Element_ID,
Regulatory_Element_Source, dbSNP_ID, PMID, Dataset, ..., Build, Chr, Start, End[, Strand]`; `N/A` = missing.
Kept: `Type == TRANSCRIPTION FACTOR BINDING SITE`, positive outcome, regulatory element not from miRBase.
Rows of `Dataset == PAZAR` are labelled `PAZAR`. A record yields one TF -> target evidence (once per
ORegAnno_ID, whatever the number of genome builds) and one binding site per build with coordinates.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from ..model import ORGANISMS
from .records import (
    RawEvidence,
    RawSite,
    Rejector,
    numbered_lines,
    require_columns,
    split_pmids,
)

NAME = "ORegAnno"
LABEL = "ORegAnno"
VERSION = "3.0 (2016.01.19 dump)"
URLS = {"rescued": "http://rescued.omnipathdb.org/ORegAnno_Combined_2016.01.19.tsv"}
FILES = ("ORegAnno_Combined_2016.01.19.tsv",)
LICENCE = "LGPL-3.0 (per OmniPath); open access"
CITATION_PMID = "26578589"
ATTRIBUTION = "Lesurf R et al. ORegAnno 3.0. Nucleic Acids Res 2016;44:D126-D132"
PAZAR_LABEL = "PAZAR"
COLUMNS = ("ORegAnno_ID", "Species", "Outcome", "Type", "Gene_Symbol", "Gene_ID", "Gene_Source",
           "Regulatory_Element_Symbol", "Regulatory_Element_ID", "Regulatory_Element_Source", "PMID", "Dataset")
ID_SOURCES = {"ensembl": "ensembl", "entrez gene": "ncbi", "entrez": "ncbi", "ncbi gene": "ncbi", "flybase": "flybase",
              "wormbase": "wormbase", "sgd": "sgd", "mgi": "mgi", "rgd": "rgd", "zfin": "zfin", "uniprot": "uniprot"}
_SPECIES = {o.name.lower(): o.taxid for o in ORGANISMS}
_MISSING = ("", "N/A", "NA", "-")


def _ident(ident: str, source: str, symbol: str) -> tuple[str, str] | None:
    ns = ID_SOURCES.get(source.strip().lower())
    if ident.strip() not in _MISSING and ns:
        return ident.strip(), ns
    if symbol.strip() not in _MISSING:
        return symbol.strip(), "symbol"
    return None


def parse(path: str | Path, *, positive_only: bool = True, stats: Counter[str] | None = None,
          on_reject: Callable[[str, str], None] | None = None, **_: object) -> Iterator[RawEvidence | RawSite]:
    """Yield RawEvidence (once per ORegAnno_ID) and RawSite (per build with coordinates)."""
    stats = stats if stats is not None else Counter()
    reject = Rejector(path, on_reject)
    lines = numbered_lines(path)
    first = next(lines, None)
    if first is None:
        return
    header = first[1].split("\t")
    c = require_columns(path, first[0], header, COLUMNS)
    seen: set[str] = set()
    for n, line in lines:
        stats["rows"] += 1
        f = line.split("\t")
        if len(f) < len(header):
            f += [""] * (len(header) - len(f))
        reason = _skip(f, c, positive_only)
        if reason:
            stats[f"skipped: {reason}"] += 1
            continue
        taxid = _SPECIES[f[c["Species"]].strip().lower()]
        tf = _ident(f[c["Regulatory_Element_ID"]], f[c["Regulatory_Element_Source"]], f[c["Regulatory_Element_Symbol"]])
        tg = _ident(f[c["Gene_ID"]], f[c["Gene_Source"]], f[c["Gene_Symbol"]])
        if tf is None:
            reject(n, "TF without identifier", line[:80])
            continue
        dataset = f[c["Dataset"]].strip()
        label = PAZAR_LABEL if dataset.upper() == "PAZAR" else LABEL
        method = "" if dataset in _MISSING else dataset
        oid, pmids = f[c["ORegAnno_ID"]].strip(), split_pmids(f[c["PMID"]])
        if tg is not None and oid not in seen:
            seen.add(oid)
            yield RawEvidence(tf[0], tf[1], tg[0], tg[1], taxid, label, method, pmids, record_id=f"oreganno:{oid}",
                              source_version=VERSION)
        site = _site(f, c, n, reject)
        if site is not None:
            yield RawSite(tf[0], tf[1], taxid, label, *site, method=method, pmids=pmids,  # type: ignore[misc]
                          record_id=f"oreganno:{oid}", source_version=VERSION,
                          target_id=tg[0] if tg else None, target_namespace=tg[1] if tg else None)


def _skip(f: list[str], c: dict[str, int], positive_only: bool) -> str:
    if f[c["Type"]].strip().upper() != "TRANSCRIPTION FACTOR BINDING SITE":
        return "not a TF binding site record"
    if f[c["Regulatory_Element_Source"]].strip().lower() == "mirbase":
        return "miRBase regulatory element"
    if positive_only and not f[c["Outcome"]].strip().upper().startswith("POSITIVE"):
        return "outcome not positive"
    if f[c["Species"]].strip().lower() not in _SPECIES:
        return "species not in TFLink"
    return ""


def _site(f: list[str], c: dict[str, int], n: int, reject: Rejector
          ) -> tuple[str, str, int, int, str | None] | None:
    if not all(k in c for k in ("Build", "Chr", "Start", "End")):
        return None
    build, chrom, start, end = (f[c[k]].strip() for k in ("Build", "Chr", "Start", "End"))
    if build in _MISSING or chrom in _MISSING or start in _MISSING:
        return None
    if not (start.isdigit() and end.isdigit()):
        reject(n, "non-integer site coordinate", f"{chrom}:{start}-{end}")
        return None
    strand = f[c["Strand"]].strip() if "Strand" in c and f[c["Strand"]].strip() in ("+", "-") else None
    chrom = chrom if chrom.startswith("chr") else f"chr{chrom}"
    return build, chrom, int(start), int(end), strand
