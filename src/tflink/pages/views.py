"""Page data: turn query-layer results into ready-to-render structures (no SQL, no HTML).

Templates only loop over what these functions return.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urlencode

from .. import model
from ..query import Release

SCALES = ("small-scale", "large-scale", "total")
STAT_COLS = (("tfs", "TFs"), ("targets", "Target genes"), ("interactions", "Interactions"),
             ("binding_sites", "Binding sites"), ("binding_sequences", "Binding sequences"))
EXPORT_FORMATS = ("table", "mitab", "gmt-uniprot", "gmt-ncbi", "gmt-name", "sites", "gff3", "fasta", "jsonl",
                  "parquet", "graphml", "sif", "cyjs", "entry-targets", "entry-tfs")
ORGANISM_EXPORT_FORMATS = EXPORT_FORMATS[:-2]
TFLINK_CITATION = ("Liska O, et al. TFLink: an integrated "
                   "gateway to access transcription factor–target gene interactions for multiple species. "
                   "Database (Oxford) 2022: baac083.")
TFLINK_DOI = "https://doi.org/10.1093/database/baac083"


def stats_table(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Statistics grouped per organism (release order of ORGANISMS), scales in SS / LS / total order."""
    by_org: dict[str, dict[str, dict[str, Any]]] = {}
    for r in rows:
        by_org.setdefault(r["organism"], {})[r["scale"]] = r
    out = []
    for o in model.ORGANISMS:
        scales = by_org.get(o.name)
        if not scales or not any(scales.get("total", {}).get(k) for k, _ in STAT_COLS):
            continue
        out.append({"organism": o.name, "file_id": o.file_id,
                    "rows": [{"scale": s, **{k: scales.get(s, {}).get(k, 0) for k, _ in STAT_COLS}}
                             for s in SCALES]})
    return out


def sources(manifest: dict[str, Any]) -> list[dict[str, str]]:
    """The release inputs, one row per distinct (name, version, licence, citation)."""
    seen: dict[tuple, dict[str, str]] = {}
    for i in manifest.get("inputs", []):
        key = (i.get("name", ""), i.get("version", ""), i.get("licence", ""), str(i.get("citation", "")))
        if key not in seen:
            cit = key[3]
            seen[key] = {"name": key[0], "version": key[1] or "-", "licence": key[2] or "-", "citation": cit,
                         "citation_url": f"https://pubmed.ncbi.nlm.nih.gov/{cit}/" if cit.isdigit() else ""}
    return sorted(seen.values(), key=lambda s: s["name"].lower())


def organisms_in(rel: Release) -> list[model.Organism]:
    """Organisms that have entries in this release (every organism when the release has no counts)."""
    names = set(rel.manifest.get("organisms", []))
    return [o for o in model.ORGANISMS if o.name in names] or list(model.ORGANISMS)


def pager(total: int, limit: int, offset: int) -> dict[str, Any]:
    """First/previous/next/last offsets and the row range shown."""
    last = max(0, (total - 1) // limit * limit) if total else 0
    return {"total": total, "limit": limit, "offset": offset, "first": 0, "prev": max(0, offset - limit),
            "next": offset + limit, "last": last, "has_prev": offset > 0, "has_next": offset + limit < total,
            "from": offset + 1 if total else 0, "to": min(total, offset + limit),
            "page": offset // limit + 1, "pages": max(1, (total + limit - 1) // limit)}


def with_params(base: str, params: dict[str, Any], **changes: Any) -> str:
    """`base?query` with `params` updated by `changes`; empty values dropped."""
    merged = {**params, **changes}
    q = urlencode({k: v for k, v in merged.items() if v not in (None, "", False)})
    return f"{base}?{q}" if q else base


def ncbi_url(ids: list[str]) -> str:
    return "https://www.ncbi.nlm.nih.gov/gene/?term=" + "+OR+".join(ids) if ids else ""


def orthologs_by_organism(orthologs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """[{organism, items: [{uniprot, in_release}]}] in ORGANISMS order."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for o in orthologs:
        groups.setdefault(o["organism"], []).append(o)
    return [{"organism": o.name, "items": groups[o.name]} for o in model.ORGANISMS if o.name in groups]


def ucsc_url(site: dict[str, Any]) -> str:
    if not (site.get("assembly") and site.get("chromosome") and site.get("start")):
        return ""
    return (f"https://genome.ucsc.edu/cgi-bin/hgTracks?db={site['assembly']}"
            f"&position={site['chromosome']}:{site['start']}-{site['end']}")


def fasta_records(sites: Iterable[dict[str, Any]], uniprot: str, name: str) -> Iterator[str]:
    """TFLink FASTA (spec 3.5.6): >TFLinkID;UniProt;name;assembly;chrom:start-end, then the sequence."""
    for s in sites:
        if not s.get("sequence"):
            continue
        loc = f"{s['chromosome']}:{s['start']}-{s['end']}" if s.get("chromosome") and s.get("start") else "-"
        yield f">{s['tflink_id']};{uniprot};{name};{s.get('assembly') or '-'};{loc}\n{s['sequence']}\n"


__all__ = [
    "EXPORT_FORMATS",
    "ORGANISM_EXPORT_FORMATS",
    "TFLINK_CITATION",
    "TFLINK_DOI",
    "fasta_records",
    "ncbi_url",
    "organisms_in",
    "orthologs_by_organism",
    "pager",
    "sources",
    "stats_table",
    "ucsc_url",
    "with_params",
]
