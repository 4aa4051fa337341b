"""The release schema, in one place, for SQLite and PostgreSQL alike.

Designed for full TFLink scale (12 M interactions, 9 M binding sites): integer keys, aggregated evidence
strings ready to export, a bitmask of sources for fast filtering, lower-cased lookup terms for search, and
counts precomputed at build time.
"""
from __future__ import annotations

from ..model import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "TABLES", "INDEXES", "ddl", "COLUMNS"]

# {BIG} becomes INTEGER on SQLite (64-bit already) and BIGINT on PostgreSQL.
TABLES: dict[str, str] = {
    "meta": "key TEXT PRIMARY KEY, value TEXT NOT NULL",
    "entry": (
        "id INTEGER PRIMARY KEY, uniprot TEXT NOT NULL, name TEXT NOT NULL, ncbi TEXT NOT NULL, "
        "taxid INTEGER NOT NULL, synonyms TEXT NOT NULL, xrefs TEXT NOT NULL, jaspar TEXT NOT NULL, "
        "function TEXT, n_as_tf INTEGER NOT NULL, n_as_target INTEGER NOT NULL, n_interactions INTEGER NOT NULL, "
        "small_scale INTEGER NOT NULL, name_lower TEXT NOT NULL"
    ),
    "interaction": (
        "id INTEGER PRIMARY KEY, tf_id INTEGER NOT NULL, target_id INTEGER NOT NULL, taxid INTEGER NOT NULL, "
        "sources TEXT NOT NULL, methods TEXT NOT NULL, pmids TEXT NOT NULL, small_scale INTEGER NOT NULL, "
        "large_scale INTEGER NOT NULL, sign TEXT, source_mask {BIG} NOT NULL"
    ),
    "source_label": "bit INTEGER PRIMARY KEY, label TEXT NOT NULL",
    "site": (
        "id INTEGER PRIMARY KEY, tflink_id TEXT NOT NULL, tf_id INTEGER NOT NULL, taxid INTEGER NOT NULL, "
        "assembly TEXT, chromosome TEXT, start_pos INTEGER, end_pos INTEGER, strand TEXT, sequence TEXT, "
        "sources TEXT NOT NULL, methods TEXT NOT NULL, pmids TEXT NOT NULL, small_scale INTEGER NOT NULL, "
        "n_overlaps INTEGER NOT NULL, overlap_ids TEXT NOT NULL"
    ),
    "ortholog": "entry_id INTEGER NOT NULL, other_uniprot TEXT NOT NULL, other_taxid INTEGER NOT NULL, other_id INTEGER",
    "lookup": "term TEXT NOT NULL, entry_id INTEGER NOT NULL, kind TEXT NOT NULL, taxid INTEGER NOT NULL",
    "stats": (
        "taxid INTEGER NOT NULL, scale TEXT NOT NULL, tfs INTEGER NOT NULL, targets INTEGER NOT NULL, "
        "interactions INTEGER NOT NULL, sites INTEGER NOT NULL, sequences INTEGER NOT NULL, entries INTEGER NOT NULL"
    ),
}

COLUMNS: dict[str, tuple[str, ...]] = {
    t: tuple(part.strip().split()[0] for part in body.split(",")) for t, body in TABLES.items()
}

# Created after the bulk load (style: load first, index after).
INDEXES: tuple[str, ...] = (
    "CREATE UNIQUE INDEX entry_uniprot ON entry (uniprot)",
    "CREATE INDEX entry_browse ON entry (taxid, n_interactions)",
    "CREATE INDEX entry_name ON entry (taxid, name_lower)",
    # interaction_pair UNIQUE (tf_id, target_id) is created by derive.merge_duplicate_interactions
    # (tf_id, id) and (target_id, id): a TF's or target's rows in id order, for keyset pages of the
    # interactions API (without them PostgreSQL walks the primary key and filters millions of rows)
    "CREATE INDEX interaction_tf_order ON interaction (tf_id, id)",
    "CREATE INDEX interaction_target ON interaction (target_id, id)",
    "CREATE INDEX interaction_taxid ON interaction (taxid, tf_id)",
    "CREATE UNIQUE INDEX site_tflink_id ON site (tflink_id)",
    "CREATE INDEX site_tf ON site (tf_id, small_scale)",
    "CREATE INDEX site_taxid ON site (taxid, id)",
    "CREATE INDEX ortholog_entry ON ortholog (entry_id)",
    "CREATE INDEX lookup_term ON lookup (term, taxid)",
)


def ddl(dialect: str) -> list[str]:
    """CREATE TABLE statements for a dialect."""
    big = "BIGINT" if dialect == "postgres" else "INTEGER"
    return [f"CREATE TABLE {t} ({body.replace('{BIG}', big)})" for t, body in TABLES.items()]
