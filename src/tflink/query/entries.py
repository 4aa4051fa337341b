"""Entries: the documented entry JSON, its tables page by page, search, statistics and browse.

The CLI, the REST API and the HTML pages all call these functions; none of them touches the store directly.
"""
from __future__ import annotations

import json
import threading
from collections import OrderedDict
from typing import Any, Callable

from .. import model, settings
from ..errors import BadParameter, NotFound
from ..store import Page, Release, RowFilter

ROW_KEYS = ("uniprot", "name", "ncbi_gene_ids", "sources", "methods", "pmids", "small_scale", "sign")
SITE_KEYS = ("tflink_id", "assembly", "chromosome", "start", "end", "strand", "sources", "methods", "pmids",
             "small_scale", "overlaps")


def organism_of(key: str | int | None) -> model.Organism | None:
    """An organism from a user parameter, or None when not given; a bad value is a BadParameter."""
    if key is None or key == "":
        return None
    try:
        return model.organism(key)
    except model.UnknownOrganism as exc:
        raise BadParameter("organism", str(exc)) from exc


def get_entry(rel: Release, ac: str) -> dict[str, Any]:
    """The entry row of a UniProt AC (case-insensitive) or NotFound."""
    e = rel.entry(ac) if ac and len(ac) <= 20 else None
    if e is None:
        raise NotFound(f"no entry {ac!r} in this release; try `tflink search {ac}`")
    return e


def summary(rel: Release, e: dict[str, Any]) -> dict[str, Any]:
    """The entry's own fields in the documented shape (no tables)."""
    return {
        "uniprot": e["uniprot"],
        "name": e["name"],
        "ncbi_gene_ids": e["ncbi_gene_ids"],
        "organism": model.organism(e["taxid"]).name,
        "function": e["function"],
        "number_of_interactions": e["n_interactions"],
        "small_scale_evidence": e["small_scale"],
        "orthologs": [{"organism": model.organism(o["taxid"]).name, "uniprot": o["uniprot"],
                       "in_release": o["in_release"]} for o in rel.orthologs(e["id"])],
        "jaspar_matrices": e["jaspar_matrices"],
    }


def partner_row(r: dict[str, Any]) -> dict[str, Any]:
    return {k: r[k] for k in ROW_KEYS}


def site_row(r: dict[str, Any]) -> dict[str, Any]:
    return {k: r[k] for k in SITE_KEYS}


def entry_json(rel: Release, ac: str) -> dict[str, Any]:
    """The whole entry, every row of every table (no cap): the shape shared by `tflink entry --json` and the API."""
    e = get_entry(rel, ac)
    out = summary(rel, e)
    out["tfs"] = rel.all_partner_rows(e["id"], "tfs")
    out["targets"] = rel.all_partner_rows(e["id"], "targets")
    out["binding_sites"] = [site_row(r) for r in rel.sites(e["id"]).rows]
    return out


class _JsonCache:
    """Serialized entry JSON, least recently used first out, bounded in bytes. Safe because a release never
    changes; the key holds the release's build time so a replaced PostgreSQL schema is not served stale."""

    def __init__(self) -> None:
        self._items: OrderedDict[tuple[str, str, str], bytes] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get_or_make(self, key: tuple[str, str, str], make: Callable[[], bytes]) -> bytes:
        cap = settings.get_int("entry_cache_mb") << 20
        if cap <= 0:
            return make()
        with self._lock:
            hit = self._items.get(key)
            if hit is not None:
                self._items.move_to_end(key)
                return hit
        body = make()
        if len(body) <= cap:
            with self._lock:
                if key not in self._items:
                    self._items[key] = body
                    self._bytes += len(body)
                while self._bytes > cap and self._items:
                    _k, old = self._items.popitem(last=False)
                    self._bytes -= len(old)
        return body


_ENTRY_JSON = _JsonCache()


def entry_json_bytes(rel: Release, ac: str) -> bytes:
    """`entry_json` serialized (compact UTF-8 JSON), cached per release: what the API sends."""
    e = get_entry(rel, ac)
    key = (rel.location, str(rel.manifest.get("built_at", "")), e["uniprot"])
    return _ENTRY_JSON.get_or_make(key, lambda: json.dumps(entry_json(rel, e["uniprot"]), ensure_ascii=False,
                                                           separators=(",", ":")).encode())


def check_page(limit: int | None, offset: int) -> None:
    top = settings.get_int("page_size_max")
    if limit is not None and not 1 <= limit <= top:
        raise BadParameter("limit", f"must be between 1 and {top}")
    if offset < 0:
        raise BadParameter("offset", "must be 0 or more")


def entry_table(rel: Release, ac: str, table: str, flt: RowFilter | None = None, sort: str | None = None,
                desc: bool = False, limit: int | None = 25, offset: int = 0) -> tuple[dict[str, Any], Page]:
    """One page of an entry table: table = targets | tfs | binding_sites. Returns (entry row, page)."""
    check_page(limit, offset)
    e = get_entry(rel, ac)
    if table in ("targets", "tfs"):
        return e, rel.partners(e["id"], table, flt, sort, desc, limit, offset)
    if table == "binding_sites":
        return e, rel.sites(e["id"], flt, sort, desc, limit, offset)
    raise BadParameter("table", "expected targets, tfs or binding_sites")


def search(rel: Release, text: str, organism: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
    """Entries matching names, synonyms, UniProt ACs, NCBI Gene IDs and other IDs; exact matches first."""
    if not 1 <= limit <= 200:
        raise BadParameter("limit", "must be between 1 and 200")
    org = organism_of(organism)
    hits = rel.search(text, org.taxid if org else None, limit)
    return [{"uniprot": h["uniprot"], "name": h["name"], "ncbi_gene_ids": h["ncbi_gene_ids"],
             "organism": model.organism(h["taxid"]).name, "function": h["function"],
             "number_of_interactions": h["n_interactions"], "matched": h["matched"], "match_kind": h["match_kind"],
             "exact": h["exact"]} for h in hits]


def stats(rel: Release) -> list[dict[str, Any]]:
    """Release statistics per organism x small-scale / large-scale / total."""
    order = {o.taxid: i for i, o in enumerate(model.ORGANISMS)}
    scales = {"small-scale": 0, "large-scale": 1, "total": 2}
    rows = sorted(rel.stats(), key=lambda s: (order.get(s["taxid"], 99), scales.get(s["scale"], 9)))
    return [{"organism": model.organism(s["taxid"]).name, **s} for s in rows]


def browse(rel: Release, organism: str, *, name: str | None = None, uniprot: str | None = None,
           ncbi: str | None = None, function: str | None = None, small_scale: bool | None = None,
           min_interactions: int | None = None, max_interactions: int | None = None, sort: str | None = None,
           desc: bool = False, limit: int | None = 25, offset: int = 0) -> Page:
    """One page of the browse table of an organism, filtered and sorted server-side."""
    org = organism_of(organism)
    if org is None:
        raise BadParameter("organism", "choose an organism")
    if function and function not in model.FUNCTIONS:
        raise BadParameter("function", f"expected one of: {', '.join(model.FUNCTIONS)}")
    check_page(limit, offset)
    return rel.browse(org.taxid, name=name, uniprot=uniprot, ncbi=ncbi, function=function, small_scale=small_scale,
                      min_n=min_interactions, max_n=max_interactions, sort=sort, desc=desc, limit=limit,
                      offset=offset)


def browse_row(e: dict[str, Any]) -> dict[str, Any]:
    return {"name": e["name"], "uniprot": e["uniprot"], "ncbi_gene_ids": e["ncbi_gene_ids"],
            "function": e["function"], "small_scale_evidence": e["small_scale"],
            "number_of_interactions": e["n_interactions"]}
