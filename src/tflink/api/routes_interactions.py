"""REST API: interactions and binding sites across the release, filtered, with cursor pagination."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query

from ..query import interactions as q
from ..query import Release
from ..web.deps import release
from .models_core import BindingSitePage, InteractionPage
from .routes_entries import ERRORS, clean

router = APIRouter(prefix="/api/v1", tags=["interactions"], responses=ERRORS)

ORGANISM = Query(None, max_length=60, description="Organism: name, taxid, code (Hs) or common name (human)")
SCALE = Query("all", max_length=10, description="ss = small-scale evidence, ls = large-scale, all")
LIMIT = Query(100, description="Rows per page (at most TFLINK_PAGE_SIZE_MAX, default 1000)")
CURSOR = Query(None, max_length=40, description="The `next` value of the previous page")


@router.get("/interactions", response_model=InteractionPage, summary="TF → target interactions, filtered")
def list_interactions(
        organism: str | None = ORGANISM,
        tf: str | None = Query(None, max_length=100, description="The TF: UniProt AC, gene name or NCBI Gene ID"),
        target: str | None = Query(None, max_length=100, description="The target: UniProt AC, name or Gene ID"),
        source: str | None = Query(None, max_length=100, description="Supported by this source label, e.g. TRRUST"),
        method: str | None = Query(None, max_length=200, description="Detection method name"),
        sign: str | None = Query(None, max_length=20, description="activation | repression | unknown"),
        pmid: str | None = Query(None, max_length=20, description="Cites this PubMed ID"),
        scale: str = SCALE, limit: int = LIMIT, cursor: str | None = CURSOR,
        rel: Release = Depends(release)) -> dict[str, Any]:
    """Interactions in id order; follow `next` for more. Filters combine with AND."""
    flt = q.interaction_filter(rel, clean("organism", organism), clean("tf", tf), clean("target", target),
                               clean("source", source), clean("method", method), clean("sign", sign),
                               clean("pmid", pmid), clean("scale", scale))
    return q.interactions_page(rel, flt, limit, clean("cursor", cursor))


@router.get("/binding-sites", response_model=BindingSitePage, tags=["binding sites"],
            summary="TF binding sites, filtered by organism, TF and genomic range")
def list_binding_sites(
        organism: str | None = ORGANISM,
        tf: str | None = Query(None, max_length=100, description="The TF: UniProt AC, gene name or NCBI Gene ID"),
        chromosome: str | None = Query(None, max_length=60, description="e.g. chr1 (needed with start / end)"),
        start: int | None = Query(None, ge=0, le=2**31, description="Sites ending at or after this position"),
        end: int | None = Query(None, ge=0, le=2**31, description="Sites starting at or before this position"),
        scale: str = SCALE, limit: int = LIMIT, cursor: str | None = CURSOR,
        rel: Release = Depends(release)) -> dict[str, Any]:
    """Binding sites in id order; follow `next` for more."""
    flt = q.site_filter(rel, clean("organism", organism), clean("tf", tf), clean("chromosome", chromosome), start,
                        end, clean("scale", scale))
    return q.binding_sites_page(rel, flt, limit, clean("cursor", cursor))
