"""HTRIdb, ORegAnno, REDfly, TRED and Yeastract adapters (SYNTHETIC fixtures; real Yeastract exports)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tflink.errors import InputError
from tflink.sources import htridb, oreganno, redfly, tred, yeastract
from tflink.sources.records import RawEvidence, RawSite


def test_htridb_ids_methods_and_strict_errors(synthetic_dir: Path) -> None:
    records = list(htridb.parse(synthetic_dir / "HTRIdb.synthetic.csv"))
    assert [(r.tf_id, r.tf_namespace, r.target_id, r.method) for r in records[:2]] == [
        ("7291", "ncbi", "999", "Chromatin Immunoprecipitation"),
        ("6615", "ncbi", "999", "Electrophoretic Mobility Shift Assay")]
    assert records[3].tf_namespace == "symbol" and records[3].tf_id == "HAT"
    assert all(r.source == "HTRI" and len(r.pmids) == 1 for r in records)
    with pytest.raises(InputError) as err:
        list(htridb.parse(synthetic_dir / "HTRIdb_bad.synthetic.csv"))
    assert err.value.line == 3 and "HTRIdb_bad" in str(err.value)


def test_oreganno_filters_pazar_and_sites(synthetic_dir: Path) -> None:
    stats: Counter[str] = Counter()
    recs = list(oreganno.parse(synthetic_dir / "ORegAnno_Combined.synthetic.tsv", stats=stats))
    evidence = [r for r in recs if isinstance(r, RawEvidence)]
    sites = [r for r in recs if isinstance(r, RawSite)]
    assert [(e.record_id, e.source, e.method) for e in evidence] == [
        ("oreganno:OREG0000001", "PAZAR", "PAZAR"), ("oreganno:OREG0000002", "ORegAnno", "NRSF/REST ChIPSeq sites"),
        ("oreganno:OREG0000006", "ORegAnno", "")]
    assert evidence[0].tf_namespace == "ncbi" and evidence[0].target_namespace == "ensembl"
    assert [(s.assembly, s.start) for s in sites[:2]] == [("hg38", 68737200), ("hg19", 68771103)]
    assert stats["skipped: outcome not positive"] == 1 and stats["skipped: not a TF binding site record"] == 1
    assert stats["skipped: species not in TFLink"] == 1 and stats["rows"] == 7


def test_redfly_gff3(synthetic_dir: Path) -> None:
    stats: Counter[str] = Counter()
    rejects: list[str] = []
    recs = list(redfly.parse(synthetic_dir / "redfly_tfbs.synthetic.gff", stats=stats,
                             on_reject=lambda reason, ex: rejects.append(ex)))
    ev = [r for r in recs if isinstance(r, RawEvidence)]
    sites = [r for r in recs if isinstance(r, RawSite)]
    assert [(e.tf_id, e.target_id, e.pmids) for e in ev] == [
        ("FBgn0001077", "FBgn0000577", ("2573829",)), ("FBgn0001077", "FBgn0000577", ("8582299",)),
        ("FBgn0001168", "FBgn0001077", ("1111111",))]
    assert (sites[0].chromosome, sites[0].start, sites[0].end, sites[0].assembly) == ("chr2R", 11358563, 11358577, "dm6")
    assert len(rejects) == 1 and ":7:" in rejects[0]
    assert stats["skipped: no factor (not a TFBS row)"] == 1


def test_tred_regnetwork_export(synthetic_dir: Path) -> None:
    stats: Counter[str] = Counter()
    recs = list(tred.parse(synthetic_dir / "regnetwork_export.synthetic.csv", stats=stats))
    assert [(r.tf_id, r.tf_namespace, r.target_id) for r in recs] == [
        ("7291", "ncbi", "999"), ("4609", "ncbi", "1019"), ("NOSUCHTF", "symbol", "999")]
    assert stats["skipped: database is not TRED"] == 1


def test_yeastract_real_exports(shared_dir: Path) -> None:
    two = shared_dir / "sources" / "yeastract" / "RegulationTwoColumnTable_both.tsv"
    lines = [x for x in two.read_text().splitlines() if x.strip()]
    recs = list(yeastract.parse(two))
    assert [(r.tf_id, r.target_id) for r in recs] == [tuple(x.split(";", 1)) for x in lines]
    matrix = shared_dir / "sources" / "yeastract" / "RegulationMatrix_Documented_both.csv"
    rows = [x.split(";") for x in matrix.read_text().splitlines()]
    expected = sum(1 for r in rows[1:] for v in r[1:] if v.strip() not in ("", "0"))
    mrecs = list(yeastract.parse(matrix))
    assert len(mrecs) == expected and mrecs[0].tf_id == yeastract.gene_of_protein(rows[1][0])


def test_yeastract_rich_dump(synthetic_dir: Path) -> None:
    recs = list(yeastract.parse(synthetic_dir / "yeastract_dump.synthetic.tsv"))
    assert [(r.tf_id, r.target_id, r.method, r.pmids, r.sign) for r in recs] == [
        ("SMP1", "ICS2", "Electrophoretic Mobility Shift Assay", ("12345678",), "activation"),
        ("TEC1", "YBR157C", "ChIP-chip", ("23456789",), "repression"),
        ("ACE2", "SMP1", "", (), None)]
