"""The three analysis pages in headless Chromium: fill the form, read the result, download; screenshots of each
result page under test-output/screenshots/. Runs on the TRRUST-derived release (real TRRUST + orthologs)."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from analyses.trrust_data import build_trrust_release

from tflink.query import open_release
from tflink.query.analyses import common_targets, cross_species, enrichment

from .conftest import screenshot

pytestmark = pytest.mark.browser
GENES = ["MDM2", "CDKN1A", "BAX", "GADD45A", "FAS", "BBC3", "PMAIP1", "TP53I3", "SESN1", "RRM2B", "NOT_A_GENE_Q"]


@pytest.fixture(scope="module")
def trrust_server(live_server_for, tmp_path_factory: pytest.TempPathFactory, shared_dir: Path):
    release = build_trrust_release(tmp_path_factory.mktemp("trrust_web"), shared_dir)
    return live_server_for(release), release


def test_enrichment_page_in_browser(page, trrust_server) -> None:
    server, release = trrust_server
    ref = enrichment(open_release(release), GENES, "human")
    page.goto(server.url + "/analysis/enrichment")
    page.fill("#e-genes", "\n".join(GENES))
    page.select_option("#e-org", "Homo sapiens")
    page.click("#e-run")
    page.locator("#enrichment-table").wait_for()
    first = page.locator("#enrichment-table tbody tr").first.locator("td")
    assert first.nth(1).inner_text() == ref["results"][0]["tf"] == "TP53"
    assert int(first.nth(2).inner_text()) == ref["results"][0]["overlap"]
    assert "not found: 1" in page.locator("#mapping-report").inner_text()
    assert page.locator("#enrichment-chart").evaluate("img => img.naturalWidth") > 0
    with page.expect_download() as dl:
        page.get_by_role("button", name="Download TSV (all TFs)").click()
    rows = list(csv.DictReader(io.StringIO(Path(dl.value.path()).read_text()), delimiter="\t"))
    assert [r["tf"] for r in rows] == [r["tf"] for r in ref["results"]]
    screenshot(page, "analysis_enrichment")
    assert page.errors == []


def test_common_targets_page_in_browser(page, trrust_server) -> None:
    server, release = trrust_server
    ref = common_targets(open_release(release), ["STAT5A", "STAT5B", "STAT3"], "human")
    page.goto(server.url + "/analysis/common-targets")
    page.fill("#ct-tfs", "STAT5A, STAT5B, STAT3")
    page.select_option("#ct-org", "Homo sapiens")
    page.click("#ct-run")
    page.locator("#ct-table").wait_for()
    assert page.locator("#ct-intersection").inner_text() == f"{ref['intersection']:,}"
    assert page.locator("#ct-table tbody tr").count() == ref["shared"]
    assert page.locator("#ct-venn").evaluate("img => img.naturalWidth") > 0
    page.wait_for_function("document.querySelectorAll('#network canvas').length > 0")
    screenshot(page, "analysis_common_targets")
    assert page.errors == []


def test_cross_species_page_in_browser(page, trrust_server) -> None:
    server, release = trrust_server
    ref = cross_species(open_release(release), "STAT3", "mouse", "human")
    page.goto(server.url + "/analysis/cross-species")
    page.fill("#cs-tf", "STAT3")
    page.select_option("#cs-org", "Homo sapiens")
    page.select_option("#cs-to", "Mus musculus")
    page.click("#cs-run")
    page.locator("#cs-table").wait_for()
    cells = page.locator("#cs-summary tbody tr").first.locator("td")
    assert int(cells.nth(2).inner_text().replace(",", "")) == ref["summary"][0]["conserved"]
    assert page.locator("#cs-table tr.status-conserved").count() == ref["summary"][0]["conserved"] + \
        ref["summary"][1]["conserved"]
    screenshot(page, "analysis_cross_species")
    assert page.errors == []


def test_bad_input_shows_the_message_on_the_form(page, trrust_server) -> None:
    server, _ = trrust_server
    page.goto(server.url + "/analysis/common-targets")
    page.fill("#ct-tfs", "STAT5A")
    page.click("#ct-run")
    assert "give at least two TFs" in page.locator("#analysis-error").inner_text()
    assert page.locator("#ct-tfs").input_value() == "STAT5A"
