"""SQL of the analyses (enrichment, common targets, cross-species): TF -> target sets with evidence filters,
the organism's target background, entry labels and ortholog maps.

Every function takes an open :class:`~tflink.store.reader.Release` and works on SQLite and PostgreSQL alike.
Filters: ``scale`` is ``all`` / ``small`` / ``large``; ``source_mask`` is an OR of source bits (0 = any source);
``sign`` is ``activation`` / ``repression`` / ``unknown`` or None (any).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import chain
from typing import Any

import numpy as np

from .reader import Release, _split

SCALES = ("all", "small", "large")
_CHUNK = 500


def _edge_where(first: str, first_params: list[Any], scale: str, source_mask: int, sign: str | None,
                alias: str = "i") -> tuple[str, list[Any]]:
    """WHERE clause: the condition `first` AND the evidence filter."""
    where, params = [first], list(first_params)
    if scale == "small":
        where.append(f"{alias}.small_scale = 1")
    elif scale == "large":
        where.append(f"{alias}.large_scale = 1")
    elif scale != "all":
        raise ValueError(f"scale must be one of {SCALES}, got {scale!r}")
    if source_mask:
        where.append(f"({alias}.source_mask & ?) <> 0")
        params.append(int(source_mask))
    if sign:
        where.append(f"{alias}.sign = ?")
        params.append(sign)
    return " AND ".join(where), params


def edge_pairs(rel: Release, taxid: int, scale: str = "all", source_mask: int = 0,
               sign: str | None = None) -> tuple[np.ndarray, np.ndarray]:
    """All (tf_id, target_id) pairs of an organism under a filter, as two int64 arrays (streamed, not listed)."""
    where, params = _edge_where("i.taxid = ?", [taxid], scale, source_mask, sign)
    rows = rel.iterate_bulk(f"SELECT i.tf_id, i.target_id FROM interaction i WHERE {where}", params)
    flat = np.fromiter(chain.from_iterable(rows), dtype=np.int64)
    pairs = flat.reshape(-1, 2)
    return pairs[:, 0].copy(), pairs[:, 1].copy()


def organism_targets(rel: Release, taxid: int) -> np.ndarray:
    """Sorted entry ids of every gene that is a target in the organism (any evidence): the default background."""
    rows = rel.iterate_bulk("SELECT DISTINCT target_id FROM interaction WHERE taxid = ?", [taxid])
    return np.sort(np.fromiter(chain.from_iterable(rows), dtype=np.int64))


def entry_labels(rel: Release, taxid: int) -> dict[int, tuple[str, str]]:
    """entry id -> (UniProt AC, gene name) for every entry of the organism."""
    return {int(i): (u, n) for i, u, n in rel.iterate_bulk("SELECT id, uniprot, name FROM entry WHERE taxid = ?",
                                                            [taxid])}


def tf_edges(rel: Release, tf_ids: Sequence[int], scale: str = "all", source_mask: int = 0,
             sign: str | None = None) -> list[dict[str, Any]]:
    """The edges of some TFs with their evidence and the target's identifiers."""
    out: list[dict[str, Any]] = []
    for chunk in _chunks(list(tf_ids)):
        where, params = _edge_where(f"i.tf_id IN ({','.join('?' for _ in chunk)})", chunk, scale, source_mask, sign)
        sql = ("SELECT i.tf_id, i.target_id, e.uniprot, e.name, i.sources, i.methods, i.pmids, i.small_scale, "
               f"i.large_scale, i.sign FROM interaction i JOIN entry e ON e.id = i.target_id WHERE {where}")
        for r in rel.db.fetchall(sql, params):
            out.append({"tf_id": r[0], "target_id": r[1], "uniprot": r[2], "name": r[3], "sources": _split(r[4]),
                        "methods": _split(r[5]), "pmids": _split(r[6]), "small_scale": bool(r[7]),
                        "large_scale": bool(r[8]), "sign": r[9]})
    return out


def ortholog_pairs(rel: Release, entry_ids: Sequence[int], other_taxid: int) -> list[tuple[int, str, int | None]]:
    """Orthologs in `other_taxid` of some entries: (entry_id, other UniProt AC, other entry id or None).

    Both directions of the ortholog table are read: rows recorded for the entry, and rows recorded for an entry of
    the other organism that name this entry as its ortholog.
    """
    out: set[tuple[int, str, int | None]] = set()
    for chunk in _chunks(list(entry_ids)):
        marks = ",".join("?" for _ in chunk)
        out.update((int(a), u, None if b is None else int(b)) for a, u, b in rel.db.fetchall(
            f"SELECT entry_id, other_uniprot, other_id FROM ortholog WHERE entry_id IN ({marks}) AND other_taxid = ?",
            [*chunk, other_taxid]))
        out.update((int(a), u, int(b)) for a, u, b in rel.db.fetchall(
            f"SELECT o.other_id, e.uniprot, o.entry_id FROM ortholog o JOIN entry e ON e.id = o.entry_id "
            f"WHERE o.other_id IN ({marks}) AND e.taxid = ?", [*chunk, other_taxid]))
    return sorted(out, key=lambda t: (t[0], t[1]))


def has_orthologs(rel: Release, taxid: int, other_taxid: int) -> bool:
    """Whether the release holds any ortholog link between two organisms (either direction)."""
    sql = ("SELECT 1 FROM ortholog o JOIN entry e ON e.id = o.entry_id "
           "WHERE e.taxid = ? AND o.other_taxid = ? LIMIT 1")
    return (rel.db.fetchone(sql, [taxid, other_taxid]) is not None
            or rel.db.fetchone(sql, [other_taxid, taxid]) is not None)


def _chunks(items: list[Any]) -> Iterator[list[Any]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]
