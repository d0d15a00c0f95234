from __future__ import annotations

import math

import pytest

from verifier.evaluation.metrics import (
    accuracy,
    classification_report,
    confusion_matrix,
    ece,
    ndcg_at_k,
    recall_at_k,
    reliability_bins,
)
from verifier.types import Label

S, C, N = Label.SUPPORTED, Label.CONTRADICTED, Label.NOT_FOUND

GOLD = [S, S, S, C, C, N, N, N]
PRED = [S, S, C, C, N, N, N, S]


def test_confusion_matrix_rows_gold_columns_pred_in_fixed_order() -> None:
    assert confusion_matrix(GOLD, PRED) == [[2, 1, 0], [0, 1, 1], [1, 0, 2]]
    assert confusion_matrix(GOLD, PRED, labels=(N, C, S)) == [[2, 0, 1], [1, 1, 0], [0, 1, 2]]


def test_classification_report_hand_computed() -> None:
    r = classification_report(GOLD, PRED)
    assert r["n"] == 8
    assert r["accuracy"] == pytest.approx(5 / 8)
    # SUPPORTED: tp 2, predicted 3, support 3
    s = r["per_label"]["SUPPORTED"]
    assert (s["precision"], s["recall"], s["support"]) == (pytest.approx(2 / 3),
                                                           pytest.approx(2 / 3), 3)
    assert s["f1"] == pytest.approx(2 / 3)
    # CONTRADICTED: tp 1, predicted 2, support 2 -> 0.5 / 0.5
    assert r["per_label"]["CONTRADICTED"]["f1"] == pytest.approx(0.5)
    # NOT_FOUND: tp 2, predicted 3, support 3
    assert r["per_label"]["NOT_FOUND"]["f1"] == pytest.approx(2 / 3)
    assert r["macro_f1"] == pytest.approx((2 / 3 + 0.5 + 2 / 3) / 3)
    assert r["confusion_matrix"]["labels"] == ["SUPPORTED", "CONTRADICTED", "NOT_FOUND"]


def test_macro_f1_over_gold_labels_only_for_binary_sets() -> None:
    r = classification_report([S, C, S, C], [S, C, N, C])
    # S: p 1, r 0.5 -> 2/3; C: p 1, r 1 -> 1; NOT_FOUND has no gold: left out of macro_f1
    assert r["macro_f1"] == pytest.approx((2 / 3 + 1) / 2)
    assert r["macro_f1_all"] == pytest.approx((2 / 3 + 1 + 0) / 3)


def test_accuracy_and_length_mismatch() -> None:
    assert accuracy([S, C], [S, S]) == 0.5
    assert accuracy([], []) == 0.0
    with pytest.raises(ValueError, match="2 labels but pred has 1"):
        accuracy([S, C], [S])


def test_unknown_label_in_confusion_matrix() -> None:
    with pytest.raises(ValueError, match="not in labels"):
        confusion_matrix([S], [N], labels=(S, C))


def test_ece_hand_computed() -> None:
    conf = [0.95, 0.95, 0.55, 0.55, 0.15]
    ok = [True, False, True, True, False]
    # bin 9: acc 0.5 vs 0.95 -> 0.45 x 2/5; bin 5: acc 1.0 vs 0.55 -> 0.45 x 2/5;
    # bin 1: acc 0 vs 0.15 -> 0.15 x 1/5
    assert ece(conf, ok) == pytest.approx(0.45 * 0.4 + 0.45 * 0.4 + 0.15 * 0.2)
    assert ece([1.0, 1.0], [True, True]) == pytest.approx(0.0)


def test_reliability_bins_edges() -> None:
    bins = reliability_bins([0.0, 0.1, 1.0], [True, False, True], n_bins=10)
    assert len(bins) == 10
    assert bins[0]["count"] == 1 and bins[1]["count"] == 1 and bins[9]["count"] == 1
    assert bins[9]["mean_confidence"] == 1.0 and bins[1]["accuracy"] == 0.0
    assert bins[5] == {"lo": 0.5, "hi": 0.6, "count": 0, "mean_confidence": 0.0, "accuracy": 0.0}
    with pytest.raises(ValueError, match="outside"):
        reliability_bins([1.5], [True])


@pytest.mark.parametrize(
    ("ranked", "gold", "k", "recall"),
    [(["a", "b", "c"], {"a"}, 1, 1.0), (["b", "a"], {"a"}, 1, 0.0),
     (["b", "a"], {"a", "z"}, 2, 0.5),
     ([], {"a"}, 5, 0.0), (["a"], set(), 5, 0.0)],
)
def test_recall_at_k(ranked, gold, k, recall):
    assert recall_at_k(ranked, gold, k) == recall


def test_ndcg_hand_computed():
    # gold {a, b}; ranking b, x, a -> DCG = 1/log2(2) + 1/log2(4) = 1.5; ideal = 1 + 1/log2(3)
    assert ndcg_at_k(["b", "x", "a"], {"a", "b"}, 10) == pytest.approx(1.5 / (1 + 1 / math.log2(3)))
    assert ndcg_at_k(["a", "b"], {"a", "b"}, 10) == 1.0
    assert ndcg_at_k(["x", "a"], {"a"}, 1) == 0.0  # cut off at k
    assert ndcg_at_k(["x"], set(), 10) == 0.0
