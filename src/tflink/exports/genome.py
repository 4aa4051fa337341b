"""Binding sites on the genome: GFF3 (located sites only) and FASTA (sites with a sequence).

GFF3 (design/tflink_spec.md §3.5.5): `##gff-version 3`, one `##sequence-region` per chromosome (the span of its
sites: releases do not carry chromosome lengths), then `seqid, TFLink_from_<sources>, TF_binding_site, start,
end, ., strand, ., ID=<TFLinkID>;Name=<TF name>;Note=<TF UniProt AC>`, escaped per the GFF3 specification.
FASTA (§3.5.6): `>TFLinkID;AC;name;assembly;chr:start-end`, `-;-` when the site has no location.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from ..store.exports_sql import (S_ASSEMBLY, S_CHROM, S_END, S_SEQUENCE, S_SOURCES, S_START, S_STRAND, S_TF,
                                 S_TF_NAME, S_TFLINK_ID)

_SEQID_OK = re.compile(r"[^a-zA-Z0-9.:^*$@!+_?|-]")
_COLUMN_BAD = re.compile(r"[\x00-\x1f\x7f%]")
_ATTR_BAD = re.compile(r"[\x00-\x1f\x7f%;=&,]")


def _pct(m: re.Match[str]) -> str:
    return "%{:02X}".format(ord(m.group(0)))


def esc_seqid(text: str) -> str:
    """GFF3 column 1: characters outside [a-zA-Z0-9.:^*$@!+_?-|] percent-encoded."""
    return _SEQID_OK.sub(_pct, text)


def esc_column(text: str) -> str:
    """GFF3 columns 2-8: control characters and `%` percent-encoded."""
    return _COLUMN_BAD.sub(_pct, text)


def esc_attr(text: str) -> str:
    """GFF3 attribute values: also `;`, `=`, `&` and `,` percent-encoded."""
    return _ATTR_BAD.sub(_pct, text)


def gff3_lines(rows: Iterable[tuple], regions: list[tuple[str, int, int]]) -> Iterator[str]:
    yield "##gff-version 3"
    for chrom, start, end in regions:
        yield f"##sequence-region {esc_seqid(chrom)} {max(1, min(start, end))} {max(start, end)}"
    for r in rows:
        start, end = r[S_START], r[S_END]
        if r[S_CHROM] is None or start is None or end is None:
            continue
        lo, hi = (start, end) if start <= end else (end, start)
        source = "TFLink_from_" + ",".join(x for x in (r[S_SOURCES] or "").split(";") if x)
        strand = r[S_STRAND] if r[S_STRAND] in ("+", "-") else "."
        name = r[S_TF_NAME] if r[S_TF_NAME] and r[S_TF_NAME] != "-" else r[S_TF]
        attrs = f"ID={esc_attr(r[S_TFLINK_ID])};Name={esc_attr(name)};Note={esc_attr(r[S_TF])}"
        yield (f"{esc_seqid(r[S_CHROM])}\t{esc_column(source)}\tTF_binding_site\t{max(1, lo)}\t{hi}\t.\t{strand}\t.\t"
               f"{attrs}")


def fasta_lines(rows: Iterable[tuple]) -> Iterator[str]:
    """Two lines per site with a sequence: TFLink's `;`-separated header, then the sequence."""
    for r in rows:
        seq = r[S_SEQUENCE]
        if not seq:
            continue
        located = r[S_CHROM] is not None and r[S_START] is not None and r[S_END] is not None
        where = f"{r[S_ASSEMBLY] or '-'};{r[S_CHROM]}:{r[S_START]}-{r[S_END]}" if located else "-;-"
        name = r[S_TF_NAME] or "-"
        yield f">{r[S_TFLINK_ID]};{r[S_TF]};{name};{where}".replace("\n", " ")
        yield "".join(seq.split())
