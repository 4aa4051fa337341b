"""Import every real TFLink sample and check the release against the files themselves (SQLite and PostgreSQL)."""
from __future__ import annotations

from pathlib import Path

import pytest

import tflink
from tflink import model
from tflink.query import entries, open_release

from conftest import REF
from reference_parse import multi, pmids, read_browse, read_table, read_tsv

PARTNER_FILES = sorted((REF / "entry_downloads").glob("t*_of_*.tsv"))


def _by_uniprot(rows: list[dict]) -> dict[str, dict]:
    return {r["uniprot"]: r for r in rows}


@pytest.mark.parametrize("path", PARTNER_FILES, ids=lambda p: p.name)
def test_partner_tables_match_the_files(any_release: str, path: Path) -> None:
    role, ac = path.stem.split("_of_")
    side = "TF" if role == "tfs" else "Target"
    expected = read_tsv(path)
    got = _by_uniprot(entries.entry_json(open_release(any_release), ac)[role])
    assert len(got) == len(expected)
    for row in expected:
        r = got[row[f"UniprotID.{side}"]]
        assert r["name"] == row[f"Name.{side}"]
        assert r["ncbi_gene_ids"] == multi(row[f"NCBI.GeneID.{side}"])
        assert r["sources"] == sorted(multi(row["Source.database"]))
        assert r["methods"] == sorted(multi(row["Detection.method"]))
        assert r["pmids"] == pmids(row["PubmedID"])
        assert r["small_scale"] == (row["Small-scale.evidence"] == "Yes")


def test_rows_small_scale_first_then_by_name(any_release: str) -> None:
    rows = entries.entry_json(open_release(any_release), "Q15672")["targets"]
    keys = [(not r["small_scale"], r["name"].lower()) for r in rows]
    assert keys == sorted(keys)
    assert sum(r["small_scale"] for r in rows) == sum(
        1 for r in read_tsv(REF / "entry_downloads" / "targets_of_Q15672.tsv") if r["Small-scale.evidence"] == "Yes")


def test_twist1_counts_and_function_match_the_browse_table(any_release: str) -> None:
    browse = {r["uniprot"]: r for r in read_browse(REF / "browse_tables" / "Homo_sapiens_browse.csv")}
    e = entries.entry_json(open_release(any_release), "q15672")  # case-insensitive
    n_targets = len(read_tsv(REF / "entry_downloads" / "targets_of_Q15672.tsv"))
    n_tfs = len(read_tsv(REF / "entry_downloads" / "tfs_of_Q15672.tsv"))
    assert e["number_of_interactions"] == n_targets + n_tfs == int(browse["Q15672"]["n"])
    assert e["function"] == browse["Q15672"]["function"]
    assert e["small_scale_evidence"] == (browse["Q15672"]["small_scale"] == "Yes")
    assert e["name"] == browse["Q15672"]["name"] and e["ncbi_gene_ids"] == multi(browse["Q15672"]["ncbi"])
    self_loop = [r for r in e["targets"] if r["uniprot"] == "Q15672"]
    assert self_loop and [r for r in e["tfs"] if r["uniprot"] == "Q15672"]


@pytest.mark.parametrize("species", ["Homo_sapiens", "Mus_musculus", "Caenorhabditis_elegans"])
def test_browse_entries_without_interactions_keep_declared_values(any_release: str, species: str) -> None:
    rel = open_release(any_release)
    rows = read_browse(REF / "browse_tables" / f"{species}_browse.csv")
    page = entries.browse(rel, species, limit=None)
    got = _by_uniprot(page.rows)
    file_acs = {r["uniprot"] for r in rows}
    assert file_acs <= set(got)
    extra = set(got) - file_acs  # entries only known from imported interaction files
    assert all(got[ac]["n_as_tf"] + got[ac]["n_as_target"] > 0 for ac in extra)
    assert page.total == len(file_acs) + len(extra)
    checked = 0
    for row in rows:
        e = got[row["uniprot"]]
        assert e["name"] == row["name"] and e["ncbi_gene_ids"] == multi(row["ncbi"])
        if e["n_as_tf"] + e["n_as_target"] == 0:  # not derived from imported interactions
            assert e["n_interactions"] == int(row["n"])
            assert e["function"] == row["function"]
            assert e["small_scale"] == (row["small_scale"] == "Yes")
            checked += 1
    assert checked > len(rows) * 0.5  # most entries have no imported interaction: their values come from the file


@pytest.mark.parametrize("path", sorted((REF / "entry_downloads").glob("bindingSites_of_*.tsv")), ids=lambda p: p.name)
def test_binding_sites_match_the_files(any_release: str, path: Path) -> None:
    ac = path.stem.split("_of_")[1]
    expected = read_tsv(path)
    got = {s["tflink_id"]: s for s in entries.entry_json(open_release(any_release), ac)["binding_sites"]}
    assert len(got) == len(expected)
    for row in expected:
        s = got[row["TFLinkID"]]
        assert s["sources"] == multi(row["Source.database"])
        assert s["methods"] == multi(row["Detection.method"])
        assert s["pmids"] == pmids(row["PubmedID"])
        assert s["small_scale"] == (row["Small-scale.evidence"] == "Yes")
        assert s["chromosome"] == (None if row["Chromosome"] == "-" else row["Chromosome"])
        assert s["start"] == (None if row["Start"] == "-" else int(row["Start"]))
        located = row["Chromosome"] not in ("-", "NA")
        assert s["strand"] == (row["Strand"] if located and row["Strand"] in "+-" else None)


INTERACTION_FILES = sorted(REF.glob("TFLink_*interactions*.head.*")) + sorted(
    (REF / "release_samples").glob("*simpleFormat*.csv"))


@pytest.mark.parametrize("path", INTERACTION_FILES, ids=lambda p: p.name)
def test_interaction_tables_match_the_files(any_release: str, path: Path) -> None:
    rel = open_release(any_release)
    for row in read_table(path):
        e = entries.entry_json(rel, row["UniprotID.TF"])
        assert e["organism"] == row["Organism"]
        hits = [r for r in e["targets"] if r["uniprot"] == row["UniprotID.Target"]]
        assert len(hits) == 1, row
        r = hits[0]
        assert set(row["Source.database"].replace(",", ";").split(";")) <= set(r["sources"])
        assert set(multi(row["Detection.method"])) <= set(r["methods"])
        assert set(pmids(row["PubmedID"])) <= set(r["pmids"])
        assert "_SS_" in path.name and r["small_scale"]


def test_site_table_pre_release_layout(any_release: str) -> None:
    path = REF / "release_samples" / "TFLink_Rattus_norvegicus_bindingSites_SS_annotation_18-01-2021.tsv"
    rows = read_tsv(path)
    rel = open_release(any_release)
    tfs = {r["UniprotID.TF"] for r in rows}
    got = {s["tflink_id"]: s for ac in tfs for s in entries.entry_json(rel, ac)["binding_sites"]}
    assert {r["TFLinkID"] for r in rows} <= set(got)
    assert all(got[r["TFLinkID"]]["small_scale"] for r in rows)  # file name says SS


def test_stats_count_the_release(any_release: str) -> None:
    rel = open_release(any_release)
    total = {s["organism"]: s for s in entries.stats(rel) if s["scale"] == "total"}
    human_pairs = {(r["uniprot"]) for r in entries.entry_json(rel, "Q15672")["targets"]}
    assert total["Homo sapiens"]["interactions"] >= len(human_pairs)
    assert sum(s["interactions"] for s in total.values()) == rel.count("interaction")
    assert sum(s["binding_sequences"] for s in total.values()) == rel.count("site")
    ss = {s["organism"]: s for s in entries.stats(rel) if s["scale"] == "small-scale"}
    assert ss["Saccharomyces cerevisiae"]["interactions"] == len(read_table(
        REF / "TFLink_Saccharomyces_cerevisiae_interactions_SS_simpleFormat.head.tsv"))


def test_manifest_records_every_input(ref_release: str) -> None:
    from conftest import reference_files
    import hashlib

    m = open_release(ref_release).manifest
    assert m["schema_version"] == model.SCHEMA_VERSION
    by_path = {i["path"]: i for i in m["inputs"]}
    for f in reference_files():
        info = by_path[str(f)]
        assert info["sha256"] == hashlib.sha256(f.read_bytes()).hexdigest()
        assert info["rows_read"] == sum(1 for line in f.read_text().splitlines()[1:] if line.strip()) + (
            1 if info["format"] == "browse" else 0)
        assert info["rows_rejected"] == 0
    assert {c["scale"] for c in m["counts"]} == {"small-scale", "large-scale", "total"}


def test_python_api_is_pandas_friendly(ref_release: str) -> None:
    db = tflink.open(ref_release)
    df = db.targets("TWIST1")
    assert len(df) == len(read_tsv(REF / "entry_downloads" / "targets_of_Q15672.tsv"))
    assert list(df.columns) == list(entries.ROW_KEYS)
    assert db.search("TWIST1").iloc[0]["uniprot"] in {"Q15672", "P26687"}
