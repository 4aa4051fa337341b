"""Controlled vocabulary shared by every layer (part of the model layer: pure data, no I/O).

PSI-MI detection-method terms and the paper each source database is cited by. The build's integration rules
(`build/rules.py`) and the MITAB exporter both read these tables; docs/integration.md documents them.
"""
from __future__ import annotations

from .model import Method

# PSI-MI detection-method terms used by tflink. "" = no PSI-MI term is claimed for that name.
PSI_MI_TERMS: tuple[Method, ...] = (
    Method("MI:0045", "experimental interaction detection"),
    Method("MI:0063", "interaction prediction"),
    Method("MI:0225", "chromatin immunoprecipitation array"),
    Method("MI:0254", "genetic interference"),
    Method("MI:0364", "inferred by curator"),
    Method("MI:0402", "chromatin immunoprecipitation assay"),
    Method("MI:0413", "electrophoretic mobility shift assay"),
    Method("MI:0432", "one hybrid"),
    Method("MI:0606", "DNase I footprinting"),
    Method("MI:0657", "systematic evolution of ligand by exponential enrichment"),
    Method("MI:0686", "unspecified method"),
    Method("MI:0929", "northern blot"),
    Method("MI:0008", "array technology"),
    Method("", "protein binding microarray"),
    Method("", "reporter gene assay"),
)
_BY_NAME = {m.name.lower(): m for m in PSI_MI_TERMS}

# The database paper of each source label: TFLink appends it to a record's PMIDs and MITAB names the source by it.
SOURCE_CITATIONS: dict[str, str] = {
    "TRRUST": "29087512", "GTRD": "27924024", "ReMap": "29126285", "TRED": "17202159", "HTRI": "22900683",
    "ORegAnno": "26578589", "PAZAR": "18971253", "REDfly": "20965965", "Yeastract": "24170807",
    "JASPAR": "31701148", "DoRothEA": "31340985",
    "IntAct_via_DoRothEA": "24234451", "KEGG_via_DoRothEA": "27899662", "FANTOM4_via_DoRothEA": "20211142",
    "TFactS_via_DoRothEA": "22761861", "TFe_via_DoRothEA": "31340985", "ReMap_via_DoRothEA": "29126285",
}
# Other spellings found in TFLink's own files (imported releases keep their labels as written).
LABEL_SPELLINGS: dict[str, str] = {"HTRIdb": "HTRI", "jaspar": "JASPAR", "TFactS_via_DoRothea": "TFactS_via_DoRothEA",
                                   "YEASTRACT": "Yeastract", "IntAct": "IntAct_via_DoRothEA"}


def psi_mi(method_name: str) -> Method:
    """The PSI-MI term of a method name (case-insensitive); unknown names get mi=""."""
    return _BY_NAME.get(method_name.strip().lower(), Method("", method_name.strip()))


def source_citation(label: str) -> str | None:
    """The PMID of a source label's database paper (any known spelling), or None."""
    return SOURCE_CITATIONS.get(LABEL_SPELLINGS.get(label, label))
