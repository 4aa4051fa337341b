"""Network neighbourhood of an entry as Cytoscape.js elements (the entry page's network view and the API).

Depth 1 is the ego network of the entry (its TFs and targets and the edges among them); depth 2 adds the
neighbours of those. At most `max_nodes` nodes are returned: neighbours reached by small-scale evidence
first, then by name; the result says how many there were in total and whether it was truncated.
"""
from __future__ import annotations

from typing import Any

from .. import model, settings
from ..errors import BadParameter
from ..store import Release
from ..store.network_sql import edges_among, neighbours
from .entries import get_entry


def _check(depth: int, max_nodes: int) -> None:
    if depth not in (1, 2):
        raise BadParameter("depth", "must be 1 or 2")
    top = settings.get_int("network_max")
    if not 2 <= max_nodes <= top:
        raise BadParameter("max_nodes", f"must be between 2 and {top}")


def _node(e: dict[str, Any], centre_id: int, level: int, role: str) -> dict[str, Any]:
    label = e["name"] if e["name"] and e["name"] != "-" else e["uniprot"]
    return {"data": {"id": e["uniprot"], "label": label, "name": e["name"], "uniprot": e["uniprot"],
                     "organism": model.organism(e["taxid"]).name, "function": e["function"],
                     "role": role, "centre": e["id"] == centre_id, "level": level}}


def _edge(ed: dict[str, Any], ac: dict[int, str]) -> dict[str, Any]:
    src, dst = ac[ed["tf_id"]], ac[ed["target_id"]]
    return {"data": {"id": f"{src}>{dst}", "source": src, "target": dst, "small_scale": ed["small_scale"],
                     "evidence": "small-scale" if ed["small_scale"] else "large-scale",
                     "sources": ed["sources"], "sign": ed["sign"]}}


def neighbourhood(rel: Release, ac: str, depth: int = 1, max_nodes: int = 100, small_scale_only: bool = False,
                  source: str | None = None) -> dict[str, Any]:
    """The entry's neighbourhood: {"elements": {"nodes", "edges"}, "total_neighbours", "shown", "truncated", ...}.

    `shown` counts drawn nodes including the entry itself; `total_neighbours` counts every node within `depth`
    steps (the entry excluded) that passes the filters; at depth 2 the second step starts from the drawn
    first-level nodes, so when level 1 alone was truncated the second-level count is a lower bound.
    """
    _check(depth, max_nodes)
    centre = get_entry(rel, ac)
    cid = centre["id"]
    flt = {"small_scale_only": small_scale_only, "source": source or None}
    first, total = neighbours(rel, [cid], [cid], limit=max_nodes - 1, **flt)
    levels = {cid: 0, **{n: 1 for n in first}}
    if depth == 2:
        # expand from the drawn first-level nodes (all of them unless level 1 alone filled `max_nodes`)
        second, total2 = neighbours(rel, first, [cid, *first], limit=max(0, max_nodes - len(levels)), **flt)
        total += total2
        levels.update({n: 2 for n in second})
    entries = {e["id"]: e for e in rel.entries_by_id(list(levels))}
    edges = edges_among(rel, list(levels), **flt)
    senders = {ed["tf_id"] for ed in edges}
    ac_of = {i: e["uniprot"] for i, e in entries.items()}
    nodes = [_node(entries[i], cid, lvl, "tf" if i in senders else "target")
             for i, lvl in sorted(levels.items(), key=lambda kv: kv[1])]
    shown = len(nodes)
    return {"entry": centre["uniprot"], "name": centre["name"], "depth": depth, "max_nodes": max_nodes,
            "filters": flt, "total_neighbours": total, "shown": shown, "truncated": shown - 1 < total,
            "elements": {"nodes": nodes, "edges": [_edge(ed, ac_of) for ed in edges]}}


__all__ = ["neighbourhood"]
