"""Pydantic response models of the core REST API (entries, interactions, binding sites, release, downloads).

They make the OpenAPI schema precise; the data itself comes from the query layer as plain dicts.
"""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ErrorOut(BaseModel):
    error: str = Field(description="What went wrong and what to do")
    status: int
    param: str | None = Field(None, description="The parameter at fault, when one is")


class OrthologOut(BaseModel):
    organism: str
    uniprot: str
    in_release: bool = Field(description="The ortholog has an entry in this release")


class PartnerRow(BaseModel):
    uniprot: str
    name: str
    ncbi_gene_ids: list[str]
    sources: list[str]
    methods: list[str]
    pmids: list[str]
    small_scale: bool
    sign: str | None = None


class SiteRow(BaseModel):
    tflink_id: str
    assembly: str | None
    chromosome: str | None
    start: int | None
    end: int | None
    strand: str | None
    sources: list[str]
    methods: list[str]
    pmids: list[str]
    small_scale: bool
    overlaps: list[str]


class EntrySummary(BaseModel):
    uniprot: str
    name: str
    ncbi_gene_ids: list[str]
    organism: str
    function: str | None
    number_of_interactions: int
    small_scale_evidence: bool
    orthologs: list[OrthologOut]
    jaspar_matrices: list[str]


class EntryOut(EntrySummary):
    tfs: list[PartnerRow]
    targets: list[PartnerRow]
    binding_sites: list[SiteRow]


class PartnerPage(BaseModel):
    entry: EntrySummary
    table: str
    total: int = Field(description="Rows matching the filters")
    limit: int
    offset: int
    next_offset: int | None = Field(description="Offset of the next page; null on the last page")
    rows: list[PartnerRow]


class SitePage(PartnerPage):
    rows: list[SiteRow]  # type: ignore[assignment]


class BatchIn(BaseModel):
    identifiers: list[str] | None = Field(None, description="Identifiers in any namespace: gene names, synonyms, "
                                                            "UniProt ACs, NCBI Gene IDs, Ensembl / FlyBase / … IDs")
    text: str | None = Field(None, description="Or pasted text: one identifier a line, or separated by commas, "
                                               "tabs or spaces")
    organism: str | None = Field(None, description="Limit the mapping to one organism (name, taxid, code)")


class BatchEntry(BaseModel):
    uniprot: str
    name: str
    organism: str


class BatchItem(BaseModel):
    query: str
    status: str = Field(description="found | via synonym | ambiguous | not found")
    entries: list[BatchEntry]


class BatchOut(BaseModel):
    counts: dict[str, int]
    items: list[BatchItem]


class InteractionOut(BaseModel):
    id: int
    tf: str
    tf_name: str
    tf_ncbi_gene_ids: list[str]
    target: str
    target_name: str
    target_ncbi_gene_ids: list[str]
    organism: str
    taxid: int
    sources: list[str]
    methods: list[str]
    pmids: list[str]
    small_scale: bool
    large_scale: bool
    sign: str | None


class InteractionPage(BaseModel):
    rows: list[InteractionOut]
    limit: int
    next: str | None = Field(description="Pass as `cursor` for the next page; null on the last page")


class BindingSiteOut(BaseModel):
    id: int
    tflink_id: str
    tf: str
    tf_name: str
    organism: str
    taxid: int
    assembly: str | None
    chromosome: str | None
    start: int | None
    end: int | None
    strand: str | None
    sequence: str | None
    sources: list[str]
    methods: list[str]
    pmids: list[str]
    small_scale: bool
    n_overlaps: int
    overlaps: list[str]


class BindingSitePage(BaseModel):
    rows: list[BindingSiteOut]
    limit: int
    next: str | None


class OrganismOut(BaseModel):
    name: str
    taxid: int
    code: str
    file_id: str
    assemblies: list[str]
    in_release: bool
    entries: int
    interactions: int
    binding_sites: int


class StatOut(BaseModel):
    organism: str
    taxid: int
    scale: str
    tfs: int
    targets: int
    interactions: int
    binding_sites: int
    binding_sequences: int
    entries: int


class ReleaseOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    version: str | None
    schema_version: int | None = None
    built_at: str | None = None
    backend: str
    limits: dict[str, int]
    inputs: list[dict[str, Any]] = []
    totals: dict[str, Any] = {}


class DownloadOut(BaseModel):
    organism: str
    scale: str
    format: str
    filename: str
    size: int
    sha256: str
    url: str


class FormatOut(BaseModel):
    name: str
    kind: str = Field(description="interactions | sites | entry (needs `entry`)")
    media_type: str
    extension: str
    description: str
