"""Common targets and cross-species comparison, checked against the raw TRRUST and orthology files."""
from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest
from analyses.trrust_data import symbol_map, trrust_pairs

from tflink.errors import BadParameter
from tflink.query import open_release
from tflink.query.analyses import common_targets, cross_species, plots


@pytest.fixture(scope="module")
def raw(shared_dir: Path) -> dict:
    """TRRUST target sets by symbol (only symbols the test release could map) and the symbol ortholog table."""
    src = shared_dir / "sources"
    out: dict = {}
    for org, browse, trrust in (("hs", "Homo_sapiens", "human"), ("mm", "Mus_musculus", "mouse")):
        ids = symbol_map(src / "tflink_reference" / "browse_tables" / f"{browse}_browse.csv")
        sets: dict[str, set[str]] = {}
        for tf, target in trrust_pairs(src / "trrust" / f"trrust_rawdata.{trrust}.tsv"):
            if tf in ids and target in ids:
                sets.setdefault(tf, set()).add(target)
        out[org], out[org + "_ids"] = sets, ids
    with open(src / "orthology" / "hgnc_mgi_symbol_orthologs.tsv", encoding="utf-8") as fh:
        pairs = [line.rstrip("\n").split("\t") for line in fh][1:]
    out["hs2mm"] = {}
    out["mm2hs"] = {}
    for m, h in pairs:
        if m in out["mm_ids"] and h in out["hs_ids"]:
            out["hs2mm"].setdefault(h, set()).add(m)
            out["mm2hs"].setdefault(m, set()).add(h)
    return out


@pytest.mark.parametrize("tfs", [("STAT5A", "STAT5B"), ("NFKB1", "RELA", "JUN"), ("SP1", "SP3", "EGR1", "TP53")])
def test_common_targets_match_raw_trrust(trrust_release: str, raw: dict, tfs: tuple[str, ...]) -> None:
    res = common_targets(open_release(trrust_release), list(tfs), "human")
    sets = [raw["hs"][t] for t in tfs]
    assert [t["targets"] for t in res["tfs"]] == [len(s) for s in sets]
    assert res["intersection"] == len(set.intersection(*sets))
    assert res["union"] == len(set.union(*sets))
    for i, t in enumerate(tfs):
        others = set.union(*(s for j, s in enumerate(sets) if j != i))
        assert res["unique"][t] == len(sets[i] - others)
    for j, (a, b) in zip(res["jaccard"], combinations(range(len(tfs)), 2)):
        assert j["jaccard"] == pytest.approx(len(sets[a] & sets[b]) / len(sets[a] | sets[b]))
    assert sum(r["count"] for r in res["regions"]) == res["union"]
    shared = {r["name"] for r in res["rows"] if r["n_tfs"] >= 2}
    assert shared == {g for g in set.union(*sets) if sum(g in s for s in sets) >= 2}
    for r in res["rows"]:
        assert [ev is not None for ev in r["evidence"]] == [r["name"] in s for s in sets]
        assert all(ev["sources"] == ["TRRUST"] and ev["small_scale"] for ev in r["evidence"] if ev)


def test_network_holds_tfs_and_shared_targets(trrust_release: str, raw: dict) -> None:
    res = common_targets(open_release(trrust_release), ["STAT5A", "STAT5B"], "human")
    net = res["network"]
    assert sorted(n["label"] for n in net["nodes"] if n["kind"] == "tf") == ["STAT5A", "STAT5B"]
    targets = {n["label"] for n in net["nodes"] if n["kind"] == "target"}
    assert targets == raw["hs"]["STAT5A"] & raw["hs"]["STAT5B"]
    assert len(net["edges"]) == 2 * len(targets)


def test_venn_svg_shows_every_region_count_and_escapes_names() -> None:
    result = {"tfs": [{"name": "A<script>", "targets": 5}, {"name": "B&B", "targets": 3}],  # SYNTHETIC
              "regions": [{"member": [True, False], "count": 3}, {"member": [False, True], "count": 1},
                          {"member": [True, True], "count": 2}]}
    svg = plots.venn_svg(result)
    assert 'data-region="10">3<' in svg and 'data-region="01">1<' in svg and 'data-region="11">2<' in svg
    assert "<script>" not in svg and "A&lt;script&gt;" in svg and "B&amp;B" in svg


def test_upset_and_enrichment_charts_are_png_and_svg(trrust_release: str) -> None:
    res = common_targets(open_release(trrust_release), ["SP1", "SP3", "EGR1", "TP53"], "human")
    assert plots.upset_chart(res, "png")[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in plots.upset_chart(res, "svg")[:500]
    with pytest.raises(BadParameter):
        plots.venn_svg(res)


@pytest.mark.parametrize("tfs, organism, param", [
    (["STAT5A"], "human", "tfs"),
    (["STAT5A", "P42229"], "human", "tfs"),  # the same entry twice
    (["STAT5A", "STAT5B"], None, "organism"),  # names of both human and mouse TFs
    (["STAT5A", "NOT_A_TF_XYZ"], "human", "tfs"),
    (["STAT5A", "ABCB1"], "human", "tfs"),  # a target gene, regulates nothing
    (["STAT5A"] * 13, "human", "tfs"),
])
def test_common_targets_bad_input(trrust_release: str, tfs: list[str], organism: str | None, param: str) -> None:
    with pytest.raises(BadParameter) as exc:
        common_targets(open_release(trrust_release), tfs, organism)
    assert exc.value.param == param


def test_tfs_of_different_organisms_are_refused(trrust_release: str, raw: dict) -> None:
    human_stat5a, mouse_stat5b = raw["hs_ids"]["STAT5A"][0], raw["mm_ids"]["Stat5b"][0]
    with pytest.raises(BadParameter, match="different organisms"):
        common_targets(open_release(trrust_release), [human_stat5a, mouse_stat5b])


@pytest.mark.parametrize("tf, mouse_tf", [("STAT3", "Stat3"), ("SP1", "Sp1"), ("JUN", "Jun")])
def test_cross_species_statuses_match_raw_files(trrust_release: str, raw: dict, tf: str, mouse_tf: str) -> None:
    res = cross_species(open_release(trrust_release), tf, "mouse", "human")
    assert [o["name"] for o in res["orthologs"]] == [mouse_tf]
    hs_targets, mm_targets = raw["hs"][tf], raw["mm"][mouse_tf]
    rows = {(r["organism"], r["name"]): r for r in res["rows"]}
    for side, mine, theirs, orth in (("Homo sapiens", hs_targets, mm_targets, raw["hs2mm"]),
                                     ("Mus musculus", mm_targets, hs_targets, raw["mm2hs"])):
        for g in mine:
            o = orth.get(g, set())
            expected = "conserved" if o & theirs else ("specific" if o else "unmappable")
            assert rows[(side, g)]["status"] == expected, (side, g)
            assert set(rows[(side, g)]["conserved_with"]) == o & theirs
    summary = {s["organism"]: s for s in res["summary"]}
    assert summary["Homo sapiens"]["targets"] == len(hs_targets)
    assert summary["Mus musculus"]["targets"] == len(mm_targets)
    assert summary["Homo sapiens"]["conserved"] > 0


@pytest.mark.parametrize("tf, to, organism, param", [
    ("STAT3", "human", "human", "to"),  # same organism
    ("STAT3", "martian", "human", "to"),
    ("STAT3", "rat", "human", "to"),  # no ortholog links to rat in this release
    ("ABCB1", "mouse", "human", "tf"),  # not a TF
    ("", "mouse", "human", "tf"),
])
def test_cross_species_bad_input(trrust_release: str, tf: str, to: str, organism: str, param: str) -> None:
    with pytest.raises(BadParameter) as exc:
        cross_species(open_release(trrust_release), tf, to, organism)
    assert exc.value.param == param


def test_cross_species_without_orthologs_in_release(ref_release: str) -> None:
    with pytest.raises(BadParameter, match="no ortholog links") as exc:
        cross_species(open_release(ref_release), "TWIST1", "mouse", "human")
    assert exc.value.param == "to"


def test_cross_species_tf_without_ortholog(trrust_release: str, raw: dict) -> None:
    no_ortholog = sorted(t for t in raw["hs"] if t not in raw["hs2mm"])
    assert no_ortholog, "the real files have human TFs without a mouse ortholog"
    with pytest.raises(BadParameter, match="no ortholog in Mus musculus") as exc:
        cross_species(open_release(trrust_release), no_ortholog[0], "mouse", "human")
    assert exc.value.param == "tf"
