"""Fields derived at build time (TFLink's rules), computed in SQL over the loaded release."""
from __future__ import annotations

from typing import Any, Iterable, Iterator

from .. import model
from ..model import Entry
from .backend import Db


def merge_entry(old: Entry, new: Entry) -> None:
    """Fold `new` into `old`: non-empty fields of `new` win; lists are united."""
    if new.name and new.name != "-":
        old.name = new.name
    if new.ncbi_gene_ids:
        old.ncbi_gene_ids = new.ncbi_gene_ids
    old.synonyms = _union(old.synonyms, new.synonyms)
    old.xrefs = _union(old.xrefs, new.xrefs)
    old.jaspar_matrices = _union(old.jaspar_matrices, new.jaspar_matrices)
    for f in ("declared_function", "declared_interactions", "declared_small_scale"):
        if getattr(new, f) is not None:
            setattr(old, f, getattr(new, f))


def _union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*a, *b)))


def lookup_rows(entries: Iterable[Entry], ids: dict[str, int]) -> Iterator[tuple[str, int, str, int]]:
    """Search terms of every entry, lower-cased: (term, entry_id, kind, taxid)."""
    for e in entries:
        eid = ids[e.uniprot]
        seen: set[str] = set()
        terms = [(e.uniprot, "uniprot")]
        if e.name and e.name != "-":
            terms.append((e.name, "name"))
            terms += [(part, "name") for part in e.name.split("; ") if part != e.name]
        terms += [(g, "ncbi") for g in e.ncbi_gene_ids]
        terms += [(s, "synonym") for s in e.synonyms]
        terms += [(x, "xref") for x in e.xrefs]
        for term, kind in terms:
            t = term.strip().lower()
            if t and t not in seen:
                seen.add(t)
                yield (t, eid, kind, e.taxid)


def merge_duplicate_interactions(db: Db) -> int:
    """Make (tf, target) unique: merge rows of the same pair that came from several input files.

    The pair index is built first, so finding duplicates is one ordered pass over it."""
    db.execute("CREATE INDEX interaction_pair ON interaction (tf_id, target_id)")
    pairs = db.fetchall("SELECT tf_id, target_id FROM interaction GROUP BY tf_id, target_id HAVING COUNT(*) > 1")
    for tf_id, target_id in pairs:
        rows = db.fetchall("SELECT id, sources, methods, pmids, small_scale, large_scale, sign, source_mask "
                           "FROM interaction WHERE tf_id = ? AND target_id = ? ORDER BY id", (tf_id, target_id))
        keep = rows[0][0]
        merged = _merge_rows(rows)
        db.execute("DELETE FROM interaction WHERE tf_id = ? AND target_id = ? AND id <> ?", (tf_id, target_id, keep))
        db.execute("UPDATE interaction SET sources = ?, methods = ?, pmids = ?, small_scale = ?, large_scale = ?, "
                   "sign = ?, source_mask = ? WHERE id = ?", (*merged, keep))
    return len(pairs)


def _merge_rows(rows: list[tuple]) -> tuple[Any, ...]:
    sources: set[str] = set()
    methods: set[str] = set()
    pmids: list[str] = []
    ss = ls = mask = 0
    signs: set[str] = set()
    for _id, s, m, p, r_ss, r_ls, sign, r_mask in rows:
        sources.update(x for x in s.split(";") if x)
        methods.update(x for x in m.split(";") if x)
        pmids.extend(x for x in p.split(";") if x and x not in pmids)
        ss, ls, mask = max(ss, r_ss), max(ls, r_ls), mask | r_mask
        if sign:
            signs.add(sign)
    return (";".join(sorted(sources)), ";".join(sorted(methods)), ";".join(pmids), ss, ls,
            model.merge_signs(signs), mask)


def entry_counts(db: Db) -> None:
    """Counts, function and small-scale flag of every entry that takes part in an interaction."""
    db.execute("UPDATE entry SET n_as_tf = (SELECT COUNT(*) FROM interaction i WHERE i.tf_id = entry.id), "
               "n_as_target = (SELECT COUNT(*) FROM interaction i WHERE i.target_id = entry.id)")
    db.execute(
        "UPDATE entry SET n_interactions = n_as_tf + n_as_target, "
        f"function = CASE WHEN n_as_tf > 0 AND n_as_target > 0 THEN '{model.FUNCTION_BOTH}' "
        f"WHEN n_as_tf > 0 THEN '{model.FUNCTION_TF}' ELSE '{model.FUNCTION_TARGET}' END, "
        "small_scale = CASE WHEN EXISTS (SELECT 1 FROM interaction i WHERE i.tf_id = entry.id AND i.small_scale = 1) "
        "OR EXISTS (SELECT 1 FROM interaction i WHERE i.target_id = entry.id AND i.small_scale = 1) THEN 1 ELSE 0 END "
        "WHERE n_as_tf + n_as_target > 0")


def ortholog_links(db: Db) -> None:
    db.execute("UPDATE ortholog SET other_id = (SELECT e.id FROM entry e WHERE e.uniprot = ortholog.other_uniprot)")


def stats(db: Db) -> list[dict[str, Any]]:
    """Per organism x scale: TFs, targets, interactions, binding sites (located), sequences (all site records)."""
    out: list[dict[str, Any]] = []
    scales = (("small-scale", "small_scale = 1"), ("large-scale", "large_scale = 1"), ("total", "1 = 1"))
    site_scales = {"small-scale": "small_scale = 1", "large-scale": "small_scale = 0", "total": "1 = 1"}
    entries = dict(db.fetchall("SELECT taxid, COUNT(*) FROM entry GROUP BY taxid"))
    taxids = sorted(set(entries), key=lambda t: [o.taxid for o in model.ORGANISMS].index(t)
                    if t in {o.taxid for o in model.ORGANISMS} else 99)
    for scale, where in scales:
        inter = {r[0]: r[1:] for r in db.fetchall(
            f"SELECT taxid, COUNT(DISTINCT tf_id), COUNT(DISTINCT target_id), COUNT(*) FROM interaction "
            f"WHERE {where} GROUP BY taxid")}
        sites = {r[0]: r[1:] for r in db.fetchall(
            f"SELECT taxid, SUM(CASE WHEN chromosome IS NOT NULL THEN 1 ELSE 0 END), COUNT(*) FROM site "
            f"WHERE {site_scales[scale]} GROUP BY taxid")}
        for taxid in taxids:
            tfs, targets, n = inter.get(taxid, (0, 0, 0))
            located, seqs = sites.get(taxid, (0, 0))
            out.append({"taxid": taxid, "organism": model.organism(taxid).name, "scale": scale,
                        "tfs": int(tfs), "targets": int(targets), "interactions": int(n),
                        "binding_sites": int(located or 0), "binding_sequences": int(seqs or 0),
                        "entries": int(entries.get(taxid, 0)) if scale == "total" else 0})
    db.insert_rows("stats", ("taxid", "scale", "tfs", "targets", "interactions", "sites", "sequences", "entries"),
                   [(c["taxid"], c["scale"], c["tfs"], c["targets"], c["interactions"], c["binding_sites"],
                     c["binding_sequences"], c["entries"]) for c in out])
    return out


def count(db: Db, table: str) -> int:
    row = db.fetchone(f"SELECT COUNT(*) FROM {table}")
    return int(row[0]) if row else 0
