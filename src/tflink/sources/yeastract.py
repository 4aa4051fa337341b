"""YEASTRACT: documented S. cerevisiae TF -> target associations.

Layouts (detected from the first line):
* `RegulationTwoColumnTable_*.tsv`: `TF;Target`, no header (split on the first `;` — names hold `,` and `()`);
* `RegulationMatrix_*.csv`: `;`-separated; first row = number of targets + target names; each other row =
  TF protein name (`Smp1p`) + 0/1/-1 per target (-1 = negative regulation);
* a richer tab-separated dump with a header naming at least `TF` and `Target` and optionally `Method` /
  `Evidence`, `PMID` / `Reference`, `Sign` / `Association`: methods and PMIDs are carried through.
Identifiers are standard gene names or ORF names (namespace `symbol`, matched against SGD names).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from .records import RawEvidence, Rejector, numbered_lines, split_pmids

NAME = "Yeastract"
LABEL = "Yeastract"
VERSION = "2020 export"
URLS = {"site": "http://www.yeastract.com/formregmatrix.php"}
FILES = ("RegulationTwoColumnTable_Documented.tsv", "RegulationMatrix_Documented.csv")
LICENCE = "free for academic use (no machine-readable licence)"
CITATION_PMID = "24170807"
ATTRIBUTION = "Teixeira MC et al. YEASTRACT. Nucleic Acids Res 2014;42:D161-D166 (yeastract.com)"
ORGANISMS = (4932,)
TAXID = 4932
# matrix value 1 = "regulates" (the export mixes activator and repressor modes), -1 = negative regulation
_SIGNS = {"-1": "repression", "positive": "activation", "negative": "repression",
          "activator": "activation", "inhibitor": "repression", "repressor": "repression"}


def gene_of_protein(name: str) -> str:
    """`Smp1p` -> `SMP1` (YEASTRACT writes TF proteins as gene name + p)."""
    name = name.strip()
    return (name[:-1] if name.endswith("p") and len(name) > 1 else name).upper()


def parse(path: str | Path, *, stats: Counter[str] | None = None,
          on_reject: Callable[[str, str], None] | None = None, **_: object) -> Iterator[RawEvidence]:
    """Yield RawEvidence from any of the three layouts."""
    stats = stats if stats is not None else Counter()
    reject = Rejector(path, on_reject)
    lines = numbered_lines(path)
    first = next(lines, None)
    if first is None:
        return
    head = first[1].split("\t")
    lower = [h.strip().lower() for h in head]
    if "tf" in lower and "target" in lower:
        yield from _rich(path, lower, lines, stats, reject)
    elif first[1].split(";", 1)[0].strip().isdigit():
        yield from _matrix(path, first[1].split(";")[1:], lines, stats, reject)
    else:
        yield from _two_column(path, [first, *lines], stats, reject)


def _ev(path: str | Path, n: int, tf: str, target: str, method: str = "", pmids: tuple[str, ...] = (),
        sign: str | None = None) -> RawEvidence:
    return RawEvidence(tf, "symbol", target, "symbol", TAXID, LABEL, method, pmids, sign=sign,
                       record_id=f"{Path(path).name}:{n}", source_version=VERSION)


def _two_column(path: str | Path, lines: list[tuple[int, str]] | Iterator[tuple[int, str]],
                stats: Counter[str], reject: Rejector) -> Iterator[RawEvidence]:
    for n, line in lines:
        stats["rows"] += 1
        tf, sep, target = line.partition(";")
        if not sep or not tf.strip() or not target.strip():
            reject(n, "expected `TF;Target`", line[:80])
            continue
        yield _ev(path, n, tf.strip(), target.strip())


def _matrix(path: str | Path, targets: list[str], lines: Iterator[tuple[int, str]], stats: Counter[str],
            reject: Rejector) -> Iterator[RawEvidence]:
    for n, line in lines:
        stats["rows"] += 1
        f = line.split(";")
        if len(f) - 1 != len(targets):
            reject(n, f"expected {len(targets)} matrix values", f"found {len(f) - 1}")
            continue
        tf = gene_of_protein(f[0])
        for target, value in zip(targets, f[1:]):
            v = value.strip()
            if v and v != "0":
                yield _ev(path, n, tf, target.strip(), sign=_SIGNS.get(v))


def _get(fields: list[str], i: int | None) -> str:
    return fields[i].strip() if i is not None and i < len(fields) else ""


def _rich(path: str | Path, cols: list[str], lines: Iterator[tuple[int, str]], stats: Counter[str],
          reject: Rejector) -> Iterator[RawEvidence]:
    def col(*names: str) -> int | None:
        return next((cols.index(x) for x in names if x in cols), None)
    itf, itg = cols.index("tf"), cols.index("target")
    im, ip, isg = col("method", "evidence", "experiment"), col("pmid", "pubmed", "reference"), col("sign", "association")
    for n, line in lines:
        stats["rows"] += 1
        f = line.split("\t")
        if len(f) <= max(itf, itg) or not f[itf].strip() or not f[itg].strip():
            reject(n, "missing TF or target", line[:80])
            continue
        tf = f[itf].strip()
        if tf.endswith("p") and tf[:1].isupper() and not tf.isupper():  # protein name such as Smp1p
            tf = gene_of_protein(tf)
        yield _ev(path, n, tf, f[itg].strip(), _get(f, im), split_pmids(_get(f, ip)), _SIGNS.get(_get(f, isg).lower()))
