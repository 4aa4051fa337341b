"""REST API: every export format as a streamed response, the download set, and the offline API docs."""
from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, StreamingResponse

from ..query import exports as q
from ..query.interactions import interaction_filter
from ..query.release_files import download_path
from ..query import Release
from ..web.deps import release
from .models_core import DownloadOut, FormatOut
from .routes_entries import ERRORS, clean

router = APIRouter(responses=ERRORS)
FormatName = Literal["table", "mitab", "gmt-uniprot", "gmt-ncbi", "gmt-name", "sites", "gff3", "fasta", "jsonl",
                     "parquet", "graphml", "sif", "cyjs", "entry-targets", "entry-tfs"]
SWAGGER = "/static/vendor/swagger/"


@router.get("/api/v1/export/{format}", tags=["exports"], summary="Download a query result in any format",
            response_class=StreamingResponse,
            responses={200: {"description": "The file, streamed; Content-Disposition names it",
                             "content": {"text/tab-separated-values": {}, "application/gzip": {}}}})
def export_file(
        format: FormatName = Path(description="Export format; see /api/v1/formats"),  # noqa: A002
        organism: str | None = Query(None, max_length=60, description="Organism (name, taxid, code); all if none"),
        scale: str = Query("all", max_length=10, description="ss, ls or all"),
        entry: str | None = Query(None, max_length=20, description="Only interactions / sites of this UniProt AC "
                                                                   "(required for entry-targets / entry-tfs)"),
        gzip: bool = Query(False, description="gzip-compress the file"),
        tf: str | None = Query(None, max_length=100, description="Interactions of this TF only"),
        target: str | None = Query(None, max_length=100, description="Interactions of this target only"),
        source: str | None = Query(None, max_length=100, description="Supported by this source label"),
        rel: Release = Depends(release)) -> StreamingResponse:
    """Stream a whole organism × scale, one entry, or a filtered set of interactions in TFLink's formats (table,
    mitab, gmt-*, sites, gff3, fasta, entry-targets, entry-tfs) or beyond (jsonl, parquet, graphml, sif, cyjs)."""
    flt = None
    if tf or target or source:
        flt = interaction_filter(rel, clean("organism", organism), clean("tf", tf), clean("target", target),
                                 clean("source", source), scale=clean("scale", scale))
    ex = q.export(rel, format, clean("organism", organism), clean("scale", scale), clean("entry", entry), gzip,
                  flt=flt)
    return StreamingResponse(ex.chunks(), media_type=ex.media_type,
                             headers={"Content-Disposition": f'attachment; filename="{ex.filename}"'})


@router.get("/api/v1/formats", response_model=list[FormatOut], tags=["exports"], summary="The export formats")
def list_formats() -> list[dict[str, Any]]:
    return [{"name": f.name, "kind": f.kind, "media_type": f.media_type, "extension": f.extension,
             "description": f.help} for f in q.FORMATS.values()]


@router.get("/api/v1/downloads", response_model=list[DownloadOut], tags=["exports"],
            summary="The release download set (TFLink v1.0 file names) with sizes and SHA-256")
def list_downloads(rel: Release = Depends(release)) -> list[dict[str, Any]]:
    """Empty until `tflink release-files` has written the download set."""
    return q.download_catalogue(rel)


@router.get("/downloads/{filename}", include_in_schema=False)
def download_file(filename: str, rel: Release = Depends(release)) -> FileResponse:
    path = download_path(rel, filename)
    media = "application/gzip" if filename.endswith(".gz") else "text/plain; charset=utf-8"
    return FileResponse(path, media_type=media, filename=filename)


@router.get("/api/v1/docs", include_in_schema=False)
def api_docs(request: Request) -> HTMLResponse:
    """Swagger UI served from our own static files (no CDN: works offline)."""
    return get_swagger_ui_html(openapi_url="/api/v1/openapi.json", title=f"{request.app.title} — REST API",
                               swagger_js_url=SWAGGER + "swagger-ui-bundle.js",
                               swagger_css_url=SWAGGER + "swagger-ui.css",
                               swagger_favicon_url=SWAGGER + "favicon-32x32.png")
