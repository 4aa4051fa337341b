"""Small helpers shared by the formatters: organism names, species codes, multi-value cells."""
from __future__ import annotations

from .. import model
from ..store.exports_sql import (I_ID, I_LS, I_METHODS, I_PMIDS, I_SIGN, I_SOURCES, I_SS, I_TAXID, I_TARGET,
                                 I_TARGET_NAME, I_TARGET_NCBI, I_TF, I_TF_NAME, I_TF_NCBI, S_ASSEMBLY, S_CHROM,
                                 S_END, S_ID, S_METHODS, S_N_OVERLAPS, S_OVERLAPS, S_PMIDS, S_SEQUENCE, S_SOURCES,
                                 S_SS, S_START, S_STRAND, S_TAXID, S_TF, S_TF_NAME, S_TFLINK_ID)

ORGANISM_NAMES: dict[int, str] = {o.taxid: o.name for o in model.ORGANISMS}
SPECIES_CODES: dict[int, str] = {o.taxid: o.code for o in model.ORGANISMS}
UCSC = "https://genome.ucsc.edu/cgi-bin/hgTracks?db="
PUBMED_URL = "https://www.ncbi.nlm.nih.gov/pubmed/?term="


def organism_name(taxid: int) -> str:
    return ORGANISM_NAMES.get(taxid) or str(taxid)


def cell(value: str | None, sep: str = ";", missing: str = "-") -> str:
    """A stored `;`-joined value as a TSV cell: re-joined with `sep`, `missing` when empty."""
    if not value:
        return missing
    return value if sep == ";" else value.replace(";", sep)


def split(value: str | None) -> list[str]:
    return [x for x in value.split(";") if x] if value else []


def yes_no(flag: int | bool) -> str:
    return "Yes" if flag else "No"


def tsv_row(fields: tuple[str, ...]) -> str:
    """Fields joined by tabs; a tab or newline inside a value (none in TFLink data) becomes a space.

    The check is one count over the joined line, so the common case costs almost nothing."""
    line = "\t".join(fields)
    if line.count("\t") != len(fields) - 1 or "\n" in line or "\r" in line:
        line = "\t".join(f.replace("\t", " ").replace("\r", " ").replace("\n", " ") for f in fields)
    return line


def interaction_record(r: tuple) -> dict:
    """An interaction tuple of the store (I_* positions) as the documented JSON object."""

    return {"id": r[I_ID], "tf": r[I_TF], "tf_name": r[I_TF_NAME], "tf_ncbi_gene_ids": split(r[I_TF_NCBI]),
            "target": r[I_TARGET], "target_name": r[I_TARGET_NAME], "target_ncbi_gene_ids": split(r[I_TARGET_NCBI]),
            "organism": organism_name(r[I_TAXID]), "taxid": r[I_TAXID], "sources": split(r[I_SOURCES]),
            "methods": split(r[I_METHODS]), "pmids": split(r[I_PMIDS]), "small_scale": bool(r[I_SS]),
            "large_scale": bool(r[I_LS]), "sign": r[I_SIGN]}


def site_record(r: tuple) -> dict:
    """A binding-site tuple of the store (S_* positions) as the documented JSON object."""

    return {"id": r[S_ID], "tflink_id": r[S_TFLINK_ID], "tf": r[S_TF], "tf_name": r[S_TF_NAME],
            "organism": organism_name(r[S_TAXID]), "taxid": r[S_TAXID], "assembly": r[S_ASSEMBLY],
            "chromosome": r[S_CHROM], "start": r[S_START], "end": r[S_END], "strand": r[S_STRAND],
            "sequence": r[S_SEQUENCE], "sources": split(r[S_SOURCES]), "methods": split(r[S_METHODS]),
            "pmids": split(r[S_PMIDS]), "small_scale": bool(r[S_SS]), "n_overlaps": r[S_N_OVERLAPS] or 0,
            "overlaps": split(r[S_OVERLAPS])}
