"""TRRUST v2: manually curated TF -> target relations with mode of regulation (human, mouse).

File layout: tab-separated, no header, 4 columns `TF  target  Activation|Repression|Unknown  PMIDs(;)`;
identifiers are gene symbols (HGNC style for human, MGI style for mouse).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from ..model import organism
from .records import RawEvidence, Rejector, numbered_lines, split_pmids

NAME = "TRRUST"
LABEL = "TRRUST"
VERSION = "2"
URLS = {
    "human": "https://www.grnpedia.org/trrust/data/trrust_rawdata.human.tsv",
    "mouse": "https://www.grnpedia.org/trrust/data/trrust_rawdata.mouse.tsv",
}
FILES = ("trrust_rawdata.human.tsv", "trrust_rawdata.mouse.tsv")
LICENCE = "CC BY-SA 4.0"
CITATION_PMID = "29087512"
ATTRIBUTION = "Han H et al. TRRUST v2. Nucleic Acids Res 2018;46:D380-D386 (grnpedia.org/trrust)"
ORGANISMS = (9606, 10090)
NAMESPACE = "symbol"
MODES = {"activation": "activation", "repression": "repression", "unknown": "unknown"}


def organism_from_name(path: str | Path) -> int | None:
    """Taxid from a file name like trrust_rawdata.human.tsv, or None."""
    name = Path(path).name.lower()
    for word, taxid in (("human", 9606), ("mouse", 10090)):
        if word in name:
            return taxid
    return None


def parse(path: str | Path, *, organism_id: int | str | None = None,
          stats: Counter[str] | None = None, on_reject: Callable[[str, str], None] | None = None,
          **_: object) -> Iterator[RawEvidence]:
    """Yield one RawEvidence per line (method = curation; sign from the mode column)."""
    taxid = organism(organism_id).taxid if organism_id is not None else organism_from_name(path)
    reject = Rejector(path, on_reject)
    if taxid is None:
        reject(0, "unknown organism", "pass organism= (file name has neither 'human' nor 'mouse')")
        return
    fname = Path(path).name
    stats = stats if stats is not None else Counter()
    for n, line in numbered_lines(path):
        stats["rows"] += 1
        f = line.split("\t")
        if len(f) < 4 or not f[0].strip() or not f[1].strip():
            reject(n, "expected 4 tab-separated fields TF, target, mode, PMIDs", line[:80])
            continue
        mode = MODES.get(f[2].strip().lower())
        if mode is None:
            reject(n, "unknown mode of regulation", f[2])
            continue
        yield RawEvidence(f[0].strip(), NAMESPACE, f[1].strip(), NAMESPACE, taxid, LABEL, "",
                          split_pmids(f[3]), sign=mode, record_id=f"{fname}:{n}", source_version=VERSION)
