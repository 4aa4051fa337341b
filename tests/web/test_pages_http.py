"""HTTP-level tests of the HTML gateway and its search / network API: pages, downloads, 4xx errors, escaping."""
from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import pytest
from fastapi.testclient import TestClient

from tflink.query import entries, open_release
from tflink.query.network import neighbourhood
from tflink.web.app import create_app

from .conftest import EVIL


@pytest.fixture(scope="module")
def client(ref_release: str) -> TestClient:
    return TestClient(create_app(ref_release), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def syn(synthetic_release: str) -> TestClient:
    return TestClient(create_app(synthetic_release), raise_server_exceptions=False)


def tsv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text), delimiter="\t"))


def test_home_shows_statistics_sources_and_citation(client: TestClient, ref_release: str) -> None:
    r = client.get("/")
    assert r.status_code == 200
    rel = open_release(ref_release)
    totals = [s for s in entries.stats(rel) if s["scale"] == "total" and s["interactions"]]
    assert totals
    for s in totals:
        assert s["organism"] in r.text
        assert f"{s['interactions']:,}" in r.text
    assert "10.1093/database/baac083" in r.text
    for name in {i["name"] for i in rel.manifest["inputs"]}:
        assert name in r.text


def test_browse_pages_sorts_and_filters_like_the_query_layer(client: TestClient, ref_release: str) -> None:
    rel = open_release(ref_release)
    expected = entries.browse(rel, "Homo sapiens", sort="name", desc=True, limit=25, offset=25)
    r = client.get("/browse", params={"organism": "Homo sapiens", "sort": "name", "desc": "true", "offset": 25})
    assert r.status_code == 200
    names = [e["uniprot"] for e in expected.rows]
    positions = [r.text.index(f'data-href="/protein/{ac}"') for ac in names]
    assert positions == sorted(positions)  # same rows, same order
    assert f"{expected.total:,}" in r.text
    flt = entries.browse(rel, "Homo sapiens", name="twist", small_scale=True, limit=25)
    r = client.get("/browse", params={"organism": "Homo sapiens", "name": "twist", "small_scale": "yes"})
    assert r.text.count('class="clickable"') == len(flt.rows)


def test_browse_tsv_has_every_filtered_row(client: TestClient, ref_release: str) -> None:
    rel = open_release(ref_release)
    page = entries.browse(rel, "Mus musculus", min_interactions=100, limit=None)
    r = client.get("/browse.tsv", params={"organism": "Mus musculus", "min_interactions": 100})
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    rows = tsv_rows(r.text)
    assert rows[0][:2] == ["Name", "UniprotID"]
    assert len(rows) - 1 == page.total > 1000  # more than one page_size_max chunk would be needed at 1000
    assert {row[1] for row in rows[1:]} == {e["uniprot"] for e in page.rows}


@pytest.mark.parametrize("path", ["/protein/Q15672", "/protein/q15672/", "/protein/Q15672/"])
def test_entry_page_at_tflink_urls(client: TestClient, path: str, ref_release: str) -> None:
    r = client.get(path)
    assert r.status_code == 200
    e, targets = entries.entry_table(open_release(ref_release), "Q15672", "targets", limit=10)
    assert "TWIST1" in r.text and "https://www.uniprot.org/uniprot/Q15672" in r.text
    assert f"({targets.total:,})" in r.text  # the section says how many rows there are, all reachable
    for row in targets.rows:
        assert f'href="/protein/{row["uniprot"]}"' in r.text


def test_entry_table_fragment_pages_and_sorts(client: TestClient, ref_release: str) -> None:
    _, page = entries.entry_table(open_release(ref_release), "Q15672", "tfs", sort="name", desc=True, limit=25,
                                  offset=50)
    r = client.get("/protein/Q15672/table/tfs", params={"sort": "name", "desc": "true", "limit": 25, "offset": 50})
    assert r.status_code == 200
    found = [r.text.index(f'href="/protein/{row["uniprot"]}"') for row in page.rows]
    assert found == sorted(found) and len(found) == 25
    assert f"rows 51–75 of {page.total:,}" in r.text


def test_entry_table_filters(client: TestClient, ref_release: str) -> None:
    from tflink.store import RowFilter

    _, page = entries.entry_table(open_release(ref_release), "Q15672", "targets",
                                  RowFilter(small_scale_only=True, source="TRRUST"), limit=100)
    r = client.get("/protein/Q15672/table/targets",
                   params={"small_scale_only": "true", "source": "TRRUST", "limit": 100})
    assert r.status_code == 200
    assert r.text.count('<span class="badge ss">Yes</span>') == len(page.rows) == page.total


@pytest.mark.parametrize("fname,table", [("targets.tsv", "targets"), ("tfs.tsv", "tfs")])
def test_entry_tsv_downloads_have_all_rows(client: TestClient, ref_release: str, fname: str, table: str) -> None:
    _, page = entries.entry_table(open_release(ref_release), "Q15672", table, limit=None)
    rows = tsv_rows(client.get(f"/protein/Q15672/{fname}").text)
    assert len(rows) - 1 == page.total
    assert {r[0] for r in rows[1:]} == {p["uniprot"] for p in page.rows}


def test_binding_site_downloads(client: TestClient, ref_release: str) -> None:
    rel = open_release(ref_release)
    _, sites = entries.entry_table(rel, "P05084", "binding_sites", limit=None)
    rows = tsv_rows(client.get("/protein/P05084/binding_sites.tsv").text)
    assert len(rows[0]) == 16 and len(rows) - 1 == sites.total
    fasta = client.get("/protein/P05084/binding_sites.fasta", params={"scale": "ss"}).text
    ss_with_seq = [s for s in sites.rows if s["small_scale"] and s["sequence"]]
    assert fasta.count(">") == len(ss_with_seq)


def test_unknown_entry_is_404_with_suggestions(client: TestClient) -> None:
    r = client.get("/protein/TWIST1")
    assert r.status_code == 404
    assert 'href="/protein/Q15672"' in r.text  # search on the text suggests the real entry
    assert client.get("/protein/ZZZZZZ").status_code == 404


@pytest.mark.parametrize("url", [
    "/browse?organism=mars", "/browse?small_scale=maybe", "/browse?min_interactions=-1", "/browse?sort=colour",
    "/browse?function=enzyme", "/browse?limit=100000", "/browse.tsv?organism=mars",
    "/protein/Q15672/table/targets?sort=bogus", "/protein/Q15672/table/targets?limit=0",
    "/protein/Q15672/table/targets?source=NoSuchDb", "/protein/Q15672/table/targets?offset=-3",
    "/protein/Q15672/binding_sites.fasta?scale=xx", "/jaspar/not-a-matrix.svg", "/search?organism=mars&q=x",
    "/api/v1/search?q=a&limit=0", "/api/v1/search?q=", "/api/v1/search?q=a&organism=mars",
    "/api/v1/entries/Q15672/network?depth=3", "/api/v1/entries/Q15672/network?max_nodes=1",
    "/api/v1/entries/Q15672/network?max_nodes=999999", "/api/v1/entries/Q15672/network?source=nope",
])
def test_bad_parameters_are_4xx_with_a_message(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert 400 <= r.status_code < 500, (url, r.status_code)
    if url.startswith("/api/"):
        assert r.json()["error"]
    else:
        assert "<h1>" in r.text and 'class="message"' in r.text


@pytest.mark.parametrize("url", ["/protein/NOPE/table/targets", "/protein/Q15672/table/nothing",
                                 "/protein/Q15672/other.tsv", "/jaspar/MA9999.9.svg",
                                 "/api/v1/entries/NOPE/network", "/no/such/page"])
def test_missing_things_are_404(client: TestClient, url: str) -> None:
    assert client.get(url).status_code == 404


def test_autocomplete_exact_first_with_organism(client: TestClient) -> None:
    r = client.get("/api/v1/search", params={"q": "twist1", "limit": 5})
    hits = r.json()["results"]
    assert hits[0]["exact"] and hits[0]["name"].lower() == "twist1"
    assert {"organism", "uniprot", "name"} <= hits[0].keys()
    human = client.get("/api/v1/search", params={"q": "twist", "organism": "human"}).json()["results"]
    assert human and {h["organism"] for h in human} == {"Homo sapiens"}


def test_network_api_matches_the_query_and_counts(client: TestClient, ref_release: str) -> None:
    rel = open_release(ref_release)
    full = entries.entry_json(rel, "Q15672")
    partners = {r["uniprot"] for r in full["targets"] + full["tfs"]} - {"Q15672"}
    d = client.get("/api/v1/entries/Q15672/network", params={"max_nodes": 60}).json()
    assert d["total_neighbours"] == len(partners) and d["truncated"]
    assert d["shown"] == len(d["elements"]["nodes"]) == 60
    ss_partners = {r["uniprot"] for r in full["targets"] + full["tfs"] if r["small_scale"]} - {"Q15672"}
    drawn = {n["data"]["id"] for n in d["elements"]["nodes"]} - {"Q15672"}
    assert ss_partners <= drawn or drawn <= ss_partners  # small-scale neighbours are drawn first
    ss = client.get("/api/v1/entries/Q15672/network", params={"small_scale_only": "true", "max_nodes": 500}).json()
    assert all(e["data"]["small_scale"] for e in ss["elements"]["edges"])
    assert ss["total_neighbours"] == len(ss_partners) and not ss["truncated"]


def test_network_depth2_on_both_backends(any_release: str) -> None:
    rel = open_release(any_release)
    d1 = neighbourhood(rel, "P10242", depth=1, max_nodes=500)
    d2 = neighbourhood(rel, "P10242", depth=2, max_nodes=500)
    assert d2["total_neighbours"] >= d1["total_neighbours"]
    ids1 = {n["data"]["id"] for n in d1["elements"]["nodes"]}
    ids2 = {n["data"]["id"] for n in d2["elements"]["nodes"]}
    assert ids1 <= ids2
    for e in d2["elements"]["edges"]:
        assert e["data"]["source"] in ids2 and e["data"]["target"] in ids2


def test_batch_report(client: TestClient, ref_release: str) -> None:
    from tflink.query.identifiers import map_identifiers

    ids = ["TWIST1", "Q15672", "7291", "certainly-not-a-gene"]
    expected = map_identifiers(open_release(ref_release), ids).counts
    r = client.post("/batch", data={"identifiers": "\n".join(ids), "organism": ""})
    assert r.status_code == 200
    for status, n in expected.items():
        assert f"{status}: {n}" in r.text
    assert client.post("/batch", data={"identifiers": "", "organism": ""}).status_code == 400


def test_downloads_and_faq(client: TestClient) -> None:
    r = client.get("/downloads")
    assert r.status_code == 200
    assert "/api/v1/export/table?organism=Homo_sapiens&amp;scale=ss" in r.text
    try:
        from tflink.query.exports import download_catalogue  # noqa: F401
    except ImportError:
        assert "tflink release-files" in r.text
    faq = client.get("/faq").text
    for col in ("UniprotID.TF", "Target.nonTFLink.ortho", "causalStatement", "TFBS.overlaps"):
        assert col in faq
    assert faq.count("<tr><td class=\"num\">") >= 15 + 46 + 16


def test_jaspar_logo_svg_has_one_column_per_position(client: TestClient) -> None:
    from pyjaspar import jaspardb

    length = len(jaspardb(release="JASPAR2020").fetch_motif_by_id("MA0100.3").counts["A"])
    r = client.get("/jaspar/MA0100.3.svg")
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
    root = ET.fromstring(r.text)
    ns = "{http://www.w3.org/2000/svg}"
    positions = [t.text for t in root.iter(ns + "text") if t.get("class") == "pos"]
    assert positions == [str(i) for i in range(1, length + 1)]
    letters = [t.text for t in root.iter(ns + "text") if t.text in ("A", "C", "G", "T")]
    assert length <= len(letters) <= 4 * length


def test_full_entry_page_synthetic(syn: TestClient) -> None:
    r = syn.get("/protein/P10242")
    assert r.status_code == 200
    assert 'href="/protein/P06876"' in r.text  # mouse ortholog is in the release: linked
    assert "Q99999" in r.text and 'href="/protein/Q99999"' not in r.text
    assert "https://jaspar.genereg.net/matrix/MA0100.3/" in r.text and "/jaspar/MA0100.3.svg" in r.text
    assert "hgTracks?db=hg38&amp;position=chr1:1000-1009" in r.text
    assert "&gt;TFLinkSS00000001;P10242;MYB;hg38;chr1:1000-1009\nCAACTGCCAA" in r.text  # SS FASTA on the page
    assert "&gt;TFLinkLS00000002" not in r.text  # LS sequences are a download
    assert "/protein/P10242/binding_sites.fasta?scale=ls" in r.text
    for section in ("section-targets", "section-tfs", "section-binding_sites", "network-section"):
        assert f'id="{section}"' in r.text


@pytest.mark.parametrize("url", ["/protein/P99904", "/protein/P10242", "/browse?organism=human", "/search?q=P99904",
                                 "/", "/faq", "/protein/P10242/table/tfs", "/protein/P99904/table/binding_sites"])
def test_values_from_the_data_are_escaped(syn: TestClient, url: str) -> None:
    r = syn.get(url)
    assert r.status_code == 200
    assert EVIL not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text  # the value is there, as text


def test_escaping_in_error_pages_and_json(syn: TestClient) -> None:
    r = syn.get("/protein/<script>alert(1)</script>")
    assert r.status_code == 404 and EVIL not in r.text
    hits = syn.get("/api/v1/search", params={"q": "p99904"}).json()["results"]
    assert hits[0]["name"] == EVIL  # JSON carries the raw value; the page escapes it
