"""Binding sites: merge duplicates, number them TFLink-style and count overlaps between sites of one TF.

* A site is keyed by (TF accession, assembly, chromosome, start, end, strand); sites without coordinates
  (JASPAR SELEX sequences) are keyed by (TF, sequence). Duplicates merge sources, methods and PMIDs; the
  site is small-scale if any record is.
* IDs: :func:`tflink.model.site_id`, one global sequence in a deterministic order (organism, TF, assembly,
  chromosome, start, end), `TFLinkSS` / `TFLinkLS` prefix by scale.
* Overlaps: two sites of the same TF overlap when they share >= 1 bp on the same chromosome of the same
  assembly (1-based inclusive coordinates); each site lists the IDs of the sites it overlaps.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import BindingSite, site_id

SiteKey = tuple[str, int, str, str, int, int, str]


@dataclass
class SiteDraft:
    """A site being merged from one or more records."""

    tf: str
    taxid: int
    assembly: str | None
    chromosome: str | None
    start: int | None
    end: int | None
    strand: str | None
    sequence: str | None = None
    sources: list[str] = field(default_factory=list)
    methods: list[str] = field(default_factory=list)
    pmids: list[str] = field(default_factory=list)
    small_scale: bool = False

    def merge(self, source: str, method: str, pmids: Iterable[str], small_scale: bool, sequence: str | None) -> None:
        """Fold one more record into the draft."""
        for values, new in ((self.sources, [source]), (self.methods, [method]), (self.pmids, pmids)):
            for v in new:
                if v and v not in values:
                    values.append(v)
        self.small_scale = self.small_scale or small_scale
        self.sequence = self.sequence or sequence


class SiteCollector:
    """Collects mapped sites of a build and turns them into numbered BindingSites."""

    def __init__(self) -> None:
        self.drafts: dict[tuple[object, ...], SiteDraft] = {}
        self.merged = 0

    def add(self, tf: str, taxid: int, assembly: str | None, chromosome: str | None, start: int | None,
            end: int | None, strand: str | None, sequence: str | None, source: str, method: str,
            pmids: Iterable[str], small_scale: bool) -> None:
        """Add one site record (already mapped to a TF accession)."""
        located = chromosome is not None and start is not None
        key: tuple[object, ...] = ((tf, taxid, assembly or "", chromosome, start, end, strand or "") if located
                                   else (tf, taxid, "", "", 0, 0, (sequence or "").upper()))
        d = self.drafts.get(key)
        if d is None:
            d = self.drafts[key] = SiteDraft(tf, taxid, assembly, chromosome, start, end, strand)
        else:
            self.merged += 1
        d.merge(source, method, pmids, small_scale, sequence)

    def __len__(self) -> int:
        return len(self.drafts)

    def build(self) -> list[BindingSite]:
        """Numbered BindingSites with overlap lists."""
        order = sorted(self.drafts.values(), key=lambda d: (d.taxid, d.tf, d.assembly or "", d.chromosome or "",
                                                            d.start or 0, d.end or 0, d.strand or "",
                                                            d.sequence or ""))
        ids = [site_id(i, d.small_scale) for i, d in enumerate(order, 1)]
        overlaps = find_overlaps(order, ids)
        return [BindingSite(ids[i], d.tf, d.taxid, d.assembly, d.chromosome, d.start, d.end, d.strand, d.sequence,
                            tuple(d.sources), tuple(d.methods), tuple(d.pmids), d.small_scale,
                            tuple(overlaps.get(i, ()))) for i, d in enumerate(order)]


def find_overlaps(drafts: list[SiteDraft], ids: list[str]) -> dict[int, list[str]]:
    """Index -> IDs of overlapping sites of the same TF (same assembly and chromosome, >= 1 bp shared)."""
    groups: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, d in enumerate(drafts):
        if d.chromosome is not None and d.start is not None and d.end is not None:
            groups[(d.tf, d.assembly or "", d.chromosome)].append(i)
    out: dict[int, list[str]] = defaultdict(list)
    for members in groups.values():
        members.sort(key=lambda i: (drafts[i].start, drafts[i].end))
        active: list[int] = []
        for i in members:
            s = drafts[i].start
            active = [j for j in active if drafts[j].end >= s]  # type: ignore[operator]
            for j in active:
                out[i].append(ids[j])
                out[j].append(ids[i])
            active.append(i)
    return out
