"""The demo release builds from the data shipped in tflink/demo_data and answers `entry Q15672`."""
from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import tflink
from tflink.build.demo import DEMO_DIR, build_demo, demo_config


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    target = tmp_path_factory.mktemp("demo") / "release"
    report = build_demo(target)
    return target, report


def test_twist1_has_trrust_ss_and_ls_rows(demo: tuple[Path, dict]) -> None:
    target, _ = demo
    entry = tflink.open(str(target)).entry("Q15672")
    assert entry["name"] == "TWIST1" and entry["ncbi_gene_ids"] == ["7291"]
    rows = entry["tfs"] + entry["targets"]
    ezh2 = next(r for r in entry["tfs"] if r["uniprot"] == "Q15910")
    assert ezh2["sources"] == ["TRRUST"] and ezh2["small_scale"] and ezh2["sign"] == "repression"
    assert set(ezh2["pmids"]) == {"23836662", "29087512"}
    assert any(not r["small_scale"] for r in rows)
    assert all(r["small_scale"] for r in rows if "TRRUST" in r["sources"])
    assert "MA1123.2" in entry["jaspar_matrices"]
    assert any(o["organism"] == "Mus musculus" for o in entry["orthologs"])


def test_demo_counts_match_inputs(demo: tuple[Path, dict]) -> None:
    _, report = demo
    human = (DEMO_DIR / "trrust_rawdata.human.tsv").read_text().splitlines()
    assert report["inputs"]["TRRUST:trrust_rawdata.human.tsv"]["counts"]["rows"] == len(human)
    with gzip.open(DEMO_DIR / "dorothea_entire_database_tflink_subset.csv.gz", "rt") as fh:
        n_dorothea = sum(1 for _ in csv.reader(fh)) - 1
    assert report["inputs"]["DoRothEA:dorothea_entire_database_tflink_subset.csv.gz"]["counts"]["rows"] == n_dorothea
    totals = report["totals"]
    assert totals["small_scale_interactions"] > 0 and totals["large_scale_interactions"] > 0
    n_peaks = len((DEMO_DIR / "ReMap_nrPeaks_public_chr22_SOX2.bed").read_text().splitlines())
    assert totals["binding_sites"] == n_peaks


def test_manifest_has_report_and_attribution(demo: tuple[Path, dict]) -> None:
    target, report = demo
    manifest = json.loads((target / "manifest.json").read_text())
    assert manifest["build_report"]["totals"] == report["totals"]
    assert manifest["build_report"]["peak_rule"]["upstream"] == 1000
    assert {"TRRUST", "DoRothEA", "ReMap", "JASPAR"} <= set(manifest["attribution"])
    names = {i["name"] for i in manifest["inputs"]}
    assert "TRRUST:trrust_rawdata.mouse.tsv" in names and all(len(i["sha256"]) == 64 for i in manifest["inputs"])
    licences = (Path(__file__).resolve().parents[2] / "DATA_LICENSES.md").read_text()
    for source in manifest["attribution"]:
        assert source in licences, source


def test_demo_has_mouse_and_sites(demo: tuple[Path, dict]) -> None:
    target, _ = demo
    db = tflink.open(str(target))
    sox2 = db.entry("P48431")
    assert sox2["binding_sites"] and all(s["assembly"] == "hg19" for s in sox2["binding_sites"])
    mouse_twist = db.entry("P26687")
    assert mouse_twist["organism"] == "Mus musculus"
    assert any(o["uniprot"] == "Q15672" for o in mouse_twist["orthologs"])


def test_cli_build_prints_report(tmp_path: Path) -> None:
    from tflink.cli.main import cli

    result = CliRunner().invoke(cli, ["build", str(demo_config()), "--db", str(tmp_path / "r"), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output[result.output.index("{"):result.output.rindex("}") + 1])
    assert report["mapping"]["TRRUST:trrust_rawdata.human.tsv"]["identifiers"]["direct"] > 0
    assert (tmp_path / "r" / "manifest.json").exists()
