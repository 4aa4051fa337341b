"""Sequence logos of JASPAR matrices, drawn offline as SVG from the PFMs packaged with `pyjaspar`.

Letter heights follow the information content of each column (Schneider & Stephens 1990): IC = 2 - H bits,
each letter scaled by its frequency x IC; the most frequent letter on top.
"""
from __future__ import annotations

import math
import re
import warnings
from functools import lru_cache
from typing import Any

from ..errors import BadParameter, NotFound

MATRIX_ID = re.compile(r"^M[A-Z]\d{4}\.\d{1,3}$")
COLOURS = {"A": "#109648", "C": "#255c99", "G": "#f7b32b", "T": "#d62839"}
COL_W, HEIGHT, PAD_L, PAD_B, PAD_T = 30, 120, 34, 22, 8
CAP = 0.72  # cap height of the font as a fraction of its size


def check_matrix_id(matrix_id: str) -> str:
    """A valid JASPAR matrix ID (e.g. MA0100.3) or BadParameter."""
    if not MATRIX_ID.match(matrix_id or ""):
        raise BadParameter("matrix_id", f"{matrix_id!r} is not a JASPAR matrix ID such as MA0100.3")
    return matrix_id


@lru_cache(maxsize=256)
def pfm(matrix_id: str) -> tuple[str, dict[str, tuple[float, ...]]]:
    """(name, counts per base) of a JASPAR matrix from the offline pyjaspar database; NotFound if unknown."""
    check_matrix_id(matrix_id)
    from pyjaspar import jaspardb

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        motif = None
        for rel in ("JASPAR2024", "JASPAR2022", "JASPAR2020"):
            try:
                motif = jaspardb(release=rel).fetch_motif_by_id(matrix_id)
            except Exception:  # noqa: BLE001 -- a release missing from this pyjaspar version: try the next
                motif = None
            if motif is not None:
                break
    if motif is None:
        raise NotFound(f"no JASPAR matrix {matrix_id} in the packaged JASPAR releases; "
                       f"see https://jaspar.genereg.net/matrix/{matrix_id}/")
    return str(motif.name), {b: tuple(float(x) for x in motif.counts[b]) for b in "ACGT"}


def columns(counts: dict[str, tuple[float, ...]]) -> list[list[tuple[str, float]]]:
    """Per column, (base, height in bits) sorted from smallest to largest (drawn bottom-up)."""
    out = []
    for i in range(len(counts["A"])):
        col = {b: counts[b][i] for b in "ACGT"}
        n = sum(col.values()) or 1.0
        freqs = {b: c / n for b, c in col.items()}
        ic = 2.0 + sum(f * math.log2(f) for f in freqs.values() if f > 0)
        out.append(sorted(((b, f * ic) for b, f in freqs.items()), key=lambda x: x[1]))
    return out


def logo_svg(matrix_id: str) -> str:
    """The SVG document of the logo of `matrix_id`."""
    name, counts = pfm(matrix_id)
    cols = columns(counts)
    width = PAD_L + COL_W * len(cols) + 6
    scale = (HEIGHT - PAD_B - PAD_T) / 2.0  # px per bit
    base_y = HEIGHT - PAD_B
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {HEIGHT}" width="{width}" '
             f'height="{HEIGHT}" role="img" aria-label="Sequence logo of {_esc(matrix_id)} ({_esc(name)})">',
             f"<title>{_esc(matrix_id)} {_esc(name)}</title>",
             f'<line x1="{PAD_L - 4}" y1="{PAD_T}" x2="{PAD_L - 4}" y2="{base_y}" stroke="#555"/>',
             f'<text x="{PAD_L - 8}" y="{base_y}" font-size="10" text-anchor="end">0</text>',
             f'<text x="{PAD_L - 8}" y="{PAD_T + 8}" font-size="10" text-anchor="end">2</text>',
             f'<text x="10" y="{(PAD_T + base_y) / 2}" font-size="10" transform="rotate(-90 10 '
             f'{(PAD_T + base_y) / 2})" text-anchor="middle">bits</text>']
    for i, col in enumerate(cols):
        x, y = PAD_L + i * COL_W, float(base_y)
        for base, bits in col:
            h = bits * scale
            if h < 0.5:
                continue
            sy = h / (COL_W * CAP)
            parts.append(f'<text x="0" y="0" font-family="Arial, Helvetica, sans-serif" font-weight="bold" '
                         f'font-size="{COL_W}" fill="{COLOURS[base]}" textLength="{COL_W - 2}" '
                         f'lengthAdjust="spacingAndGlyphs" transform="translate({x + 1:.1f},{y:.2f}) '
                         f'scale(1,{sy:.4f})">{base}</text>')
            y -= h
        parts.append(f'<text class="pos" x="{x + COL_W / 2}" y="{HEIGHT - 6}" font-size="10" text-anchor="middle">{i + 1}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _esc(s: Any) -> str:
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


__all__ = ["check_matrix_id", "columns", "logo_svg", "pfm"]
