"""Identifier resolution: gene symbols, NCBI Gene, Ensembl, FlyBase, WormBase, SGD, MGI, RGD, ZFIN and UniProt
identifiers -> UniProt accessions (+ NCBI Gene IDs and a primary name), for all seven organisms.

Rules (why: TFLink attached E-cadherin's TRRUST evidence to FZR1 through FZR1's alias "CDH1"):
* a primary symbol wins over any synonym;
* a synonym that points to more than one gene is ambiguous and is not used;
* exact case first, then a case-insensitive match (which must be unambiguous too: fly `h` != `H`);
* nothing is guessed: unmapped identifiers are reported with examples (:class:`MappingReport`).
The tables are filled by the loaders of :mod:`tflink.build.idsources`, in config order: the first non-empty
primary name of an accession wins, later different names become synonyms.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..model import Entry

STATUSES = ("direct", "synonym", "ambiguous", "unmapped", "passthrough")
UNIPROT_AC = re.compile(r"^([OPQ][0-9][A-Z0-9]{3}[0-9]|[A-NR-Z][0-9]([A-Z][A-Z0-9]{2}[0-9]){1,2})(-\d+)?$")


@dataclass
class IdEntry:
    """What the identifier tables say about one UniProt accession."""

    uniprot: str
    taxid: int
    names: list[str] = field(default_factory=list)  # primary name first; locus/ORF names after it
    ncbi: list[str] = field(default_factory=list)
    synonyms: list[str] = field(default_factory=list)
    xrefs: dict[str, list[str]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.names[0] if self.names else "-"


@dataclass(frozen=True)
class Resolution:
    """Result of resolving one identifier: status (one of STATUSES), accessions, and how."""

    status: str
    acs: tuple[str, ...] = ()
    via: str = ""


def _add(values: list[str], new: Iterable[str]) -> None:
    for v in new:
        v = v.strip()
        if v and v not in values:
            values.append(v)


def norm_xref(namespace: str, ident: str) -> str:
    """Canonical form of an identifier in a namespace (Ensembl without version, MGI with prefix...)."""
    ident = ident.strip()
    if namespace == "ensembl":
        return ident.split(".")[0]
    if namespace == "mgi":
        return ident if ident.upper().startswith("MGI:") else f"MGI:{ident}"
    if namespace in ("rgd", "sgd", "zfin"):
        return ident.split(":", 1)[1] if ident.upper().startswith(namespace.upper() + ":") else ident
    return ident


class IdMap:
    """Identifier tables of the build, one namespace index per organism; call :meth:`finalize` before use."""

    def __init__(self, pass_through_uniprot: bool = True) -> None:
        self.entries: dict[str, IdEntry] = {}
        self.genes: list[tuple[int, str, list[str], list[str], dict[str, list[str]]]] = []
        self.pass_through_uniprot = pass_through_uniprot
        self._primary: dict[tuple[int, str, str], set[str]] = defaultdict(set)
        self._synonym: dict[tuple[int, str], set[str]] = defaultdict(set)
        self._ci_primary: dict[tuple[int, str], set[str]] = defaultdict(set)
        self._ci_synonym: dict[tuple[int, str], set[str]] = defaultdict(set)
        self._final = False

    def add(self, taxid: int, uniprot: str, name: str | None = None, ncbi: Iterable[str] = (),
            synonyms: Iterable[str] = (), xrefs: Mapping[str, Iterable[str]] | None = None,
            loci: Iterable[str] = ()) -> None:
        """Merge what one table says about an accession (first primary name wins; loci are unique names)."""
        uniprot = uniprot.strip()
        if not uniprot:
            return
        e = self.entries.get(uniprot)
        if e is None:
            e = self.entries[uniprot] = IdEntry(uniprot, taxid)
        name = (name or "").strip()
        if name and name != "-":
            if not e.names:
                e.names.append(name)
            elif name not in e.names:
                _add(e.synonyms, [name])
        _add(e.names, loci)
        _add(e.ncbi, (n for n in ncbi if n.strip().isdigit()))
        _add(e.synonyms, (s for s in synonyms if s not in e.names))
        for ns, ids in (xrefs or {}).items():
            _add(e.xrefs.setdefault(ns, []), (norm_xref(ns, i) for i in ids))
        self._final = False

    def add_gene(self, taxid: int, geneid: str, symbol: str, synonyms: Iterable[str] = (),
                 xrefs: Mapping[str, Iterable[str]] | None = None) -> None:
        """A gene-level record without UniProt ACs (NCBI gene_info); joined to accessions by NCBI Gene ID."""
        self.genes.append((taxid, geneid.strip(), [symbol.strip()], [s.strip() for s in synonyms if s.strip()],
                           {ns: [norm_xref(ns, i) for i in ids] for ns, ids in (xrefs or {}).items()}))
        self._final = False

    def finalize(self) -> IdMap:
        """Build the lookup indexes (idempotent)."""
        if self._final:
            return self
        for idx in (self._primary, self._synonym, self._ci_primary, self._ci_synonym):
            idx.clear()
        by_ncbi: dict[tuple[int, str], set[str]] = defaultdict(set)
        for e in self.entries.values():
            for g in e.ncbi:
                by_ncbi[(e.taxid, g)].add(e.uniprot)
        for taxid, geneid, symbols, syns, xrefs in self.genes:
            for ac in by_ncbi.get((taxid, geneid), ()):
                e = self.entries[ac]
                if not e.names:
                    e.names.extend(symbols)
                _add(e.synonyms, (s for s in [*symbols, *syns] if s not in e.names))
                for ns, ids in xrefs.items():
                    _add(e.xrefs.setdefault(ns, []), ids)
        for e in self.entries.values():
            self._index(e)
        self._final = True
        return self

    def _index(self, e: IdEntry) -> None:
        t, ac = e.taxid, e.uniprot
        self._primary[(t, "uniprot", ac)].add(ac)
        for n in e.names:
            self._primary[(t, "symbol", n)].add(ac)
            self._ci_primary[(t, n.casefold())].add(ac)
        for g in e.ncbi:
            self._primary[(t, "ncbi", g)].add(ac)
        for ns, ids in e.xrefs.items():
            for i in ids:
                self._primary[(t, ns, i)].add(ac)
        for s in e.synonyms:
            self._synonym[(t, s)].add(ac)
            self._ci_synonym[(t, s.casefold())].add(ac)

    def _gene_key(self, ac: str) -> str:
        e = self.entries[ac]
        return e.names[0].casefold() if e.names else (e.ncbi[0] if e.ncbi else ac)

    def _one_gene(self, acs: set[str], via: str) -> Resolution:
        if len({self._gene_key(a) for a in acs}) == 1:
            return Resolution("synonym", tuple(sorted(acs)), via)
        genes = sorted({self.entries[a].name for a in acs})
        return Resolution("ambiguous", (), f"{via} -> {', '.join(genes[:6])}")

    def resolve(self, taxid: int, namespace: str, ident: str) -> Resolution:
        """Resolve one identifier of an organism (see the module rules)."""
        if not self._final:
            self.finalize()
        ident = ident.strip()
        if namespace != "symbol":
            key = ident.split("-")[0] if namespace == "uniprot" and ident not in self.entries else ident
            found = self._primary.get((taxid, namespace, norm_xref(namespace, key)))
            if found:
                return Resolution("direct", tuple(sorted(found)), namespace)
            if namespace == "uniprot" and self.pass_through_uniprot and UNIPROT_AC.match(ident):
                return Resolution("passthrough", (ident,), "accession not in the identifier tables")
            return Resolution("unmapped")
        found = self._primary.get((taxid, "symbol", ident))
        if found:
            return Resolution("direct", tuple(sorted(found)), "primary symbol")
        syn = self._synonym.get((taxid, ident))
        if syn:
            return self._one_gene(syn, "synonym")
        found = self._ci_primary.get((taxid, ident.casefold()))
        if found:
            res = self._one_gene(found, "primary symbol, other case")
            return Resolution("direct", res.acs, res.via) if res.status == "synonym" else res
        syn = self._ci_synonym.get((taxid, ident.casefold()))
        if syn:
            return self._one_gene(syn, "synonym, other case")
        return Resolution("unmapped")

    def entry(self, ac: str, taxid: int) -> Entry:
        """A model.Entry for an accession (minimal when the tables do not know it)."""
        e = self.entries.get(ac)
        if e is None:
            return Entry(ac, taxid)
        xrefs = tuple(f"{ns}:{i}" for ns, ids in sorted(e.xrefs.items()) for i in ids)
        return Entry(ac, e.taxid, e.name, tuple(e.ncbi), tuple(e.synonyms), xrefs)


class MappingReport:
    """Per-input counts of distinct identifiers by status, with examples, and record counts."""

    def __init__(self, examples: int = 8) -> None:
        self.examples = examples
        self.seen: dict[str, dict[tuple[str, str, int], str]] = defaultdict(dict)
        self.records: dict[str, Counter[str]] = defaultdict(Counter)
        self.example: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))

    def note(self, source: str, taxid: int, namespace: str, ident: str, res: Resolution) -> None:
        """Record the resolution of one identifier (counted once per distinct identifier)."""
        key = (namespace, ident, taxid)
        if key in self.seen[source]:
            return
        self.seen[source][key] = res.status
        ex = self.example[source][res.status]
        if len(ex) < self.examples and res.status != "direct":
            target = ", ".join(res.acs[:3])
            ex.append(f"{namespace}:{ident}" + (f" -> {target}" if target else "") + (f" ({res.via})" if res.via else ""))

    def count_record(self, source: str, outcome: str) -> None:
        self.records[source][outcome] += 1

    def as_dict(self) -> dict[str, dict[str, object]]:
        """JSON-ready report: {input: {identifiers: {status: n}, examples: {...}, records: {...}}}."""
        out: dict[str, dict[str, object]] = {}
        for source in sorted(set(self.seen) | set(self.records)):
            counts = Counter(self.seen[source].values())
            out[source] = {"identifiers": {s: counts.get(s, 0) for s in STATUSES},
                           "examples": {k: list(v) for k, v in self.example[source].items() if v},
                           "records": dict(self.records[source])}
        return out
