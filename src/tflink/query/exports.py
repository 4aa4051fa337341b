"""Exports: every TFLink download format (byte-compatible layouts) and more, streamed in constant memory.

`export(rel, fmt, organism=, scale=, entry=)` returns an :class:`Export` whose `chunks()` yields bytes (optionally
gzip-compressed) produced from rows streamed out of the store; the CLI writes them to a file, the API streams them
as the HTTP response. `write_release_files` writes a whole download set with TFLink's v1.0 file names plus a
`SHA256SUMS` file; `download_catalogue` lists it for the web's downloads page.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from ..errors import BadParameter
from ..exports import columnar, genome, gmt, graphs, mitab, tables
from ..exports.common import SPECIES_CODES
from ..store import Release
from ..store import exports_sql as sql
from .entries import get_entry, organism_of
from .release_files import default_downloads_dir, download_catalogue, write_release_files

__all__ = ["FORMATS", "Export", "ExportFormat", "export", "parse_scale", "default_downloads_dir",
           "download_catalogue", "write_release_files"]


@dataclass(frozen=True)
class ExportFormat:
    """One export format: what it holds (`interactions`, `sites`, `entry`), how it is served and named."""

    name: str
    kind: str
    media_type: str
    extension: str
    stem: str  # TFLink v1.0 file-name part, `{S}` = SS / LS / All
    help: str
    trailing_newline: bool = True


TSV, TEXT = "text/tab-separated-values; charset=utf-8", "text/plain; charset=utf-8"
FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("table", "interactions", TSV, "tsv", "interactions_{S}_simpleFormat_v1.0",
                 "interaction table, TFLink simpleFormat v1.0 (15 columns, with orthologs)"),
    ExportFormat("mitab", "interactions", TSV, "tsv", "interactions_{S}_mitab_v1.0",
                 "PSI-MITAB 2.8, 46 columns, no header"),
    ExportFormat("gmt-uniprot", "interactions", TEXT, "gmt", "interactions_{S}_GMT_uniprotID_v1.0",
                 "GMT gene sets of targets per TF, UniProt ACs", False),
    ExportFormat("gmt-ncbi", "interactions", TEXT, "gmt", "interactions_{S}_GMT_ncbiGeneID_v1.0",
                 "GMT gene sets of targets per TF, NCBI Gene IDs", False),
    ExportFormat("gmt-name", "interactions", TEXT, "gmt", "interactions_{S}_GMT_proteinName_v1.0",
                 "GMT gene sets of targets per TF, gene names", False),
    ExportFormat("sites", "sites", TSV, "tsv", "bindingSites_{S}_annotation_v1.0",
                 "binding-site annotation table (16 columns)"),
    ExportFormat("gff3", "sites", "text/x-gff3; charset=utf-8", "gff3", "bindingSites_{S}_annotation_v1.0",
                 "GFF3 of the located binding sites"),
    ExportFormat("fasta", "sites", "text/x-fasta; charset=utf-8", "fasta", "bindingSites_{S}_v1.0",
                 "FASTA of the binding-site sequences"),
    ExportFormat("jsonl", "interactions", "application/x-ndjson", "jsonl", "interactions_{S}_v1.0",
                 "JSON Lines, one interaction object a line"),
    ExportFormat("parquet", "interactions", "application/vnd.apache.parquet", "parquet", "interactions_{S}_v1.0",
                 "Apache Parquet (list columns for multi-values)"),
    ExportFormat("graphml", "interactions", "application/graphml+xml", "graphml", "interactions_{S}_v1.0",
                 "GraphML directed graph (networkx, Cytoscape, Gephi)"),
    ExportFormat("sif", "interactions", TEXT, "sif", "interactions_{S}_v1.0",
                 "Simple Interaction Format (TF controls-expression-of target)"),
    ExportFormat("cyjs", "interactions", "application/json", "cyjs", "interactions_{S}_v1.0",
                 "Cytoscape.js elements JSON"),
    ExportFormat("entry-targets", "entry", TSV, "tsv", "targets_of",
                 "per-entry table targets_of_<AC> (8 columns)"),
    ExportFormat("entry-tfs", "entry", TSV, "tsv", "tfs_of", "per-entry table tfs_of_<AC> (8 columns)"),
)}
SCALE_NAMES = {"ss": "SS", "ls": "LS", "all": "All"}


@dataclass
class Export:
    """A ready-to-stream export: file name, media type and a generator of bytes."""

    fmt: ExportFormat
    filename: str
    media_type: str
    _lines: Callable[[], Iterator[str]] | None = None
    _bytes: Callable[[], Iterator[bytes]] | None = None
    gzip: bool = False
    meta: dict[str, Any] = field(default_factory=dict)

    def chunks(self) -> Iterator[bytes]:
        raw = self._bytes() if self._bytes else encode(self._lines(), self.fmt.trailing_newline)  # type: ignore[misc]
        return gzip_chunks(raw) if self.gzip else raw


def parse_scale(scale: str | None) -> str:
    s = (scale or "all").strip().lower()
    if s not in sql.SCALES:
        raise BadParameter("scale", f"unknown scale {scale!r}; expected ss (small-scale), ls (large-scale) or all")
    return s


def parse_format(fmt: str) -> ExportFormat:
    found = FORMATS.get((fmt or "").strip().lower())
    if found is None:
        raise BadParameter("format", f"unknown format {fmt!r}; expected one of: {', '.join(FORMATS)}")
    return found


def encode(lines: Iterable[str], trailing_newline: bool = True, batch: int = 4096) -> Iterator[bytes]:
    """Lines to UTF-8 chunks of about `batch` lines; without a newline after the last line when asked."""
    buf: list[str] = []
    first = True
    for line in lines:
        buf.append(line)
        if len(buf) >= batch:
            yield _join(buf, first, trailing_newline)
            buf, first = [], False
    if buf:
        yield _join(buf, first, trailing_newline)


def _join(buf: list[str], first: bool, trailing: bool) -> bytes:
    if trailing:
        return ("\n".join(buf) + "\n").encode("utf-8")
    return (("" if first else "\n") + "\n".join(buf)).encode("utf-8")


def gzip_chunks(chunks: Iterable[bytes], level: int = 6) -> Iterator[bytes]:
    """gzip-compress a stream of chunks as it goes."""
    z = zlib.compressobj(level, zlib.DEFLATED, 31)
    for c in chunks:
        out = z.compress(c)
        if out:
            yield out
    yield z.flush()


def export(rel: Release, fmt: str, organism: str | None = None, scale: str | None = "all",
           entry: str | None = None, gzip: bool = False,
           flt: sql.InteractionFilter | None = None) -> Export:
    """Prepare one export; nothing is read until `chunks()` is iterated (errors in parameters raise here)."""
    f = parse_format(fmt)
    s = parse_scale(scale)
    org = organism_of(organism)
    taxid = org.taxid if org else None
    e = get_entry(rel, entry) if entry else None
    if f.kind == "entry" and e is None:
        raise BadParameter("entry", f"format {f.name} needs an entry (a UniProt AC)")
    name = filename(f, org.file_id if org else None, s, e["uniprot"] if e else None) + (".gz" if gzip else "")
    media = "application/gzip" if gzip else f.media_type
    if f.kind == "sites":
        sf = sql.SiteFilter(taxid=taxid, scale=s, tf_ids=[e["id"]] if e else (),
                            located_only=f.name == "gff3", with_sequence=f.name == "fasta")
        return Export(f, name, media, _lines=lambda: _site_lines(rel, f, sf), gzip=gzip)
    iflt = flt or sql.InteractionFilter()
    iflt.taxid, iflt.scale = taxid if taxid is not None else iflt.taxid, s
    if f.kind == "entry":
        role = "targets" if f.name == "entry-targets" else "tfs"
        if role == "targets":
            iflt.tf_ids = [e["id"]]  # type: ignore[index]
        else:
            iflt.target_ids = [e["id"]]  # type: ignore[index]
        return Export(f, name, media, _lines=lambda: tables.entry_lines(
            sql.interactions(rel, iflt, order="yes_first"), role), gzip=gzip)
    if e is not None:
        iflt.entry_id = e["id"]
    if f.name == "parquet":
        return Export(f, name, media, _bytes=lambda: columnar.parquet_chunks(sql.interactions(rel, iflt)),
                      gzip=gzip)
    return Export(f, name, media, _lines=lambda: _interaction_lines(rel, f, iflt), gzip=gzip)


def _interaction_lines(rel: Release, f: ExportFormat, flt: sql.InteractionFilter) -> Iterator[str]:
    if f.name.startswith("gmt-"):
        return gmt.gmt_lines(sql.interactions(rel, flt, order="tf"), f.name[4:])
    rows = sql.interactions(rel, flt)
    if f.name == "table":
        return tables.simple_lines(rows, sql.ortholog_strings(rel, flt.taxid, SPECIES_CODES))
    if f.name == "mitab":
        day = str(rel.manifest.get("built_at") or "")[:10].replace("-", "/") or "-"
        return mitab.mitab_lines(rows, day, day)
    writers = {"jsonl": graphs.jsonl_lines, "graphml": graphs.graphml_lines, "sif": graphs.sif_lines,
               "cyjs": graphs.cyjs_lines}
    return writers[f.name](rows)


def _site_lines(rel: Release, f: ExportFormat, sf: sql.SiteFilter) -> Iterator[str]:
    if f.name == "gff3":
        return genome.gff3_lines(sql.sites(rel, sf), sql.sequence_regions(rel, sf))
    if f.name == "fasta":
        return genome.fasta_lines(sql.sites(rel, sf))
    return tables.site_lines(sql.sites(rel, sf))


def filename(f: ExportFormat, species: str | None, scale: str, ac: str | None) -> str:
    """TFLink's file names: `TFLink_<Species>_<stem>.<ext>`; per entry `TFLink_targets_of_<AC>.tsv` etc."""
    s = SCALE_NAMES[scale]
    if f.kind == "entry":
        return f"TFLink_{f.stem}_{ac}.{f.extension}"
    if ac is not None:
        if f.name in ("sites", "gff3"):
            return f"TFLink_{ac}_TFBS_annot.{f.extension}"
        if f.name == "fasta":
            return f"TFLink_{ac}_{s}.fasta"
        return f"TFLink_{ac}_{f.stem.format(S=s)}.{f.extension}"
    return f"TFLink_{species or 'all_organisms'}_{f.stem.format(S=s)}.{f.extension}"


def has_rows(rel: Release, fmt: str, taxid: int, scale: str) -> bool:
    """Whether a whole-organism export of `fmt` at `scale` would hold any data row."""
    f = parse_format(fmt)
    if f.kind == "sites":
        return sql.sites_exist(rel, sql.SiteFilter(taxid=taxid, scale=scale, located_only=f.name == "gff3",
                                                   with_sequence=f.name == "fasta"))
    return sql.interactions_exist(rel, sql.InteractionFilter(taxid=taxid, scale=scale))
