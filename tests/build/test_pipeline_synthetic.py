"""Pipeline over every adapter kind: SYNTHETIC fixtures for sources without real rows, real GTRD peaks + GTF."""
from __future__ import annotations

from pathlib import Path

import pytest

from tflink.build.config import load_config
from tflink.build.pipeline import Build


@pytest.fixture(scope="module")
def mixed(shared_dir: Path, synthetic_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, dict]:
    s, ids = synthetic_dir, shared_dir / "sources" / "idmapping"
    browse = shared_dir / "sources" / "tflink_reference" / "browse_tables" / "Homo_sapiens_browse.csv"
    gtrd = shared_dir / "sources" / "gtrd" / "Homo_sapiens_meta_clusters.interval"
    body = f'''
[[annotation]]
organism = "human"
path = "{s / 'genes.synthetic.gtf'}"
[[idmap]]
format = "uniprot_tab"
path = "{ids / 'hsa_uniprot_20180314.txt'}"
organism = "human"
[[idmap]]
format = "biomart"
path = "{ids / 'hgnc_symbol_uniprot_ensembl.tsv'}"
organism = "human"
[[idmap]]
format = "tflink_browse"
path = "{browse}"
organism = "human"
[[idmap]]
format = "uniprot_dat"
path = "{s / 'fly_idmapping.synthetic.dat'}"
organism = "fly"
[[idmap]]
format = "uniprot_dat"
path = "{s / 'yeast_idmapping.synthetic.dat'}"
organism = "yeast"
[[input]]
source = "htridb"
path = "{s / 'HTRIdb.synthetic.csv'}"
[[input]]
source = "oreganno"
path = "{s / 'ORegAnno_Combined.synthetic.tsv'}"
[[input]]
source = "tred"
path = "{s / 'regnetwork_export.synthetic.csv'}"
[[input]]
source = "redfly"
path = "{s / 'redfly_tfbs.synthetic.gff'}"
[[input]]
source = "yeastract"
path = "{s / 'yeastract_dump.synthetic.tsv'}"
[[input]]
source = "gtrd"
path = "{gtrd}"
[[input]]
source = "jaspar"
path = "{s / 'MA0100.3.synthetic.sites'}"
[[input]]
source = "jaspar"
path = "{s / 'MA0100.3.synthetic.bed'}"
'''
    cfg = tmp_path_factory.mktemp("mixed") / "mixed.toml"
    cfg.write_text('[release]\nversion = "mixed"\n' + body)
    b = Build(load_config(cfg))
    return b, b.integrate()


def test_htri_scale_per_technique(mixed: tuple[Build, dict]) -> None:
    _, its = mixed
    twist_cdh1 = its[("Q15672", "P12830")]
    assert {"HTRI", "PAZAR", "TRED"} <= twist_cdh1.sources
    assert twist_cdh1.small_scale and twist_cdh1.large_scale  # HTRI ChIP (SS) + ORegAnno ChIP-seq dataset (LS)
    twist_myc = its[("Q15672", "P01106")]
    assert twist_myc.methods == {"chromatin immunoprecipitation array"} and not twist_myc.small_scale
    assert "22900683" in twist_myc.pmids  # HTRIdb database citation appended


def test_oreganno_sites_and_overlaps(mixed: tuple[Build, dict]) -> None:
    b, _ = mixed
    sites = [s for s in b.sites.build() if s.tf == "Q15672"]
    hg38 = sorted((s for s in sites if s.assembly == "hg38"), key=lambda s: s.start or 0)
    assert [(s.start, s.end, s.sources) for s in hg38] == [(68737200, 68737215, ("PAZAR",)),
                                                           (68737210, 68737230, ("ORegAnno",))]
    assert hg38[0].overlaps == (hg38[1].tflink_id,) and hg38[1].overlaps == (hg38[0].tflink_id,)
    assert [s.overlaps for s in sites if s.assembly == "hg19"] == [()]


def test_redfly_and_yeast(mixed: tuple[Build, dict]) -> None:
    b, its = mixed
    ftz_en = its[("P02835", "P02836")]
    assert ftz_en.sources == {"REDfly"} and ftz_en.taxid == 7227
    assert ftz_en.methods == {"DNase I footprinting", "electrophoretic mobility shift assay"}
    assert its[("P14003", "P02835")].large_scale  # h (not H) regulates ftz, ChIP-chip
    assert its[("P38128", "Q03104")].sign == "activation"
    assert its[("P13574", "Q03104")].methods == {"chromatin immunoprecipitation array"}
    fly_sites = [s for s in b.sites.build() if s.taxid == 7227]
    assert len(fly_sites) == 3 and sum(1 for s in fly_sites if s.overlaps) == 2


def test_gtrd_peaks_to_genes(mixed: tuple[Build, dict]) -> None:
    b, its = mixed
    e2f8 = {tg for (tf, tg), i in its.items() if tf == "A0AVK6"}
    assert e2f8 == {"Q15672", "P12830"}
    counts = b.input_stats["GTRD:Homo_sapiens_meta_clusters.interval"]["counts"]
    assert counts["peaks"] == 9 and counts["peaks assigned"] + counts["peaks without gene"] == 9


def test_jaspar_sites_with_sequences(mixed: tuple[Build, dict]) -> None:
    b, _ = mixed
    myb = [s for s in b.sites.build() if s.tf == "P10242"]
    unlocated = [s for s in myb if s.chromosome is None]
    assert [s.sequence for s in unlocated] == ["CAACTG"]  # the two unlocated CAACTG records are one sequence
    located = {(s.start, s.end): s for s in myb if s.chromosome == "chr14"}
    assert located[(89774208, 89774217)].sequence == "CAGTTG"  # the .sites and .bed records merged
    assert located[(89774208, 89774217)].pmids == ("8467793",)


def test_report_lists_unmapped_and_records(mixed: tuple[Build, dict]) -> None:
    b, _ = mixed
    tred = b.report.as_dict()["TRED:regnetwork_export.synthetic.csv"]
    assert tred["identifiers"]["unmapped"] == 1 and "symbol:NOSUCHTF" in tred["examples"]["unmapped"]
    assert tred["records"] == {"mapped": 2, "dropped: TF unmapped": 1}
