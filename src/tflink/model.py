"""Domain model of tflink: organisms, entries, evidence, interactions, binding sites, manifests.

Pure data and pure functions; no I/O. Every other layer imports from here, and this module imports
nothing of tflink.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Literal

SCHEMA_VERSION = 1

Function = Literal["transcription factor", "target gene", "transcription factor and target gene"]
Sign = Literal["activation", "repression", "unknown"]
SIGNS: tuple[str, ...] = ("activation", "repression", "unknown")

FUNCTION_TF = "transcription factor"
FUNCTION_TARGET = "target gene"
FUNCTION_BOTH = "transcription factor and target gene"
FUNCTIONS: tuple[str, ...] = (FUNCTION_TF, FUNCTION_TARGET, FUNCTION_BOTH)


@dataclass(frozen=True)
class Organism:
    """One of the seven TFLink species."""

    name: str  # "Homo sapiens"
    taxid: int
    code: str  # TFLink ortholog prefix: Hs, Mm, ...
    assemblies: tuple[str, ...]  # default first

    @property
    def file_id(self) -> str:
        """The `Genus_species` form used in TFLink file names and URLs."""
        return self.name.replace(" ", "_")

    @property
    def default_assembly(self) -> str:
        return self.assemblies[0]


ORGANISMS: tuple[Organism, ...] = (
    Organism("Homo sapiens", 9606, "Hs", ("hg38", "hg19")),
    Organism("Mus musculus", 10090, "Mm", ("mm10", "mm39", "mm9")),
    Organism("Rattus norvegicus", 10116, "Rn", ("rn6", "rn7", "rn5")),
    Organism("Danio rerio", 7955, "Dr", ("danRer11", "danRer10")),
    Organism("Drosophila melanogaster", 7227, "Dm", ("dm6", "dm3")),
    Organism("Caenorhabditis elegans", 6239, "Ce", ("ce11", "ce10", "ce4")),
    Organism("Saccharomyces cerevisiae", 4932, "Sc", ("sacCer3", "sacCer1")),
)
_BY_KEY: dict[str, Organism] = {}
for _o in ORGANISMS:
    for _k in (_o.name, _o.file_id, str(_o.taxid), _o.code, _o.name.split()[0][0] + _o.name.split()[1][:2]):
        _BY_KEY[_k.lower()] = _o
_BY_KEY.update({"human": ORGANISMS[0], "mouse": ORGANISMS[1], "rat": ORGANISMS[2], "zebrafish": ORGANISMS[3],
                "fly": ORGANISMS[4], "fruit fly": ORGANISMS[4], "worm": ORGANISMS[5], "yeast": ORGANISMS[6],
                "559292": ORGANISMS[6]})


class UnknownOrganism(ValueError):
    """Raised by :func:`organism` for a name it does not know."""


def organism(key: str | int) -> Organism:
    """Find an organism by name, `Genus_species`, taxid, code (Hs) or common name (human)."""
    found = _BY_KEY.get(str(key).strip().lower())
    if found is None:
        known = ", ".join(o.name for o in ORGANISMS)
        raise UnknownOrganism(f"unknown organism {key!r}; expected one of: {known} (or taxid / code / common name)")
    return found


def organism_by_taxid(taxid: int) -> Organism:
    return organism(taxid)


@dataclass(frozen=True)
class Method:
    """A detection method as a PSI-MI term."""

    mi: str  # "MI:0402" or "" when the name has no known term
    name: str


@dataclass
class Entry:
    """A UniProt accession with its gene-level annotation."""

    uniprot: str
    taxid: int
    name: str = "-"
    ncbi_gene_ids: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()
    xrefs: tuple[str, ...] = ()  # other identifiers: Ensembl, FlyBase, WormBase, SGD, MGI, RGD, ZFIN
    jaspar_matrices: tuple[str, ...] = ()
    # values declared by an imported TFLink browse table; used only when the release has no interaction of the entry
    declared_function: str | None = None
    declared_interactions: int | None = None
    declared_small_scale: bool | None = None


@dataclass(frozen=True)
class Evidence:
    """One source record supporting TF -> target (both already UniProt ACs)."""

    tf: str
    target: str
    taxid: int
    source: str  # label as shown to users: TRRUST, GTRD, IntAct_via_DoRothEA, ...
    method: Method
    pmids: tuple[str, ...]
    small_scale: bool
    sign: Sign | None = None
    record_id: str = ""  # source-record id or file:line
    source_version: str = ""


@dataclass
class Interaction:
    """A TF -> target pair with every piece of evidence merged."""

    tf: str
    target: str
    taxid: int
    sources: set[str] = field(default_factory=set)
    methods: set[str] = field(default_factory=set)
    pmids: list[str] = field(default_factory=list)  # ordered, unique, as first seen
    small_scale: bool = False
    large_scale: bool = False
    signs: set[str] = field(default_factory=set)
    record_ids: list[str] = field(default_factory=list)

    def add(self, ev: Evidence) -> None:
        """Fold one evidence record in (TFLink rules: any SS evidence makes the pair SS)."""
        self.sources.add(ev.source)
        if ev.method.name:
            self.methods.add(ev.method.name)
        seen = set(self.pmids)
        for p in ev.pmids:
            if p and p not in seen:
                self.pmids.append(p)
                seen.add(p)
        if ev.small_scale:
            self.small_scale = True
        else:
            self.large_scale = True
        if ev.sign:
            self.signs.add(ev.sign)
        if ev.record_id:
            self.record_ids.append(ev.record_id)

    @property
    def sign(self) -> str | None:
        return merge_signs(self.signs)


def merge_signs(signs: Iterable[str]) -> str | None:
    """One sign for a pair: activation or repression when all known signs agree, else unknown; None if no source says."""
    s = {x for x in signs if x}
    if not s:
        return None
    known = s - {"unknown"}
    if len(known) == 1:
        return next(iter(known))
    return "unknown"


def aggregate(evidence: Iterable[Evidence]) -> dict[tuple[str, str], Interaction]:
    """Merge evidence into interactions keyed by (tf, target)."""
    out: dict[tuple[str, str], Interaction] = {}
    for ev in evidence:
        key = (ev.tf, ev.target)
        it = out.get(key)
        if it is None:
            it = out[key] = Interaction(ev.tf, ev.target, ev.taxid)
        it.add(ev)
    return out


@dataclass
class BindingSite:
    """A TF binding site (TFLink-style ID; coordinates may be missing for SELEX sequences)."""

    tflink_id: str
    tf: str
    taxid: int
    assembly: str | None = None
    chromosome: str | None = None
    start: int | None = None
    end: int | None = None
    strand: str | None = None
    sequence: str | None = None
    sources: tuple[str, ...] = ()
    methods: tuple[str, ...] = ()
    pmids: tuple[str, ...] = ()
    small_scale: bool = False
    overlaps: tuple[str, ...] = ()


@dataclass(frozen=True)
class Ortholog:
    """`uniprot` (of `taxid`) is an ortholog of `other_uniprot` (of `other_taxid`)."""

    uniprot: str
    other_uniprot: str
    other_taxid: int


def site_id(number: int, small_scale: bool) -> str:
    """TFLink binding-site ID: TFLinkSS/TFLinkLS + 8 digits."""
    return f"TFLink{'SS' if small_scale else 'LS'}{number:08d}"


def function_of(n_as_tf: int, n_as_target: int) -> str | None:
    """TFLink's relational function of an entry."""
    if n_as_tf and n_as_target:
        return FUNCTION_BOTH
    if n_as_tf:
        return FUNCTION_TF
    if n_as_target:
        return FUNCTION_TARGET
    return None


def number_of_interactions(n_as_tf: int, n_as_target: int) -> int:
    """Interactions as TF + as target; a self-loop counts on both sides (TWIST1: 236 + 7,938 = 8,174)."""
    return n_as_tf + n_as_target


@dataclass
class InputFile:
    """One input of a release, as recorded in its manifest."""

    name: str
    path: str
    sha256: str
    version: str = ""
    format: str = ""
    rows_read: int = 0
    rows_rejected: int = 0
    rejects: dict[str, int] = field(default_factory=dict)  # reason -> count
    reject_examples: list[str] = field(default_factory=list)
    licence: str = ""
    citation: str = ""

    def reject(self, reason: str, example: str) -> None:
        self.rows_rejected += 1
        self.rejects[reason] = self.rejects.get(reason, 0) + 1
        if len(self.reject_examples) < 20:
            self.reject_examples.append(example)


PMID_QUERY_SUFFIX = "%5Buid%5D"
