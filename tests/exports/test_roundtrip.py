"""Round trips: real TFLink files imported into `ref_release` export back to the same rows (order aside).

Expectations come from the files themselves, parsed here independently of tflink's importer.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd
import pytest

from .conftest import REF, SAMPLES, export_text

EMPTY = {"", "-", "NA"}


def multi(cell: str) -> frozenset[str]:
    """A multi-valued TFLink cell (`;` or `,` joined, or PubMed query URL) as a set."""
    cell = re.sub(r"^https?://[^?]*\?term=", "", cell.strip())
    parts = re.split(r"\+OR\+|[;,]", cell.replace("%5Buid%5D", ""))
    return frozenset(p.strip() for p in parts if p.strip() not in EMPTY)


def read_table(path: Path) -> pd.DataFrame:
    sep = "\t" if "\t" in path.read_text().splitlines()[0] else ","
    return pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False)


def parse_export(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), sep="\t", dtype=str, keep_default_na=False, quoting=csv.QUOTE_NONE)


INTERACTION_FILES = sorted(SAMPLES.glob("*simpleFormat*.csv")) + sorted(REF.glob("TFLink_*interactions*.head.*"))


def _pair_key(row: pd.Series) -> tuple:
    return (row["UniprotID.TF"], row["UniprotID.Target"])


@pytest.mark.parametrize("path", INTERACTION_FILES, ids=lambda p: p.name)
def test_interaction_table_round_trip(rel, path: Path) -> None:
    src = read_table(path)
    organism = src["Organism"].iloc[0]
    scale = "ss" if "_SS_" in path.name else "all"
    ours = parse_export(export_text(rel, "table", organism=organism, scale=scale))
    assert list(ours.columns)[:10] == list(src.columns)[:10] and len(ours.columns) == 15
    mine = {_pair_key(r): r for _, r in ours.iterrows()}
    for _, row in src.iterrows():
        got = mine[_pair_key(row)]
        for col in ("NCBI.GeneID.TF", "NCBI.GeneID.Target", "Detection.method", "PubmedID", "Source.database"):
            assert multi(got[col]) == multi(row[col]), (col, row.to_dict())
        for col in ("Name.TF", "Name.Target", "Organism"):
            assert got[col] == (row[col] or "-")
        if scale == "ss":
            assert got["Small-scale.evidence"] == "Yes"


def test_rat_interaction_table_is_exactly_the_file(rel) -> None:
    """The rat sample is the only rat input: the export holds exactly its rows, PubMed order kept."""
    path = SAMPLES / "TFLink_Rattus_norvegicus_interactions_SS_simpleFormat_18-01-2021.csv"
    src = read_table(path)
    ours = parse_export(export_text(rel, "table", organism="rat", scale="all"))
    assert len(ours) == len(src)
    assert sorted(map(tuple, ours[list(src.columns)].values.tolist())) == \
        sorted(map(tuple, src.replace(",", ";").values.tolist()))


ENTRY_FILES = sorted((REF / "entry_downloads").glob("t*_of_*.tsv"))


@pytest.mark.parametrize("path", ENTRY_FILES, ids=lambda p: p.name)
def test_entry_table_round_trip(rel, path: Path) -> None:
    role, ac = re.match(r"(tfs|targets)_of_(\w+)\.tsv", path.name).groups()
    src = read_table(path)
    text = export_text(rel, f"entry-{role}", entry=ac)
    ours = parse_export(text)
    assert list(ours.columns) == list(src.columns)
    assert len(ours) == len(src)
    side = "Target" if role == "targets" else "TF"
    mine = {r[f"UniprotID.{side}"]: r for _, r in ours.iterrows()}
    for _, row in src.iterrows():
        got = mine[row[f"UniprotID.{side}"]]
        assert got[f"Name.{side}"] == row[f"Name.{side}"]
        assert got["Organism"] == row["Organism"] and got["Small-scale.evidence"] == row["Small-scale.evidence"]
        for col in (f"NCBI.GeneID.{side}", "Detection.method", "PubmedID", "Source.database"):
            assert multi(got[col]) == multi(row[col]), (col, row.to_dict())
    flags = ours["Small-scale.evidence"].tolist()
    assert flags == sorted(flags, key=lambda f: f != "Yes"), "Yes rows first, as in TFLink's files"
    # TFLink's layout inside cells: `,` joins and bare PubMed IDs, NA for a missing NCBI ID
    assert not ours["PubmedID"].str.contains(";|http").any()
    assert not ours[f"NCBI.GeneID.{side}"].isin(["", "-"]).any()


SITE_FILES = sorted(SAMPLES.glob("*annotation*.tsv")) + sorted(REF.glob("*bindingSites*.head.tsv")) + \
    sorted((REF / "entry_downloads").glob("bindingSites_of_*.tsv"))


@pytest.mark.parametrize("path", SITE_FILES, ids=lambda p: p.name)
def test_binding_site_table_round_trip(rel, path: Path) -> None:
    src = read_table(path)
    ours = parse_export(export_text(rel, "sites", organism=src["Organism"].iloc[0]))
    assert len(ours.columns) == 16
    mine = {r["TFLinkID"]: r for _, r in ours.iterrows()}
    for _, row in src.iterrows():
        got = mine[row["TFLinkID"]]
        for col in ("UniprotID.TF", "Organism", "Assembly", "Chromosome", "Start", "End", "Strand"):
            assert got[col] == (row[col] if row[col] not in EMPTY else "-"), (col, row.to_dict())  # NA -> -
        # JASPAR dimer sites carry the matrix name (RARA::RXRA); releases keep the TF entry's own gene name
        assert got["Name.TF"] == row["Name.TF"] or got["Name.TF"] in row["Name.TF"].split("::")
        for col in ("Detection.method", "PubmedID", "Source.database"):
            assert multi(got[col]) == multi(row[col])
        if row["Chromosome"] != "-":
            assert got["Genome.browser"].endswith(f"db={row['Assembly']}&position={row['Chromosome']}:"
                                                  f"{row['Start']}-{row['End']}")
        else:
            assert got["Genome.browser"] == "-"
