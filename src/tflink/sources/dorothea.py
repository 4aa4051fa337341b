"""DoRothEA: TF regulons of curated, ChIP-seq, TFBS and inferred evidence (saezlab; human, mouse).

Layouts read:
* `entire_database.rda` (R data; or its CSV rendering): `tf, target, mor, confidence, is_evidence_*,
  which_curated, which_chip_seq, ..., pubmed_id` — per-evidence-type tags;
* the 2018 "TFregulons" CSV `database_<normal|PANCANCER>_<date>.csv`: `TF, target, effect, score,
  is_evidence_curateddatabase, ..., which_curateddatabase, which_chipSeq, ..., pubmedID_from_curated_resources`;
* the regulon tables `dorothea_hs.rda` / `dorothea_mm.rda` (`tf, confidence, target, mor`).

Default evidence filter = TFLink's choice: the curated evidence of TFactS, IntAct, KEGG, FANTOM4 and TFe
(resources TFLink does not ingest directly), each labelled `<resource>_via_DoRothEA`, small-scale.
Options: `curated=[tags]` (or "all"/"none"), `chip_seq=True` adds ChIP-seq rows as `ReMap_via_DoRothEA`
(large-scale), `confidence="ABC"` filters regulon tables (label `DoRothEA`).
R data are read with `pyreadr` (fast, C) when installed, else with the pure-Python `rdata`.
"""
from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..model import organism
from .records import RawEvidence, Rejector, open_text, split_pmids

NAME = "DoRothEA"
LABEL = "DoRothEA"
VERSION = "1.x (Bioconductor dorothea, data of 2021-05-25)"
VERSION_2018 = "2 (2018 TFregulons table)"
URLS = {
    "entire_database": "https://github.com/saezlab/dorothea/raw/master/data/entire_database.rda",
    "dorothea_hs": "https://github.com/saezlab/dorothea/raw/master/data/dorothea_hs.rda",
    "dorothea_mm": "https://github.com/saezlab/dorothea/raw/master/data/dorothea_mm.rda",
}
FILES = ("entire_database.rda", "dorothea_hs.rda", "dorothea_mm.rda", "database_PANCANCER_20181030.csv")
LICENCE = "CC BY-NC 4.0 (academic use; contains TRED)"
CITATION_PMID = "31340985"
ATTRIBUTION = "Garcia-Alonso L et al. Genome Res 2019;29:1363-1375 (saezlab/dorothea)"
ORGANISMS = (9606, 10090)
NAMESPACE = "symbol"

# normalised curated tag (lower case, no "_") -> TFLink label of the original resource
CURATED_LABELS = {
    "tfact": "TFactS", "intact": "IntAct", "kegg": "KEGG", "fantom4": "FANTOM4", "tfe": "TFe",
    "pazar": "PAZAR", "trrust": "TRRUST", "tredviaregnetwork": "TRED", "htridb": "HTRI", "oreganno": "ORegAnno",
    "reviews": "Reviews", "trrdviatfact": "TRRD", "nfiregulomedb": "NFIRegulomeDB",
}
TFLINK_CURATED = ("tfact", "intact", "kegg", "fantom4", "tfe")
VIA = "_via_DoRothEA"
CHIP_LABEL = "ReMap" + VIA
MOR_SIGNS = {1: "activation", -1: "repression", 0: "unknown"}

_ENTIRE = ("tf", "target", "mor", "which_curated", "which_chip_seq", "pubmed_id")
_V2018 = ("TF", "target", "effect", "which_curateddatabase", "which_chipSeq", "pubmedID_from_curated_resources")
_REGULON = ("tf", "target", "mor", "confidence")


def norm_tag(tag: str) -> str:
    """`tf_act` / `tfact` / `TFactS` -> `tfact` (the key of CURATED_LABELS)."""
    t = tag.strip().lower().replace("_", "").replace("-", "")
    return "tfact" if t == "tfacts" else t


def read_table(path: str | Path) -> tuple[list[str], Iterator[tuple[Any, ...]], str]:
    """(column names, row tuples, layout name) of an .rda or .csv DoRothEA file."""
    p = Path(path)
    if p.suffix.lower() in (".rda", ".rdata", ".rds"):
        frame = _read_r(p)
        cols = [str(c) for c in frame.columns]
        return cols, zip(*(frame[c].tolist() for c in cols)), _layout(p, cols)
    fh = open_text(p)
    reader = csv.reader(fh)
    cols = next(reader, [])
    return cols, (tuple(r) for r in reader), _layout(p, cols)


def _read_r(path: Path) -> Any:
    try:
        import pyreadr  # type: ignore[import-untyped]
        return next(iter(pyreadr.read_r(str(path)).values()))
    except ImportError:  # pragma: no cover - exercised only without pyreadr
        import warnings

        import rdata  # type: ignore[import-untyped]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return next(iter(rdata.read_rda(str(path)).values()))


def _layout(path: Path, cols: list[str]) -> str:
    for name, needed in (("entire", _ENTIRE), ("v2018", _V2018), ("regulon", _REGULON)):
        if all(c in cols for c in needed):
            return name
    from ..errors import InputError
    raise InputError(path, 1, "not a DoRothEA table: expected the entire_database, 2018 CSV or regulon columns; "
                              f"found {', '.join(cols[:14])}")


def parse(path: str | Path, *, organism_id: int | str | None = None, curated: Iterable[str] | str | None = None,
          chip_seq: bool = False, confidence: str = "ABC", stats: Counter[str] | None = None,
          on_reject: Callable[[str, str], None] | None = None, **_: object) -> Iterator[RawEvidence]:
    """Yield RawEvidence for the rows passing the evidence filter (see module docstring)."""
    taxid = organism(organism_id).taxid if organism_id is not None else (
        10090 if "_mm" in Path(path).name.lower() else 9606)
    stats = stats if stats is not None else Counter()
    cols, rows, layout = read_table(path)
    idx = {c: i for i, c in enumerate(cols)}
    reject = Rejector(path, on_reject)
    if layout == "regulon":
        yield from _regulons(path, rows, idx, taxid, set(confidence.upper()), stats, reject,
                             1 + (Path(path).suffix.lower() == ".csv"))
        return
    tags = _wanted(curated)
    names = _ENTIRE if layout == "entire" else _V2018
    version = VERSION if layout == "entire" else VERSION_2018
    it, ig, im, icur, ichip, ipm = (idx[c] for c in names)
    fname, offset = Path(path).name, (1 if Path(path).suffix.lower() == ".csv" else 0)
    for n, row in enumerate(rows, 1 + offset):
        stats["rows"] += 1
        if not str(row[it]).strip() or not str(row[ig]).strip():
            reject(n, "empty TF or target", str(row)[:80])
            continue
        sign = _sign(row[im])
        base: dict[str, Any] = {"tf_id": str(row[it]), "tf_namespace": NAMESPACE, "target_id": str(row[ig]),
                                "target_namespace": NAMESPACE, "taxid": taxid, "sign": sign,
                                "record_id": f"{fname}:{n}", "source_version": version}
        hit = False
        for tag in _split_tags(row[icur]):
            if tag in tags:
                hit = True
                yield RawEvidence(source=CURATED_LABELS.get(tag, tag) + VIA, method="curated",
                                  pmids=split_pmids(str(row[ipm]), ",;"), small_scale=True, **base)
        if chip_seq and _split_tags(row[ichip]):
            hit = True
            yield RawEvidence(source=CHIP_LABEL, method="ChIP-seq", small_scale=False, **base)
        if not hit:
            stats["skipped: not in the evidence filter"] += 1


def _wanted(curated: Iterable[str] | str | None) -> set[str]:
    if curated is None:
        return set(TFLINK_CURATED)
    if isinstance(curated, str):
        if curated.lower() == "all":
            return set(CURATED_LABELS)
        if curated.lower() == "none":
            return set()
        curated = curated.split(",")
    return {norm_tag(c) for c in curated}


def _split_tags(cell: Any) -> list[str]:
    text = "" if cell is None else str(cell)
    if text.lower() in ("", "none", "na", "nan", "<na>", "-"):
        return []
    return list(dict.fromkeys(norm_tag(t) for t in text.split(",") if t.strip()))


def _sign(value: Any) -> str:
    try:
        return MOR_SIGNS.get(int(float(value)), "unknown")
    except (TypeError, ValueError):
        return "unknown"


def _regulons(path: str | Path, rows: Iterator[tuple[Any, ...]], idx: dict[str, int], taxid: int,
              levels: set[str], stats: Counter[str], reject: Rejector, first: int) -> Iterator[RawEvidence]:
    fname = Path(path).name
    it, ig, im, ic = idx["tf"], idx["target"], idx["mor"], idx["confidence"]
    for n, row in enumerate(rows, first):
        stats["rows"] += 1
        if not str(row[it]).strip() or not str(row[ig]).strip():
            reject(n, "empty TF or target", str(row)[:80])
            continue
        level = str(row[ic])
        if level not in levels:
            stats[f"skipped: confidence {level} not in {''.join(sorted(levels))}"] += 1
            continue
        yield RawEvidence(str(row[it]), NAMESPACE, str(row[ig]), NAMESPACE, taxid, LABEL, f"confidence {level}",
                          sign=_sign(row[im]), small_scale=False, record_id=f"{fname}:{n}", source_version=VERSION)
