"""TFLink's derived-field rules in the domain model."""
from __future__ import annotations

import pytest

from tflink import model
from tflink.model import Evidence, Method


def test_function_rules() -> None:
    assert model.function_of(3, 0) == "transcription factor"
    assert model.function_of(0, 2) == "target gene"
    assert model.function_of(1, 1) == "transcription factor and target gene"
    assert model.function_of(0, 0) is None


def test_number_of_interactions_counts_a_self_loop_on_both_sides() -> None:
    assert model.number_of_interactions(7938, 236) == 8174


def _ev(source: str, ss: bool, sign: str | None = None, pmids: tuple[str, ...] = ("1",)) -> Evidence:
    return Evidence("P1", "P2", 9606, source, Method("MI:0364", "inferred by curator"), pmids, ss, sign)  # type: ignore[arg-type]


def test_aggregate_any_small_scale_evidence_makes_the_pair_small_scale() -> None:
    it = model.aggregate([_ev("GTRD", False), _ev("TRRUST", True, "repression", ("2", "1"))])[("P1", "P2")]
    assert it.small_scale and it.large_scale
    assert it.sources == {"GTRD", "TRRUST"}
    assert it.pmids == ["1", "2"]
    assert it.sign == "repression"


@pytest.mark.parametrize("signs,expected", [((), None), (("activation",), "activation"),
                                            (("activation", "unknown"), "activation"),
                                            (("activation", "repression"), "unknown"), (("unknown",), "unknown")])
def test_merge_signs(signs: tuple[str, ...], expected: str | None) -> None:
    assert model.merge_signs(signs) == expected


def test_organism_lookup() -> None:
    assert model.organism("human").taxid == 9606
    assert model.organism("Mus_musculus").code == "Mm"
    assert model.organism(7227).name == "Drosophila melanogaster"
    with pytest.raises(model.UnknownOrganism, match="Rattus rattus"):
        model.organism("Rattus rattus")


def test_site_ids() -> None:
    assert model.site_id(9282705, True) == "TFLinkSS09282705"
    assert model.site_id(5, False) == "TFLinkLS00000005"
