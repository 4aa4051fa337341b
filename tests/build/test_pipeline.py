"""End-to-end builds from the real samples (and SYNTHETIC fixtures where no real rows exist)."""
from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

import pytest

from tflink.build.config import load_config
from tflink.build.pipeline import Build, build
from tflink.errors import InputError


def _trrust_rows(shared: Path) -> list[list[str]]:
    with open(shared / "sources" / "trrust" / "trrust_rawdata.human.tsv", newline="") as fh:
        return list(csv.reader(fh, delimiter="\t"))


def write_config(tmp: Path, body: str, name: str = "build.toml") -> Path:
    path = tmp / name
    path.write_text('[release]\nversion = "test"\n' + body)
    return path


def human_tables(shared: Path) -> str:
    ids = shared / "sources" / "idmapping"
    browse = shared / "sources" / "tflink_reference" / "browse_tables" / "Homo_sapiens_browse.csv"
    return (f'[[idmap]]\nformat = "uniprot_tab"\npath = "{ids / "hsa_uniprot_20180314.txt"}"\norganism = "human"\n'
            f'[[idmap]]\nformat = "tflink_browse"\npath = "{browse}"\norganism = "human"\n')


def trrust_input(shared: Path, lenient: bool = True) -> str:
    path = shared / "sources" / "trrust" / "trrust_rawdata.human.tsv"
    return f'[[input]]\nsource = "trrust"\npath = "{path}"\nlenient = {str(lenient).lower()}\n'


@pytest.fixture(scope="module")
def trrust_build(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, dict]:
    cfg = write_config(tmp_path_factory.mktemp("cfg"), human_tables(shared_dir) + trrust_input(shared_dir))
    b = Build(load_config(cfg))
    return b, b.integrate()


def test_ezh2_represses_twist1(trrust_build: tuple[Build, dict]) -> None:
    b, its = trrust_build
    it = its[("Q15910", "Q15672")]
    assert it.methods == {"inferred by curator"} and it.sources == {"TRRUST"}
    assert it.pmids == ["23836662", "29087512"] and it.small_scale and not it.large_scale
    assert it.sign == "repression"
    assert b.idmap.entry("Q15910", 9606).ncbi_gene_ids == ("2146",)
    assert b.idmap.entry("Q15672", 9606).ncbi_gene_ids == ("7291",)


def test_fzr1_does_not_get_cdh1_evidence(trrust_build: tuple[Build, dict], shared_dir: Path) -> None:
    _, its = trrust_build
    rows = _trrust_rows(shared_dir)
    cdh1_pmids = {p for r in rows if r[1] == "CDH1" for p in r[3].split(";")}
    fzr1_pmids = {p for r in rows if r[1] == "FZR1" for p in r[3].split(";")}
    to_fzr1 = [i for (tf, tg), i in its.items() if tg == "Q9UM11"]
    assert {p for i in to_fzr1 for p in i.pmids} - {"29087512"} == fzr1_pmids
    assert not (cdh1_pmids - fzr1_pmids) & {p for i in to_fzr1 for p in i.pmids}
    to_cdh1 = {p for (tf, tg), i in its.items() if tg == "P12830" for p in i.pmids}
    assert cdh1_pmids <= to_cdh1


def _independent_statuses(uniprot_txt: Path, symbols: set[str]) -> dict[str, int]:
    """The mapping rules re-derived from the raw UniProt export, without tflink code."""
    primary, synonym = defaultdict(set), defaultdict(set)
    gene_of: dict[str, str] = {}
    for line in uniprot_txt.read_text().splitlines()[1:]:
        f = line.split("\t")
        names = f[2].split() if len(f) > 2 else []
        gene_of[f[0]] = names[0].casefold() if names else f[0]
        for i, n in enumerate(names):
            (primary if i == 0 else synonym)[n].add(f[0])
    ci_p, ci_s = defaultdict(set), defaultdict(set)
    for n, acs in primary.items():
        ci_p[n.casefold()] |= acs
    for n, acs in synonym.items():
        ci_s[n.casefold()] |= acs
    counts = {"direct": 0, "synonym": 0, "ambiguous": 0, "unmapped": 0}
    for s in symbols:
        for table, key, ok in ((primary, s, "direct"), (synonym, s, "synonym"), (ci_p, s.casefold(), "direct"),
                               (ci_s, s.casefold(), "synonym")):
            if key in table:
                genes = {gene_of[a] for a in table[key]}
                counts[ok if (ok == "direct" and table is primary) or len(genes) == 1 else "ambiguous"] += 1
                break
        else:
            counts["unmapped"] += 1
    return counts


def test_mapping_report_numbers(shared_dir: Path, tmp_path: Path) -> None:
    uniprot = shared_dir / "sources" / "idmapping" / "hsa_uniprot_20180314.txt"
    cfg = write_config(tmp_path, f'[[idmap]]\nformat = "uniprot_tab"\npath = "{uniprot}"\norganism = "human"\n'
                       + trrust_input(shared_dir))
    b = Build(load_config(cfg))
    its = b.integrate()
    rows = _trrust_rows(shared_dir)
    symbols = {r[0] for r in rows} | {r[1] for r in rows}
    report = b.report.as_dict()["TRRUST:trrust_rawdata.human.tsv"]
    expected = _independent_statuses(uniprot, symbols)
    assert {k: report["identifiers"][k] for k in expected} == expected
    assert sum(report["records"].values()) == len(rows)
    assert len(its) > 0 and all(e for e in report["examples"].get("ambiguous", []))


def test_dorothea_rda_integrates(shared_dir: Path, tmp_path: Path) -> None:
    rda = shared_dir / "sources" / "dorothea" / "entire_database.rda"
    cfg = write_config(tmp_path, human_tables(shared_dir) + f'[[input]]\nsource = "dorothea"\npath = "{rda}"\n')
    b = Build(load_config(cfg))
    its = b.integrate()
    stats = b.input_stats["DoRothEA:entire_database.rda"]["counts"]
    assert stats["rows"] == 1_019_220
    tp53 = b.idmap.resolve(9606, "symbol", "TP53").acs[0]
    mdm2 = b.idmap.resolve(9606, "symbol", "MDM2").acs[0]
    via = {s for (tf, tg), i in its.items() if tf == tp53 and tg == mdm2 for s in i.sources}
    assert via and all(s.endswith("_via_DoRothEA") for s in via)
    assert all(i.small_scale for i in its.values())


def test_failed_build_keeps_previous_release(shared_dir: Path, tmp_path: Path) -> None:
    good = write_config(tmp_path, human_tables(shared_dir) + trrust_input(shared_dir))
    target = tmp_path / "release"
    build(good, target)
    manifest = (target / "manifest.json").read_text()
    bad_tsv = tmp_path / "trrust_rawdata.human.tsv"
    bad_tsv.write_text("EZH2\tTWIST1\tRepression\t23836662\nEZH2\tTWIST1\tperhaps\t1\n")
    bad = write_config(tmp_path, human_tables(shared_dir) + f'[[input]]\nsource = "trrust"\npath = "{bad_tsv}"\n'
                       'lenient = false\n', "bad.toml")
    with pytest.raises(InputError) as err:
        build(bad, target)
    assert err.value.line == 2 and err.value.path == str(bad_tsv)
    assert (target / "manifest.json").read_text() == manifest
    assert json.loads(manifest)["build_report"]["totals"]["interactions"] > 0


def test_lenient_build_counts_rejects(shared_dir: Path, tmp_path: Path) -> None:
    bad_tsv = tmp_path / "trrust_rawdata.human.tsv"
    bad_tsv.write_text("EZH2\tTWIST1\tRepression\t23836662\nEZH2\tTWIST1\tperhaps\t1\nonly-one-field\n")
    cfg = write_config(tmp_path, human_tables(shared_dir) + f'[[input]]\nsource = "trrust"\npath = "{bad_tsv}"\n')
    report = build(cfg, tmp_path / "rel")
    rej = report["rejects"]["TRRUST:trrust_rawdata.human.tsv"]
    assert rej["rows_rejected"] == 2 and set(rej["reasons"]) == {
        "unknown mode of regulation", "expected 4 tab-separated fields TF, target, mode, PMIDs"}
    assert report["totals"]["interactions"] == 1


def test_config_errors(synthetic_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nosuchsource"):
        load_config(synthetic_dir / "bad_config.synthetic.toml")
    with pytest.raises(InputError, match="unknown key"):
        load_config(write_config(tmp_path, '[[input]]\nsource = "trrust"\npath = "x"\ncolour = 1\n'))
    with pytest.raises(InputError, match="invalid TOML") as err:
        load_config(write_config(tmp_path, "[[input]\n"))
    assert err.value.line is not None
    missing = write_config(tmp_path, '[[input]]\nsource = "trrust"\npath = "nothere.tsv"\n')
    with pytest.raises(InputError, match="tflink fetch trrust"):
        build(missing, tmp_path / "r")
