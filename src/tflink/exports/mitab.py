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
from ..vocabulary import psi_mi, source_citation
from .common import organism_name, split, tsv_row

CONSTANT_12 = 'psi-mi:"MI:2232"("molecular association")'
ROLE_A, ROLE_B = 'psi-mi:"MI:2274"("regulator")', 'psi-mi:"MI:2275"("regulator target")'
EXP_ROLE = 'psi-mi:"MI:0499"("unspecified role")'
TYPE_A, TYPE_B = 'psi-mi:"MI:0326"("protein")', 'psi-mi:"MI:0250"("gene")'


def mi_id(name: str) -> str | None:
    """The PSI-MI id of a method name, or None."""
    return psi_mi(name).mi or None


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
        pmid = source_citation(s)
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
