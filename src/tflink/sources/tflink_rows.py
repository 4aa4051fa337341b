"""Row parsers of the TFLink file formats (used by :mod:`tflink.sources.tflink_files`)."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from .. import model
from ..errors import InputError
from ..model import Entry, Ortholog
from .tflink_files import (INTERACTION_REQUIRED, LS_ONLY_SOURCES, SITE_REQUIRED, Detected, InteractionRow,
                           check_ac, parse_pmids, split_multi, taxid_of, yes_no)

_CODES = {o.code: o.taxid for o in model.ORGANISMS}
def _columns(path: Path, det: Detected, required: tuple[str, ...]) -> dict[str, int]:
    cols = det.columns
    if cols is None:
        assert det.header is not None
        cols = {name: i for i, name in enumerate(det.header)}
        missing = [c for c in required if c not in cols]
        if missing:
            raise InputError(path, 1, f"header lacks column(s) {', '.join(missing)}; expected TFLink columns "
                                      f"{', '.join(required)}")
        det.columns = cols
    return cols


def _fields(path: Path, lineno: int, line: str, det: Detected) -> list[str]:
    fields = line.split(det.delimiter)
    assert det.header is not None
    if len(fields) != len(det.header):
        raise InputError(path, lineno, f"wrong column count: {len(fields)} fields, expected {len(det.header)} "
                                       f"like the header")
    return fields


def _ncbi(cell: str) -> tuple[str, ...]:
    return tuple(split_multi(cell))


def _name(cell: str) -> str:
    cell = cell.strip()
    return cell if cell and cell != "NA" else "-"


def _scales(path: Path, lineno: int, det: Detected, flag: str | None, sources: list[str]) -> tuple[bool, bool]:
    """(small_scale, large_scale) of a row: the flag column when present, else the file's scale.

    TFLink files carry one Yes/No flag; whether a Yes pair also has large-scale support is inferred: from an
    LS file, or from sources that are large-scale only (GTRD, ReMap)."""
    if flag is not None:
        ss = yes_no(path, lineno, flag)
    elif det.scale in ("SS", "LS"):
        ss = det.scale == "SS"
    else:
        raise InputError(path, lineno, "cannot tell small- from large-scale: no Small-scale.evidence column and "
                                       "no _SS_/_LS_ in the file name")
    ls = (not ss) or det.scale == "LS" or any(s in LS_ONLY_SOURCES for s in sources)
    return ss, ls


def _orthologs(path: Path, lineno: int, ac: str, cell: str) -> Iterator[tuple[str, object]]:
    for item in split_multi(cell, ";"):
        code, _, other = item.partition(":")
        if code not in _CODES or not other:
            raise InputError(path, lineno, f"ortholog {item!r} is not <Sp>:<UniProt> with Sp one of "
                                           f"{', '.join(_CODES)}")
        yield "ortholog", Ortholog(ac, other, _CODES[code])


class _FileState:
    """Per-file state of the interaction-table parser: column positions and what has been seen (for speed)."""

    def __init__(self, path: Path, det: Detected) -> None:
        c = _columns(path, det, INTERACTION_REQUIRED)
        self.ncols = len(c)
        self.i = [c[k] for k in ("UniprotID.TF", "UniprotID.Target", "NCBI.GeneID.TF", "NCBI.GeneID.Target",
                                 "Name.TF", "Name.Target", "Detection.method", "PubmedID", "Organism",
                                 "Source.database")]
        self.flag = c.get("Small-scale.evidence")
        self.ortho = [(c[col], side) for col, side in (("TF.TFLink.ortho", 0), ("TF.nonTFLink.ortho", 0),
                                                       ("Target.TFLink.ortho", 1), ("Target.nonTFLink.ortho", 1))
                      if col in c]
        self.seen: set[str] = set()
        self.taxids: dict[str, int] = {}


def _fast_multi(cell: str) -> list[str]:
    if cell in ("-", "", "NA"):
        return []
    return [p for p in cell.split(";" if ";" in cell else ",") if p and p != "-"]


def interactions(path: Path, lineno: int, line: str, det: Detected) -> Iterator[tuple[str, object]]:
    """A row of an interaction table. Entries and orthologs are taken from the first row of each accession
    (TFLink repeats them on every row), which keeps the common path to a few string splits."""
    st = det.state
    if st is None:
        st = det.state = _FileState(path, det)
    f = line.split(det.delimiter)
    if len(f) != st.ncols:
        _fields(path, lineno, line, det)  # raises the column-count error
    i_tf, i_tg, i_ntf, i_ntg, i_name_tf, i_name_tg, i_meth, i_pmid, i_org, i_src = st.i
    org = f[i_org]
    taxid = st.taxids.get(org)
    if taxid is None:
        taxid = st.taxids[org] = taxid_of(path, lineno, org)
    tf, target = f[i_tf], f[i_tg]
    sources = _fast_multi(f[i_src])
    flag = f[st.flag] if st.flag is not None else None
    if flag == "No":
        ss, ls = False, True
    else:
        ss, ls = _scales(path, lineno, det, flag, sources)
    for ac, i_n, i_name, side in ((tf, i_ntf, i_name_tf, 0), (target, i_ntg, i_name_tg, 1)):
        if ac not in st.seen:
            check_ac(path, lineno, ac, "UniprotID.TF" if side == 0 else "UniprotID.Target")
            st.seen.add(ac)
            yield "entry", Entry(ac, taxid, _name(f[i_name]), _ncbi(f[i_n]))
            for i_col, s in st.ortho:
                if s == side:
                    yield from _orthologs(path, lineno, ac, f[i_col])
    pm = f[i_pmid]
    pmids = _fast_multi(pm) if "%" not in pm and "http" not in pm else parse_pmids(pm)
    yield "interaction", (tf, target, taxid, sources, _fast_multi(f[i_meth]), pmids, ss, ls)


def entry_partners(path: Path, lineno: int, line: str, det: Detected) -> Iterator[tuple[str, object]]:
    """A row of `tfs_of_<AC>` (partner = TF) or `targets_of_<AC>` (partner = target)."""
    side = "TF" if det.entry_role == "tfs" else "Target"
    required = (f"UniprotID.{side}", f"NCBI.GeneID.{side}", f"Name.{side}", "Detection.method", "PubmedID",
                "Organism", "Source.database", "Small-scale.evidence")
    c = _columns(path, det, required)
    f = _fields(path, lineno, line, det)
    taxid = taxid_of(path, lineno, f[c["Organism"]])
    partner = check_ac(path, lineno, f[c[f"UniprotID.{side}"]].strip(), f"UniprotID.{side}")
    assert det.entry_ac is not None
    sources = split_multi(f[c["Source.database"]])
    ss, ls = _scales(path, lineno, det, f[c["Small-scale.evidence"]], sources)
    yield "entry", Entry(det.entry_ac, taxid)
    yield "entry", Entry(partner, taxid, _name(f[c[f"Name.{side}"]]), _ncbi(f[c[f"NCBI.GeneID.{side}"]]))
    tf, target = (partner, det.entry_ac) if side == "TF" else (det.entry_ac, partner)
    yield "interaction", InteractionRow(tf, target, taxid, sources, split_multi(f[c["Detection.method"]]),
                                        parse_pmids(f[c["PubmedID"]]), ss, ls)


def _int_or_none(path: Path, lineno: int, value: str, what: str) -> int | None:
    if value in ("-", "", "NA"):
        return None
    try:
        return int(value)
    except ValueError as exc:
        raise InputError(path, lineno, f"{what} must be an integer or '-', got {value!r}") from exc


def _dash(value: str) -> str | None:
    value = value.strip()
    return None if value in ("-", "", "NA") else value


class _SiteState:
    """Per-file state of the binding-site parser: column positions, TFs seen, organism names resolved."""

    def __init__(self, path: Path, det: Detected) -> None:
        c = _columns(path, det, SITE_REQUIRED)
        self.ncols = len(c)
        self.i = [c[k] for k in ("TFLinkID", "UniprotID.TF", "Name.TF", "Organism", "Assembly", "Chromosome",
                                 "Start", "End", "Strand", "Source.database", "Detection.method", "PubmedID")]
        self.flag = c.get("Small-scale.evidence")
        self.overlaps = c.get("TFBS.overlaps")
        self.seen: set[str] = set()
        self.taxids: dict[str, int] = {}


def _site_scale(path: Path, lineno: int, det: Detected, st: _SiteState, f: list[str], tflink_id: str) -> bool:
    if st.flag is not None:
        return yes_no(path, lineno, f[st.flag])
    if det.scale in ("SS", "LS"):
        return det.scale == "SS"
    return tflink_id.startswith("TFLinkSS")


def sites(path: Path, lineno: int, line: str, det: Detected) -> Iterator[tuple[str, object]]:
    """A binding-site row as a `site_row` tuple (tflink_id, tf, taxid, assembly, chromosome, start, end, strand,
    sequence, sources, methods, pmids — the last three `;`-joined —, small_scale, overlap ids); the TF's entry
    is taken from its first row."""
    st = det.state
    if st is None:
        st = det.state = _SiteState(path, det)
    f = line.split(det.delimiter)
    if len(f) != st.ncols:
        _fields(path, lineno, line, det)  # raises the column-count error
    i_id, i_tf, i_name, i_org, i_asm, i_chr, i_start, i_end, i_strand, i_src, i_meth, i_pmid = st.i
    org = f[i_org]
    taxid = st.taxids.get(org)
    if taxid is None:
        taxid = st.taxids[org] = taxid_of(path, lineno, org)
    tf = f[i_tf].strip()
    if tf not in st.seen:
        check_ac(path, lineno, tf, "UniprotID.TF")
        st.seen.add(tf)
        yield "entry", Entry(tf, taxid, _name(f[i_name]))
    tflink_id = f[i_id].strip()
    if not tflink_id.startswith("TFLink"):
        raise InputError(path, lineno, f"TFLinkID {tflink_id!r} does not start with 'TFLink'")
    chromosome = _dash(f[i_chr])
    strand = f[i_strand].strip()  # '-' is the minus strand when the site has a location, else "none"
    pm = f[i_pmid]
    pmids = _fast_multi(pm) if "%" not in pm and "http" not in pm else parse_pmids(pm)
    overlaps = _fast_multi(f[st.overlaps]) if st.overlaps is not None else []
    yield "site_row", (tflink_id, tf, taxid, _dash(f[i_asm]), chromosome,
                       _int_or_none(path, lineno, f[i_start], "Start"), _int_or_none(path, lineno, f[i_end], "End"),
                       strand if chromosome and strand in ("+", "-") else None, None,
                       ";".join(_fast_multi(f[i_src])), ";".join(_fast_multi(f[i_meth])), ";".join(pmids),
                       _site_scale(path, lineno, det, st, f, tflink_id), overlaps)


def browse(path: Path, lineno: int, line: str, det: Detected) -> Iterator[tuple[str, object]]:
    """A browse row: name, UniProt, NCBI IDs, function, Yes/No, number of interactions."""
    f = line.split(",")
    if len(f) != 6:
        raise InputError(path, lineno, f"wrong column count: {len(f)} fields, expected 6 (Name, UniProt, NCBI Gene "
                                       "ID, Function, Small-scale evidence, Number of interactions)")
    name, ac, ncbi, function, ss, n = (x.strip() for x in f)
    check_ac(path, lineno, ac, "UniProt ID")
    if function not in model.FUNCTIONS:
        raise InputError(path, lineno, f"function {function!r} is not one of {', '.join(model.FUNCTIONS)}")
    count = _int_or_none(path, lineno, n, "Number of interactions")
    assert det.taxid is not None
    yield "entry", Entry(ac, det.taxid, _name(name), _ncbi(ncbi), declared_function=function,
                         declared_interactions=count or 0, declared_small_scale=yes_no(path, lineno, ss))
