"""Build configuration (TOML): what goes into a release.

```toml
[release]
version = "2026.12"            # release version written to the manifest
append_citations = true        # append each source's database-paper PMID (TFLink behaviour)

[peaks]                        # peak -> gene rule for ChIP-seq inputs (see tflink.build.peaks)
window = 1000                  # or upstream / downstream; anchor = "summit" | "peak"; tss_from; nearest_only

[[annotation]]                 # gene annotation GTF per organism, needed by GTRD / ReMap inputs
organism = "human"
path = "Homo_sapiens.GRCh38.gtf.gz"

[[idmap]]                      # identifier tables, applied in this order (first primary name wins)
format = "uniprot_tab"         # see tflink.build.idsources.LOADERS
path = "hsa_uniprot.txt"
organism = "human"

[[input]]                      # one source file
source = "trrust"              # a key of tflink.sources.REGISTRY
path = "trrust_rawdata.human.tsv"
organism = "human"             # optional when the adapter can tell
options = { }                  # adapter options (e.g. DoRothEA curated = ["tf_act"], chip_seq = true)
sites = false                  # ChIP-seq inputs: also keep the peaks as binding sites
lenient = true                 # count bad rows as rejects instead of stopping the build

[[orthologs]]
format = "biomart_symbols"     # ncbi_gene_orthologs | homologene | biomart_symbols
path = "hgnc_mgi_symbol_orthologs.tsv"
organisms = ["mouse", "human"]
```
Relative paths are relative to the config file; `pyjaspar:JASPAR2020` names the SQLite inside pyjaspar.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import sources
from ..errors import InputError
from ..model import UnknownOrganism, organism


@dataclass
class InputSpec:
    """One `[[input]]`: a source file and how to read it."""

    source: str
    path: str
    organism: str | int | None = None
    options: dict[str, Any] = field(default_factory=dict)
    sites: bool = False
    lenient: bool = True
    name: str = ""


@dataclass
class TableSpec:
    """One `[[idmap]]`, `[[orthologs]]` or `[[annotation]]` table."""

    path: str
    format: str = ""
    organism: str | int | None = None
    organisms: list[str | int] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    licence: str = ""
    attribution: str = ""


@dataclass
class BuildConfig:
    """A parsed build configuration."""

    path: Path
    version: str
    append_citations: bool = True
    peaks: dict[str, Any] = field(default_factory=dict)
    inputs: list[InputSpec] = field(default_factory=list)
    idmaps: list[TableSpec] = field(default_factory=list)
    orthologs: list[TableSpec] = field(default_factory=list)
    annotations: list[TableSpec] = field(default_factory=list)

    def resolve(self, p: str) -> str:
        """A config path made absolute (relative to the config file); `pyjaspar:` names pass through."""
        if ":" in p.split("/")[0] and not Path(p).exists():
            return p
        q = Path(p).expanduser()
        return str(q if q.is_absolute() else (self.path.parent / q).resolve())


_INPUT_KEYS = {"source", "path", "organism", "options", "sites", "lenient", "name"}
_TABLE_KEYS = {"path", "format", "organism", "organisms", "options", "licence", "attribution"}


def _table(cfg: Path, section: str, i: int, raw: Any, cls: type, keys: set[str]) -> Any:
    where = f"[[{section}]] #{i + 1}"
    if not isinstance(raw, dict):
        raise InputError(cfg, None, f"{where} must be a table")
    unknown = set(raw) - keys
    if unknown:
        raise InputError(cfg, None, f"{where}: unknown key(s) {', '.join(sorted(unknown))}; allowed: "
                                    f"{', '.join(sorted(keys))}")
    if "path" not in raw:
        raise InputError(cfg, None, f"{where}: missing `path`")
    for key in ("organism",):
        if raw.get(key) is not None:
            try:
                organism(raw[key])
            except UnknownOrganism as exc:
                raise InputError(cfg, None, f"{where}: {exc}") from None
    return cls(**raw)


def load_config(path: str | Path) -> BuildConfig:
    """Parse and validate a build config; errors name the file and the offending table."""
    cfg = Path(path).resolve()
    if not cfg.exists():
        raise InputError(cfg, None, "no such build config — pass the path of a TOML file (see docs/integration.md)")
    try:
        data = tomllib.loads(cfg.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"at line (\d+)", str(exc))
        line = getattr(exc, "lineno", None) or (int(found.group(1)) if found else None)
        raise InputError(cfg, line, f"invalid TOML: {exc}") from None
    release = data.get("release", {})
    out = BuildConfig(cfg, str(release.get("version", "dev")), bool(release.get("append_citations", True)),
                      dict(data.get("peaks", {})))
    for i, raw in enumerate(data.get("input", [])):
        spec = _table(cfg, "input", i, raw, InputSpec, _INPUT_KEYS)
        try:
            sources.get(spec.source)
        except sources.UnknownSource as exc:
            raise InputError(cfg, None, f"[[input]] #{i + 1}: {exc}") from None
        out.inputs.append(spec)
    for section, target in (("idmap", out.idmaps), ("orthologs", out.orthologs), ("annotation", out.annotations)):
        for i, raw in enumerate(data.get(section, [])):
            target.append(_table(cfg, section, i, raw, TableSpec, _TABLE_KEYS))
    unknown = set(data) - {"release", "peaks", "input", "idmap", "orthologs", "annotation"}
    if unknown:
        raise InputError(cfg, None, f"unknown section(s) {', '.join(sorted(unknown))}")
    if not out.inputs:
        raise InputError(cfg, None, "no [[input]] tables: nothing to build")
    return out
