"""JASPAR: TF binding profiles (matrices) and the binding sites behind them.

Inputs:
* the JASPAR SQLite shipped by the PyPI package `pyjaspar` (path `pyjaspar:JASPAR2020`, or a .sqlite file):
  yields :class:`RawMatrix` records, one per (matrix, TF UniProt AC) of the TFLink species, latest version
  of each CORE base ID by default;
* `<ID>.sites` FASTA (sequences used to build a profile; site in upper case, header `>ID name n` or
  `>[assembly_]chr:start-end(strand)`) and `<ID>.bed` (ChIP-derived site coordinates): yield
  :class:`RawSite` records. The TF comes from the matrix (UniProt ACs looked up in the SQLite) unless
  `tf_id` / `tf_namespace` are given. The matrix's experiment `type` is the method.
"""
from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..model import ORGANISMS, organism
from .records import RawMatrix, RawSite, Rejector, numbered_lines, split_pmids

NAME = "JASPAR"
LABEL = "JASPAR"
VERSION = "2020"
URLS = {
    "sqlite": "https://pypi.org/project/pyjaspar/ (JASPAR2020.sqlite inside the wheel)",
    "sites": "https://jaspar2020.genereg.net/download/data/2020/sites/",
    "bed": "https://jaspar2020.genereg.net/download/data/2020/bed_files/",
}
FILES = ("JASPAR2020.sqlite", "<matrix>.sites", "<matrix>.bed")
LICENCE = "CC BY 4.0 (data); pyjaspar MIT"
CITATION_PMID = "31701148"
ATTRIBUTION = "Fornes O et al. JASPAR 2020. Nucleic Acids Res 2020;48:D87-D92 (jaspar.genereg.net)"
NAMESPACE = "uniprot"
_TAXIDS = {o.taxid for o in ORGANISMS}
_COORD = re.compile(r"^(?:(?P<asm>[A-Za-z]+\d+)[_:])?(?P<chr>[\w.]+):(?P<s>\d+)-(?P<e>\d+)(?:\((?P<st>[+-])\))?")
_MATRIX_ID = re.compile(r"(MA\d{4}\.\d+)")


def sqlite_path(spec: str | Path) -> Path:
    """`pyjaspar:JASPAR2020` -> the SQLite file inside the installed pyjaspar package; paths pass through."""
    text = str(spec)
    if text.startswith("pyjaspar:"):
        import pyjaspar  # type: ignore[import-untyped]
        return Path(pyjaspar.__file__).parent / "data" / f"{text.split(':', 1)[1]}.sqlite"
    return Path(text)


def _connect(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True)


def parse(path: str | Path, **options: object) -> Iterator[RawMatrix | RawSite]:
    """Dispatch on the input: SQLite (matrices), `.sites` FASTA or `.bed` (sites)."""
    text = str(path)
    if text.startswith("pyjaspar:") or text.endswith((".sqlite", ".db")):
        yield from parse_matrices(text, **options)  # type: ignore[arg-type]
    elif text.endswith((".bed", ".bed.gz")):
        yield from parse_bed(text, **options)  # type: ignore[arg-type]
    else:
        yield from parse_sites(text, **options)  # type: ignore[arg-type]


def parse_matrices(path: str | Path, *, collection: str = "CORE", latest_only: bool = True,
                   stats: Counter[str] | None = None, **_: object) -> Iterator[RawMatrix]:
    """One RawMatrix per (matrix, UniProt AC) for matrices of TFLink species in `collection`."""
    stats = stats if stats is not None else Counter()
    con = _connect(sqlite_path(path))
    try:
        rows = con.execute(
            "SELECT m.ID, m.BASE_ID, m.VERSION, m.NAME, s.TAX_ID FROM MATRIX m JOIN MATRIX_SPECIES s ON s.ID = m.ID "
            "WHERE m.COLLECTION = ? ORDER BY m.BASE_ID, m.VERSION", (collection,)).fetchall()
        latest = {base: (mid, ver) for mid, base, ver, _, _ in rows}
        for mid, base, ver, name, tax in rows:
            stats["rows"] += 1
            if latest_only and latest[base][0] != mid:
                stats["skipped: older matrix version"] += 1
                continue
            if not str(tax).isdigit() or int(tax) not in _TAXIDS:
                stats["skipped: species not in TFLink"] += 1
                continue
            ann = dict(con.execute("SELECT TAG, VAL FROM MATRIX_ANNOTATION WHERE ID = ? AND TAG IN ('type', 'medline')",
                                   (mid,)).fetchall())
            for (acc,) in con.execute("SELECT ACC FROM MATRIX_PROTEIN WHERE ID = ?", (mid,)):
                for ac in re.split(r"[,; ]+", acc or ""):
                    if ac:
                        yield RawMatrix(f"{base}.{ver}", name, ac, NAMESPACE, int(tax), ann.get("type", ""),
                                        split_pmids(ann.get("medline", "")))
    finally:
        con.close()


@lru_cache(maxsize=4096)
def matrix_info(matrix_id: str, db: str = "pyjaspar:JASPAR2020") -> tuple[tuple[str, ...], int | None, str, str]:
    """(UniProt ACs, taxid, experiment type, medline PMID) of a matrix ID such as MA0100.3."""
    base, _, ver = matrix_id.partition(".")
    con = _connect(sqlite_path(db))
    try:
        row = con.execute("SELECT ID FROM MATRIX WHERE BASE_ID = ? AND VERSION = ?", (base, int(ver or 1))).fetchone()
        if row is None:
            return (), None, "", ""
        mid = row[0]
        acs = tuple(a for (acc,) in con.execute("SELECT ACC FROM MATRIX_PROTEIN WHERE ID = ?", (mid,))
                    for a in re.split(r"[,; ]+", acc or "") if a)
        tax = con.execute("SELECT TAX_ID FROM MATRIX_SPECIES WHERE ID = ?", (mid,)).fetchone()
        ann = dict(con.execute("SELECT TAG, VAL FROM MATRIX_ANNOTATION WHERE ID = ?", (mid,)).fetchall())
        taxid = int(tax[0]) if tax and str(tax[0]).isdigit() else None
        return acs, taxid, ann.get("type", ""), ann.get("medline", "")
    finally:
        con.close()


def _context(path: str | Path, matrix_id: str | None, tf_id: str | None, tf_namespace: str,
             organism_id: int | str | None, db: str) -> tuple[str, list[str], int | None, str, tuple[str, ...]]:
    found = _MATRIX_ID.search(Path(path).name)
    mid = matrix_id or (found.group(1) if found else "")
    acs, taxid, mtype, medline = matrix_info(mid, db) if mid else ((), None, "", "")
    tfs = [tf_id] if tf_id else list(acs)
    if organism_id is not None:
        taxid = organism(organism_id).taxid
    return mid, tfs, taxid, mtype, split_pmids(medline)


def parse_sites(path: str | Path, *, matrix_id: str | None = None, tf_id: str | None = None,
                tf_namespace: str = NAMESPACE, organism_id: int | str | None = None, db: str = "pyjaspar:JASPAR2020",
                stats: Counter[str] | None = None, on_reject: Callable[[str, str], None] | None = None,
                **_: object) -> Iterator[RawSite]:
    """Sites of a JASPAR `.sites` FASTA; the binding site is the upper-case part of each sequence."""
    stats = stats if stats is not None else Counter()
    reject = Rejector(path, on_reject)
    mid, tfs, taxid, mtype, pmids = _context(path, matrix_id, tf_id, tf_namespace, organism_id, db)
    if not tfs or taxid is None:
        reject(0, "matrix without TF or species", f"{mid or Path(path).name}: pass matrix_id/tf_id/organism")
        return
    header: tuple[int, str] | None = None
    for n, line in numbered_lines(path):
        if line.startswith(">"):
            header = (n, line[1:].strip())
            continue
        if header is None:
            reject(n, "sequence line before the first FASTA header", line[:40])
            continue
        stats["rows"] += 1
        seq = "".join(ch for ch in line.strip() if ch.isupper()) or line.strip().upper()
        m = _COORD.match(header[1])
        coords: dict[str, Any] = {"assembly": m.group("asm"), "chromosome": m.group("chr"), "start": int(m.group("s")),
                                  "end": int(m.group("e")), "strand": m.group("st")} if m else {}
        for tf in tfs:
            yield RawSite(tf, tf_namespace, taxid, LABEL, sequence=seq, method=mtype, pmids=pmids,
                          record_id=f"{mid}:{header[1].split()[0]}", source_version=VERSION, **coords)
        header = None


def parse_bed(path: str | Path, *, matrix_id: str | None = None, tf_id: str | None = None,
              tf_namespace: str = NAMESPACE, organism_id: int | str | None = None, assembly: str | None = None,
              db: str = "pyjaspar:JASPAR2020", stats: Counter[str] | None = None,
              on_reject: Callable[[str, str], None] | None = None, **_: object) -> Iterator[RawSite]:
    """Sites of a JASPAR `.bed` file (0-based starts become 1-based)."""
    stats = stats if stats is not None else Counter()
    reject = Rejector(path, on_reject)
    mid, tfs, taxid, mtype, pmids = _context(path, matrix_id, tf_id, tf_namespace, organism_id, db)
    if not tfs or taxid is None:
        reject(0, "matrix without TF or species", f"{mid or Path(path).name}: pass matrix_id/tf_id/organism")
        return
    asm = assembly or organism(taxid).default_assembly
    for n, line in numbered_lines(path):
        if line.startswith(("track", "browser", "#")):
            continue
        stats["rows"] += 1
        f = line.split("\t")
        try:
            start, end = int(f[1]) + 1, int(f[2])
        except (ValueError, IndexError):
            reject(n, "expected BED chrom, start, end", line[:80])
            continue
        strand = f[5] if len(f) > 5 and f[5] in "+-" else None
        for tf in tfs:
            yield RawSite(tf, tf_namespace, taxid, LABEL, asm, f[0], start, end, strand, method=mtype or "ChIP-seq",
                          pmids=pmids, record_id=f"{Path(path).name}:{n}", source_version=VERSION)
