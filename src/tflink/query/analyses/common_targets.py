"""Common targets of two or more TFs of one organism: intersection, union, targets unique to each TF, pairwise
Jaccard indexes, the size of every exclusive intersection (for Venn / UpSet diagrams), the evidence of every edge
and the network of the TFs with their shared targets."""
from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from typing import Any

from ... import model, settings
from ...errors import BadParameter, LimitExceeded
from ...store import Release
from ...store import analysis_sql as sql
from .common import edge_filter, label, resolve_tf

MAX_TFS = 12
EVIDENCE_KEYS = ("sources", "methods", "pmids", "small_scale", "large_scale", "sign")


def _resolve_all(rel: Release, tfs: Sequence[str], organism: str | None) -> list[dict[str, Any]]:
    """Resolve every TF identifier; all must be distinct TFs of one organism."""
    names = [t.strip() for t in tfs if t and t.strip()]
    if len(names) < 2:
        raise BadParameter("tfs", "give at least two TFs (gene names, UniProt ACs or NCBI Gene IDs)")
    if len(names) > MAX_TFS:
        raise LimitExceeded("tfs", f"{len(names)} TFs is more than the limit of {MAX_TFS}")
    entries = [resolve_tf(rel, n, organism, "tfs") for n in names]
    orgs = {model.organism(e["taxid"]).name for e in entries}
    if len(orgs) > 1:
        listing = ", ".join(f"{n} ({model.organism(e['taxid']).name})" for n, e in zip(names, entries))
        raise BadParameter("tfs", f"the TFs are from different organisms: {listing}; compare TFs of one organism, "
                                  "or use the cross-species comparison")
    seen: dict[int, str] = {}
    for n, e in zip(names, entries):
        if e["id"] in seen:
            raise BadParameter("tfs", f"{n!r} and {seen[e['id']]!r} are the same entry ({e['uniprot']})")
        seen[e["id"]] = n
    return entries


def common_targets(rel: Release, tfs: Sequence[str], organism: str | None = None, scale: str | None = "all",
                   sources: Sequence[str] | str | None = None, sign: str | None = None) -> dict[str, Any]:
    """Compare the target sets of `tfs` (2..12 identifiers of one organism) under an evidence filter.

    `rows` holds one row per target in the union, shared targets first (most TFs first, then by name), each with
    the evidence of each of its edges (None where that TF does not regulate it).
    """
    entries = _resolve_all(rel, tfs, organism)
    flt = edge_filter(rel, scale, sources, sign)
    edges = sql.tf_edges(rel, [e["id"] for e in entries], *flt.args())
    pos = {e["id"]: i for i, e in enumerate(entries)}
    by_target: dict[int, dict[str, Any]] = {}
    for ed in edges:
        row = by_target.setdefault(ed["target_id"], {"uniprot": ed["uniprot"], "name": ed["name"],
                                                     "evidence": [None] * len(entries)})
        row["evidence"][pos[ed["tf_id"]]] = {k: ed[k] for k in EVIDENCE_KEYS}
    tf_info = _tf_info(entries, by_target)
    empty = [t["name"] for t in tf_info if t["targets"] == 0]
    if empty:
        raise BadParameter("tfs", f"{', '.join(empty)} has no targets under the evidence filter {flt.as_dict()}")
    rows = _rows(by_target)
    sets = [{tid for tid, r in by_target.items() if r["evidence"][i] is not None} for i in range(len(entries))]
    return {"organism": model.organism(entries[0]["taxid"]).name, "filter": flt.as_dict(), "tfs": tf_info,
            "intersection": sum(1 for r in rows if r["n_tfs"] == len(entries)),
            "union": len(rows), "shared": sum(1 for r in rows if r["n_tfs"] >= 2),
            "unique": {t["name"]: sum(1 for r in rows if r["n_tfs"] == 1 and r["member"][i])
                       for i, t in enumerate(tf_info)},
            "jaccard": _jaccard(tf_info, sets), "regions": _regions(tf_info, rows),
            "network": _network(tf_info, rows), "rows": rows}


def _tf_info(entries: list[dict[str, Any]], by_target: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"name": label(e["uniprot"], e["name"]), "uniprot": e["uniprot"],
             "targets": sum(1 for r in by_target.values() if r["evidence"][i] is not None)}
            for i, e in enumerate(entries)]


def _rows(by_target: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for r in by_target.values():
        member = [ev is not None for ev in r["evidence"]]
        rows.append({"uniprot": r["uniprot"], "name": label(r["uniprot"], r["name"]), "n_tfs": sum(member),
                     "member": member, "evidence": r["evidence"]})
    rows.sort(key=lambda r: (-r["n_tfs"], r["name"].lower(), r["uniprot"]))
    return rows


def _jaccard(tf_info: list[dict[str, Any]], sets: list[set[int]]) -> list[dict[str, Any]]:
    out = []
    for i, j in combinations(range(len(sets)), 2):
        inter, union = len(sets[i] & sets[j]), len(sets[i] | sets[j])
        out.append({"a": tf_info[i]["name"], "b": tf_info[j]["name"], "intersection": inter, "union": union,
                    "jaccard": inter / union if union else 0.0})
    return out


def _regions(tf_info: list[dict[str, Any]], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Exclusive intersections: targets regulated by exactly this combination of TFs (UpSet bars, Venn regions)."""
    counts: dict[tuple[bool, ...], int] = {}
    for r in rows:
        key = tuple(r["member"])
        counts[key] = counts.get(key, 0) + 1
    out = [{"tfs": [t["name"] for t, m in zip(tf_info, key) if m], "member": list(key), "count": c}
           for key, c in counts.items()]
    out.sort(key=lambda x: (-x["count"], -len(x["tfs"]), x["tfs"]))
    return out


def _network(tf_info: list[dict[str, Any]], rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The TFs and their shared targets (regulated by >= 2 of them), capped at TFLINK_NETWORK_MAX nodes."""
    cap = settings.get_int("network_max")
    shared = [r for r in rows if r["n_tfs"] >= 2]
    kept = shared[:max(cap - len(tf_info), 0)]
    nodes = [{"id": f"tf:{t['uniprot']}", "label": t["name"], "kind": "tf"} for t in tf_info]
    nodes += [{"id": f"target:{r['uniprot']}", "label": r["name"], "kind": "target"} for r in kept]
    edges = [{"source": f"tf:{tf_info[i]['uniprot']}", "target": f"target:{r['uniprot']}",
              "small_scale": bool(r["evidence"][i]["small_scale"])}
             for r in kept for i, m in enumerate(r["member"]) if m]
    return {"nodes": nodes, "edges": edges, "shared_targets": len(shared), "truncated": len(kept) < len(shared)}
