"""Fitting the decision rule: a vectorised copy of ``decide``, the grid search and k-fold
cross-validation used by ``benchmarks/fit_decision.py``, and "bundles" that let the fit be
repeated with another NLI model's probabilities without the corpus, retrieval or checks.

Only numpy and the decision rule are imported, so a bundle can be scored where spaCy and FAISS
are not installed (``python -m verifier.training.train --pipeline-bundle``, on a GPU machine).
"""

from __future__ import annotations

import gzip
import itertools
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from verifier.decision import Candidate, Decision, DecisionSettings, calibrate
from verifier.types import Label

ARRAY_KEYS = ("ent", "con", "rel", "conflict", "agree_quant", "missing", "missing_quant",
              "unconfirmed", "absent", "unplaced", "told", "denied", "valid")


def to_arrays(cands: Sequence[Sequence[Candidate]]) -> dict[str, np.ndarray]:
    """The candidates of every claim as padded arrays (claims x candidates), for a fast grid."""
    n = max((len(c) for c in cands), default=0)
    shape = (len(cands), max(n, 1))
    a = {k: np.zeros(shape) for k in ARRAY_KEYS}
    for i, cs in enumerate(cands):
        for j, c in enumerate(cs):
            a["ent"][i, j], a["con"][i, j], a["rel"][i, j] = (
                c.nli.entailment, c.nli.contradiction, c.relevance)
            a["conflict"][i, j] = bool(c.conflicts)
            a["agree_quant"][i, j] = c.quantities_agree
            a["missing"][i, j] = bool(c.missing)
            a["missing_quant"][i, j] = c.quantities_missing
            a["unconfirmed"][i, j] = c.unconfirmed
            a["absent"][i, j] = c.absent
            a["unplaced"][i, j] = c.unplaced
            a["told"][i, j] = c.tells_deed
            a["denied"][i, j] = c.denies_deed
            a["valid"][i, j] = 1.0
    return a


def fast_labels(a: dict[str, np.ndarray], s: DecisionSettings) -> list[Label]:
    """``decide(...).label`` for every claim at once (same rule, vectorised; checked against
    ``decide`` on the fitted settings)."""
    return [_LABELS[i] for i in _codes(_shaped(a, s), s)]


# The settings that shape each candidate's scores; the rest (thresholds, tie-break) only read
# the shaped best scores (the support threshold too, unless the near-passage rule is on:
# ``_shaping_key``), so the grid search computes these once per combination.
SHAPING = ("min_relevance", "support_min_relevance", "conflict_relevance",
           "agree_contradiction_scale", "missing_entailment_cap", "absent_contradiction_cap",
           "near_relevance", "near_entailment")


def _shaping_key(s: DecisionSettings) -> tuple:
    """The values that shape candidate scores under ``s``: ``SHAPING``, and the support
    threshold where the near-passage rule lifts support to it."""
    key = tuple(getattr(s, k) for k in SHAPING)
    return key + (s.support_threshold,) if s.near_relevance else key


def _shaped(a: dict[str, np.ndarray], s: DecisionSettings) -> tuple[np.ndarray, ...]:
    """Per claim: best support and contradiction scores after the checks, and whether the
    candidate holding each (the first of equals, as ``decision._named_side``) misses a name,
    whether the contradicting one has a check conflict, whether the supporting one agrees on
    the claim's figures or dates and whether the contradicting one never gives them."""
    sup = np.where(a["rel"] >= s.support_min_relevance, a["ent"], 0.0)
    con = np.where(a["rel"] >= s.min_relevance, a["con"], 0.0)
    conflict = a["conflict"] > 0
    strong = conflict & (a["rel"] >= s.conflict_relevance)
    sup = np.where(conflict, np.minimum(sup, s.conflict_entailment_cap), sup)
    con = np.where(strong, np.maximum(con, s.conflict_score), con)
    con = np.where(~conflict & (a["agree_quant"] > 0), con * s.agree_contradiction_scale, con)
    if s.near_relevance:  # as decision.near
        near = (a["rel"] >= s.near_relevance) & \
            ((a["ent"] >= s.near_entailment) | ((a["agree_quant"] > 0) & (a["told"] > 0))) & \
            (a["ent"] > a["con"]) & ~conflict & (a["missing"] == 0) & \
            (a["unconfirmed"] == 0) & (a["absent"] == 0)
        sup = np.where(near, np.maximum(sup, s.support_threshold), sup)
    sup = np.where(a["missing"] > 0, np.minimum(sup, s.missing_entailment_cap), sup)
    absent = a["absent"] > 0
    sup = np.where(absent | (a["unconfirmed"] > 0), 0.0, sup)
    capped = absent | (a["unplaced"] > 0)  # as decision.candidate_scores
    con = np.where(capped & ~conflict, np.minimum(con, s.absent_contradiction_cap), con)
    sup, con = sup * a["valid"], con * a["valid"]
    rows = np.arange(len(sup))
    i_s, i_c = sup.argmax(axis=1), con.argmax(axis=1)
    missing = a["missing"] > 0
    rel_s, rel_c = a["rel"][rows, i_s], a["rel"][rows, i_c]
    closer_conflict = strong[rows, i_c] & (rel_c > rel_s)
    told = a["told"] > 0
    denied_deed = (a["denied"][rows, i_c] > 0) & (rel_c >= s.conflict_relevance) & \
        ~told[rows, i_s]
    return (sup.max(axis=1), con.max(axis=1), missing[rows, i_s], missing[rows, i_c],
            conflict[rows, i_c], a["agree_quant"][rows, i_s] > 0,
            a["missing_quant"][rows, i_c] > 0, closer_conflict | denied_deed,
            told[rows, i_s] & ~told[rows, i_c])


def _codes(shaped: tuple[np.ndarray, ...], s: DecisionSettings) -> np.ndarray:
    best_s, best_c, s_missing, c_missing, c_conflict, s_quant, c_no_quant, closer, s_told = shaped
    codes = label_codes(best_s, best_c, s)
    if s.mixed_named_tiebreak:  # as decision._named_side, rule by rule in its order
        mixed = (best_s >= s.support_threshold) & (best_c >= s.contradict_threshold)
        to_c = mixed & (closer | (s_missing & ~c_missing))
        to_s = mixed & ~c_conflict & ((~s_missing & c_missing) | (s_quant & c_no_quant)
                                      | (s_told & ~to_c))
        codes = np.where(to_s, 0, np.where(to_c, 1, codes))
    return codes


_LABELS = (Label.SUPPORTED, Label.CONTRADICTED, Label.NOT_FOUND)


def label_codes(best_s: np.ndarray, best_c: np.ndarray, s: DecisionSettings) -> np.ndarray:
    """0 SUPPORTED, 1 CONTRADICTED, 2 NOT_FOUND for each claim's best scores, as ``decide``."""
    has_s = best_s >= s.support_threshold
    has_c = best_c >= s.contradict_threshold
    return np.where(has_s & (~has_c | (best_s >= best_c)), 0, np.where(has_c, 1, 2))


GRID = {
    "support_threshold": [0.3, 0.4, 0.5, 0.6, 0.7, 0.8],
    "contradict_threshold": [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8],
    "min_relevance": [0.2, 0.3, 0.4, 0.5],
    "support_min_relevance": [0.0, 0.3, 0.4, 0.5],
    "conflict_relevance": [0.4, 0.45, 0.5, 0.6],
    "agree_contradiction_scale": [1.0, 0.8, 0.6, 0.4],
    "missing_entailment_cap": [1.0, 0.6, 0.4],
    "absent_contradiction_cap": [1.0, 0.3],
    "mixed_named_tiebreak": [False, True],
    "near_relevance": [0.0, 0.65, 0.7],
}


def grid_search(arrays: list[tuple[dict, list[Label]]]) -> tuple[float, DecisionSettings]:
    """The settings on ``GRID`` with the best mean objective over the groups."""
    best, best_s = -1.0, DecisionSettings()
    shaped: dict[tuple, list[tuple[np.ndarray, ...]]] = {}
    gold_codes = [np.array([_LABELS.index(g) for g in gold]) for _, gold in arrays]
    for values in itertools.product(*GRID.values()):
        s = best_s.with_(**dict(zip(GRID, values)))
        key = _shaping_key(s)
        if key not in shaped:
            shaped[key] = [_shaped(arr, s) for arr, _ in arrays]
        score = sum(_objective_codes(g, _codes(sh, s))
                    for sh, g in zip(shaped[key], gold_codes)) / len(arrays)
        if score > best + 1e-9:
            best, best_s = score, s
    return best, best_s


def subset(a: dict[str, np.ndarray], idx: np.ndarray) -> dict[str, np.ndarray]:
    return {k: v[idx] for k, v in a.items()}


def cross_validate(arrays: list[tuple[dict, list[Label]]], k: int,
                   seed: int = 0) -> dict[str, float]:
    """Held-out accuracy / macro-F1 per group: fit on k-1 folds of every group, label the
    k-th, pool the held-out labels."""
    rng = np.random.default_rng(seed)
    folds = [rng.permutation(len(gold)) % k for _, gold in arrays]
    preds: list[list[Label | None]] = [[None] * len(gold) for _, gold in arrays]
    for f in range(k):
        train = [(subset(a, np.flatnonzero(fo != f)), [g for g, x in zip(gold, fo) if x != f])
                 for (a, gold), fo in zip(arrays, folds)]
        _, s = grid_search(train)
        for gi, ((a, _), fo) in enumerate(zip(arrays, folds)):
            idx = np.flatnonzero(fo == f)
            for i, lab in zip(idx, fast_labels(subset(a, idx), s)):
                preds[gi][i] = lab
    out = {}
    for gi, (_, gold) in enumerate(arrays):
        p = preds[gi]
        out[f"group{gi}_accuracy"] = round(float(np.mean([x is g for x, g in zip(p, gold)])), 4)
        out[f"group{gi}_macro_f1"] = round(macro_f1(gold, p), 4)
    return out


def macro_f1(gold: list[Label], pred: list[Label]) -> float:
    """Mean F1 over the labels the gold set has (a binary set has no NOT_FOUND to find; a
    NOT_FOUND predicted there still costs the recall of the others)."""
    f1s = []
    for lab in (x for x in Label if x in gold):
        tp = sum(g is lab and p is lab for g, p in zip(gold, pred))
        fp = sum(g is not lab and p is lab for g, p in zip(gold, pred))
        fn = sum(g is lab and p is not lab for g, p in zip(gold, pred))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(f1s))


def _objective_codes(gold: np.ndarray, pred: np.ndarray) -> float:
    """``objective`` on label codes (the grid search's inner loop), same arithmetic."""
    cm = np.bincount(gold * 3 + pred, minlength=9).reshape(3, 3).tolist()
    f1s = []
    for lab in range(3):
        row = sum(cm[lab])
        if not row:
            continue
        tp = cm[lab][lab]
        fp, fn = cm[0][lab] + cm[1][lab] + cm[2][lab] - tp, row - tp
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    wrong_support = cm[1][0] + cm[2][0]
    return sum(f1s) / len(f1s) - 0.5 * wrong_support / max(1, len(gold))


def objective(gold: list[Label], pred: list[Label]) -> float:
    wrong_support = sum(p is Label.SUPPORTED and g is not Label.SUPPORTED
                        for g, p in zip(gold, pred))
    return macro_f1(gold, pred) - 0.5 * wrong_support / max(1, len(gold))


def evaluate_arrays(arrays: list[tuple[dict, list[Label]]], cv: int = 5) -> dict:
    """In-sample objective of the best grid settings and, with ``cv``, held-out accuracy and
    macro-F1 per group (the honest estimate)."""
    best, settings = grid_search(arrays)
    out: dict = {"objective": round(best, 4),
                 "settings": {k: getattr(settings, k) for k in GRID}}
    if cv:
        res = cross_validate(arrays, cv)
        out["cv_heldout_accuracy"] = [res[f"group{g}_accuracy"] for g in range(len(arrays))]
        out["cv_heldout_macro_f1"] = [res[f"group{g}_macro_f1"] for g in range(len(arrays))]
    return out


# ---- bundles: the fit's inputs with the NLI probabilities left open -------------------------

def save_bundle(path: Path, groups: Sequence[tuple[str, list[list[tuple[str, str]]],
                                                    dict[str, np.ndarray], list[Label]]]) -> int:
    """Write ``(name, pairs, arrays, gold)`` per group: ``pairs[i][j]`` is the (premise,
    hypothesis) the NLI model scores for candidate j of claim i. Returns the number of distinct
    pairs."""
    texts: dict[tuple[str, str], int] = {}
    out = {"pairs": [], "groups": []}
    for name, pairs, arrays, gold in groups:
        slots = [[texts.setdefault(tuple(p), len(texts)) for p in row] for row in pairs]
        out["groups"].append({
            "name": name, "gold": [g.value for g in gold], "slots": slots,
            "arrays": {k: arrays[k].tolist() for k in ARRAY_KEYS if k not in ("ent", "con")},
        })
    out["pairs"] = [list(p) for p in texts]
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False)
    return len(texts)


class Bundle:
    """A saved bundle: ``pairs`` to score, then ``arrays(probs)`` for ``evaluate_arrays``."""

    def __init__(self, path: Path) -> None:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            raw = json.load(f)
        self.pairs: list[tuple[str, str]] = [tuple(p) for p in raw["pairs"]]
        self.groups = raw["groups"]
        want = set(ARRAY_KEYS) - {"ent", "con"}
        for g in self.groups:
            if set(g["arrays"]) != want:
                raise ValueError(f"{path}: bundle arrays {sorted(g['arrays'])} are not this "
                                 f"version's {sorted(want)}; rebuild it with "
                                 "benchmarks/fit_decision.py --bundle")
        self.names = [g["name"] for g in self.groups]

    def arrays(self, probs: np.ndarray) -> list[tuple[dict, list[Label]]]:
        """Fill in entailment and contradiction from ``probs`` (pairs x [entailment, neutral,
        contradiction])."""
        probs = np.asarray(probs, dtype=float)
        if probs.shape != (len(self.pairs), 3):
            raise ValueError(f"probs shape {probs.shape}, expected ({len(self.pairs)}, 3)")
        out = []
        for g in self.groups:
            a = {k: np.asarray(v, dtype=float) for k, v in g["arrays"].items()}
            a["ent"] = np.zeros_like(a["valid"])
            a["con"] = np.zeros_like(a["valid"])
            for i, row in enumerate(g["slots"]):
                a["ent"][i, :len(row)] = probs[row, 0]
                a["con"][i, :len(row)] = probs[row, 2]
            out.append((a, [Label(x) for x in g["gold"]]))
        return out


def fit_calibration(decisions: Sequence[Decision], gold: Sequence[Label],
                    old: dict[str, tuple[float, float]],
                    bases: bool = True) -> dict[str, tuple[float, float]]:
    """Platt scaling, P(correct | decision score), per predicted label and per basis of it
    (``verifier.decision.BASES``: "CONTRADICTED/check" and "CONTRADICTED/model"). A basis
    with fewer than 10 decisions has no entry of its own and takes the label's; one whose
    decisions were all right (or all wrong) gets their smoothed share, (right + 1) / (n + 2),
    at every score."""
    from sklearn.linear_model import LogisticRegression

    xs: dict[str, list[float]] = {}
    ys: dict[str, list[int]] = {}
    for d, g in zip(decisions, gold):
        for key in (d.label.value, f"{d.label.value}/{d.basis}")[:1 + bases]:
            xs.setdefault(key, []).append(d.score)
            ys.setdefault(key, []).append(int(d.label is g))
    calib = {k: v for k, v in old.items() if "/" not in k}
    for key in sorted(xs):
        if len(set(ys[key])) == 2 and len(ys[key]) >= 10:
            lr = LogisticRegression(C=10.0).fit(np.array(xs[key])[:, None], ys[key])
            calib[key] = (round(float(lr.coef_[0][0]), 4), round(float(lr.intercept_[0]), 4))
        elif len(ys[key]) >= 10 or ("/" not in key and ys[key]):
            acc = (sum(ys[key]) + 1) / (len(ys[key]) + 2)
            calib[key] = (0.0, round(float(np.log(acc / (1 - acc))), 4))
    return calib


def heldout_calibration(groups_decisions: list[tuple[list[Decision], list[Label]]], k: int,
                        bases: bool, seed: int = 0) -> list[dict[str, float]]:
    """Each group's expected calibration error and Brier score (mean squared gap between the
    confidence and being right: unlike the ECE it also rewards telling right from wrong
    apart) with the calibration fitted on the other folds (k folds within each group, all
    groups' training folds pooled), thresholds fixed."""
    rng = np.random.default_rng(seed)
    folds = [rng.permutation(len(gold)) % k for _, gold in groups_decisions]
    conf = [np.zeros(len(gold)) for _, gold in groups_decisions]
    for f in range(k):
        train = [(d, g) for (ds, gold), fo in zip(groups_decisions, folds)
                 for d, g, x in zip(ds, gold, fo) if x != f]
        calib = fit_calibration([d for d, _ in train], [g for _, g in train], {}, bases)
        s = DecisionSettings(calibration=calib)
        for gi, ((ds, _), fo) in enumerate(zip(groups_decisions, folds)):
            for i, (d, x) in enumerate(zip(ds, fo)):
                if x == f:
                    conf[gi][i] = calibrate(d.label, d.score, s, d.basis if bases else None)
    from verifier.evaluation.metrics import ece

    out = []
    for c, (ds, gold) in zip(conf, groups_decisions):
        right = np.array([d.label is g for d, g in zip(ds, gold)], dtype=float)
        out.append({"ece": round(ece(c.tolist(), right.tolist()), 4),
                    "brier": round(float(np.mean((c - right) ** 2)), 4)})
    return out
