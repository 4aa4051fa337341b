"""Orthology tables -> :class:`tflink.model.Ortholog` pairs (UniProt on both sides, both directions).

Formats (config `format =`): `ncbi_gene_orthologs` (`#tax_id GeneID relationship Other_tax_id Other_GeneID`),
`homologene` (`HID taxid GeneID symbol protein_gi protein_accession`: genes of one HID are orthologs), and
`biomart_symbols` (two symbol columns such as `mgi_symbol hgnc_symbol`; `organisms = [first, second]`).
Identifiers are resolved with the build's IdMap under the same rules as evidence (ambiguous synonyms unused).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import InputFile, Ortholog, organism
from ..sources.records import numbered_lines
from .idmap import IdMap, MappingReport

Pair = tuple[tuple[int, str, str], tuple[int, str, str]]  # ((taxid, namespace, id), (taxid, namespace, id))


def gene_orthologs(path: Path, info: InputFile) -> Iterator[Pair]:
    """NCBI gene_orthologs rows with relationship Ortholog."""
    for n, line in numbered_lines(path):
        if line.startswith("#"):
            continue
        info.rows_read += 1
        f = line.split("\t")
        if len(f) < 5 or not (f[0].isdigit() and f[3].isdigit()):
            info.reject("expected 5 columns tax_id, GeneID, relationship, Other_tax_id, Other_GeneID", f"{n}")
            continue
        if f[2].strip().lower() == "ortholog":
            yield (int(f[0]), "ncbi", f[1]), (int(f[3]), "ncbi", f[4])


def homologene(path: Path, info: InputFile) -> Iterator[Pair]:
    """HomoloGene: every pair of genes of different species in one HID group."""
    groups: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for n, line in numbered_lines(path):
        info.rows_read += 1
        f = line.split("\t")
        if len(f) < 4 or not f[1].isdigit():
            info.reject("expected HID, taxid, GeneID, symbol", f"{n}")
            continue
        groups[f[0]].append((int(f[1]), "ncbi", f[2]))
    for members in groups.values():
        for a in members:
            for b in members:
                if a[0] < b[0]:
                    yield a, b


def biomart_symbols(path: Path, info: InputFile, organisms: list[str | int]) -> Iterator[Pair]:
    """Two symbol columns, one organism each (header line skipped)."""
    if len(organisms) != 2:
        raise InputError(path, None, "biomart_symbols needs organisms = [<first column>, <second column>]")
    ta, tb = (organism(o).taxid for o in organisms)
    for n, line in numbered_lines(path):
        if n == 1 and "symbol" in line.lower():
            continue
        info.rows_read += 1
        f = line.split("\t")
        if len(f) < 2 or not f[0].strip() or not f[1].strip():
            info.reject("expected two symbols", f"{n}")
            continue
        yield (ta, "symbol", f[0].strip()), (tb, "symbol", f[1].strip())


def read_pairs(fmt: str, path: Path, info: InputFile, organisms: list[str | int] | None = None) -> Iterator[Pair]:
    """Dispatch on `fmt`."""
    if fmt == "ncbi_gene_orthologs":
        return gene_orthologs(path, info)
    if fmt == "homologene":
        return homologene(path, info)
    if fmt == "biomart_symbols":
        return biomart_symbols(path, info, organisms or [])
    raise InputError(path, None, f"unknown orthology format {fmt!r}; known: ncbi_gene_orthologs, homologene, "
                                 "biomart_symbols")


def map_orthologs(pairs: Iterator[Pair], idmap: IdMap, report: MappingReport, name: str,
                  taxids: set[int] | None = None) -> set[Ortholog]:
    """Resolve both sides and return ortholog links in both directions (TFLink species only)."""
    out: set[Ortholog] = set()
    for a, b in pairs:
        if taxids is not None and (a[0] not in taxids or b[0] not in taxids):
            report.count_record(name, "skipped: species not in the build")
            continue
        ra, rb = idmap.resolve(*a), idmap.resolve(*b)
        report.note(name, a[0], a[1], a[2], ra)
        report.note(name, b[0], b[1], b[2], rb)
        if not ra.acs or not rb.acs:
            report.count_record(name, "dropped: a side unmapped or ambiguous")
            continue
        report.count_record(name, "mapped")
        for x in ra.acs:
            for y in rb.acs:
                out.add(Ortholog(x, y, b[0]))
                out.add(Ortholog(y, x, a[0]))
    return out
