"""Identifier resolution: primary symbols win, ambiguous synonyms are refused, case rules, all loaders."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from tflink.build import idsources
from tflink.build.idmap import IdMap
from tflink.model import InputFile


def _load(m: IdMap, fmt: str, path: Path, org: str | None) -> InputFile:
    info = InputFile(path.name, str(path), "")
    idsources.load(m, fmt, path, org, info)
    return info


def test_cdh1_is_ecadherin_not_fzr1(shared_dir: Path) -> None:
    m = IdMap()
    _load(m, "uniprot_tab", shared_dir / "sources" / "idmapping" / "hsa_uniprot_20180314.txt", "human")
    fzr1 = m.entries["Q9UM11"]
    assert "CDH1" in fzr1.synonyms  # the alias that misled TFLink is really there
    res = m.resolve(9606, "symbol", "CDH1")
    assert res.status == "direct" and res.acs == ("P12830",)


def test_ambiguous_synonym_is_not_used() -> None:
    m = IdMap()
    m.add(9606, "P1", "GENEA", synonyms=["SHARED", "ONLYA"])
    m.add(9606, "P2", "GENEB", synonyms=["SHARED"])
    m.add(9606, "P3", "GENEA")  # a second accession of GENEA does not make ONLYA ambiguous
    assert m.resolve(9606, "symbol", "SHARED").status == "ambiguous"
    assert m.resolve(9606, "symbol", "SHARED").acs == ()
    assert m.resolve(9606, "symbol", "ONLYA").status == "synonym"
    assert m.resolve(9606, "symbol", "GENEA").acs == ("P1", "P3")
    assert m.resolve(9606, "symbol", "genea").status == "direct"
    assert m.resolve(9606, "symbol", "nothing").status == "unmapped"
    assert m.resolve(10090, "symbol", "GENEA").status == "unmapped"  # organisms are separate


def test_case_matters_before_case_folding(synthetic_dir: Path) -> None:
    m = IdMap()
    _load(m, "uniprot_dat", synthetic_dir / "fly_idmapping.synthetic.dat", "fly")
    assert m.resolve(7227, "symbol", "h").acs == ("P14003",)
    assert m.resolve(7227, "symbol", "H").acs == ("Q9VW01",)
    assert m.resolve(7227, "flybase", "FBgn0001077").acs == ("P02835",)
    assert m.resolve(7227, "ncbi", "36240").acs == ("P02836",)


def test_gene_info_and_hgnc_loaders(shared_dir: Path) -> None:
    ids = shared_dir / "sources" / "idmapping"
    m = IdMap()
    _load(m, "hgnc", ids / "hgnc_complete_set.txt", "human")
    info = _load(m, "gene_info", ids / "Homo_sapiens.gene_info", None)
    assert info.rows_read == 7
    lines = (ids / "hgnc_complete_set.txt").read_text().splitlines()
    head = lines[0].split("\t")
    a1bg = dict(zip(head, lines[1].split("\t")))
    res = m.resolve(9606, "symbol", a1bg["symbol"])
    assert res.status == "direct" and res.acs == tuple(a1bg["uniprot_ids"].strip('"').split("|"))
    assert m.resolve(9606, "ncbi", a1bg["entrez_id"]).acs == res.acs
    assert m.resolve(9606, "ensembl", a1bg["ensembl_gene_id"]).acs == res.acs


def test_yeast_orf_names_are_primary(synthetic_dir: Path) -> None:
    m = IdMap()
    _load(m, "uniprot_dat", synthetic_dir / "yeast_idmapping.synthetic.dat", "yeast")
    assert m.resolve(4932, "symbol", "YBR182C").acs == m.resolve(4932, "symbol", "SMP1").acs == ("P38128",)
    assert m.resolve(4932, "sgd", "S000000386").acs == ("P38128",)


def test_browse_table_gives_ncbi_ids(shared_dir: Path) -> None:
    path = shared_dir / "sources" / "tflink_reference" / "browse_tables" / "Homo_sapiens_browse.csv"
    m = IdMap()
    info = _load(m, "tflink_browse", path, "human")
    rows = [line.split(",") for line in path.read_text().splitlines()]
    assert info.rows_read == len(rows)
    by_ac = defaultdict(list)
    for r in rows:
        by_ac[r[1]].append(r)
    twist = by_ac["Q15672"][0]
    assert m.entry("Q15672", 9606).ncbi_gene_ids == tuple(twist[2].split(";"))
