"""API: search autocomplete and an entry's network neighbourhood (used by the HTML gateway, documented in /api/v1)."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query

from ..query import entries, network
from ..query import Release
from ..web.deps import release

router = APIRouter(prefix="/api/v1", tags=["search"])


@router.get("/search", summary="Search entries (autocomplete)")
def search(q: str = Query(..., min_length=1, max_length=100, description="gene name, synonym, UniProt AC, NCBI Gene ID"),
           organism: str | None = Query(None, description="organism name, taxid, code or common name"),
           limit: int = Query(10, ge=1, le=200), rel: Release = Depends(release)) -> dict[str, Any]:
    """Entries whose identifiers equal or start with `q`, exact matches first, in every organism unless given."""
    return {"query": q, "results": entries.search(rel, q, organism, limit)}


@router.get("/entries/{ac}/network", summary="Network neighbourhood of an entry (Cytoscape.js elements)")
def entry_network(ac: str, depth: int = Query(1, ge=1, le=2), max_nodes: int = Query(100, ge=2),
                  small_scale_only: bool = Query(False), source: str | None = Query(None, max_length=100),
                  rel: Release = Depends(release)) -> dict[str, Any]:
    """TFs and targets of the entry (depth 1) and theirs (depth 2), at most `max_nodes` nodes: small-scale first."""
    return network.neighbourhood(rel, ac, depth, max_nodes, small_scale_only, source)
