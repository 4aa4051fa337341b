"""DoRothEA adapter: the real entire_database.rda (1,019,220 rows), regulon .rda files and the 2018 CSV layout."""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from tflink.sources import dorothea

TFLINK_TAGS = {"tfact", "intact", "kegg", "fantom4", "tfe"}


def _expected_curated(rows: list[dict[str, str]], tag_col: str) -> Counter[str]:
    """Independent count of (label) records the TFLink filter must yield."""
    out: Counter[str] = Counter()
    for r in rows:
        tags = {t.strip().lower().replace("_", "") for t in r[tag_col].split(",")}
        for t in tags & TFLINK_TAGS:
            out[dorothea.CURATED_LABELS[t] + "_via_DoRothEA"] += 1
    return out


@pytest.mark.parametrize("name,tag_col", [("entire_database.csv", "which_curated"),
                                          ("database_PANCANCER_20181030.csv", "which_curateddatabase")])
def test_csv_layouts_apply_the_tflink_filter(shared_dir: Path, name: str, tag_col: str) -> None:
    path = shared_dir / "sources" / "dorothea" / name
    with open(path, newline="") as fh:
        rows = list(csv.DictReader(fh))
    stats: Counter[str] = Counter()
    records = list(dorothea.parse(path, stats=stats))
    assert stats["rows"] == len(rows)
    assert Counter(r.source for r in records) == _expected_curated(rows, tag_col)
    assert all(r.small_scale and r.method == "curated" for r in records)


def test_entire_database_rda_parses_all_rows(shared_dir: Path) -> None:
    import pyreadr

    path = shared_dir / "sources" / "dorothea" / "entire_database.rda"
    frame = pyreadr.read_r(str(path))["entire_database"]
    stats: Counter[str] = Counter()
    records = list(dorothea.parse(path, stats=stats, chip_seq=True))
    assert stats["rows"] == len(frame) == 1_019_220  # row count documented in shared/sources/dorothea/README.md
    curated = _expected_curated(frame[["which_curated"]].to_dict("records"), "which_curated")
    got = Counter(r.source for r in records)
    assert got[dorothea.CHIP_LABEL] == int(frame["is_evidence_chip_seq"].sum())
    del got[dorothea.CHIP_LABEL]
    assert got == curated
    first = next(r for r in records if r.source.endswith("_via_DoRothEA") and r.source != dorothea.CHIP_LABEL)
    row = frame.iloc[int(first.record_id.rsplit(":", 1)[1]) - 1]
    assert (first.tf_id, first.target_id) == (row["tf"], row["target"])
    assert first.sign == dorothea.MOR_SIGNS[int(row["mor"])]


@pytest.mark.parametrize("name,taxid", [("dorothea_hs.rda", 9606), ("dorothea_mm.rda", 10090)])
def test_regulon_rda_confidence_filter(shared_dir: Path, name: str, taxid: int) -> None:
    import pyreadr

    path = shared_dir / "sources" / "dorothea" / name
    frame = next(iter(pyreadr.read_r(str(path)).values()))
    records = list(dorothea.parse(path, confidence="AB"))
    assert len(records) == int(frame["confidence"].isin(["A", "B"]).sum())
    assert {r.taxid for r in records} == {taxid} and {r.source for r in records} == {"DoRothEA"}


def test_custom_filter_and_none(shared_dir: Path) -> None:
    path = shared_dir / "sources" / "dorothea" / "entire_database.csv"
    with open(path, newline="") as fh:
        rows = list(csv.DictReader(fh))
    expected = sum("trrust" in r["which_curated"].split(",") for r in rows)
    assert sum(1 for _ in dorothea.parse(path, curated=["trrust"])) == expected
    stats: Counter[str] = Counter()
    assert list(dorothea.parse(path, curated="none", stats=stats)) == []
    assert stats["skipped: not in the evidence filter"] == len(rows)
