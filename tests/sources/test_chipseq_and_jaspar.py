"""GTRD and ReMap peak adapters on the real samples; JASPAR matrices from pyjaspar and SYNTHETIC sites files."""
from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

from tflink.sources import gtrd, jaspar, remap


def test_gtrd_meta_clusters(shared_dir: Path) -> None:
    path = shared_dir / "sources" / "gtrd" / "Homo_sapiens_meta_clusters.interval"
    lines = [line.rstrip("\n").split("\t") for line in path.read_text().splitlines()[1:]]
    peaks = list(gtrd.parse(path))
    assert len(peaks) == len(lines)
    for p, f in zip(peaks, lines):
        assert (p.tf_id, p.chromosome, p.start, p.end) == (f[4], f[0], int(f[1]), int(f[2]))
        assert p.summit == int(f[1]) + int(f[3]) and p.taxid == 9606 and p.tf_namespace == "uniprot"
    strict = list(gtrd.parse(path, min_peak_callers=4))
    assert len(strict) == sum(1 for f in lines if int(f[10]) >= 4)


def test_remap_nr_bed(shared_dir: Path) -> None:
    path = shared_dir / "sources" / "remap" / "ReMap_nrPeaks_public_chr22_SOX2.bed"
    lines = [line.split("\t") for line in path.read_text().splitlines() if line.strip()]
    stats: Counter[str] = Counter()
    peaks = list(remap.parse(path, assembly="hg19", stats=stats))
    assert len(peaks) == len(lines) == stats["rows"]
    assert {p.tf_id for p in peaks} == {f[3] for f in lines}
    assert [p.summit for p in peaks] == [int(f[6]) for f in lines]
    assert all(p.start < p.end for p in peaks)


def test_remap_names_of_all_layouts() -> None:
    assert remap.tf_of("SOX2") == "SOX2"
    assert remap.tf_of("ZNF24:HEK293,K-562") == "ZNF24"
    assert remap.tf_of("GSE41561.SOX2.ES") == "SOX2"
    assert remap.tf_of("ENCSR000BGZ.CTCF.K562") == "CTCF"


def test_jaspar_matrices_from_pyjaspar() -> None:
    db = jaspar.sqlite_path("pyjaspar:JASPAR2020")
    matrices = list(jaspar.parse("pyjaspar:JASPAR2020"))
    con = sqlite3.connect(db)
    (n_twist,) = con.execute("SELECT MAX(VERSION) FROM MATRIX WHERE BASE_ID = 'MA1123'").fetchone()
    twist = [m for m in matrices if m.tf_id == "Q15672"]
    assert [m.matrix_id for m in twist] == [f"MA1123.{n_twist}"]
    myb = next(m for m in matrices if m.matrix_id.startswith("MA0100."))
    assert myb.tf_id == "P10242" and myb.taxid == 9606
    taxa = {int(t) for (t,) in con.execute("SELECT DISTINCT TAX_ID FROM MATRIX_SPECIES") if str(t).isdigit()}
    assert {m.taxid for m in matrices} <= taxa & {9606, 10090, 10116, 7955, 7227, 6239, 4932}


def test_jaspar_sites_and_bed_synthetic(synthetic_dir: Path) -> None:
    sites = list(jaspar.parse(synthetic_dir / "MA0100.3.synthetic.sites"))
    assert [s.sequence for s in sites] == ["CAACTG", "CAGTTG", "CAACTG"]
    assert {s.tf_id for s in sites} == {"P10242"}
    located = [s for s in sites if s.chromosome]
    assert [(s.assembly, s.chromosome, s.start, s.end, s.strand) for s in located] == [
        ("hg38", "chr14", 89774208, 89774217, "+")]
    bed = list(jaspar.parse(synthetic_dir / "MA0100.3.synthetic.bed"))
    assert [(s.start, s.end, s.strand) for s in bed] == [(89774208, 89774217, "+"), (89774211, 89774225, "-"),
                                                          (101, 110, "+")]
    assert {s.assembly for s in bed} == {"hg38"}
