"""`tflink build CONFIG`: parse sources -> map identifiers -> integrate -> write a release.

Stages: identifier tables (:mod:`idsources`) -> every `[[input]]` through its adapter (:mod:`tflink.sources`),
ChIP-seq peaks through the peak rule (:mod:`peaks`), identifiers through :class:`IdMap`, methods / scales /
citations through :mod:`rules` -> :func:`tflink.model.aggregate` -> binding sites (:mod:`sites`), JASPAR
matrices, orthologs -> :class:`tflink.store.writer.ReleaseWriter` (functions and counts are derived there).
Every skipped, rejected or unmapped row is counted in the build report, which is saved in the manifest
(`build_report`) and returned. A failure raises inside the writer, so the previous release stays in place.
"""
from __future__ import annotations

import itertools
import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast

from .. import sources
from ..checksums import sha256_file
from ..errors import InputError
from ..model import (
    ORGANISMS,
    Entry,
    Evidence,
    InputFile,
    Interaction,
    Ortholog,
    Sign,
    aggregate,
    organism,
)
from ..sources.records import RawEvidence, RawMatrix, RawPeak, RawSite
from . import idsources, orthologs, peaks, rules
from .config import BuildConfig, InputSpec, load_config
from .idmap import IdMap, MappingReport, Resolution
from .sites import SiteCollector

log = logging.getLogger(__name__)
Progress = Callable[[str, int], None]  # (stage, items done) — same shape as the writer's


def sha256_of(path: str | Path) -> str:
    """Hex sha256 of a file ("" for non-files such as missing paths)."""
    p = Path(path)
    return sha256_file(p) if p.is_file() else ""


class Build:
    """One build run; holds the per-run state (identifier map, report, sites, matrices)."""

    def __init__(self, config: BuildConfig, progress: Progress | None = None) -> None:
        self.config = config
        self.progress = progress or (lambda stage, n: None)
        self.idmap = IdMap()
        self.report = MappingReport()
        self.inputs: list[InputFile] = []
        self.input_stats: dict[str, dict[str, Any]] = {}
        self.sites = SiteCollector()
        self.matrices: dict[str, set[str]] = defaultdict(set)
        self.matrix_taxid: dict[str, int] = {}
        self.rule = peaks.PeakRule.from_options(config.peaks)
        self._genes: dict[int, peaks.GeneIndex] = {}
        self._cache: dict[tuple[int, str, str], Resolution] = {}
        self.attribution: dict[str, dict[str, str]] = {}

    # -- identifier tables and annotations ---------------------------------------------------
    def load_tables(self) -> None:
        """Fill the IdMap from every `[[idmap]]` table (config order)."""
        for spec in self.config.idmaps:
            path = Path(self.config.resolve(spec.path))
            licence = spec.licence or idsources.FORMAT_LICENCES.get(spec.format, "")
            info = self._input_file(f"idmap:{path.name}", path, spec.format, licence=licence,
                                    citation=spec.attribution)
            idsources.load(self.idmap, spec.format, path, spec.organism, info, **spec.options)
            self.progress("identifier tables", info.rows_read)
            self.attribution[path.name] = {"licence": licence, "attribution": spec.attribution}
        self.idmap.finalize()

    def _annotation(self, taxid: int) -> peaks.GeneIndex | None:
        if taxid not in self._genes:
            specs = [s for s in self.config.annotations if s.organism is not None and organism(s.organism).taxid == taxid]
            if not specs:
                return None
            path = Path(self.config.resolve(specs[0].path))
            self._input_file(f"annotation:{path.name}", path, "gtf", licence=specs[0].licence,
                             citation=specs[0].attribution)
            self._genes[taxid] = peaks.GeneIndex.from_gtf(path, self.rule.tss_from)
        return self._genes[taxid]

    def _input_file(self, name: str, path: Path | str, fmt: str, version: str = "", licence: str = "",
                    citation: str = "") -> InputFile:
        info = InputFile(name, str(path), sha256_of(path), version, fmt, licence=licence, citation=citation)
        self.inputs.append(info)
        return info

    # -- identifier resolution -----------------------------------------------------------------
    def resolve(self, name: str, taxid: int, namespace: str, ident: str) -> Resolution:
        """Resolve (cached) and note the result in the mapping report under input `name`."""
        key = (taxid, namespace, ident)
        res = self._cache.get(key)
        if res is None:
            res = self._cache[key] = self.idmap.resolve(taxid, namespace, ident)
        self.report.note(name, taxid, namespace, ident, res)
        return res

    def to_evidence(self, name: str, raw: RawEvidence) -> Iterator[Evidence]:
        """Mapped Evidence records of one raw record (TF ACs x target ACs); unmapped ones are counted."""
        tf = self.resolve(name, raw.taxid, raw.tf_namespace, raw.tf_id)
        tg = self.resolve(name, raw.taxid, raw.target_namespace, raw.target_id)
        if not tf.acs or not tg.acs:
            side = "TF" if not tf.acs else "target"
            self.report.count_record(name, f"dropped: {side} {'ambiguous' if (tf if side == 'TF' else tg).status == 'ambiguous' else 'unmapped'}")
            return
        self.report.count_record(name, "mapped")
        method, small = rules.classify(raw.source, raw.method, raw.small_scale)
        pmids = tuple(dict.fromkeys((*raw.pmids, *rules.citations(raw.source, self.config.append_citations))))
        sign = cast("Sign | None", rules.sign(raw.sign))
        for a in tf.acs:
            for b in tg.acs:
                yield Evidence(a, b, raw.taxid, raw.source, method, pmids, small, sign,
                               raw.record_id, raw.source_version)

    def add_site(self, name: str, raw: RawSite) -> None:
        """Map a site's TF and collect it."""
        tf = self.resolve(name, raw.taxid, raw.tf_namespace, raw.tf_id)
        if not tf.acs:
            self.report.count_record(name, f"site dropped: TF {tf.status}")
            return
        self.report.count_record(name, "site mapped")
        method, small = rules.classify(raw.source, raw.method, raw.small_scale)
        pmids = (*raw.pmids, *rules.citations(raw.source, self.config.append_citations))
        for ac in tf.acs:
            self.sites.add(ac, raw.taxid, raw.assembly, raw.chromosome, raw.start, raw.end, raw.strand, raw.sequence,
                           raw.source, method.name, pmids, small)

    def add_matrix(self, name: str, raw: RawMatrix) -> None:
        """Attach a JASPAR matrix ID to the TF's accessions."""
        tf = self.resolve(name, raw.taxid, raw.tf_namespace, raw.tf_id)
        for ac in tf.acs:
            self.matrices[ac].add(raw.matrix_id)
            self.matrix_taxid[ac] = raw.taxid
        self.report.count_record(name, "matrix attached" if tf.acs else f"matrix dropped: TF {tf.status}")

    # -- inputs --------------------------------------------------------------------------------
    def evidence(self) -> Iterator[Evidence]:
        """Evidence of every input, in config order (sites and matrices are collected on the way)."""
        for spec in self.config.inputs:
            yield from self._one_input(spec)

    def _one_input(self, spec: InputSpec) -> Iterator[Evidence]:
        adapter = sources.get(spec.source)
        path = self.config.resolve(spec.path)
        if ":" not in path.split("/")[0] and not Path(path).exists():
            raise InputError(path, None, f"input of source {adapter.NAME} not found — fix `path` in "
                                         f"{self.config.path} or run `tflink fetch {spec.source}`")
        sha_path = adapter.sqlite_path(path) if hasattr(adapter, "sqlite_path") else path
        name = spec.name or f"{adapter.NAME}:{Path(path).name}"
        info = self._input_file(name, sha_path, spec.source, adapter.VERSION, adapter.LICENCE, adapter.ATTRIBUTION)
        self.attribution[adapter.NAME] = {"licence": adapter.LICENCE, "attribution": adapter.ATTRIBUTION,
                                          "citation_pmid": adapter.CITATION_PMID}
        stats: Counter[str] = Counter()
        records = adapter.parse(path, organism_id=spec.organism, stats=stats,
                                on_reject=info.reject if spec.lenient else None, **spec.options)
        stream = iter(records)
        first = next(stream, None)
        if isinstance(first, RawPeak):
            yield from self._peaks(name, spec, itertools.chain([first], stream), first.taxid, stats)
        elif first is not None:
            for i, rec in enumerate(itertools.chain([first], stream), 1):
                if isinstance(rec, RawEvidence):
                    yield from self.to_evidence(name, rec)
                elif isinstance(rec, RawSite):
                    self.add_site(name, rec)
                elif isinstance(rec, RawMatrix):
                    self.add_matrix(name, rec)
                if i % 100_000 == 0:
                    self.progress(f"reading {name}", i)
        info.rows_read = stats.get("rows", 0)
        self.input_stats[name] = {"source": adapter.NAME, "counts": dict(stats), "rejects": dict(info.rejects)}

    def _peaks(self, name: str, spec: InputSpec, stream: Iterator[Any], taxid: int,
               stats: Counter[str]) -> Iterator[Evidence]:
        """ChIP-seq peaks: optionally kept as sites, assigned to genes by the peak rule."""
        def with_sites() -> Iterator[RawPeak]:
            for i, p in enumerate(stream, 1):
                if spec.sites:
                    self.add_site(name, RawSite(p.tf_id, p.tf_namespace, p.taxid, p.source, p.assembly,
                                                p.chromosome, p.start + 1, p.end, None, method="ChIP-seq",
                                                small_scale=False, record_id=p.record_id,
                                                source_version=p.source_version))
                if i % 100_000 == 0:
                    self.progress(f"reading {name}", i)
                yield p
        index = self._annotation(taxid)
        if index is None:
            if not spec.sites:
                raise InputError(self.config.path, None, f"input {name}: ChIP-seq peaks need an [[annotation]] "
                                 f"GTF for {organism(taxid).name} (or set sites = true to keep only the peaks)")
            n = sum(1 for _ in with_sites())
            stats["peaks not assigned to genes: no [[annotation]] for the organism"] += n
            return
        counts: dict[str, int] = {}
        by_name = str(spec.options.get("gene_key", "gene_id")) == "gene_name"
        for raw in peaks.assign(with_sites(), index, self.rule, counts, use_gene_name=by_name):
            yield from self.to_evidence(name, raw)
        stats.update(counts)

    # -- assembling the release ----------------------------------------------------------------
    def integrate(self) -> dict[tuple[str, str], Interaction]:
        """Identifier tables + every input -> interactions (sites and matrices collected on the way)."""
        self.load_tables()
        interactions = aggregate(self.evidence())
        self.progress("interactions", len(interactions))
        return interactions

    def entries(self, interactions: dict[tuple[str, str], Interaction], site_tfs: dict[str, int]) -> list[Entry]:
        """Entries of every accession used by an interaction or a site; JASPAR matrices attached."""
        used: dict[str, int] = {}
        for it in interactions.values():
            used.setdefault(it.tf, it.taxid)
            used.setdefault(it.target, it.taxid)
        for ac, taxid in site_tfs.items():
            used.setdefault(ac, taxid)
        out = []
        for ac, taxid in used.items():
            e = self.idmap.entry(ac, taxid)
            e.jaspar_matrices = tuple(sorted(self.matrices.get(ac, ())))
            out.append(e)
        unused = [ac for ac in self.matrices if ac not in used]
        self.input_stats["JASPAR matrices"] = {"attached": sum(1 for ac in self.matrices if ac in used),
                                               "TF without interactions or sites": len(unused)}
        return out

    def orthologs(self, keep: set[str]) -> list[Ortholog]:
        """Ortholog links of entries of the release (the other side may be outside it)."""
        taxids = {o.taxid for o in ORGANISMS}
        found: set[Ortholog] = set()
        for spec in self.config.orthologs:
            path = Path(self.config.resolve(spec.path))
            info = self._input_file(f"orthologs:{path.name}", path, spec.format, licence=spec.licence,
                                    citation=spec.attribution)
            if spec.attribution or spec.licence:
                self.attribution[path.name] = {"licence": spec.licence, "attribution": spec.attribution}
            pairs = orthologs.read_pairs(spec.format, path, info, spec.organisms)
            found |= orthologs.map_orthologs(pairs, self.idmap, self.report, info.name, taxids)
        kept = sorted((o for o in found if o.uniprot in keep), key=lambda o: (o.uniprot, o.other_uniprot))
        self.input_stats["orthologs"] = {"links": len(found), "links of release entries": len(kept)}
        return kept

    def run(self, target: str | Path) -> dict[str, Any]:
        """Integrate everything, then write the release through the store writer; returns the build report."""
        from ..store.writer import ReleaseWriter
        interactions = self.integrate()
        site_list = self.sites.build()
        self.progress("binding sites", len(site_list))
        entries = self.entries(interactions, {s.tf: s.taxid for s in site_list})
        orths = self.orthologs({e.uniprot for e in entries})
        report = self.build_report(interactions, len(site_list), len(orths), len(entries))
        with ReleaseWriter(target, self.config.version, progress=self.progress) as w:
            w.add_entries(entries)
            w.add_interactions(interactions.values())
            w.add_sites(site_list)
            w.add_orthologs(orths)
            for info in self.inputs:
                w.add_input(info)
            w.manifest_extra["build_report"] = report
            w.manifest_extra["attribution"] = self.attribution
        return report

    def build_report(self, interactions: dict[tuple[str, str], Interaction], n_sites: int, n_orthologs: int,
                     n_entries: int) -> dict[str, Any]:
        """The JSON-ready build report saved in the manifest (`build_report`)."""
        its = interactions.values()
        return {
            "config": str(self.config.path),
            "version": self.config.version,
            "peak_rule": self.rule.describe(),
            "append_citations": self.config.append_citations,
            "rules": "docs/integration.md (tflink.build.rules)",
            "inputs": self.input_stats,
            "rejects": {i.name: {"rows_rejected": i.rows_rejected, "reasons": dict(i.rejects),
                                 "examples": list(i.reject_examples)} for i in self.inputs if i.rows_rejected},
            "mapping": self.report.as_dict(),
            "totals": {"interactions": len(interactions),
                       "small_scale_interactions": sum(1 for i in its if i.small_scale),
                       "large_scale_interactions": sum(1 for i in its if i.large_scale),
                       "binding_sites": n_sites, "site_records_merged": self.sites.merged,
                       "entries": n_entries, "ortholog_links": n_orthologs},
        }


def build(config: str | Path | BuildConfig, target: str | Path, progress: Progress | None = None) -> dict[str, Any]:
    """Build the release described by `config` into `target` (directory or postgresql:// URL)."""
    cfg = config if isinstance(config, BuildConfig) else load_config(config)
    log.info("building %s from %s", cfg.version, cfg.path)
    return Build(cfg, progress).run(target)
