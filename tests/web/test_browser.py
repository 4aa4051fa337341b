"""Browser tests in real headless Chromium: pages load without console errors, search, tables, network."""
from __future__ import annotations

import re

import pytest

from .conftest import screenshot

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path,name", [("/", "home"), ("/browse", "browse"), ("/downloads", "downloads"),
                                       ("/batch", "batch"), ("/faq", "faq")])
def test_pages_load_without_console_errors(page, live_server, path: str, name: str) -> None:
    resp = page.goto(live_server.url + path)
    assert resp.status == 200
    page.wait_for_load_state("networkidle")
    screenshot(page, name)
    assert page.errors == []


def test_search_box_autocomplete_pick_a_suggestion(page, live_server) -> None:
    page.goto(live_server.url + "/")
    box = page.locator("#home-q")
    box.type("twist1", delay=30)
    option = page.locator("#home-q-suggestions li").first
    option.wait_for(state="visible")
    assert "TWIST1" in option.inner_text().upper()
    screenshot(page, "autocomplete")
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/protein/"))
    assert page.locator("#protein_name").inner_text().upper().startswith("TWIST1")
    assert page.errors == []


def test_browse_sort_page_and_open_row(page, live_server) -> None:
    page.goto(live_server.url + "/browse?organism=Homo+sapiens")
    page.get_by_role("link", name=re.compile("^Name")).click()
    page.wait_for_url(re.compile("sort=name"))
    names = page.locator("#browse-table tbody tr td:first-child").all_inner_texts()
    assert names == sorted(names, key=str.lower) or len(names) < 2
    page.get_by_role("link", name="Next ›").first.click()
    page.wait_for_url(re.compile("offset=25"))
    first = page.locator("#browse-table tbody tr").first
    ac = first.locator("td").nth(1).inner_text()
    first.locator("td").nth(3).click()  # not the link: the row itself opens the entry
    page.wait_for_url(re.compile(f"/protein/{ac}"))
    assert page.errors == []


def test_entry_tables_page_and_sort(page, live_server) -> None:
    page.goto(live_server.url + "/protein/Q15672")
    page.wait_for_load_state("networkidle")
    screenshot(page, "entry_twist1")
    box = page.locator("#table-targets")
    assert box.locator("tbody tr").count() == 10
    first_before = box.locator("tbody tr td").first.inner_text()
    box.get_by_role("button", name="Next ›").click()
    page.wait_for_function("document.querySelector('#table-targets').dataset.offset === '10'")
    box = page.locator("#table-targets")
    assert "rows 11–20" in box.locator(".range").inner_text()
    assert box.locator("tbody tr td").first.inner_text() != first_before
    box.get_by_role("button", name="Protein name").click()
    page.wait_for_function("document.querySelector('#table-targets').dataset.sort === 'name'")
    names = page.locator("#table-targets tbody tr td:first-child").all_inner_texts()
    assert names == sorted(names, key=str.lower)
    page.locator("#table-targets").get_by_role("button", name="Protein name").click()
    page.wait_for_function("document.querySelector('#table-targets').dataset.desc === 'true'")
    desc = page.locator("#table-targets tbody tr td:first-child").all_inner_texts()
    assert desc == sorted(desc, key=str.lower, reverse=True)
    assert page.errors == []


def test_network_canvas_matches_the_api(page, live_server) -> None:
    page.goto(live_server.url + "/protein/Q15672")
    page.wait_for_function("window.tflinkCy && window.tflinkNetwork")
    drawn = page.evaluate("window.tflinkCy.nodes().length")
    api = page.request.get(live_server.url + "/api/v1/entries/Q15672/network?max_nodes=50&depth=1").json()
    assert drawn == api["shown"] == 50
    assert "of %d neighbours" % api["total_neighbours"] in page.locator("#network-notice").inner_text()
    page.select_option("#net-max", "25")
    page.get_by_role("button", name="Draw").click()
    page.wait_for_function("window.tflinkCy.nodes().length === 25")
    page.locator("#network-section").screenshot(path=str(screenshot(page, "entry_twist1_full").parent
                                                         / "network.png"))
    with page.expect_download() as dl:
        page.get_by_role("button", name="Download PNG").click()
    assert dl.value.suggested_filename.endswith(".png")
    assert page.errors == []


def test_full_entry_synthetic(page, live_server_for, synthetic_release) -> None:
    """SYNTHETIC release: an entry with targets, TFs, sites, orthologs and a JASPAR logo; escaped names."""
    server = live_server_for(synthetic_release)
    page.goto(server.url + "/protein/P10242")
    page.wait_for_function("window.tflinkCy && window.tflinkNetwork")
    screenshot(page, "entry_synthetic_full")
    for section in ("#section-targets", "#section-tfs", "#section-binding_sites", "#orthologs", "#section-fasta"):
        assert page.locator(section).count() == 1
    assert page.evaluate("document.querySelector('.logo img').naturalWidth") > 0
    assert page.get_by_text("<script>alert(1)</script>").count() >= 1  # shown as text, never run
    assert page.evaluate("window.tflinkCy.nodes().length") == page.evaluate("window.tflinkNetwork.shown")
    assert page.errors == []


def test_batch_search_in_the_browser(page, live_server) -> None:
    page.goto(live_server.url + "/batch")
    page.fill("#batch-ids", "TWIST1\nQ15672\nnot-a-gene-xyz")
    page.get_by_role("button", name="Map identifiers").click()
    page.wait_for_selector("#batch-report")
    assert "not found: 1" in page.locator("#batch-counts").inner_text()
    screenshot(page, "batch_report")
    assert page.errors == []


def test_phone_layout(browser, live_server) -> None:
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    pg = ctx.new_page()
    pg.goto(live_server.url + "/protein/Q15672")
    pg.wait_for_load_state("networkidle")
    width = pg.evaluate("document.documentElement.scrollWidth")
    screenshot(pg, "phone_entry")
    ctx.close()
    assert width <= 400  # wide tables scroll inside their box, the page does not
