"""Integration rules table, the peak -> gene rule (SYNTHETIC GTF around real GTRD peaks), binding-site IDs/overlaps."""
from __future__ import annotations

from pathlib import Path

import pytest

from tflink.build import peaks, rules
from tflink.build.sites import SiteCollector
from tflink.sources import gtrd


@pytest.mark.parametrize("source,method,mi,small", [
    ("TRRUST", "", "MI:0364", True), ("GTRD", "", "MI:0402", False), ("ReMap", "ChIP-seq", "MI:0402", False),
    ("HTRI", "ChIP-chip", "MI:0225", False), ("HTRI", "Electrophoretic Mobility Shift Assay", "MI:0413", True),
    ("REDfly", "DNAse I footprinting", "MI:0606", True), ("IntAct_via_DoRothEA", "curated", "MI:0364", True),
    ("ReMap_via_DoRothEA", "ChIP-seq", "MI:0402", False), ("PAZAR", "PAZAR", "MI:0364", True),
    ("JASPAR", "SELEX", "MI:0657", True), ("JASPAR", "HT-SELEX", "MI:0657", False)])
def test_classify(source: str, method: str, mi: str, small: bool) -> None:
    m, ss = rules.classify(source, method)
    assert (m.mi, ss) == (mi, small)


def test_public_lookups_for_exporters() -> None:
    assert rules.psi_mi("chromatin immunoprecipitation assay").mi == "MI:0402"
    assert rules.psi_mi("Inferred by curator").name == "inferred by curator"
    assert rules.psi_mi("made-up method").mi == ""
    assert rules.SOURCE_CITATIONS["TRRUST"] == "29087512" and rules.SOURCE_CITATIONS["ReMap"] == "29126285"
    assert rules.citations("TRRUST") == ("29087512",) and rules.citations("TRRUST", enabled=False) == ()
    assert rules.citations("JASPAR") == ()
    assert rules.classify("HTRI", "ChIP-chip", small_scale=True)[1] is True  # adapter's explicit class wins


def test_peak_rule_assigns_summits_near_tss(shared_dir: Path, synthetic_dir: Path) -> None:
    index = peaks.GeneIndex.from_gtf(synthetic_dir / "genes.synthetic.gtf")
    peak_list = list(gtrd.parse(shared_dir / "sources" / "gtrd" / "Homo_sapiens_meta_clusters.interval"))
    rule = peaks.PeakRule()
    tss = {"ENSG00000122691": [184999], "ENSG00000039068": [779699, 789499]}  # 0-based, from the GTF
    expected = {g for p in peak_list for g, ts in tss.items() if any(abs(p.summit - t) <= 1000 for t in ts)}
    counts: dict[str, int] = {}
    got = list(peaks.assign(peak_list, index, rule, counts))
    assert {r.target_id for r in got} == expected and {r.target_namespace for r in got} == {"ensembl"}
    assert counts["peaks"] == len(peak_list)
    assert counts["peaks assigned"] + counts.get("peaks without gene", 0) == len(peak_list)
    narrow = list(peaks.assign(peak_list, index, peaks.PeakRule(100, 100), {}))
    assert len(narrow) < len(got)
    assert "summit within 1000 bp" in rule.describe()["rule"]
    with pytest.raises(ValueError):
        peaks.PeakRule.from_options({"anchor": "middle"})


def test_strand_aware_windows(synthetic_dir: Path) -> None:
    index = peaks.GeneIndex.from_gtf(synthetic_dir / "genes.synthetic.gtf")
    rule = peaks.PeakRule(upstream=500, downstream=0)
    # TWIST1 (+) TSS at 184999: 400 bp before it is upstream, 400 bp after it is not
    assert [g.gene_id for g in index.genes_near("chr1", 184590, 184610, 184599, rule)] == ["ENSG00000122691"]
    assert index.genes_near("chr1", 185390, 185410, 185399, rule) == []
    # CDH1 (-) TSS at 779699: upstream is to the right
    assert [g.gene_id for g in index.genes_near("chr1", 780090, 780110, 780099, rule)] == ["ENSG00000039068"]


def test_sites_ids_merge_and_overlaps() -> None:
    c = SiteCollector()
    c.add("P1", 9606, "hg38", "chr1", 100, 120, "+", None, "ORegAnno", "inferred by curator", ["1"], True)
    c.add("P1", 9606, "hg38", "chr1", 100, 120, "+", None, "PAZAR", "inferred by curator", ["2"], True)
    c.add("P1", 9606, "hg38", "chr1", 120, 130, "+", None, "ReMap", "chromatin immunoprecipitation assay", [], False)
    c.add("P1", 9606, "hg38", "chr1", 131, 140, "+", None, "ReMap", "chromatin immunoprecipitation assay", [], False)
    c.add("P1", 9606, "hg19", "chr1", 100, 120, "+", None, "ReMap", "chromatin immunoprecipitation assay", [], False)
    c.add("P2", 9606, "hg38", "chr1", 100, 120, "+", None, "ReMap", "chromatin immunoprecipitation assay", [], False)
    c.add("P1", 9606, None, None, None, None, None, "CAACTG", "JASPAR", "one hybrid", [], True)
    sites = {(s.tf, s.assembly, s.start): s for s in c.build()}
    assert len(sites) == 6 and c.merged == 1
    a, b, d = sites[("P1", "hg38", 100)], sites[("P1", "hg38", 120)], sites[("P1", "hg38", 131)]
    assert a.sources == ("ORegAnno", "PAZAR") and a.tflink_id.startswith("TFLinkSS")
    assert b.tflink_id.startswith("TFLinkLS")
    assert a.overlaps == (b.tflink_id,) and b.overlaps == (a.tflink_id,) and d.overlaps == ()
    assert sites[("P1", "hg19", 100)].overlaps == () and sites[("P2", "hg38", 100)].overlaps == ()
    assert sites[("P1", None, None)].sequence == "CAACTG"
    ids = [s.tflink_id for s in c.build()]
    assert len(set(ids)) == len(ids) and sorted(int(i[8:]) for i in ids) == list(range(1, 7))
