"""PSI-MITAB 2.8 (46 columns, no header) with TFLink's term usage (design/tflink_spec.md §3.5.2).

A = the TF (`uniprot:`, `geneid:`, role regulator MI:2274, type protein MI:0326), B = the target (regulator
target MI:2275, type gene MI:0250). Methods are PSI-MI terms; source databases are named by their citation,
`pubmed:27924024("GTRD")`, as TFLink does. Column 14 (source-record IDs) is `-`: releases keep the merged
evidence, not the source rows.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from ..store.exports_sql import (I_METHODS, I_PMIDS, I_SOURCES, I_TAXID, I_TARGET, I_TARGET_NAME, I_TARGET_NCBI,
                                 I_TF, I_TF_NAME, I_TF_NCBI)
from .common import organism_name, split, tsv_row

# PSI-MI ids of the detection methods TFLink uses (spec §3.5.2), for when tflink.build.rules is not there.
PSI_MI_FALLBACK = {
    "inferred by curator": "MI:0364",
    "chromatin immunoprecipitation assay": "MI:0402",
    "DNase I footprinting": "MI:0606",
    "electrophoretic mobility shift assay": "MI:0413",
    "experimental interaction detection": "MI:0045",
    "genetic interference": "MI:0254",
    "unspecified method": "MI:0686",
}
# The paper each source label is cited by (spec §4.1: the PMIDs TFLink attaches to each database).
SOURCE_PMIDS = {
    "GTRD": "27924024", "ReMap": "29126285", "TRRUST": "29087512", "TRED": "17202159", "HTRI": "22900683",
    "HTRIdb": "22900683", "ORegAnno": "26578589", "PAZAR": "18971253", "REDfly": "20965965", "IntAct": "24234451",
    "DoRothEA": "31340985", "JASPAR": "31701148", "jaspar": "31701148", "Yeastract": "24170807",
    "YEASTRACT": "24170807", "CollecTRI": "37671896",
}
DOROTHEA_PMID = "31340985"
CONSTANT_12 = 'psi-mi:"MI:2232"("molecular association")'
ROLE_A, ROLE_B = 'psi-mi:"MI:2274"("regulator")', 'psi-mi:"MI:2275"("regulator target")'
EXP_ROLE = 'psi-mi:"MI:0499"("unspecified role")'
TYPE_A, TYPE_B = 'psi-mi:"MI:0326"("protein")', 'psi-mi:"MI:0250"("gene")'


def _rules_psi_mi():  # noqa: ANN202 - the shared rules module, when another part of tflink has it
    try:
        from ..build.rules import psi_mi  # type: ignore[attr-defined]
    except ImportError:
        return None
    return psi_mi


_PSI_MI = _rules_psi_mi()


def mi_id(name: str) -> str | None:
    """The PSI-MI id of a method name, or None."""
    if _PSI_MI is not None:
        try:
            found = _PSI_MI(name)
        except Exception:  # noqa: BLE001 - an unknown name in the shared table: use ours
            found = None
        mi = getattr(found, "mi", found)
        if isinstance(mi, str) and mi.startswith("MI:"):
            return mi
    return PSI_MI_FALLBACK.get(name)


def quote(text: str) -> str:
    """A MITAB free-text value in double quotes, inner quotes and backslashes escaped."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def method_terms(methods: str | None) -> str:
    terms = []
    for m in split(methods):
        mi = mi_id(m)
        terms.append(f'psi-mi:"{mi}"({quote(m)})' if mi else f'psi-mi:"MI:0686"({quote("unspecified method")})')
    return "|".join(dict.fromkeys(terms)) or "-"


def source_terms(sources: str | None) -> str:
    terms = []
    for s in split(sources):
        pmid = SOURCE_PMIDS.get(s) or (DOROTHEA_PMID if "_via_dorothea" in s.lower() else None)
        if pmid:
            terms.append(f"pubmed:{pmid}({quote(s)})")
    return "|".join(terms) or "-"


def _ids(prefix: str, value: str | None) -> str:
    return "|".join(f"{prefix}:{v}" for v in split(value)) or "-"


def _alias(name: str | None) -> str:
    return f'uniprot:{quote(name)}("protein name")' if name and name != "-" else "-"


def mitab_lines(rows: Iterable[tuple], created: str, updated: str) -> Iterator[str]:
    """One 46-column MITAB 2.8 line per interaction; dates as `YYYY/MM/DD`."""
    taxa: dict[int, str] = {}
    tail = ("-",) * 14
    for r in rows:
        tax = taxa.get(r[I_TAXID])
        if tax is None:
            tax = taxa[r[I_TAXID]] = f"taxid:{r[I_TAXID]}({quote(organism_name(r[I_TAXID]))})"
        cols = (f"uniprot:{r[I_TF]}", f"uniprot:{r[I_TARGET]}", _ids("geneid", r[I_TF_NCBI]),
                _ids("geneid", r[I_TARGET_NCBI]), _alias(r[I_TF_NAME]), _alias(r[I_TARGET_NAME]),
                method_terms(r[I_METHODS]), "-", _ids("pubmed", r[I_PMIDS]), tax, tax, CONSTANT_12,
                source_terms(r[I_SOURCES]), "-", "-", "-", ROLE_A, ROLE_B, EXP_ROLE, EXP_ROLE, TYPE_A, TYPE_B,
                "-", "-", "-", "-", "-", "-", "-", "-", created, updated, *tail)
        yield tsv_row(cols)
