"""Analyses TFLink leaves to its users: TF enrichment of a gene list, common targets of TFs, cross-species
comparison of a TF's targets. One function per analysis, shared by the CLI, the REST API and the HTML pages."""
from __future__ import annotations

from .common import EdgeFilter, edge_filter
from .common_targets import common_targets
from .cross_species import cross_species
from .enrichment import enrichment

__all__ = ["EdgeFilter", "common_targets", "cross_species", "edge_filter", "enrichment"]
