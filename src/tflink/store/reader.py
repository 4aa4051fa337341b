"""Read access to one release: the data-access chokepoint. Every SELECT of the query layer lives here."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Iterator, Sequence

from .. import settings
from ..errors import BadParameter, ReleaseNotFound, SchemaMismatch
from .backend import (MANIFEST_FILE, Db, PooledDb, ThreadLocalDb, is_postgres, open_pg, open_sqlite_read, parse_pg,
                      sqlite_path)
from .schema import SCHEMA_VERSION

PARTNER_SORTS = {"name": "e.name_lower", "uniprot": "e.uniprot", "ncbi": "e.ncbi", "sources": "i.sources",
                 "methods": "i.methods", "small_scale": "i.small_scale", "sign": "i.sign"}
SITE_SORTS = {"tflink_id": "s.tflink_id", "chromosome": "s.chromosome", "start": "s.start_pos",
              "end": "s.end_pos", "sources": "s.sources", "methods": "s.methods", "small_scale": "s.small_scale",
              "assembly": "s.assembly", "overlaps": "s.n_overlaps"}
BROWSE_SORTS = {"name": "name_lower", "uniprot": "uniprot", "ncbi": "ncbi", "function": "function",
                "small_scale": "small_scale", "n_interactions": "n_interactions"}
PARTNER_ORDER = "i.small_scale DESC, e.name_lower, e.uniprot"  # TFLink: small-scale first, then by name
ENTRY_COLS = "id, uniprot, name, ncbi, taxid, synonyms, xrefs, jaspar, function, n_as_tf, n_as_target, " \
             "n_interactions, small_scale"


@dataclass
class Page:
    """Rows of one page and the number of rows that match the filters."""

    rows: list[dict[str, Any]]
    total: int


@dataclass
class RowFilter:
    """Filters shared by the tables of an entry page."""

    small_scale_only: bool = False
    source: str | None = None
    method: str | None = None
    text: str | None = None


class Release:
    """An open, read-only release (SQLite file or PostgreSQL schema)."""

    def __init__(self, location: str | Path | None = None) -> None:
        self.location = str(location or settings.default_release())
        self.dialect = "postgres" if is_postgres(self.location) else "sqlite"
        if self.dialect == "postgres":
            loc = parse_pg(self.location)
            self._pg = PooledDb(loc.conninfo, loc.schema, settings.get_int("pg_pool_max"),
                                settings.get_int("query_timeout_ms"))
        else:
            path = sqlite_path(self.location)
            self.path = path
            self._pool = ThreadLocalDb(lambda: self._prepared(open_sqlite_read(path)))
        self._check_schema()

    def _prepared(self, db: Db) -> Db:
        db.set_timeout(settings.get_int("query_timeout_ms"))
        return db

    @property
    def db(self) -> Db:
        if self.dialect == "postgres":
            return self._pg
        db = self._pool.get()
        db.start_clock()
        return db

    def close(self) -> None:
        if self.dialect == "postgres":
            self._pg.close()
        else:
            self._pool.close()

    def _check_schema(self) -> None:
        try:
            row = self.db.fetchone("SELECT value FROM meta WHERE key = 'schema_version'")
        except Exception as exc:  # missing table / schema: not a release
            if self.dialect == "postgres":
                self.close()
            raise ReleaseNotFound(f"{self.location} is not a tflink release ({exc}); run `tflink build` or "
                                  "`tflink import-tflink` to make one") from exc
        if row is None or int(row[0]) != SCHEMA_VERSION:
            found = row[0] if row else "none"
            raise SchemaMismatch(f"{self.location} has schema version {found}, this tflink reads {SCHEMA_VERSION}; "
                                 "rebuild it with this version (`tflink build` / `tflink import-tflink`)")

    @cached_property
    def manifest(self) -> dict[str, Any]:
        row = self.db.fetchone("SELECT value FROM meta WHERE key = 'manifest'")
        return json.loads(row[0]) if row else {}

    @cached_property
    def source_bits(self) -> dict[str, int]:
        return {label: bit for bit, label in self.db.fetchall("SELECT bit, label FROM source_label")}

    @cached_property
    def manifest_path(self) -> Path | None:
        if self.dialect == "sqlite":
            p = self.path.parent / MANIFEST_FILE
            return p if p.exists() else None
        return None

    # -- entries ---------------------------------------------------------------------------
    def entry(self, uniprot: str) -> dict[str, Any] | None:
        row = self.db.fetchone(f"SELECT {ENTRY_COLS} FROM entry WHERE uniprot = ?", (uniprot.strip().upper(),))
        return _entry_dict(row) if row else None

    def entries_by_id(self, ids: Sequence[int]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for chunk in _chunks(list(ids), 500):
            marks = ",".join("?" for _ in chunk)
            out += [_entry_dict(r) for r in self.db.fetchall(f"SELECT {ENTRY_COLS} FROM entry WHERE id IN ({marks})",
                                                              chunk)]
        return out

    def orthologs(self, entry_id: int) -> list[dict[str, Any]]:
        rows = self.db.fetchall("SELECT o.other_uniprot, o.other_taxid, o.other_id, e.name FROM ortholog o "
                                "LEFT JOIN entry e ON e.id = o.other_id WHERE o.entry_id = ? "
                                "ORDER BY o.other_taxid, o.other_uniprot", (entry_id,))
        return [{"uniprot": u, "taxid": t, "in_release": oid is not None, "name": n} for u, t, oid, n in rows]

    def partners(self, entry_id: int, role: str, flt: RowFilter | None = None, sort: str | None = None,
                 desc: bool = False, limit: int | None = None, offset: int = 0) -> Page:
        """Targets (role='targets') or TFs (role='tfs') of an entry, with their evidence."""
        if role not in ("targets", "tfs"):
            raise BadParameter("role", "expected 'targets' or 'tfs'")
        me, other = ("tf_id", "target_id") if role == "targets" else ("target_id", "tf_id")
        where, params = [f"i.{me} = ?"], [entry_id]
        self._row_filter(flt, where, params, alias="i", text_cols=("e.name_lower", "lower(e.uniprot)", "e.ncbi"))
        order = _order(sort, desc, PARTNER_SORTS, PARTNER_ORDER)
        base = f"FROM interaction i JOIN entry e ON e.id = i.{other} WHERE {' AND '.join(where)}"
        sql = (f"SELECT e.uniprot, e.name, e.ncbi, i.sources, i.methods, i.pmids, i.small_scale, i.sign, e.id, "
               f"i.large_scale {base} ORDER BY {order}{_limit(limit, offset)}")
        rows = [{"uniprot": r[0], "name": r[1], "ncbi_gene_ids": _split(r[2]), "sources": _split(r[3]),
                 "methods": _split(r[4]), "pmids": _split(r[5]), "small_scale": r[6] == 1, "sign": r[7],
                 "entry_id": r[8], "large_scale": r[9] == 1} for r in self.db.fetchall(sql, params)]
        if limit is None:
            total = len(rows) + offset
        elif flt is None or flt == RowFilter():  # unfiltered: the count stored on the entry at build time
            total = self.db.fetchone(f"SELECT {'n_as_tf' if role == 'targets' else 'n_as_target'} FROM entry "
                                     "WHERE id = ?", (entry_id,))[0]
        elif not flt.text:  # no name filter: count without joining the partners' entries
            total = self.db.fetchone(f"SELECT COUNT(*) FROM interaction i WHERE {' AND '.join(where)}", params)[0]
        else:
            total = self.db.fetchone(f"SELECT COUNT(*) {base}", params)[0]
        return Page(rows, int(total))

    def all_partner_rows(self, entry_id: int, role: str) -> list[dict[str, Any]]:
        """Every target or TF of an entry, already in the documented ROW shape (the whole-entry JSON's hot path:
        one query, one dict per row)."""
        me, other = ("tf_id", "target_id") if role == "targets" else ("target_id", "tf_id")
        sql = (f"SELECT e.uniprot, e.name, e.ncbi, i.sources, i.methods, i.pmids, i.small_scale, i.sign "
               f"FROM interaction i JOIN entry e ON e.id = i.{other} WHERE i.{me} = ? "
               f"ORDER BY {PARTNER_ORDER}")
        return [{"uniprot": u, "name": n, "ncbi_gene_ids": nc.split(";") if nc else [],
                 "sources": s.split(";") if s else [], "methods": m.split(";") if m else [],
                 "pmids": p.split(";") if p else [], "small_scale": ss == 1, "sign": sign}
                for u, n, nc, s, m, p, ss, sign in self.db.fetchall(sql, (entry_id,))]

    def sites(self, entry_id: int, flt: RowFilter | None = None, sort: str | None = None, desc: bool = False,
              limit: int | None = None, offset: int = 0) -> Page:
        where, params = ["s.tf_id = ?"], [entry_id]
        self._row_filter(flt, where, params, alias="s", text_cols=("lower(s.tflink_id)", "lower(s.chromosome)"))
        order = _order(sort, desc, SITE_SORTS, "s.small_scale DESC, s.chromosome, s.start_pos, s.tflink_id")
        base = f"FROM site s WHERE {' AND '.join(where)}"
        sql = (f"SELECT {SITE_COLS} {base} ORDER BY {order}{_limit(limit, offset)}")
        rows = [site_dict(r) for r in self.db.fetchall(sql, params)]
        total = len(rows) + offset if limit is None else self.db.fetchone(f"SELECT COUNT(*) {base}", params)[0]
        return Page(rows, int(total))

    def _row_filter(self, flt: RowFilter | None, where: list[str], params: list[Any], alias: str,
                    text_cols: tuple[str, ...]) -> None:
        if flt is None:
            return
        if flt.small_scale_only:
            where.append(f"{alias}.small_scale = 1")
        if flt.source:
            if alias == "i":
                bit = self.source_bits.get(flt.source)
                if bit is None:
                    raise BadParameter("source", f"unknown source {flt.source!r}; this release has: "
                                       + ", ".join(sorted(self.source_bits)))
                where.append("(i.source_mask & ?) <> 0")
                params.append(1 << bit)
            else:
                where.append(f"(';' || {alias}.sources || ';') LIKE ?")
                params.append(f"%;{flt.source};%")
        if flt.method:
            where.append(f"(';' || {alias}.methods || ';') LIKE ?")
            params.append(f"%;{flt.method};%")
        if flt.text:
            t = "%" + flt.text.strip().lower().replace("%", "").replace("_", "") + "%"
            where.append("(" + " OR ".join(f"{c} LIKE ?" for c in text_cols) + ")")
            params += [t] * len(text_cols)

    # -- search ----------------------------------------------------------------------------
    def search(self, text: str, taxid: int | None = None, limit: int = 20) -> list[dict[str, Any]]:
        """Entries whose identifiers match: exact hits first, then prefix hits; organism-filterable."""
        t = text.strip().lower()
        if not t:
            return []
        org = " AND l.taxid = ?" if taxid else ""
        extra = [taxid] if taxid else []
        exact = self.db.fetchall(f"SELECT l.entry_id, l.kind, l.term FROM lookup l WHERE l.term = ?{org}", [t, *extra])
        prefix = self.db.fetchall(
            f"SELECT l.entry_id, l.kind, l.term FROM lookup l WHERE l.term >= ? AND l.term < ?{org} "
            f"ORDER BY length(l.term), l.term LIMIT ?", [t, t + "\uffff", *extra, limit * 4])
        return self._rank_hits(exact, prefix, limit)

    def _rank_hits(self, exact: list[tuple], prefix: list[tuple], limit: int) -> list[dict[str, Any]]:
        kind_rank = {"uniprot": 0, "name": 1, "ncbi": 2, "xref": 3, "synonym": 4}
        hits: dict[int, tuple] = {}
        for exactness, rows in ((0, exact), (1, prefix)):
            for eid, kind, term in rows:
                key = (exactness, kind_rank.get(kind, 5), len(term))
                if eid not in hits or key < hits[eid][0]:
                    hits[eid] = (key, kind, term, exactness == 0)
        entries = {e["id"]: e for e in self.entries_by_id(list(hits))}
        ranked = sorted(hits.items(), key=lambda kv: (kv[1][0], -entries[kv[0]]["n_interactions"],
                                                      entries[kv[0]]["name"]))
        return [{**entries[eid], "matched": term, "match_kind": kind, "exact": exact_}
                for eid, (_k, kind, term, exact_) in ranked[:limit]]

    def lookup_terms(self, terms: Sequence[str], taxid: int | None = None) -> dict[str, list[tuple[int, str]]]:
        """Exact identifier lookup of many terms: term (lower) -> [(entry_id, kind)]."""
        out: dict[str, list[tuple[int, str]]] = {}
        low = sorted({t.strip().lower() for t in terms if t.strip()})
        org = " AND taxid = ?" if taxid else ""
        for chunk in _chunks(low, 500):
            marks = ",".join("?" for _ in chunk)
            for term, eid, kind in self.db.fetchall(
                    f"SELECT term, entry_id, kind FROM lookup WHERE term IN ({marks}){org}",
                    [*chunk, *([taxid] if taxid else [])]):
                out.setdefault(term, []).append((eid, kind))
        return out

    # -- statistics and browse --------------------------------------------------------------
    def stats(self) -> list[dict[str, Any]]:
        rows = self.db.fetchall("SELECT taxid, scale, tfs, targets, interactions, sites, sequences, entries FROM stats")
        return [{"taxid": r[0], "scale": r[1], "tfs": r[2], "targets": r[3], "interactions": r[4],
                 "binding_sites": r[5], "binding_sequences": r[6], "entries": r[7]} for r in rows]

    def browse(self, taxid: int, *, name: str | None = None, uniprot: str | None = None, ncbi: str | None = None,
               function: str | None = None, small_scale: bool | None = None, min_n: int | None = None,
               max_n: int | None = None, sort: str | None = None, desc: bool = False, limit: int | None = 25,
               offset: int = 0) -> Page:
        where, params = self._browse_where(taxid, name, uniprot, ncbi, function, small_scale, min_n, max_n)
        order = _order(sort, desc, BROWSE_SORTS, "n_interactions DESC, name_lower")
        base = f"FROM entry WHERE {' AND '.join(where)}"
        total = self.db.fetchone(f"SELECT COUNT(*) {base}", params)[0]
        rows = self.db.fetchall(f"SELECT {ENTRY_COLS} {base} ORDER BY {order}, id{_limit(limit, offset)}", params)
        return Page([_entry_dict(r) for r in rows], int(total))

    @staticmethod
    def _browse_where(taxid: int, name: str | None, uniprot: str | None, ncbi: str | None, function: str | None,
                      small_scale: bool | None, min_n: int | None, max_n: int | None) -> tuple[list[str], list[Any]]:
        where: list[str] = ["taxid = ?", "function IS NOT NULL"]
        params: list[Any] = [taxid]
        for col, val in (("name_lower", name), ("lower(uniprot)", uniprot), ("ncbi", ncbi)):
            if val:
                where.append(f"{col} LIKE ?")
                params.append("%" + val.strip().lower() + "%")
        if function:
            where.append("function = ?")
            params.append(function)
        if small_scale is not None:
            where.append("small_scale = ?")
            params.append(int(small_scale))
        if min_n is not None:
            where.append("n_interactions >= ?")
            params.append(min_n)
        if max_n is not None:
            where.append("n_interactions <= ?")
            params.append(max_n)
        return where, params

    def count(self, table: str) -> int:
        if table not in ("entry", "interaction", "site", "ortholog"):
            raise BadParameter("table", f"unknown table {table!r}")
        return int(self.db.fetchone(f"SELECT COUNT(*) FROM {table}")[0])

    def iterate(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple]:
        """For other store modules: stream a query in constant memory, under the interactive time limit."""
        return self.db.iterate(sql, params)

    def iterate_bulk(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple]:
        """Bulk reads that may run for minutes (whole exports, analysis indexes): a private connection without
        the interactive time limit, so a long stream neither times out nor shares a cursor with requests."""
        if self.dialect == "postgres":
            loc = parse_pg(self.location)
            db = open_pg(loc.conninfo, loc.schema, read_only=True)
        else:
            db = open_sqlite_read(self.path)
        try:
            yield from db.iterate(sql, params)
        finally:
            db.close()


SITE_COLS = ("s.tflink_id, s.tf_id, s.taxid, s.assembly, s.chromosome, s.start_pos, s.end_pos, s.strand, s.sequence, "
             "s.sources, s.methods, s.pmids, s.small_scale, s.n_overlaps, s.overlap_ids")


def site_dict(r: Sequence[Any]) -> dict[str, Any]:
    return {"tflink_id": r[0], "tf_id": r[1], "taxid": r[2], "assembly": r[3], "chromosome": r[4], "start": r[5],
            "end": r[6], "strand": r[7], "sequence": r[8], "sources": _split(r[9]), "methods": _split(r[10]),
            "pmids": _split(r[11]), "small_scale": bool(r[12]), "n_overlaps": r[13], "overlaps": _split(r[14])}


def _entry_dict(r: Sequence[Any]) -> dict[str, Any]:
    return {"id": r[0], "uniprot": r[1], "name": r[2], "ncbi_gene_ids": _split(r[3]), "taxid": r[4],
            "synonyms": _split(r[5]), "xrefs": _split(r[6]), "jaspar_matrices": _split(r[7]), "function": r[8],
            "n_as_tf": r[9], "n_as_target": r[10], "n_interactions": r[11], "small_scale": bool(r[12])}


def _split(s: str | None) -> list[str]:
    """A `;`-joined list as stored (the writer never stores empty items)."""
    return s.split(";") if s else []


def _order(sort: str | None, desc: bool, allowed: dict[str, str], default: str) -> str:
    if not sort:
        return default
    col = allowed.get(sort)
    if col is None:
        raise BadParameter("sort", f"cannot sort by {sort!r}; choose one of: {', '.join(allowed)}")
    return f"{col} {'DESC' if desc else 'ASC'}, {default}"


def _limit(limit: int | None, offset: int) -> str:
    if limit is None:
        return f" LIMIT {2**62} OFFSET {int(offset)}" if offset else ""
    return f" LIMIT {int(limit)} OFFSET {int(offset)}"


def _chunks(items: list, n: int) -> Iterator[list]:
    for i in range(0, len(items), n):
        yield items[i:i + n]
