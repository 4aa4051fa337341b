"""API: the analyses — TF enrichment of a gene list, common targets of TFs, cross-species comparison.

Each analysis answers as JSON, as a TSV download (`.tsv`) and, where it has one, as a figure (`.png` / `.svg`).
"""
from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Body, Depends, Query
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from .. import settings
from ..errors import BadParameter
from ..query.analyses import common_targets, cross_species, enrichment, plots, tables
from ..query.identifiers import parse_identifier_list
from ..query import Release
from ..web.deps import release

router = APIRouter(prefix="/api/v1/analysis", tags=["analyses"])
Fmt = Literal["json", "tsv", "png", "svg"]
SCALE_DOC = "evidence: all, ss (small-scale) or ls (large-scale); small and large are accepted too"


class EnrichmentRequest(BaseModel):
    """A TF enrichment request (POST body)."""

    genes: list[str] | str = Field(..., description="gene identifiers (any namespace): a list or one text")
    organism: str = Field(..., description="organism name, taxid, code or common name")
    scale: str = Field("all", description=SCALE_DOC)
    sources: list[str] = Field(default_factory=list, description="only edges from any of these sources")
    sign: str | None = Field(None, description="activation, repression or unknown")
    background: list[str] | str | None = Field(None, description="background genes (default: every target gene)")
    limit: int | None = Field(100, description="rows returned (statistics always cover every TF)")
    min_overlap: int = Field(1, ge=0, description="only rows with at least this overlap")


def _ids(value: list[str] | str | None) -> list[str]:
    if value is None:
        return []
    text = value if isinstance(value, str) else "\n".join(value)
    return parse_identifier_list(text)


def _download(body: str | bytes, media: str, filename: str) -> Response:
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _run_enrichment(rel: Release, req: EnrichmentRequest, fmt: str) -> Response:
    top = settings.get_int("page_size_max")
    if req.limit is not None and not 1 <= req.limit <= top and fmt == "json":
        raise BadParameter("limit", f"must be between 1 and {top}")
    limit = req.limit if fmt == "json" else None
    result = enrichment(rel, _ids(req.genes), req.organism, req.scale, req.sources, req.sign,
                        _ids(req.background) or None, limit=limit, min_overlap=req.min_overlap)
    if fmt == "tsv":
        return _download(tables.enrichment_tsv(result), "text/tab-separated-values; charset=utf-8",
                         "tflink_enrichment.tsv")
    if fmt in plots.FORMATS:
        return _download(plots.enrichment_chart(result, fmt), plots.FORMATS[fmt], f"tflink_enrichment.{fmt}")
    return JSONResponse(result)


@router.get("/enrichment", summary="TF enrichment of a gene list (JSON)")
def enrichment_get(genes: str = Query(..., description="identifiers separated by commas, spaces or new lines"),
                   organism: str = Query(...), scale: str = Query("all", description=SCALE_DOC),
                   source: list[str] = Query([], description="repeatable"), sign: str | None = Query(None),
                   background: str | None = Query(None), limit: int = Query(100),
                   min_overlap: int = Query(1, ge=0), rel: Release = Depends(release)) -> Response:
    """For every TF: overlap with the list, one-sided Fisher exact p, odds ratio, BH q-value, overlapping genes."""
    req = EnrichmentRequest(genes=genes, organism=organism, scale=scale, sources=source, sign=sign,
                            background=background, limit=limit, min_overlap=min_overlap)
    return _run_enrichment(rel, req, "json")


@router.post("/enrichment", summary="TF enrichment of a gene list (JSON body)")
def enrichment_post(req: EnrichmentRequest = Body(...), rel: Release = Depends(release)) -> Response:
    """As GET, for long lists: the request is a JSON body."""
    return _run_enrichment(rel, req, "json")


@router.get("/enrichment.{fmt}", summary="TF enrichment as TSV (all rows) or a bar chart (PNG / SVG)")
def enrichment_file_get(fmt: Fmt, genes: str = Query(...), organism: str = Query(...), scale: str = Query("all"),
                        source: list[str] = Query([]), sign: str | None = Query(None),
                        background: str | None = Query(None), min_overlap: int = Query(1, ge=0),
                        rel: Release = Depends(release)) -> Response:
    req = EnrichmentRequest(genes=genes, organism=organism, scale=scale, sources=source, sign=sign,
                            background=background, limit=None, min_overlap=min_overlap)
    return _run_enrichment(rel, req, fmt)


@router.post("/enrichment.{fmt}", summary="TF enrichment as TSV or a chart (JSON body)")
def enrichment_file_post(fmt: Fmt, req: EnrichmentRequest = Body(...), rel: Release = Depends(release)) -> Response:
    return _run_enrichment(rel, req, fmt)


def _tf_list(tfs: list[str]) -> list[str]:
    return [t for item in tfs for t in parse_identifier_list(item)]


@router.get("/common-targets", summary="Common targets of two or more TFs (JSON)")
def common_targets_get(tfs: list[str] = Query(..., description="TF identifiers: repeat, or separate by commas"),
                       organism: str | None = Query(None), scale: str = Query("all", description=SCALE_DOC),
                       source: list[str] = Query([]), sign: str | None = Query(None),
                       rows: Literal["shared", "all"] = Query("shared", description="targets of >= 2 TFs, or all"),
                       rel: Release = Depends(release)) -> dict[str, Any]:
    """Intersection, union, unique targets per TF, pairwise Jaccard, exclusive intersections, shared-target
    network and the evidence of every edge."""
    result = common_targets(rel, _tf_list(tfs), organism, scale, source, sign)
    if rows == "shared":
        result["rows"] = [r for r in result["rows"] if r["n_tfs"] >= 2]
    return result


@router.get("/common-targets.{fmt}", summary="Common targets as TSV (every target) or an UpSet chart")
def common_targets_file(fmt: Fmt, tfs: list[str] = Query(...), organism: str | None = Query(None),
                        scale: str = Query("all"), source: list[str] = Query([]), sign: str | None = Query(None),
                        rel: Release = Depends(release)) -> Response:
    result = common_targets(rel, _tf_list(tfs), organism, scale, source, sign)
    if fmt == "tsv":
        return _download(tables.common_targets_tsv(result), "text/tab-separated-values; charset=utf-8",
                         "tflink_common_targets.tsv")
    if fmt in plots.FORMATS:
        return _download(plots.upset_chart(result, fmt), plots.FORMATS[fmt], f"tflink_common_targets.{fmt}")
    return JSONResponse(result)


@router.get("/common-targets/venn.svg", summary="Venn diagram of 2 or 3 TFs' target sets (SVG)")
def common_targets_venn(tfs: list[str] = Query(...), organism: str | None = Query(None), scale: str = Query("all"),
                        source: list[str] = Query([]), sign: str | None = Query(None),
                        rel: Release = Depends(release)) -> Response:
    result = common_targets(rel, _tf_list(tfs), organism, scale, source, sign)
    return Response(plots.venn_svg(result), media_type="image/svg+xml")


@router.get("/cross-species", summary="Targets of a TF vs its ortholog(s) in another organism (JSON)")
def cross_species_get(tf: str = Query(..., description="TF identifier"),
                      to: str = Query(..., description="organism to compare with"),
                      organism: str | None = Query(None, description="organism of the TF"),
                      scale: str = Query("all", description=SCALE_DOC), source: list[str] = Query([]),
                      sign: str | None = Query(None), rel: Release = Depends(release)) -> dict[str, Any]:
    """Conserved, species-specific and unmappable targets on both sides, mapped through the ortholog table."""
    return cross_species(rel, tf, to, organism, scale, source, sign)


@router.get("/cross-species.{fmt}", summary="Cross-species comparison as TSV")
def cross_species_file(fmt: Literal["json", "tsv"], tf: str = Query(...), to: str = Query(...),
                       organism: str | None = Query(None), scale: str = Query("all"), source: list[str] = Query([]),
                       sign: str | None = Query(None), rel: Release = Depends(release)) -> Response:
    result = cross_species(rel, tf, to, organism, scale, source, sign)
    if fmt == "tsv":
        return _download(tables.cross_species_tsv(result), "text/tab-separated-values; charset=utf-8",
                         "tflink_cross_species.tsv")
    return JSONResponse(result)
