"""Metrics: accuracy, per-label P/R/F1, macro-F1, confusion matrix, calibration, SciFact's
official abstract- and sentence-level scores, and retrieval ranking (recall@k, nDCG@k).

>>> from verifier.types import Label as L
>>> r = classification_report([L.SUPPORTED, L.CONTRADICTED], [L.SUPPORTED, L.NOT_FOUND])
>>> r["accuracy"], r["confusion_matrix"]["matrix"][1]
(0.5, [0, 0, 1])
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from verifier.evaluation.labels import map_gold_label
from verifier.types import Label

LABELS: tuple[Label, ...] = (Label.SUPPORTED, Label.CONTRADICTED, Label.NOT_FOUND)

# SciFact abstract-level scoring looks at the first three predicted sentences only.
MAX_ABSTRACT_SENTS = 3


def _div(num: float, den: float) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return _div(2 * p * r, p + r)


def _check_lengths(gold: Sequence[Any], pred: Sequence[Any]) -> None:
    if len(gold) != len(pred):
        raise ValueError(f"gold has {len(gold)} labels but pred has {len(pred)}")


def accuracy(gold: Sequence[Label], pred: Sequence[Label]) -> float:
    """Share of examples whose prediction equals the gold label (0.0 for no examples)."""
    _check_lengths(gold, pred)
    return _div(sum(g == p for g, p in zip(gold, pred)), len(gold))


def confusion_matrix(
    gold: Sequence[Label], pred: Sequence[Label], labels: Sequence[Label] = LABELS
) -> list[list[int]]:
    """Counts, rows = gold, columns = predicted, both in the order of ``labels``."""
    _check_lengths(gold, pred)
    pos = {lab: i for i, lab in enumerate(labels)}
    m = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, pred):
        if g not in pos or p not in pos:
            raise ValueError(f"label {g if g not in pos else p!r} is not in labels {list(labels)}")
        m[pos[g]][pos[p]] += 1
    return m


def classification_report(
    gold: Sequence[Label], pred: Sequence[Label], labels: Sequence[Label] = LABELS
) -> dict[str, Any]:
    """Accuracy, macro-F1, per-label precision/recall/F1/support and the confusion matrix.

    ``macro_f1`` averages F1 over the labels that occur in ``gold`` (so a binary benchmark is
    not charged an F1 of 0 for a NOT_FOUND class it does not have); ``macro_f1_all`` averages
    over every label in ``labels``. Labels are keyed by their string value.
    """
    m = confusion_matrix(gold, pred, labels)
    per: dict[str, dict[str, float]] = {}
    for i, lab in enumerate(labels):
        tp = m[i][i]
        support = sum(m[i])
        predicted = sum(row[i] for row in m)
        p, r = _div(tp, predicted), _div(tp, support)
        per[lab.value] = {"precision": p, "recall": r, "f1": _f1(p, r), "support": support,
                          "predicted": predicted}
    present = [lab.value for lab in labels if per[lab.value]["support"] > 0]
    return {
        "n": len(gold),
        "accuracy": accuracy(gold, pred),
        "macro_f1": _div(sum(per[k]["f1"] for k in present), len(present)),
        "macro_f1_all": _div(sum(v["f1"] for v in per.values()), len(per)),
        "per_label": per,
        "confusion_matrix": {"labels": [lab.value for lab in labels], "matrix": m},
    }


# ---- calibration ----------------------------------------------------------------------------


def reliability_bins(
    confidences: Sequence[float], correct: Sequence[bool], n_bins: int = 10
) -> list[dict[str, float]]:
    """Equal-width confidence bins over [0, 1]; 1.0 falls in the last bin.

    Each bin: ``lo``, ``hi``, ``count``, ``mean_confidence``, ``accuracy`` (0.0 when empty).
    """
    _check_lengths(confidences, correct)
    if n_bins < 1:
        raise ValueError("n_bins must be at least 1")
    sums = [[0, 0.0, 0] for _ in range(n_bins)]  # count, sum confidence, n correct
    for c, ok in zip(confidences, correct):
        c = float(c)
        if not 0.0 <= c <= 1.0:
            raise ValueError(f"confidence {c} is outside [0, 1]")
        b = min(int(c * n_bins), n_bins - 1)
        sums[b][0] += 1
        sums[b][1] += c
        sums[b][2] += bool(ok)
    return [
        {"lo": i / n_bins, "hi": (i + 1) / n_bins, "count": n,
         "mean_confidence": _div(s, n), "accuracy": _div(k, n)}
        for i, (n, s, k) in enumerate(sums)
    ]


def ece(confidences: Sequence[float], correct: Sequence[bool], n_bins: int = 10) -> float:
    """Expected calibration error: sum over bins of (bin share) x |accuracy - confidence|."""
    bins = reliability_bins(confidences, correct, n_bins)
    total = len(confidences)
    return sum(_div(b["count"], total) * abs(b["accuracy"] - b["mean_confidence"])
               for b in bins)


# ---- SciFact ----------------------------------------------------------------------------------


def scifact_gold(claims: Sequence[Any]) -> dict[str, dict[str, dict[str, Any]]]:
    """Gold in the shape :func:`scifact_metrics` takes, from loaded ``SciFactClaim`` objects."""
    return {c.id: {d: e.to_dict() for d, e in c.evidence.items()} for c in claims}


def _scifact_label(value: Any) -> Label:
    return map_gold_label(value)


def scifact_metrics(
    gold: Mapping[Any, Mapping[Any, Mapping[str, Any]]],
    predictions: Mapping[Any, Mapping[Any, Mapping[str, Any]]],
) -> dict[str, dict[str, float]]:
    """SciFact's official metrics (allenai/scifact ``doc/evaluation.md``).

    ``gold``: ``{claim_id: {doc_id: {"label": "SUPPORT"|"CONTRADICT", "sentences": [[i, ...],
    ...]}}}`` (one list per rationale set; a claim with no evidence maps to ``{}``).
    ``predictions``: ``{claim_id: {doc_id: {"label": ..., "sentences": [i, ...]}}}``. Ids are
    compared as strings; claims missing from ``predictions`` predicted nothing. A predicted
    NOT-ENOUGH-INFO label counts as no prediction. Repeated sentence indices count once.

    * Abstract level, over (claim, doc) pairs: a predicted doc is correct for *label_only* when
      the doc has gold evidence and the labels match; for *label_rationale* also when some
      whole gold rationale set is within its first three predicted sentences.
    * Sentence level: a predicted sentence is correct for *selection* when it belongs to a gold
      rationale set of that doc and every sentence of that set is predicted too; for
      *selection_label* also when the doc's predicted label matches.

    Precision divides by predicted items, recall by gold items (gold (claim, doc) pairs;
    gold rationale sentences). Returns ``{metric: {"precision", "recall", "f1", "correct",
    "predicted", "gold"}}``.
    """
    gold_s = {str(k): {str(d): v for d, v in docs.items()} for k, docs in gold.items()}
    pred_s = {str(k): {str(d): v for d, v in docs.items()} for k, docs in predictions.items()}
    unknown = sorted(set(pred_s) - set(gold_s))
    if unknown:
        raise ValueError(f"predictions for claim ids not in gold: {unknown[:5]}")

    counts = {k: 0 for k in ("abs_gold", "abs_pred", "abs_label", "abs_rat",
                             "sent_gold", "sent_pred", "sent_sel", "sent_label")}
    for claim_id, gdocs in gold_s.items():
        gold_sets = {
            d: [{int(i) for i in s} for s in g["sentences"]] for d, g in gdocs.items()
        }
        gold_labels = {d: _scifact_label(g["label"]) for d, g in gdocs.items()}
        counts["abs_gold"] += len(gdocs)
        counts["sent_gold"] += sum(len(s) for sets in gold_sets.values() for s in sets)
        for doc_id, p in pred_s.get(claim_id, {}).items():
            label = _scifact_label(p["label"])
            if label is Label.NOT_FOUND:
                continue
            sents = list(dict.fromkeys(int(i) for i in p.get("sentences", [])))
            counts["abs_pred"] += 1
            counts["sent_pred"] += len(sents)
            if doc_id not in gdocs:
                continue
            label_ok = label is gold_labels[doc_id]
            sets = gold_sets[doc_id]
            if label_ok:
                counts["abs_label"] += 1
                first = set(sents[:MAX_ABSTRACT_SENTS])
                if any(s <= first for s in sets):
                    counts["abs_rat"] += 1
            chosen = set(sents)
            n_sel = sum(1 for i in chosen if any(i in s and s <= chosen for s in sets))
            counts["sent_sel"] += n_sel
            counts["sent_label"] += n_sel if label_ok else 0

    def prf(correct: int, predicted: int, gold_n: int) -> dict[str, float]:
        p, r = _div(correct, predicted), _div(correct, gold_n)
        return {"precision": p, "recall": r, "f1": _f1(p, r), "correct": correct,
                "predicted": predicted, "gold": gold_n}

    return {
        "abstract_label_only": prf(counts["abs_label"], counts["abs_pred"], counts["abs_gold"]),
        "abstract_label_rationale": prf(counts["abs_rat"], counts["abs_pred"],
                                        counts["abs_gold"]),
        "sentence_selection": prf(counts["sent_sel"], counts["sent_pred"], counts["sent_gold"]),
        "sentence_selection_label": prf(counts["sent_label"], counts["sent_pred"],
                                        counts["sent_gold"]),
    }


# ---- retrieval ranking ----------------------------------------------------------------------


def recall_at_k(ranked: Sequence[str], gold: Collection[str], k: int) -> float:
    """Share of the gold items found in the first ``k`` ranked ones (0 when there is no gold).

    >>> recall_at_k(["a", "b", "c"], {"c", "d"}, 3)
    0.5
    """
    gold = set(gold)
    return len(gold & set(ranked[:k])) / len(gold) if gold else 0.0


def ndcg_at_k(ranked: Sequence[str], gold: Collection[str], k: int = 10) -> float:
    """Binary-relevance nDCG@k: DCG of the ranking over the DCG of a perfect one.

    >>> round(ndcg_at_k(["x", "a"], {"a"}, 10), 4)  # the only relevant item at rank 2
    0.6309
    """
    gold = set(gold)
    dcg = sum(1 / math.log2(i + 2) for i, d in enumerate(ranked[:k]) if d in gold)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(k, len(gold))))
    return dcg / ideal if ideal else 0.0
