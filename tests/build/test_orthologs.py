"""Orthology tables -> Ortholog links: the real HomoloGene excerpt and BioMart symbol pairs, NCBI gene_orthologs."""
from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from tflink.build import idsources, orthologs
from tflink.build.idmap import IdMap, MappingReport
from tflink.model import InputFile, Ortholog


def _browse_map(shared: Path) -> tuple[IdMap, dict[tuple[int, str], set[str]]]:
    m, by_gene = IdMap(), defaultdict(set)
    for name, org, taxid in (("Homo_sapiens", "human", 9606), ("Mus_musculus", "mouse", 10090)):
        path = shared / "sources" / "tflink_reference" / "browse_tables" / f"{name}_browse.csv"
        idsources.load(m, "tflink_browse", path, org, InputFile(path.name, str(path), ""))
        with open(path, newline="") as fh:
            for row in csv.reader(fh):
                for g in row[2].split(";"):
                    by_gene[(taxid, g)].add(row[1])
    return m, by_gene


def test_homologene_excerpt(shared_dir: Path) -> None:
    m, by_gene = _browse_map(shared_dir)
    path = shared_dir / "sources" / "idmapping" / "homologene.data"
    groups = defaultdict(list)
    for line in path.read_text().splitlines():
        f = line.split("\t")
        if f[1] in ("9606", "10090"):
            groups[f[0]].append((int(f[1]), f[2]))
    expected = set()
    for members in groups.values():
        for ta, ga in members:
            for tb, gb in members:
                if ta != tb:
                    expected |= {Ortholog(a, b, tb) for a in by_gene[(ta, ga)] for b in by_gene[(tb, gb)]}
    info = InputFile(path.name, str(path), "")
    got = orthologs.map_orthologs(orthologs.read_pairs("homologene", path, info), m, MappingReport(), "hg",
                                  {9606, 10090})
    assert got == expected and expected
    assert info.rows_read == len(path.read_text().splitlines())


def test_ncbi_gene_orthologs(tmp_path: Path, shared_dir: Path) -> None:
    m, _ = _browse_map(shared_dir)
    path = tmp_path / "gene_orthologs"  # SYNTHETIC two-line file in the NCBI layout
    path.write_text("#tax_id\tGeneID\trelationship\tOther_tax_id\tOther_GeneID\n"
                    "9606\t7291\tOrtholog\t10090\t22160\n9606\t7291\tPotential ortholog\t10090\t1\n")
    info = InputFile(path.name, str(path), "")
    report = MappingReport()
    got = orthologs.map_orthologs(orthologs.read_pairs("ncbi_gene_orthologs", path, info), m, report, "go")
    assert got == {Ortholog("Q15672", "P26687", 10090), Ortholog("P26687", "Q15672", 9606)}
    assert report.as_dict()["go"]["records"] == {"mapped": 1}


def test_cli_fetch_list() -> None:
    from click.testing import CliRunner

    from tflink.cli.main import cli

    result = CliRunner().invoke(cli, ["fetch", "--list"])
    assert result.exit_code == 0
    assert "trrust_rawdata.human.tsv" in result.output and "CC BY-SA 4.0" in result.output
