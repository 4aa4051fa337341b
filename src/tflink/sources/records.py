"""Raw records yielded by the source adapters, and small helpers the adapters share.

Adapters report identifiers *as the source writes them* together with the identifier namespace
(`symbol`, `ncbi`, `uniprot`, `ensembl`, `flybase`, `wormbase`, `sgd`, `mgi`, `rgd`, `zfin`); mapping
to UniProt accessions happens later in :mod:`tflink.build.idmap`. Methods are the source's own words;
:mod:`tflink.build.rules` turns them into PSI-MI terms and small-/large-scale classes.
"""
from __future__ import annotations

import bz2
import gzip
import lzma
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..errors import InputError

NAMESPACES: tuple[str, ...] = ("symbol", "ncbi", "uniprot", "ensembl", "flybase", "wormbase", "sgd", "mgi", "rgd",
                               "zfin")


@dataclass(frozen=True, slots=True)
class RawEvidence:
    """One TF -> target statement of a source, before identifier mapping.

    `small_scale` is None when the integration rules decide the class from source + method;
    `sign` is the source's own word (TRRUST mode, DoRothEA mor) normalised by the adapter through
    :data:`tflink.build.rules.SIGNS`.
    """

    tf_id: str
    tf_namespace: str
    target_id: str
    target_namespace: str
    taxid: int
    source: str  # label shown to users: TRRUST, GTRD, IntAct_via_DoRothEA, PAZAR, ...
    method: str = ""  # source's own method text; "" = the source's default
    pmids: tuple[str, ...] = ()
    small_scale: bool | None = None
    sign: str | None = None
    record_id: str = ""  # source record id, or file:line
    source_version: str = ""


@dataclass(frozen=True, slots=True)
class RawSite:
    """One TF binding site of a source, before identifier mapping; coordinates 1-based, inclusive."""

    tf_id: str
    tf_namespace: str
    taxid: int
    source: str
    assembly: str | None = None
    chromosome: str | None = None
    start: int | None = None
    end: int | None = None
    strand: str | None = None
    sequence: str | None = None
    method: str = ""
    pmids: tuple[str, ...] = ()
    small_scale: bool | None = None
    record_id: str = ""
    source_version: str = ""
    target_id: str | None = None  # the regulated gene, when the source names one
    target_namespace: str | None = None


@dataclass(frozen=True, slots=True)
class RawPeak:
    """A ChIP-seq peak (0-based half-open like BED) with its summit; assigned to genes by build.peaks."""

    tf_id: str
    tf_namespace: str
    taxid: int
    source: str
    chromosome: str
    start: int
    end: int
    summit: int  # absolute 0-based position
    record_id: str = ""
    source_version: str = ""
    assembly: str | None = None


@dataclass(frozen=True, slots=True)
class RawMatrix:
    """A JASPAR matrix attached to a TF (for entry pages: the JASPAR matrix IDs)."""

    matrix_id: str  # MA0100.3
    name: str
    tf_id: str
    tf_namespace: str
    taxid: int
    data_type: str = ""
    pmids: tuple[str, ...] = ()


Record = RawEvidence | RawSite | RawPeak | RawMatrix


def open_text(path: str | Path) -> IO[str]:
    """Open a text file, transparently decompressing .gz / .bz2 / .xz."""
    p = str(path)
    if p.endswith(".gz"):
        return gzip.open(p, "rt", encoding="utf-8", errors="replace", newline="")
    if p.endswith(".bz2"):
        return bz2.open(p, "rt", encoding="utf-8", errors="replace", newline="")
    if p.endswith(".xz"):
        return lzma.open(p, "rt", encoding="utf-8", errors="replace", newline="")
    return open(p, encoding="utf-8", errors="replace", newline="")


def numbered_lines(path: str | Path) -> Iterator[tuple[int, str]]:
    """Yield (1-based line number, line without line ending), skipping blank lines."""
    with open_text(path) as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\r\n")
            if line.strip():
                yield n, line


def split_pmids(cell: str, seps: str = ";,| ") -> tuple[str, ...]:
    """PubMed IDs from a cell with any of `seps` as separator; keeps digits-only tokens, in order, unique."""
    out: list[str] = []
    token = ""
    for ch in cell + seps[0]:
        if ch in seps:
            t = token.strip()
            if t.lower().startswith("pmid:"):
                t = t[5:]
            if t.isdigit() and t not in out:
                out.append(t)
            token = ""
        else:
            token += ch
    return tuple(out)


def require_columns(path: str | Path, line: int, header: list[str], needed: tuple[str, ...]) -> dict[str, int]:
    """Column name -> index for a header, or an InputError naming the missing columns."""
    index = {h.strip().strip('"'): i for i, h in enumerate(header)}
    missing = [c for c in needed if c not in index]
    if missing:
        raise InputError(path, line, f"missing column(s) {', '.join(missing)}; found {', '.join(index)}")
    return index


def check_fields(path: str | Path, line: int, fields: list[str], n: int) -> None:
    """Raise InputError unless the row has at least n fields."""
    if len(fields) < n:
        raise InputError(path, line, f"expected at least {n} fields, found {len(fields)}")


class Rejector:
    """What an adapter does with a bad row: raise InputError (strict) or count it through a callback.

    `on_reject(reason, example)` is typically :meth:`tflink.model.InputFile.reject`.
    """

    def __init__(self, path: str | Path, on_reject: Callable[[str, str], None] | None = None) -> None:
        self.path = str(path)
        self.on_reject = on_reject

    def __call__(self, line: int, reason: str, detail: str = "") -> None:
        """Reject row `line` for `reason`; raises InputError when no callback was given."""
        message = f"{reason}: {detail}" if detail else reason
        if self.on_reject is None:
            raise InputError(self.path, line, message)
        self.on_reject(reason, f"{Path(self.path).name}:{line}: {detail or reason}")

