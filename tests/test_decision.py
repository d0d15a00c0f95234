"""The decision rule as a pure function, table-driven."""

from __future__ import annotations

import math

import pytest

from verifier.decision import BASES, Candidate, DecisionSettings, combine, decide
from verifier.types import Finding, Label, NLIScores

S = DecisionSettings()
CONFLICT = (Finding("numbers", "conflict", "2,000 vs 5,000"),)
DENIED = (Finding("negation", "conflict", "'intervene': passage negates it"),)
AGREE = (Finding("numbers", "agree"),)


def cand(e: float, n: float, c: float, rel: float = 0.8, findings=(), key: int = 0) -> Candidate:
    return Candidate(key, NLIScores(e, n, c), rel, tuple(findings))


@pytest.mark.parametrize(
    ("candidates", "expected"),
    [
        ([cand(0.9, 0.05, 0.05)], Label.SUPPORTED),
        ([cand(0.05, 0.05, 0.9)], Label.CONTRADICTED),
        ([cand(0.1, 0.8, 0.1)], Label.NOT_FOUND),
        ([], Label.NOT_FOUND),
        # NLI entails but a check conflicts on a relevant passage: contradiction wins
        ([cand(0.9, 0.05, 0.05, findings=CONFLICT)], Label.CONTRADICTED),
        # a check conflict on an unrelated passage is not a contradiction
        ([cand(0.2, 0.7, 0.1, rel=0.1, findings=CONFLICT)], Label.NOT_FOUND),
        # contradiction from a passage about something else does not count
        ([cand(0.0, 0.1, 0.9, rel=0.1)], Label.NOT_FOUND),
        # agreement findings do not change an entailment
        ([cand(0.9, 0.05, 0.05, findings=AGREE)], Label.SUPPORTED),
        # the strongest side wins when evidence is mixed
        ([cand(0.95, 0.03, 0.02, key=0), cand(0.1, 0.2, 0.7, key=1)], Label.SUPPORTED),
        ([cand(0.6, 0.3, 0.1, key=0), cand(0.0, 0.05, 0.95, key=1)], Label.CONTRADICTED),
        # just under both thresholds
        ([cand(S.support_threshold - 0.01, 0.5, 0.0)], Label.NOT_FOUND),
    ],
)
def test_decide_table(candidates, expected):
    assert decide(candidates, S).label is expected


def test_agreeing_checks_discount_nli_contradiction():
    s = S.with_(agree_contradiction_scale=0.5, contradict_threshold=0.6)
    assert decide([cand(0.1, 0.1, 0.8, findings=AGREE)], s).label is Label.NOT_FOUND
    assert decide([cand(0.1, 0.1, 0.8)], s).label is Label.CONTRADICTED
    # a conflict still wins over the discount
    assert decide([cand(0.1, 0.1, 0.8, findings=AGREE + CONFLICT)], s).label is Label.CONTRADICTED
    # only agreeing numbers or dates earn it: a name that matches says nothing about the rest
    names = (Finding("entities", "agree", "Baku"),)
    assert decide([cand(0.1, 0.1, 0.8, findings=names)], s).label is Label.CONTRADICTED


def test_missing_name_caps_entailment():
    missing = (Finding("entities", "missing", "Moscow"),)
    s = S.with_(missing_entailment_cap=0.4)
    assert decide([cand(0.9, 0.05, 0.05, findings=missing)], s).label is Label.NOT_FOUND
    assert decide([cand(0.9, 0.05, 0.05, findings=missing)], S).label is Label.SUPPORTED


@pytest.mark.parametrize("finding", [
    # 'Nearly 2,000' neither confirms 'exactly 1,960' nor refutes it: the model reads the
    # rest of the claim (with the passage's figure) and may only contradict that
    Finding("numbers", "rough", "Exactly 1,960"),
    # 'which began in April, had been agreed' does not date the agreement
    Finding("dates", "misplaced", "April"),
    # a passage that reports nothing said by Aliyev cannot confirm "Aliyev hailed the pullout"
    Finding("entities", "unsaid", "'Aliyev' hailed"),
])
def test_unconfirmed_figure_or_date_can_contradict_but_never_support(finding):
    assert decide([cand(0.95, 0.03, 0.02, findings=(finding,))], S).label is Label.NOT_FOUND
    assert decide([cand(0.02, 0.03, 0.95, findings=(finding,))], S).label is Label.CONTRADICTED
    # the same passage without the finding supports
    assert decide([cand(0.95, 0.03, 0.02)], S).label is Label.SUPPORTED


def test_a_near_passage_the_checks_vouch_for_supports_at_the_threshold():
    s = S.with_(near_relevance=0.65, near_entailment=0.3)
    leaning = cand(0.35, 0.5, 0.15, rel=0.8)
    d = decide([leaning], s)
    assert d.label is Label.SUPPORTED and d.support_score == s.support_threshold
    assert decide([leaning], S).label is Label.NOT_FOUND  # off by default
    # not where it is far from the claim, the model leans less or leans against it ...
    assert decide([cand(0.35, 0.5, 0.15, rel=0.6)], s).label is Label.NOT_FOUND
    assert decide([cand(0.25, 0.6, 0.15)], s).label is Label.NOT_FOUND
    assert decide([cand(0.35, 0.25, 0.4)], s).label is Label.NOT_FOUND
    # ... nor where a check finds something amiss
    for f in (CONFLICT, (Finding("entities", "missing", "Moscow"),),
              (Finding("dates", "misplaced", "April"),), (Finding("dates", "redated", "2 June"),)):
        assert decide([cand(0.35, 0.5, 0.15, findings=f)], s).label is not Label.SUPPORTED


def test_a_near_passage_that_gives_the_claims_date_and_deed_supports_however_low_entailment():
    s = S.with_(near_relevance=0.65, near_entailment=0.3)
    dated = (Finding("dates", "agree", "April"), Finding("negation", "agree", "launch"))
    assert decide([cand(0.07, 0.9, 0.03, findings=dated)], s).label is Label.SUPPORTED
    # not without the deed, nor the date, nor where the model leans against it or far off
    assert decide([cand(0.07, 0.9, 0.03, findings=dated[:1])], s).label is Label.NOT_FOUND
    assert decide([cand(0.07, 0.9, 0.03, findings=dated[1:])], s).label is Label.NOT_FOUND
    assert decide([cand(0.03, 0.9, 0.07, findings=dated)], s).label is Label.NOT_FOUND
    assert decide([cand(0.07, 0.9, 0.03, rel=0.6, findings=dated)], s).label is Label.NOT_FOUND


def test_name_absent_from_the_corpus_means_no_support():
    absent = (Finding("entities", "absent", "Tavush"),)
    assert decide([cand(0.95, 0.03, 0.02, findings=absent)], S).label is Label.NOT_FOUND
    # an NLI contradiction stays unless capped; a check's conflict always stays
    s = S.with_(absent_contradiction_cap=0.3)
    assert decide([cand(0.0, 0.1, 0.9, findings=absent)], S).label is Label.CONTRADICTED
    assert decide([cand(0.0, 0.1, 0.9, findings=absent)], s).label is Label.NOT_FOUND
    assert decide([cand(0.0, 0.1, 0.9, findings=absent + CONFLICT)], s).label \
        is Label.CONTRADICTED


def test_a_place_the_passage_never_names_caps_the_models_contradiction():
    # "agreed at a summit in Moscow" against a passage that tells the deal, not where
    unplaced = (Finding("entities", "unplaced", "'Moscow'"),)
    s = S.with_(absent_contradiction_cap=0.3)
    assert decide([cand(0.0, 0.1, 0.9, findings=unplaced)], s).label is Label.NOT_FOUND
    assert decide([cand(0.0, 0.1, 0.9)], s).label is Label.CONTRADICTED
    assert decide([cand(0.0, 0.1, 0.9, findings=unplaced + CONFLICT)], s).label \
        is Label.CONTRADICTED
    # ... not where the passage names a place of its own ("lives in India" for "in Japan")
    elsewhere = (Finding("entities", "unplaced", "'Japan'", "Japan", "India"),)
    assert decide([cand(0.0, 0.1, 0.9, findings=elsewhere)], s).label is Label.CONTRADICTED


MISSING = (Finding("entities", "missing", "Ilham Aliyev"),)
NO_FIGURE = (Finding("numbers", "missing", "100,000"),)
DATE_CONFLICT = (Finding("dates", "conflict", "'April' vs 'June'"),)
TOLD = (Finding("negation", "agree", "leave"),)


@pytest.mark.parametrize(
    ("support", "contra", "expected"),
    [
        # a passage naming the claim's names entails it; one that does not, contradicts it
        (cand(0.7, 0.2, 0.1, key=0), cand(0.0, 0.05, 0.95, findings=MISSING, key=1),
         Label.SUPPORTED),
        # ... unless that passage's contradiction comes from a check
        (cand(0.7, 0.2, 0.1, key=0),
         cand(0.0, 0.05, 0.95, findings=MISSING + CONFLICT, key=1), Label.CONTRADICTED),
        # the mirror image: the entailing passage is the one that misses a name
        (cand(0.95, 0.04, 0.01, findings=MISSING, key=0), cand(0.0, 0.3, 0.7, key=1),
         Label.CONTRADICTED),
        # both or neither name everything: the scores decide, as without the tie-break
        (cand(0.7, 0.2, 0.1, key=0), cand(0.0, 0.05, 0.95, key=1), Label.CONTRADICTED),
        (cand(0.95, 0.04, 0.01, findings=MISSING, key=0),
         cand(0.0, 0.3, 0.7, findings=MISSING, key=1), Label.SUPPORTED),
        (cand(0.65, 0.04, 0.31, findings=MISSING, key=0),
         cand(0.0, 0.3, 0.7, findings=MISSING, key=1), Label.CONTRADICTED),
        # both miss a name: the passage agreeing on the claim's figure beats one without it
        (cand(0.65, 0.04, 0.31, findings=MISSING + AGREE, key=0),
         cand(0.0, 0.3, 0.7, findings=MISSING + NO_FIGURE, key=1), Label.SUPPORTED),
        # ... unless the latter's contradiction comes from a check
        (cand(0.65, 0.04, 0.31, findings=MISSING + AGREE, key=0),
         cand(0.0, 0.3, 0.7, findings=MISSING + NO_FIGURE + DATE_CONFLICT, key=1),
         Label.CONTRADICTED),
        # a check's conflict on a passage closer to the claim than the entailing one wins,
        # though the model's entailment scores higher ...
        (cand(0.9, 0.05, 0.05, rel=0.55, key=0), cand(0.9, 0.05, 0.05, rel=1.0,
                                                      findings=CONFLICT, key=1),
         Label.CONTRADICTED),
        # ... not a conflict on a passage less relevant than the entailing one
        (cand(0.9, 0.05, 0.05, rel=1.0, key=0), cand(0.9, 0.05, 0.05, rel=0.55,
                                                     findings=CONFLICT, key=1),
         Label.SUPPORTED),
        # a passage telling the claim's deed beats one that never tells it ...
        (cand(0.58, 0.1, 0.32, findings=TOLD, key=0), cand(0.11, 0.13, 0.77, key=1),
         Label.SUPPORTED),
        # ... not one that tells it too, nor one with a check's conflict
        (cand(0.58, 0.1, 0.32, findings=TOLD, key=0),
         cand(0.11, 0.13, 0.77, findings=TOLD, key=1), Label.CONTRADICTED),
        (cand(0.58, 0.1, 0.32, findings=TOLD, key=0),
         cand(0.11, 0.13, 0.77, findings=DATE_CONFLICT, key=1), Label.CONTRADICTED),
        # a passage telling the claim's deed denied beats a more relevant one that never tells
        # the deed, though the model entails the claim from that one more ...
        (cand(0.9, 0.05, 0.05, rel=0.6, key=0), cand(0.2, 0.2, 0.6, rel=0.55,
                                                     findings=DENIED, key=1),
         Label.CONTRADICTED),
        # ... not one that tells the deed too
        (cand(0.9, 0.05, 0.05, rel=0.6, findings=TOLD, key=0),
         cand(0.2, 0.2, 0.6, rel=0.55, findings=DENIED, key=1), Label.SUPPORTED),
    ],
)
def test_mixed_named_tiebreak(support, contra, expected):
    s = S.with_(mixed_named_tiebreak=True)
    assert decide([support, contra], s).label is expected
    assert decide([support, contra], s).mixed


def test_mixed_evidence_is_flagged_and_both_sides_listed():
    d = decide([cand(0.95, 0.03, 0.02, key=0), cand(0.1, 0.2, 0.7, key=1)], S)
    assert d.mixed
    assert d.supporting == (0,) and d.contradicting == (1,)


def test_evidence_is_cited_by_score_times_relevance():
    # two check conflicts score alike: the passage closer to the claim is cited first
    d = decide([cand(0.0, 0.1, 0.2, rel=0.55, findings=CONFLICT, key=0),
                cand(0.0, 0.1, 0.2, rel=0.85, findings=CONFLICT, key=1)], S)
    assert d.contradicting == (1, 0)
    # a slightly higher entailment on a barely relevant passage comes after a close one
    d = decide([cand(0.92, 0.05, 0.03, rel=0.45, key=0), cand(0.88, 0.1, 0.02, rel=0.9, key=1)],
               S)
    assert d.supporting == (1, 0)
    # the label still follows the scores alone
    assert d.support_score == 0.92


def test_confidence_in_unit_interval_and_monotone():
    lo = decide([cand(0.6, 0.3, 0.1)], S).confidence
    hi = decide([cand(0.99, 0.005, 0.005)], S).confidence
    assert 0.0 <= lo < hi <= 1.0


ABSENT = (Finding("entities", "absent", "Blinken"),)


@pytest.mark.parametrize(
    ("candidates", "label", "expected"),
    [
        # a contradiction a check's conflict backs, and one the model alone says
        ([cand(0.05, 0.05, 0.9, findings=CONFLICT)], Label.CONTRADICTED, "check"),
        ([cand(0.05, 0.05, 0.9)], Label.CONTRADICTED, "model"),
        # a conflict on a passage too far from the claim backs nothing
        ([cand(0.05, 0.05, 0.9, rel=0.45, findings=CONFLICT)], Label.CONTRADICTED, "model"),
        # the basis is the cited passage's: here the close one, with the conflict
        ([cand(0.0, 0.0, 0.95, rel=0.5, key=0), cand(0.1, 0.1, 0.8, rel=0.9, key=1,
                                                    findings=CONFLICT)],
         Label.CONTRADICTED, "check"),
        ([cand(0.9, 0.05, 0.05, findings=AGREE)], Label.SUPPORTED, "agree"),
        ([cand(0.9, 0.05, 0.05)], Label.SUPPORTED, "model"),
        ([cand(0.1, 0.8, 0.1, findings=ABSENT)], Label.NOT_FOUND, "absent"),
        ([cand(0.1, 0.8, 0.1)], Label.NOT_FOUND, "model"),
        ([], Label.NOT_FOUND, "model"),
    ],
)
def test_basis_of_the_label(candidates, label, expected):
    d = decide(candidates, S)
    assert (d.label, d.basis) == (label, expected)
    assert d.basis in BASES[d.label]


def test_calibration_per_basis_with_the_labels_own_as_fallback():
    s = S.with_(calibration={"CONTRADICTED": (6.0, -2.5), "CONTRADICTED/model": (2.0, -1.0)})
    by_check = decide([cand(0.05, 0.05, 0.9, findings=CONFLICT)], s)
    by_model = decide([cand(0.05, 0.05, 0.9)], s)
    assert by_check.confidence == pytest.approx(1 / (1 + math.exp(-(6.0 * 0.9 - 2.5))), abs=1e-4)
    assert by_model.confidence == pytest.approx(1 / (1 + math.exp(-(2.0 * 0.9 - 1.0))), abs=1e-4)
    assert by_model.confidence < by_check.confidence


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        ([Label.SUPPORTED, Label.SUPPORTED], Label.SUPPORTED),
        ([Label.SUPPORTED, Label.CONTRADICTED], Label.CONTRADICTED),
        ([Label.SUPPORTED, Label.NOT_FOUND], Label.NOT_FOUND),
        ([Label.NOT_FOUND, Label.CONTRADICTED], Label.CONTRADICTED),
        ([], Label.NOT_FOUND),
    ],
)
def test_combine_compound(labels, expected):
    assert combine(labels) is expected


def test_settings_round_trip(tmp_path):
    s = DecisionSettings().with_(support_threshold=0.7, calibration={
        "SUPPORTED": (6.0, -2.5), "CONTRADICTED/model": (2.0, -1.0)})
    path = tmp_path / "s.json"
    s.save(path)
    assert DecisionSettings.load(path) == s
