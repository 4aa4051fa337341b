"""An independent, deliberately plain reading of TFLink's real sample files, to check the importer against."""
from __future__ import annotations

import csv
import re
from pathlib import Path


def pmids(cell: str) -> list[str]:
    cell = re.sub(r"^https?://\S*\?term=", "", cell)
    if "%5Buid%5D" in cell:
        return [p.replace("%5Buid%5D", "") for p in cell.split("+OR+")]
    return [p for p in re.split(r"[;,]", cell) if p and p != "-"]


def multi(cell: str) -> list[str]:
    return [] if cell in ("-", "NA", "") else [p for p in re.split(r"[;,]", cell) if p]


def read_tsv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def read_table(path: Path) -> list[dict[str, str]]:
    """A TFLink interaction/site table, comma- or tab-separated by what its header uses."""
    with open(path, newline="", encoding="utf-8") as fh:
        head = fh.readline()
        fh.seek(0)
        return list(csv.DictReader(fh, delimiter="\t" if "\t" in head else ","))


def read_browse(path: Path) -> list[dict[str, str]]:
    keys = ("name", "uniprot", "ncbi", "function", "small_scale", "n")
    with open(path, newline="", encoding="utf-8") as fh:
        return [dict(zip(keys, line.rstrip("\n").split(","))) for line in fh if line.strip()]
