"""REST API: entries (whole entry JSON, its tables page by page, batch identifier mapping), organisms,
statistics and the release manifest. Thin handlers over :mod:`tflink.query`."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Path, Query, Response

from ..errors import BadParameter
from ..query import entries as q
from ..query.identifiers import map_identifiers, parse_identifier_list
from ..query.interactions import organisms, release_info
from ..query import Release, RowFilter
from ..web.deps import release
from .models_core import (BatchIn, BatchOut, EntryOut, ErrorOut, OrganismOut, PartnerPage, ReleaseOut, SitePage,
                          StatOut)

ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": ErrorOut}, 404: {"model": ErrorOut},
                                           413: {"model": ErrorOut}, 503: {"model": ErrorOut}}
router = APIRouter(prefix="/api/v1", tags=["entries"], responses=ERRORS)
AC = Path(description="UniProt accession, e.g. Q15672 (TWIST1); case-insensitive", max_length=20)


def clean(param: str, value: str | None) -> str | None:
    """Refuse text no database can hold (NUL, over-long) before it reaches the store."""
    if value is None:
        return None
    if "\x00" in value or len(value) > 1000:
        raise BadParameter(param, "contains a NUL character or is longer than 1000 characters")
    return value


@router.get("/entries/{ac}", response_model=EntryOut, summary="One entry with every row of its tables")
def get_entry(ac: str = AC, rel: Release = Depends(release)) -> Response:
    """The entry JSON: identifiers, function, orthologs, JASPAR matrices, and all its TFs, targets and binding
    sites (no 100-row cap). For big entries use the paged tables below."""
    # The query layer builds exactly the documented shape (tested against EntryOut) and caches it serialized;
    # returning it directly skips a second validation of thousands of rows.
    return Response(q.entry_json_bytes(rel, clean("ac", ac) or ""), media_type="application/json")


def _table(rel: Release, ac: str, table: str, limit: int, offset: int, sort: str | None, desc: bool,
           small_scale_only: bool, source: str | None, method: str | None, q_text: str | None) -> dict[str, Any]:
    flt = RowFilter(small_scale_only=small_scale_only, source=clean("source", source),
                    method=clean("method", method), text=clean("q", q_text))
    e, page = q.entry_table(rel, clean("ac", ac) or "", table, flt, clean("sort", sort), desc, limit, offset)
    to_row = q.site_row if table == "binding_sites" else q.partner_row
    nxt = offset + limit if offset + limit < page.total else None
    return {"entry": q.summary(rel, e), "table": table, "total": page.total, "limit": limit, "offset": offset,
            "next_offset": nxt, "rows": [to_row(r) for r in page.rows]}


LIMIT = Query(25, description="Rows per page (at most TFLINK_PAGE_SIZE_MAX, default 1000)")
OFFSET = Query(0, ge=0, le=10**9, description="Rows to skip")
SORT = Query(None, max_length=40, description="Column to sort by (name, uniprot, ncbi, sources, methods, "
                                              "small_scale, sign; sites: tflink_id, chromosome, start, end, …)")
DESC = Query(False, description="Sort descending")
SS_ONLY = Query(False, description="Only rows with small-scale evidence")
SOURCE = Query(None, max_length=100, description="Only rows supported by this source (e.g. TRRUST)")
METHOD = Query(None, max_length=200, description="Only rows with this detection method")
TEXT = Query(None, max_length=100, description="Substring filter on the partner's name, UniProt AC or NCBI ID")


@router.get("/entries/{ac}/targets", response_model=PartnerPage, summary="Targets of a TF, paged")
def entry_targets(ac: str = AC, limit: int = LIMIT, offset: int = OFFSET, sort: str | None = SORT,
                  desc: bool = DESC, small_scale_only: bool = SS_ONLY, source: str | None = SOURCE,
                  method: str | None = METHOD, q: str | None = TEXT,
                  rel: Release = Depends(release)) -> dict[str, Any]:
    return _table(rel, ac, "targets", limit, offset, sort, desc, small_scale_only, source, method, q)


@router.get("/entries/{ac}/tfs", response_model=PartnerPage, summary="Transcription factors of an entry, paged")
def entry_tfs(ac: str = AC, limit: int = LIMIT, offset: int = OFFSET, sort: str | None = SORT, desc: bool = DESC,
              small_scale_only: bool = SS_ONLY, source: str | None = SOURCE, method: str | None = METHOD,
              q: str | None = TEXT, rel: Release = Depends(release)) -> dict[str, Any]:
    return _table(rel, ac, "tfs", limit, offset, sort, desc, small_scale_only, source, method, q)


@router.get("/entries/{ac}/binding_sites", response_model=SitePage, summary="Binding sites of a TF, paged")
def entry_sites(ac: str = AC, limit: int = LIMIT, offset: int = OFFSET, sort: str | None = SORT,
                desc: bool = DESC, small_scale_only: bool = SS_ONLY, source: str | None = SOURCE,
                method: str | None = METHOD, q: str | None = TEXT,
                rel: Release = Depends(release)) -> dict[str, Any]:
    return _table(rel, ac, "binding_sites", limit, offset, sort, desc, small_scale_only, source, method, q)


@router.post("/entries/batch", response_model=BatchOut, summary="Map a list of identifiers to entries")
def entries_batch(body: BatchIn, rel: Release = Depends(release)) -> dict[str, Any]:
    """Identifiers in any namespace → entries, with a report per identifier (found, via synonym, ambiguous,
    not found). At most TFLINK_BATCH_MAX identifiers (default 5000); more is refused with 413."""
    ids = [clean("identifiers", i) or "" for i in (body.identifiers or [])]
    if body.text:
        ids += parse_identifier_list(clean("text", body.text[:10**6]) or "")
    ids = [i.strip() for i in ids if i and i.strip()]
    return map_identifiers(rel, list(dict.fromkeys(ids)), clean("organism", body.organism)).as_dict()


@router.get("/organisms", response_model=list[OrganismOut], tags=["release"], summary="The seven organisms")
def get_organisms(rel: Release = Depends(release)) -> list[dict[str, Any]]:
    return organisms(rel)


@router.get("/stats", response_model=list[StatOut], tags=["release"],
            summary="Statistics per organism × small-scale / large-scale / total")
def get_stats(rel: Release = Depends(release)) -> list[dict[str, Any]]:
    return q.stats(rel)


@router.get("/release", response_model=ReleaseOut, tags=["release"], summary="The release manifest and limits")
def get_release(rel: Release = Depends(release)) -> dict[str, Any]:
    return release_info(rel)
