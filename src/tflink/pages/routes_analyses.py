"""HTML pages of the analyses: /analysis/enrichment, /analysis/common-targets, /analysis/cross-species.

Each page is a form; once filled, the handler calls the same query function as the CLI and the API and hands the
result (plus figures as data URIs) to one template. A user mistake re-shows the form with the message (HTTP 400).
"""
from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from .. import model
from ..errors import TflinkError
from ..query.analyses import common_targets, cross_species, enrichment, plots, tables
from ..query.identifiers import parse_identifier_list
from ..query import Release
from ..web.deps import release
from .render import render

router = APIRouter(include_in_schema=False)
ROWS_SHOWN = 100
FILTER_KEYS = ("organism", "scale", "source", "sign")


def _data_uri(data: bytes, media: str) -> str:
    return f"data:{media};base64,{base64.b64encode(data).decode('ascii')}"


async def _params(request: Request) -> dict[str, Any]:
    """Form fields (POST) or query parameters (GET) as a dict; `source` may repeat."""
    data = await request.form() if request.method == "POST" else request.query_params
    out: dict[str, Any] = {k: (data.get(k) or "").strip() for k in data}
    out["source"] = [s for s in data.getlist("source") if s]
    return out


def _form_context(rel: Release, p: dict[str, Any]) -> dict[str, Any]:
    return {"p": p, "organisms": [o.name for o in model.ORGANISMS], "sources": sorted(rel.source_bits),
            "signs": model.SIGNS, "scales": (("all", "all evidence"), ("small", "small-scale"),
                                             ("large", "large-scale"))}


def _page(request: Request, rel: Release, template: str, p: dict[str, Any], run: Callable[[], dict[str, Any]],
          ready: bool) -> HTMLResponse:
    """Render the form, with the result of `run()` when the form was filled, or its error message."""
    ctx = _form_context(rel, p)
    if not ready:
        return render(request, template, result=None, error=None, **ctx)
    try:
        extra = run()
    except TflinkError as exc:
        return render(request, template, status_code=exc.http_status, result=None, error=str(exc), **ctx)
    return render(request, template, error=None, **ctx, **extra)


def _enrichment_args(p: dict[str, Any]) -> dict[str, Any]:
    return {"genes": parse_identifier_list(p.get("genes", "")), "organism": p.get("organism") or "",
            "scale": p.get("scale") or "all", "sources": p["source"], "sign": p.get("sign") or None,
            "background": parse_identifier_list(p.get("background", "")) or None}


@router.api_route("/analysis/enrichment", methods=["GET", "POST"], response_class=HTMLResponse)
async def enrichment_page(request: Request, rel: Release = Depends(release)) -> Response:
    """TF enrichment of a pasted gene list; `download=tsv|png|svg` returns the file instead of the page."""
    p = await _params(request)
    download = p.get("download", "")
    if download:
        result = enrichment(rel, **_enrichment_args(p))
        if download == "tsv":
            return Response(tables.enrichment_tsv(result), media_type="text/tab-separated-values; charset=utf-8",
                            headers={"Content-Disposition": 'attachment; filename="tflink_enrichment.tsv"'})
        fmt = plots.check_format(download)
        return Response(plots.enrichment_chart(result, fmt), media_type=plots.FORMATS[fmt],
                        headers={"Content-Disposition": f'attachment; filename="tflink_enrichment.{fmt}"'})

    def run() -> dict[str, Any]:
        result = enrichment(rel, **_enrichment_args(p))
        unmapped = [it for it in result["mapping"]["items"] if it["status"] != "found"]
        return {"result": result, "rows": result["results"][:ROWS_SHOWN], "unmapped": unmapped,
                "chart": _data_uri(plots.enrichment_chart(result, "svg"), "image/svg+xml")}
    return _page(request, rel, "analysis_enrichment.html", p, run, bool(p.get("genes")))


@router.get("/analysis/common-targets", response_class=HTMLResponse)
async def common_targets_page(request: Request, rel: Release = Depends(release)) -> HTMLResponse:
    """Common targets of 2-12 TFs: set sizes, Jaccard, Venn / UpSet, network of shared targets, downloads."""
    p = await _params(request)
    tfs = parse_identifier_list(p.get("tfs", ""))

    def run() -> dict[str, Any]:
        result = common_targets(rel, tfs, p.get("organism") or None, p.get("scale") or "all", p["source"],
                                p.get("sign") or None)
        query = _query(p, tfs=",".join(tfs))
        venn = (_data_uri(plots.venn_svg(result).encode(), "image/svg+xml") if len(result["tfs"]) <= 3 else None)
        shared = [r for r in result["rows"] if r["n_tfs"] >= 2]
        return {"result": result, "rows": shared[:ROWS_SHOWN], "n_shared_rows": len(shared), "venn": venn,
                "upset": _data_uri(plots.upset_chart(result, "svg"), "image/svg+xml"), "query": query,
                "network_svg": _data_uri(plots.network_svg(result["network"]).encode(), "image/svg+xml")}
    return _page(request, rel, "analysis_common_targets.html", p, run, bool(tfs))


@router.get("/analysis/cross-species", response_class=HTMLResponse)
async def cross_species_page(request: Request, rel: Release = Depends(release)) -> HTMLResponse:
    """A TF's targets against its orthologs' targets in another organism: conserved / specific / unmappable."""
    p = await _params(request)

    def run() -> dict[str, Any]:
        result = cross_species(rel, p.get("tf", ""), p.get("to", ""), p.get("organism") or None,
                               p.get("scale") or "all", p["source"], p.get("sign") or None)
        return {"result": result, "rows": result["rows"][:ROWS_SHOWN], "query": _query(p, tf=p.get("tf", ""),
                                                                                        to=p.get("to", ""))}
    return _page(request, rel, "analysis_cross_species.html", p, run, bool(p.get("tf") or p.get("to")))


def _query(p: dict[str, Any], **extra: str) -> str:
    """The query string that repeats this analysis (for the download links)."""
    pairs = [(k, v) for k, v in extra.items() if v]
    pairs += [(k, p[k]) for k in ("organism", "scale", "sign") if p.get(k)]
    pairs += [("source", s) for s in p["source"]]
    return urlencode(pairs)
