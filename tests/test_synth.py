"""Synthetic TFLink release (`tflink.synth`): counts against TFLink's own statistics.csv, formats, determinism.

Expected counts are computed here from ../shared/sources/tflink_reference/statistics.csv (the verbatim TFLink file),
never from the generator's own table.
"""
from __future__ import annotations

import csv
import gzip
import math
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from tflink import synth

STATS = Path(__file__).resolve().parents[1] / ".." / "shared" / "sources" / "tflink_reference" / "statistics.csv"
UNIPROT = re.compile(r"^(?:[OPQ][0-9][A-Z0-9]{3}[0-9]|[A-NR-Z][0-9](?:[A-Z][A-Z0-9]{2}[0-9]){1,2})$")
KEYS = ("tfs", "targets", "interactions", "binding_sites", "binding_sequences")
SCALES = {"small-scale": "small-scale", "large-scale": "large-scale"}


def read_statistics() -> dict[str, dict[str, list[int]]]:
    """statistics.csv -> {organism: {small-scale|large-scale|total: [5 counts]}} (the Total block dropped)."""
    if not STATS.exists():
        pytest.skip(f"{STATS} not found (the TFLink reference files live in ../shared)")
    out: dict[str, dict[str, list[int]]] = {}
    org = ""
    with open(STATS, encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter=";"))[1:]
    for row in rows:
        org = row[0] or org
        if org == "Total":
            break
        scale = SCALES.get(row[1], "total")  # the total row is labelled "total" or "total⁶"
        out.setdefault(org, {})[scale] = [int(x) for x in row[2:7]]
    return out


def r(count: int, scale: float) -> int:
    v = math.floor(count * scale + 0.5)
    return 1 if count > 0 and v == 0 else v


def expected(stats: dict[str, list[int]], scale: float) -> dict[str, dict[str, int]]:
    """The documented rule: SS, LS and overlap scaled; totals = SS + LS - overlap; dense classes get more targets."""
    ss, ls, tot = stats["small-scale"], stats["large-scale"], stats["total"]
    small = [r(x, scale) for x in ss]
    large = [r(x, scale) for x in ls]
    both = [r(a + b - t, scale) for a, b, t in zip(ss, ls, tot)]
    for cls in (small, large):
        if cls[0]:
            cls[1] = max(cls[1], min(cls[2], math.ceil(cls[2] / (0.4 * cls[0]))))
    if large[0] <= 2 and both[1] and not both[2]:
        both[1] = 0
    total = [a + b - o for a, b, o in zip(small, large, both)]
    return {k: dict(zip(KEYS, v)) for k, v in (("small-scale", small), ("large-scale", large), ("total", total))}


@pytest.fixture(scope="module")
def stats() -> dict[str, dict[str, list[int]]]:
    return read_statistics()


@pytest.fixture(scope="module")
def one_percent(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth001")
    synth.generate(out, 0.01, seed=3)
    return out


def test_statistics_table_matches_reference(stats):
    assert {o: [list(x) for x in v] for o, v in synth.STATISTICS.items()} == \
        {o: [v["small-scale"], v["large-scale"], v["total"]] for o, v in stats.items()}


@pytest.mark.parametrize("scale", [0.01, 0.1, 1.0])
def test_scaled_counts_follow_rule(stats, scale):
    for org, s in stats.items():
        assert synth.scaled_counts(org, scale).as_dict() == expected(s, scale), org


def test_scale_one_is_statistics_csv(stats):
    for org, s in stats.items():
        assert synth.scaled_counts(org, 1.0).as_dict() == {k: dict(zip(KEYS, v)) for k, v in s.items()}, org


def test_one_percent_counts(one_percent, stats):
    found = synth.verify_counts(one_percent)
    assert set(found) == set(stats)
    for org, s in stats.items():
        assert found[org] == expected(s, 0.01), org


def test_small_organisms_at_full_scale(tmp_path, stats):
    synth.generate(tmp_path, 1.0, seed=5, organisms=["rat", "Saccharomyces cerevisiae"])
    found = synth.verify_counts(tmp_path)
    assert set(found) == {"Rattus norvegicus", "Saccharomyces cerevisiae"}
    for org in found:
        assert found[org] == {k: dict(zip(KEYS, v)) for k, v in stats[org].items()}, org


def _rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="\n") as fh:
        lines = fh.read().split("\n")
    assert lines[-1] == ""  # every row ends with a newline
    header, *rows = (line.split("\t") for line in lines[:-1])
    return header, rows


def test_interaction_tables_format(one_percent):
    for path in sorted(one_percent.glob("TFLink_*_interactions_All_simpleFormat_v1.0.tsv.gz")):
        header, rows = _rows(path)
        assert header == synth.INTERACTION_HEADER.rstrip("\n").split("\t")
        assert len(header) == 15 and all(len(row) == 15 for row in rows), path.name
        assert all(UNIPROT.match(row[0]) and UNIPROT.match(row[1]) for row in rows), path.name
        assert {row[10] for row in rows} <= {"Yes", "No"}
        assert len({(row[0], row[1]) for row in rows}) == len(rows)  # one row per pair
        for row in rows:
            for cell in (row[6], row[9]):  # methods and sources are sorted, no empty parts
                assert cell.split(";") == sorted(cell.split(";")) and "" not in cell.split(";")
            assert all(p.isdigit() for p in row[7].split(";"))
            assert all(c == "-" or re.fullmatch(r"\d+(;\d+)*", c) for c in (row[2], row[3]))
            for cell in row[11:15]:
                assert cell == "-" or all(re.fullmatch(r"(Hs|Mm|Rn|Dr|Dm|Ce|Sc):", o[:3]) and UNIPROT.match(o[3:])
                                          for o in cell.split(";"))


def test_binding_site_tables_format(one_percent):
    paths = sorted(one_percent.glob("TFLink_*_bindingSites_All_annotation_v1.0.tsv.gz"))
    assert len(paths) == 6  # no zebrafish file, as in TFLink
    ids: set[str] = set()
    for path in paths:
        header, rows = _rows(path)
        assert header[0] == "TFLinkID" and len(header) == 16 and all(len(row) == 16 for row in rows), path.name
        for row in rows:
            assert re.fullmatch(r"TFLink(SS|LS)\d{8}", row[0]) and (row[0][6:8] == "SS") == (row[13] == "Yes")
            assert UNIPROT.match(row[1])
            if row[5] != "-":
                assert int(row[6]) <= int(row[7]) and row[8] in "+-"
                assert row[9] == f"{row[4]}&position={row[5]}:{row[6]}-{row[7]}"
            overlaps = [] if row[15] == "-" else row[15].split(";")
            assert int(row[14]) == len(overlaps)
        ids.update(row[0] for row in rows)
        by_id = {row[0]: row for row in rows}
        for row in rows:  # overlaps are symmetric, same TF, and really overlap
            for other in ([] if row[15] == "-" else row[15].split(";")):
                o = by_id[other]
                assert row[0] in o[15].split(";") and o[1] == row[1] and o[5] == row[5]
                assert int(o[6]) <= int(row[7]) and int(row[6]) <= int(o[7])
    assert len(ids) == sum(synth.verify_counts(one_percent)[o]["total"]["binding_sequences"] for o in synth.STATISTICS)


def test_browse_tables_consistent_with_interactions(one_percent):
    for path in sorted(one_percent.glob("*_browse.csv")):
        species = path.name[:-len("_browse.csv")]
        _, rows = _rows(one_percent / f"TFLink_{species}_interactions_All_simpleFormat_v1.0.tsv.gz")
        as_tf, as_target = Counter(row[0] for row in rows), Counter(row[1] for row in rows)
        small = {ac for row in rows if row[10] == "Yes" for ac in row[:2]}
        text = path.read_text(encoding="utf-8")
        assert not text.endswith("\n")  # as TFLink's own browse tables
        entries = [line.split(",") for line in text.split("\n")]
        assert all(len(e) == 6 for e in entries)
        assert {e[1] for e in entries} == set(as_tf) | set(as_target)
        for name, ac, ncbi, function, flag, n in entries:
            assert UNIPROT.match(ac) and (ncbi == "-" or re.fullmatch(r"\d+(;\d+)*", ncbi)) and name
            assert int(n) == as_tf[ac] + as_target[ac]
            assert function == {(True, True): "transcription factor and target gene", (True, False): "transcription "
                                "factor", (False, True): "target gene"}[(ac in as_tf, ac in as_target)]
            assert flag == ("Yes" if ac in small else "No")


def test_realistic_shape(one_percent):
    _, rows = _rows(one_percent / "TFLink_Homo_sapiens_interactions_All_simpleFormat_v1.0.tsv.gz")
    assert any(row[0] == row[1] for row in rows)  # self-loops
    assert any(len(row[0]) == 10 for row in rows) and any(len(row[1]) == 6 for row in rows)
    assert any(";" in row[3] for row in rows) and any(row[3] == "-" for row in rows)
    assert any(row[5] == "-" for row in rows)
    sources = {s for row in rows for s in row[9].split(";")}
    assert {"GTRD", "ReMap", "TRRUST", "TRED", "HTRI", "ORegAnno"} <= sources and "Yeastract" not in sources
    assert any("27924024" in row[7].split(";") for row in rows)  # GTRD citation
    degrees = sorted(Counter(row[0] for row in rows).values())
    assert degrees[-1] > 2 * degrees[len(degrees) // 2]  # only 16 TFs at 1 %; the full-size shape is tested below


def test_full_size_degree_plan_is_heavy_tailed():
    """Human large-scale class at 100 %: CTCF-like hubs near 19,771 targets, median well below the mean."""
    from tflink.synth.graph import exact_degrees, hub_cap

    cap = hub_cap(20120, 6722723, 1348)
    deg = np.sort(exact_degrees(np.random.default_rng(1), 1348, 6722723, np.full(1348, cap), 1.5))
    assert cap == 19771 and deg.sum() == 6722723 and deg[0] >= 1 and deg[-1] <= cap
    assert deg[-1] >= 19000 and (deg >= 19000).sum() < 0.05 * deg.size
    assert np.median(deg) < 0.7 * deg.mean() and deg[134] < 0.2 * deg.mean()


def test_deterministic(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    synth.generate(a, 0.01, seed=11, organisms=["fly", "yeast"])
    synth.generate(b, 0.01, seed=11, organisms=["fly", "yeast"])
    synth.generate(c, 0.01, seed=12, organisms=["fly", "yeast"])
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir()) and len(names) == 6
    assert all((a / n).read_bytes() == (b / n).read_bytes() for n in names)
    assert any((a / n).read_bytes() != (c / n).read_bytes() for n in names)


def test_subset_equals_same_files_of_full_run(tmp_path, one_percent):
    synth.generate(tmp_path, 0.01, seed=3, organisms=["worm"])
    for p in tmp_path.iterdir():
        assert p.read_bytes() == (one_percent / p.name).read_bytes(), p.name


def test_pairs_in_both_classes(tmp_path):
    """A table where some pairs have small- and large-scale support: Yes rows with GTRD/ReMap."""
    table = dict(synth.STATISTICS)
    table["Rattus norvegicus"] = ((6, 6, 40, 10, 10), (51, 13525, 81221, 0, 0), (52, 13525, 81255, 10, 10))
    plan = synth.generate(tmp_path, 1.0, seed=2, organisms=["rat"], statistics=table)
    assert plan["Rattus norvegicus"]["total"]["interactions"] == 81255
    assert synth.verify_counts(tmp_path) == plan
    _, rows = _rows(tmp_path / "TFLink_Rattus_norvegicus_interactions_All_simpleFormat_v1.0.tsv.gz")
    assert sum(row[10] == "Yes" and "GTRD" in row[9].split(";") for row in rows) == 40 + 81221 - 81255


def test_rejects_bad_scale(tmp_path):
    with pytest.raises(ValueError):
        synth.generate(tmp_path, 0, seed=1)
