"""The read commands through the real console entry point (a subprocess, as users run it)."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import REF
from reference_parse import read_tsv
from tflink.query import entries, open_release


def run(*args: str, db: str | None = None) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "tflink", *args] + (["--db", db] if db else [])
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def test_entry_json_is_the_whole_documented_shape(ref_release: str) -> None:
    out = run("entry", "Q15672", "--json", db=ref_release)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert list(data) == ["uniprot", "name", "ncbi_gene_ids", "organism", "function", "number_of_interactions",
                          "small_scale_evidence", "orthologs", "jaspar_matrices", "tfs", "targets", "binding_sites"]
    assert len(data["targets"]) == len(read_tsv(REF / "entry_downloads" / "targets_of_Q15672.tsv"))  # no cap
    assert set(data["targets"][0]) == {"uniprot", "name", "ncbi_gene_ids", "sources", "methods", "pmids",
                                       "small_scale", "sign"}
    assert data == json.loads(json.dumps(entries.entry_json(open_release(ref_release), "Q15672")))


def test_unknown_entry_exits_non_zero_with_one_line(ref_release: str) -> None:
    out = run("entry", "O00000", db=ref_release)
    assert out.returncode != 0
    assert len(out.stderr.strip().splitlines()) == 1
    assert "O00000" in out.stderr and "Traceback" not in out.stderr


def test_search_exact_hits_first(ref_release: str) -> None:
    out = run("search", "twist1", "--json", db=ref_release)
    hits = json.loads(out.stdout)
    assert hits and all(h["exact"] for h in hits[:2])
    assert {h["uniprot"] for h in hits if h["exact"]} >= {"Q15672"}
    assert [h["exact"] for h in hits] == sorted((h["exact"] for h in hits), reverse=True)
    by_ncbi = json.loads(run("search", "7291", "--json", db=ref_release).stdout)
    assert by_ncbi[0]["uniprot"] == "Q15672" and by_ncbi[0]["match_kind"] == "ncbi"


def test_stats_json(ref_release: str) -> None:
    data = json.loads(run("stats", "--json", db=ref_release).stdout)
    assert data["release"] == "ref-test"
    assert {r["scale"] for r in data["stats"]} == {"small-scale", "large-scale", "total"}


def test_tflink_db_environment_variable(ref_release: str) -> None:
    import os

    env = {**os.environ, "TFLINK_DB": ref_release}
    out = subprocess.run([sys.executable, "-m", "tflink", "entry", "Q15672", "--json"], capture_output=True,
                         text=True, env=env, timeout=120)
    assert json.loads(out.stdout)["name"] == "TWIST1"


def test_missing_release_message(tmp_path) -> None:  # noqa: ANN001
    out = run("stats", db=str(tmp_path / "none"))
    assert out.returncode == 3
    assert "tflink build" in out.stderr and "Traceback" not in out.stderr


def test_import_reports_the_format_it_took(tmp_path) -> None:  # noqa: ANN001
    f = REF / "entry_downloads" / "tfs_of_Q13007.tsv"
    out = run("import-tflink", str(f), "--db", str(tmp_path / "rel"))
    assert out.returncode == 0, out.stderr
    assert "tfs_of_<AC>" in out.stderr and f"{len(read_tsv(f)):,} rows read, 0 rejected" in out.stderr


def test_map_command(ref_release: str, tmp_path) -> None:  # noqa: ANN001
    ids = tmp_path / "ids.txt"
    ids.write_text("TWIST1\nQ15672\nnot-a-gene\n")
    out = run("map", str(ids), "--json", db=ref_release)
    report = json.loads(out.stdout)
    assert [i["status"] for i in report["items"]] == ["found", "found", "not found"]
    assert report["counts"]["not found"] == 1
