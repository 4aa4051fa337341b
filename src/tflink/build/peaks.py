"""Peak -> gene assignment for ChIP-seq sources (GTRD, ReMap).

Default rule (TFLink never published its own): a peak is assigned to every gene with an annotated transcript
start site (TSS) within 1,000 bp of the peak **summit**, on either side (strand-aware windows when
`upstream != downstream`). Parameters (`window` / `upstream` / `downstream`, `anchor` = `summit` or `peak`
(any overlap of the peak interval with the window), `tss_from` = `transcript` or `gene`, `nearest_only`)
are configurable and go into the build report through :meth:`PeakRule.describe`.
The gene annotation is a GTF (Ensembl / GENCODE / UCSC style, `.gz` allowed).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from ..errors import InputError
from ..sources.records import RawEvidence, RawPeak, numbered_lines

_ATTR = re.compile(r'(\S+)\s+"([^"]*)"')


@dataclass(frozen=True)
class PeakRule:
    """The documented, configurable peak -> gene rule."""

    upstream: int = 1000
    downstream: int = 1000
    anchor: str = "summit"  # or "peak"
    tss_from: str = "transcript"  # or "gene"
    nearest_only: bool = False

    @classmethod
    def from_options(cls, options: dict[str, object]) -> PeakRule:
        """Build from config keys (`window` sets both sides)."""
        w = options.get("window")
        up = int(str(options.get("upstream", w if w is not None else 1000)))
        down = int(str(options.get("downstream", w if w is not None else 1000)))
        rule = cls(up, down, str(options.get("anchor", "summit")), str(options.get("tss_from", "transcript")),
                   bool(options.get("nearest_only", False)))
        if rule.anchor not in ("summit", "peak") or rule.tss_from not in ("transcript", "gene") or up < 0 or down < 0:
            raise ValueError(f"bad peak rule {rule}: anchor summit|peak, tss_from transcript|gene, windows >= 0")
        return rule

    def describe(self) -> dict[str, object]:
        """The rule in words and parameters, for the manifest."""
        what = "summit" if self.anchor == "summit" else "any part of the peak"
        text = (f"{what} within {self.upstream} bp upstream / {self.downstream} bp downstream of a "
                f"{self.tss_from} TSS; {'nearest gene only' if self.nearest_only else 'every gene in range'}")
        return {"rule": text, **asdict(self)}


@dataclass(frozen=True)
class Gene:
    gene_id: str
    name: str
    strand: str


class GeneIndex:
    """TSS positions per chromosome (sorted), from a GTF."""

    def __init__(self) -> None:
        self.genes: list[Gene] = []
        self._tss: dict[str, list[tuple[int, int]]] = defaultdict(list)  # chrom -> (pos 0-based, gene index)
        self._pos: dict[str, list[int]] = {}

    @classmethod
    def from_gtf(cls, path: str | Path, tss_from: str = "transcript") -> GeneIndex:
        """Read gene / transcript lines of a GTF (1-based coordinates)."""
        idx, ids = cls(), {}
        feature = "gene" if tss_from == "gene" else "transcript"
        for n, line in numbered_lines(path):
            if line.startswith("#"):
                continue
            f = line.split("\t")
            if len(f) < 9:
                raise InputError(path, n, "expected 9 tab-separated GTF columns")
            if f[2] != feature:
                continue
            attrs = dict(_ATTR.findall(f[8]))
            gid = attrs.get("gene_id", "").split(".")[0] if attrs.get("gene_id", "").startswith("ENS") else \
                attrs.get("gene_id", "")
            if not gid:
                raise InputError(path, n, "GTF line without gene_id")
            if gid not in ids:
                ids[gid] = len(idx.genes)
                idx.genes.append(Gene(gid, attrs.get("gene_name", ""), f[6]))
            tss = int(f[3]) - 1 if f[6] != "-" else int(f[4]) - 1
            chrom = f[0] if f[0].startswith("chr") else f"chr{f[0]}"
            idx._tss[chrom].append((tss, ids[gid]))
        for chrom, items in idx._tss.items():
            items.sort()
            idx._pos[chrom] = [p for p, _ in items]
        return idx

    def genes_near(self, chrom: str, start: int, end: int, summit: int, rule: PeakRule) -> list[Gene]:
        """Genes whose TSS satisfies the rule for one peak (0-based half-open; summit 0-based)."""
        chrom = chrom if chrom.startswith("chr") else f"chr{chrom}"
        pos = self._pos.get(chrom)
        if not pos:
            return []
        lo_q, hi_q = (summit, summit) if rule.anchor == "summit" else (start, end - 1)
        reach = max(rule.upstream, rule.downstream)
        items = self._tss[chrom]
        best: dict[int, int] = {}
        for i in range(bisect_left(pos, lo_q - reach), bisect_right(pos, hi_q + reach)):
            tss, gi = items[i]
            strand = self.genes[gi].strand
            up, down = (rule.upstream, rule.downstream) if strand != "-" else (rule.downstream, rule.upstream)
            if hi_q >= tss - up and lo_q <= tss + down:
                d = 0 if lo_q <= tss <= hi_q else min(abs(tss - lo_q), abs(tss - hi_q))
                best[gi] = min(d, best.get(gi, d))
        if rule.nearest_only and best:
            m = min(best.values())
            best = {g: d for g, d in best.items() if d == m}
        return [self.genes[g] for g in sorted(best)]


def gene_namespace(gene_id: str) -> str:
    """Identifier namespace of a GTF gene_id."""
    if gene_id.startswith("ENS"):
        return "ensembl"
    if gene_id.startswith("FBgn"):
        return "flybase"
    if gene_id.startswith("WBGene"):
        return "wormbase"
    if gene_id.isdigit():
        return "ncbi"
    return "symbol"


def assign(peaks: Iterable[RawPeak], index: GeneIndex, rule: PeakRule, counts: dict[str, int],
           use_gene_name: bool = False) -> Iterator[RawEvidence]:
    """TF -> gene evidence from peaks, one record per distinct (TF, gene) with the number of peaks.

    `counts` receives `peaks`, `peaks assigned`, `peaks without gene` (no silent drops).
    """
    pairs: dict[tuple[str, str, str, str, int, str, str], int] = {}
    first: dict[tuple[str, str, str, str, int, str, str], str] = {}
    for p in peaks:
        counts["peaks"] = counts.get("peaks", 0) + 1
        genes = index.genes_near(p.chromosome, p.start, p.end, p.summit, rule)
        if not genes:
            counts["peaks without gene"] = counts.get("peaks without gene", 0) + 1
            continue
        counts["peaks assigned"] = counts.get("peaks assigned", 0) + 1
        for g in genes:
            gid, ns = (g.name, "symbol") if use_gene_name and g.name else (g.gene_id, gene_namespace(g.gene_id))
            key = (p.tf_id, p.tf_namespace, gid, ns, p.taxid, p.source, p.source_version)
            pairs[key] = pairs.get(key, 0) + 1
            first.setdefault(key, p.record_id)
    for key, n in pairs.items():
        tf, tf_ns, gid, ns, taxid, source, version = key
        yield RawEvidence(tf, tf_ns, gid, ns, taxid, source, "ChIP-seq", small_scale=False,
                          record_id=f"{first[key]} (+{n - 1} peaks)" if n > 1 else first[key], source_version=version)
