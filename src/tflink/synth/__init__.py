"""Synthetic TFLink v1.0-sized release: the files TFLink publishes, filled with random but realistic data.

``generate(outdir, scale, seed)`` writes, per organism, exactly the files named as TFLink names them (spec §3.4):

* ``TFLink_<Genus_species>_interactions_All_simpleFormat_v1.0.tsv.gz`` (15 columns, spec §3.5.1)
* ``TFLink_<Genus_species>_bindingSites_All_annotation_v1.0.tsv.gz`` (16 columns, spec §3.5.4; not for zebrafish,
  which has no binding sites in TFLink)
* ``<Genus_species>_browse.csv`` (6 fields, no header, spec §3.6), consistent with the interactions.

Sizes follow TFLink's own ``statistics.csv`` (spec §4.7); see :func:`scaled_counts` for the scaling rule. Output is
a pure function of (seed, scale): same inputs, byte-identical files (gzip headers carry no time stamp or name).
Rows are generated and written TF by TF, so memory stays at O(targets + interactions of the TF being written) plus a
few integers per interaction for the degree plan.
"""
from __future__ import annotations

import gzip
import math
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Callable, Iterator, Mapping, Sequence

import numpy as np

from tflink.model import ORGANISMS, Organism, function_of, organism
from tflink.synth.evidence import is_large_scale_supported, ls_catalogue, pmid_pool, ss_cell
from tflink.synth.graph import plan_graph
from tflink.synth.ids import Universe, attach_orthologs, make_universe
from tflink.synth.sites import write_sites

Progress = Callable[[int], None]
FIELDS = ("tfs", "targets", "interactions", "binding_sites", "binding_sequences")
# TFLink v1.0 home-page statistics (= statistics.csv of NetBiol/TFlink @348204a, spec §4.7), per organism:
# (small-scale, large-scale, total) x (TFs, targets, interactions, binding sites, binding sequences)
STATISTICS: dict[str, tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]] = {
    "Homo sapiens": ((839, 4680, 16634, 35445, 35633), (1348, 20120, 6722723, 8857060, 8870892),
                     (1606, 20139, 6739357, 8892505, 8906525)),
    "Mus musculus": ((846, 2503, 8687, 10537, 10589), (711, 21263, 4048895, 363228, 380417),
                     (1156, 21536, 4057582, 373765, 391006)),
    "Rattus norvegicus": ((6, 6, 8, 179, 196), (51, 13525, 81221, 0, 166), (56, 13530, 81229, 179, 362)),
    "Danio rerio": ((0, 0, 0, 0, 0), (17, 13769, 25960, 0, 0), (17, 13769, 25960, 0, 0)),
    "Drosophila melanogaster": ((173, 281, 699, 3262, 6026), (462, 18757, 367930, 10948, 11237),
                                (527, 18766, 368629, 14210, 17263)),
    "Caenorhabditis elegans": ((18, 93, 109, 116, 143), (282, 16499, 315909, 9746, 9905),
                               (289, 16519, 316018, 9862, 10048)),
    "Saccharomyces cerevisiae": ((191, 2166, 5349, 5, 5), (317, 6549, 232365, 0, 0), (333, 6549, 237714, 5, 5)),
}
MAX_DENSITY = 0.4  # at most this share of all TF x target pairs of a class is drawn (see scaled_counts)
# share of TFs that are never a target (browse "transcription factor"): 8/1606 human, 61/1156 mouse, 29/289 worm
TF_ONLY_SHARE = {"Hs": 0.005, "Mm": 0.053, "Ce": 0.1}
INTERACTION_HEADER = ("UniprotID.TF\tUniprotID.Target\tNCBI.GeneID.TF\tNCBI.GeneID.Target\tName.TF\tName.Target\t"
                      "Detection.method\tPubmedID\tOrganism\tSource.database\tSmall-scale.evidence\tTF.TFLink.ortho\t"
                      "TF.nonTFLink.ortho\tTarget.TFLink.ortho\tTarget.nonTFLink.ortho\n")


def interactions_file(org: Organism) -> str:
    return f"TFLink_{org.file_id}_interactions_All_simpleFormat_v1.0.tsv.gz"


def sites_file(org: Organism) -> str:
    return f"TFLink_{org.file_id}_bindingSites_All_annotation_v1.0.tsv.gz"


def browse_file(org: Organism) -> str:
    return f"{org.file_id}_browse.csv"


def scale_count(count: int, scale: float) -> int:
    """``round(count * scale)`` rounding halves up, but never 0 when ``count`` is not."""
    value = math.floor(count * scale + 0.5)
    return 1 if count > 0 and value == 0 else value


@dataclass(frozen=True)
class ClassCounts:
    """Counts of one row of statistics.csv (one organism x scale)."""

    tfs: int
    targets: int
    interactions: int
    binding_sites: int
    binding_sequences: int


@dataclass(frozen=True)
class OrganismCounts:
    """Target counts of one organism at one scale, with the overlaps between the two classes."""

    small: ClassCounts
    large: ClassCounts
    total: ClassCounts
    overlap: ClassCounts  # in both classes (interactions: Yes rows that also have large-scale support)

    def as_dict(self) -> dict[str, dict[str, int]]:
        return {"small-scale": asdict(self.small), "large-scale": asdict(self.large), "total": asdict(self.total)}


def scaled_counts(name: str, scale: float,
                  statistics: Mapping[str, tuple[tuple[int, ...], ...]] = STATISTICS) -> OrganismCounts:
    """Counts of ``name`` at ``scale``.

    Rule: small-scale, large-scale and overlap (= SS + LS - total) counts are each :func:`scale_count`-ed, totals are
    SS + LS - overlap (so they are consistent; at scale 1.0 all equal statistics.csv). One exception keeps the
    release realistic and possible at all: TFs and targets both shrink by ``scale`` but interactions are distinct
    pairs, so a small scale would need more pairs than TFs x targets. The targets of a class are therefore raised to
    ``min(interactions, ceil(interactions / (MAX_DENSITY * TFs)))`` when that is larger - i.e. a TF keeps
    about its real number of targets - which never happens at scale 1.0. And when the large-scale class has only
    one or two TFs (rat at 1 %), no target is shared with the small-scale class (its pairs would have to repeat the
    small-scale ones).
    """
    ss, ls, tot = statistics[name]
    cols = []
    for j in range(len(FIELDS)):
        cols.append((scale_count(ss[j], scale), scale_count(ls[j], scale), scale_count(ss[j] + ls[j] - tot[j], scale)))
    small, large, both = (list(x) for x in zip(*cols))
    for cls in (small, large):
        tfs, n = cls[0], cls[2]
        if tfs:
            cls[1] = max(cls[1], min(n, math.ceil(n / (MAX_DENSITY * tfs))))
    if large[0] <= 2 and both[1] and not both[2]:
        both[1] = 0  # a 1-2 TF large-scale class cannot also reach the small-scale targets without reusing SS pairs
    total = [a + b - o for a, b, o in zip(small, large, both)]
    return OrganismCounts(ClassCounts(*small), ClassCounts(*large), ClassCounts(*total), ClassCounts(*both))


def _rng(seed: int, org: Organism, stage: int) -> np.random.Generator:
    return np.random.default_rng(np.random.SeedSequence([seed, ORGANISMS.index(org), stage]))


def _n_families(counts: Mapping[Organism, OrganismCounts]) -> int:
    """Ortholog families: somewhat more than the entries of the largest organism (most have 0-1 per species)."""
    return max(10, int(1.2 * max(c.total.targets + c.total.tfs for c in counts.values())))


def build_universes(seed: int, counts: Mapping[Organism, OrganismCounts]) -> dict[Organism, Universe]:
    """Entries of all seven organisms (targets first, then TF-only entries) with cross-organism orthologs."""
    out: dict[Organism, Universe] = {}
    for org in ORGANISMS:
        c = counts[org]
        n_tf_only = min(c.total.tfs, round(c.total.tfs * TF_ONLY_SHARE.get(org.code, 0.05)))
        n_tf_only = max(n_tf_only, c.total.tfs - c.total.targets)
        out[org] = make_universe(_rng(seed, org, 0), org.code, c.total.targets + n_tf_only, ORGANISMS.index(org),
                                 _n_families(counts))
    attach_orthologs(np.random.default_rng(np.random.SeedSequence([seed, 99])), list(out.values()),
                     list(range(len(ORGANISMS))), _n_families(counts))
    return out


@dataclass
class _Pools:
    """Universe indices of the TFs and targets of each class."""

    tf_ss: np.ndarray
    tf_ls: np.ndarray
    tg_ss: np.ndarray
    tg_ls: np.ndarray


def _split(perm: np.ndarray, n_small: int, n_large: int) -> tuple[np.ndarray, np.ndarray]:
    """Small = first ``n_small``, large = last ``n_large`` of ``perm`` (they overlap in the middle)."""
    return perm[:n_small], perm[perm.size - n_large:]


def _pools(rng: np.random.Generator, c: OrganismCounts, universe_size: int) -> _Pools:
    n_tg = c.total.targets
    tg_ss, tg_ls = _split(rng.permutation(n_tg), c.small.targets, c.large.targets)
    n_tf_only = universe_size - n_tg
    tfs = np.concatenate((rng.choice(n_tg, c.total.tfs - n_tf_only, replace=False),
                          np.arange(n_tg, universe_size)))
    tf_ss, tf_ls = _split(rng.permutation(tfs), c.small.tfs, c.large.tfs)
    return _Pools(tf_ss, tf_ls, tg_ss, tg_ls)


class _Sink:
    """Deterministic gzip text sink (no file name or time stamp in the header)."""

    def __init__(self, path: Path, level: int) -> None:
        self._raw: IO[bytes] = open(path, "wb")
        self._gz = gzip.GzipFile(filename="", mode="wb", fileobj=self._raw, compresslevel=level, mtime=0)

    def __call__(self, text: str) -> None:
        self._gz.write(text.encode())

    def close(self) -> None:
        self._gz.close()
        self._raw.close()


class _Tally:
    """Per-entry interaction counts for the browse table."""

    def __init__(self, size: int) -> None:
        self.as_tf = np.zeros(size, dtype=np.int64)
        self.as_target = np.zeros(size, dtype=np.int64)
        self.small = np.zeros(size, dtype=bool)

    def add(self, tf: int, targets: np.ndarray, small: bool) -> None:
        self.as_tf[tf] += targets.size
        self.as_target[targets] += 1  # targets of one TF are distinct
        if small:
            self.small[tf] = True
            self.small[targets] = True


def _row_writer(u: Universe, out: Callable[[str], None], tally: _Tally, progress: Progress) -> Callable[..., None]:
    """Closure writing all rows of one TF: ``emit(tf, targets, cells, cell_index, small)``."""
    acs, ncbi, names, ortho = u.acs, u.ncbi, u.names, u.ortho or []

    def emit(tf: int, targets: np.ndarray, cells: Sequence[str], idx: Sequence[int], small: bool) -> None:
        a, n, m, o = acs[tf], ncbi[tf], names[tf], ortho[tf]
        out("".join([f"{a}\t{acs[g]}\t{n}\t{ncbi[g]}\t{m}\t{names[g]}\t{cells[p]}\t{o}\t{ortho[g]}\n"
                     for g, p in zip(targets.tolist(), idx)]))
        tally.add(tf, targets, small)
        progress(targets.size)

    return emit


def _small_scale_pairs(rng: np.random.Generator, c: OrganismCounts, p: _Pools) -> dict[int, np.ndarray]:
    """All small-scale pairs as {TF universe index: target universe indices}."""
    if c.small.interactions == 0:
        return {}
    plan = plan_graph(rng, p.tf_ss.size, p.tg_ss.size, c.small.interactions, sigma=1.3)
    return {int(p.tf_ss[tf]): p.tg_ss[t] for tf, t in plan.targets(rng)}


def _pick_both(rng: np.random.Generator, ss: dict[int, np.ndarray], p: _Pools, n_both: int) -> set[tuple[int, int]]:
    """Small-scale pairs that also get large-scale support (TF and target in both classes)."""
    if n_both == 0:
        return set()
    tf_ls, tg_ls = set(p.tf_ls.tolist()), set(p.tg_ls.tolist())
    cand = [(tf, g) for tf, ts in ss.items() if tf in tf_ls for g in ts.tolist() if g in tg_ls]
    if len(cand) < n_both:
        raise ValueError(f"only {len(cand)} small-scale pairs can also be large-scale, {n_both} needed")
    return {cand[i] for i in rng.choice(len(cand), n_both, replace=False).tolist()}


def write_interactions(out: Callable[[str], None], org: Organism, c: OrganismCounts, u: Universe, seed: int,
                       progress: Progress) -> _Tally:
    """Header, small-scale (Yes) rows grouped by TF, then large-scale-only (No) rows grouped by TF."""
    rng, erng = _rng(seed, org, 1), _rng(seed, org, 2)
    p = _pools(rng, c, len(u.acs))
    pmids = pmid_pool(erng)
    tally = _Tally(len(u.acs))
    emit = _row_writer(u, out, tally, progress)
    out(INTERACTION_HEADER)
    ss = _small_scale_pairs(rng, c, p)
    both = _pick_both(rng, ss, p, c.overlap.interactions)
    for tf, targets in ss.items():
        cells = [ss_cell(erng, org.code, org.name, pmids, (tf, g) in both) for g in targets.tolist()]
        emit(tf, targets, cells, range(len(cells)), True)
    if c.large.interactions == 0:
        return tally
    ls_local = np.full(len(u.acs), -1, dtype=np.int64)
    ls_local[p.tg_ls] = np.arange(p.tg_ls.size)
    tf_local = {int(tf): i for i, tf in enumerate(p.tf_ls.tolist())}
    excluded = {}
    for tf, targets in ss.items():
        if tf in tf_local:
            hit = ls_local[targets]
            if (hit >= 0).any():
                excluded[tf_local[tf]] = hit[hit >= 0]
    plan = plan_graph(rng, p.tf_ls.size, p.tg_ls.size, c.large.interactions - c.overlap.interactions, excluded)
    cells, probs = ls_catalogue(erng, org.code, org.name, pmids)
    for tf, local in plan.targets(rng):
        idx = erng.choice(len(cells), size=local.size, p=probs).tolist()
        emit(int(p.tf_ls[tf]), p.tg_ls[local], cells, idx, False)
    return tally


def write_browse(path: Path, u: Universe, tally: _Tally) -> None:
    """``Name,UniProt,NCBI,Function,Yes|No,Number of interactions`` per entry, no header, no final newline."""
    rows = []
    for i in np.flatnonzero(tally.as_tf + tally.as_target).tolist():
        fn = function_of(int(tally.as_tf[i]), int(tally.as_target[i]))
        rows.append(f"{u.names[i]},{u.acs[i]},{u.ncbi[i]},{fn},{'Yes' if tally.small[i] else 'No'},"
                    f"{int(tally.as_tf[i] + tally.as_target[i])}")
    path.write_text("\n".join(rows), encoding="utf-8")


def _site_plan(org: Organism, counts: Mapping[Organism, OrganismCounts], u: Universe,
               seed: int) -> list[tuple[str, list[tuple[str, str]], int, int, int]]:
    """(class, TFs, located, unlocated, first ID) per class; IDs continue over organisms in ORGANISMS order."""
    p = _pools(_rng(seed, org, 1), counts[org], len(u.acs))  # same draw as write_interactions
    before = ORGANISMS[:ORGANISMS.index(org)]
    plan = []
    for key, pool in (("ss", p.tf_ss), ("ls", p.tf_ls)):
        first = 1 + sum(getattr(counts[o], "small" if key == "ss" else "large").binding_sequences for o in before)
        cls = counts[org].small if key == "ss" else counts[org].large
        pool = pool if pool.size else np.concatenate((p.tf_ss, p.tf_ls))
        tfs = [(u.acs[i], u.names[i]) for i in np.unique(pool).tolist()]
        plan.append((key, tfs, cls.binding_sites, cls.binding_sequences - cls.binding_sites, first))
    return plan


def planned_rows(scale: float, organisms: Sequence[str] | None = None) -> int:
    """Interaction + binding-site rows :func:`generate` will write (for progress bars)."""
    orgs = [organism(o) for o in organisms] if organisms else list(ORGANISMS)
    return sum(scaled_counts(o.name, scale).total.interactions + scaled_counts(o.name, scale).total.binding_sequences
               for o in orgs)


def generate(outdir: Path | str, scale: float, seed: int, organisms: Sequence[str] | None = None,
             progress: Progress | None = None, compresslevel: int = 1,
             statistics: Mapping[str, tuple[tuple[int, ...], ...]] = STATISTICS) -> dict[str, dict[str, dict[str, int]]]:
    """Write the synthetic release into ``outdir``; returns the planned counts per organism (as verify_counts).

    ``statistics`` replaces TFLink's table (same shape as :data:`STATISTICS`), e.g. to test other overlaps.
    """
    if not 0 < scale <= 1:
        raise ValueError(f"scale must be in (0, 1], got {scale}")
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    tick: Progress = progress or (lambda n: None)
    counts = {o: scaled_counts(o.name, scale, statistics) for o in ORGANISMS}
    universes = build_universes(seed, counts)
    chosen = [organism(o) for o in organisms] if organisms else list(ORGANISMS)
    for org in chosen:
        sink = _Sink(outdir / interactions_file(org), compresslevel)
        try:
            tally = write_interactions(sink, org, counts[org], universes[org], seed, tick)
        finally:
            sink.close()
        write_browse(outdir / browse_file(org), universes[org], tally)
        if statistics[org.name][2][4]:  # TFLink has no binding-site file for zebrafish
            sink = _Sink(outdir / sites_file(org), compresslevel)
            try:
                write_sites(sink, _rng(seed, org, 3), org.code, org.name,
                            _site_plan(org, counts, universes[org], seed), pmid_pool(_rng(seed, org, 4)), tick)
            finally:
                sink.close()
    return {o.name: counts[o].as_dict() for o in chosen}


def _read_rows(path: Path) -> Iterator[list[str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="\n") as fh:
        next(fh)
        for line in fh:
            yield line.rstrip("\n").split("\t")


def verify_counts(outdir: Path | str) -> dict[str, dict[str, dict[str, int]]]:
    """Count what the files in ``outdir`` hold, per organism x scale, with the statistics.csv definitions.

    TFs / targets = distinct TF / target ACs among the rows of the class; small-scale = ``Small-scale.evidence``
    Yes; large-scale = No rows plus Yes rows carrying a ChIP-seq label (GTRD, ReMap); binding sequences = rows of
    the binding-site table, binding sites = those with a chromosome.
    """
    outdir = Path(outdir)
    result: dict[str, dict[str, dict[str, int]]] = {}
    for org in ORGANISMS:
        path = outdir / interactions_file(org)
        if not path.exists():
            continue
        sets: dict[str, tuple[set[str], set[str]]] = {k: (set(), set()) for k in ("small-scale", "large-scale", "total")}
        n = dict.fromkeys(sets, 0)
        for row in _read_rows(path):
            keys = ["total"]
            if row[10] == "Yes":
                keys.append("small-scale")
            if is_large_scale_supported(row[9], row[10]):
                keys.append("large-scale")
            for k in keys:
                sets[k][0].add(row[0])
                sets[k][1].add(row[1])
                n[k] += 1
        sites = {k: [0, 0] for k in sets}  # [located, all]
        if (outdir / sites_file(org)).exists():
            for row in _read_rows(outdir / sites_file(org)):
                for k in ("total", "small-scale" if row[13] == "Yes" else "large-scale"):
                    sites[k][0] += row[5] != "-"
                    sites[k][1] += 1
        result[org.name] = {k: {"tfs": len(sets[k][0]), "targets": len(sets[k][1]), "interactions": n[k],
                                "binding_sites": sites[k][0], "binding_sequences": sites[k][1]} for k in sets}
    return result
