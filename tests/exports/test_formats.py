"""Every export format, read back with the parser its users use (gseapy, gffutils, Biopython, networkx, pyarrow,
pandas) and checked against the interaction / site tables or the real TFLink samples."""
from __future__ import annotations

import gzip
import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from .conftest import REF, SAMPLES, export_bytes, export_text
from .test_roundtrip import parse_export

TERM = re.compile(r'^[a-z-]+:(?:"[^"\\]*(?:\\.[^"\\]*)*"|[^\s"|()]+)(?:\("(?:[^"\\]|\\.)*"\))?$')


def _table(rel, **kw) -> pd.DataFrame:  # noqa: ANN001
    return parse_export(export_text(rel, "table", **kw))


def test_mitab_is_46_columns_of_well_formed_terms(rel) -> None:
    lines = export_text(rel, "mitab", organism="human").splitlines()
    assert len(lines) == len(_table(rel, organism="human"))
    for line in lines:
        cols = line.split("\t")
        assert len(cols) == 46
        for col in cols[:30] + cols[32:]:
            if col != "-":
                for term in col.split("|"):
                    assert TERM.match(term), term
        assert re.fullmatch(r"\d{4}/\d\d/\d\d", cols[30]) and cols[31] == cols[30]


def test_mitab_reproduces_tflink_rat_sample(rel) -> None:
    """The same rat interactions as TFLink's MITAB sample give the same columns (14 = record IDs and the dates
    31-32 aside: releases keep merged evidence, not source-record IDs)."""
    sample = (SAMPLES / "TFLink_Rattus_norvegicus_interactions_SS_mitab_18-01-2021.tsv").read_text().splitlines()
    ours = export_text(rel, "mitab", organism="rat", scale="ss").splitlines()
    keep = [i for i in range(46) if i not in (13, 30, 31)]

    def cut(lines: list[str]) -> list[tuple[str, ...]]:
        return sorted(tuple(line.split("\t")[i] for i in keep) for line in lines)

    assert cut(ours) == cut(sample)


def test_mitab_header_file_has_46_columns() -> None:
    assert len((REF / "mitab_header.tsv").read_text().strip("\n").split("\t")) == 46


def test_gmt_is_byte_identical_to_tflink_rat_sample(rel) -> None:
    sample = (SAMPLES / "TFLink_Rattus_norvegicus_interactions_SS_GMT_18-01-2021.gmt").read_bytes()
    assert export_bytes(rel, "gmt-uniprot", organism="rat", scale="ss") == sample


@pytest.mark.parametrize("flavour,tf_col,target_col", [("uniprot", "UniprotID.TF", "UniprotID.Target"),
                                                       ("ncbi", "NCBI.GeneID.TF", "NCBI.GeneID.Target"),
                                                       ("name", "Name.TF", "Name.Target")])
def test_gmt_read_by_gseapy_matches_interaction_table(rel, tmp_path: Path, flavour: str, tf_col: str,
                                                      target_col: str) -> None:
    from gseapy.parser import read_gmt

    path = tmp_path / "x.gmt"
    path.write_bytes(export_bytes(rel, f"gmt-{flavour}", organism="human", scale="all"))
    sets = read_gmt(str(path))
    table = _table(rel, organism="human")
    expected: dict[str, set[str]] = {}
    for _, r in table.iterrows():
        cell = r[target_col]
        targets = [t for t in (cell.split(";") if flavour == "ncbi" else [cell]) if t not in ("-", "")]
        tf = r[tf_col] if r[tf_col] != "-" else r["UniprotID.TF"]
        if targets:
            expected.setdefault(tf, set()).update(targets)
    # one set per TF AC; TFs sharing a name / Gene ID give several lines, the parser keeps the last: a subset
    for name, genes in sets.items():
        assert set(genes) <= expected[name], name
    assert set(sets) == set(expected)
    if flavour == "uniprot":
        assert {k: set(v) for k, v in sets.items()} == expected


def test_gff3_read_by_gffutils(rel, tmp_path: Path) -> None:
    import gffutils

    text = export_text(rel, "gff3", organism="worm")
    assert text.startswith("##gff-version 3\n") and "##sequence-region" in text
    path = tmp_path / "s.gff3"
    path.write_text(text)
    db = gffutils.create_db(str(path), ":memory:", merge_strategy="error")
    sites = parse_export(export_text(rel, "sites", organism="worm"))
    located = sites[sites["Chromosome"] != "-"]
    feats = {f.id: f for f in db.all_features()}
    assert len(feats) == len(located) > 0
    for _, s in located.iterrows():
        f = feats[s["TFLinkID"]]
        assert f.featuretype == "TF_binding_site" and f.seqid == s["Chromosome"]
        assert {f.start, f.end} == {int(s["Start"]), int(s["End"])}
        assert f.attributes["Note"] == [s["UniprotID.TF"]] and f.attributes["Name"] == [s["Name.TF"]]
        assert f.source == "TFLink_from_" + s["Source.database"].replace(";", ",")


def test_gff3_escapes_reserved_characters() -> None:
    from tflink.exports.genome import esc_attr, esc_seqid

    assert esc_attr("SMN1; SMN2=a,b&c%") == "SMN1%3B SMN2%3Da%2Cb%26c%25"
    assert esc_seqid("chr 1") == "chr%201"


@pytest.fixture(scope="module")
def worm_fasta_release(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A release holding exactly the sites of TFLink's real C. elegans FASTA sample (parsed with Biopython)."""
    from Bio import SeqIO

    from tflink.model import BindingSite, Entry
    from tflink.store import ReleaseWriter

    target = tmp_path_factory.mktemp("fasta") / "release"
    records = list(SeqIO.parse(SAMPLES / "TFLink_Caenorhabditis_elegans_bindingSites_SS_18-01-2021.fasta", "fasta"))
    with ReleaseWriter(str(target), "fasta-sample") as w:
        sites = []
        for rec in records:
            tid, ac, name, assembly, where = rec.id.split(";")
            w.add_entries([Entry(ac, 6239, name)])
            chrom, start, end = (re.match(r"(.+):(\d+)-(\d+)$", where).groups() if where != "-"
                                 else (None, None, None))
            sites.append(BindingSite(tid, ac, 6239, None if assembly == "-" else assembly, chrom,
                                     int(start) if start else None, int(end) if end else None,
                                     sequence=str(rec.seq), small_scale=True))
        w.add_sites(sites)
    return str(target)


def test_fasta_is_byte_identical_to_tflink_worm_sample(worm_fasta_release: str) -> None:
    from Bio import SeqIO

    from tflink.query import open_release

    rel = open_release(worm_fasta_release)
    sample = (SAMPLES / "TFLink_Caenorhabditis_elegans_bindingSites_SS_18-01-2021.fasta").read_bytes()
    ours = export_bytes(rel, "fasta", organism="worm", scale="ss")
    assert ours == sample
    parsed = list(SeqIO.parse(io.StringIO(ours.decode()), "fasta"))
    assert len(parsed) == sample.count(b">") and all(len(r.seq) > 0 for r in parsed)


def test_fasta_skips_sites_without_sequence(rel) -> None:
    assert export_text(rel, "fasta", organism="rat") == ""  # imported TFLink tables carry no sequences


def test_graphml_read_by_networkx(rel) -> None:
    import networkx as nx

    g = nx.read_graphml(io.BytesIO(export_bytes(rel, "graphml", organism="human", scale="ss")))
    table = _table(rel, organism="human", scale="ss")
    assert g.is_directed() and g.number_of_edges() == len(table)
    assert set(zip(table["UniprotID.TF"], table["UniprotID.Target"])) == set(g.edges())
    names = dict(zip(table["UniprotID.TF"], table["Name.TF"]))
    assert all(g.nodes[ac]["name"] == n for ac, n in names.items())


def test_parquet_read_by_pyarrow(rel) -> None:
    import pyarrow.parquet as pq

    t = pq.read_table(io.BytesIO(export_bytes(rel, "parquet", organism="human"))).to_pandas()
    table = _table(rel, organism="human")
    assert len(t) == len(table)
    assert list(t["tf"]) == list(table["UniprotID.TF"]) and list(t["target"]) == list(table["UniprotID.Target"])
    assert [";".join(x) for x in t["pmids"]] == list(table["PubmedID"].replace("-", ""))


def test_parquet_writes_row_groups(rel) -> None:
    import pyarrow.parquet as pq

    from tflink.exports.columnar import parquet_chunks
    from tflink.store import exports_sql as sql

    rows = sql.interactions(rel, sql.InteractionFilter(entry_id=rel.entry("Q15672")["id"]))
    data = b"".join(parquet_chunks(rows, row_group=1000))
    meta = pq.ParquetFile(io.BytesIO(data)).metadata
    assert meta.num_rows == 7938 + 236 - 1  # the self-loop is one interaction
    assert meta.num_row_groups == -(-meta.num_rows // 1000)


def test_jsonl_sif_cyjs_agree_with_table(rel) -> None:
    table = _table(rel, organism="worm")
    pairs = list(zip(table["UniprotID.TF"], table["UniprotID.Target"]))
    objs = [json.loads(line) for line in export_text(rel, "jsonl", organism="worm").splitlines()]
    assert [(o["tf"], o["target"]) for o in objs] == pairs
    sif = [tuple(line.split("\t")) for line in export_text(rel, "sif", organism="worm").splitlines()]
    assert sif == [(a, "controls-expression-of", b) for a, b in pairs]
    cy = json.loads(export_text(rel, "cyjs", organism="worm"))
    assert [(e["data"]["source"], e["data"]["target"]) for e in cy["elements"]["edges"]] == pairs
    assert {n["data"]["id"] for n in cy["elements"]["nodes"]} == {x for p in pairs for x in p}


def test_gzip_is_the_plain_file_compressed(rel) -> None:
    assert gzip.decompress(export_bytes(rel, "mitab", organism="human", gzip=True)) == \
        export_bytes(rel, "mitab", organism="human")


def test_table_orthologs_split_by_release_membership(rel) -> None:
    """Ortholog columns hold `Sp:AC`; an ortholog is TFLink iff it has an entry in this release."""
    table = _table(rel, organism="human")
    entries = set(table["UniprotID.TF"]) | set(table["UniprotID.Target"])
    for col in ("TF.TFLink.ortho", "TF.nonTFLink.ortho", "Target.TFLink.ortho", "Target.nonTFLink.ortho"):
        for cell in table[col]:
            assert cell == "-" or all(re.fullmatch(r"(Hs|Mm|Rn|Dr|Dm|Ce|Sc):[A-Z0-9]+", x) for x in cell.split(";"))
    for cell in table["TF.TFLink.ortho"]:
        for item in ([] if cell == "-" else cell.split(";")):
            assert rel.entry(item.split(":")[1]) is not None
    for cell in table["TF.nonTFLink.ortho"]:
        for item in ([] if cell == "-" else cell.split(";")):
            assert rel.entry(item.split(":")[1]) is None
    assert entries


def test_export_streams_in_chunks(rel) -> None:
    from tflink.query.exports import export

    chunks = export(rel, "entry-targets", entry="Q15672").chunks()
    assert not isinstance(chunks, (list, tuple, bytes))
    assert sum(1 for _ in chunks) >= 2  # 7,938 rows in batches of 4,096 lines


@pytest.mark.parametrize("kw,param", [({"fmt": "nope"}, "format"), ({"fmt": "table", "organism": "mars"}, "organism"),
                                      ({"fmt": "table", "scale": "medium"}, "scale"),
                                      ({"fmt": "entry-tfs"}, "entry")])
def test_bad_parameters_name_the_parameter(rel, kw: dict, param: str) -> None:
    from tflink.errors import BadParameter
    from tflink.query.exports import export

    with pytest.raises(BadParameter) as err:
        export(rel, **kw)
    assert err.value.param == param
