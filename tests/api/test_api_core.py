"""REST API v1 (entries, interactions, binding sites, exports, downloads, docs) on SQLite and PostgreSQL.

Expectations are computed with the query layer / the exports, or from the real TFLink files the release holds."""
from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

REF = Path(__file__).resolve().parents[2].parent / "shared" / "sources" / "tflink_reference"


@pytest.fixture
def client(any_release: str) -> TestClient:
    from tflink.web.app import create_app

    return TestClient(create_app(any_release))


def _rel(client: TestClient):  # noqa: ANN202
    from tflink.query import open_release

    return open_release(client.app.state.location)


def test_entry_is_the_entry_json(client: TestClient) -> None:
    from tflink.query.entries import entry_json

    r = client.get("/api/v1/entries/q15672")
    assert r.status_code == 200
    assert r.json() == entry_json(_rel(client), "Q15672")
    assert len(r.json()["targets"]) == 7938 and len(r.json()["tfs"]) == 236


def test_entry_json_conforms_to_the_documented_model(client: TestClient, demo_release: str) -> None:
    from tflink.api.models_core import EntryOut
    from tflink.web.app import create_app

    for c in (client, TestClient(create_app(demo_release))):  # the demo has signs, orthologs, matrices, sites
        data = c.get("/api/v1/entries/Q15672").json()
        assert EntryOut.model_validate(data).model_dump(mode="json") == data


def test_entry_tables_page_through_every_row(client: TestClient) -> None:
    seen: list[str] = []
    offset: int | None = 0
    while offset is not None:
        page = client.get(f"/api/v1/entries/Q15672/tfs?limit=100&offset={offset}").json()
        assert page["total"] == 236 and page["table"] == "tfs"
        seen += [row["uniprot"] for row in page["rows"]]
        offset = page["next_offset"]
    expected = [line.split("\t")[0] for line in (REF / "entry_downloads" / "tfs_of_Q15672.tsv").read_text()
                .splitlines()[1:]]
    assert sorted(seen) == sorted(expected) and len(set(seen)) == len(seen)


def test_entry_table_filters(client: TestClient) -> None:
    page = client.get("/api/v1/entries/Q15672/targets?small_scale_only=true&source=TRRUST&limit=1000").json()
    assert page["rows"] and all(r["small_scale"] and "TRRUST" in r["sources"] for r in page["rows"])
    sites = client.get("/api/v1/entries/Q21446/binding_sites?limit=5")
    assert sites.status_code == 200 and sites.json()["total"] > 0


def test_batch_maps_identifiers(client: TestClient) -> None:
    r = client.post("/api/v1/entries/batch", json={"text": "TWIST1, P15407\nnot-a-gene", "organism": "human"})
    body = r.json()
    assert r.status_code == 200 and body["counts"]["found"] == 2 and body["counts"]["not found"] == 1
    assert [e["uniprot"] for e in body["items"][0]["entries"]] == ["Q15672"]


def test_batch_limit_is_enforced(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TFLINK_BATCH_MAX", "2")
    r = client.post("/api/v1/entries/batch", json={"identifiers": ["A", "B", "C"]})
    assert r.status_code == 413 and "limit of 2" in r.json()["error"] and r.json()["param"] == "identifiers"


def test_interactions_cursor_walks_the_whole_set_once(client: TestClient) -> None:
    from tflink.query.exports import export

    rel = _rel(client)
    expected = [tuple(line.split("\t")[:2]) for line in
                b"".join(export(rel, "table", organism="worm").chunks()).decode().splitlines()[1:]]
    got: list[tuple[str, str]] = []
    cursor = ""
    while cursor is not None:
        page = client.get(f"/api/v1/interactions?organism=worm&limit=7&cursor={cursor}").json()
        assert len(page["rows"]) <= 7
        got += [(r["tf"], r["target"]) for r in page["rows"]]
        cursor = page["next"]
    assert got == expected


@pytest.mark.parametrize("query,check", [
    ("tf=TWIST1&scale=ss", lambda r: r["tf"] == "Q15672" and r["small_scale"]),
    ("target=Q15672", lambda r: r["target"] == "Q15672"),
    ("source=TRRUST&organism=human", lambda r: "TRRUST" in r["sources"] and r["organism"] == "Homo sapiens"),
    ("pmid=29087512", lambda r: "29087512" in r["pmids"]),
    ("method=inferred%20by%20curator", lambda r: "inferred by curator" in r["methods"]),
    ("scale=ls&organism=human", lambda r: r["large_scale"]),
])
def test_interaction_filters(client: TestClient, query: str, check) -> None:  # noqa: ANN001
    r = client.get(f"/api/v1/interactions?{query}&limit=200")
    assert r.status_code == 200 and r.json()["rows"]
    assert all(check(row) for row in r.json()["rows"])


def test_binding_sites_range_filter(client: TestClient) -> None:
    r = client.get("/api/v1/binding-sites?organism=worm&chromosome=chrI&start=1&end=14000000&limit=1000")
    rows = r.json()["rows"]
    assert r.status_code == 200 and rows
    assert all(s["chromosome"] == "chrI" and s["end"] >= 1 and s["start"] <= 14000000 for s in rows)
    by_tf = client.get("/api/v1/binding-sites?tf=Q21446&limit=1000").json()["rows"]
    lines = (REF / "entry_downloads" / "bindingSites_of_Q21446.tsv").read_text().splitlines()[1:]
    assert sorted(s["tflink_id"] for s in by_tf) == sorted(line.split("\t")[0] for line in lines)


def test_organisms_stats_release(client: TestClient) -> None:
    from tflink.query.entries import stats

    orgs = client.get("/api/v1/organisms").json()
    assert len(orgs) == 7 and {o["code"] for o in orgs} == {"Hs", "Mm", "Rn", "Dr", "Dm", "Ce", "Sc"}
    assert client.get("/api/v1/stats").json() == stats(_rel(client))
    rel_info = client.get("/api/v1/release").json()
    assert rel_info["version"] == "ref-test" and rel_info["limits"]["page_size_max"] > 0


def test_export_endpoint_streams_a_named_file(client: TestClient) -> None:
    r = client.get("/api/v1/export/entry-targets?entry=Q15672")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/tab-separated-values")
    assert 'filename="TFLink_targets_of_Q15672.tsv"' in r.headers["content-disposition"]
    assert len(r.text.splitlines()) == 7938 + 1
    gz = client.get("/api/v1/export/gmt-uniprot?organism=rat&scale=ss&gzip=true")
    sample = (REF / "release_samples" / "TFLink_Rattus_norvegicus_interactions_SS_GMT_18-01-2021.gmt").read_bytes()
    assert gz.headers["content-type"] == "application/gzip" and gzip.decompress(gz.content) == sample
    filtered = client.get("/api/v1/export/sif?tf=TWIST1&scale=ss").text.splitlines()
    assert filtered and all(line.startswith("Q15672\t") for line in filtered)


@pytest.mark.parametrize("url,status,param", [
    ("/api/v1/export/nope", 400, "format"),
    ("/api/v1/export/table?organism=mars", 400, "organism"),
    ("/api/v1/export/entry-tfs", 400, "entry"),
    ("/api/v1/interactions?tf=NOSUCHGENE", 400, "tf"),
    ("/api/v1/interactions?source=Nowhere", 400, "source"),
    ("/api/v1/interactions?sign=up", 400, "sign"),
    ("/api/v1/interactions?cursor=abc", 400, "cursor"),
    ("/api/v1/interactions?limit=1000000", 400, "limit"),
    ("/api/v1/binding-sites?start=5", 400, "chromosome"),
    ("/api/v1/entries/Q15672/targets?sort=bogus", 400, "sort"),
    ("/api/v1/entries/Q15672%00", 400, "ac"),
])
def test_bad_input_is_a_4xx_json_error_naming_the_parameter(client: TestClient, url: str, status: int,
                                                            param: str) -> None:
    r = client.get(url)
    assert r.status_code == status and r.json()["param"] == param and r.json()["error"]


def test_unknown_entry_is_404(client: TestClient) -> None:
    r = client.get("/api/v1/entries/ZZZ999NOPE")
    assert r.status_code == 404 and "ZZZ999NOPE" in r.json()["error"]


def test_downloads_catalogue_and_files(client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tflink.query.release_files import default_downloads_dir, write_release_files

    monkeypatch.setenv("TFLINK_DATA_DIR", str(tmp_path))  # where PostgreSQL releases keep their downloads
    rel = _rel(client)
    written = write_release_files(rel)
    listed = client.get("/api/v1/downloads").json()
    assert {d["filename"] for d in listed} == {d["filename"] for d in written}
    assert "TFLink_Rattus_norvegicus_interactions_SS_simpleFormat_v1.0.tsv.gz" in {d["filename"] for d in listed}
    sums = dict(line.split("  ")[::-1] for line in (default_downloads_dir(rel) / "SHA256SUMS").read_text()
                .splitlines())
    item = listed[0]
    body = client.get(item["url"]).content
    assert hashlib.sha256(body).hexdigest() == sums[item["filename"]] == item["sha256"]
    for bad in ("..%2Fmanifest.json", "SHA256SUMS", ".hidden", "nope.tsv"):
        assert client.get(f"/downloads/{bad}").status_code in (400, 404)


def test_docs_are_served_offline(client: TestClient) -> None:
    html = client.get("/api/v1/docs").text
    assert "/static/vendor/swagger/swagger-ui-bundle.js" in html and "cdn" not in html.lower()
    assert client.get("/static/vendor/swagger/swagger-ui-bundle.js").status_code == 200
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    for path in ("/api/v1/entries/{ac}", "/api/v1/entries/{ac}/targets", "/api/v1/entries/batch",
                 "/api/v1/interactions", "/api/v1/binding-sites", "/api/v1/export/{format}", "/api/v1/organisms",
                 "/api/v1/stats", "/api/v1/release"):
        assert path in schema["paths"], path
