"""Streaming SELECTs for exports and the interactions / binding-sites API (the only SQL of those features).

Everything here yields tuples from `Release.iterate` (a server-side cursor on PostgreSQL, `fetchmany` on
SQLite), so a 12 M-row export never sits in memory. Pagination is keyset pagination on the integer primary key
(`id > after ORDER BY id LIMIT n`), which stays fast on the last page of a huge table.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator, Sequence

from .reader import Release

SCALES = ("ss", "ls", "all")

# Column order of every interaction tuple yielded below (the query layer indexes by these positions).
I_ID, I_TF, I_TARGET, I_TF_NCBI, I_TARGET_NCBI, I_TF_NAME, I_TARGET_NAME, I_METHODS, I_PMIDS, I_TAXID, \
    I_SOURCES, I_SS, I_LS, I_SIGN, I_TF_ID, I_TARGET_ID = range(16)
INTERACTION_COLS = ("i.id, t.uniprot, g.uniprot, t.ncbi, g.ncbi, t.name, g.name, i.methods, i.pmids, i.taxid, "
                    "i.sources, i.small_scale, i.large_scale, i.sign, i.tf_id, i.target_id")
INTERACTION_FROM = "FROM interaction i JOIN entry t ON t.id = i.tf_id JOIN entry g ON g.id = i.target_id"

# Column order of every site tuple.
S_ID, S_TFLINK_ID, S_TF, S_TF_NAME, S_TAXID, S_ASSEMBLY, S_CHROM, S_START, S_END, S_STRAND, S_SEQUENCE, \
    S_SOURCES, S_METHODS, S_PMIDS, S_SS, S_N_OVERLAPS, S_OVERLAPS = range(17)
SITE_COLS = ("s.id, s.tflink_id, t.uniprot, t.name, s.taxid, s.assembly, s.chromosome, s.start_pos, s.end_pos, "
             "s.strand, s.sequence, s.sources, s.methods, s.pmids, s.small_scale, s.n_overlaps, s.overlap_ids")
SITE_FROM = "FROM site s JOIN entry t ON t.id = s.tf_id"


@dataclass
class InteractionFilter:
    """Which interactions: all filters combine with AND; None / empty means no restriction."""

    taxid: int | None = None
    scale: str = "all"  # ss: small_scale = 1; ls: large_scale = 1; all
    tf_ids: Sequence[int] = ()
    target_ids: Sequence[int] = ()
    entry_id: int | None = None  # either side (TF or target)
    source_bit: int | None = None
    method: str | None = None
    sign: str | None = None
    pmid: str | None = None


@dataclass
class SiteFilter:
    """Which binding sites; `located_only` / `with_sequence` serve GFF3 and FASTA."""

    taxid: int | None = None
    scale: str = "all"  # ss: small_scale = 1; ls: small_scale = 0
    tf_ids: Sequence[int] = ()
    chromosome: str | None = None
    start: int | None = None  # sites ending at or after start
    end: int | None = None  # sites starting at or before end
    located_only: bool = False
    with_sequence: bool = False
    extra: list[str] = field(default_factory=list)


def _stream(rel: Release, text: str, params: Sequence[Any], limit: int | None) -> Iterator[tuple]:
    """Pages (with a limit) run on the release's connection, under its query time limit. Whole exports run on a
    private connection without a time limit: they may stream for minutes, and a response streamed from a thread
    pool must not share a cursor with other requests."""
    if limit is not None:
        yield from rel.iterate(text, params)
        return
    yield from rel.iterate_bulk(text, params)


def _in(col: str, ids: Sequence[int], where: list[str], params: list[Any]) -> None:
    where.append(f"{col} IN ({','.join('?' for _ in ids)})")
    params.extend(int(i) for i in ids)


def interaction_where(f: InteractionFilter) -> tuple[list[str], list[Any]]:
    """WHERE terms and parameters of an interaction filter."""
    where: list[str] = []
    params: list[Any] = []
    if f.taxid is not None:
        where.append("i.taxid = ?")
        params.append(f.taxid)
    if f.scale == "ss":
        where.append("i.small_scale = 1")
    elif f.scale == "ls":
        where.append("i.large_scale = 1")
    if f.tf_ids:
        _in("i.tf_id", f.tf_ids, where, params)
    if f.target_ids:
        _in("i.target_id", f.target_ids, where, params)
    if f.entry_id is not None:
        where.append("(i.tf_id = ? OR i.target_id = ?)")
        params += [f.entry_id, f.entry_id]
    if f.source_bit is not None:
        where.append("(i.source_mask & ?) <> 0")
        params.append(1 << f.source_bit)
    for col, val in (("i.methods", f.method), ("i.pmids", f.pmid)):
        if val:
            where.append(f"(';' || {col} || ';') LIKE ?")
            params.append(f"%;{val};%")
    if f.sign:
        where.append("i.sign = ?")
        params.append(f.sign)
    return where, params


def interactions(rel: Release, f: InteractionFilter, after: int | None = None, limit: int | None = None,
                 order: str = "id") -> Iterator[tuple]:
    """Stream interaction tuples (see I_* positions). order: id (keyset), tf (grouped by TF), yes_first."""
    where, params = interaction_where(f)
    if after is not None:
        where.append("i.id > ?")
        params.append(after)
    orders = {"id": "i.id", "tf": "i.tf_id, i.id", "yes_first": "i.small_scale DESC, i.id"}
    sql = (f"SELECT {INTERACTION_COLS} {INTERACTION_FROM}"
           f"{' WHERE ' + ' AND '.join(where) if where else ''} ORDER BY {orders[order]}")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return _stream(rel, sql, params, limit)


def interactions_exist(rel: Release, f: InteractionFilter) -> bool:
    """Whether any interaction matches (cheap: stops at the first row)."""
    where, params = interaction_where(f)
    sql = f"SELECT 1 FROM interaction i{' WHERE ' + ' AND '.join(where) if where else ''} LIMIT 1"
    return rel.db.fetchone(sql, params) is not None


def site_where(f: SiteFilter) -> tuple[list[str], list[Any]]:
    where: list[str] = list(f.extra)
    params: list[Any] = []
    if f.taxid is not None:
        where.append("s.taxid = ?")
        params.append(f.taxid)
    if f.scale in ("ss", "ls"):
        where.append("s.small_scale = ?")
        params.append(1 if f.scale == "ss" else 0)
    if f.tf_ids:
        _in("s.tf_id", f.tf_ids, where, params)
    if f.chromosome:
        where.append("s.chromosome = ?")
        params.append(f.chromosome)
    if f.start is not None:
        where.append("s.end_pos >= ?")
        params.append(f.start)
    if f.end is not None:
        where.append("s.start_pos <= ?")
        params.append(f.end)
    if f.located_only:
        where.append("s.chromosome IS NOT NULL AND s.start_pos IS NOT NULL AND s.end_pos IS NOT NULL")
    if f.with_sequence:
        where.append("s.sequence IS NOT NULL AND s.sequence <> ''")
    return where, params


def sites(rel: Release, f: SiteFilter, after: int | None = None, limit: int | None = None) -> Iterator[tuple]:
    """Stream binding-site tuples (see S_* positions), by id."""
    where, params = site_where(f)
    if after is not None:
        where.append("s.id > ?")
        params.append(after)
    sql = f"SELECT {SITE_COLS} {SITE_FROM}{' WHERE ' + ' AND '.join(where) if where else ''} ORDER BY s.id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return _stream(rel, sql, params, limit)


def sites_exist(rel: Release, f: SiteFilter) -> bool:
    where, params = site_where(f)
    sql = f"SELECT 1 FROM site s{' WHERE ' + ' AND '.join(where) if where else ''} LIMIT 1"
    return rel.db.fetchone(sql, params) is not None


def sequence_regions(rel: Release, f: SiteFilter) -> list[tuple[str, int, int]]:
    """(chromosome, lowest start, highest end) of the located sites of a filter: GFF3 `##sequence-region` lines."""
    where, params = site_where(SiteFilter(**{**f.__dict__, "located_only": True}))
    rows = rel.db.fetchall(f"SELECT s.chromosome, MIN(s.start_pos), MAX(s.start_pos), MIN(s.end_pos), "
                           f"MAX(s.end_pos) FROM site s WHERE {' AND '.join(where)} GROUP BY s.chromosome "
                           "ORDER BY s.chromosome", params)
    # some source records have start > end: the region spans every coordinate
    return [(str(r[0]), int(min(r[1:])), int(max(r[1:]))) for r in rows]


def ortholog_strings(rel: Release, taxid: int | None, codes: dict[int, str],
                     entry_ids: Sequence[int] | None = None) -> dict[int, tuple[str, str]]:
    """entry id -> (TFLink orthologs, non-TFLink orthologs) as `Sp:AC;Sp:AC` strings (or '-').

    One row per entry that has orthologs: bounded by the number of entries, not of interactions."""
    where, params = [], []
    if taxid is not None:
        where.append("e.taxid = ?")
        params.append(taxid)
    if entry_ids is not None:
        if not entry_ids:
            return {}
        _in("o.entry_id", entry_ids, where, params)
    sql = ("SELECT o.entry_id, o.other_taxid, o.other_uniprot, o.other_id FROM ortholog o JOIN entry e "
           f"ON e.id = o.entry_id{' WHERE ' + ' AND '.join(where) if where else ''} "
           "ORDER BY o.entry_id, o.other_taxid, o.other_uniprot")
    found: dict[int, tuple[list[str], list[str]]] = {}
    for eid, other_taxid, other_ac, other_id in rel.iterate(sql, params):
        pair = found.setdefault(eid, ([], []))
        pair[0 if other_id is not None else 1].append(f"{codes.get(other_taxid, str(other_taxid))}:{other_ac}")
    return {eid: (";".join(sorted(a, key=_code_key)) or "-", ";".join(sorted(b, key=_code_key)) or "-")
            for eid, (a, b) in found.items()}


def _code_key(item: str) -> str:
    return item.split(":", 1)[0]  # stable sort: species codes alphabetical (Dr, Mm, Rn as in TFLink files)


def entry_ids_by_uniprot(rel: Release, acs: Sequence[str]) -> dict[str, int]:
    """UniProt AC (upper case) -> entry id, for ACs that exist."""
    out: dict[str, int] = {}
    acs = sorted({a.strip().upper() for a in acs if a.strip()})
    for i in range(0, len(acs), 500):
        chunk = acs[i:i + 500]
        for ac, eid in rel.db.fetchall(f"SELECT uniprot, id FROM entry WHERE uniprot IN "
                                       f"({','.join('?' for _ in chunk)})", chunk):
            out[ac] = int(eid)
    return out


def release_organisms(rel: Release) -> list[int]:
    """Taxids that have any interaction or binding site in the release."""
    rows = rel.db.fetchall("SELECT DISTINCT taxid FROM stats WHERE interactions > 0 OR sites > 0 OR sequences > 0")
    return sorted(int(r[0]) for r in rows)
