"""Explanations: what decided the label, in words."""

from __future__ import annotations

from verifier.decision import Candidate, DecisionSettings, decide
from verifier.explain import explain
from verifier.types import Finding, NLIScores, Passage
from verifier.verify import Evidence

S = DecisionSettings()
PASSAGE = Passage("d:0-0", "d", "d.txt", 0, 0, 0, 42, "Nearly 2,000 peacekeepers were stationed.")
CONFLICT = (Finding("numbers", "conflict", "'5,000' vs 'Nearly 2,000'"),)


def _explained(nli: NLIScores, findings=()) -> str:
    ev = Evidence(PASSAGE, nli, 0.8, 1.0, tuple(findings), "claim")
    d = decide([Candidate(0, nli, 0.8, tuple(findings))], S)
    return explain("Around 5,000 peacekeepers were stationed.", d, [ev])


def test_a_contradiction_of_the_model_alone_says_so():
    text = _explained(NLIScores(0.05, 0.05, 0.9))
    assert text.startswith("The corpus says otherwise: \"Nearly 2,000")
    assert "(contradiction 0.90)" in text
    assert "rests on the model's reading alone" in text


def test_a_checks_conflict_is_named_and_not_called_the_models_alone():
    text = _explained(NLIScores(0.05, 0.05, 0.9), CONFLICT)
    assert "(numbers: '5,000' vs 'Nearly 2,000')" in text
    assert "model's reading alone" not in text
