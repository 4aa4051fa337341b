"""ReMap: ChIP-seq peak catalogues (BED9), human in TFLink (ReMap 2018 v1.2, hg38).

`name` is the TF symbol (2018 nr), `TF:biotypes` (2022 nr) or `GSE.TF.biotype` (the "all" catalogues);
thickStart/thickEnd mark the summit. Coordinates are 0-based half-open. Peaks become TF -> gene evidence in
:mod:`tflink.build.peaks`; with the input option `sites = true` they are also kept as binding sites.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from ..model import organism
from .records import RawPeak, Rejector, numbered_lines

NAME = "ReMap"
LABEL = "ReMap"
VERSION = "2018 v1.2"
URLS = {
    "nr": "https://remap.univ-amu.fr/storage/remap2018/hg38/MACS/remap2018_nr_macs2_hg38_v1_2.bed.gz",
    "all": "https://remap.univ-amu.fr/storage/remap2018/hg38/MACS/remap2018_all_macs2_hg38_v1_2.bed.gz",
}
FILES = ("remap2018_nr_macs2_hg38_v1_2.bed.gz", "remap2018_all_macs2_hg38_v1_2.bed.gz")
LICENCE = "CC BY 4.0"
CITATION_PMID = "29126285"
ATTRIBUTION = "Cheneby J et al. ReMap 2018. Nucleic Acids Res 2018;46:D267-D275 (remap.univ-amu.fr)"
ORGANISMS = (9606,)
NAMESPACE = "symbol"


def tf_of(name: str) -> str:
    """TF symbol from a BED name: `SOX2`, `ZNF24:HEK293,K-562`, `GSE41561.SOX2.ES` or `ENCSR000BGZ.CTCF.K562`."""
    name = name.split(":", 1)[0]
    parts = name.split(".")
    if len(parts) >= 3 and (parts[0].startswith(("GSE", "ENCSR", "E-MTAB")) or parts[0][:1].isdigit()):
        return parts[1]
    return name


def parse(path: str | Path, *, organism_id: int | str | None = None, assembly: str = "hg38",
          stats: Counter[str] | None = None, on_reject: Callable[[str, str], None] | None = None,
          **_: object) -> Iterator[RawPeak]:
    """Yield one RawPeak per BED line (track/browser/# lines skipped)."""
    taxid = organism(organism_id if organism_id is not None else 9606).taxid
    reject = Rejector(path, on_reject)
    stats = stats if stats is not None else Counter()
    fname = Path(path).name
    for n, line in numbered_lines(path):
        if line.startswith(("track", "browser", "#")):
            continue
        stats["rows"] += 1
        f = line.split("\t")
        if len(f) < 4:
            reject(n, "expected a BED line with at least 4 columns", line[:80])
            continue
        try:
            start, end = int(f[1]), int(f[2])
            summit = int(f[6]) if len(f) >= 8 and f[6].strip() else (start + end) // 2
        except ValueError:
            reject(n, "non-integer BED coordinate", line[:80])
            continue
        if end <= start:
            reject(n, "BED end <= start", line[:80])
            continue
        yield RawPeak(tf_of(f[3].strip()), NAMESPACE, taxid, LABEL, f[0], start, end, summit,
                      record_id=f"{fname}:{n}", source_version=VERSION, assembly=assembly)
