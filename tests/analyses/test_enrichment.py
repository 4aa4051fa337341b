"""TF enrichment: statistics against scipy's fisher_exact and BH references, real cases ranking right, filters,
custom backgrounds and bad input — on real data (ref_release: TFLink samples; trrust_release: TRRUST v2)."""
from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import numpy as np
import pytest
from scipy.stats import false_discovery_control, fisher_exact

from tflink.errors import BadParameter
from tflink.query import open_release
from tflink.query.analyses import enrichment
from tflink.query.analyses.common import edge_filter
from tflink.query.analyses.enrichment import bh_adjust, target_index


def sql(release: str, query: str, params: tuple = ()) -> list[tuple]:
    """Independent reading of the release file (plain sqlite3, not tflink's store)."""
    with sqlite3.connect(Path(release) / "tflink.sqlite") as conn:
        return conn.execute(query, params).fetchall()


def targets_of(release: str, uniprot: str, small_only: bool = False) -> set[str]:
    extra = " AND i.small_scale = 1" if small_only else ""
    return {r[0] for r in sql(release, "SELECT t.uniprot FROM interaction i JOIN entry t ON t.id = i.target_id "
                                       f"JOIN entry f ON f.id = i.tf_id WHERE f.uniprot = ?{extra}", (uniprot,))}


def tf_sets(release: str, taxid: int) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for tf, target in sql(release, "SELECT f.uniprot, t.uniprot FROM interaction i JOIN entry f ON f.id = i.tf_id "
                                   "JOIN entry t ON t.id = i.target_id WHERE i.taxid = ?", (taxid,)):
        out.setdefault(tf, set()).add(target)
    return out


def bh_reference(p: list[float]) -> list[float]:
    """Benjamini-Hochberg written out the textbook way: q_(i) = min_{j >= i} p_(j) m / j."""
    m = len(p)
    order = sorted(range(m), key=lambda i: p[i])
    q = [0.0] * m
    running = 1.0
    for rank in range(m, 0, -1):
        i = order[rank - 1]
        running = min(running, p[i] * m / rank)
        q[i] = running
    return q


@pytest.fixture(scope="module")
def tp53_list(trrust_release: str) -> list[str]:
    """Half of TP53's real TRRUST targets plus 60 random human targets (seeded), as gene names."""
    rng = random.Random(53)
    tp53 = sorted(r[0] for r in sql(trrust_release, "SELECT t.name FROM interaction i JOIN entry t ON "
                                    "t.id = i.target_id JOIN entry f ON f.id = i.tf_id WHERE f.name = 'TP53'"))
    others = sorted(r[0] for r in sql(trrust_release, "SELECT DISTINCT t.name FROM interaction i JOIN entry t ON "
                                      "t.id = i.target_id WHERE i.taxid = 9606"))
    return sorted(set(rng.sample(tp53, len(tp53) // 2) + rng.sample(others, 60)))


def test_every_tf_matches_fisher_exact_and_independent_sets(trrust_release: str, tp53_list: list[str]) -> None:
    rel = open_release(trrust_release)
    res = enrichment(rel, tp53_list, "human", min_overlap=0)
    sets = tf_sets(trrust_release, 9606)
    universe = set().union(*sets.values())
    names = {r[0]: r[1] for r in sql(trrust_release, "SELECT name, uniprot FROM entry WHERE taxid = 9606")}
    lst = {names[g] for g in tp53_list if g in names} & universe
    assert res["tfs_tested"] == len(sets) == len(res["results"])
    assert res["background"]["size"] == len(universe)
    for row in res["results"]:
        s = sets[row["tf_uniprot"]]
        k = len(s & lst)
        table = [[k, len(lst) - k], [len(s) - k, len(universe) - len(lst) - len(s) + k]]
        ref = fisher_exact(table, alternative="greater")
        assert (row["overlap"], row["tf_targets"], row["list_size"]) == (k, len(s), len(lst))
        assert row["p_value"] == pytest.approx(ref.pvalue, rel=1e-9, abs=1e-300)
        if row["odds_ratio_infinite"]:
            assert np.isinf(ref.statistic)
        elif row["odds_ratio"] is not None:
            assert row["odds_ratio"] == pytest.approx(ref.statistic, rel=1e-12)
        assert set(row["overlap_uniprots"]) == s & lst


def test_q_values_are_benjamini_hochberg(trrust_release: str, tp53_list: list[str]) -> None:
    res = enrichment(open_release(trrust_release), tp53_list, "human", min_overlap=0)
    p = [r["p_value"] for r in res["results"]]
    q = [r["q_value"] for r in res["results"]]
    assert q == pytest.approx(list(false_discovery_control(p, method="bh")), rel=1e-12)
    assert q == pytest.approx(bh_reference(p), rel=1e-12)
    assert p == sorted(p)  # rows sorted by p


def test_bh_adjust_on_random_p_values_matches_scipy() -> None:
    rng = np.random.default_rng(7)
    p = np.concatenate([rng.uniform(size=500), rng.uniform(0, 1e-4, size=50), [1.0, 1.0, 0.0]])
    assert bh_adjust(p) == pytest.approx(false_discovery_control(p, method="bh"), rel=1e-12)
    assert list(bh_adjust(p)) == pytest.approx(bh_reference(list(p)), rel=1e-12)


def test_twist1_targets_put_twist1_first(ref_release: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TFLINK_BATCH_MAX", "10000")  # the list is all 7,938 targets, above the default 5,000
    twist1 = targets_of(ref_release, "Q15672")
    assert len(twist1) == 7938  # the real targets_of_Q15672.tsv
    res = enrichment(open_release(ref_release), sorted(twist1), "Homo sapiens")
    top = res["results"][0]
    assert (top["tf"], top["overlap"], top["tf_targets"]) == ("TWIST1", len(twist1), len(twist1))
    assert top["q_value"] < 1e-10
    assert res["results"][1]["p_value"] > top["p_value"]


@pytest.mark.parametrize("position", range(5))
def test_trrust_targets_of_a_tf_put_that_tf_first(trrust_release: str, position: int) -> None:
    """The 5 human TFs with most TRRUST targets: their target names as input rank them first."""
    tf, = sql(trrust_release, "SELECT f.name FROM interaction i JOIN entry f ON f.id = i.tf_id WHERE i.taxid = 9606 "
                              "GROUP BY f.name ORDER BY COUNT(*) DESC, f.name LIMIT 1 OFFSET ?", (position,))[0]
    genes = [r[0] for r in sql(trrust_release, "SELECT t.name FROM interaction i JOIN entry t ON t.id = i.target_id "
                                               "JOIN entry f ON f.id = i.tf_id WHERE f.name = ?", (tf,))]
    res = enrichment(open_release(trrust_release), genes, "human", scale="small", sources="TRRUST")
    assert res["results"][0]["tf"] == tf
    assert res["results"][0]["overlap"] == len(set(genes))


def test_small_scale_filter_uses_only_small_scale_edges(ref_release: str) -> None:
    twist1_ss = targets_of(ref_release, "Q15672", small_only=True)
    assert 0 < len(twist1_ss) < 7938
    res = enrichment(open_release(ref_release), sorted(twist1_ss), "human", scale="small")
    row = next(r for r in res["results"] if r["tf"] == "TWIST1")
    assert row["tf_targets"] == len(twist1_ss) == row["overlap"]
    assert res["filter"]["scale"] == "small"


def test_user_background_restricts_sets_and_reports_excluded_genes(trrust_release: str, tp53_list: list[str]) -> None:
    sets = tf_sets(trrust_release, 9606)
    names = {r[0]: r[1] for r in sql(trrust_release, "SELECT name, uniprot FROM entry WHERE taxid = 9606")}
    background = tp53_list[: len(tp53_list) // 2] + sorted(names)[:400]
    res = enrichment(open_release(trrust_release), tp53_list, "human", background=background, min_overlap=0)
    bg = {names[g] for g in background}
    lst = {names[g] for g in tp53_list} & bg
    assert res["background"]["kind"] == "user" and res["background"]["size"] == len(bg)
    assert res["list"]["in_background"] == len(lst)
    assert len(res["list"]["not_in_background"]) == len({names[g] for g in tp53_list} - bg)
    for row in res["results"][:40]:
        s = sets[row["tf_uniprot"]] & bg
        assert (row["tf_targets"], row["overlap"]) == (len(s), len(s & lst))
        table = [[len(s & lst), len(lst) - len(s & lst)], [len(s) - len(s & lst), len(bg) - len(lst) - len(s) + len(s & lst)]]
        assert row["p_value"] == pytest.approx(fisher_exact(table, alternative="greater").pvalue, rel=1e-9)


def test_mapping_report_counts_unmapped_identifiers(trrust_release: str) -> None:
    res = enrichment(open_release(trrust_release), ["TP53", "MDM2", "NOT_A_GENE_X1", "CDKN1A"], "human")
    assert res["mapping"]["counts"]["not found"] == 1
    assert res["list"]["identifiers"] == 4 and res["list"]["mapped_entries"] == 3


def test_index_is_cached_per_release_organism_and_filter(trrust_release: str) -> None:
    rel = open_release(trrust_release)
    a = target_index(rel, 9606, edge_filter(rel, "all"))
    assert target_index(rel, 9606, edge_filter(rel, "all")) is a
    assert target_index(rel, 9606, edge_filter(rel, "small", "TRRUST")) is not a


@pytest.mark.parametrize("kwargs, param", [
    ({"genes": []}, "genes"),
    ({"genes": ["NOT_A_GENE_1", "NOT_A_GENE_2"]}, "genes"),
    ({"genes": ["TP53"], "organism": ""}, "organism"),
    ({"genes": ["TP53"], "organism": "martian"}, "organism"),
    ({"genes": ["TP53"], "background": ["BRCA1_NOT_THERE_XX"]}, "background"),
    ({"genes": ["TP53"], "background": ["MDM2", "CDKN1A"]}, "background"),
    ({"genes": ["TP53"], "sources": ["NoSuchDB"]}, "source"),
    ({"genes": ["TP53"], "sign": "sideways"}, "sign"),
    ({"genes": ["TP53"], "sign": "activation"}, "sign"),
    ({"genes": ["TP53"], "scale": "huge"}, "scale"),
    ({"genes": ["TP53"], "scale": "large"}, "scale"),
    ({"genes": [f"G{i}" for i in range(5001)]}, "genes"),
])
def test_bad_input_is_a_bad_parameter_naming_it(trrust_release: str, kwargs: dict, param: str) -> None:
    args = {"organism": "human", **kwargs}
    with pytest.raises(BadParameter) as exc:
        enrichment(open_release(trrust_release), **args)
    assert exc.value.param == param
    assert str(exc.value).startswith(param + ": ")


def test_same_result_on_postgres(any_release: str, ref_release: str) -> None:
    genes = sorted(targets_of(ref_release, "Q15672"))[:500] + ["RB1", "JUNB", "SMAD7"]
    res = enrichment(open_release(any_release), genes, "human")
    ref = enrichment(open_release(ref_release), genes, "human")
    assert [(r["tf_uniprot"], r["overlap"], r["tf_targets"]) for r in res["results"]] == \
        [(r["tf_uniprot"], r["overlap"], r["tf_targets"]) for r in ref["results"]]
    assert [r["p_value"] for r in res["results"]] == pytest.approx([r["p_value"] for r in ref["results"]])
