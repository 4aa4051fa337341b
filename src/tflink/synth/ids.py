"""Synthetic identifiers for the synthetic TFLink release: UniProt ACs, gene names, NCBI Gene IDs, orthologs.

Every accession is syntactically valid UniProt (``[OPQ][0-9][A-Z0-9]{3}[0-9]``, ``[A-NR-Z][0-9][A-Z][A-Z0-9]{2}[0-9]``
or the 10-character TrEMBL form ``A0A...``) and unique over all organisms: each organism draws from its own slice of
the accession space. Nothing here is real data; names and IDs only look like their organism's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

UNIPROT_AC = re.compile(r"^(?:[OPQ][0-9][A-Z0-9]{3}[0-9]|[A-NR-Z][0-9](?:[A-Z][A-Z0-9]{2}[0-9]){1,2})$")

_D = "0123456789"
_L = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LD = _L + _D
# accession families: (fixed prefix, alphabet per free position)
_FAMILIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "sp1": ("", ("OPQ", _D, _LD, _LD, _LD, _D)),
    "sp2": ("", ("ABCDEFGHIJKLMNRSTUVWXYZ", _D, _L, _LD, _LD, _D)),
    "tr": ("A0A", (_LD, _LD, _D, _L, _LD, _LD, _D)),
}
_N_BLOCKS = 16  # slices of each family: 2 per organism (entries, non-TFLink orthologs), 7 organisms
_HUMAN_STEMS = ("ZNF", "SLC", "KRT", "TMEM", "FAM", "CCDC", "ANKRD", "OR", "RPL", "KLHL", "LRRC", "PCDH", "SOX",
                "FOX", "KLF", "NR", "GATA", "HOX", "MAP", "ATP", "CDK", "IRF", "TBX", "PAX", "WDR", "ZBTB")


def _capacity(family: str) -> int:
    return int(np.prod([len(a) for a in _FAMILIES[family][1]], dtype=np.int64))


def _decode(values: np.ndarray, family: str) -> list[str]:
    """Integers -> accessions of one family (mixed-radix digits, most significant first)."""
    prefix, alphabets = _FAMILIES[family]
    out = np.empty((values.size, len(alphabets)), dtype=np.uint8)
    v = values.astype(np.int64).copy()
    for pos in range(len(alphabets) - 1, -1, -1):
        alpha = np.frombuffer(alphabets[pos].encode(), dtype=np.uint8)
        out[:, pos] = alpha[v % alpha.size]
        v //= alpha.size
    return [prefix + s for s in out.view(f"S{len(alphabets)}").ravel().astype(str).tolist()]


def accessions(rng: np.random.Generator, n: int, block: int, trembl_fraction: float) -> tuple[list[str], np.ndarray]:
    """``n`` distinct accessions from slice ``block``; returns them (shuffled) and a TrEMBL flag per accession."""
    n_tr = int(round(n * trembl_fraction))
    n_sp1 = (n - n_tr) // 5
    acs: list[str] = []
    flags: list[bool] = []
    for family, k in (("sp1", n_sp1), ("sp2", n - n_tr - n_sp1), ("tr", n_tr)):
        size = _capacity(family) // _N_BLOCKS
        if k > size:
            raise ValueError(f"{k} accessions do not fit a slice of family {family}")
        vals = rng.choice(size, size=k, replace=False).astype(np.int64) + block * size
        acs.extend(_decode(vals, family))
        flags.extend([family == "tr"] * k)
    order = rng.permutation(n)
    return [acs[i] for i in order], np.asarray(flags, dtype=bool)[order]


def _word(rng: np.random.Generator, lo: int, hi: int, letters: str = _L) -> str:
    return "".join(rng.choice(list(letters), int(rng.integers(lo, hi + 1))))


def gene_name(rng: np.random.Generator, code: str, ac: str, trembl: bool) -> str:
    """A gene name that looks like one of organism ``code`` (Hs, Mm, ...); ``-`` when missing."""
    if rng.random() < (0.12 if trembl else 0.02):
        return "-"
    num = int(rng.integers(1, 40))
    stem = _HUMAN_STEMS[int(rng.integers(len(_HUMAN_STEMS)))] if rng.random() < 0.6 else _word(rng, 3, 4)
    if code == "Hs":
        return f"{stem}{num}" if rng.random() > 0.001 else f"{stem}{num}; {stem}{num + 1}"
    if code in ("Mm", "Rn"):
        if code == "Rn" and trembl and rng.random() < 0.3:
            return f"{ac}_RAT"  # UniProt entry name used as gene name
        return f"{stem.capitalize()}{num}{'a' if rng.random() < 0.1 else ''}"
    if code == "Dr":
        return f"{stem.lower()}{num}{'ab'[int(rng.integers(2))] if rng.random() < 0.3 else ''}"
    if code == "Dm":
        r = rng.random()
        if r < 0.4:
            return f"CG{int(rng.integers(1000, 35000))}"
        return f"Dmel\\CG{int(rng.integers(1000, 35000))}" if r < 0.42 else _word(rng, 2, 4).lower()
    if code == "Ce":
        if rng.random() < 0.3:
            return f"{_word(rng, 1, 1, 'CFKMRTWY')}{int(rng.integers(10, 99))}{_word(rng, 1, 1, 'ABCDEFGH')}" \
                   f"{int(rng.integers(1, 20))}.{int(rng.integers(1, 9))}"
        return f"{_word(rng, 3, 3).lower()}-{num}"
    if rng.random() < 0.4:  # yeast systematic ORF name
        return f"Y{_word(rng, 1, 1, 'ABCDEFGHIJKLMNOP')}{'LR'[int(rng.integers(2))]}" \
               f"{int(rng.integers(1, 400)):03d}{'WC'[int(rng.integers(2))]}"
    return f"{_word(rng, 3, 3)}{int(rng.integers(1, 20))}"


def ncbi_ids(rng: np.random.Generator, trembl: bool) -> str:
    """NCBI Gene ID cell: one ID, occasionally two (``100532731;648``), ``-`` when missing."""
    r = rng.random()
    if r < (0.15 if trembl else 0.03):
        return "-"
    one = str(int(rng.integers(1, 150000)) if rng.random() < 0.8 else int(rng.integers(100000000, 116000000)))
    if r > 0.985:
        return f"{int(rng.integers(100000000, 116000000))};{one}"
    return one


@dataclass
class Universe:
    """All entries (UniProt ACs) of one organism with their annotation, index-aligned."""

    code: str
    acs: list[str]
    trembl: np.ndarray
    names: list[str]
    ncbi: list[str]
    family: np.ndarray  # ortholog family per entry, -1 = none
    ortho: list[str] | None = None  # "TFLink.ortho<TAB>nonTFLink.ortho" per entry, set by attach_orthologs


def make_universe(rng: np.random.Generator, code: str, n: int, block: int, n_families: int) -> Universe:
    """``n`` entries with names, NCBI IDs and (for ~half of them) an ortholog family."""
    acs, trembl = accessions(rng, n, 2 * block, 0.22)
    names = [gene_name(rng, code, ac, bool(t)) for ac, t in zip(acs, trembl)]
    ncbi = [ncbi_ids(rng, bool(t)) for t in trembl]
    share = {"Sc": 0.3, "Ce": 0.4, "Dm": 0.45}.get(code, 0.6)
    family = np.where(rng.random(n) < share, rng.integers(0, max(n_families, 1), n), -1)
    return Universe(code, acs, trembl, names, ncbi, family)


def _cap_per_species(items: list[str], own: str, max_each: int) -> str:
    """``;``-join the ``Sp:AC`` items not of species ``own``, at most ``max_each`` per species; ``-`` if none."""
    seen: dict[str, int] = {}
    kept = []
    for item in items:
        sp = item[:2]
        if sp != own and seen.get(sp, 0) < max_each:
            seen[sp] = seen.get(sp, 0) + 1
            kept.append(item)
    return ";".join(kept) or "-"


def attach_orthologs(rng: np.random.Generator, universes: list[Universe], blocks: list[int], n_families: int,
                     max_each: int = 3) -> None:
    """Fill ``ortho`` of every universe: family members in the other organisms (TFLink.ortho) and extra
    accessions that have no TFLink entry (nonTFLink.ortho), formatted ``Mm:AC;Rn:AC`` sorted by species code."""
    members: dict[int, list[str]] = {}
    for u in sorted(universes, key=lambda x: x.code):
        for i in np.flatnonzero(u.family >= 0).tolist():
            members.setdefault(int(u.family[i]), []).append(f"{u.code}:{u.acs[i]}")
    outside: dict[int, list[str]] = {}
    for u, block in sorted(zip(universes, blocks), key=lambda x: x[0].code):
        counts = rng.poisson(0.15, n_families)
        acs, _ = accessions(rng, int(counts.sum()), 2 * block + 1, 0.5)
        fams = np.repeat(np.arange(n_families), counts).tolist()
        for fam, ac in zip(fams, acs):
            outside.setdefault(fam, []).append(f"{u.code}:{ac}")
    for u in universes:
        u.ortho = [f"{_cap_per_species(members.get(f, []), u.code, max_each)}\t"
                   f"{_cap_per_species(outside.get(f, []), u.code, max_each)}" if f >= 0 else "-\t-"
                   for f in u.family.tolist()]
