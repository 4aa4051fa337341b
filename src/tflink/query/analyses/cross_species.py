"""Cross-species comparison: the targets of a TF in one organism against the targets of its ortholog(s) in
another, mapped through the ortholog table.

Every target of either side gets a status:
* ``conserved`` — one of its orthologs is a target of the TF's ortholog(s) on the other side (a conserved edge);
* ``specific`` — it has orthologs on the other side, but none of them is a target there;
* ``unmappable`` — it has no ortholog in the other organism, so conservation cannot be judged.
"""
from __future__ import annotations

from typing import Any

from ... import model
from ...errors import BadParameter
from ...store import Release
from ...store import analysis_sql as sql
from .common import EdgeFilter, edge_filter, label, resolve_tf
from .common_targets import EVIDENCE_KEYS

STATUSES = ("conserved", "specific", "unmappable")


def cross_species(rel: Release, tf: str, to: str, organism: str | None = None, scale: str | None = "all",
                  sources: Any = None, sign: str | None = None) -> dict[str, Any]:
    """Compare the targets of `tf` (in `organism`, or wherever it is a TF) with those of its orthologs in `to`."""
    src_entry = resolve_tf(rel, tf, organism, "tf")
    src = model.organism(src_entry["taxid"])
    try:
        dst = model.organism(to) if to else None
    except model.UnknownOrganism as exc:
        raise BadParameter("to", str(exc)) from exc
    if dst is None:
        raise BadParameter("to", "choose the organism to compare with")
    if dst.taxid == src.taxid:
        raise BadParameter("to", f"{label(src_entry['uniprot'], src_entry['name'])} is already a {src.name} TF; "
                                 "choose another organism (use common targets to compare TFs of one organism)")
    if not sql.has_orthologs(rel, src.taxid, dst.taxid):
        raise BadParameter("to", f"this release has no ortholog links between {src.name} and {dst.name}")
    flt = edge_filter(rel, scale, sources, sign)
    dst_tfs = _ortholog_tfs(rel, src_entry, src, dst)
    side_a = _targets(rel, [src_entry["id"]], flt)
    side_b = _targets(rel, [e["id"] for e in dst_tfs], flt)
    if not side_a:
        raise BadParameter("tf", f"{label(src_entry['uniprot'], src_entry['name'])} has no targets under the "
                                 f"evidence filter {flt.as_dict()}")
    if not side_b:
        names = ", ".join(label(e["uniprot"], e["name"]) for e in dst_tfs)
        raise BadParameter("tf", f"its {dst.name} ortholog(s) {names} have no targets under the evidence filter "
                                 f"{flt.as_dict()}")
    rows_a = _classify(rel, side_a, side_b, dst.taxid, src.name)
    rows_b = _classify(rel, side_b, side_a, src.taxid, dst.name)
    return {"tf": _ident(src_entry), "organism": src.name, "to": dst.name, "filter": flt.as_dict(),
            "orthologs": [_ident(e) for e in dst_tfs],
            "summary": [{"organism": src.name, **_counts(rows_a)}, {"organism": dst.name, **_counts(rows_b)}],
            "rows": sorted(rows_a + rows_b, key=lambda r: (STATUSES.index(r["status"]), r["organism"] != src.name,
                                                          r["name"].lower(), r["uniprot"]))}


def _ident(e: dict[str, Any]) -> dict[str, Any]:
    return {"uniprot": e["uniprot"], "name": label(e["uniprot"], e["name"]),
            "organism": model.organism(e["taxid"]).name, "targets": e.get("n_as_tf")}


def _ortholog_tfs(rel: Release, entry: dict[str, Any], src: model.Organism,
                  dst: model.Organism) -> list[dict[str, Any]]:
    """The TF's orthologs in `dst` that are entries of the release and regulate something."""
    pairs = sql.ortholog_pairs(rel, [entry["id"]], dst.taxid)
    name = label(entry["uniprot"], entry["name"])
    if not pairs:
        raise BadParameter("tf", f"{name} ({src.name}) has no ortholog in {dst.name} in this release")
    in_release = rel.entries_by_id(sorted({oid for _, _, oid in pairs if oid is not None}))
    tfs = sorted((e for e in in_release if e["n_as_tf"] > 0), key=lambda e: (-e["n_as_tf"], e["uniprot"]))
    if not tfs:
        listed = ", ".join(sorted({u for _, u, _ in pairs}))
        raise BadParameter("tf", f"the {dst.name} ortholog(s) of {name} ({listed}) regulate nothing in this release")
    return tfs


def _targets(rel: Release, tf_ids: list[int], flt: EdgeFilter) -> dict[int, dict[str, Any]]:
    """target id -> target with the evidence of its edges from the given TFs (several orthologs: merged)."""
    out: dict[int, dict[str, Any]] = {}
    names = {e["id"]: label(e["uniprot"], e["name"]) for e in rel.entries_by_id(tf_ids)}
    for ed in sql.tf_edges(rel, tf_ids, *flt.args()):
        row = out.setdefault(ed["target_id"], {"uniprot": ed["uniprot"], "name": label(ed["uniprot"], ed["name"]),
                                               "edges": []})
        row["edges"].append({"tf": names.get(ed["tf_id"], "?"), **{k: ed[k] for k in EVIDENCE_KEYS}})
    return out


def _classify(rel: Release, mine: dict[int, dict[str, Any]], theirs: dict[int, dict[str, Any]], other_taxid: int,
              organism_name: str) -> list[dict[str, Any]]:
    """One row per target of `mine`, with its orthologs in the other organism and its status."""
    orth: dict[int, list[tuple[str, int | None]]] = {}
    for eid, uniprot, oid in sql.ortholog_pairs(rel, list(mine), other_taxid):
        orth.setdefault(eid, []).append((uniprot, oid))
    rows = []
    for tid, t in mine.items():
        os_ = orth.get(tid, [])
        matched = [theirs[oid] for _, oid in os_ if oid is not None and oid in theirs]
        status = "conserved" if matched else ("specific" if os_ else "unmappable")
        rows.append({"organism": organism_name, "uniprot": t["uniprot"], "name": t["name"], "status": status,
                     "orthologs": sorted({u for u, _ in os_}),
                     "conserved_with": sorted({m["name"] for m in matched}),
                     "small_scale": any(e["small_scale"] for e in t["edges"]),
                     "sources": sorted({s for e in t["edges"] for s in e["sources"]}), "edges": t["edges"]})
    rows.sort(key=lambda r: (STATUSES.index(r["status"]), r["name"].lower(), r["uniprot"]))
    return rows


def _counts(rows: list[dict[str, Any]]) -> dict[str, Any]:
    c = {s: sum(1 for r in rows if r["status"] == s) for s in STATUSES}
    mappable = c["conserved"] + c["specific"]
    return {"targets": len(rows), **c, "mappable": mappable,
            "conserved_share_of_mappable": round(c["conserved"] / mappable, 4) if mappable else None}

