from __future__ import annotations

import pytest

from verifier.evaluation.labels import map_gold_label
from verifier.types import Label


@pytest.mark.parametrize(
    "raw, label",
    [
        ("SUPPORTS", Label.SUPPORTED), ("support", Label.SUPPORTED), ("Supported", Label.SUPPORTED),
        ("TRUE", Label.SUPPORTED), ("entailment", Label.SUPPORTED), ("Supports", Label.SUPPORTED),
        ("REFUTES", Label.CONTRADICTED), ("refuted", Label.CONTRADICTED),
        ("CONTRADICT", Label.CONTRADICTED), ("contradicted", Label.CONTRADICTED),
        ("False", Label.CONTRADICTED), ("contradiction", Label.CONTRADICTED),
        ("NEI", Label.NOT_FOUND), ("NOT ENOUGH INFO", Label.NOT_FOUND),
        ("not_enough_info", Label.NOT_FOUND), ("Neutral", Label.NOT_FOUND),
        ("NOT_FOUND", Label.NOT_FOUND), ("  Not  enough info ", Label.NOT_FOUND),
        ("Not Enough Evidence", Label.NOT_FOUND),
        (Label.CONTRADICTED, Label.CONTRADICTED),
    ],
)
def test_known_labels(raw: str, label: Label) -> None:
    assert map_gold_label(raw) is label


@pytest.mark.parametrize("raw", ["DISPUTED", "", "maybe", "not_entailment"])
def test_unknown_label_names_the_value(raw: str) -> None:
    with pytest.raises(ValueError, match=repr(raw).replace("'", "'")):
        map_gold_label(raw)
