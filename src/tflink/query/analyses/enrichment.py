"""TF enrichment of a gene list: which TFs' target sets overlap the list more than chance?

For every TF of the organism (under an evidence filter) the 2x2 table list/not-list x target/not-target within a
background is tested with the one-sided Fisher exact test (= hypergeometric upper tail, computed vectorised with
``scipy.stats.hypergeom.sf``), q-values by Benjamini-Hochberg over all TFs tested.

Speed: the organism's TF -> target sets are loaded once per (release, organism, filter) into an index keyed by
target gene (compressed sparse columns: for each target gene, the TFs that regulate it). The overlap of a list with
every TF is then one ``np.bincount`` over the TF lists of the list's genes: O(edges of the list), not O(all edges).
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.stats import hypergeom

from ... import model, settings
from ...errors import BadParameter, LimitExceeded
from ...store import Release
from ...store import analysis_sql as sql
from ..entries import organism_of
from ..identifiers import Mapping, map_identifiers
from .common import EdgeFilter, edge_filter, label

CACHE_SIZE = 6
BACKGROUND_MAX_FACTOR = 12  # a background may hold this many times TFLINK_BATCH_MAX identifiers
_CACHE: OrderedDict[tuple, TargetIndex] = OrderedDict()
_LOCK = threading.Lock()


@dataclass
class TargetIndex:
    """TF -> target sets of one organism under one filter, indexed by target gene for fast overlaps."""

    taxid: int
    genes: np.ndarray  # sorted entry ids of the default background (every target of the organism)
    tfs: np.ndarray  # entry ids of the TFs with at least one edge under the filter
    ptr: np.ndarray  # gene position g -> its TFs are tf_of[ptr[g]:ptr[g + 1]]
    tf_of: np.ndarray  # TF positions (into `tfs`), grouped by gene
    tf_size: np.ndarray  # targets per TF within the default background
    labels: dict[int, tuple[str, str]]  # entry id -> (UniProt, name)

    def positions(self, entry_ids: Sequence[int]) -> np.ndarray:
        """Positions in `genes` of those entry ids that are in the default background."""
        ids = np.asarray(sorted(set(entry_ids)), dtype=np.int64)
        pos = np.searchsorted(self.genes, ids)
        ok = pos < len(self.genes)
        ok[ok] = self.genes[pos[ok]] == ids[ok]
        return pos[ok]

    def tf_hits(self, gene_pos: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(TF position, gene position) of every edge from any TF to the given genes."""
        if len(gene_pos) == 0:
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int64)
        starts, ends = self.ptr[gene_pos], self.ptr[gene_pos + 1]
        lengths = ends - starts
        total = int(lengths.sum())
        offsets = np.repeat(starts - np.concatenate(([0], np.cumsum(lengths)[:-1])), lengths)
        idx = np.arange(total, dtype=np.int64) + offsets
        return self.tf_of[idx], np.repeat(gene_pos, lengths)


def target_index(rel: Release, taxid: int, flt: EdgeFilter) -> TargetIndex:
    """The cached index of (release, organism, filter); built on first use."""
    key = (rel.location, taxid, flt.args())
    with _LOCK:
        hit = _CACHE.get(key)
        if hit is not None:
            _CACHE.move_to_end(key)
            return hit
    index = build_index(rel, taxid, flt)
    with _LOCK:
        _CACHE[key] = index
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    return index


def build_index(rel: Release, taxid: int, flt: EdgeFilter) -> TargetIndex:
    """Load the organism's edges under the filter and index them by target gene."""
    genes = sql.organism_targets(rel, taxid)
    tf_ids, target_ids = sql.edge_pairs(rel, taxid, *flt.args())
    tfs, tf_pos = np.unique(tf_ids, return_inverse=True)
    gene_pos = np.searchsorted(genes, target_ids)
    order = np.argsort(gene_pos, kind="stable")
    counts = np.bincount(gene_pos, minlength=len(genes))
    ptr = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
    tf_size = np.bincount(tf_pos, minlength=len(tfs)).astype(np.int64)
    return TargetIndex(taxid, genes, tfs.astype(np.int64), ptr, tf_pos[order].astype(np.int32), tf_size,
                       sql.entry_labels(rel, taxid))


def clear_cache() -> None:
    """Forget every cached index (e.g. after a release was replaced)."""
    with _LOCK:
        _CACHE.clear()


def bh_adjust(p: np.ndarray) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values (q-values), monotone, capped at 1."""
    p = np.asarray(p, dtype=float)
    m = len(p)
    if m == 0:
        return p
    order = np.argsort(p, kind="stable")
    scaled = p[order] * m / np.arange(1, m + 1)
    q = np.minimum.accumulate(scaled[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(q, 1.0)
    return out


def fisher_greater(k: np.ndarray, n: np.ndarray, big_n: int, big_m: int) -> tuple[np.ndarray, np.ndarray]:
    """One-sided (greater) Fisher exact p-values and sample odds ratios of the tables
    [[k, N - k], [n - k, M - N - n + k]] (overlap, list size N, set size n, background size M)."""
    p = hypergeom.sf(k - 1, big_m, n, big_n)
    a, b, c, d = k, big_n - k, n - k, big_m - big_n - n + k
    with np.errstate(divide="ignore", invalid="ignore"):
        odds = (a * d).astype(float) / (b * c).astype(float)
    return np.clip(p, 0.0, 1.0), odds


def _background(rel: Release, index: TargetIndex, org: model.Organism,
                background: list[str] | None) -> tuple[np.ndarray, int, dict[str, Any]]:
    """Gene positions of the background within the index, its size, and a report."""
    if not background:
        return np.arange(len(index.genes)), len(index.genes), {"kind": "targets", "size": len(index.genes)}
    mapping = _map_chunked(rel, background, org.name)
    ids = mapping.entry_ids()
    if not ids:
        raise BadParameter("background", f"none of the {len(background)} background identifiers maps to a "
                                         f"{org.name} entry of this release")
    return index.positions(ids), len(ids), {"kind": "user", "size": len(ids), "identifiers": len(background),
                                            "mapping_counts": mapping.counts, "_ids": set(ids)}


def _map_chunked(rel: Release, identifiers: list[str], organism: str) -> Mapping:
    """Map a long background list batch by batch (a background is often the whole expressed genome)."""
    step = settings.get_int("batch_max")
    top = step * BACKGROUND_MAX_FACTOR
    if len(identifiers) > top:
        raise LimitExceeded("background", f"{len(identifiers)} identifiers is more than the limit of {top}")
    out = Mapping()
    for i in range(0, len(identifiers), step):
        out.items += map_identifiers(rel, identifiers[i:i + step], organism).items
    return out


def enrichment(rel: Release, genes: list[str], organism: str, scale: str | None = "all",
               sources: Sequence[str] | str | None = None, sign: str | None = None,
               background: list[str] | None = None, limit: int | None = None,
               min_overlap: int = 1) -> dict[str, Any]:
    """TF enrichment of `genes` (any identifiers) in `organism`; rows sorted by p-value.

    `background` (identifiers) replaces the default background (every target gene of the organism). `limit` and
    `min_overlap` only trim the rows returned; the q-values are always over every TF tested.
    """
    org = organism_of(organism)
    if org is None:
        raise BadParameter("organism", "choose an organism")
    flt = edge_filter(rel, scale, sources, sign)
    if not genes:
        raise BadParameter("genes", "the gene list is empty; give at least one gene name or identifier")
    if len(genes) > settings.get_int("batch_max"):
        raise LimitExceeded("genes", f"{len(genes)} identifiers is more than the limit of "
                                     f"{settings.get_int('batch_max')} (TFLINK_BATCH_MAX)")
    mapping = map_identifiers(rel, genes, org.name)
    list_ids = mapping.entry_ids()
    if not list_ids:
        raise BadParameter("genes", f"none of the {len(genes)} identifiers maps to a {org.name} entry of this "
                                    "release; check the organism and the identifiers")
    index = target_index(rel, org.taxid, flt)
    if len(index.tfs) == 0:
        raise BadParameter("scale" if flt.scale != "all" else ("sign" if flt.sign else "source"),
                           f"no {org.name} interaction matches the evidence filter {flt.as_dict()}")
    bg_pos, big_m, bg_report = _background(rel, index, org, background)
    in_bg = _list_in_background(index, list_ids, bg_report)
    if len(in_bg) == 0:
        what = "the background list" if background else f"the targets of {org.name} (the default background)"
        raise BadParameter("background" if background else "genes",
                           f"none of the {len(list_ids)} mapped genes is in {what}")
    return _compute(index, flt, org, mapping, list_ids, in_bg, bg_pos, big_m, bg_report, limit, min_overlap)


def _list_in_background(index: TargetIndex, list_ids: list[int], bg_report: dict[str, Any]) -> list[int]:
    if bg_report["kind"] == "user":
        return [i for i in list_ids if i in bg_report["_ids"]]
    in_targets = set(index.genes[index.positions(list_ids)].tolist())
    return [i for i in list_ids if i in in_targets]


def _compute(index: TargetIndex, flt: EdgeFilter, org: model.Organism, mapping: Any, list_ids: list[int],
             in_bg: list[int], bg_pos: np.ndarray, big_m: int, bg_report: dict[str, Any], limit: int | None,
             min_overlap: int) -> dict[str, Any]:
    list_pos = index.positions(in_bg)
    hit_tf, hit_gene = index.tf_hits(list_pos)
    k = np.bincount(hit_tf, minlength=len(index.tfs)).astype(np.int64)
    if bg_report["kind"] == "user":
        n = np.bincount(index.tf_hits(bg_pos)[0], minlength=len(index.tfs)).astype(np.int64)
    else:
        n = index.tf_size
    tested = np.flatnonzero(n > 0)
    big_n = len(in_bg)
    p, odds = fisher_greater(k[tested], n[tested], big_n, big_m)
    q = bh_adjust(p)
    names = [label(*index.labels.get(int(index.tfs[t]), ("?", "-"))) for t in tested]
    order = sorted(range(len(tested)), key=lambda i: (p[i], -k[tested[i]], names[i]))
    genes_of = _overlap_genes(index, hit_tf, hit_gene)
    rows = []
    for rank, i in enumerate(order, 1):
        t = tested[i]
        if k[t] < min_overlap or (limit is not None and len(rows) >= limit):
            continue
        rows.append(_row(index, rank, int(t), int(k[t]), int(n[t]), big_n, big_m, float(p[i]), float(q[i]),
                         float(odds[i]), genes_of.get(int(t), [])))
    in_bg_set = set(in_bg)
    not_in_bg = [i for i in list_ids if i not in in_bg_set]
    return {"organism": org.name, "filter": flt.as_dict(), "mapping": mapping.as_dict(),
            "background": {k_: v for k_, v in bg_report.items() if not k_.startswith("_")},
            "list": {"identifiers": len(mapping.items), "mapped_entries": len(list_ids), "in_background": big_n,
                     "not_in_background": [_gene(index, i) for i in not_in_bg]},
            "tfs_tested": len(tested), "results": rows}


def _overlap_genes(index: TargetIndex, hit_tf: np.ndarray, hit_gene: np.ndarray) -> dict[int, list[int]]:
    """TF position -> entry ids of the list genes it targets."""
    order = np.argsort(hit_tf, kind="stable")
    tf_sorted, gene_sorted = hit_tf[order], index.genes[hit_gene[order]]
    cuts = np.flatnonzero(np.diff(tf_sorted)) + 1
    return {int(tf_sorted[g[0]]): gene_sorted[g].tolist()
            for g in np.split(np.arange(len(tf_sorted)), cuts) if len(g)}


def _gene(index: TargetIndex, entry_id: int) -> dict[str, str]:
    uniprot, name = index.labels.get(int(entry_id), ("?", "-"))
    return {"uniprot": uniprot, "name": name}


def _row(index: TargetIndex, rank: int, t: int, k: int, n: int, big_n: int, big_m: int, p: float, q: float,
         odds: float, overlap_ids: list[int]) -> dict[str, Any]:
    tf = _gene(index, int(index.tfs[t]))
    overlap = sorted((_gene(index, g) for g in overlap_ids), key=lambda g: (label(g["uniprot"], g["name"]).lower()))
    expected = big_n * n / big_m
    return {"rank": rank, "tf": tf["name"], "tf_uniprot": tf["uniprot"], "overlap": k, "tf_targets": n,
            "list_size": big_n, "background_size": big_m, "expected": round(expected, 4),
            "fold_enrichment": round(k / expected, 4) if expected else None,
            "odds_ratio": odds if np.isfinite(odds) else None, "odds_ratio_infinite": bool(np.isinf(odds)),
            "p_value": p, "q_value": q,
            "overlap_genes": [label(g["uniprot"], g["name"]) for g in overlap],
            "overlap_uniprots": [g["uniprot"] for g in overlap]}
