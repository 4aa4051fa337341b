"""The three analyses through the CLI, the REST API and the HTML pages: same numbers as the query functions,
downloads in every format, and readable 4xx errors (never a 500 or a traceback)."""
from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from tflink.cli.main import cli
from tflink.query import open_release
from tflink.query.analyses import common_targets, cross_species, enrichment
from tflink.web.app import create_app

TFLINK = str(Path(sys.executable).parent / "tflink")
GENES = ["MDM2", "CDKN1A", "BAX", "GADD45A", "FAS", "BBC3", "PMAIP1", "TP53I3", "SESN1", "RRM2B", "NOT_A_GENE_Q"]


@pytest.fixture(scope="module")
def client(trrust_release: str) -> TestClient:
    return TestClient(create_app(trrust_release))


def read_tsv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter="\t"))


# -- CLI ----------------------------------------------------------------------------------------------------------
def test_cli_enrich_writes_tsv_and_plot(trrust_release: str, tmp_path: Path) -> None:
    genes = tmp_path / "genes.txt"
    genes.write_text("\n".join(GENES))
    out, png = tmp_path / "out.tsv", tmp_path / "out.png"
    r = CliRunner().invoke(cli, ["enrich", str(genes), "--organism", "human", "-o", str(out), "--plot", str(png),
                                 "--db", trrust_release])
    assert r.exit_code == 0, r.output
    rows = read_tsv(out.read_text())
    ref = enrichment(open_release(trrust_release), GENES, "human")["results"]
    assert [(x["tf"], int(x["overlap"])) for x in rows] == [(x["tf"], x["overlap"]) for x in ref]
    assert rows[0]["tf"] == "TP53"
    assert float(rows[0]["q_value"]) == pytest.approx(ref[0]["q_value"], rel=1e-5)
    assert png.read_bytes()[:4] == b"\x89PNG"


def test_cli_common_targets_and_compare_species(trrust_release: str) -> None:
    r = CliRunner().invoke(cli, ["common-targets", "STAT5A", "STAT5B", "--organism", "human", "--db", trrust_release])
    assert r.exit_code == 0, r.output
    rows = read_tsv(r.stdout)
    ref = common_targets(open_release(trrust_release), ["STAT5A", "STAT5B"], "human")
    assert len(rows) == ref["union"] and sum(int(x["n_tfs"]) == 2 for x in rows) == ref["intersection"]
    r = CliRunner().invoke(cli, ["compare-species", "STAT3", "--organism", "human", "--to", "mouse",
                                 "--db", trrust_release])
    assert r.exit_code == 0, r.output
    rows = read_tsv(r.stdout)
    ref = cross_species(open_release(trrust_release), "STAT3", "mouse", "human")
    assert [(x["organism"], x["target"], x["status"]) for x in rows] == \
        [(x["organism"], x["name"], x["status"]) for x in ref["rows"]]


@pytest.mark.parametrize("args, needle", [
    (["enrich", "-", "--organism", "human"], "genes: the gene list is empty"),
    (["common-targets", "STAT5A", "--organism", "human"], "tfs: give at least two TFs"),
    (["compare-species", "STAT3", "--organism", "human", "--to", "rat"], "to: this release has no ortholog"),
])
def test_cli_errors_are_one_line(trrust_release: str, args: list[str], needle: str) -> None:
    r = subprocess.run([TFLINK, *args, "--db", trrust_release], input="", capture_output=True, text=True, timeout=60,
                       check=False)
    assert r.returncode == 2
    assert needle in r.stderr and "Traceback" not in r.stderr


# -- API ----------------------------------------------------------------------------------------------------------
def test_api_enrichment_get_post_and_files(client: TestClient, trrust_release: str) -> None:
    ref = enrichment(open_release(trrust_release), GENES, "human", limit=5)
    got = client.get("/api/v1/analysis/enrichment", params={"genes": ",".join(GENES), "organism": "human",
                                                             "limit": 5})
    assert got.status_code == 200
    assert got.json()["results"] == ref["results"]
    posted = client.post("/api/v1/analysis/enrichment", json={"genes": GENES, "organism": "human", "limit": 5})
    assert posted.json() == got.json()
    tsv = client.post("/api/v1/analysis/enrichment.tsv", json={"genes": GENES, "organism": "human"})
    assert tsv.headers["content-type"].startswith("text/tab-separated-values")
    assert read_tsv(tsv.text)[0]["tf"] == ref["results"][0]["tf"]
    svg = client.get("/api/v1/analysis/enrichment.svg", params={"genes": " ".join(GENES), "organism": "human"})
    assert svg.headers["content-type"] == "image/svg+xml" and b"<svg" in svg.content[:500]


def test_api_common_targets_and_cross_species(client: TestClient, trrust_release: str) -> None:
    ref = common_targets(open_release(trrust_release), ["STAT5A", "STAT5B"], "human")
    got = client.get("/api/v1/analysis/common-targets", params={"tfs": "STAT5A,STAT5B", "organism": "human"}).json()
    assert got["intersection"] == ref["intersection"] and len(got["rows"]) == ref["shared"]
    venn = client.get("/api/v1/analysis/common-targets/venn.svg", params=[("tfs", "STAT5A"), ("tfs", "STAT5B"),
                                                                           ("organism", "human")])
    assert f'data-region="11">{ref["intersection"]}<' in venn.text
    tsv = client.get("/api/v1/analysis/common-targets.tsv", params={"tfs": "STAT5A,STAT5B", "organism": "human"})
    assert len(read_tsv(tsv.text)) == ref["union"]
    cs = client.get("/api/v1/analysis/cross-species", params={"tf": "STAT3", "organism": "human", "to": "mouse"})
    assert cs.json() == cross_species(open_release(trrust_release), "STAT3", "mouse", "human")
    tsv = client.get("/api/v1/analysis/cross-species.tsv", params={"tf": "STAT3", "organism": "human", "to": "mouse"})
    assert len(read_tsv(tsv.text)) == len(cs.json()["rows"])


@pytest.mark.parametrize("url, params, param", [
    ("/api/v1/analysis/enrichment", {"genes": "", "organism": "human"}, "genes"),
    ("/api/v1/analysis/enrichment", {"genes": "NOPE_1,NOPE_2", "organism": "human"}, "genes"),
    ("/api/v1/analysis/enrichment", {"genes": "TP53", "organism": "human", "background": "NOPE_3"}, "background"),
    ("/api/v1/analysis/enrichment", {"genes": "TP53", "organism": "human", "limit": 0}, "limit"),
    ("/api/v1/analysis/enrichment", {"genes": "TP53"}, "organism"),
    ("/api/v1/analysis/enrichment.gif", {"genes": "TP53", "organism": "human"}, "fmt"),
    ("/api/v1/analysis/common-targets", {"tfs": "STAT5A", "organism": "human"}, "tfs"),
    ("/api/v1/analysis/common-targets", {"tfs": "STAT5A,STAT5B"}, "organism"),
    ("/api/v1/analysis/common-targets/venn.svg", {"tfs": "SP1,SP3,EGR1,TP53", "organism": "human"}, "tfs"),
    ("/api/v1/analysis/cross-species", {"tf": "STAT3", "organism": "human", "to": "yeast"}, "to"),
    ("/api/v1/analysis/cross-species", {"tf": "ABCB1", "organism": "human", "to": "mouse"}, "tf"),
])
def test_api_bad_input_is_4xx_json_naming_the_parameter(client: TestClient, url: str, params: dict,
                                                        param: str) -> None:
    r = client.get(url, params=params)
    assert 400 <= r.status_code < 500
    body = r.json()
    assert body["status"] == r.status_code and body["param"] == param and body["error"]


# -- pages --------------------------------------------------------------------------------------------------------
def test_pages_show_results_and_errors(client: TestClient) -> None:
    r = client.post("/analysis/enrichment", data={"genes": "\n".join(GENES), "organism": "Homo sapiens"})
    assert r.status_code == 200 and 'id="enrichment-table"' in r.text and ">TP53</a>" in r.text
    assert "not found: 1" in r.text
    r = client.post("/analysis/enrichment", data={"genes": "\n".join(GENES), "organism": "Homo sapiens",
                                                  "download": "tsv"})
    assert read_tsv(r.text)[0]["tf"] == "TP53"
    r = client.get("/analysis/common-targets", params={"tfs": "STAT5A STAT5B", "organism": "Homo sapiens"})
    assert r.status_code == 200 and 'id="ct-venn"' in r.text and 'id="ct-network-data"' in r.text
    r = client.get("/analysis/cross-species", params={"tf": "STAT3", "organism": "Homo sapiens",
                                                      "to": "Mus musculus"})
    assert r.status_code == 200 and "conserved edge" in r.text
    r = client.get("/analysis/common-targets", params={"tfs": "<b>X</b> STAT5A", "organism": "Homo sapiens"})
    assert r.status_code == 400 and "&lt;b&gt;X&lt;/b&gt;" in r.text and "<b>X</b>" not in r.text
