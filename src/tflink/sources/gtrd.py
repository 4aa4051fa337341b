"""GTRD meta-clusters: uniformly processed ChIP-seq peaks per TF (UniProt-keyed), 6 TFLink species.

File layout (`<Genus_species>_meta_clusters.interval[.gz]`): tab-separated with a `#CHROM` header:
`#CHROM START END summit uniprotId tfTitle cell.set treatment.set exp.set peak-caller.set peak-caller.count
exp.count peak.count`; `summit` is an offset from START. Peaks become TF -> gene evidence in
:mod:`tflink.build.peaks` (GTRD binding sites are not exported, as in TFLink).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from ..model import ORGANISMS, organism
from .records import RawPeak, Rejector, numbered_lines, require_columns

NAME = "GTRD"
LABEL = "GTRD"
VERSION = "20.06"
URLS = {o.file_id: f"http://gtrd.biouml.org/downloads/20.06/chip-seq/{o.file_id}_meta_clusters.interval.gz"
        for o in ORGANISMS if o.taxid != 7227}
FILES = tuple(f"{o.file_id}_meta_clusters.interval.gz" for o in ORGANISMS if o.taxid != 7227)
LICENCE = "free for non-commercial use with attribution (informal)"
CITATION_PMID = "27924024"
ATTRIBUTION = "Yevshin I et al. GTRD. Nucleic Acids Res 2017;45:D61-D67 (gtrd.biouml.org)"
ORGANISMS_COVERED = (9606, 10090, 10116, 7955, 6239, 4932)
NAMESPACE = "uniprot"
ASSEMBLIES = {9606: "hg38", 10090: "mm10", 10116: "rn6", 7955: "danRer11", 6239: "ce11", 4932: "sacCer3"}
COLUMNS = ("#CHROM", "START", "END", "summit", "uniprotId", "tfTitle")


def organism_from_name(path: str | Path) -> int | None:
    """Taxid from `Homo_sapiens_meta_clusters...` style names."""
    name = Path(path).name.replace(" ", "_").replace("%20", "_").lower()
    for o in ORGANISMS:
        if name.startswith(o.file_id.lower()):
            return o.taxid
    return None


def parse(path: str | Path, *, organism_id: int | str | None = None, min_peak_callers: int = 1,
          min_experiments: int = 1, stats: Counter[str] | None = None,
          on_reject: Callable[[str, str], None] | None = None, **_: object) -> Iterator[RawPeak]:
    """Yield one RawPeak per meta-cluster passing the peak-caller / experiment count filters."""
    taxid = organism(organism_id).taxid if organism_id is not None else organism_from_name(path)
    reject = Rejector(path, on_reject)
    if taxid is None:
        reject(0, "unknown organism", "pass organism= (file name does not start with Genus_species)")
        return
    stats = stats if stats is not None else Counter()
    lines = numbered_lines(path)
    first = next(lines, None)
    if first is None:
        return
    cols = require_columns(path, first[0], first[1].split("\t"), COLUMNS)
    ic, i_s, ie, isu, iu = (cols[c] for c in COLUMNS[:5])
    ipc, iex = cols.get("peak-caller.count"), cols.get("exp.count")
    fname = Path(path).name
    for n, line in lines:
        stats["rows"] += 1
        f = line.split("\t")
        try:
            start, end, summit = int(f[i_s]), int(f[ie]), int(f[isu])
            callers = int(f[ipc]) if ipc is not None else min_peak_callers
            exps = int(f[iex]) if iex is not None else min_experiments
        except (ValueError, IndexError):
            reject(n, "non-integer coordinate or count", line[:80])
            continue
        if callers < min_peak_callers or exps < min_experiments:
            stats["skipped: below peak-caller/experiment minimum"] += 1
            continue
        yield RawPeak(f[iu].strip(), NAMESPACE, taxid, LABEL, f[ic], start, end, start + summit,
                      record_id=f"{fname}:{n}", source_version=VERSION, assembly=ASSEMBLIES.get(taxid))
