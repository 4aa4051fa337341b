"""Synthetic binding-site rows for the synthetic TFLink release (:mod:`tflink.synth`).

Writes rows of ``TFLink_<Genus_species>_bindingSites_All_annotation_v1.0.tsv`` (spec §3.5.4, 16 columns). Sites of
one TF come in small clusters whose members overlap each other and nothing else (clusters are spaced further apart
than a site is long), so ``Number.of.TFBS.overlaps`` / ``TFBS.overlaps`` are exact within a class. Sites without
coordinates (JASPAR SELEX sequences) fill the gap between TFLink's "binding sequences" and "binding sites" counts.
"""
from __future__ import annotations

from typing import Callable, Iterator, Sequence

import numpy as np

SITE_HEADER = ("TFLinkID\tUniprotID.TF\tName.TF\tOrganism\tAssembly\tChromosome\tStart\tEnd\tStrand\t"
               "Genome.browser\tDetection.method\tPubmedID\tSource.database\tSmall-scale.evidence\t"
               "Number.of.TFBS.overlaps\tTFBS.overlaps\n")

# assembly as TFLink shows it per organism (spec §4.6) and main chromosomes with approximate lengths in Mb
GENOMES: dict[str, tuple[str, dict[str, float]]] = {
    "Hs": ("hg38", {"chr1": 248.96, "chr2": 242.19, "chr3": 198.3, "chr4": 190.21, "chr5": 181.54, "chr6": 170.81,
                    "chr7": 159.35, "chr8": 145.14, "chr9": 138.39, "chr10": 133.8, "chr11": 135.09, "chr12": 133.28,
                    "chr13": 114.36, "chr14": 107.04, "chr15": 101.99, "chr16": 90.34, "chr17": 83.26, "chr18": 80.37,
                    "chr19": 58.62, "chr20": 64.44, "chr21": 46.71, "chr22": 50.82, "chrX": 156.04, "chrY": 57.23}),
    "Mm": ("mm10", {"chr1": 195.47, "chr2": 182.11, "chr3": 160.04, "chr4": 156.51, "chr5": 151.83, "chr6": 149.74,
                    "chr7": 145.44, "chr8": 129.4, "chr9": 124.6, "chr10": 130.69, "chr11": 122.08, "chr12": 120.13,
                    "chr13": 120.42, "chr14": 124.9, "chr15": 104.04, "chr16": 98.21, "chr17": 94.99, "chr18": 90.7,
                    "chr19": 61.43, "chrX": 171.03, "chrY": 91.74}),
    "Rn": ("rn6", {"chr1": 282.76, "chr2": 266.44, "chr3": 177.7, "chr4": 184.23, "chr5": 173.71, "chr6": 147.99,
                   "chr7": 145.73, "chr8": 133.31, "chr9": 122.1, "chr10": 112.63, "chr11": 90.46, "chr12": 52.72,
                   "chr13": 114.03, "chr14": 115.49, "chr15": 111.25, "chr16": 90.67, "chr17": 90.84, "chr18": 88.2,
                   "chr19": 62.28, "chr20": 56.21, "chrX": 159.97}),
    "Dr": ("danRer11", {f"chr{i}": 50.0 for i in range(1, 26)}),
    "Dm": ("dm6", {"chr2L": 23.51, "chr2R": 25.29, "chr3L": 28.11, "chr3R": 32.08, "chr4": 1.35, "chrX": 23.54}),
    "Ce": ("ce10", {"chrI": 15.07, "chrII": 15.28, "chrIII": 13.78, "chrIV": 17.49, "chrV": 20.92, "chrX": 17.72}),
    "Sc": ("sacCer1", {"chrI": 0.23, "chrII": 0.81, "chrIII": 0.32, "chrIV": 1.53, "chrV": 0.58, "chrVI": 0.27,
                       "chrVII": 1.09, "chrVIII": 0.56, "chrIX": 0.44, "chrX": 0.75, "chrXI": 0.67, "chrXII": 1.08,
                       "chrXIII": 0.92, "chrXIV": 0.78, "chrXV": 1.09, "chrXVI": 0.95}),
}
# binding-site sources per organism and class (spec §4.1): (label, weight)
SITE_SOURCES: dict[str, dict[str, tuple[tuple[str, float], ...]]] = {
    "Hs": {"ss": (("ORegAnno", 0.9), ("JASPAR", 0.1)), "ls": (("JASPAR", 0.93), ("ORegAnno", 0.07))},
    "Mm": {"ss": (("ORegAnno", 0.9), ("JASPAR", 0.1)), "ls": (("ORegAnno", 0.8), ("JASPAR", 0.2))},
    "Rn": {"ss": (("ORegAnno", 1.0),), "ls": (("ORegAnno", 1.0),)},
    "Dr": {"ss": (("JASPAR", 1.0),), "ls": (("JASPAR", 1.0),)},
    "Dm": {"ss": (("REDfly", 0.7), ("ORegAnno", 0.25), ("JASPAR", 0.05)),
           "ls": (("ORegAnno", 0.69), ("JASPAR", 0.3), ("REDfly", 0.01))},
    "Ce": {"ss": (("ORegAnno", 0.8), ("JASPAR", 0.2)), "ls": (("JASPAR", 0.5), ("ORegAnno", 0.5))},
    "Sc": {"ss": (("ORegAnno", 1.0),), "ls": (("ORegAnno", 1.0),)},
}
SITE_DB_PMID = {"ORegAnno": "26578589", "REDfly": "20965965"}  # JASPAR sites cite the matrix's own paper
SS_SITE_METHODS = ("electrophoretic mobility shift assay", "DNase I footprinting", "chromatin immunoprecipitation assay",
                   "experimental interaction detection")
SELEX = "systematic evolution of ligand by exponential enrichment"
_SPACING = 64  # > max jitter (4) + max site length (30): clusters never overlap each other
_CLUSTER_SIZES = np.array([1, 2, 3, 4])
_CLUSTER_P = np.array([0.8, 0.12, 0.05, 0.03])


def site_profiles(rng: np.random.Generator, code: str, scale: str, tf_pmid: str, pmids: Sequence[str]) -> list[str]:
    """Catalogue of ``Detection.method<TAB>PubmedID<TAB>Source.database<TAB>Small-scale`` cells for one TF/class."""
    flag = "Yes" if scale == "ss" else "No"
    out = []
    for label, weight in SITE_SOURCES[code][scale]:
        for _ in range(max(1, int(round(weight * 20)))):  # repeat by weight: uniform picks then follow the weights
            if label == "JASPAR":
                method, cites = "chromatin immunoprecipitation assay", tf_pmid
            else:
                method = SS_SITE_METHODS[int(rng.integers(len(SS_SITE_METHODS)))] if scale == "ss" else \
                    "chromatin immunoprecipitation assay"
                cites = f"{pmids[int(rng.integers(len(pmids)))]};{SITE_DB_PMID[label]}"
            out.append(f"{method}\t{cites}\t{label}\t{flag}")
    return out


def _cluster_layout(rng: np.random.Generator, n: int, chroms: dict[str, float]) -> tuple[np.ndarray, ...]:
    """Per site: chromosome index, start, end, cluster size and position in cluster (sorted by chromosome, start)."""
    sizes = rng.choice(_CLUSTER_SIZES, size=n, p=_CLUSTER_P)
    sizes = sizes[:int(np.searchsorted(np.cumsum(sizes), n)) + 1]
    sizes[-1] -= int(sizes.sum()) - n
    lengths = np.array(list(chroms.values())) * 1e6
    chrom = np.sort(rng.choice(lengths.size, size=sizes.size, p=lengths / lengths.sum()))
    per_chrom = np.bincount(chrom, minlength=lengths.size)
    room = np.maximum(lengths[chrom] - per_chrom[chrom] * _SPACING, 1).astype(np.int64)
    u = rng.integers(0, room)
    order = np.lexsort((u, chrom))
    u, chrom = u[order], chrom[order]
    first = np.searchsorted(chrom, chrom)  # index of the first cluster on the same chromosome
    base = u + (np.arange(chrom.size) - first) * _SPACING + 1
    member = np.arange(n) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    start = np.repeat(base, sizes) + np.where(member > 0, rng.integers(0, 5, n), 0)
    end = start + rng.integers(7, 30, n)
    return np.repeat(chrom, sizes), start, end, np.repeat(sizes, sizes), member


def _overlap_cells(ids: list[str], sizes: np.ndarray, member: np.ndarray) -> list[str]:
    """``Number.of.TFBS.overlaps<TAB>TFBS.overlaps`` for each site (other members of its cluster)."""
    cells = ["0\t-"] * len(ids)
    for i in np.flatnonzero((sizes > 1) & (member == 0)).tolist():
        group = ids[i:i + int(sizes[i])]
        for j, own in enumerate(group):
            others = group[:j] + group[j + 1:]
            cells[i + j] = f"{len(others)}\t{';'.join(others)}"
    return cells


def site_lines(rng: np.random.Generator, code: str, organism: str, scale: str, tfs: Sequence[tuple[str, str]],
               n_located: int, n_unlocated: int, first_id: int, pmids: Sequence[str]) -> Iterator[list[str]]:
    """Yield lists of rows, one list per TF, for ``n_located`` + ``n_unlocated`` sites of one class.

    ``tfs`` are (UniProt AC, name) of the TFs that may have sites; IDs run from ``first_id`` in output order.
    """
    assembly, chroms = GENOMES[code]
    names = list(chroms)
    prefix = "TFLinkSS" if scale == "ss" else "TFLinkLS"
    flag = "Yes" if scale == "ss" else "No"
    weights = rng.lognormal(0.0, 1.2, len(tfs))
    located = rng.multinomial(n_located, weights / weights.sum())
    unlocated = rng.multinomial(n_unlocated, weights / weights.sum())
    next_id = first_id
    for k, (ac, name) in enumerate(tfs):
        n_loc, n_un = int(located[k]), int(unlocated[k])
        if n_loc + n_un == 0:
            continue
        tf_pmid = str(int(rng.integers(1_000_000, 34_000_000)))
        profiles = site_profiles(rng, code, scale, tf_pmid, pmids)
        ids = [f"{prefix}{i:08d}" for i in range(next_id, next_id + n_loc + n_un)]
        next_id += n_loc + n_un
        head = f"\t{ac}\t{name}\t{organism}\t"
        rows = []
        if n_loc:
            chrom, start, end, sizes, member = _cluster_layout(rng, n_loc, chroms)
            prof = rng.integers(0, len(profiles), n_loc).tolist()
            strand = rng.integers(0, 2, n_loc).tolist()
            ovl = _overlap_cells(ids[:n_loc], sizes, member)
            for i, c, s, e, st, p, o in zip(ids, chrom.tolist(), start.tolist(), end.tolist(), strand, prof, ovl):
                ch = names[c]
                rows.append(f"{i}{head}{assembly}\t{ch}\t{s}\t{e}\t{'+-'[st]}\t{assembly}&position={ch}:{s}-{e}\t"
                            f"{profiles[p]}\t{o}\n")
        selex = f"{SELEX}\t{tf_pmid}\tJASPAR\t{flag}\t0\t-\n"
        rows.extend(f"{i}{head}-\t-\t-\t-\t-\t-\t{selex}" for i in ids[n_loc:])
        yield rows


def write_sites(out: Callable[[str], None], rng: np.random.Generator, code: str, organism: str,
                plan: Sequence[tuple[str, Sequence[tuple[str, str]], int, int, int]], pmids: Sequence[str],
                progress: Callable[[int], None]) -> None:
    """Write header and rows; ``plan`` = (class, TFs, located, unlocated, first ID) per class, SS first."""
    out(SITE_HEADER)
    for scale, tfs, n_loc, n_un, first_id in plan:
        for rows in site_lines(rng, code, organism, scale, tfs, n_loc, n_un, first_id, pmids):
            out("".join(rows))
            progress(len(rows))
