"""Integration rules as data: method names -> PSI-MI terms, source + method -> small-/large-scale,
database-citation PMIDs appended per source, and signs.

Everything a reviewer may want to check or change is in the tables below; the functions only look
them up. Documented in docs/integration.md. Public names used by other layers (e.g. the MITAB exporter):
:func:`psi_mi`, :data:`SOURCE_CITATIONS`, :func:`classify`, :func:`citations`.
"""
from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase

from ..model import Method
from ..vocabulary import PSI_MI_TERMS, SOURCE_CITATIONS, psi_mi

__all__ = ["PSI_MI_TERMS", "SOURCE_CITATIONS", "RULES", "Rule", "citations", "classify", "psi_mi", "sign"]

@dataclass(frozen=True)
class Rule:
    """First matching rule wins: `source` and `method` are `|`-separated fnmatch patterns over the source
    label and the lower-cased raw method text; `term` is the PSI-MI name (None = keep the raw text)."""

    source: str
    method: str
    term: str | None
    small_scale: bool

    def matches(self, source: str, method: str) -> bool:
        return (any(fnmatchcase(source, p) for p in self.source.split("|"))
                and any(fnmatchcase(method, p) for p in self.method.split("|")))


CHIP = "chromatin immunoprecipitation assay"
RULES: tuple[Rule, ...] = (
    # whole-source classes
    Rule("TRRUST|TRED", "*", "inferred by curator", True),
    Rule("ReMap_via_DoRothEA", "*", CHIP, False),
    Rule("*_via_DoRothEA", "*", "inferred by curator", True),
    Rule("DoRothEA", "*", "interaction prediction", False),
    Rule("GTRD|ReMap", "*", CHIP, False),
    # per-record methods (HTRI, ORegAnno/PAZAR datasets, REDfly evidence, Yeastract dumps, JASPAR matrix types)
    Rule("*", "*chip-chip*|*chip on chip*|*chip-on-chip*|*chromatin immunoprecipitation array*", "chromatin "
         "immunoprecipitation array", False),
    Rule("*", "*chip-seq*|*chipseq*|*chip-exo*|*encode*|*chip seq*", CHIP, False),
    Rule("*", "*chromatin immunoprecipitation*|chip|*chip assay*|chip-pcr*|*chip-qpcr*", CHIP, True),
    Rule("*", "*electrophoretic mobility shift*|*emsa*|*gel shift*|*band shift*|*gel retardation*|*mobility shift*",
         "electrophoretic mobility shift assay", True),
    Rule("*", "*footprint*", "DNase I footprinting", True),
    Rule("*", "*ht-selex*|*high-throughput selex*|*selex sage*|*smile-seq*|*dap-seq*",
         "systematic evolution of ligand by exponential enrichment", False),
    Rule("*", "*selex*", "systematic evolution of ligand by exponential enrichment", True),
    Rule("*", "*1-hybrid*|*one hybrid*|*one-hybrid*|*1 hybrid*", "one hybrid", True),
    Rule("*", "*pbm*|*protein binding microarray*|*dip-chip*", "protein binding microarray", False),
    Rule("*", "*northern*", "northern blot", True),
    Rule("*", "*microarray*|*array technology*|*expression profiling*|*rna-seq*", "array technology", False),
    Rule("*", "*rnai*|*knock*|*mutant*|*genetic interference*|*deletion*", "genetic interference", True),
    Rule("*", "*reporter*|*luciferase*|*transfection*|*cat assay*|*transgen*", "reporter gene assay", True),
    # source defaults for records without a recognised method
    Rule("ORegAnno|PAZAR", "*", "inferred by curator", True),
    Rule("JASPAR", "compiled|phylogenetic|metamodel|", "inferred by curator", True),
    Rule("JASPAR", "*", None, True),
    Rule("Yeastract", "", "experimental interaction detection", False),
    Rule("*", "|curated|literature*", "inferred by curator", True),
    Rule("*", "*", None, True),
)

# JASPAR sites cite the matrix's own paper in TFLink, not the JASPAR database paper
NOT_APPENDED: frozenset[str] = frozenset({"JASPAR"})

# source words -> model.SIGNS
SIGN_WORDS: dict[str, str] = {
    "activation": "activation", "activator": "activation", "positive": "activation", "1": "activation",
    "+": "activation", "repression": "repression", "repressor": "repression", "negative": "repression",
    "inhibition": "repression", "-1": "repression", "-": "repression", "unknown": "unknown", "0": "unknown",
}
SIGN_SOURCES: dict[str, str] = {"TRRUST": "mode of regulation (column 3)", "DoRothEA": "mor (1 / -1 / 0)",
                                "Yeastract": "matrix value -1 = negative regulation"}


def classify(source: str, raw_method: str, small_scale: bool | None = None) -> tuple[Method, bool]:
    """(PSI-MI method, small-scale?) of a record; an adapter's explicit `small_scale` wins over the rules."""
    text = raw_method.strip().lower()
    for rule in RULES:
        if rule.matches(source, text):
            method = psi_mi(rule.term) if rule.term else psi_mi(raw_method or "unspecified method")
            return method, rule.small_scale if small_scale is None else small_scale
    raise AssertionError("RULES must end with a catch-all rule")  # pragma: no cover


def citations(source: str, enabled: bool = True) -> tuple[str, ...]:
    """The database-citation PMIDs appended to a record of `source` (empty when disabled)."""
    if not enabled or source in NOT_APPENDED or source not in SOURCE_CITATIONS:
        return ()
    return (SOURCE_CITATIONS[source],)


def sign(word: str | None) -> str | None:
    """A source's sign word as one of model.SIGNS, or None."""
    if word is None:
        return None
    return SIGN_WORDS.get(str(word).strip().lower())
