"""The entry page `/protein/<uniprot>` (TFLink's URL), its server-paged tables, TSV / FASTA downloads and logos."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import (
    HTMLResponse,
    PlainTextResponse,
    Response,
    StreamingResponse,
)

from .. import model
from ..errors import NotFound
from ..query import entries
from ..query import Release, RowFilter
from ..web.deps import release
from . import views
from .logo import logo_svg
from .render import error_page, render

router = APIRouter(include_in_schema=False)
TABLES = {"targets": "Targets of", "tfs": "Transcription factors of", "binding_sites": "Binding sites of"}
PARTNER_COLUMNS = (("name", "Protein name"), ("uniprot", "UniProt ID"), ("ncbi", "NCBI Gene ID"),
                   ("sources", "Source database"), ("methods", "Detection method"), (None, "Publication"),
                   ("small_scale", "Small-scale evidence"), ("sign", "Sign"))
SITE_COLUMNS = (("tflink_id", "TFLink ID"), ("assembly", "Assembly"), ("chromosome", "Chromosome"),
                ("start", "Start"), ("end", "End"), (None, "Strand"), (None, "Genome browser"),
                ("methods", "Detection method"), (None, "Publication"), ("sources", "Source database"),
                ("small_scale", "Small-scale evidence"), ("overlaps", "Nr. of overlapping binding sites"))
FASTA_ON_PAGE = 200


def _entry_or_404(request: Request, rel: Release, ac: str) -> dict[str, Any] | HTMLResponse:
    try:
        return entries.get_entry(rel, ac)
    except NotFound:
        hits = entries.search(rel, ac[:100], None, 10) if ac.strip() else []
        return error_page(request, 404, f"There is no entry {ac!r} in this release.", suggestions=hits)


@router.get("/protein/{ac}", response_class=HTMLResponse)
@router.get("/protein/{ac}/", response_class=HTMLResponse)
def entry_page(request: Request, ac: str, rel: Release = Depends(release)) -> HTMLResponse:
    """The entry: identity, orthologs, JASPAR logos, network and the three tables with all rows."""
    e = _entry_or_404(request, rel, ac)
    if isinstance(e, HTMLResponse):
        return e
    info = entries.summary(rel, e)
    tables = {t: table_context(rel, e["uniprot"], t, TableParams()) for t in TABLES}
    ss_sites = rel.sites(e["id"], RowFilter(small_scale_only=True), limit=FASTA_ON_PAGE)
    ls_sites = tables["binding_sites"]["total_all"] - ss_sites.total
    return render(request, "entry.html", e=e, info=info, tables=tables, titles=TABLES,
                  orthologs=views.orthologs_by_organism(info["orthologs"]), ncbi_url=views.ncbi_url(e["ncbi_gene_ids"]),
                  fasta="".join(views.fasta_records(ss_sites.rows, e["uniprot"], e["name"])),
                  ss_site_total=ss_sites.total, fasta_cap=FASTA_ON_PAGE, ls_site_total=ls_sites,
                  export_formats=views.EXPORT_FORMATS, sources=sorted(rel.source_bits))


class TableParams:
    """Paging, sorting and filters of one entry table (validated by FastAPI)."""

    def __init__(self, sort: Annotated[str, Query(max_length=30)] = "", desc: bool = False,
                 limit: Annotated[int, Query(ge=1, le=1000)] = 10, offset: Annotated[int, Query(ge=0)] = 0,
                 small_scale_only: bool = False, source: Annotated[str, Query(max_length=60)] = "",
                 method: Annotated[str, Query(max_length=100)] = "",
                 q: Annotated[str, Query(max_length=100)] = "") -> None:
        self.sort, self.desc, self.limit, self.offset = sort, desc, limit, offset
        self.small_scale_only, self.source, self.method, self.q = small_scale_only, source, method, q

    def row_filter(self) -> RowFilter:
        return RowFilter(self.small_scale_only, self.source or None, self.method or None, self.q or None)

    def as_params(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if v not in (None, "", False)}


def table_context(rel: Release, ac: str, table: str, p: TableParams) -> dict[str, Any]:
    """Everything the `_table.html` partial needs for one page of one entry table."""
    e, page = entries.entry_table(rel, ac, table, p.row_filter(), p.sort or None, p.desc, p.limit, p.offset)
    filtered = p.small_scale_only or p.source or p.method or p.q
    total_all = entries.entry_table(rel, ac, table, None, None, False, 1, 0)[1].total if filtered else page.total
    rows = [site_view(r) for r in page.rows] if table == "binding_sites" else [partner_view(r) for r in page.rows]
    return {"table": table, "ac": e["uniprot"], "name": e["name"], "rows": rows, "p": p, "params": p.as_params(),
            "pager": views.pager(page.total, p.limit, p.offset), "total_all": total_all,
            "columns": SITE_COLUMNS if table == "binding_sites" else PARTNER_COLUMNS,
            "url": f"/protein/{e['uniprot']}/table/{table}"}


def partner_view(r: dict[str, Any]) -> dict[str, Any]:
    return {**r, "ncbi_url": views.ncbi_url(r["ncbi_gene_ids"])}


def site_view(r: dict[str, Any]) -> dict[str, Any]:
    return {**r, "ucsc_url": views.ucsc_url(r)}


@router.get("/protein/{ac}/table/{table}", response_class=HTMLResponse)
def table_fragment(request: Request, ac: str, table: str, p: TableParams = Depends(),
                   rel: Release = Depends(release)) -> HTMLResponse:
    """One page of an entry table as an HTML fragment (the page's script swaps it in)."""
    if table not in TABLES:
        raise NotFound(f"no table {table!r}; expected one of: {', '.join(TABLES)}")
    ctx = table_context(rel, ac, table, p)
    sources = sorted(rel.source_bits)
    return render(request, "_table.html", t=ctx, title=TABLES[table], sources=sources)


def _tsv(rows: list[dict[str, Any]], table: str, organism: str) -> Iterator[str]:
    if table == "binding_sites":
        yield "\t".join(SITE_TSV_HEADER) + "\n"
        for s in rows:
            yield "\t".join(_site_cells(s, organism)) + "\n"
        return
    side = "Target" if table == "targets" else "TF"
    yield "\t".join([f"UniprotID.{side}", f"NCBI.GeneID.{side}", f"Name.{side}", "Detection.method", "PubmedID",
                     "Organism", "Source.database", "Small-scale.evidence", "Sign"]) + "\n"
    for r in rows:
        yield "\t".join([r["uniprot"], ";".join(r["ncbi_gene_ids"]) or "-", r["name"] or "-",
                         ";".join(r["methods"]) or "-", ";".join(r["pmids"]) or "-", organism,
                         ";".join(r["sources"]) or "-", "Yes" if r["small_scale"] else "No", r["sign"] or "-"]) + "\n"


SITE_TSV_HEADER = ("TFLinkID", "UniprotID.TF", "Name.TF", "Organism", "Assembly", "Chromosome", "Start", "End",
                   "Strand", "Genome.browser", "Detection.method", "PubmedID", "Source.database",
                   "Small-scale.evidence", "Number.of.TFBS.overlaps", "TFBS.overlaps")


def _site_cells(s: dict[str, Any], organism: str) -> list[str]:
    def v(x: Any) -> str:
        return "-" if x in (None, "") else str(x)
    return [s["tflink_id"], s["tf_uniprot"], s["tf_name"], organism, v(s["assembly"]), v(s["chromosome"]),
            v(s["start"]), v(s["end"]), v(s["strand"]), views.ucsc_url(s) or "-", ";".join(s["methods"]) or "-",
            ";".join(s["pmids"]) or "-", ";".join(s["sources"]) or "-", "Yes" if s["small_scale"] else "No",
            str(s["n_overlaps"] or 0), ";".join(s["overlaps"]) or "-"]


@router.get("/protein/{ac}/{fname}")
def entry_download(request: Request, ac: str, fname: str, scale: str = Query("all", pattern="^(all|ss|ls)$"),
                   rel: Release = Depends(release)) -> Response:
    """targets.tsv, tfs.tsv, binding_sites.tsv (every row) and binding_sites.fasta (?scale=ss|ls|all)."""
    table = {"targets.tsv": "targets", "tfs.tsv": "tfs", "binding_sites.tsv": "binding_sites",
             "binding_sites.fasta": "binding_sites"}.get(fname)
    if table is None:
        raise NotFound(f"no download {fname!r}; expected targets.tsv, tfs.tsv, binding_sites.tsv or "
                       "binding_sites.fasta")
    e, page = entries.entry_table(rel, ac, table, None, None, False, None, 0)
    organism = model.organism(e["taxid"]).name
    rows = page.rows
    if table == "binding_sites":
        rows = [{**s, "tf_uniprot": e["uniprot"], "tf_name": e["name"]} for s in rows
                if scale == "all" or s["small_scale"] == (scale == "ss")]
    if fname.endswith(".fasta"):
        body = "".join(views.fasta_records(rows, e["uniprot"], e["name"]))
        return PlainTextResponse(body, headers={"Content-Disposition":
                                                f'attachment; filename="TFLink_{e["uniprot"]}_{scale}.fasta"'})
    return StreamingResponse(_tsv(rows, table, organism), media_type="text/tab-separated-values; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="tflink_{e["uniprot"]}_{fname}"'})


@router.get("/jaspar/{matrix_id}.svg")
def jaspar_logo(matrix_id: str) -> Response:
    """The sequence logo of a JASPAR matrix, drawn offline from the packaged PFM."""
    return Response(logo_svg(matrix_id), media_type="image/svg+xml",
                    headers={"Cache-Control": "public, max-age=86400"})
