"""Network neighbourhoods: the SQL behind `tflink.query.network` (neighbours of a node set, edges among nodes).

Neighbours are ranked like the entry tables: nodes reached by a small-scale edge first, then by name.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import BadParameter
from .reader import Release, _split


def _edge_filter(rel: Release, small_scale_only: bool, source: str | None) -> tuple[str, list[Any]]:
    """SQL condition (on interaction alias-less columns) and parameters for the evidence / source filters."""
    cond, params = "", []
    if small_scale_only:
        cond += " AND small_scale = 1"
    if source:
        bit = rel.source_bits.get(source)
        if bit is None:
            raise BadParameter("source", f"unknown source {source!r}; this release has: "
                               + ", ".join(sorted(rel.source_bits)))
        cond += " AND (source_mask & ?) <> 0"
        params.append(1 << bit)
    return cond, params


def _neighbour_sql(ids: Sequence[int], cond: str) -> str:
    marks = ",".join("?" for _ in ids)
    return (f"SELECT nid, MAX(ss) AS ss FROM ("
            f"SELECT target_id AS nid, small_scale AS ss FROM interaction WHERE tf_id IN ({marks}){cond} "
            f"UNION ALL SELECT tf_id AS nid, small_scale AS ss FROM interaction WHERE target_id IN ({marks}){cond}"
            f") n GROUP BY nid")


def neighbours(rel: Release, ids: Sequence[int], exclude: Sequence[int], *, small_scale_only: bool = False,
               source: str | None = None, limit: int | None = None) -> tuple[list[int], int]:
    """Entry ids adjacent to `ids` (either direction) minus `exclude`: (the first `limit`, ranked; total count)."""
    if not ids:
        return [], 0
    cond, fparams = _edge_filter(rel, small_scale_only, source)
    inner = _neighbour_sql(ids, cond)
    params: list[Any] = [*ids, *fparams, *ids, *fparams]
    excl = ""
    if exclude:
        excl = f" WHERE x.nid NOT IN ({','.join('?' for _ in exclude)})"
        params += list(exclude)
    total = rel.db.fetchone(f"SELECT COUNT(*) FROM ({inner}) x{excl}", params)[0]
    lim = f" LIMIT {int(limit)}" if limit is not None else ""
    rows = rel.db.fetchall(f"SELECT x.nid FROM ({inner}) x JOIN entry e ON e.id = x.nid{excl} "
                           f"ORDER BY x.ss DESC, e.name_lower, e.uniprot{lim}", params)
    return [int(r[0]) for r in rows], int(total)


def edges_among(rel: Release, ids: Sequence[int], *, small_scale_only: bool = False,
                source: str | None = None) -> list[dict[str, Any]]:
    """Every interaction whose TF and target are both in `ids` (after the evidence / source filters)."""
    if not ids:
        return []
    cond, fparams = _edge_filter(rel, small_scale_only, source)
    marks = ",".join("?" for _ in ids)
    rows = rel.db.fetchall(
        f"SELECT tf_id, target_id, small_scale, large_scale, sources, sign FROM interaction "
        f"WHERE tf_id IN ({marks}) AND target_id IN ({marks}){cond} ORDER BY tf_id, target_id",
        [*ids, *ids, *fparams])
    return [{"tf_id": r[0], "target_id": r[1], "small_scale": bool(r[2]), "large_scale": bool(r[3]),
             "sources": _split(r[4]), "sign": r[5]} for r in rows]


__all__ = ["edges_among", "neighbours"]
