"""The adapter registry and the TRRUST adapter on the complete real TRRUST files."""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from tflink import sources
from tflink.errors import InputError
from tflink.sources import trrust
from tflink.sources.records import RawEvidence


def test_every_registered_adapter_has_the_same_shape() -> None:
    for key, mod in sources.all_sources().items():
        missing = [a for a in sources.REQUIRED if not hasattr(mod, a)]
        assert missing == [], key
        assert callable(mod.parse) and mod.CITATION_PMID.isdigit(), key
        assert mod.__doc__ and len(mod.__doc__) > 80, key


def test_unknown_source_names_the_known_ones() -> None:
    with pytest.raises(sources.UnknownSource, match="trrust"):
        sources.get("nosuch")


@pytest.mark.parametrize("species,taxid", [("human", 9606), ("mouse", 10090)])
def test_trrust_yields_one_record_per_line(shared_dir: Path, species: str, taxid: int) -> None:
    path = shared_dir / "sources" / "trrust" / f"trrust_rawdata.{species}.tsv"
    with open(path, newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    stats: Counter[str] = Counter()
    records = list(trrust.parse(path, stats=stats))
    assert len(records) == len(rows) == stats["rows"]
    modes = Counter(r[2].lower() for r in rows)
    assert Counter(r.sign for r in records) == modes
    assert {r.taxid for r in records} == {taxid}
    first = records[0]
    assert (first.tf_id, first.target_id) == (rows[0][0], rows[0][1])
    assert first.pmids == tuple(rows[0][3].split(";"))
    assert first.tf_namespace == first.target_namespace == "symbol"


def test_trrust_ezh2_twist1_record(shared_dir: Path) -> None:
    path = shared_dir / "sources" / "trrust" / "trrust_rawdata.human.tsv"
    hits = [r for r in trrust.parse(path) if (r.tf_id, r.target_id) == ("EZH2", "TWIST1")]
    assert hits == [RawEvidence("EZH2", "symbol", "TWIST1", "symbol", 9606, "TRRUST", "", ("23836662",),
                                sign="repression", record_id=hits[0].record_id, source_version="2")]


def test_trrust_bad_mode_raises_with_line_or_counts(tmp_path: Path) -> None:
    bad = tmp_path / "trrust_rawdata.human.tsv"
    bad.write_text("A\tB\tActivation\t1\nA\tC\tsometimes\t2\n")
    with pytest.raises(InputError) as err:
        list(trrust.parse(bad))
    assert err.value.line == 2 and "mode" in str(err.value)
    rejects: list[tuple[str, str]] = []
    assert len(list(trrust.parse(bad, on_reject=lambda r, e: rejects.append((r, e))))) == 1
    assert rejects[0][0] == "unknown mode of regulation"
