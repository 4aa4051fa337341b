"""HTML gateway pages: home, search results, browse (+ TSV), downloads, batch search, FAQ.

Every handler calls the query layer and hands ready data to one template. The entry page lives in
`routes_entry` and is included here, so `tflink.pages.routes.router` is the one router of the gateway.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, StreamingResponse

from .. import model, settings
from ..query import entries
from ..query.identifiers import map_identifiers, parse_identifier_list
from ..query import Release
from ..web.deps import release
from . import routes_entry, views
from .render import render

router = APIRouter(include_in_schema=False)
router.include_router(routes_entry.router)
BROWSE_COLUMNS = (("name", "Name"), ("uniprot", "UniProt ID"), ("ncbi", "NCBI Gene ID"), ("function", "Function"),
                  ("small_scale", "Small-scale evidence"), ("n_interactions", "Number of interactions"))
BROWSE_TSV_HEADER = ("Name", "UniprotID", "NCBI.GeneID", "Function", "Small-scale.evidence", "Number.of.interactions")


@router.get("/", response_class=HTMLResponse)
def home(request: Request, rel: Release = Depends(release)) -> HTMLResponse:
    """What tflink is, search, release statistics, sources and how to cite."""
    return render(request, "home.html", stats=views.stats_table(entries.stats(rel)), cols=views.STAT_COLS,
                  sources=views.sources(rel.manifest), manifest=rel.manifest, organisms=views.organisms_in(rel),
                  citation=views.TFLINK_CITATION, doi=views.TFLINK_DOI)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = Query("", max_length=100), organism: str | None = Query(None),
                rel: Release = Depends(release)) -> HTMLResponse:
    """Search results (the navbar form's target); a single exact hit is still listed, never auto-redirected."""
    hits = entries.search(rel, q, organism or None, 100) if q.strip() else []
    return render(request, "search.html", q=q, organism=organism or "", hits=hits,
                  organisms=views.organisms_in(rel))


class BrowseParams:
    """The browse filters, shared by the page and its TSV download (validated by FastAPI)."""

    def __init__(self, organism: str = Query("Homo sapiens", max_length=60),
                 name: str = Query("", max_length=100), uniprot: str = Query("", max_length=30),
                 ncbi: str = Query("", max_length=30), function: str = Query("", max_length=60),
                 small_scale: str = Query("", pattern="^(|yes|no)$"),
                 min_interactions: int | None = Query(None, ge=0), max_interactions: int | None = Query(None, ge=0),
                 sort: str = Query("", max_length=30), desc: bool = Query(False)) -> None:
        self.organism, self.name, self.uniprot, self.ncbi, self.function = organism, name, uniprot, ncbi, function
        self.small_scale, self.min_interactions, self.max_interactions = small_scale, min_interactions, max_interactions
        self.sort, self.desc = sort, desc

    def as_params(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if v not in (None, "", False)}

    def query(self, rel: Release, limit: int | None, offset: int) -> Any:
        ss = {"yes": True, "no": False}.get(self.small_scale)
        return entries.browse(rel, self.organism, name=self.name or None, uniprot=self.uniprot or None,
                              ncbi=self.ncbi or None, function=self.function or None, small_scale=ss,
                              min_interactions=self.min_interactions, max_interactions=self.max_interactions,
                              sort=self.sort or None, desc=self.desc, limit=limit, offset=offset)


@router.get("/browse", response_class=HTMLResponse)
def browse(request: Request, p: BrowseParams = Depends(), limit: int = Query(25, ge=1, le=500),
           offset: int = Query(0, ge=0), rel: Release = Depends(release)) -> HTMLResponse:
    """Browse the entries of one organism: server-side paging, sorting on every column, filters."""
    page = p.query(rel, limit, offset)
    params = p.as_params()
    if limit != 25:
        params["limit"] = limit
    sort_links = {key: views.with_params("/browse", params, sort=key, desc=(p.sort == key and not p.desc) or None,
                                         offset=None) for key, _ in BROWSE_COLUMNS}
    pg = views.pager(page.total, limit, offset)
    return render(request, "browse.html", p=p, params=params, rows=[entries.browse_row(e) for e in page.rows],
                  pager=pg, columns=BROWSE_COLUMNS, sort_links=sort_links, functions=model.FUNCTIONS,
                  organisms=views.organisms_in(rel), organism=entries.organism_of(p.organism),
                  page_links={k: views.with_params("/browse", params, offset=pg[k] or None)
                              for k in ("first", "prev", "next", "last")},
                  tsv_url=views.with_params("/browse.tsv", params))


def _browse_lines(rel: Release, p: BrowseParams) -> Iterator[str]:
    yield "\t".join(BROWSE_TSV_HEADER) + "\n"
    step, offset = settings.get_int("page_size_max"), 0
    while True:
        page = p.query(rel, step, offset)
        for e in page.rows:
            yield "\t".join([e["name"], e["uniprot"], ";".join(e["ncbi_gene_ids"]) or "-", e["function"] or "-",
                             "Yes" if e["small_scale"] else "No", str(e["n_interactions"])]) + "\n"
        offset += step
        if offset >= page.total or not page.rows:
            return


@router.get("/browse.tsv")
def browse_tsv(p: BrowseParams = Depends(), rel: Release = Depends(release)) -> StreamingResponse:
    """The filtered browse view, every row, streamed as TSV."""
    p.query(rel, 1, 0)  # validate the parameters before the response starts
    org = entries.organism_of(p.organism)
    fname = f"tflink_browse_{org.file_id if org else 'all'}.tsv"
    return StreamingResponse(_browse_lines(rel, p), media_type="text/tab-separated-values; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="{fname}"'})


@router.get("/downloads", response_class=HTMLResponse)
def downloads(request: Request, rel: Release = Depends(release)) -> HTMLResponse:
    """Release files (if generated) and on-demand exports per organism x scale x format."""
    try:
        from ..query.exports import download_catalogue
    except ImportError:
        catalogue, missing = [], True
    else:
        catalogue, missing = download_catalogue(rel), False
    return render(request, "downloads.html", catalogue=catalogue, missing=missing,
                  organisms=views.organisms_in(rel), formats=views.ORGANISM_EXPORT_FORMATS,
                  scales=(("ss", "Small-scale"), ("ls", "Large-scale"), ("all", "All")))


@router.get("/batch", response_class=HTMLResponse)
def batch_form(request: Request, rel: Release = Depends(release)) -> HTMLResponse:
    return render(request, "batch.html", organisms=views.organisms_in(rel), text="", organism="", report=None,
                  batch_max=settings.get_int("batch_max"))


@router.post("/batch", response_class=HTMLResponse)
def batch_search(request: Request, identifiers: str = Form("", max_length=500_000), organism: str = Form(""),
                 rel: Release = Depends(release)) -> HTMLResponse:
    """Map a pasted list of identifiers: report per identifier and a table of the matched entries."""
    mapping = map_identifiers(rel, parse_identifier_list(identifiers), organism or None)
    matched = [summary_row(e) for e in rel_entries(rel, mapping.entry_ids())]
    return render(request, "batch.html", organisms=views.organisms_in(rel), text=identifiers, organism=organism,
                  report=mapping, counts=mapping.counts, matched=matched, batch_max=settings.get_int("batch_max"))


def rel_entries(rel: Release, ids: list[int]) -> list[dict[str, Any]]:
    by_id = {e["id"]: e for e in rel.entries_by_id(ids)}
    return [by_id[i] for i in ids if i in by_id]


def summary_row(e: dict[str, Any]) -> dict[str, Any]:
    return {**entries.browse_row(e), "organism": model.organism(e["taxid"]).name, "n_as_tf": e["n_as_tf"],
            "n_as_target": e["n_as_target"]}


@router.get("/faq", response_class=HTMLResponse)
def faq(request: Request, rel: Release = Depends(release)) -> HTMLResponse:
    """Formats with their columns, evidence and function rules, sources, differences from TFLink."""
    from .. import docs_text as faq_data

    return render(request, "faq.html", formats=faq_data.FORMATS, sources=views.sources(rel.manifest),
                  citation=views.TFLINK_CITATION, doi=views.TFLINK_DOI, functions=faq_data.FUNCTION_RULES,
                  differences=faq_data.DIFFERENCES)
