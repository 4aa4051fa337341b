"""Write a release atomically: load into a temporary database, derive, index, then swap into place.

SQLite: a release is a directory (`tflink.sqlite` + `manifest.json`) reached through a symlink; the new
release is written beside it and the symlink is replaced with one `rename`. PostgreSQL: the release is a
schema; the new one is loaded into a build schema and renamed over the old one in one transaction. A failed
or killed write never touches the release that was there.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from .. import model
from ..errors import TflinkError
from ..model import BindingSite, Entry, InputFile, Interaction, Ortholog
from . import derive
from .backend import DB_FILE, MANIFEST_FILE, Db, is_postgres, open_pg, open_sqlite_write, parse_pg
from .schema import COLUMNS, INDEXES, SCHEMA_VERSION, TABLES, ddl

log = logging.getLogger(__name__)
Progress = Callable[[str, int], None]  # (stage, rows done so far)
CHUNK = 50_000


class ReleaseWriter:
    """Context manager that builds one release; see the module docstring for the atomicity guarantees."""

    def __init__(self, target: str | Path, version: str, progress: Progress | None = None) -> None:
        self.target = str(target)
        self.version = version
        self.progress = progress or (lambda stage, n: None)
        self.manifest_extra: dict[str, Any] = {}
        self.inputs: list[InputFile] = []
        self._entries: dict[str, Entry] = {}
        self._ids: dict[str, int] = {}
        self._sources: dict[str, int] = {}
        self._n_interactions = 0
        self._n_sites = 0
        self._orthologs: list[Ortholog] = []
        self._started = time.time()
        self._db: Db | None = None

    # -- lifecycle -------------------------------------------------------------------------
    def __enter__(self) -> "ReleaseWriter":
        if is_postgres(self.target):
            self._open_pg()
        else:
            self._open_sqlite()
        for stmt in ddl(self.db.dialect):
            self.db.execute(stmt)
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is not None:
            self._abort()
            return
        try:
            self._finish()
        except BaseException:
            self._abort()
            raise

    @property
    def db(self) -> Db:
        assert self._db is not None, "use ReleaseWriter as a context manager"
        return self._db

    def _open_sqlite(self) -> None:
        final = Path(self.target).expanduser()
        store = final.parent / (final.name + ".d")
        store.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
        safe = "".join(c if c.isalnum() or c in "-._" else "_" for c in self.version)
        self._build_dir = store / f".building-{safe}-{stamp}-{os.getpid()}"
        self._build_dir.mkdir()
        self._final_dir = store / f"{safe}-{stamp}-{os.getpid()}"
        self._db = open_sqlite_write(self._build_dir / DB_FILE)

    def _open_pg(self) -> None:
        loc = parse_pg(self.target)
        self._pg = loc
        self._build_schema = f"{loc.schema}__build_{os.getpid()}"
        self._db = open_pg(loc.conninfo)
        self.db.execute(f'DROP SCHEMA IF EXISTS "{self._build_schema}" CASCADE')
        self.db.execute(f'CREATE SCHEMA "{self._build_schema}"')
        self.db.execute(f'SET search_path TO "{self._build_schema}"')

    def _abort(self) -> None:
        log.warning("release write aborted; the previous release (if any) is untouched")
        try:
            if self._db is not None and self.db.dialect == "postgres":
                self.db.conn.rollback()
                self.db.execute(f'DROP SCHEMA IF EXISTS "{self._build_schema}" CASCADE')
                self.db.commit()
            if self._db is not None:
                self.db.close()
        finally:
            if hasattr(self, "_build_dir"):
                shutil.rmtree(self._build_dir, ignore_errors=True)

    # -- loading ---------------------------------------------------------------------------
    def add_entries(self, entries: Iterable[Entry]) -> None:
        """Add or merge entries by UniProt AC; later non-empty fields win."""
        for e in entries:
            self._merge_entry(e)

    def _merge_entry(self, e: Entry) -> int:
        old = self._entries.get(e.uniprot)
        if old is None:
            self._entries[e.uniprot] = e
            self._ids[e.uniprot] = len(self._ids) + 1
        else:
            derive.merge_entry(old, e)
        return self._ids[e.uniprot]

    def entry_id(self, uniprot: str, taxid: int) -> int:
        """The id of an entry, creating a minimal one for an AC not seen before."""
        found = self._ids.get(uniprot)
        if found is not None:
            return found
        return self._merge_entry(Entry(uniprot=uniprot, taxid=taxid))

    def source_bit(self, label: str) -> int:
        bit = self._sources.get(label)
        if bit is None:
            bit = len(self._sources)
            if bit > 62:
                raise TflinkError("more than 63 distinct source labels; the source bitmask cannot hold them")
            self._sources[label] = bit
        return bit

    def note_entry(self, e: Entry) -> None:
        """Cheap form of add_entries for entries repeated on many rows: merge only what is new."""
        old = self._entries.get(e.uniprot)
        if old is None or (old.name == "-" and e.name != "-") or (not old.ncbi_gene_ids and e.ncbi_gene_ids):
            self._merge_entry(e)

    def add_interactions(self, interactions: Iterable[Interaction]) -> int:
        """Stream interactions into the release; duplicates of a pair are merged at the end."""
        return self.add_interaction_rows(
            (it.tf, it.target, it.taxid, it.sources, it.methods, it.pmids, it.small_scale, it.large_scale, it.sign)
            for it in interactions)

    def add_interaction_rows(self, rows: Iterable[Sequence[Any]]) -> int:
        """Fast path: (tf, target, taxid, sources, methods, pmids, small_scale, large_scale[, sign]) tuples."""
        return self.db.insert_rows("interaction", COLUMNS["interaction"], self._interaction_rows(rows))

    def _interaction_rows(self, rows: Iterable[Sequence[Any]]) -> Iterator[tuple]:
        bits = self._sources
        ids = self._ids
        for r in rows:
            self._n_interactions += 1
            mask = 0
            for s in r[3]:
                b = bits.get(s)
                mask |= 1 << (b if b is not None else self.source_bit(s))
            tf = ids.get(r[0]) or self.entry_id(r[0], r[2])
            target = ids.get(r[1]) or self.entry_id(r[1], r[2])
            yield (self._n_interactions, tf, target, r[2], ";".join(sorted(r[3])), ";".join(sorted(r[4])),
                   ";".join(r[5]), int(r[6]), int(r[7]), r[8] if len(r) > 8 else None, mask)
            if self._n_interactions % CHUNK == 0:
                self.progress("interactions", self._n_interactions)

    def add_sites(self, sites: Iterable[BindingSite]) -> int:
        return self.add_site_rows(
            (s.tflink_id, s.tf, s.taxid, s.assembly, s.chromosome, s.start, s.end, s.strand, s.sequence,
             ";".join(s.sources), ";".join(s.methods), ";".join(s.pmids), s.small_scale, s.overlaps) for s in sites)

    def add_site_rows(self, rows: Iterable[Sequence[Any]]) -> int:
        """Fast path: (tflink_id, tf, taxid, assembly, chromosome, start, end, strand, sequence, sources, methods,
        pmids — `;`-joined strings —, small_scale, overlap ids) tuples."""
        return self.db.insert_rows("site", COLUMNS["site"], self._site_rows(rows))

    def _site_rows(self, rows: Iterable[Sequence[Any]]) -> Iterator[tuple]:
        ids = self._ids
        for r in rows:
            self._n_sites += 1
            tf = ids.get(r[1]) or self.entry_id(r[1], r[2])
            yield (self._n_sites, r[0], tf, r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11],
                   int(r[12]), len(r[13]), ";".join(r[13]))
            if self._n_sites % CHUNK == 0:
                self.progress("binding sites", self._n_sites)

    def add_orthologs(self, orthologs: Iterable[Ortholog]) -> None:
        self._orthologs.extend(orthologs)

    def add_input(self, info: InputFile) -> None:
        self.inputs.append(info)

    # -- finishing -------------------------------------------------------------------------
    def _finish(self) -> None:
        db = self.db
        self.progress("entries", len(self._entries))
        self._write_entries()
        self._write_orthologs()
        db.insert_rows("source_label", COLUMNS["source_label"], ((b, s) for s, b in self._sources.items()))
        self.progress("indexes", 0)
        derive.merge_duplicate_interactions(db)
        for stmt in INDEXES:
            db.execute(stmt)
        derive.entry_counts(db)
        derive.ortholog_links(db)
        counts = derive.stats(db)
        manifest = self._manifest(counts)
        db.insert_rows("meta", COLUMNS["meta"], [("manifest", json.dumps(manifest)),
                                                 ("schema_version", str(SCHEMA_VERSION))])
        self.progress("analyze", 0)
        if db.dialect == "postgres":
            db.commit()
            db.conn.autocommit = True
            for table in TABLES:  # only this release's tables, never the whole database
                db.execute(f'ANALYZE "{self._build_schema}".{table}')
            db.conn.autocommit = False
            self._swap_pg()
        else:
            db.execute("COMMIT")
            db.execute("ANALYZE")
            db.close()
            (self._build_dir / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2) + "\n")
            self._swap_sqlite()
        self.manifest = manifest

    def _write_entries(self) -> None:
        rows = []
        for ac, e in self._entries.items():
            rows.append((self._ids[ac], ac, e.name or "-", ";".join(e.ncbi_gene_ids), e.taxid, ";".join(e.synonyms),
                         ";".join(e.xrefs), ";".join(e.jaspar_matrices), e.declared_function,
                         0, 0, e.declared_interactions or 0, int(bool(e.declared_small_scale)),
                         (e.name or "-").lower()))
        self.db.insert_rows("entry", COLUMNS["entry"], rows)
        self.db.insert_rows("lookup", COLUMNS["lookup"], derive.lookup_rows(self._entries.values(), self._ids))

    def _write_orthologs(self) -> None:
        rows = []
        for o in self._orthologs:
            eid = self._ids.get(o.uniprot)
            if eid is not None:
                rows.append((eid, o.other_uniprot, o.other_taxid, None))
        self.db.insert_rows("ortholog", COLUMNS["ortholog"], rows)

    def _manifest(self, counts: list[dict[str, Any]]) -> dict[str, Any]:
        return {
            "name": "tflink release",
            "version": self.version,
            "schema_version": SCHEMA_VERSION,
            "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "build_seconds": round(time.time() - self._started, 2),
            "tflink_version": _package_version(),
            "inputs": [vars(i) for i in self.inputs],
            "counts": counts,
            "totals": {"entries": len(self._entries), "interactions": derive.count(self.db, "interaction"),
                       "binding_sites": self._n_sites},
            "organisms": sorted({o.name for o in model.ORGANISMS if any(c["taxid"] == o.taxid for c in counts)}),
            **self.manifest_extra,
        }

    def _swap_sqlite(self) -> None:
        os.rename(self._build_dir, self._final_dir)
        final = Path(self.target).expanduser()
        if final.exists() and not final.is_symlink():
            # a release directory from elsewhere: keep it beside the new one, then point the name at the new one
            legacy = self._final_dir.parent / f"previous-{int(time.time())}"
            os.rename(final, legacy)
        tmp_link = final.parent / f".{final.name}.link-{os.getpid()}"
        if tmp_link.is_symlink():
            tmp_link.unlink()
        os.symlink(os.path.relpath(self._final_dir, final.parent), tmp_link)
        os.replace(tmp_link, final)  # atomic on POSIX
        _prune_old(self._final_dir.parent, keep=self._final_dir.name)

    def _swap_pg(self) -> None:
        db, schema = self.db, self._pg.schema
        old = f"{schema}__old"
        db.execute("SET lock_timeout = '60s'")  # a reader stuck in a transaction fails the swap, not the server
        db.execute(f'DROP SCHEMA IF EXISTS "{old}" CASCADE')
        exists = db.fetchone("SELECT 1 FROM information_schema.schemata WHERE schema_name = ?", (schema,))
        if exists:
            db.execute(f'ALTER SCHEMA "{schema}" RENAME TO "{old}"')
        db.execute(f'ALTER SCHEMA "{self._build_schema}" RENAME TO "{schema}"')
        db.commit()  # one transaction: readers see the old schema or the new one, never a half
        db.execute(f'DROP SCHEMA IF EXISTS "{old}" CASCADE')
        db.commit()
        db.close()


def _prune_old(store: Path, keep: str, keep_count: int = 2) -> None:
    """Remove old release directories, keeping the newest few (open readers keep their files on POSIX)."""
    dirs = sorted((d for d in store.iterdir() if d.is_dir() and not d.name.startswith(".")),
                  key=lambda d: d.stat().st_mtime, reverse=True)
    for d in dirs[keep_count:]:
        if d.name != keep:
            shutil.rmtree(d, ignore_errors=True)


def _package_version() -> str:
    from .. import __version__

    return __version__
