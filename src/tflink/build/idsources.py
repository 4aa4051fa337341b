"""Loaders filling an :class:`~tflink.build.idmap.IdMap` from identifier tables.

Formats (config `format =`):
* `uniprot_tab` — UniProt website tabular export with a header (`Entry`, `Gene names` [primary first,
  space-separated] or `Gene names  (primary )` / `(synonym )`, optional `Cross-reference (GeneID)`,
  `Ensembl transcript`, `Organism ID`), e.g. `hsa_uniprot_20180314.txt`;
* `uniprot_selected` — `*_idmapping_selected.tab` (22 columns, no header);
* `uniprot_dat` — `*_idmapping.dat` (`AC  ID_type  ID`);
* `gene_info` — NCBI `gene_info` (joined to accessions through NCBI Gene IDs);
* `hgnc` — HGNC complete set; `biomart` — BioMart `<x>_symbol / uniprotswissprot / ensembl_gene_id /
  uniprot_gn_id` tables (TrEMBL ACs only with `include_trembl = true`);
* `tflink_browse` — TFLink `<Species>_browse.csv` (name, UniProt, NCBI Gene IDs).
Each loader returns the number of rows read and rejects bad rows through the InputFile.
"""
from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from ..model import InputFile, organism
from ..sources.records import Rejector, numbered_lines, open_text, require_columns
from .idmap import IdMap

DAT_XREFS = {"GeneID": "ncbi", "Ensembl": "ensembl", "FlyBase": "flybase", "WormBase": "wormbase", "SGD": "sgd",
             "MGI": "mgi", "RGD": "rgd", "ZFIN": "zfin"}
GENE_INFO_XREFS = {"ensembl": "ensembl", "flybase": "flybase", "wormbase": "wormbase", "sgd": "sgd", "mgi": "mgi",
                   "rgd": "rgd", "zfin": "zfin"}


def _multi(cell: str, seps: str = ";|, ") -> list[str]:
    out, token = [], ""
    for ch in cell + seps[0]:
        if ch in seps:
            if token.strip() and token.strip() not in ("-", "NA", "N/A"):
                out.append(token.strip().strip('"'))
            token = ""
        else:
            token += ch
    return out


def _cell(fields: list[str], i: int | None) -> str:
    """Field i of a row, "" when the column is absent."""
    return fields[i] if i is not None and i < len(fields) else ""


def load_uniprot_tab(idmap: IdMap, path: Path, taxid: int, info: InputFile, **_: object) -> None:
    """UniProt tabular export with a header row."""
    lines = numbered_lines(path)
    first = next(lines, None)
    if first is None:
        return
    cols = require_columns(path, first[0], first[1].split("\t"), ("Entry",))
    ig, ip, isy = cols.get("Gene names"), cols.get("Gene names  (primary )"), cols.get("Gene names  (synonym )")
    incbi = cols.get("Cross-reference (GeneID)", cols.get("GeneID"))
    iorg = cols.get("Organism ID", cols.get("Organism (ID)"))
    reject = Rejector(path, info.reject)
    for n, line in lines:
        info.rows_read += 1
        f = line.split("\t")
        ac = f[cols["Entry"]].strip() if len(f) > cols["Entry"] else ""
        if not ac:
            reject(n, "row without accession", line[:60])
            continue
        names = _cell(f, ig).split()
        primary = _cell(f, ip).split(";")[0].strip() or (names[0] if names else "")
        synonyms = _multi(_cell(f, isy), "; ") if isy is not None else names[1:]
        tax = int(_cell(f, iorg)) if _cell(f, iorg).strip().isdigit() else taxid
        idmap.add(tax, ac, primary, _multi(_cell(f, incbi), ";"), synonyms)


def load_uniprot_selected(idmap: IdMap, path: Path, taxid: int, info: InputFile, **_: object) -> None:
    """UniProt `*_idmapping_selected.tab` (22 columns, no header)."""
    reject = Rejector(path, info.reject)
    for n, line in numbered_lines(path):
        info.rows_read += 1
        f = line.split("\t")
        if len(f) < 19:
            reject(n, "expected 22 columns", line[:60])
            continue
        tax = int(f[12]) if f[12].strip().isdigit() else taxid
        idmap.add(tax, f[0], None, _multi(f[2], "; "), xrefs={"ensembl": _multi(f[18], "; ")})


def load_uniprot_dat(idmap: IdMap, path: Path, taxid: int, info: InputFile, **_: object) -> None:
    """UniProt `*_idmapping.dat` (AC, ID type, ID), grouped by accession."""
    reject = Rejector(path, info.reject)
    current: str | None = None
    rec: dict[str, list[str]] = {}

    def flush() -> None:
        if current is not None:
            names = rec.get("Gene_Name", [])
            idmap.add(taxid, current, names[0] if names else None, rec.get("GeneID", ()),
                      [*names[1:], *rec.get("Gene_Synonym", []), *rec.get("Gene_ORFName", [])],
                      {DAT_XREFS[k]: v for k, v in rec.items() if k in DAT_XREFS and k != "GeneID"},
                      loci=rec.get("Gene_OrderedLocusName", ()))
    for n, line in numbered_lines(path):
        info.rows_read += 1
        f = line.split("\t")
        if len(f) != 3:
            reject(n, "expected 3 columns AC, type, ID", line[:60])
            continue
        if f[0] != current:
            flush()
            current, rec = f[0], {}
        rec.setdefault(f[1], []).append(f[2])
    flush()


def load_gene_info(idmap: IdMap, path: Path, taxid: int | None, info: InputFile, **_: object) -> None:
    """NCBI gene_info: symbol, locus tag, synonyms and database cross-references per NCBI Gene ID."""
    lines = numbered_lines(path)
    first = next(lines, None)
    if first is None:
        return
    cols = require_columns(path, first[0], first[1].lstrip("#").split("\t"),
                           ("tax_id", "GeneID", "Symbol", "LocusTag", "Synonyms", "dbXrefs"))
    for n, line in lines:
        info.rows_read += 1
        f = line.split("\t")
        tax = int(f[cols["tax_id"]]) if f[cols["tax_id"]].isdigit() else 0
        if taxid is not None and tax != taxid and not (taxid == 4932 and tax == 559292):
            continue
        xrefs: dict[str, list[str]] = {}
        for x in _multi(f[cols["dbXrefs"]], "|"):
            db, _sep, ident = x.partition(":")
            if db.lower() in GENE_INFO_XREFS:
                xrefs.setdefault(GENE_INFO_XREFS[db.lower()], []).append(ident)
        syns = _multi(f[cols["Synonyms"]], "|") + _multi(f[cols["LocusTag"]], "|")
        idmap.add_gene(4932 if tax == 559292 else tax, f[cols["GeneID"]], f[cols["Symbol"]], syns, xrefs)


def load_hgnc(idmap: IdMap, path: Path, taxid: int, info: InputFile, **_: object) -> None:
    """HGNC complete set (approved symbol, aliases, previous symbols, Entrez, Ensembl, UniProt, MGI, RGD)."""
    with open_text(path) as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        for row in reader:
            info.rows_read += 1
            if row.get("status", "Approved") not in ("Approved", ""):
                continue
            syns = _multi(row.get("alias_symbol", ""), "|") + _multi(row.get("prev_symbol", ""), "|")
            xrefs = {"ensembl": _multi(row.get("ensembl_gene_id", ""), "|")}
            for ac in _multi(row.get("uniprot_ids", ""), "|"):
                idmap.add(9606, ac, row.get("symbol", ""), _multi(row.get("entrez_id", ""), "|"), syns, xrefs)


def load_biomart(idmap: IdMap, path: Path, taxid: int, info: InputFile, include_trembl: bool = False,
                 **_: object) -> None:
    """BioMart symbol <-> UniProt table (one row per symbol x accession)."""
    lines = numbered_lines(path)
    first = next(lines, None)
    if first is None:
        return
    head = first[1].split("\t")
    sym = next((h for h in head if h.endswith("_symbol") or h in ("external_gene_name", "symbol")), None)
    cols = require_columns(path, first[0], head, (sym or "hgnc_symbol", "uniprotswissprot"))
    ien, itr, incbi = cols.get("ensembl_gene_id"), cols.get("uniprot_gn_id", cols.get("uniprotsptrembl")), \
        cols.get("entrezgene_id")
    for n, line in lines:
        info.rows_read += 1
        f = line.split("\t") + [""] * 4
        symbol = f[cols[sym or "hgnc_symbol"]].strip()
        acs = [f[cols["uniprotswissprot"]].strip()]
        if include_trembl and itr is not None:
            acs.append(f[itr].strip())
        xrefs = {"ensembl": [f[ien]]} if ien is not None and f[ien].strip() else {}
        ncbi = [f[incbi]] if incbi is not None else []
        for ac in dict.fromkeys(a for a in acs if a and a != "NA"):
            idmap.add(taxid, ac, symbol, ncbi, xrefs=xrefs)


def load_tflink_browse(idmap: IdMap, path: Path, taxid: int, info: InputFile, **_: object) -> None:
    """TFLink browse table: `name, UniProt, NCBI Gene IDs (;), function, Yes/No, count`, no header."""
    reject = Rejector(path, info.reject)
    with open_text(path) as fh:
        for n, f in enumerate(csv.reader(fh), 1):
            if not f:
                continue
            info.rows_read += 1
            if len(f) < 3 or not f[1].strip():
                reject(n, "expected name, UniProt, NCBI Gene ID", ",".join(f)[:60])
                continue
            names = [x.strip() for x in f[0].split(";") if x.strip() and x.strip() != "-"]
            idmap.add(taxid, f[1].strip(), names[0] if names else None, _multi(f[2], ";"), names[1:])


# licence of each table kind, recorded in the manifest when the config does not give one
FORMAT_LICENCES: dict[str, str] = {
    "uniprot_tab": "CC BY 4.0 (UniProt)", "uniprot_selected": "CC BY 4.0 (UniProt)",
    "uniprot_dat": "CC BY 4.0 (UniProt)", "gene_info": "public domain (NCBI)", "hgnc": "CC0 (HGNC)",
    "biomart": "no restrictions (Ensembl BioMart)", "tflink_browse": "TFLink: free for non-commercial use",
}

LOADERS: dict[str, Callable[..., None]] = {
    "uniprot_tab": load_uniprot_tab, "uniprot_selected": load_uniprot_selected, "uniprot_dat": load_uniprot_dat,
    "gene_info": load_gene_info, "hgnc": load_hgnc, "biomart": load_biomart, "tflink_browse": load_tflink_browse,
}


def load(idmap: IdMap, fmt: str, path: Path, organism_id: int | str | None, info: InputFile,
         **options: object) -> None:
    """Fill `idmap` from one table; `fmt` is a key of LOADERS."""
    from ..errors import InputError
    if fmt not in LOADERS:
        raise InputError(path, None, f"unknown identifier table format {fmt!r}; known: {', '.join(LOADERS)}")
    taxid = organism(organism_id).taxid if organism_id is not None else None
    if taxid is None and fmt != "gene_info":
        raise InputError(path, None, f"identifier table format {fmt!r} needs organism = ...")
    LOADERS[fmt](idmap, path, taxid, info, **options)
