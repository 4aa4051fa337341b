"""TSV downloads of the analyses (one function per analysis; the CLI, API and pages all use these)."""
from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any


def _cell(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, bool):
        return "Yes" if v else "No"
    if isinstance(v, float):
        return "inf" if math.isinf(v) else f"{v:.6g}"
    if isinstance(v, (list, tuple)):
        return ";".join(str(x) for x in v) or "-"
    return str(v).replace("\t", " ").replace("\n", " ")


def _tsv(header: list[str], rows: Iterable[list[Any]]) -> str:
    lines = ["\t".join(header)]
    lines += ["\t".join(_cell(v) for v in r) for r in rows]
    return "\n".join(lines) + "\n"


ENRICHMENT_HEADER = ["rank", "tf", "tf_uniprot", "overlap", "tf_targets", "list_size", "background_size", "expected",
                     "fold_enrichment", "odds_ratio", "p_value", "q_value", "overlap_genes", "overlap_uniprots"]


def enrichment_tsv(result: dict[str, Any]) -> str:
    """One row per TF (as returned), the statistics and the overlapping genes; odds ratio `inf` when infinite."""
    def odds(r: dict[str, Any]) -> Any:
        return math.inf if r["odds_ratio_infinite"] else r["odds_ratio"]
    return _tsv(ENRICHMENT_HEADER, ([r["rank"], r["tf"], r["tf_uniprot"], r["overlap"], r["tf_targets"],
                                     r["list_size"], r["background_size"], r["expected"], r["fold_enrichment"],
                                     odds(r), r["p_value"], r["q_value"], r["overlap_genes"], r["overlap_uniprots"]]
                                    for r in result["results"]))


def mapping_tsv(result: dict[str, Any]) -> str:
    """The identifier mapping report of an enrichment run."""
    return _tsv(["query", "status", "uniprot", "name"],
                ([it["query"], it["status"], [e["uniprot"] for e in it["entries"]],
                  [e["name"] for e in it["entries"]]] for it in result["mapping"]["items"]))


def common_targets_tsv(result: dict[str, Any]) -> str:
    """One row per target in the union: how many TFs regulate it, then per TF the edge's sources and scale."""
    names = [t["name"] for t in result["tfs"]]
    header = ["target", "target_uniprot", "n_tfs"] + [f"{n}_{c}" for n in names for c in ("sources", "small_scale")]
    rows = []
    for r in result["rows"]:
        cells: list[Any] = [r["name"], r["uniprot"], r["n_tfs"]]
        for ev in r["evidence"]:
            cells += [ev["sources"], ev["small_scale"]] if ev else [None, None]
        rows.append(cells)
    return _tsv(header, rows)


def cross_species_tsv(result: dict[str, Any]) -> str:
    """One row per target of either side: organism, status, orthologs, conserved partners and evidence."""
    header = ["organism", "target", "target_uniprot", "status", "orthologs", "conserved_with", "regulated_by",
              "sources", "small_scale"]
    return _tsv(header, ([r["organism"], r["name"], r["uniprot"], r["status"], r["orthologs"], r["conserved_with"],
                          sorted({e["tf"] for e in r["edges"]}), r["sources"], r["small_scale"]]
                         for r in result["rows"]))
