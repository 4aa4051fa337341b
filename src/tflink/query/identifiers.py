"""Batch identifier mapping: any namespace (names, synonyms, UniProt, NCBI Gene, other IDs) -> entries."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import model, settings
from ..errors import BadParameter, LimitExceeded
from ..store import Release
from .entries import organism_of

DIRECT_KINDS = frozenset({"uniprot", "name", "ncbi", "xref"})
STATUSES = ("found", "via synonym", "ambiguous", "not found")


@dataclass
class Mapping:
    """The mapping report of a list of identifiers."""

    items: list[dict[str, Any]] = field(default_factory=list)  # one per input: query, status, entries

    @property
    def counts(self) -> dict[str, int]:
        c = {s: 0 for s in STATUSES}
        for it in self.items:
            c[it["status"]] += 1
        return c

    def entry_ids(self) -> list[int]:
        """Entries of identifiers found directly or via an unambiguous synonym, in input order, once each."""
        seen: dict[int, None] = {}
        for it in self.items:
            if it["status"] in ("found", "via synonym"):
                for e in it["entries"]:
                    seen.setdefault(e["id"], None)
        return list(seen)

    def as_dict(self) -> dict[str, Any]:
        return {"counts": self.counts,
                "items": [{"query": it["query"], "status": it["status"],
                           "entries": [{"uniprot": e["uniprot"], "name": e["name"],
                                        "organism": model.organism(e["taxid"]).name} for e in it["entries"]]}
                          for it in self.items]}


def parse_identifier_list(text: str) -> list[str]:
    """Identifiers from pasted text: one per line, or separated by commas, tabs or spaces; order kept, once each."""
    parts = text.replace(",", "\n").replace("\t", "\n").replace(" ", "\n").splitlines()
    return list(dict.fromkeys(p.strip() for p in parts if p.strip()))


def map_identifiers(rel: Release, identifiers: list[str], organism: str | None = None) -> Mapping:
    """Map identifiers to entries. Direct hits win; a synonym naming more than one gene is ambiguous."""
    if not identifiers:
        raise BadParameter("identifiers", "the list is empty; give at least one gene name or identifier")
    top = settings.get_int("batch_max")
    if len(identifiers) > top:
        raise LimitExceeded("identifiers", f"{len(identifiers)} identifiers is more than the limit of {top}")
    org = organism_of(organism)
    hits = rel.lookup_terms(identifiers, org.taxid if org else None)
    ids = {eid for found in hits.values() for eid, _ in found}
    entries = {e["id"]: e for e in rel.entries_by_id(sorted(ids))}
    out = Mapping()
    for q in identifiers:
        found = hits.get(q.strip().lower(), [])
        direct = [eid for eid, kind in found if kind in DIRECT_KINDS]
        via = [eid for eid, kind in found if kind not in DIRECT_KINDS]
        if direct:
            status, chosen = "found", direct
        elif via:
            genes = {(entries[e]["taxid"], entries[e]["name"]) for e in via}
            status, chosen = ("via synonym", via) if len(genes) == 1 else ("ambiguous", via)
        else:
            status, chosen = "not found", []
        ordered = sorted(dict.fromkeys(chosen), key=lambda e: (-entries[e]["n_interactions"], entries[e]["uniprot"]))
        out.items.append({"query": q, "status": status, "entries": [entries[e] for e in ordered]})
    return out
