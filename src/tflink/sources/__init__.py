"""Source adapters: one module per source database, all of one shape.

Each module declares what the source is — `NAME`, `LABEL`, `VERSION`, `URLS`, `FILES`, `LICENCE`,
`CITATION_PMID`, `ATTRIBUTION` — and a pure `parse(path, **options)` generator of raw records
(:mod:`tflink.sources.records`). Adding a source = adding a module and a line to :data:`REGISTRY`.
(`tflink_files` / `tflink_rows` read TFLink's own release files and are not a source database.)
"""
from __future__ import annotations

import importlib
from types import ModuleType

from ..errors import TflinkError

# registry key -> module name (lower-case key, as used in build configs)
REGISTRY: dict[str, str] = {
    "trrust": "trrust",
    "dorothea": "dorothea",
    "gtrd": "gtrd",
    "remap": "remap",
    "jaspar": "jaspar",
    "htridb": "htridb",
    "oreganno": "oreganno",
    "redfly": "redfly",
    "tred": "tred",
    "yeastract": "yeastract",
}
REQUIRED = ("NAME", "LABEL", "VERSION", "URLS", "FILES", "LICENCE", "CITATION_PMID", "ATTRIBUTION", "parse")


class UnknownSource(TflinkError):
    """A build config names a source that no adapter handles."""


def get(name: str) -> ModuleType:
    """The adapter module of a source (case-insensitive key, e.g. `trrust`, `ReMap`)."""
    key = name.strip().lower()
    if key not in REGISTRY:
        raise UnknownSource(f"unknown source {name!r}; known sources: {', '.join(sorted(REGISTRY))}")
    return importlib.import_module(f"{__name__}.{REGISTRY[key]}")


def all_sources() -> dict[str, ModuleType]:
    """Every registered adapter module, by registry key."""
    return {key: get(key) for key in REGISTRY}
