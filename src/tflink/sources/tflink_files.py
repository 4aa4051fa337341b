"""Official TFLink release files: interaction tables, binding-site tables, per-entry downloads, browse tables.

`detect(path)` says which format a file is (from its header and name); `parse(path, fmt)` yields records:
`("entry", Entry)`, `("interaction", InteractionRow)`, `("site", BindingSite)`, `("ortholog", Ortholog)`.
Bad content raises :class:`~tflink.errors.InputError` naming the file and line, or, with `lenient=True`, is
counted as a reject in the file's :class:`~tflink.model.InputFile`.
"""
from __future__ import annotations

import gzip
import io
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Iterator, NamedTuple

from .. import model
from ..errors import InputError
from ..model import BindingSite, Entry, InputFile, Ortholog

NAME = "TFLink"
CITATION_PMID = "36124642"
LICENCE = "TFLink: freely available for non-commercial use"
LS_ONLY_SOURCES = frozenset({"GTRD", "ReMap"})
_PUBMED_URL = re.compile(r"^https?://[^?]*\?term=", re.I)
_ENTRY_FILE = re.compile(r"(?:TFLink_)?(tfs|targets)_of_([A-Za-z0-9]+)", re.I)
_SPECIES_FILE = re.compile(r"(Homo_sapiens|Mus_musculus|Rattus_norvegicus|Danio_rerio|Drosophila_melanogaster|"
                           r"Caenorhabditis_elegans|Saccharomyces_cerevisiae)")
_AC = re.compile(r"^[A-Z0-9]{6,10}(-\d+)?$")

FORMATS = {
    "interactions": "interaction table (simpleFormat; 15 columns in v1.0, 10 in pre-releases)",
    "binding_sites": "binding-site annotation table (16 columns in v1.0; 12/13 in pre-releases and per-entry files)",
    "entry_partners": "per-entry download `tfs_of_<AC>` / `targets_of_<AC>` (8 columns)",
    "browse": "browse table `<Species>_browse.csv` (6 columns, no header)",
}
INTERACTION_REQUIRED = ("UniprotID.TF", "UniprotID.Target", "NCBI.GeneID.TF", "NCBI.GeneID.Target", "Name.TF",
                        "Name.Target", "Detection.method", "PubmedID", "Organism", "Source.database")
SITE_REQUIRED = ("TFLinkID", "UniprotID.TF", "Name.TF", "Organism", "Detection.method", "PubmedID",
                 "Source.database", "Assembly", "Chromosome", "Start", "End", "Strand")


class InteractionRow(NamedTuple):
    tf: str
    target: str
    taxid: int
    sources: list[str]
    methods: list[str]
    pmids: list[str]
    small_scale: bool
    large_scale: bool


@dataclass
class Detected:
    format: str
    delimiter: str
    header: list[str] | None
    scale: str | None  # "SS", "LS", "All" from the file name
    entry_role: str | None = None  # tfs / targets, for per-entry files
    entry_ac: str | None = None
    taxid: int | None = None  # from the file name (browse tables)
    columns: dict[str, int] | None = None  # header name -> position, filled by the row parser once
    state: Any = None  # per-file parser state (tflink_rows)


def open_binary(path: Path) -> IO[bytes]:
    """Open plain or gzip bytes (gzip detected by its magic bytes)."""
    with open(path, "rb") as fh:
        magic = fh.read(2)
    if magic == b"\x1f\x8b":
        return io.BufferedReader(gzip.open(path, "rb"), 1 << 20)  # type: ignore[arg-type]
    return open(path, "rb")


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, line without newline), decoded line by line so that a bad byte is reported on its line."""
    n = 0
    try:
        with open_binary(path) as fh:
            for n, raw in enumerate(fh, 1):
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise InputError(path, n, f"not UTF-8 text ({exc.reason} at byte {exc.start} of the line); "
                                              "expected a UTF-8 TFLink table") from exc
                yield n, line.rstrip("\r\n")
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise InputError(path, n + 1, f"truncated or corrupt gzip file ({exc}); download it again") from exc


def detect(path: Path) -> Detected:
    """Tell the format of a TFLink file from its first line and its name."""
    first = next(iter(_lines(path)), None)
    if first is None or not first[1].strip():
        raise InputError(path, 1, "empty file; expected a TFLink table with a header line (or a browse table)")
    line = first[1]
    delim = "\t" if "\t" in line else ","
    cols = [c.strip() for c in line.split(delim)]
    name = path.name
    scale = next((s for s in ("SS", "LS", "All") if f"_{s}_" in name or name.startswith(f"{s}_")), None)
    species = _SPECIES_FILE.search(name)
    taxid = model.organism(species.group(1)).taxid if species else None
    if cols[:2] == ["UniprotID.TF", "UniprotID.Target"]:
        return Detected("interactions", delim, cols, scale, taxid=taxid)
    if cols and cols[0] == "TFLinkID":
        return Detected("binding_sites", delim, cols, scale, taxid=taxid)
    m = _ENTRY_FILE.search(name)
    if m and cols and cols[0] in ("UniprotID.TF", "UniprotID.Target"):
        return Detected("entry_partners", delim, cols, scale, m.group(1).lower(), m.group(2).upper())
    if len(cols) == 6 and cols[3] in model.FUNCTIONS:
        if taxid is None:
            raise InputError(path, None, "a browse table must be named <Genus_species>_browse.csv so that its "
                                         "organism is known (e.g. Homo_sapiens_browse.csv)")
        return Detected("browse", ",", None, None, taxid=taxid)
    raise InputError(path, 1, "unknown TFLink format: expected a header starting with "
                              "'UniprotID.TF<TAB>UniprotID.Target' (interactions), 'TFLinkID' (binding sites), "
                              "a tfs_of_/targets_of_ file, or a 6-column browse table; got " + repr(line[:80]))


def split_multi(cell: str, inner: str | None = None) -> list[str]:
    """A multi-valued cell: `;` (v1.0) or `,` (pre-release TSV); `-`, `NA` and empty mean none."""
    cell = cell.strip()
    if cell in ("", "-", "NA"):
        return []
    if inner is None:
        inner = ";" if ";" in cell else ","
    return [p.strip() for p in cell.split(inner) if p.strip() and p.strip() not in ("-", "NA")]


def parse_pmids(cell: str) -> list[str]:
    """PubMed IDs from bare lists (`1;2`, `1,2`) or TFLink's query form (`URL?term=1%5Buid%5D+OR+2%5Buid%5D`)."""
    cell = _PUBMED_URL.sub("", cell.strip())
    if "%5Buid%5D" in cell or "+OR+" in cell:
        return [p.replace("%5Buid%5D", "") for p in cell.split("+OR+") if p.replace("%5Buid%5D", "")]
    return split_multi(cell)


def yes_no(path: Path, line: int, value: str) -> bool:
    if value == "Yes":
        return True
    if value == "No":
        return False
    raise InputError(path, line, f"Small-scale.evidence must be Yes or No, got {value!r}")


def check_ac(path: Path, line: int, ac: str, what: str) -> str:
    if not _AC.match(ac):
        raise InputError(path, line, f"{what} {ac!r} is not a UniProt accession")
    return ac


def taxid_of(path: Path, line: int, name: str) -> int:
    try:
        return model.organism(name).taxid
    except model.UnknownOrganism as exc:
        raise InputError(path, line, str(exc)) from exc


def parse(path: Path, det: Detected, info: InputFile, lenient: bool = False) -> Iterator[tuple[str, object]]:
    """Yield the records of one TFLink file (see the module docstring)."""
    from . import tflink_rows

    parser = {"interactions": tflink_rows.interactions, "binding_sites": tflink_rows.sites,
              "entry_partners": tflink_rows.entry_partners, "browse": tflink_rows.browse}[det.format]
    lines = _lines(path)
    if det.header is not None:
        next(lines)
    for lineno, line in lines:
        if not line.strip():
            continue
        info.rows_read += 1
        try:
            yield from parser(path, lineno, line, det)
        except InputError as exc:
            if not lenient:
                raise
            info.reject(exc.detail.split(";")[0][:80], f"line {lineno}: {exc.detail}")
    if info.rows_read == 0:
        raise InputError(path, None, "no data rows; expected at least one row after the header")


__all__ = ["detect", "parse", "Detected", "InteractionRow", "Entry", "BindingSite", "Ortholog", "FORMATS"]
