"""SciFact metrics against hand-computed cases, including allenai/scifact doc/evaluation.md."""

from __future__ import annotations

import pytest

from verifier.evaluation.metrics import scifact_metrics

# The worked example of allenai/scifact doc/evaluation.md.
DOC_GOLD = {52: {11: {"label": "SUPPORT", "sentences": [[0, 1], [11]]},
                 15: {"label": "SUPPORT", "sentences": [[4]]}}}
DOC_PRED = {52: {"11": {"label": "SUPPORT", "sentences": [1, 11, 13]},
                 "16": {"label": "CONTRADICT", "sentences": [18, 20]}}}


def prf(m: dict, key: str) -> tuple[float, float, float]:
    return m[key]["precision"], m[key]["recall"], m[key]["f1"]


def test_documented_example() -> None:
    m = scifact_metrics(DOC_GOLD, DOC_PRED)
    assert prf(m, "abstract_label_only") == pytest.approx((1 / 2, 1 / 2, 1 / 2))
    assert prf(m, "abstract_label_rationale") == pytest.approx((1 / 2, 1 / 2, 1 / 2))
    # Sentence 1 has no credit (its set [0, 1] is incomplete), 11 has, 13 and 16's do not.
    assert prf(m, "sentence_selection") == pytest.approx((1 / 5, 1 / 4, 2 / 9))
    assert prf(m, "sentence_selection_label") == pytest.approx((1 / 5, 1 / 4, 2 / 9))
    assert m["sentence_selection"]["predicted"] == 5 and m["sentence_selection"]["gold"] == 4


def test_partial_rationale_set_earns_nothing() -> None:
    gold = {"1": {"7": {"label": "SUPPORT", "sentences": [[2, 3]]}}}
    m = scifact_metrics(gold, {"1": {"7": {"label": "SUPPORT", "sentences": [2]}}})
    assert m["abstract_label_only"]["correct"] == 1
    assert m["abstract_label_rationale"]["correct"] == 0
    assert m["sentence_selection"]["correct"] == 0
    m = scifact_metrics(gold, {"1": {"7": {"label": "SUPPORT", "sentences": [3, 2]}}})
    assert m["abstract_label_rationale"]["correct"] == 1
    assert m["sentence_selection"]["correct"] == 2


def test_only_first_three_sentences_count_at_abstract_level() -> None:
    gold = {"1": {"7": {"label": "CONTRADICT", "sentences": [[9]]}}}
    late = {"1": {"7": {"label": "CONTRADICT", "sentences": [0, 1, 2, 9]}}}
    m = scifact_metrics(gold, late)
    assert m["abstract_label_only"]["correct"] == 1
    assert m["abstract_label_rationale"]["correct"] == 0
    # sentence level counts every predicted sentence
    assert prf(m, "sentence_selection") == pytest.approx((1 / 4, 1.0, 0.4))
    early = {"1": {"7": {"label": "CONTRADICT", "sentences": [9, 0, 1, 2]}}}
    assert scifact_metrics(gold, early)["abstract_label_rationale"]["correct"] == 1


def test_wrong_label_keeps_selection_but_loses_label_metrics() -> None:
    gold = {"1": {"7": {"label": "SUPPORT", "sentences": [[4]]}}}
    m = scifact_metrics(gold, {"1": {"7": {"label": "CONTRADICT", "sentences": [4]}}})
    assert m["abstract_label_only"]["correct"] == 0
    assert m["abstract_label_rationale"]["correct"] == 0
    assert m["sentence_selection"]["correct"] == 1
    assert m["sentence_selection_label"]["correct"] == 0


def test_nei_claims_unpredicted_claims_and_nei_predictions() -> None:
    gold = {
        "1": {"7": {"label": "SUPPORT", "sentences": [[0], [5, 6]]}},  # 3 gold sentences
        "2": {},  # NOT ENOUGH INFO
        "3": {"8": {"label": "CONTRADICT", "sentences": [[1]]}},  # nothing predicted
    }
    pred = {
        "1": {"7": {"label": "SUPPORT", "sentences": [0, 5, 6, 6]}},
        "2": {"9": {"label": "SUPPORT", "sentences": [0]},  # false positive
              "10": {"label": "NOT_ENOUGH_INFO", "sentences": [3]}},  # ignored
    }
    m = scifact_metrics(gold, pred)
    a = m["abstract_label_rationale"]
    assert (a["correct"], a["predicted"], a["gold"]) == (1, 2, 2)
    s = m["sentence_selection_label"]
    assert (s["correct"], s["predicted"], s["gold"]) == (3, 4, 4)
    assert s["f1"] == pytest.approx(0.75)


def test_empty_and_unknown_claims() -> None:
    m = scifact_metrics({"1": {}}, {})
    assert m["abstract_label_only"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0,
                                        "correct": 0, "predicted": 0, "gold": 0}
    with pytest.raises(ValueError, match="not in gold"):
        scifact_metrics({"1": {}}, {"2": {}})
