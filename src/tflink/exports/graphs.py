"""Formats beyond TFLink for any interaction query: JSON Lines, GraphML, SIF and Cytoscape.js JSON.

All stream: edges are written as the rows arrive; the node table (GraphML, Cytoscape.js) is collected on the way
and written at the end. Its size is bounded by the number of entries, not of interactions. GraphML allows nodes
after the edges, and networkx reads it either way.
"""
from __future__ import annotations

import json
from typing import Iterable, Iterator
from xml.sax.saxutils import escape, quoteattr

from ..store.exports_sql import (I_METHODS, I_PMIDS, I_SIGN, I_SOURCES, I_SS, I_TARGET, I_TARGET_NAME, I_TF,
                                 I_TF_NAME)
from .common import interaction_record

SIF_RELATION = "controls-expression-of"
GRAPHML_KEYS = (("name", "node", "string"), ("role", "node", "string"), ("sources", "edge", "string"),
                ("methods", "edge", "string"), ("pmids", "edge", "string"), ("small_scale", "edge", "boolean"),
                ("sign", "edge", "string"))


def jsonl_lines(rows: Iterable[tuple]) -> Iterator[str]:
    """One JSON object per interaction (the shape of the interactions API)."""
    dumps = json.dumps
    for r in rows:
        yield dumps(interaction_record(r), ensure_ascii=False, separators=(",", ":"))


def sif_lines(rows: Iterable[tuple]) -> Iterator[str]:
    """Simple Interaction Format: `TF_AC controls-expression-of target_AC`."""
    for r in rows:
        yield f"{r[I_TF]}\t{SIF_RELATION}\t{r[I_TARGET]}"


def _note(nodes: dict[str, list], ac: str, name: str | None, role: str) -> None:
    node = nodes.get(ac)
    if node is None:
        nodes[ac] = [name or "-", {role}]
    else:
        node[1].add(role)


def _role(roles: set[str]) -> str:
    return "TF and target" if len(roles) == 2 else next(iter(roles))


def graphml_lines(rows: Iterable[tuple]) -> Iterator[str]:
    """GraphML, directed; node ids are UniProt ACs; edge data: sources, methods, PMIDs, small-scale, sign."""
    yield '<?xml version="1.0" encoding="UTF-8"?>'
    yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
    for name, domain, kind in GRAPHML_KEYS:
        yield f'  <key id="{name}" for="{domain}" attr.name="{name}" attr.type="{kind}"/>'
    yield '  <graph id="tflink" edgedefault="directed">'
    nodes: dict[str, list] = {}
    for n, r in enumerate(rows):
        _note(nodes, r[I_TF], r[I_TF_NAME], "TF")
        _note(nodes, r[I_TARGET], r[I_TARGET_NAME], "target")
        data = "".join(f'<data key="{k}">{escape(v)}</data>' for k, v in (
            ("sources", r[I_SOURCES] or ""), ("methods", r[I_METHODS] or ""), ("pmids", r[I_PMIDS] or ""),
            ("small_scale", "true" if r[I_SS] else "false"), ("sign", r[I_SIGN] or "")))
        yield f'    <edge id="e{n}" source={quoteattr(r[I_TF])} target={quoteattr(r[I_TARGET])}>{data}</edge>'
    for ac, (name, roles) in nodes.items():
        yield (f'    <node id={quoteattr(ac)}><data key="name">{escape(name)}</data>'
               f'<data key="role">{escape(_role(roles))}</data></node>')
    yield "  </graph>"
    yield "</graphml>"


def cyjs_lines(rows: Iterable[tuple]) -> Iterator[str]:
    """Cytoscape.js elements JSON: `{"elements": {"edges": [...], "nodes": [...]}}` (one element a line)."""
    dumps = json.dumps
    yield '{"format_version": "1.0", "generated_by": "tflink", "elements": {"edges": ['
    nodes: dict[str, list] = {}
    sep = ""
    for n, r in enumerate(rows):
        _note(nodes, r[I_TF], r[I_TF_NAME], "TF")
        _note(nodes, r[I_TARGET], r[I_TARGET_NAME], "target")
        edge = {"data": {"id": f"e{n}", "source": r[I_TF], "target": r[I_TARGET],
                         "sources": r[I_SOURCES] or "", "methods": r[I_METHODS] or "", "pmids": r[I_PMIDS] or "",
                         "small_scale": bool(r[I_SS]), "sign": r[I_SIGN]}}
        yield sep + dumps(edge, ensure_ascii=False)
        sep = ","
    yield '], "nodes": ['
    sep = ""
    for ac, (name, roles) in nodes.items():
        yield sep + dumps({"data": {"id": ac, "name": name, "role": _role(roles)}}, ensure_ascii=False)
        sep = ","
    yield "]}}"
