"""Interactions and binding sites across a release, filtered, with keyset (cursor) pagination.

The REST API and the exports share these filters: organism, TF, target, source, method, sign, PubMed ID and
scale. A page is fetched with `limit + 1` rows so that `next` (a cursor) is given only when there is more.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .. import model, settings
from ..errors import BadParameter
from ..exports.common import interaction_record, site_record
from ..store import Release
from ..store import exports_sql as sql
from .entries import organism_of
from .exports import parse_scale

MAX_IDS_PER_NAME = 50  # a gene name matching more entries than this is too vague to filter by


def parse_cursor(cursor: str | None) -> int | None:
    """The opaque `next` cursor of a previous page (the last row id), or None for the first page."""
    if cursor is None or cursor == "":
        return None
    if not cursor.isdigit() or len(cursor) > 18:
        raise BadParameter("cursor", "not a cursor of this API; pass the `next` value of the previous page")
    return int(cursor)


def check_limit(limit: int) -> int:
    top = settings.get_int("page_size_max")
    if not 1 <= limit <= top:
        raise BadParameter("limit", f"must be between 1 and {top} (the page-size limit)")
    return limit


def resolve_entries(rel: Release, value: str, param: str, taxid: int | None) -> list[int]:
    """Entry ids of a UniProt AC, gene name or other identifier (exact match); a BadParameter if none."""
    v = (value or "").strip()
    if not v or len(v) > 100:
        raise BadParameter(param, "give a UniProt accession, gene name or NCBI Gene ID")
    e = rel.entry(v)
    if e is not None and (taxid is None or e["taxid"] == taxid):
        return [e["id"]]
    hits = rel.lookup_terms([v], taxid).get(v.lower(), [])
    direct = sorted({eid for eid, kind in hits if kind in ("uniprot", "name", "ncbi", "xref")})
    ids = direct or sorted({eid for eid, _kind in hits})
    if not ids:
        raise BadParameter(param, f"no entry {v!r} in this release" + (" for that organism" if taxid else ""))
    if len(ids) > MAX_IDS_PER_NAME:
        raise BadParameter(param, f"{v!r} names {len(ids)} entries; give a UniProt accession")
    return ids


def interaction_filter(rel: Release, organism: str | None = None, tf: str | None = None,
                       target: str | None = None, source: str | None = None, method: str | None = None,
                       sign: str | None = None, pmid: str | None = None, scale: str | None = "all") -> sql.InteractionFilter:
    """Validate user filters into a store filter (unknown values are BadParameters naming the parameter)."""
    org = organism_of(organism)
    taxid = org.taxid if org else None
    f = sql.InteractionFilter(taxid=taxid, scale=parse_scale(scale))
    if tf:
        f.tf_ids = resolve_entries(rel, tf, "tf", taxid)
    if target:
        f.target_ids = resolve_entries(rel, target, "target", taxid)
    if source:
        bit = rel.source_bits.get(source)
        if bit is None:
            raise BadParameter("source", f"unknown source {source!r}; this release has: "
                               + ", ".join(sorted(rel.source_bits)))
        f.source_bit = bit
    if method:
        if ";" in method or len(method) > 200:
            raise BadParameter("method", "give one detection-method name, e.g. chromatin immunoprecipitation assay")
        f.method = method
    if sign:
        if sign not in model.SIGNS:
            raise BadParameter("sign", f"expected one of: {', '.join(model.SIGNS)}")
        f.sign = sign
    if pmid:
        if not pmid.isdigit() or len(pmid) > 12:
            raise BadParameter("pmid", "a PubMed ID is a number, e.g. 29087512")
        f.pmid = pmid
    return f


def _keyset_page(fetch: Callable[..., Iterable[tuple]], to_record: Callable[[tuple], dict[str, Any]], id_pos: int,
                 limit: int, cursor: str | None) -> dict[str, Any]:
    """One keyset page: fetch limit + 1 rows after the cursor to know whether there is a next page."""
    check_limit(limit)
    rows = list(fetch(after=parse_cursor(cursor), limit=limit + 1))
    more = len(rows) > limit
    rows = rows[:limit]
    return {"rows": [to_record(r) for r in rows], "limit": limit,
            "next": str(rows[-1][id_pos]) if more and rows else None}


def interactions_page(rel: Release, flt: sql.InteractionFilter, limit: int = 100,
                      cursor: str | None = None) -> dict[str, Any]:
    """One page of interactions by id: {rows, next, limit}."""
    return _keyset_page(lambda **kw: sql.interactions(rel, flt, **kw), interaction_record, sql.I_ID, limit, cursor)


def site_filter(rel: Release, organism: str | None = None, tf: str | None = None, chromosome: str | None = None,
                start: int | None = None, end: int | None = None, scale: str | None = "all") -> sql.SiteFilter:
    org = organism_of(organism)
    taxid = org.taxid if org else None
    f = sql.SiteFilter(taxid=taxid, scale=parse_scale(scale), chromosome=(chromosome or "").strip() or None,
                       start=start, end=end)
    if tf:
        f.tf_ids = resolve_entries(rel, tf, "tf", taxid)
    if (start is not None or end is not None) and not f.chromosome:
        raise BadParameter("chromosome", "a start / end range needs a chromosome, e.g. chromosome=chr1")
    if start is not None and end is not None and end < start:
        raise BadParameter("end", "must not be smaller than start")
    return f


def binding_sites_page(rel: Release, flt: sql.SiteFilter, limit: int = 100,
                       cursor: str | None = None) -> dict[str, Any]:
    """One page of binding sites by id: {rows, next, limit}."""
    return _keyset_page(lambda **kw: sql.sites(rel, flt, **kw), site_record, sql.S_ID, limit, cursor)


def organisms(rel: Release) -> list[dict[str, Any]]:
    """The seven TFLink organisms, with this release's totals (zero when it has no data of one)."""
    totals = {s["taxid"]: s for s in rel.stats() if s["scale"] == "total"}
    out = []
    for o in model.ORGANISMS:
        t = totals.get(o.taxid, {})
        out.append({"name": o.name, "taxid": o.taxid, "code": o.code, "file_id": o.file_id,
                    "assemblies": list(o.assemblies), "in_release": bool(t.get("interactions") or t.get("binding_sequences")),
                    "entries": int(t.get("entries", 0)), "interactions": int(t.get("interactions", 0)),
                    "binding_sites": int(t.get("binding_sites", 0))})
    return out


def release_info(rel: Release) -> dict[str, Any]:
    """The release manifest (inputs with versions and checksums, counts, build report) plus the limits."""
    m = dict(rel.manifest)
    m.setdefault("version", None)
    m["backend"] = rel.dialect
    m["limits"] = {"page_size_max": settings.get_int("page_size_max"), "batch_max": settings.get_int("batch_max"),
                   "network_max": settings.get_int("network_max")}
    return m
