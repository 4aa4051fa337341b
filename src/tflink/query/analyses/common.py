"""Pieces shared by the analyses: the evidence filter and resolving a TF identifier to one entry."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ... import model
from ...errors import BadParameter
from ...store import Release
from ...store.analysis_sql import SCALES
from ..entries import organism_of
from ..identifiers import map_identifiers

SCALE_ALIASES = {"all": "all", "": "all", "small": "small", "ss": "small", "small-scale": "small",
                 "large": "large", "ls": "large", "large-scale": "large"}


@dataclass(frozen=True)
class EdgeFilter:
    """Which TF -> target edges count: evidence scale, sources (any of) and sign."""

    scale: str = "all"
    sources: tuple[str, ...] = ()
    sign: str | None = None
    source_mask: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"scale": self.scale, "sources": list(self.sources), "sign": self.sign}

    def args(self) -> tuple[str, int, str | None]:
        """(scale, source_mask, sign) as the store functions take them."""
        return self.scale, self.source_mask, self.sign


def edge_filter(rel: Release, scale: str | None = "all", sources: Iterable[str] | str | None = None,
                sign: str | None = None) -> EdgeFilter:
    """Validate user filter values against the release (unknown source or sign = BadParameter)."""
    sc = SCALE_ALIASES.get((scale or "all").strip().lower())
    if sc is None or sc not in SCALES:
        raise BadParameter("scale", f"expected all, ss (small-scale) or ls (large-scale), got {scale!r}")
    if isinstance(sources, str):
        sources = [s for s in sources.replace(";", ",").split(",")]
    labels = tuple(sorted({s.strip() for s in (sources or ()) if s and s.strip()}))
    bits = rel.source_bits
    by_lower = {k.lower(): k for k in bits}
    mask, canon = 0, []
    for label in labels:
        name = by_lower.get(label.lower())
        if name is None:
            raise BadParameter("source", f"unknown source {label!r}; this release has: {', '.join(sorted(bits))}")
        mask |= 1 << bits[name]
        canon.append(name)
    sg = (sign or "").strip().lower() or None
    if sg is not None and sg not in model.SIGNS:
        raise BadParameter("sign", f"expected one of {', '.join(model.SIGNS)} (or nothing for any), got {sign!r}")
    return EdgeFilter(sc, tuple(sorted(canon)), sg, mask)


def resolve_tf(rel: Release, ident: str, organism: str | None, param: str = "tf") -> dict[str, Any]:
    """One TF entry for an identifier: the entry with the most targets among its matches (in `organism` if given).

    A name found in several organisms without `organism` is a BadParameter asking for one; so is an identifier
    that matches nothing, or only entries that regulate nothing.
    """
    ident = (ident or "").strip()
    if not ident:
        raise BadParameter(param, "give a TF: gene name, UniProt AC or NCBI Gene ID")
    org = organism_of(organism)
    item = map_identifiers(rel, [ident], org.name if org else None).items[0]
    found = [e for e in item["entries"] if item["status"] != "not found"]
    if not found:
        where = f" in {org.name}" if org else ""
        raise BadParameter(param, f"{ident!r} matches no entry{where}; check the spelling or try `tflink search`")
    tfs = [e for e in found if e["n_as_tf"] > 0]
    if not tfs:
        raise BadParameter(param, f"{ident!r} ({found[0]['uniprot']}) has no targets in this release; "
                                  "choose a transcription factor")
    organisms = sorted({model.organism(e["taxid"]).name for e in tfs})
    if len(organisms) > 1:
        raise BadParameter("organism", f"{ident!r} names TFs in {', '.join(organisms)}; choose an organism")
    return max(tfs, key=lambda e: (e["n_as_tf"], e["uniprot"]))


def label(uniprot: str, name: str) -> str:
    """A gene's display name: its name, or the UniProt AC when it has none."""
    return name if name and name != "-" else uniprot
