"""Evidence cells (methods, PubMed IDs, sources, small-scale flag) for the synthetic TFLink release.

Only labels TFLink v1.0 actually shows are used, and only for the organisms the FAQ lists them for (spec §4.1).
A cell is ``Detection.method<TAB>PubmedID<TAB>Organism<TAB>Source.database<TAB>Small-scale.evidence`` — the five
consecutive columns 7-11 of the interaction table — with methods and sources sorted (ASCII) and PubMed IDs in
"original papers first, then the databases' own papers" order, as in the real files.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

# citation PMIDs of the source databases as TFLink writes them (spec §4.1); Yeastract: YEASTRACT+ 2020 paper
DB_PMID = {"GTRD": "27924024", "ReMap": "29126285", "TRRUST": "29087512", "TRED": "17202159", "HTRI": "22900683",
           "ORegAnno": "26578589", "PAZAR": "18971253", "REDfly": "20965965", "IntAct_via_DoRothEA": "24234451",
           "TFe_via_DoRothEA": "31340985", "KEGG_via_DoRothEA": "31340985", "FANTOM4_via_DoRothEA": "31340985",
           "TFactS_via_DoRothea": "31340985", "Yeastract": "31584099"}
# labels that only large-scale (ChIP-seq) data carry: a Yes row holding one is supported by both classes
LS_ONLY_LABELS = frozenset({"GTRD", "ReMap"})
CHIP = "chromatin immunoprecipitation assay"
CURATOR = "inferred by curator"
_LOW = ("electrophoretic mobility shift assay", "DNase I footprinting", CHIP, "experimental interaction detection")
_METHODS: dict[str, tuple[str, ...]] = {
    "TRRUST": (CURATOR,), "TRED": (CURATOR,), "IntAct_via_DoRothEA": (CURATOR,), "TFe_via_DoRothEA": (CURATOR,),
    "KEGG_via_DoRothEA": (CURATOR,), "FANTOM4_via_DoRothEA": (CURATOR,), "TFactS_via_DoRothea": (CURATOR,),
    "HTRI": _LOW, "ORegAnno": _LOW + (CURATOR,), "REDfly": _LOW[:2] + ("experimental interaction detection",),
    "Yeastract": ("experimental interaction detection", "genetic interference", "electrophoretic mobility shift assay"),
}
# small-scale sources per organism with relative weights (spec §4.1: TFLink's FAQ source table)
SS_SOURCES: dict[str, tuple[tuple[str, float], ...]] = {
    "Hs": (("TRRUST", 0.40), ("TRED", 0.20), ("HTRI", 0.12), ("ORegAnno", 0.08), ("IntAct_via_DoRothEA", 0.06),
           ("TFe_via_DoRothEA", 0.04), ("KEGG_via_DoRothEA", 0.04), ("FANTOM4_via_DoRothEA", 0.03),
           ("TFactS_via_DoRothea", 0.03)),
    "Mm": (("TRRUST", 0.5), ("TRED", 0.3), ("ORegAnno", 0.2)),
    "Rn": (("ORegAnno", 1.0),),
    "Dr": (),
    "Dm": (("REDfly", 0.7), ("ORegAnno", 0.3)),
    "Ce": (("ORegAnno", 1.0),),
    "Sc": (("Yeastract", 0.9), ("ORegAnno", 0.1)),
}
# large-scale label combinations per organism with weights; the method of each label is fixed below
LS_PROFILES: dict[str, tuple[tuple[tuple[str, ...], float], ...]] = {
    "Hs": ((("GTRD",), 0.5), (("ReMap",), 0.12), (("GTRD", "ReMap"), 0.35), (("HTRI",), 0.01),
           (("GTRD", "HTRI"), 0.005), (("ORegAnno", "PAZAR"), 0.01), (("GTRD", "ORegAnno"), 0.005)),
    "Mm": ((("GTRD",), 0.96), (("ORegAnno",), 0.02), (("GTRD", "ORegAnno"), 0.02)),
    "Rn": ((("GTRD",), 0.97), (("ORegAnno",), 0.03)),
    "Dr": ((("GTRD",), 1.0),),
    "Dm": ((("GTRD",), 0.98), (("ORegAnno",), 0.015), (("REDfly",), 0.005)),
    "Ce": ((("GTRD",), 0.97), (("ORegAnno",), 0.03)),
    "Sc": ((("Yeastract",), 0.6), (("GTRD",), 0.25), (("GTRD", "Yeastract"), 0.15)),
}
_LS_METHOD = {"GTRD": CHIP, "ReMap": CHIP, "HTRI": "chromatin immunoprecipitation array", "ORegAnno": CURATOR,
              "PAZAR": CURATOR, "REDfly": CHIP, "Yeastract": CHIP}
_CITES_ORIGINAL = frozenset({"HTRI", "ORegAnno", "REDfly", "Yeastract"})  # records carrying the original paper
_VARIANTS = 40  # profiles with an original paper come in this many PMID variants


def pmid_pool(rng: np.random.Generator, n: int = 500) -> list[str]:
    """Plausible (random) PubMed IDs of original papers."""
    return [str(x) for x in rng.integers(1_000_000, 34_000_000, n).tolist()]


def _cell(methods: set[str], pmids: list[str], organism: str, sources: set[str], small: bool) -> str:
    seen: dict[str, None] = dict.fromkeys(pmids)
    return (f"{';'.join(sorted(methods))}\t{';'.join(seen)}\t{organism}\t{';'.join(sorted(sources))}\t"
            f"{'Yes' if small else 'No'}")


def ss_cell(rng: np.random.Generator, code: str, organism: str, pmids: Sequence[str], both: bool) -> str:
    """Evidence cell of one small-scale interaction (1-3 curated sources; plus ChIP-seq labels when ``both``)."""
    labels, weights = zip(*SS_SOURCES[code])
    k = min(len(labels), int(rng.choice([1, 2, 3], p=[0.7, 0.22, 0.08])))
    chosen = rng.choice(len(labels), size=k, replace=False, p=np.asarray(weights) / sum(weights))
    sources = {labels[i] for i in chosen.tolist()}
    if "ORegAnno" in sources and code in ("Hs", "Mm") and rng.random() < 0.3:
        sources.add("PAZAR")
    methods: set[str] = set()
    originals: list[str] = []
    for s in sorted(sources):
        opts = _METHODS.get(s, (CURATOR,))
        methods.add(opts[int(rng.integers(len(opts)))])
        originals.extend(pmids[int(i)] for i in rng.integers(0, len(pmids), int(rng.integers(1, 3))))
    if both:
        sources.update(("GTRD",) if code != "Hs" or rng.random() < 0.5 else ("GTRD", "ReMap"))
        methods.add(CHIP)
    return _cell(methods, originals + [DB_PMID[s] for s in sorted(sources)], organism, sources, True)


def ls_catalogue(rng: np.random.Generator, code: str, organism: str, pmids: Sequence[str]) -> tuple[list[str],
                                                                                                     np.ndarray]:
    """Evidence cells of large-scale-only interactions and their sampling probabilities."""
    cells: list[str] = []
    probs: list[float] = []
    for labels, weight in LS_PROFILES[code]:
        n = _VARIANTS if _CITES_ORIGINAL & set(labels) else 1
        for _ in range(n):
            originals = [pmids[int(rng.integers(len(pmids)))]] if n > 1 else []
            methods = {_LS_METHOD[s] for s in labels}
            cells.append(_cell(methods, originals + [DB_PMID[s] for s in labels], organism, set(labels), False))
            probs.append(weight / n)
    p = np.asarray(probs)
    return cells, p / p.sum()


def is_large_scale_supported(sources_cell: str, small_scale_cell: str) -> bool:
    """TFLink counting rule used by :func:`tflink.synth.verify_counts`: No rows, or Yes rows with ChIP-seq labels."""
    return small_scale_cell == "No" or not LS_ONLY_LABELS.isdisjoint(sources_cell.split(";"))
