"""TFLink's tab-separated tables: the release interaction table (simpleFormat v1.0, 15 columns), the per-entry
`targets_of_<AC>` / `tfs_of_<AC>` downloads (8 columns) and the binding-site annotation table (16 columns).

Layouts follow `design/tflink_spec.md` §3.3, §3.5.1 and §3.5.4 exactly (header names, join characters, `-` / `NA`).
"""
from __future__ import annotations

from typing import Iterable, Iterator

from ..store.exports_sql import (I_METHODS, I_PMIDS, I_SOURCES, I_SS, I_TAXID, I_TARGET, I_TARGET_ID,
                                 I_TARGET_NAME, I_TARGET_NCBI, I_TF, I_TF_ID, I_TF_NAME, I_TF_NCBI, S_ASSEMBLY,
                                 S_CHROM, S_END, S_METHODS, S_N_OVERLAPS, S_OVERLAPS, S_PMIDS, S_SOURCES, S_SS,
                                 S_START, S_STRAND, S_TAXID, S_TF, S_TF_NAME, S_TFLINK_ID)
from .common import UCSC, cell, organism_name, tsv_row, yes_no

SIMPLE_HEADER = ("UniprotID.TF", "UniprotID.Target", "NCBI.GeneID.TF", "NCBI.GeneID.Target", "Name.TF",
                 "Name.Target", "Detection.method", "PubmedID", "Organism", "Source.database",
                 "Small-scale.evidence", "TF.TFLink.ortho", "TF.nonTFLink.ortho", "Target.TFLink.ortho",
                 "Target.nonTFLink.ortho")
SITE_HEADER = ("TFLinkID", "UniprotID.TF", "Name.TF", "Organism", "Assembly", "Chromosome", "Start", "End", "Strand",
               "Genome.browser", "Detection.method", "PubmedID", "Source.database", "Small-scale.evidence",
               "Number.of.TFBS.overlaps", "TFBS.overlaps")
NO_ORTHOLOGS = ("-", "-")


def entry_header(role: str) -> tuple[str, ...]:
    """Header of `targets_of_<AC>` (role targets) or `tfs_of_<AC>` (role tfs)."""
    side = "Target" if role == "targets" else "TF"
    return (f"UniprotID.{side}", f"NCBI.GeneID.{side}", f"Name.{side}", "Detection.method", "PubmedID", "Organism",
            "Source.database", "Small-scale.evidence")


def simple_lines(rows: Iterable[tuple], orthologs: dict[int, tuple[str, str]]) -> Iterator[str]:
    """simpleFormat v1.0: header, then one line per interaction (`;` joins, `-` when empty)."""
    yield "\t".join(SIMPLE_HEADER)
    get = orthologs.get
    for r in rows:
        tf_o = get(r[I_TF_ID], NO_ORTHOLOGS)
        tg_o = get(r[I_TARGET_ID], NO_ORTHOLOGS)
        yield tsv_row((
            r[I_TF], r[I_TARGET], r[I_TF_NCBI] or "-", r[I_TARGET_NCBI] or "-", r[I_TF_NAME] or "-",
            r[I_TARGET_NAME] or "-", r[I_METHODS] or "-", r[I_PMIDS] or "-", organism_name(r[I_TAXID]),
            r[I_SOURCES] or "-", "Yes" if r[I_SS] else "No", tf_o[0], tf_o[1], tg_o[0], tg_o[1]))


def entry_lines(rows: Iterable[tuple], role: str) -> Iterator[str]:
    """`targets_of_<AC>` / `tfs_of_<AC>`: the partner's IDs, `,` joins inside cells, `NA` for no NCBI ID."""
    yield "\t".join(entry_header(role))
    ac, ncbi, name = ((I_TARGET, I_TARGET_NCBI, I_TARGET_NAME) if role == "targets"
                      else (I_TF, I_TF_NCBI, I_TF_NAME))
    for r in rows:
        yield tsv_row((
            r[ac], cell(r[ncbi], ",", "NA"), r[name] or "-", cell(r[I_METHODS], ","), cell(r[I_PMIDS], ","),
            organism_name(r[I_TAXID]), cell(r[I_SOURCES], ","), yes_no(r[I_SS])))


def browser_link(assembly: str | None, chrom: str | None, start: int | None, end: int | None) -> str:
    """The UCSC genome-browser link of a located site, `-` otherwise."""
    if not (assembly and chrom and start is not None and end is not None):
        return "-"
    return f"{UCSC}{assembly}&position={chrom}:{start}-{end}"


def _dash(v: object) -> str:
    return "-" if v is None or v == "" else str(v)


def site_lines(rows: Iterable[tuple]) -> Iterator[str]:
    """Binding-site annotation table (16 columns; `-` in Assembly…Strand for unlocated sequences)."""
    yield "\t".join(SITE_HEADER)
    for r in rows:
        yield tsv_row((
            r[S_TFLINK_ID], r[S_TF], r[S_TF_NAME] or "-", organism_name(r[S_TAXID]), _dash(r[S_ASSEMBLY]),
            _dash(r[S_CHROM]), _dash(r[S_START]), _dash(r[S_END]), _dash(r[S_STRAND]),
            browser_link(r[S_ASSEMBLY], r[S_CHROM], r[S_START], r[S_END]), cell(r[S_METHODS]), cell(r[S_PMIDS]),
            cell(r[S_SOURCES]), yes_no(r[S_SS]), str(r[S_N_OVERLAPS] or 0), cell(r[S_OVERLAPS])))
