"""The decision fit: the vectorised rule equals ``decide``, bundles replay the fit's inputs
exactly, and the objective punishes a wrong SUPPORTED."""

from __future__ import annotations

import random

import numpy as np
import pytest

from verifier.decision import Candidate, Decision, DecisionSettings, calibrate, decide
from verifier.decision_fit import (
    GRID,
    Bundle,
    evaluate_arrays,
    fast_labels,
    fit_calibration,
    heldout_calibration,
    macro_f1,
    objective,
    save_bundle,
    to_arrays,
)
from verifier.evaluation.metrics import ece
from verifier.types import Finding, Label, NLIScores

S, C, N = Label.SUPPORTED, Label.CONTRADICTED, Label.NOT_FOUND


def random_claims(rng: random.Random, n: int) -> list[list[Candidate]]:
    out = []
    for _ in range(n):
        cands = []
        for k in range(rng.randint(0, 5)):
            e = rng.random()
            c = rng.random() * (1 - e)
            findings = tuple(
                Finding(rng.choice(["numbers", "dates", "entities", "negation"]), status)
                for status in rng.sample(["agree", "conflict", "missing", "absent", "unplaced",
                                          "not_applicable"], rng.randint(0, 3)))
            cands.append(Candidate(k, NLIScores(e, 1 - e - c, c), rng.random(), findings))
        out.append(cands)
    return out


@pytest.mark.parametrize("seed", range(5))
def test_fast_labels_equal_decide(seed):
    rng = random.Random(seed)
    claims = random_claims(rng, 200)
    settings = DecisionSettings().with_(**{k: rng.choice(v) for k, v in GRID.items()})
    assert fast_labels(to_arrays(claims), settings) == [decide(c, settings).label
                                                        for c in claims]


def test_macro_f1_averages_over_the_labels_the_gold_set_has():
    gold = [S, C, S, C]  # a binary set
    assert macro_f1(gold, gold) == pytest.approx(1.0)
    # a NOT_FOUND there costs the recall of SUPPORTED: F1(S) = 2/3, F1(C) = 1
    assert macro_f1(gold, [S, C, N, C]) == pytest.approx((2 / 3 + 1.0) / 2)


def test_objective_counts_a_wrong_supported_twice():
    gold = [S, C, N, N]
    assert objective(gold, gold) == pytest.approx(1.0)
    wrong_s = objective(gold, [S, C, N, S])  # NOT_FOUND called SUPPORTED
    wrong_n = objective(gold, [S, C, N, C])  # NOT_FOUND called CONTRADICTED
    assert macro_f1(gold, [S, C, N, S]) == pytest.approx(macro_f1(gold, [S, C, N, C]))
    assert wrong_s == pytest.approx(wrong_n - 0.5 / 4)


def test_bundle_replays_the_arrays(tmp_path):
    rng = random.Random(7)
    claims = [cs for cs in random_claims(rng, 40) if cs]
    pairs = [[(f"passage {c.key}", f"claim {i}") for c in cs] for i, cs in enumerate(claims)]
    claims.append(claims[0])  # the same claim twice: its pairs are stored and scored once
    pairs.append(pairs[0])
    gold = [rng.choice([S, C, N]) for _ in claims]
    arrays = to_arrays(claims)
    n = save_bundle(tmp_path / "b.json.gz", [("g", pairs, arrays, gold)])
    bundle = Bundle(tmp_path / "b.json.gz")
    assert n == len(bundle.pairs) == sum(len(row) for row in pairs[:-1])
    lookup = {}
    for row, cs in zip(pairs, claims):
        for p, c in zip(row, cs):
            lookup[p] = (c.nli.entailment, c.nli.neutral, c.nli.contradiction)
    probs = np.array([lookup[p] for p in bundle.pairs])
    (replayed, replayed_gold), = bundle.arrays(probs)
    assert replayed_gold == gold
    for k in arrays:
        np.testing.assert_allclose(replayed[k], arrays[k])
    res = evaluate_arrays([(replayed, gold)], cv=2)
    assert res["objective"] == evaluate_arrays([(arrays, gold)], cv=0)["objective"]
    assert len(res["cv_heldout_accuracy"]) == 1 and set(res["settings"]) == set(GRID)


def test_bundle_rejects_probabilities_of_the_wrong_shape(tmp_path):
    claims = random_claims(random.Random(1), 3)
    pairs = [[(f"p{i}{c.key}", "h") for c in cs] for i, cs in enumerate(claims)]
    save_bundle(tmp_path / "b.json.gz", [("g", pairs, to_arrays(claims), [S, C, N])])
    with pytest.raises(ValueError, match="shape"):
        Bundle(tmp_path / "b.json.gz").arrays(np.zeros((1, 2)))


@pytest.mark.parametrize("seed", range(3))
def test_objective_on_codes_equals_objective(seed):
    from verifier.decision_fit import _LABELS, _objective_codes

    rng = random.Random(seed)
    gold = [rng.choice(_LABELS[: rng.choice([2, 3])]) for _ in range(50)]
    pred = [rng.choice(_LABELS) for _ in range(50)]
    codes = [np.array([_LABELS.index(x) for x in xs]) for xs in (gold, pred)]
    assert _objective_codes(*codes) == objective(gold, pred)


def _decision(label: Label, score: float, basis: str) -> Decision:
    return Decision(label, 0.5, score if label is S else 0.0, score if label is C else 0.0,
                    (), (), False, basis=basis, score=score)


def test_calibration_tells_the_bases_of_a_label_apart():
    rng = random.Random(3)
    decisions, gold = [], []
    for _ in range(400):  # a check's conflicts always right, the model's alone half the time
        score = rng.uniform(0.6, 1.0)
        decisions.append(_decision(C, score, "check"))
        gold.append(C)
        decisions.append(_decision(C, score, "model"))
        gold.append(C if rng.random() < 0.5 else N)
    calib = fit_calibration(decisions, gold, {})
    s = DecisionSettings(calibration=calib)
    assert calibrate(C, 0.8, s, "check") > 0.9
    assert 0.35 < calibrate(C, 0.8, s, "model") < 0.65
    # one calibration per label knows no bases
    assert set(fit_calibration(decisions, gold, {}, bases=False)) == {"CONTRADICTED"}
    # held out, the bases tell right from wrong better than one calibration per label (whose
    # one confidence for both bases can still be right on average: a low ECE)
    with_bases = heldout_calibration([(decisions, gold)], 5, bases=True)[0]
    per_label = heldout_calibration([(decisions, gold)], 5, bases=False)[0]
    assert with_bases["brier"] < per_label["brier"] - 0.03
    assert with_bases["ece"] < 0.1


def test_a_basis_with_too_few_decisions_takes_its_labels_calibration():
    decisions = [_decision(S, 0.9, "model")] * 20 + [_decision(S, 0.6, "model")] * 20 + \
        [_decision(S, 0.9, "agree")] * 5
    gold = [S] * 20 + [N] * 20 + [S] * 5
    calib = fit_calibration(decisions, gold, {"NOT_FOUND": (1.0, 0.0)})
    assert "SUPPORTED/agree" not in calib and "SUPPORTED/model" in calib
    assert calib["NOT_FOUND"] == (1.0, 0.0)  # a label with no decisions keeps its old entry


def test_ece_the_fit_reports_of_perfect_and_of_overconfident_scores():
    assert ece([1.0, 1.0], [True, True]) == 0.0
    assert ece([0.95, 0.95], [True, False]) == pytest.approx(0.45)
