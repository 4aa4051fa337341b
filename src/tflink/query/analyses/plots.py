"""Figures of the analyses: matplotlib (Agg backend) PNG/SVG charts, and hand-drawn SVG for the Venn diagram and
the shared-target network. Every text from the data is XML-escaped."""
from __future__ import annotations

import io
import math
from typing import Any
from xml.sax.saxutils import escape

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from ...errors import BadParameter

FORMATS = {"png": "image/png", "svg": "image/svg+xml"}
COLOURS = ("#d9534f", "#2f7fc1", "#0f7b6c", "#a15c00", "#6f42c1", "#5b6475")
TF_COLOUR, TARGET_COLOUR = "#d9534f", "#2f7fc1"


def check_format(fmt: str) -> str:
    f = (fmt or "").lower().lstrip(".")
    if f not in FORMATS:
        raise BadParameter("format", f"expected png or svg, got {fmt!r}")
    return f


def _save(fig: Any, fmt: str) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format=check_format(fmt), bbox_inches="tight", dpi=110,
                metadata={"Date": None} if fmt == "svg" else None)
    plt.close(fig)
    return buf.getvalue()


def enrichment_chart(result: dict[str, Any], fmt: str = "png", top: int = 20) -> bytes:
    """Horizontal bars of -log10 q for the `top` best TFs, with the q = 0.05 line; overlap written on each bar."""
    rows = result["results"][:top]
    fig, ax = plt.subplots(figsize=(7, 0.32 * max(len(rows), 3) + 1.2))
    if not rows:
        ax.text(0.5, 0.5, "no TF overlaps the list", ha="center", va="center")
        ax.set_axis_off()
        return _save(fig, fmt)
    values = [-math.log10(max(r["q_value"], 1e-300)) for r in rows][::-1]
    labels = [r["tf"] for r in rows][::-1]
    colours = [TF_COLOUR if r["q_value"] < 0.05 else "#9aa3b2" for r in rows][::-1]
    ax.barh(range(len(rows)), values, color=colours)
    ax.set_yticks(range(len(rows)), labels, fontsize=8)
    for y, (v, r) in enumerate(zip(values, rows[::-1])):
        ax.text(v, y, f" {r['overlap']}/{r['tf_targets']}", va="center", fontsize=7)
    ax.axvline(-math.log10(0.05), color="#555", linestyle="--", linewidth=0.8, label="q = 0.05")
    ax.set_xlabel("−log10 q (Benjamini–Hochberg)")
    ax.set_title(f"TF enrichment, {result['organism']} (overlap / TF targets)", fontsize=10)
    ax.legend(loc="lower right", fontsize=8)
    return _save(fig, fmt)


def upset_chart(result: dict[str, Any], fmt: str = "png", top: int = 20) -> bytes:
    """UpSet-style chart of the exclusive intersections of the TFs' target sets (largest first)."""
    regions = result["regions"][:top]
    names = [t["name"] for t in result["tfs"]]
    fig, (bars, dots) = plt.subplots(2, 1, figsize=(max(4, 0.45 * len(regions) + 2), 2.2 + 0.35 * len(names)),
                                     gridspec_kw={"height_ratios": [3, max(1, 0.4 * len(names))]}, sharex=True)
    xs = range(len(regions))
    bars.bar(xs, [r["count"] for r in regions], color="#16324f")
    for x, r in zip(xs, regions):
        bars.text(x, r["count"], str(r["count"]), ha="center", va="bottom", fontsize=7)
    bars.set_ylabel("targets")
    bars.set_title(f"Common targets, {result['organism']}: exclusive intersections", fontsize=10)
    for x, r in zip(xs, regions):
        ys = [i for i, m in enumerate(r["member"]) if m]
        dots.scatter([x] * len(names), range(len(names)), color="#d5d9e0", s=30)
        dots.scatter([x] * len(ys), ys, color="#16324f", s=30)
        if len(ys) > 1:
            dots.plot([x, x], [min(ys), max(ys)], color="#16324f", linewidth=1.5)
    dots.set_yticks(range(len(names)), names, fontsize=8)
    dots.set_xticks([])
    dots.invert_yaxis()
    return _save(fig, fmt)


_VENN = {2: ((150, 150), (250, 150)), 3: ((160, 135), (240, 135), (200, 205))}


def venn_svg(result: dict[str, Any]) -> str:
    """A Venn diagram (2 or 3 TFs) as SVG text: circles of equal size, the count of each exclusive region."""
    tfs = result["tfs"]
    if len(tfs) not in _VENN:
        raise BadParameter("tfs", "a Venn diagram needs 2 or 3 TFs; use the UpSet chart for more")
    centres = _VENN[len(tfs)]
    r = 95
    parts = [('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 330" width="400" height="330" '
              'role="img" aria-label="Venn diagram of the target sets">')]
    for (cx, cy), colour in zip(centres, COLOURS):
        parts.append(f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{colour}" fill-opacity="0.25" '
                     f'stroke="{colour}" stroke-width="2"/>')
    for i, (t, (cx, cy)) in enumerate(zip(tfs, centres)):
        x = cx + (cx - 200) * 0.9
        y = 22 if cy < 170 else 322
        anchor = "end" if x < 180 else ("start" if x > 220 else "middle")
        parts.append(f'<text x="{x:.0f}" y="{y}" text-anchor="{anchor}" font-size="14" font-weight="bold" '
                     f'fill="{COLOURS[i]}">{escape(t["name"])} ({t["targets"]})</text>')
    counts = {tuple(reg["member"]): reg["count"] for reg in result["regions"]}
    for member, (x, y) in _region_points(len(tfs), centres):
        parts.append(f'<text x="{x:.0f}" y="{y:.0f}" text-anchor="middle" font-size="13" '
                     f'data-region="{"".join("1" if m else "0" for m in member)}">{counts.get(member, 0)}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _region_points(n: int, centres: tuple[tuple[int, int], ...]) -> list[tuple[tuple[bool, ...], tuple[float, float]]]:
    """A label position inside every region of an n-set Venn diagram (weighted mean of the member centres)."""
    out = []
    for bits in range(1, 2 ** n):
        member = tuple(bool(bits >> i & 1) for i in range(n))
        inside = [c for c, m in zip(centres, member) if m]
        outside = [c for c, m in zip(centres, member) if not m]
        x = sum(c[0] for c in inside) / len(inside)
        y = sum(c[1] for c in inside) / len(inside)
        for ox, oy in outside:  # push away from circles the region is not in
            x += (x - ox) * (0.55 if len(inside) == 1 else 0.35)
            y += (y - oy) * (0.55 if len(inside) == 1 else 0.35)
        out.append((member, (x, y + 5)))
    return out


def network_svg(network: dict[str, Any], width: int = 640, height: int = 480) -> str:
    """The TF / shared-target network as SVG: TFs on an inner ring, shared targets on an outer ring."""
    tfs = [n for n in network["nodes"] if n["kind"] == "tf"]
    targets = [n for n in network["nodes"] if n["kind"] == "target"][:150]
    cx, cy = width / 2, height / 2
    pos = _ring(tfs, cx, cy, 60 if len(tfs) > 1 else 0)
    pos.update(_ring(targets, cx, cy, min(width, height) / 2 - 40))
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
              'role="img" aria-label="Network of the TFs and their shared targets">')]
    for e in network["edges"]:
        if e["source"] in pos and e["target"] in pos:
            (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
            dash = "" if e["small_scale"] else ' stroke-dasharray="4 3"'
            parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#8a93a3" '
                         f'stroke-width="1"{dash}/>')
    for nodes, colour, size in ((targets, TARGET_COLOUR, 5), (tfs, TF_COLOUR, 11)):
        for n in nodes:
            x, y = pos[n["id"]]
            parts.append(f'<g><title>{escape(n["label"])}</title><circle cx="{x:.1f}" cy="{y:.1f}" r="{size}" '
                         f'fill="{colour}"/><text x="{x:.1f}" y="{y - size - 2:.1f}" text-anchor="middle" '
                         f'font-size="{11 if n["kind"] == "tf" else 8}">{escape(n["label"])}</text></g>')
    parts.append("</svg>")
    return "\n".join(parts)


def _ring(nodes: list[dict[str, Any]], cx: float, cy: float, radius: float) -> dict[str, tuple[float, float]]:
    step = 2 * math.pi / max(len(nodes), 1)
    return {n["id"]: (cx + radius * math.cos(i * step - math.pi / 2), cy + radius * math.sin(i * step - math.pi / 2))
            for i, n in enumerate(nodes)}
