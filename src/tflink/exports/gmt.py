"""GMT gene sets, one per TF UniProt AC: `TF_ID<TAB>"Name"<TAB>target…` (design/tflink_spec.md §3.5.3).

Rows must arrive grouped by TF (the query layer orders them by TF, then by interaction id). Three flavours:
`uniprot` (ACs), `ncbi` (NCBI Gene IDs), `name` (gene names). When the TF has no ID of the flavour, column 1
falls back to its UniProt AC so that every set keeps a non-empty name; targets without an ID of the
flavour are left out of the set, and a set left empty is not written. As in TFLink's files there is no newline after the last set.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from ..store.exports_sql import (I_TARGET, I_TARGET_NAME, I_TARGET_NCBI, I_TF, I_TF_ID, I_TF_NAME, I_TF_NCBI)
from .common import split, tsv_row

FLAVOURS = ("uniprot", "ncbi", "name")


def _ids(flavour: str, ac: str, ncbi: str | None, name: str | None) -> list[str]:
    if flavour == "uniprot":
        return [ac]
    if flavour == "ncbi":
        return split(ncbi)
    return [name] if name and name != "-" else []


def gmt_lines(rows: Iterable[tuple], flavour: str) -> Iterator[str]:
    """One line per TF (rows grouped by TF); the caller joins lines with `\\n` and adds none at the end."""
    current: int | None = None
    head: tuple[str, str] = ("", "")
    members: dict[str, None] = {}
    for r in rows:
        if r[I_TF_ID] != current:
            if members:
                yield _line(head, members)
            current, members = r[I_TF_ID], {}
            own = _ids(flavour, r[I_TF], r[I_TF_NCBI], r[I_TF_NAME])
            name = r[I_TF_NAME] if r[I_TF_NAME] and r[I_TF_NAME] != "-" else r[I_TF]
            head = (";".join(own) or r[I_TF], f'"{name}"')
        for t in _ids(flavour, r[I_TARGET], r[I_TARGET_NCBI], r[I_TARGET_NAME]):
            members[t] = None
    if members:
        yield _line(head, members)


def _line(head: tuple[str, str], members: dict[str, None]) -> str:
    return tsv_row((*head, *members))
